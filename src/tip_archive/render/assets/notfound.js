/*
 * The 404 page: find the record a broken, old or hand-typed link meant.
 *
 * A static host serves 404.html for any missing path, at any depth, so this
 * script reads location.pathname and looks it up in the archive's table of
 * record ids and UN symbols (data/lookup.json): "/A/RES/64/293",
 * "/resolutions/A-RES-64-293", "/a_res_64_293" and "/res/64/293" all name the
 * record /resolutions/a-res-64-293/ and the reader is sent there.  Anything
 * else gets the closest matches by edit distance and the find-by-symbol box.
 *
 * The functions below are pure and exported for the unit tests (node); the
 * page part at the bottom only runs in a browser.  The path is untrusted:
 * it reaches the page as text, never as HTML.
 */
"use strict";

/**
 * The symbol lookup's functions (symbols.js, which every page loads before the 404 page
 * runs): its slug, its normaliser and its test of what reads as a symbol, with the rules
 * the Python model hands over in the lookup table (`table.normaliser`).
 */
function lookup() {
  /* global require */
  return typeof module === "object" && module.exports ? require("./symbols.js") : window.TipSymbols;
}

/** Leading zeros dropped from numbers, as the symbol grammar does: "a-res-064-0293" → "a-res-64-293". */
function dropZeros(slug) {
  return slug.replace(/(^|-)0+(?=\d)/g, "$1");
}

/**
 * Whether a path segment is a folder of the site or a word that stands before a symbol
 * in prose, not part of a name: the folders of the table's records (and each in the
 * singular, "resolution"), and what the normaliser strips ("symbol", "doc", "un").
 */
function isFolder(part, table) {
  const word = part.toLowerCase();
  const folders = (table.records || []).map((record) => record.url.split("/")[0]);
  if (folders.some((folder) => folder === word || folder === `${word}s`)) return true;
  const noise = new RegExp(table.normaliser.noise);
  return word === "symbols" || (noise.test(word) && word.replace(noise, "") === "");
}

/** The requested path below the site root, as segments, without index.html or an extension. */
function segments(pathname, root) {
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text; /* a malformed escape: keep it raw */
    }
  };
  // Both decoded, so that a root written with escapes ("/my%20archive/") still matches.
  let path = decode(String(pathname || ""));
  root = decode(String(root || "/"));
  if (!root.endsWith("/")) root += "/";
  if (path.startsWith(root)) path = path.slice(root.length);
  path = path.replace(/\/index\.html?$/i, "").replace(/\.(html?|php|aspx?|pdf|yaml|json)$/i, "");
  return path.split("/").filter((part) => part.length > 0);
}

/**
 * The slugs a path may stand for, most specific first.  With `whole`, also the whole path
 * with its leading folder (an id could start with "people-"): for exact matches only.
 */
function candidates(parts, table, whole = true) {
  const { slugify, looksLikeSymbol } = lookup();
  const named = parts.filter((part, i) => !(i === 0 && isFolder(part, table)));
  const found = [];
  const add = (slug) => {
    slug = dropZeros(slug);
    if (slug && !found.includes(slug)) found.push(slug);
  };
  const name = slugify(named.join("-"));
  add(name);
  // "/old/site/a-res-64-293": the last segment alone (but not "293" of "/A/RES/64/293").
  if (named.length > 1 && !looksLikeSymbol(name, table.normaliser)) {
    add(slugify(named[named.length - 1]));
  }
  if (whole) add(slugify(parts.join("-")));
  return found;
}

/**
 * The symbol lookup's keys a slug may stand for, with the organ it names in words:
 * "a-res-64-293" read as "a/res/64/293", and "ga-res-64-293", "resolution-64-293" or
 * "ecosoc-2008-33" read as prose ("ga res 64/293"), through the normaliser of symbols.js.
 */
function symbolKeys(slug, rules) {
  const { normalise } = lookup();
  const words = slug.split("-");
  const prose = words.findIndex((word) => /\d/.test(word));
  const forms = [words.join("/")];
  if (prose > 0) forms.push(`${words.slice(0, prose).join(" ")} ${words.slice(prose).join("/")}`);
  return forms.map((form) => normalise(form, rules));
}

