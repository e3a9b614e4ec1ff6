// Unit tests of search.js (node --test tests/js/unit/, run by tests/test_js_units.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const { searchStatus } = require(path.join(__dirname, "../../../src/tip_archive/render/assets/search.js"));

test("pages only: the count is of the pages, and says how many are shown", () => {
  assert.equal(searchStatus("trafficking", 0, 25, 10, false), "25 pages, the first 10 shown.");
  assert.equal(searchStatus("trafficking", 0, 4, 4, false), "4 pages.");
  assert.equal(searchStatus("trafficking", 0, 1, 1, false), "1 page.");
});

test("a symbol's record is not counted again among the pages", () => {
  // 25 results, one of them the record found by symbol: 24 other pages, 10 listed.
  assert.equal(
    searchStatus("64/293", 1, 24, 10, false),
    "1 record with this symbol; 24 other pages, the first 10 shown.",
  );
  assert.equal(searchStatus("64/293", 2, 1, 1, false), "2 records with this symbol; 1 other page.");
});

test("when the only hit is the symbol's own record, no *other* page contains it", () => {
  assert.equal(
    searchStatus("64/293", 1, 0, 0, false),
    "1 record with this symbol; no other page contains \u201c64/293\u201d.",
  );
  assert.equal(searchStatus("zzz", 0, 0, 0, false), "No page contains \u201czzz\u201d.");
});

test("without the full-text index the status says so", () => {
  assert.equal(
    searchStatus("64/293", 1, 0, 0, true),
    "1 record with this symbol; full-text search is not available on this copy of the site.",
  );
});
