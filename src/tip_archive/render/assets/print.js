/*
 * Dates the printed copy: when the reader prints, the colophon says on which day.
 * Without JavaScript the colophon still gives the permanent URL ("Retrieved from").
 */
"use strict";
(function () {
  function stamp() {
    var now = new Date();
    var iso = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0");
    // In the page's edition: "3 December 2026", "3 декабря 2026 г.".
    var locale = window.TipI18n && window.TipI18n.lang() === "ru" ? "ru-RU" : "en-GB";
    var text = now.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll(".tip-printed").forEach(function (node) {
      var time = node.querySelector("time");
      if (time) {
        time.setAttribute("datetime", iso);
        time.textContent = text;
      }
      node.hidden = false;
    });
  }
  window.addEventListener("beforeprint", stamp);
  if (window.matchMedia) {
    var query = window.matchMedia("print");
    if (query.addEventListener) {
      query.addEventListener("change", function (event) {
        if (event.matches) stamp();
      });
    }
  }
})();
