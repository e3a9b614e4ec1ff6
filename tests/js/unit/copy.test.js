// Unit tests of copy.js, the one copy-to-clipboard helper (permalinks.js and cite.js use it).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { page, clipboard } = require("./dom.js");

test("copies through the Clipboard API where the page may use it", async () => {
  const window = page("", ["copy.js"]);
  const written = clipboard(window);
  assert.equal(await window.TipCopy.copy("https://archive.test/#p1"), true);
  assert.deepEqual(written, ["https://archive.test/#p1"]);
});

test("refused, it falls back on execCommand, and says whether that copied", async () => {
  const window = page('<p id="t">Some <i>text</i></p>', ["copy.js"]);
  clipboard(window, { refuse: true });
  const commands = [];
  window.document.execCommand = (name) => (commands.push(name), false);
  const node = window.document.getElementById("t");
  assert.equal(await window.TipCopy.copy("Some text", node), false);
  assert.deepEqual(commands, ["copy"]);
  // left selected, for the reader to press Ctrl+C
  assert.equal(window.getSelection().toString(), "Some text");
  window.document.execCommand = () => true;
  assert.equal(await window.TipCopy.copy("Some text", node), true);
});

test("without a clipboard, text of no element goes through a text area that is removed", async () => {
  const window = page("", ["copy.js"]);
  let copied = null;
  window.document.execCommand = () => {
    copied = window.document.querySelector("textarea").value;
    return true;
  };
  assert.equal(await window.TipCopy.copy("a link"), true);
  assert.equal(copied, "a link");
  assert.equal(window.document.querySelector("textarea"), null);
});
