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
