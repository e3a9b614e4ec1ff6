// Unit tests of chronology.js: the chronology's filters.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { page, settle } = require("./dom.js");

const BODY = `<form id="tip-filters" hidden>
  <select name="type"><option value=""></option><option value="event">event</option></select>
  <select name="body"><option value=""></option><option value="unodc">UNODC</option></select>
  <select name="person"><option value=""></option></select>
  <p class="tip-filters__status"></p></form>
  <ol class="tip-chrono">
    <li class="tip-chrono__item" data-type="event" data-bodies="unodc ga">A</li>
    <li class="tip-chrono__item" data-type="resolution" data-bodies="ga">B</li>
  </ol><p class="tip-chrono__none" hidden>None.</p>`;

test("the form is shown and counts every record", async () => {
  const window = page(BODY, ["chronology.js"]);
  await settle(window);
  const form = window.document.getElementById("tip-filters");
  assert.equal(form.hidden, false);
  assert.equal(form.querySelector(".tip-filters__status").textContent, "Showing all 2 records.");
});

test("a filter hides the other records and goes into the address", async () => {
  const window = page(BODY, ["chronology.js"], { url: "https://archive.test/chronology/" });
  await settle(window);
  const form = window.document.getElementById("tip-filters");
  form.elements.body.value = "unodc";
  form.dispatchEvent(new window.Event("change"));
  const items = window.document.querySelectorAll("li.tip-chrono__item");
  assert.deepEqual(Array.from(items, (li) => li.hidden), [false, true]);
  assert.equal(form.querySelector(".tip-filters__status").textContent, "Showing 1 of 2 records.");
  assert.equal(window.location.search, "?body=unodc");
});

const MARKS = `<form id="tip-filters" hidden>
  <select name="type"><option value=""></option><option value="event">event</option></select>
  <select name="body"><option value=""></option></select>
  <select name="person"><option value=""></option></select>
  <p class="tip-filters__status"></p></form>
  <svg><a class="tip-tl__mark" data-type="event" data-bodies="" data-people=""></a>
  <a class="tip-tl__mark" data-type="resolution" data-bodies="" data-people=""></a>
  <a class="tip-tl__mark" data-type="event" data-bodies="" data-people=""></a></svg>`;

test("on the overview, without a list, the filters count the graphic's marks", async () => {
  const window = page(MARKS, ["chronology.js"], { url: "https://archive.test/chronology/" });
  await settle(window);
  const form = window.document.getElementById("tip-filters");
  assert.equal(form.querySelector(".tip-filters__status").textContent, "Showing all 3 records.");
  form.elements.type.value = "event";
  form.dispatchEvent(new window.Event("change"));
  assert.equal(form.querySelector(".tip-filters__status").textContent, "Showing 2 of 3 records.");
  const out = window.document.querySelectorAll(".tip-tl__mark--out");
  assert.equal(out.length, 1);
});

test("an old year anchor of the one-page chronology leads to the year's page", () => {
  const { forwardTarget } = require("../../../src/tip_archive/render/assets/chronology.js");
  const base = "https://archive.test/chronology/#y2010";
  assert.equal(forwardTarget("#y2010", "2010/", base, ""), "https://archive.test/chronology/2010/");
  assert.equal(
    forwardTarget("#undated", "undated/", base, "?type=event"),
    "https://archive.test/chronology/undated/?type=event",
  );
  // Any other anchor, or a section without a link (an empty year), stays where it is.
  assert.equal(forwardTarget("#tip-filters", "2010/", base, ""), null);
  assert.equal(forwardTarget("#y2010", null, base, ""), null);
  assert.equal(forwardTarget("#y2010x", "2010/", base, ""), null);
});
