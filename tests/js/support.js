// What the property tests of the browser scripts share (run by tests/test_js_properties.py).
//
// - fast-check and jsdom, pinned in tests/browser/package-lock.json (`make browser-deps`);
// - the archive's real lookup files, written by the pytest test into $TIP_JS_FIXTURES;
// - `hostile`: input a reader, a broken link or an attacker can hand the scripts;
// - `page()`: a jsdom window running the archive's scripts as a browser would;
// - `markupAdded()`: the elements a script put into the page that it may not have.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const NODE_MODULES = path.join(__dirname, "..", "browser", "node_modules");
const fc = require(path.join(NODE_MODULES, "fast-check"));
const { JSDOM, VirtualConsole } = require(path.join(NODE_MODULES, "jsdom"));

const ASSETS = path.join(__dirname, "..", "..", "src", "tip_archive", "render", "assets");
const FIXTURES = process.env.TIP_JS_FIXTURES;
if (!FIXTURES) throw new Error("TIP_JS_FIXTURES is not set: run tests/test_js_properties.py");

/** A file the build writes into the site (data/lookup.json, symbols/...), parsed. */
function siteFile(relative) {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, relative), "utf8"));
}

function asset(name) {
  return fs.readFileSync(path.join(ASSETS, name), "utf8");
}

/** How many cases each property tries ($TIP_JS_RUNS to change it). */
const RUNS = Number(process.env.TIP_JS_RUNS || 100);

/**
 * The longest any one call may take.  Not a speed measure (that is `make bench`): a
 * ceiling hundreds of times above what a call takes on a slow machine, which only a
 * catastrophic (exponential) regular-expression backtrack or a runaway loop reaches.
 */
const CEILING_MS = Number(process.env.TIP_JS_CEILING_MS || 2000);

function timed(call) {
  const start = process.hrtime.bigint();
  const value = call();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (ms > CEILING_MS) throw new Error(`took ${ms.toFixed(0)} ms (ceiling ${CEILING_MS} ms)`);
  return value;
}

async function timedAsync(call) {
  const start = process.hrtime.bigint();
  const value = await call();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (ms > CEILING_MS) throw new Error(`took ${ms.toFixed(0)} ms (ceiling ${CEILING_MS} ms)`);
  return value;
}

const MARKUP = [
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
  "<a href=javascript:alert(1)>x</a>", "</code></li><li>", "<!--", "-->", "]]>", "&lt;b&gt;",
  "&#60;script&#62;", "<iframe srcdoc='<script>1</script>'>", "<style>*{}</style>", "<mark>",
];
const REGEX = ".*+?^${}()|[]\\/-".split("");
const ESCAPES = ["%", "%2F", "%2f", "%3C", "%3E", "%00", "%ZZ", "%E0%A4%A", "%C0%AF", "%25", "%2e%2e"];
const SEGMENTS = ["..", ".", "", "...", "%2e%2e", "..\\..", "a", "A", "RES", "64", "293", "res",
  "resolutions", "symbol", "index.html", "~", "//"];

/** Strings of every kind of code point, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u200b", "\u00a0", "\u2028", "\ufeff", "\ud800", "\udfff", "\t", "\n"), maxLength: 20 }),
);

/** Pieces that mean something to a symbol, a path, a regular expression or HTML. */
const piece = fc.oneof(
  anyText,
  fc.constantFrom(...MARKUP),
  fc.string({ unit: fc.constantFrom(...REGEX), maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...ESCAPES), maxLength: 12 }),
  fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 12 }).map((parts) => parts.join("/")),
  fc.tuple(fc.constantFrom("A/RES/", "a/res/", "E/RES/", "S/RES/", "GA res ", "A/C.3/", ""),
    fc.nat(99999), fc.constantFrom("/", " / ", "."), fc.nat(99999))
    .map(([head, a, sep, b]) => `${head}${a}${sep}${b}`),
  fc.constantFrom("un", "ga", "doc", "symbol", "resolution", "res", "ecosoc", "no", "see", " ", "0"),
);

/** Very long input: a piece repeated to thousands of characters. */
const long = fc.tuple(piece, fc.integer({ min: 2000, max: 40000 }))
  .map(([text, size]) => (text || "a").repeat(Math.ceil(size / Math.max(1, (text || "a").length))).slice(0, size));

/** Any of the above, or several joined. */
const hostile = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: long },
);

/** Strings that together hold a code point of every Unicode block (blocks start at multiples of 16). */
function everyBlock(size = 256) {
  const chunks = [];
  let chunk = "";
  for (let cp = 0; cp <= 0x10ffff; cp += 16) {
    chunk += String.fromCodePoint(cp + 1 > 0x10ffff ? cp : cp + 1);
    if (chunk.length >= size) {
      chunks.push(chunk);
      chunk = "";
    }
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

/**
 * A jsdom window at `url` with `body`, whose `fetch` serves the site's files from
 * $TIP_JS_FIXTURES, and which runs each of `scripts` (asset names) as a page would.
 * Errors the scripts report go to `errors`.
 */
function page(url, body, scripts, errors = []) {
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (error) => {
    // jsdom cannot navigate: a script going to another page is what it should do.
    if (!/^Not implemented: navigation/.test(error.message)) errors.push(error);
  });
  virtualConsole.on("error", (...args) => errors.push(new Error(args.join(" "))));
  const dom = new JSDOM(`<!doctype html><html><head></head><body>${body}</body></html>`, {
    url, runScripts: "outside-only", pretendToBeVisual: true, virtualConsole,
  });
  const { window } = dom;
  window.fetch = (address) => {
    const file = path.join(FIXTURES, decodeURIComponent(new URL(address, url).pathname));
    const found = fs.existsSync(file) && fs.statSync(file).isFile();
    return Promise.resolve({
      ok: found,
      status: found ? 200 : 404,
      json: () => Promise.resolve(JSON.parse(fs.readFileSync(file, "utf8"))),
    });
  };
  window.addEventListener("error", (event) => errors.push(event.error || new Error(event.message)));
  // i18n.js first, as on every page of the site.
  for (const name of ["i18n.js", ...scripts]) window.eval(asset(name));
  return window;
}

/** Wait for the window's timers and promises to run (`ms` of real time). */
function settle(window, ms = 0) {
  return new Promise((done) => window.setTimeout(done, ms));
}

/** Every element and attribute under `root`, to compare before and after. */
function elements(root) {
  return Array.from(root.querySelectorAll("*"));
}

/**
 * What a script put under `root` that no text can make: elements outside `allowed`
 * (tag names), event-handler attributes, `javascript:` links, and elements that were
 * not there `before` whose tag is not allowed.
 */
function markupAdded(root, before, allowed) {
  const old = new Set(before);
  const wrong = [];
  for (const element of elements(root)) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) wrong.push(`${element.tagName} ${attribute.name}`);
      if (/^\s*javascript:/i.test(attribute.value)) wrong.push(`${element.tagName} ${attribute.name}=javascript:`);
    }
    if (!old.has(element) && !allowed.includes(element.tagName.toLowerCase())) {
      wrong.push(`new <${element.tagName.toLowerCase()}>`);
    }
  }
  return wrong;
}

module.exports = {
  fc, RUNS, CEILING_MS, hostile, piece, long, everyBlock, siteFile, asset, timed, timedAsync,
  page, settle, elements, markupAdded,
};
