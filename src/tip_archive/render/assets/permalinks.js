/* "Copy link" buttons beside paragraph anchors.
 *
 * Every paragraph of an archived source (#p12) and of a resolution's or draft's
 * archived text (#op1, #pp3) already has a visible anchor link (¶12, OP1) that
 * works without JavaScript.  This adds a button that copies the paragraph's
 * permanent address, built on the page's canonical URL, with copy.js.
 */
(function () {
  "use strict";

  /* A long source is split over several pages (render/paging.py), and which part holds a
   * paragraph changes as the archive grows: a paragraph's permanent address stays that of
   * the source's first page (/sources/<id>/#p35), and whichever part a reader lands on
   * sends them on to the part holding it.  `pages` is the text's data-paragraph-pages:
   * "1:./ 13:page/2/ ...", the first paragraph of each part and its address. */
  function parts(pages) {
    return String(pages || "").split(" ").filter(Boolean).map(function (part) {
      var at = part.indexOf(":");
      return { from: parseInt(part.slice(0, at), 10), href: part.slice(at + 1) };
    });
  }

  function partOf(hash, pages) {
    var match = /^#p(\d+)$/.exec(hash || "");
    if (!match) return null;
    var number = parseInt(match[1], 10);
    var found = null;
    parts(pages).forEach(function (part) {
      if (part.from <= number) found = part;
    });
    return found ? found.href : null;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { partOf: partOf, parts: parts };
    return;
  }

  var split = document.querySelector(".tip-source-text[data-paragraph-pages]");
  var pages = split ? split.getAttribute("data-paragraph-pages") : "";
  if (split && location.hash && !document.getElementById(location.hash.slice(1))) {
    var part = partOf(location.hash, pages);
    if (part) {
      var there = new URL(part, location.href);
      there.hash = location.hash;
      location.replace(there.href);
      return;
    }
  }

  var anchors = document.querySelectorAll(".tip-para[id] > a.tip-anchor");
  if (!anchors.length || !window.TipCopy) return;

  var live = document.createElement("p");
  live.className = "tip-visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  function address(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : location.href, location.href);
    if (split) url = new URL(partOf("#p1", pages) || "./", url);  // the first page's
    url.hash = id;
    return url.href;
  }

  anchors.forEach(function (anchor) {
    var id = anchor.parentElement.id;
    var name = anchor.textContent.replace(/^\u00b6/, "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tip-copy";
    var t = window.TipI18n.t;
    button.textContent = t("Copy link");
    button.setAttribute("aria-label", t("Copy link to paragraph {name}", { name: name }));
    button.setAttribute("data-link", address(id));
    anchor.insertAdjacentElement("afterend", button);
    var timer = null;
    button.addEventListener("click", function () {
      var link = button.getAttribute("data-link");
      window.TipCopy.copy(link).then(function (ok) {
        button.textContent = ok ? t("Copied") : t("Copy failed");
        live.textContent = ok
          ? t("Link to paragraph {name} copied: {link}", { name: name, link: link })
          : t("Could not copy; the link is {link}", { link: link });
        if (!ok) location.hash = id;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = t("Copy link"); }, 2500);
      });
    });
  });
})();