/**
 * Index the lookup table: every id and every symbol's slug → its record, each also without
 * leading zeros, as candidates() writes them ("2012-04-03-dialogue" is "2012-4-3-dialogue").
 */
function buildIndex(table) {
  const { slugify } = lookup();
  const keys = new Map();
  const add = (key, record) => {
    if (!keys.has(key)) keys.set(key, record);
  };
  for (const record of table.records || []) {
    keys.set(record.id, record);
    for (const symbol of record.symbols || []) add(slugify(symbol), record);
  }
  for (const [key, record] of Array.from(keys)) add(dropZeros(key), record);
  return keys;
}

/** The symbol lookup's keys of every record's symbols (table.records[].keys) → its records. */
function keyIndex(table) {
  const keys = new Map();
  for (const record of table.records || []) {
    for (const key of record.keys || []) keys.set(key, (keys.get(key) || []).concat([record]));
  }
  return keys;
}

/** The one record a symbol key leads to: of the organ named in words when there is one. */
function byKey(index, query) {
  let records = index.get(query.key) || [];
  if (query.organ) {
    records = records.filter((record) =>
      record.symbols.some((symbol) => symbol.split("/")[0].toLowerCase() === query.organ));
  }
  return records.length === 1 ? records[0] : null;
}

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * 1.5 or 2 when every word of the query (of three letters or more) is a word of `key`,
 * in any order and each with at most one typo ("2007-conference" for "conference-2007");
 * otherwise Infinity.
 */
function wordScore(want, have) {
  if (want.length === 0) return Infinity;
  for (const word of want) {
    if (have.includes(word)) continue;
    // A year or a number is right or wrong: 2007 is not a typo of 2017.
    if (word.length < 4 || /\d/.test(word)) return Infinity;
    if (!have.some((w) => distance(word, w, 1) <= 1)) return Infinity;
  }
  // Just behind a single typo in the whole address, which is a closer match.
  return have.length > want.length ? 2 : 1.5;
}

/** The words of a slug that count for wordScore: three letters or more ("a", "l", "9" do not). */
function words(slug) {
  return slug.split("-").filter((word) => word.length >= 3);
}

/**
 * How far `key` is from what the reader typed; a typed beginning of a key, or its words
 * in another order, count as close.  In a UN symbol every character matters (64/293 is
 * not 64/239's neighbour but another resolution), so there only the plain distance counts.
 */
function score(query, key, limit, queryWords, keyWords, symbolLike) {
  let best = distance(query, key, limit);
  if (symbolLike) return best;
  if (key.length > query.length) {
    best = Math.min(best, distance(query, key.slice(0, query.length), limit) + 1);
  }
  return Math.min(best, wordScore(queryWords, keyWords));
}

/**
 * The records closest to the slugs, best first, at most `count`; on a tie, those in the
 * `folder` the address names ("/people/rybakov" prefers people).
 */
function closest(slugs, keys, count, folder, rules) {
  const scored = new Map();
  const entries = Array.from(keys, ([key, record]) => ({ key, record, words: words(key) }));
  for (const query of slugs) {
    if (query.length < 3) continue;
    const symbolLike = lookup().looksLikeSymbol(query, rules);
    const limit = symbolLike ? 2 : Math.max(2, Math.floor(query.length / 3));
    const queryWords = words(query);
    for (const { key, record, words: keyWords } of entries) {
      let s = score(query, key, limit, queryWords, keyWords, symbolLike);
      if (s > limit) continue;
      if (folder && record.url.startsWith(`${folder}/`)) s -= 0.25;
      const seen = scored.get(record.id);
      if (!seen || s < seen.score) scored.set(record.id, { record, score: s });
    }
  }
  return Array.from(scored.values())
    .sort((x, y) => x.score - y.score || (x.record.id < y.record.id ? -1 : 1))
    .slice(0, count)
    .map((entry) => entry.record);
}

/** What the reader most likely typed as a UN symbol, for the find-by-symbol box ("" if none). */
function symbolGuess(parts, table) {
  const named = parts.filter((part, i) => !(i === 0 && isFolder(part, table)));
  const guess = named.length > 1 ? named.join("/").toUpperCase() : named[0] || "";
  return /\d/.test(guess) ? guess : ""; // every UN symbol has a number
}

/**
 * Resolve a missing path: {kind: "found", record} when it names one record exactly,
 * else {kind: "suggest", records, guess} with the closest records and a symbol guess.
 */
