// Unit tests of alternates.js: Material's bundle, which looks for <link rel="alternate">
// when the page is ready, finds none; the page has them all again once it is ready.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { page } = require("./dom.js");

const HEAD =
  '<link rel="alternate" type="application/atom+xml" href="../feed.xml">' +
  '<link rel="alternate" hreflang="en" href="https://example.org/about/">' +
  '<link rel="alternate" hreflang="ru" href="https://example.org/ru/about/">' +
  '<link rel="alternate" hreflang="x-default" href="https://example.org/about/">' +
  '<link rel="canonical" href="https://example.org/about/">';

function ready(window, state) {
  Object.defineProperty(window.document, "readyState", { value: state, configurable: true });
}

test("a listener of the page's readiness registered before it (Material's) sees no alternate link", () => {
  const seen = [];
  const window = page("", ["alternates.js"], {
    head: HEAD,
    before: (w) => {
      ready(w, "loading");
      w.document.addEventListener("DOMContentLoaded", () => {
        seen.push(w.document.querySelectorAll("link[rel=alternate]").length);
      });
    },
  });
  assert.equal(window.document.querySelectorAll("link[rel=alternate]").length, 0);
  // Other links keep their rel.
  assert.equal(window.document.querySelectorAll("link[rel=canonical]").length, 1);
  window.document.dispatchEvent(new window.Event("DOMContentLoaded"));
  assert.deepEqual(seen, [0]);
  const back = [...window.document.querySelectorAll("link[rel=alternate]")];
  assert.deepEqual(
    back.map((l) => l.getAttribute("hreflang") || l.getAttribute("type")),
    ["application/atom+xml", "en", "ru", "x-default"],
  );
  assert.equal(back[2].getAttribute("href"), "https://example.org/ru/about/");
});

test("once the page is ready, the script leaves the links alone", () => {
  const window = page("", ["alternates.js"], { head: HEAD, before: (w) => ready(w, "interactive") });
  assert.equal(window.document.querySelectorAll("link[rel=alternate]").length, 4);
});
