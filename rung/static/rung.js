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
