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
        form.querySelectorAll("[data-show-levels]").forEach(function (button) { button.remove(); });
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
