// Renders CSL-JSON items with citeproc-js: one note and one bibliography entry per item.
// Usage: node citeproc_driver.js ITEMS.json STYLE.csl LOCALE.xml
// Prints JSON: {"<id>": {"note": "...", "bibliography": "..."}, ...} (plain text output).
// Called by tests/test_citeproc.py; citeproc is pinned in tests/browser/package-lock.json.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, "..", "browser", "node_modules", "citeproc"));

const [itemsPath, stylePath, localePath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const byId = new Map(items.map((item) => [String(item.id), item]));

const engine = new CSL.Engine(
  { retrieveLocale: () => locale, retrieveItem: (id) => byId.get(String(id)) },
  style,
  "en-US",
  true
);
engine.setOutputFormat("text");
const out = {};
for (const item of items) {
  // makeCitationCluster keeps no note positions: every note is a first, full note
  // (no "Ibid." or short forms).
  out[item.id] = { note: engine.makeCitationCluster([{ id: item.id }]), bibliography: "" };
}
engine.updateItems(items.map((item) => item.id));
const [meta, entries] = engine.makeBibliography();
meta.entry_ids.forEach((ids, i) => {
  out[ids[0]].bibliography = (entries[i] || "").trim();
});
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
