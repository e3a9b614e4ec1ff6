// Unit tests of notfound.js's pure parts (its lookup against the Python rules is in
// tests/test_notfound.py; its properties in tests/js/notfound.test.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const notfound = require(path.join(__dirname, "../../../src/tip_archive/render/assets/notfound.js"));

test("segments: the path below the root, decoded, without index.html or an extension", () => {
  assert.deepEqual(notfound.segments("/archive/A/RES/64/293/index.html", "/archive/"), ["A", "RES", "64", "293"]);
  assert.deepEqual(notfound.segments("/my%20archive/a-res-64-293.html", "/my archive"), ["a-res-64-293"]);
  assert.deepEqual(notfound.segments("/%ZZ/", "/"), ["%ZZ"]);
});

test("distance: Levenshtein, cut off past the limit", () => {
  assert.equal(notfound.distance("a-res-64-293", "a-res-64-239", 3), 2);
  assert.equal(notfound.distance("abc", "abc", 0), 0);
  assert.equal(notfound.distance("short", "a much longer text", 2), 3);
});

test("symbolKeys: a slug read as a symbol and as prose, with symbols.js's normaliser", () => {
  const rules = { noise: "^(?:ga|res)\\b\\.?[\\s,:]*", organs: [["a", "\\bga\\b"]] };
  assert.deepEqual(notfound.symbolKeys("ga-res-064-293", rules), [
    { key: "/res/64/293", organ: "a" },
    { key: "64/293", organ: "a" },
  ]);
});
