// Unit tests of cite.js: the "Cite this" section's copy buttons.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { page, clipboard, settle } = require("./dom.js");

const BODY = `<section data-tip-cite><p id="c1">Belarus,  <i>Global Plan</i>, 2010.</p>
  <button class="tip-copy" data-copy="c1" hidden>Copy</button><p class="tip-cite__status"></p></section>`;

test("the hidden buttons are shown", async () => {
  const window = page(BODY, ["copy.js", "cite.js"]);
  await settle(window);
  assert.equal(window.document.querySelector(".tip-copy").hidden, false);
});

test("a click copies the citation's text, spaces folded, and says so", async () => {
  const window = page(BODY, ["copy.js"]);
  const written = clipboard(window);
  window.eval(require("node:fs").readFileSync(require.resolve("../../../src/tip_archive/render/assets/cite.js"), "utf8"));
  await settle(window);
  window.document.querySelector(".tip-copy").click();
  await settle(window, 80);
  assert.deepEqual(written, ["Belarus, Global Plan, 2010."]);
  assert.equal(window.document.querySelector(".tip-copy").textContent, "Copied");
  assert.equal(window.document.querySelector(".tip-cite__status").textContent, "Copied to the clipboard.");
});

test("when nothing can copy, the text is selected and the reader told to press Ctrl+C", async () => {
  const window = page(BODY, ["copy.js", "cite.js"]);
  await settle(window);
  window.document.execCommand = () => false;
  window.document.querySelector(".tip-copy").click();
  await settle(window, 80);
  assert.match(window.document.querySelector(".tip-cite__status").textContent, /press Ctrl\+C/);
  assert.equal(window.getSelection().toString().replace(/\s+/g, " "), "Belarus, Global Plan, 2010.");
});
