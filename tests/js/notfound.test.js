// Properties of the 404 page's recovery (render/assets/notfound.js): resolve() in node and
// the page in jsdom, for any address a broken link, a typo or an attacker can produce.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const {
  fc, RUNS, hostile, everyBlock, siteFile, timed, page, settle, elements, markupAdded,
} = require("./support.js");

const notfound = require(path.join(__dirname, "..", "..", "src", "tip_archive", "render", "assets", "notfound.js"));

const table = siteFile("data/lookup.json");
const byId = new Map(table.records.map((record) => [record.id, record]));
const ROOTS = ["/", "/tip-archive/", "/a b/%20/"];

function check(pathname, root) {
  const result = timed(() => notfound.resolve(pathname, root, table));
  assert.equal(typeof result.path, "string");
  if (result.kind === "found") {
    assert.equal(byId.get(result.record.id), result.record);
  } else {
    assert.equal(result.kind, "suggest");
    assert.ok(result.records.length <= 5);
    for (const record of result.records) assert.equal(byId.get(record.id), record);
    assert.equal(typeof result.guess, "string");
    assert.equal(typeof result.symbol, "boolean");
  }
  return result;
}

test("the table is the archive's", () => {
  assert.ok(table.records.length > 50, `${table.records.length} records`);
});

test("resolve never throws and offers only records of the table, for any address", () => {
  const address = fc.tuple(fc.constantFrom("", "/", "/tip-archive/", "//"), hostile)
    .map(([start, rest]) => start + rest);
  fc.assert(
    fc.property(address, fc.constantFrom(...ROOTS), (pathname, root) => {
      check(pathname, root);
    }),
    { numRuns: RUNS },
  );
});

test("resolve takes a code point of every Unicode block", () => {
  for (const chunk of everyBlock(64)) {
    check(`/${chunk}`, "/");
    check(`/resolutions/${encodeURIComponent(chunk.replace(/[\ud800-\udfff]/g, ""))}/`, "/");
  }
});

test("every record is found by its id and by each symbol, however the address is written", () => {
  const spelled = fc.tuple(
    fc.constantFrom(...table.records),
    fc.constantFrom(...ROOTS),
    fc.boolean(),
    fc.constantFrom("", "/", "/index.html", ".html"),
    fc.constantFrom((s) => s, (s) => s.toUpperCase(), (s) => s.replace(/-/g, "_"), encodeURIComponent),
  );
  fc.assert(
    fc.property(spelled, ([record, root, bySymbol, end, spell]) => {
      const name = bySymbol && record.symbols.length ? record.symbols[0] : record.id;
      const written = name.split("/").map(spell).join("/");
      const result = check(root + written + end, root);
      assert.equal(result.kind, "found", `${root}${written}${end}`);
      const wanted = bySymbol && record.symbols.length ? record.symbols[0] : null;
      if (wanted) assert.ok(result.record.symbols.includes(wanted), `${wanted} → ${result.record.id}`);
      else assert.equal(result.record.id, record.id);
    }),
    { numRuns: RUNS },
  );
});

test("an address climbing out with .. never leads out of the site", () => {
  const climbing = fc.array(fc.constantFrom("..", "%2e%2e", ".", "..%2f", "..\\", "resolutions", "a-res-64-293"), { minLength: 1, maxLength: 20 })
    .map((parts) => "/" + parts.join("/"));
  fc.assert(
    fc.property(climbing, (pathname) => {
      const result = check(pathname, "/");
      const records = result.kind === "found" ? [result.record] : result.records;
      for (const record of records) assert.match(record.url, /^[a-z]+\/[a-z0-9-]+\/$/);
    }),
    { numRuns: RUNS },
  );
});

// -- in a page ----------------------------------------------------------------------------

const NOT_FOUND_PAGE = `<div id="tip-notfound" data-root="/" data-lookup="/data/lookup.json">
  <h1>Page not found</h1><p id="tip-notfound-message" role="status">No page.</p>
  <ul id="tip-notfound-matches" hidden></ul>
  <form action="/symbols/"><input id="tip-notfound-q" name="q" type="search"></form></div>`;

test("the 404 page shows any address as text and links only to records", async () => {
  await fc.assert(
    fc.asyncProperty(hostile, async (rest) => {
      let url;
      try {
        url = new URL(`http://archive.test/${rest}`);
      } catch {
        return; // not an address a browser can be at
      }
      fc.pre(url.host === "archive.test");
      const errors = [];
      const window = page(url.href, NOT_FOUND_PAGE, [], errors);
      const before = elements(window.document.body);
      window.eval(require("./support.js").asset("notfound.js"));
      await settle(window);
      await settle(window);
      const doc = window.document;
      assert.deepEqual(errors, []);
      assert.deepEqual(markupAdded(doc.body, before, ["li", "a", "code"]), []);
      for (const link of doc.querySelectorAll("#tip-notfound-message a, #tip-notfound-matches a")) {
        const target = new URL(link.getAttribute("href"), url);
        assert.equal(target.host, "archive.test");
        assert.ok(table.records.some((r) => target.pathname === `/${r.url}`), target.pathname);
      }
      assert.equal(typeof doc.getElementById("tip-notfound-q").value, "string");
      window.close();
    }),
    { numRuns: Math.ceil(RUNS / 4) },
  );
});
