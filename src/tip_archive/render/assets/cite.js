/* Copy buttons of the archive's "Cite this" sections.
 *
 * Progressive enhancement: the citations are plain selectable text and the
 * buttons are hidden in the HTML; this script shows them.  It copies with the
 * asynchronous Clipboard API (plain text, plus HTML to keep a title's italics),
 * and where that is missing or refused it selects the text and falls back on
 * execCommand("copy"), or asks the reader to press Ctrl+C.
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

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function legacyCopy(node) {
    select(node);
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }

  function copy(button) {
    var node = document.getElementById(button.getAttribute("data-copy"));
    var block = button.closest("[data-tip-cite]");
    if (!node) return;
    var text = node.textContent.replace(/\s+/g, " ").trim();
    function done() {
      button.textContent = "Copied";
      say(block, "Copied to the clipboard.");
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
    }
    function fallback() {
      if (legacyCopy(node)) {
        done();
      } else {
        select(node);
        say(block, "The text is selected: press Ctrl+C (\u2318C on a Mac) to copy it.");
      }
    }
    var clipboard = navigator.clipboard;
    if (!clipboard || !window.isSecureContext) {
      fallback();
      return;
    }
    var written;
    if (window.ClipboardItem && clipboard.write && node.tagName !== "A") {
      written = clipboard.write([new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([node.innerHTML], { type: "text/html" })
      })]);
    } else {
      written = clipboard.writeText(text);
    }
    written.then(done, fallback);
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
