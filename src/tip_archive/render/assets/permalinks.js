/* "Copy link" buttons beside paragraph anchors.
 *
 * Every paragraph of an archived source (#p12) and of a resolution's or draft's
 * archived text (#op1, #pp3) already has a visible anchor link (¶12, OP1) that
 * works without JavaScript.  This adds a button that copies the paragraph's
 * permanent address, built on the page's canonical URL.
 */
(function () {
  "use strict";
  var anchors = document.querySelectorAll(".tip-para[id] > a.tip-anchor");
  if (!anchors.length) return;

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

  function copyByHand(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyByHand(text); }
      );
    }
    return Promise.resolve(copyByHand(text));
  }

  anchors.forEach(function (anchor) {
    var id = anchor.parentElement.id;
    var name = anchor.textContent.replace(/^\u00b6/, "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tip-copy";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to paragraph " + name);
    button.setAttribute("data-link", address(id));
    anchor.insertAdjacentElement("afterend", button);
    var timer = null;
    button.addEventListener("click", function () {
      var link = button.getAttribute("data-link");
      copy(link).then(function (ok) {
        button.textContent = ok ? "Copied" : "Copy failed";
        live.textContent = ok
          ? "Link to paragraph " + name + " copied: " + link
          : "Could not copy; the link is " + link;
        if (!ok) location.hash = id;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = "Copy link"; }, 2500);
      });
    });
  });
})();
