/* Copy buttons of the archive's "Cite this" sections.
 *
 * Progressive enhancement: the citations are plain selectable text and the
 * buttons are hidden in the HTML; this script shows them.  It copies with copy.js
 * (plain text, plus HTML to keep a title's italics), and where that fails the text
 * is left selected and the reader is asked to press Ctrl+C.
 */
(function () {
  "use strict";

  function say(block, message) {
    var status = block && block.querySelector(".tip-cite__status");
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
  }

  function copy(button) {
    var node = document.getElementById(button.getAttribute("data-copy"));
    var block = button.closest("[data-tip-cite]");
    if (!node || !window.TipCopy) return;
    var text = node.textContent.replace(/\s+/g, " ").trim();
    var t = window.TipI18n.t;
    window.TipCopy.copy(text, node).then(function (ok) {
      if (ok) {
        button.textContent = t("Copied");
        say(block, t("Copied to the clipboard."));
        window.setTimeout(function () { button.textContent = t("Copy"); }, 2000);
      } else {
        say(block, t("The text is selected: press Ctrl+C (\u2318C on a Mac) to copy it."));
      }
    });
  }

  function init() {
    var buttons = document.querySelectorAll("[data-tip-cite] .tip-copy");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      if (button.getAttribute("data-tip-ready")) return;
      button.setAttribute("data-tip-ready", "1");
      button.addEventListener("click", function () { copy(button); });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
