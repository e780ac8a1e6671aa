/* Timeline filters: progressive enhancement of a list drawn at build time.
   The form ships `hidden`; without this script every event shows. No network, no dependencies. */
(function () {
  "use strict";

  function words(value) {
    return value ? value.split(" ") : [];
  }

  function setup(form) {
    if (form.getAttribute("data-x-ready")) return;
    form.setAttribute("data-x-ready", "1");
    var scope = form.parentNode;
    var items = Array.prototype.slice.call(scope.querySelectorAll("li.x-event[data-actors]"));
    var months = Array.prototype.slice.call(scope.querySelectorAll(".x-month"));
    var marks = Array.prototype.slice.call(scope.querySelectorAll("[data-x-mark]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector("[role=status]");

    function apply(announce) {
      var shown = 0;
      var visible = {};
      items.forEach(function (li) {
        var keep = selects.every(function (s) {
          return !s.value || words(li.getAttribute("data-" + s.name)).indexOf(s.value) >= 0;
        });
        li.hidden = !keep;
        if (keep) { shown += 1; visible[li.id] = true; }
      });
      months.forEach(function (month) {
        month.hidden = !month.querySelector("li.x-event:not([hidden])");
        var heading = month.previousElementSibling;  // the year heading sits right before its first month
        if (heading && /^H[1-6]$/.test(heading.tagName)) {
          var any = false;
          for (var el = heading.nextElementSibling; el && el.classList.contains("x-month"); el = el.nextElementSibling) {
            any = any || !el.hidden;
          }
          heading.hidden = !any;
        }
      });
      marks.forEach(function (mark) {
        var on = words(mark.getAttribute("data-x-mark")).some(function (id) { return visible[id]; });
        mark.classList.toggle("x-mark--dim", !on);
      });
      var filtered = selects.some(function (s) { return s.value; });
      form.classList.toggle("x-filter--active", filtered);
      if (announce) {
        status.textContent = filtered
          ? "Showing " + shown + " of " + items.length + " events."
          : "Showing all " + items.length + " events.";
      }
    }

    selects.forEach(function (s) {
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0);  // after the browser has reset the values
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function reveal() {  // a link to an event hidden by the filters shows everything again
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (target && target.closest && target.closest("[hidden]") && scope.contains(target)) {
        form.reset();
        selects.forEach(function (s) { s.value = ""; });
        apply(true);
        target.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", reveal);
    form.hidden = false;
    apply(false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-x-filter]"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation swaps pages without reloading
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
