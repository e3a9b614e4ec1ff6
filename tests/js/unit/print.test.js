// Unit tests of print.js: the printed copy's colophon says on which day it was printed.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { page } = require("./dom.js");

test("before printing, the colophon shows today's date", () => {
  const window = page('<p class="tip-printed" hidden>Printed on <time></time></p>', ["print.js"]);
  const node = window.document.querySelector(".tip-printed");
  assert.equal(node.hidden, true);
  window.dispatchEvent(new window.Event("beforeprint"));
  const now = new Date();
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  assert.equal(node.hidden, false);
  assert.equal(node.querySelector("time").getAttribute("datetime"), iso);
  assert.match(node.querySelector("time").textContent, new RegExp(`^${now.getDate()} \\w+ ${now.getFullYear()}$`));
});

test("on a page of the Russian edition, the printed date is Russian", () => {
  const window = page('<p class="tip-printed" hidden>Напечатано <time></time></p>', ["print.js"], {
    before: (w) => w.document.documentElement.setAttribute("lang", "ru"),
  });
  window.dispatchEvent(new window.Event("beforeprint"));
  const text = window.document.querySelector(".tip-printed time").textContent;
  assert.match(text, new RegExp(`^${new Date().getDate()} [а-я]+ ${new Date().getFullYear()}`));
});
