/* "Copy link" buttons beside paragraph anchors.
 *
 * Every paragraph of an archived source (#p12) and of a resolution's or draft's
 * archived text (#op1, #pp3) already has a visible anchor link (¶12, OP1) that
 * works without JavaScript.  This adds a button that copies the paragraph's
 * permanent address, built on the page's canonical URL, with copy.js.
 */
(function () {
  "use strict";
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
