/* The one copy-to-clipboard helper of the archive's scripts (permalinks.js, cite.js).
 *
 * TipCopy.copy(text, node) resolves to true once `text` is on the clipboard: through
 * the asynchronous Clipboard API where the page may use it (with `node`'s HTML beside
 * the plain text, to keep a title's italics, when `node` is given and is not a link),
 * else, or when that is refused, by selecting the text and execCommand("copy").  It
 * resolves to false when neither works; then `node` (if given) is left selected, so the
 * reader can press Ctrl+C.  Loaded on every page before the scripts that use it.
 */
(function (root) {
  "use strict";

  function select(doc, node) {
    var range = doc.createRange();
    range.selectNodeContents(node);
    var selection = doc.defaultView.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* execCommand("copy") on `node`'s text, or on a hidden text area holding `text`. */
  function copyByHand(doc, text, node) {
    var area = null;
    if (node) {
      select(doc, node);
    } else {
      area = doc.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "tip-visually-hidden";
      doc.body.appendChild(area);
      area.select();
    }
    var ok;
    try {
      ok = doc.execCommand("copy");
    } catch {
      ok = false;
    }
    if (area) area.remove();
    return ok;
  }

  function copy(text, node, win) {
    win = win || root;
    var doc = win.document;
    var clipboard = win.navigator && win.navigator.clipboard;
    if (!clipboard || !win.isSecureContext) return Promise.resolve(copyByHand(doc, text, node));
    var written;
    if (node && node.tagName !== "A" && win.ClipboardItem && clipboard.write) {
      written = clipboard.write([new win.ClipboardItem({
        "text/plain": new win.Blob([text], { type: "text/plain" }),
        "text/html": new win.Blob([node.innerHTML], { type: "text/html" }),
      })]);
    } else {
      written = clipboard.writeText(text);
    }
    return written.then(
      function () { return true; },
      function () { return copyByHand(doc, text, node); }
    );
  }

  var api = { copy: copy, copyByHand: copyByHand };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TipCopy = api;
})(this);