function resolve(pathname, root, table) {
  const rules = table.normaliser;
  const parts = segments(pathname, root);
  const slugs = candidates(parts, table);
  const keys = buildIndex(table);
  for (const slug of slugs) {
    const record = keys.get(slug);
    if (record) return { kind: "found", record, path: parts.join("/") };
  }
  // Prose and short forms ("res/64/293", "ecosoc/2008/33", "2008/33"), as the symbol lookup reads them.
  const index = keyIndex(table);
  for (const slug of slugs) {
    for (const query of symbolKeys(slug, rules)) {
      const record = byKey(index, query);
      if (record) return { kind: "found", record, path: parts.join("/") };
    }
  }
  return {
    kind: "suggest",
    records: closest(candidates(parts, table, false), keys, 5, (parts[0] || "").toLowerCase(), rules),
    guess: symbolGuess(parts, table),
    symbol: slugs.some((slug) => lookup().looksLikeSymbol(slug, rules)),
    path: parts.join("/"),
  };
}

/* -- the page ------------------------------------------------------------------------- */

function element(doc, tag, text, attributes) {
  const node = doc.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function recordLink(doc, root, record) {
  const item = element(doc, "li");
  item.appendChild(element(doc, "a", record.title, { href: root + record.url }));
  if (record.symbols && record.symbols.length) {
    item.appendChild(doc.createTextNode(" "));
    item.appendChild(element(doc, "code", record.symbols[0]));
  }
  return item;
}

function show(doc, box, result, root, location) {
  const t = doc.defaultView.TipI18n.t;
  const message = doc.getElementById("tip-notfound-message");
  const list = doc.getElementById("tip-notfound-matches");
  const input = doc.getElementById("tip-notfound-q");
  if (result.kind === "found") {
    const target = root + result.record.url + (location.hash || "");
    message.textContent = "";
    message.appendChild(doc.createTextNode(t("This address is now ")));
    message.appendChild(element(doc, "a", result.record.title, { href: target }));
    message.appendChild(doc.createTextNode(t(". Taking you there…")));
    location.replace(target);
    return;
  }
  if (input && result.guess && !input.value) input.value = result.guess;
  let text = t("No page has the address “/{path}”.", { path: result.path });
  if (result.symbol && result.guess) {
    text = t("The archive holds no document with the UN symbol {symbol}.", { symbol: result.guess });
  }
  if (result.records.length) {
    message.textContent = t("{text} Did you mean one of these?", { text });
    for (const record of result.records) list.appendChild(recordLink(doc, root, record));
    list.hidden = false;
  } else if (result.path) {
    message.textContent = t("{text} No record of the archive has a name or UN symbol close to it.", { text });
  }
}

/* The 404 page in the edition `lang`: its text from its <template data-lang>, its language. */
function speak(doc, box, lang) {
  const text = doc.querySelector(`template[data-tip-notfound="${lang}"]`);
  if (!text) return;
  doc.documentElement.setAttribute("lang", lang);
  box.replaceChildren(text.content.cloneNode(true));
  const title = box.querySelector("h1");
  if (title) doc.title = `${title.textContent} - ${text.getAttribute("data-site-name") || ""}`;
}

function boot(doc, location) {
  const box = doc.getElementById("tip-notfound");
  if (!box) return;
  const site = box.getAttribute("data-root") || "/";
  // An address in another edition (/ru/...): the page speaks its language, and the
  // records it leads to are that edition's (the lookup table's URLs are English).
  const edition = Object.keys(doc.defaultView.TipI18n.tables).find((lang) =>
    location.pathname.startsWith(`${site}${lang}/`));
  const root = edition ? `${site}${edition}/` : site;
  if (edition) speak(doc, box, edition);
  fetch(box.getAttribute("data-lookup"))
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((table) => show(doc, box, resolve(location.pathname, root, table), root, location))
    .catch(() => {
      /* no table: the static page still offers the find box and the way home */
    });
}

if (typeof module === "object" && module.exports) {
  module.exports = {
    segments, candidates, symbolKeys, buildIndex, distance, closest, symbolGuess, resolve,
  };
} else if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => boot(document, window.location));
  } else {
    boot(document, window.location);
  }
}
