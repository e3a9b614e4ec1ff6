// Unit tests of i18n.js: the scripts' strings in the page's language.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { page } = require("./dom.js");
const { searchStatus } = require(path.join(__dirname, "../../../src/tip_archive/render/assets/search.js"));

const RU = { "Copied": "Скопировано", "Found: {symbol}.": "Найдено: {symbol}.", "{count} pages": "страниц: {count}" };

function window(lang) {
  return page("", [], {
    before: (w) => {
      w.document.documentElement.setAttribute("lang", lang);
      w.TipI18n = { tables: { ru: RU } };
    },
  });
}

test("a Russian page gets the Russian string, with its values filled in", () => {
  const w = window("ru");
  assert.equal(w.TipI18n.t("Copied"), "Скопировано");
  assert.equal(w.TipI18n.t("Found: {symbol}.", { symbol: "A/RES/64/293" }), "Найдено: A/RES/64/293.");
  assert.equal(w.TipI18n.prefix(), "ru/");
});

test("an English page, or a string no table has, gets the English string", () => {
  const w = window("en");
  assert.equal(w.TipI18n.t("Copied"), "Copied");
  assert.equal(w.TipI18n.t("Found: {symbol}.", { symbol: "E/RES/2008/33" }), "Found: E/RES/2008/33.");
  assert.equal(w.TipI18n.prefix(), "");
  assert.equal(window("ru").TipI18n.t("Not in the table {x}", {}), "Not in the table {x}");
});

test("markup in a value stays text", () => {
  assert.equal(window("ru").TipI18n.t("Found: {symbol}.", { symbol: "$&<b>" }), "Найдено: $&<b>.");
});

test("the search status speaks the page's language", () => {
  const w = window("ru");
  assert.equal(searchStatus("x", 0, 4, 4, false, w.TipI18n.t), "Страниц: 4.");
});
