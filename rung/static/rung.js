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
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
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
