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

/** Path segments that are folders of the site or common noise, not part of a name. */
const FOLDERS = new Set([
  "resolutions", "resolution", "statements", "events", "documents", "bodies", "people",
  "sources", "references", "records", "symbol", "symbols", "en", "ru", "undoc", "doc", "docs",
]);

/** A URL slug: "A/RES/64/293" and "a_res_64_293" both give "a-res-64-293". */
function slugify(text) {
  return String(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Leading zeros dropped from numbers, as the symbol grammar does: "a-res-064-0293" → "a-res-64-293". */
function dropZeros(slug) {
  return slug.replace(/(^|-)0+(?=\d)/g, "$1");
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
function candidates(parts, whole = true) {
  const named = parts.filter((part, i) => !(i === 0 && FOLDERS.has(part.toLowerCase())));
  const found = [];
  const add = (slug) => {
    slug = dropZeros(slug);
    if (slug && !found.includes(slug)) found.push(slug);
  };
  const name = slugify(named.join("-"));
  add(name);
  // "/old/site/a-res-64-293": the last segment alone (but not "293" of "/A/RES/64/293").
  if (named.length > 1 && !looksLikeSymbol(name)) add(slugify(named[named.length - 1]));
  if (whole) add(slugify(parts.join("-")));
  // Prose and short forms: "res/64/293", "ga-res-64-293", "resolution-64-293" → A/RES/64/293;
  // "e-res-2008-33", "ecosoc-2008-33", "2008/33" → E/RES/2008/33.
  for (const slug of found.slice()) {
    const ga = slug.match(
      /^(?:(?:un|ga|unga|general-assembly|resolutions?|res|a)-)*(\d{1,3})-(\d{1,5})$/,
    );
    if (ga) add(`a-res-${ga[1]}-${ga[2]}`);
    const ecosoc = slug.match(
      /^(?:(?:un|ecosoc|e|resolutions?|res)-)*((?:19|20)\d{2})-(\d{1,5})$/,
    );
    if (ecosoc) add(`e-res-${ecosoc[1]}-${ecosoc[2]}`);
  }
  return found;
}

/**
 * Index the lookup table: every id and every symbol's slug → its record, each also without
 * leading zeros, as candidates() writes them ("2012-04-03-dialogue" is "2012-4-3-dialogue").
 */
function buildIndex(table) {
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

/** Whether a slug reads as a UN document symbol: an organ first, a number last. */
function looksLikeSymbol(slug) {
  return /^(a|e|s|st|t|unep|ctoc|cedaw|crc|ccpr)-(.+-)?\d+$/.test(slug);
}

/**
 * How far `key` is from what the reader typed; a typed beginning of a key, or its words
 * in another order, count as close.  In a UN symbol every character matters (64/293 is
 * not 64/239's neighbour but another resolution), so there only the plain distance counts.
 */
function score(query, key, limit, queryWords, keyWords) {
  let best = distance(query, key, limit);
  if (looksLikeSymbol(query)) return best;
  if (key.length > query.length) {
    best = Math.min(best, distance(query, key.slice(0, query.length), limit) + 1);
  }
  return Math.min(best, wordScore(queryWords, keyWords));
}

/**
 * The records closest to the slugs, best first, at most `count`; on a tie, those in the
 * `folder` the address names ("/people/rybakov" prefers people).
 */
function closest(slugs, keys, count, folder) {
  const scored = new Map();
  const entries = Array.from(keys, ([key, record]) => ({ key, record, words: words(key) }));
  for (const query of slugs) {
    if (query.length < 3) continue;
    const limit = looksLikeSymbol(query) ? 2 : Math.max(2, Math.floor(query.length / 3));
    const queryWords = words(query);
    for (const { key, record, words: keyWords } of entries) {
      let s = score(query, key, limit, queryWords, keyWords);
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
function symbolGuess(parts) {
  const named = parts.filter((part, i) => !(i === 0 && FOLDERS.has(part.toLowerCase())));
  const guess = named.length > 1 ? named.join("/").toUpperCase() : named[0] || "";
  return /\d/.test(guess) ? guess : ""; // every UN symbol has a number
}

/**
 * Resolve a missing path: {kind: "found", record} when it names one record exactly,
 * else {kind: "suggest", records, guess} with the closest records and a symbol guess.
 */
function resolve(pathname, root, table) {
  const parts = segments(pathname, root);
  const slugs = candidates(parts);
  const keys = buildIndex(table);
  for (const slug of slugs) {
    const record = keys.get(slug);
    if (record) return { kind: "found", record, path: parts.join("/") };
  }
  return {
    kind: "suggest",
    records: closest(candidates(parts, false), keys, 5, (parts[0] || "").toLowerCase()),
    guess: symbolGuess(parts),
    symbol: slugs.some(looksLikeSymbol),
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
  const message = doc.getElementById("tip-notfound-message");
  const list = doc.getElementById("tip-notfound-matches");
  const input = doc.getElementById("tip-notfound-q");
  if (result.kind === "found") {
    const target = root + result.record.url + (location.hash || "");
    message.textContent = "";
    message.appendChild(doc.createTextNode("This address is now "));
    message.appendChild(element(doc, "a", result.record.title, { href: target }));
    message.appendChild(doc.createTextNode(". Taking you there…"));
    location.replace(target);
    return;
  }
  if (input && result.guess && !input.value) input.value = result.guess;
  let text = `No page has the address “/${result.path}”.`;
  if (result.symbol && result.guess) {
    text = `The archive holds no document with the UN symbol ${result.guess}.`;
  }
  if (result.records.length) {
    message.textContent = `${text} Did you mean one of these?`;
    for (const record of result.records) list.appendChild(recordLink(doc, root, record));
    list.hidden = false;
  } else if (result.path) {
    message.textContent = `${text} No record of the archive has a name or UN symbol close to it.`;
  }
}

function boot(doc, location) {
  const box = doc.getElementById("tip-notfound");
  if (!box) return;
  const root = box.getAttribute("data-root") || "/";
  fetch(box.getAttribute("data-lookup"))
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((table) => show(doc, box, resolve(location.pathname, root, table), root, location))
    .catch(() => {
      /* no table: the static page still offers the find box and the way home */
    });
}

if (typeof module === "object" && module.exports) {
  module.exports = {
    slugify, segments, candidates, buildIndex, distance, looksLikeSymbol, closest, symbolGuess,
    resolve,
  };
} else if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => boot(document, window.location));
  } else {
    boot(document, window.location);
  }
}
