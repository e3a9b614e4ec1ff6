/* Find by symbol: the browser's half of the archive's symbol lookup.
 *
 * The build files every symbol of the archive under the keys its common spellings
 * normalise to (symbols/symbols.json and its shards, made by
 * src/tip_archive/render/symbol_index.py).  Here we only normalise what the reader
 * typed, with the same steps as query_key() in src/tip_archive/model/symbols.py and
 * the patterns the manifest hands over, then read the one shard the key falls in.
 * The tests run normalise() under node against the Python function.
 *
 * Also runs the "Find by symbol" page (/symbols/): suggestions as you type, and
 * /symbols/?q=a/res/64/293 goes straight to the record.
 */
(function (root) {
  "use strict";

  /* query_key() in symbols.py, step by step. */
  function normalise(query, rules) {
    var lowered = String(query).toLowerCase().replace(/\s+/g, " ").trim();
    var organ = null;
    for (var i = 0; i < rules.organs.length; i++) {
      if (new RegExp(rules.organs[i][1]).test(lowered)) {
        organ = rules.organs[i][0];
        break;
      }
    }
    var noise = new RegExp(rules.noise);
    var match;
    while ((match = noise.exec(lowered)) && match[0].length) {
      lowered = lowered.slice(match[0].length);
    }
    var key = lowered
      .replace(/\s+/g, "")
      .replace(/^[.,:;]+|[.,:;]+$/g, "")
      .replace(/(^|[/.(])0+(?=\d)/g, "$1");
    return { key: key, organ: organ };
  }

  /* The one slug of the archive, as slugify() in symbols.py: "A/RES/64/293" → "a-res-64-293". */
  function slugify(text) {
    return String(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  /* Whether a key (normalise()'s "a/res/64/293", "64/293") or a slug ("a-res-64-293")
   * reads as a UN document symbol: one of the series the Python model knows first and a
   * number last, or a short form of a resolution (rules.short). */
  function looksLikeSymbol(key, rules) {
    key = String(key);
    if (/\s/.test(key) || !/\d/.test(key)) return false;
    if (new RegExp(rules.short).test(key)) return true;
    var parts = key.split(/[/-]/);
    return parts.length > 1 && rules.series.indexOf(parts[0]) !== -1 && /\d$/.test(key);
  }

  /* The index of the shard a key is filed in: the last one whose boundary is not
   * after the key (manifest.shards is a sorted list of [boundary, file name]). */
  function shardIndex(manifest, key) {
    var low = 0;
    var high = manifest.shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (manifest.shards[middle][0] <= key) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /* The shards that may hold keys starting with a partial key (for suggestions). */
  function shardsFrom(manifest, partial) {
    var i = shardIndex(manifest, partial);
    var found = [manifest.shards[i]];
    var next = manifest.shards[i + 1];
    if (next && next[0].indexOf(partial) === 0) found.push(next);
    return found;
  }

  function seriesOf(doc) {
    return doc.symbol.split("/")[0].toLowerCase();
  }

  /* Candidates of the organ the query names come first; one record per URL and symbol. */
  function rank(docs, organ) {
    var seen = {};
    var unique = docs.filter(function (doc) {
      var id = doc.url + " " + doc.symbol;
      if (seen[id]) return false;
      seen[id] = true;
      return true;
    });
    if (!organ) return unique;
    return unique
      .filter(function (d) { return seriesOf(d) === organ; })
      .concat(unique.filter(function (d) { return seriesOf(d) !== organ; }));
  }

  /* The lookup table of a site whose root is `base` (an absolute URL ending in "/"). */
  function Table(base, fetchJSON) {
    this.base = base;
    this.fetchJSON = fetchJSON || function (url) {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
    };
    this.manifest = null;
    this.shards = {};
  }

  Table.prototype.load = function () {
    if (!this.manifest) this.manifest = this.fetchJSON(this.base + "symbols/symbols.json");
    return this.manifest;
  };

  Table.prototype.shard = function (shard) {
    var name = shard[1];
    if (!this.shards[name]) {
      this.shards[name] = this.fetchJSON(this.base + "symbols/shards/" + name + ".json");
    }
    return this.shards[name];
  };

  /* What the archive holds under a query: {query, key, organ, matches, go}.
   * `go` is the one record to go to when the answer is not in doubt. */
  Table.prototype.lookup = function (query) {
    var self = this;
    return this.load().then(function (manifest) {
      var q = normalise(query, manifest.normaliser);
      var result = { query: query, key: q.key, organ: q.organ, matches: [], go: null };
      if (!q.key || !manifest.shards.length) return result;
      var shard = manifest.shards[shardIndex(manifest, q.key)];
      return self.shard(shard).then(function (data) {
        var docs = (data.keys[q.key] || []).map(function (i) { return data.docs[i]; });
        result.matches = rank(docs, q.organ);
        /* A reference naming the same document does not put the record in doubt. */
        var owners = result.matches.filter(function (d) { return d.field !== "reference"; });
        var first = owners.length === 1 ? owners[0] : result.matches[0];
        if ((owners.length === 1 || result.matches.length === 1) &&
            (!q.organ || seriesOf(first) === q.organ)) {
          result.go = first;
        }
        return result;
      });
    });
  };

  /* Symbols whose keys start with what has been typed so far, best first. */
  Table.prototype.suggest = function (query, limit) {
    var self = this;
    limit = limit || 8;
    return this.load().then(function (manifest) {
      var q = normalise(query, manifest.normaliser);
      if (!q.key || !manifest.shards.length) return [];
      var shards = shardsFrom(manifest, q.key).slice(0, 2);
      return Promise.all(shards.map(function (s) { return self.shard(s); })).then(function (all) {
        var exact = [];
        var starting = [];
        all.forEach(function (data) {
          Object.keys(data.keys).sort().forEach(function (key) {
            if (key.indexOf(q.key) !== 0) return;
            var target = key === q.key ? exact : starting;
            data.keys[key].forEach(function (i) { target.push(data.docs[i]); });
          });
        });
        return rank(exact.concat(starting), q.organ).slice(0, limit);
      });
    });
  };

  /* The one debounce of the archive's scripts: `fn` runs `ms` after the last call, with
   * that call's arguments; `.cancel()` drops a call still waiting. */
  function debounce(fn, ms) {
    var timer = null;
    function later() {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () {
        timer = null;
        fn.apply(null, args);
      }, ms);
    }
    later.cancel = function () {
      clearTimeout(timer);
      timer = null;
    };
    return later;
  }

  var api = {
    normalise: normalise, slugify: slugify, looksLikeSymbol: looksLikeSymbol,
    shardIndex: shardIndex, Table: Table, debounce: debounce,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  /* The "Find by symbol" page loads this script early, before its long table; the
   * copy every page loads at its end then has nothing left to do. */
  if (root.TipSymbols) return;

  /* In the browser: the site root is where this script's folder (assets/tip-archive/) sits. */
  var script = document.currentScript;
  var base = script && script.src
    ? script.src.replace(/assets\/tip-archive\/symbols\.js(?:[?#].*)?$/, "")
    : new URL("/", location.href).href;
  api.base = base;
  api.table = new Table(base);
  // The record's page in the edition of this page (the lookup table holds English URLs).
  api.url = function (doc) { return base + window.TipI18n.prefix() + doc.url; };
  root.TipSymbols = api;

  /* A result as a list item: symbol, title, and what the symbol is to its record. */
  api.item = function (doc) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = api.url(doc);
    var code = document.createElement("code");
    code.textContent = doc.symbol;
    a.appendChild(code);
    a.appendChild(document.createTextNode(" " + doc.title));
    li.appendChild(a);
    var note = document.createElement("span");
    note.className = "tip-symbol-note";
    var what = doc.type + (doc.record_symbol
      ? " · " + doc.label + " of " + doc.record_symbol
      : doc.field === "symbol" ? "" : " · " + doc.label);
    note.textContent = " — " + what;
    li.appendChild(note);
    return li;
  };

  function initPage() {
    var input = document.getElementById("symbol-query");
    var form = document.getElementById("symbol-form");
    var status = document.getElementById("symbol-status");
    var list = document.getElementById("symbol-results");
    if (!input || !form || !status || !list) return;
    var help = document.getElementById("symbol-help");
    var t = window.TipI18n.t;
    if (help) help.textContent = t("Suggestions appear as you type; press Enter to go to the record.");
    var turn = 0;

    function show(docs, message) {
      list.textContent = "";
      docs.forEach(function (doc) { list.appendChild(api.item(doc)); });
      status.textContent = message;
    }

    function notFound(query) {
      list.textContent = "";
      status.textContent = "";
      status.appendChild(document.createTextNode(
        t("The archive holds no document with the symbol \u201c{symbol}\u201d. ", { symbol: query.trim() })));
      var link = document.createElement("a");
      link.href = "#every-symbol";
      link.textContent = t("See every symbol the archive holds");
      status.appendChild(link);
      status.appendChild(document.createTextNode("."));
    }

    function answer(result) {
      if (result.go) {
        show([result.go], t("Found: {symbol}.", { symbol: result.go.symbol }));
      } else if (result.matches.length) {
        show(result.matches, result.matches.length === 1
          ? t("No exact match; the closest record:")
          : t("{count} records match; choose one:", { count: result.matches.length }));
      } else {
        notFound(result.query);
      }
    }

    function failed() {
      status.textContent = t("The symbol table could not be loaded; look the symbol up in the table below.");
    }

    var query = new URLSearchParams(location.search).get("q");
    if (query) {
      input.value = query;
      api.table.lookup(query).then(function (result) {
        if (result.go) {
          location.replace(api.url(result.go));
        } else {
          answer(result);
        }
      }, failed);
    }

    var suggestLater = debounce(function (mine) {
      var value = input.value;
      if (!value.trim()) {
        show([], "");
        return;
      }
      api.table.suggest(value).then(function (docs) {
        if (mine !== turn) return;
        if (docs.length) {
          show(docs, docs.length === 1 ? "1 suggestion." : docs.length + " suggestions.");
        } else {
          notFound(value);
        }
      }, failed);
    }, 60);
    input.addEventListener("input", function () { suggestLater(++turn); });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = input.value;
      if (!value.trim()) return;
      var mine = ++turn;
      history.replaceState(null, "", "?q=" + encodeURIComponent(value.trim()));
      api.table.lookup(value).then(function (result) {
        if (mine !== turn) return;
        if (result.go) {
          location.assign(api.url(result.go));
        } else {
          answer(result);
        }
      }, failed);
    });
  }

  /* On the symbols page the form is already parsed when this script runs. */
  if (document.getElementById("symbol-results") || document.readyState !== "loading") {
    initPage();
  } else {
    document.addEventListener("DOMContentLoaded", initPage);
  }
})(this);
