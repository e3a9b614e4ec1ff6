/* The chronology's filters: narrow the timeline graphic and the list below it by
 * record type, body and person.  The form is hidden in the page as built; this
 * script shows it, so that without JavaScript the full list shows and no dead
 * control does.  The filters are kept in the address (?type=&body=&person=), so a
 * filtered chronology can be linked to. */
(function () {
  "use strict";

  var FIELDS = ["type", "body", "person"];

  /* The chronology was one page until each year got its own: an old link to a year's
   * section of the overview (/chronology/#y2010, #before, #after, #undated) is sent on to
   * that year's page, filters kept.  Without JavaScript the section itself links there.
   * `yearLink` is the href of the section's link (null if the hash names no section). */
  function forwardTarget(hash, yearLink, base, search) {
    if (!yearLink || !/^#(y\d{4}|before|after|undated)$/.test(hash || "")) return null;
    var url = new URL(yearLink, base);
    url.search = search || "";
    return url.href;
  }

  function forward() {
    var hash = window.location.hash;
    var section = hash ? document.getElementById(hash.slice(1)) : null;
    if (!section || !section.classList.contains("tip-chrono__section")) return false;
    var next = section.nextElementSibling;
    var link = next && next.querySelector("a[href]");
    var target = forwardTarget(
      hash, link && link.getAttribute("href"), window.location.href, window.location.search
    );
    if (!target) return false;
    window.location.replace(target);
    return true;
  }

  function has(list, value) {
    return (" " + (list || "") + " ").indexOf(" " + value + " ") !== -1;
  }

  function matches(el, wanted) {
    if (wanted.type && el.getAttribute("data-type") !== wanted.type) return false;
    if (wanted.body && !has(el.getAttribute("data-bodies"), wanted.body)) return false;
    if (wanted.person && !has(el.getAttribute("data-people"), wanted.person)) return false;
    return true;
  }

  function init() {
    if (forward()) return;
    var form = document.getElementById("tip-filters");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var items = Array.prototype.slice.call(document.querySelectorAll("li.tip-chrono__item"));
    var marks = Array.prototype.slice.call(document.querySelectorAll(".tip-tl__mark"));
    var labels = Array.prototype.slice.call(document.querySelectorAll(".tip-tl__lane-label"));
    var lists = Array.prototype.slice.call(document.querySelectorAll("ol.tip-chrono"));
    var status = form.querySelector(".tip-filters__status");
    // The overview has marks and no list: then the marks are what is counted.
    var counted = items.length ? items : marks;

    function wanted() {
      var out = {};
      FIELDS.forEach(function (name) { out[name] = form.elements[name].value; });
      return out;
    }

    function apply() {
      var want = wanted();
      var active = FIELDS.some(function (name) { return want[name]; });
      var shown = 0;
      items.forEach(function (li) {
        li.hidden = !matches(li, want);
      });
      counted.forEach(function (el) {
        if (matches(el, want)) shown += 1;
      });
      var lanes = {};
      marks.forEach(function (mark) {
        var ok = matches(mark, want);
        mark.classList.toggle("tip-tl__mark--out", !ok);
        var lane = mark.getAttribute("data-type");
        lanes[lane] = (lanes[lane] || 0) + (ok ? 1 : 0);
      });
      labels.forEach(function (label) {
        var lane = label.getAttribute("data-lane");
        label.textContent = label.getAttribute("data-label") + " (" + (lanes[lane] || 0) + ")";
      });
      lists.forEach(function (ol) {
        var any = ol.querySelector("li:not([hidden])") !== null;
        ol.hidden = !any;
        var none = ol.nextElementSibling;
        if (none && none.classList.contains("tip-chrono__none")) none.hidden = any;
      });
      var t = window.TipI18n.t;
      status.textContent = active
        ? t("Showing {shown} of {total} records.", { shown: shown, total: counted.length })
        : t("Showing all {total} records.", { total: counted.length });
      var params = new URLSearchParams(window.location.search);
      FIELDS.forEach(function (name) {
        if (want[name]) params.set(name, want[name]);
        else params.delete(name);
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
    }

    var given = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var value = given.get(name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { forwardTarget: forwardTarget };
    return;
  }

  // mkdocs-material announces each page it shows through document$ (also with
  // instant navigation); without it, the page load is enough.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
