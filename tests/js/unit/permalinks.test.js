// Unit tests of permalinks.js: a "Copy link" button beside each paragraph anchor.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { page, clipboard, settle } = require("./dom.js");

const BODY = '<p class="tip-para" id="p12"><a class="tip-anchor" href="#p12">\u00b612</a> Text.</p>';
const HEAD = '<link rel="canonical" href="https://example.org/archive/sources/s1/">';

test("each anchor gets a button holding the paragraph's permanent address", () => {
  const window = page(BODY, ["copy.js", "permalinks.js"], { head: HEAD, url: "http://localhost:8000/sources/s1/?x=1" });
  const button = window.document.querySelector("button.tip-copy");
  assert.equal(button.getAttribute("data-link"), "https://example.org/archive/sources/s1/#p12");
  assert.equal(button.getAttribute("aria-label"), "Copy link to paragraph 12");
});

test("a click copies the address and says so", async () => {
  const window = page(BODY, ["copy.js"], { head: HEAD });
  const written = clipboard(window);
  window.eval(require("node:fs").readFileSync(require.resolve("../../../src/tip_archive/render/assets/permalinks.js"), "utf8"));
  const button = window.document.querySelector("button.tip-copy");
  button.click();
  await settle(window);
  assert.deepEqual(written, ["https://example.org/archive/sources/s1/#p12"]);
  assert.equal(button.textContent, "Copied");
  assert.match(window.document.querySelector('[role="status"]').textContent, /paragraph 12 copied/);
});

test("without copy.js no button appears (the anchor still works)", () => {
  const window = page(BODY, ["permalinks.js"], { head: HEAD });
  assert.equal(window.document.querySelector("button"), null);
});

test("a paragraph of a split source is found on the part that holds it", () => {
  const { partOf } = require("../../../src/tip_archive/render/assets/permalinks.js");
  const pages = "1:../../ 13:../2/ 26:./";
  assert.equal(partOf("#p1", pages), "../../");
  assert.equal(partOf("#p12", pages), "../../");
  assert.equal(partOf("#p13", pages), "../2/");
  assert.equal(partOf("#p40", pages), "./");
  assert.equal(partOf("#op1", pages), null);
  assert.equal(partOf("#p12", ""), null);
});

test("on a part of a split source, the copied link is the first page's", () => {
  const body = '<div class="tip-source-text" data-paragraph-pages="1:../../ 3:./">' + BODY.replace(/12/g, "4") + "</div>";
  const head = '<link rel="canonical" href="https://example.org/archive/sources/s1/page/2/">';
  const window = page(body, ["copy.js", "permalinks.js"], { head, url: "https://example.org/archive/sources/s1/page/2/#p4" });
  const button = window.document.querySelector("button.tip-copy");
  assert.equal(button.getAttribute("data-link"), "https://example.org/archive/sources/s1/#p4");
});
