/* Rung — the page behaviour that inline handlers would otherwise carry. The content security
   policy refuses inline script and hx-on, so elements ask for it with data attributes. */
(function () {
  "use strict";

  // <button data-print>: open the browser's print dialog (the print pages).
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("[data-print]")) {
      window.print();
    }
  });

  // <form data-confirm="Question?">: ask before a plain (non-htmx) form is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // data-swap-refusals: a 400 answer to an htmx request inside is the form with its errors
  // (429 when a posting limit refused it, with the limit's message), so it replaces the
  // target like a success instead of being dropped as an error.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    if ((detail.xhr.status === 400 || detail.xhr.status === 429) && event.target instanceof Element && event.target.closest("[data-swap-refusals]")) {
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });
})();

/* === account pages === */
// Show-password buttons and the new password's strength meter. Both are rendered hidden, so
// without JavaScript neither appears; the password rules are listed under the field anyway,
// and the server's checks (length, common passwords, similarity) stay the ones that count.
(function () {
  "use strict";

  function setShown(button, input, shown) {
    input.type = shown ? "text" : "password";
    button.textContent = shown ? button.dataset.hide : button.dataset.show;
    button.setAttribute("aria-label", shown ? button.dataset.hideLabel : button.dataset.showLabel);
  }

  // A rough guide only: length counts most, then the kinds of characters used.
  function strength(password) {
    if (password.length < 8 || /^(.)\1*$/.test(password) || /^\d+$/.test(password)) {
      return "weak";
    }
    var kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter(function (re) {
      return re.test(password);
    }).length;
    var score = 1 + (password.length >= 12 ? 1 : 0) + (password.length >= 16 ? 1 : 0) + (kinds >= 2 ? 1 : 0) + (kinds >= 3 ? 1 : 0);
    return score >= 4 ? "strong" : score >= 2 ? "fair" : "weak";
  }

  function updateMeter(meter, input) {
    var level = input.value ? strength(input.value) : "";
    meter.dataset.level = level;
    meter.querySelector("[data-password-meter-level]").textContent = level ? meter.dataset[level] : "—";
  }

  function setUp(root) {
    root.querySelectorAll("[data-password-toggle]").forEach(function (button) {
      var input = document.getElementById(button.getAttribute("aria-controls"));
      if (!input || button.dataset.ready) {
        return;
      }
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        setShown(button, input, input.type === "password");
        input.focus();
      });
      // The form sends the password as typed; switch back so the browser may offer to save it.
      if (input.form) {
        input.form.addEventListener("submit", function () {
          setShown(button, input, false);
        });
      }
    });
    root.querySelectorAll("[data-password-meter]").forEach(function (meter) {
      var input = document.getElementById(meter.dataset.passwordMeter);
      if (!input || meter.dataset.ready) {
        return;
      }
      meter.dataset.ready = "1";
      meter.hidden = false;
      input.addEventListener("input", function () {
        updateMeter(meter, input);
      });
      updateMeter(meter, input);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      setUp(document);
    });
  } else {
    setUp(document);
  }
})();

