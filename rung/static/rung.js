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
