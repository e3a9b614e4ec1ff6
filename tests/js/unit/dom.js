// A jsdom page running the archive's scripts, for the unit tests (jsdom is pinned in
// tests/browser/package-lock.json: `make browser-deps`).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ASSETS = path.join(__dirname, "..", "..", "..", "src", "tip_archive", "render", "assets");
let JSDOM;
try {
  ({ JSDOM } = require(path.join(__dirname, "..", "..", "browser", "node_modules", "jsdom")));
} catch {
  throw new Error("jsdom is missing: run `make browser-deps`");
}

/** A window at `url` with `body` in its page, after running i18n.js (which every page loads
 * first) and each of `scripts` (asset names). */
function page(body, scripts, { url = "https://archive.test/page/", head = "", before } = {}) {
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, {
    url, runScripts: "outside-only", pretendToBeVisual: true,
  });
  const { window } = dom;
  if (before) before(window);
  for (const name of ["i18n.js", ...scripts]) window.eval(fs.readFileSync(path.join(ASSETS, name), "utf8"));
  return window;
}

/** A clipboard that records what it is given, or refuses (`refuse`). */
function clipboard(window, { refuse = false } = {}) {
  const written = [];
  Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
  Object.defineProperty(window.navigator, "clipboard", {
    configurable: true,
    value: {
      writeText: (text) => (refuse ? Promise.reject(new Error("denied")) : (written.push(text), Promise.resolve())),
    },
  });
  return written;
}

function settle(window, ms = 0) {
  return new Promise((done) => window.setTimeout(done, ms));
}

module.exports = { page, clipboard, settle };