/* === growth === */
// <select data-scale-select> with <template data-scale-levels="<scale id>"> beside it: the
// form's rating selects (data-rating-select) offer only the chosen scale's levels. Without
// JavaScript the "Show levels" button (data-show-levels) asks the server for the same.
(function () {
  "use strict";

  function showLevels(scaleSelect) {
    var form = scaleSelect.form;
    if (!form) { return; }
    var source = form.querySelector('template[data-scale-levels="' + scaleSelect.value + '"]');
    form.querySelectorAll("select[data-rating-select]").forEach(function (select) {
      var kept = select.value;
      select.replaceChildren();
      if (source) {
        select.append(source.content.cloneNode(true));
      } else {
        var none = document.createElement("option");
        none.value = "";
        none.textContent = "—";
        select.append(none);
      }
      // A level of the same scale stays picked; one of another scale is not on offer.
      select.value = kept;
      if (select.value !== kept) { select.value = ""; }
    });
  }

  function setUp(root) {
    root.querySelectorAll("select[data-scale-select]").forEach(function (select) {
      var form = select.form;
      if (form) {
        // With the levels swapped here, the form's own save button is its first again.
        form.querySelectorAll("[data-show-levels], .default-submit").forEach(function (button) { button.remove(); });
      }
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLSelectElement && event.target.matches("[data-scale-select]")) {
      showLevels(event.target);
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();

// === relative times ===
// <time data-relative datetime="ISO">18 days ago</time>, rendered by the `reltime` filter.
// The server's text may come from a cached fragment (at most a minute old) and its hover
// from the server's time zone; here the hover shows the reader's own time zone and the
// text moves on while the page stays open. The units and the rounding down match
// rung/core/relative_time.py, and the browser's wording (CLDR) matches the catalogue's.
(function () {
  "use strict";

  if (!window.Intl || !Intl.RelativeTimeFormat || !Intl.DateTimeFormat) {
    return;
  }
  var lang = document.documentElement.lang || "en";
  var relative = new Intl.RelativeTimeFormat(lang, { numeric: "always" });
  var exact = new Intl.DateTimeFormat(lang, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
  });
  var UNITS = [
    ["year", 365 * 86400],
    ["month", 30 * 86400],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60]
  ];

  function label(seconds) {
    for (var i = 0; i < UNITS.length; i++) {
      if (seconds >= UNITS[i][1]) {
        return relative.format(-Math.floor(seconds / UNITS[i][1]), UNITS[i][0]);
      }
    }
    return null; // under a minute: the server's "just now" stays
  }

  function update(root, withTitles) {
    var now = Date.now();
    root.querySelectorAll("time[data-relative][datetime]").forEach(function (element) {
      var when = Date.parse(element.getAttribute("datetime"));
      if (isNaN(when)) {
        return;
      }
      if (withTitles) {
        element.title = exact.format(new Date(when));
      }
      var text = label(Math.floor((now - when) / 1000));
      if (text !== null && element.textContent !== text) {
        element.textContent = text;
      }
    });
  }

  update(document, true);
  document.addEventListener("htmx:load", function (event) {
    if (event.target instanceof Element) {
      update(event.target, true);
    }
  });
  window.setInterval(function () {
    update(document, false);
  }, 60000);
})();

// The header's bell: the unread count follows without a reload. The script asks the server
// every minute while the tab is visible, and at once when the tab comes back into view; a
// hidden tab asks nothing. Polling rather than a held-open stream: each open tab would keep
// one of the server's few workers busy for as long as it stayed open.
(function () {
  "use strict";

  var bell = document.querySelector("[data-bell]");
  if (!bell || !window.fetch) {
    return;
  }
  var count = bell.querySelector("[data-bell-count]");
  var said = bell.querySelector("[data-bell-said]");
  var cap = parseInt(bell.getAttribute("data-bell-cap"), 10) || 99;
  var every = (parseInt(bell.getAttribute("data-bell-every"), 10) || 60) * 1000;
  var timer = null;

  function show(unread) {
    count.textContent = unread > cap ? cap + "+" : String(unread);
    count.hidden = unread === 0;
    bell.classList.toggle("has-unread", unread > 0);
    if (said) {
      said.textContent = said.textContent.replace(/^\d+\+?/, count.textContent);
    }
    document.dispatchEvent(new CustomEvent("rung:unread", { detail: { unread: unread } }));
  }

  function ask() {
    if (document.visibilityState === "hidden") {
      return;
    }
    fetch(bell.getAttribute("data-bell"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && typeof body.unread === "number") {
          show(body.unread);
        }
      })
      .catch(function () { /* offline: try again at the next turn */ });
  }

  function start() {
    if (timer === null) {
      timer = window.setInterval(ask, every);
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      ask();
      start();
    } else if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  });
  start();
})();

/* === @mentions === */
// <textarea data-mention-source="/members/suggest" data-mention-label="...">: typing "@"
// and the start of a name offers up to eight members (display name and username) in a list
// under the field, from that address. Arrow keys move through the list, Enter or Tab picks,
// Escape closes, and a click picks too. The list is a listbox that the textarea points into
// with aria-activedescendant, so screen readers announce the option in focus. Without
// JavaScript the field is plain text, and "@username" typed by hand is a mention all the
// same. What starts a mention matches rung/core/mentions.py: an "@" not right after a
// letter, digit or "_.+-@" (Han, kana and Hangul excepted), then name characters.
(function () {
  "use strict";

  var AT_NAME = /(?:^|[^\p{L}\p{N}_.+@-]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])@([\p{L}\p{N}_.+-]{1,150})$/u;
  var LOOK_BACK = 160; // "@" and the longest username, with the character before them
  var WAIT_MS = 150;
  var FIELD = "textarea[data-mention-source]";
  var lists = 0;
  var answers = new Map(); // address → members, so retyping a prefix asks nothing again

  function state(field) {
    if (!field._mentions) {
      lists += 1;
      field._mentions = { list: null, members: [], active: -1, at: -1, timer: 0, asked: "", id: "mention-list-" + lists };
    }
    return field._mentions;
  }

  // The name being typed before the caret, and where its "@" is; null if none.
  function typed(field) {
    var end = field.selectionStart;
    if (end !== field.selectionEnd) {
      return null;
    }
    var before = field.value.slice(Math.max(0, end - LOOK_BACK), end);
    var match = AT_NAME.exec(before);
    if (!match) {
      return null;
    }
    return { query: match[1], at: end - match[1].length - 1 };
  }

  function close(field) {
    var s = state(field);
    window.clearTimeout(s.timer);
    s.asked = "";
    s.members = [];
    s.active = -1;
    if (s.list) {
      s.list.remove();
      s.list = null;
    }
    field.removeAttribute("aria-controls");
    field.removeAttribute("aria-activedescendant");
  }

  function highlight(field, index) {
    var s = state(field);
    s.active = index;
    Array.prototype.forEach.call(s.list.children, function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    field.setAttribute("aria-activedescendant", s.id + "-" + index);
  }

  function show(field, members) {
    var s = state(field);
    if (!members.length) {
      close(field);
      return;
    }
    if (!s.list) {
      s.list = document.createElement("ul");
      s.list.id = s.id;
      s.list.className = "mention-list";
      s.list.setAttribute("role", "listbox");
      s.list.setAttribute("aria-label", field.dataset.mentionLabel || "@");
      field.insertAdjacentElement("afterend", s.list);
      field.setAttribute("aria-autocomplete", "list");
      field.setAttribute("aria-controls", s.id);
    }
    s.members = members;
    s.list.replaceChildren.apply(s.list, members.map(function (member, i) {
      var option = document.createElement("li");
      option.id = s.id + "-" + i;
      option.setAttribute("role", "option");
      var name = document.createElement("span");
      name.className = "mention-name";
      name.textContent = member.name;
      var username = document.createElement("span");
      username.className = "mention-username";
      username.textContent = "@" + member.username;
      option.append(name, " ", username);
      // Chosen on mousedown, before the textarea loses focus and closes the list.
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        pick(field, i);
      });
      return option;
    }));
    highlight(field, 0);
  }

  function pick(field, index) {
    var s = state(field);
    var member = s.members[index];
    var at = s.at;
    var end = field.selectionStart;
    close(field);
    if (!member || at < 0) {
      return;
    }
    var inserted = "@" + member.username + " ";
    field.value = field.value.slice(0, at) + inserted + field.value.slice(end);
    field.selectionStart = field.selectionEnd = at + inserted.length;
    field.focus();
  }

  function ask(field, query) {
    var s = state(field);
    var address = field.dataset.mentionSource + "?q=" + encodeURIComponent(query);
    s.asked = address;
    if (answers.has(address)) {
      show(field, answers.get(address));
      return;
    }
    window.fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { members: [] }; })
      .then(function (data) {
        var members = Array.isArray(data.members) ? data.members : [];
        answers.set(address, members);
        if (s.asked === address && document.activeElement === field) {
          show(field, members);
        }
      })
      .catch(function () { close(field); });
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.matches(FIELD)) {
      return;
    }
    var s = state(field);
    var found = typed(field);
    if (!found) {
      close(field);
      return;
    }
    s.at = found.at;
    window.clearTimeout(s.timer);
    s.timer = window.setTimeout(function () { ask(field, found.query); }, WAIT_MS);
  });

  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.matches(FIELD) || !field._mentions || !field._mentions.list) {
      return;
    }
    var s = field._mentions;
    var count = s.members.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(field, (s.active + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && s.active >= 0) {
      event.preventDefault();
      pick(field, s.active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(field);
    }
  });

  document.addEventListener("focusout", function (event) {
    var field = event.target;
    if (field instanceof HTMLTextAreaElement && field.matches(FIELD) && field._mentions) {
      close(field);
    }
  });
})();
