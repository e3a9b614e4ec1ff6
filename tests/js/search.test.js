// Properties of the header search box (render/assets/search.js) in a jsdom page: what it
// makes of any query, and when it says that the archive holds no document with a symbol.
// Pagefind cannot load in jsdom, so the box answers from the symbol table alone (and says
// that full-text search is not available), which is the part under test here.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { fc, RUNS, hostile, siteFile, page, settle, elements, markupAdded } = require("./support.js");

const HEADER = '<header><nav class="md-header__inner"><div class="md-header__source"></div></nav></header>';
const RESULT_TAGS = ["li", "a", "code", "span", "mark", "p"];
const manifest = siteFile("symbols/symbols.json");
const docs = manifest.shards.flatMap(([, name]) => siteFile(`symbols/shards/${name}.json`).docs);
const held = new Set(docs.map((doc) => doc.symbol.toLowerCase()));
const ABSENT = /holds no document with the symbol/;

/** Type `query` into the search box, press Enter, and return what the box shows. */
async function search(query) {
  const errors = [];
  const window = page("http://archive.test/about/", HEADER, ["symbols.js", "search.js"], errors);
  const dialog = window.document.getElementById("tip-search");
  assert.ok(dialog, "the search box was not made");
  const before = elements(dialog);
  const input = window.document.getElementById("tip-search-input");
  input.value = query;
  input.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Enter", cancelable: true }));
  for (let i = 0; i < 5; i++) await settle(window, 2);
  const shown = {
    errors,
    added: markupAdded(dialog, before, RESULT_TAGS),
    typed: input.value.trim(),
    status: dialog.querySelector(".tip-search__status").textContent,
    symbols: Array.from(dialog.querySelectorAll("#tip-search-symbol-list li")).map((li) => li.textContent),
    links: Array.from(dialog.querySelectorAll("#tip-search-symbol-list a")).map((a) => a.href),
  };
  window.close();
  return shown;
}

test("the box shows any query as text and says what it found", async () => {
  await fc.assert(
    fc.asyncProperty(hostile, async (query) => {
      const shown = await search(query);
      assert.deepEqual(shown.errors, []);
      assert.deepEqual(shown.added, []);
      for (const link of shown.links) assert.ok(link.startsWith("http://archive.test/"), link);
      for (const text of shown.symbols.filter((t) => ABSENT.test(t))) {
        assert.ok(text.includes(shown.typed), text.slice(0, 200));
      }
      if (shown.typed) assert.ok(shown.status.endsWith("."), shown.status.slice(0, 200));
    }),
    { numRuns: Math.ceil(RUNS / 4) },
  );
});

test("words without a number are never taken for a missing symbol", async () => {
  const words = hostile.map((text) => text.replace(/[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, ""));
  await fc.assert(
    fc.asyncProperty(words, async (query) => {
      const shown = await search(query);
      assert.deepEqual(shown.symbols.filter((t) => ABSENT.test(t)), []);
    }),
    { numRuns: Math.ceil(RUNS / 4) },
  );
});

test("a symbol the archive does not hold is said to be missing; one it holds is listed", async () => {
  const symbol = fc.tuple(
    fc.constantFrom("A/RES/", "a/res/", "E/RES/", "A/", "GA res ", "UN doc. A/C.3/"),
    fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }),
  ).map(([head, a, b]) => `${head}${a}/${b}`);
  await fc.assert(
    fc.asyncProperty(symbol, async (query) => {
      const shown = await search(query);
      if (shown.links.length) return; // a symbol of the archive, under some spelling
      assert.equal(shown.symbols.length, 1, query);
      assert.match(shown.symbols[0], ABSENT);
    }),
    { numRuns: Math.ceil(RUNS / 4) },
  );
  for (const doc of docs) {
    const shown = await search(doc.symbol);
    assert.ok(shown.links.some((href) => href === `http://archive.test/${doc.url}`), doc.symbol);
    assert.deepEqual(shown.symbols.filter((t) => ABSENT.test(t)), [], doc.symbol);
  }
  assert.ok(held.size >= 10);
});
