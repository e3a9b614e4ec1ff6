// Properties of the symbol lookup (render/assets/symbols.js): its normaliser and table in
// node, and the "Find by symbol" page in jsdom, under random and hostile queries.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const {
  fc, RUNS, hostile, everyBlock, siteFile, timed, timedAsync, page, settle, elements, markupAdded,
} = require("./support.js");

const symbols = require(path.join(__dirname, "..", "..", "src", "tip_archive", "render", "assets", "symbols.js"));

const manifest = siteFile("symbols/symbols.json");
const rules = manifest.normaliser;
const table = () => new symbols.Table("", (file) => Promise.resolve(siteFile(file)));
const docs = manifest.shards.flatMap(([, name]) => siteFile(`symbols/shards/${name}.json`).docs);
const known = new Set(docs.map((doc) => `${doc.url} ${doc.symbol}`));
const ORGANS = [null, ...rules.organs.map(([organ]) => organ)];

function wellFormed(text) {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

function checkKey(query) {
  const result = timed(() => symbols.normalise(query, rules));
  assert.equal(typeof result.key, "string");
  assert.doesNotMatch(result.key, /\s/);
  assert.ok(ORGANS.includes(result.organ), `organ ${result.organ}`);
}

test("the table is the archive's, with symbols in it", () => {
  assert.ok(docs.length >= 10, `${docs.length} symbols`);
  assert.ok(rules.organs.length >= 3);
});

test("normalise never throws and gives a key without spaces, for any input", () => {
  fc.assert(fc.property(hostile, checkKey), { numRuns: RUNS });
});

test("normalise takes a code point of every Unicode block", () => {
  for (const chunk of everyBlock()) checkKey(chunk);
  for (const chunk of everyBlock(4096)) checkKey(`A/RES/64/293 ${chunk} ga res 64/293`);
});

test("lookup and suggest answer any query with records of the table only", async () => {
  const lookup = table();
  await fc.assert(
    fc.asyncProperty(hostile, async (query) => {
      const result = await timedAsync(() => lookup.lookup(query));
      assert.equal(result.query, query);
      for (const doc of result.matches) assert.ok(known.has(`${doc.url} ${doc.symbol}`), doc.symbol);
      assert.ok(result.go === null || result.matches.includes(result.go));
      const suggested = await timedAsync(() => lookup.suggest(query));
      assert.ok(suggested.length <= 8);
      for (const doc of suggested) assert.ok(known.has(`${doc.url} ${doc.symbol}`), doc.symbol);
    }),
    { numRuns: RUNS },
  );
});

test("every symbol of the table is found however it is written around", async () => {
  const lookup = table();
  const spelled = fc.tuple(
    fc.constantFrom(...docs),
    fc.constantFrom((s) => s, (s) => s.toLowerCase(), (s) => s.toUpperCase()),
    fc.constantFrom("", " ", "\t", "  \u00a0", "UN doc. ", "symbol "),
    fc.constantFrom("", " ", "\n", ".", ";"),
  );
  await fc.assert(
    fc.asyncProperty(spelled, async ([doc, casing, before, after]) => {
      const result = await lookup.lookup(before + casing(doc.symbol) + after);
      assert.ok(result.matches.some((d) => d.symbol === doc.symbol), `${before}${doc.symbol}${after}`);
    }),
    { numRuns: RUNS },
  );
});

// -- in a page ----------------------------------------------------------------------------

const SYMBOLS_PAGE = `<form id="symbol-form"><input id="symbol-query"><p id="symbol-help"></p></form>
  <p id="symbol-status"></p><ul id="symbol-results"></ul><h2 id="every-symbol">Every symbol</h2>`;
const RESULT_TAGS = ["li", "a", "code", "span"];

test("an item shows a record's fields as text, whatever they hold", () => {
  const window = page("http://archive.test/symbols/", "", ["symbols.js"]);
  const fields = fc.record({
    symbol: hostile, title: hostile, type: hostile, label: hostile,
    record_symbol: fc.option(hostile), field: fc.constantFrom("symbol", "draft", "corrigendum"),
    url: fc.constantFrom(...docs.map((d) => d.url)),
  });
  fc.assert(
    fc.property(fields, (doc) => {
      const item = window.TipSymbols.item(doc);
      assert.deepEqual(markupAdded(item, [], RESULT_TAGS), []);
      assert.deepEqual(elements(item).map((e) => e.tagName), ["A", "CODE", "SPAN"]);
      assert.equal(item.querySelector("code").textContent, doc.symbol);
      assert.ok(item.textContent.includes(doc.title));
      assert.ok(item.querySelector("a").href.startsWith("http://archive.test/"));
    }),
    { numRuns: RUNS },
  );
});

test("the Find by symbol page shows any query as text", async () => {
  await fc.assert(
    fc.asyncProperty(hostile, async (typed) => {
      const query = wellFormed(typed);
      const errors = [];
      const url = `http://archive.test/symbols/?q=${encodeURIComponent(query)}`;
      const window = page(url, SYMBOLS_PAGE, ["symbols.js"], errors);
      const doc = window.document;
      const before = elements(doc.body);
      await settle(window);
      const input = doc.getElementById("symbol-query");
      input.value = query;
      doc.getElementById("symbol-form").dispatchEvent(new window.Event("submit", { cancelable: true }));
      await settle(window);
      assert.deepEqual(errors, []);
      assert.deepEqual(markupAdded(doc.body, before, RESULT_TAGS), []);
      const status = doc.getElementById("symbol-status").textContent;
      // The query as the box holds it (a text box drops line breaks), as text.
      const shown = input.value.trim();
      if (/holds no document/.test(status)) assert.ok(status.includes(shown), status.slice(0, 200));
      window.close();
    }),
    { numRuns: Math.ceil(RUNS / 4) },
  );
});
