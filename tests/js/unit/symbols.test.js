// Unit tests of symbols.js's debounce, the one the scripts share (search.js uses it too).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const api = require(path.join(__dirname, "../../../src/tip_archive/render/assets/symbols.js"));

test("a debounced function runs once, after the last call, with its arguments", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const calls = [];
  const later = api.debounce((value) => calls.push(value), 100);
  later(1);
  t.mock.timers.tick(60);
  later(2);
  t.mock.timers.tick(60);
  assert.deepEqual(calls, []);
  t.mock.timers.tick(40);
  assert.deepEqual(calls, [2]);
});

test("cancel drops the waiting call", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const calls = [];
  const later = api.debounce(() => calls.push("ran"), 100);
  later();
  later.cancel();
  t.mock.timers.tick(200);
  assert.deepEqual(calls, []);
  later();
  t.mock.timers.tick(100);
  assert.deepEqual(calls, ["ran"]);
});
