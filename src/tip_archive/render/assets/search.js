/* The search box in the header: UN symbols first, then the full text.
 *
 * What the reader types is looked up in the archive's symbol table first
 * (symbols.js): "64/293", "GA res 64/293" or "a/res/64/293" put that resolution's
 * record at the top.  Below it, Pagefind's results for the same words; Pagefind's
 * index (pagefind/ at the site root, built after MkDocs) loads in small chunks on
 * the first search only.  Without JavaScript the box does not appear, and the
 * "Find by symbol" page and the indexes remain.
 */
/* The status line under the box, from what was found: `symbols` records with the
 * symbol typed, `others` pages of the full text besides those records, of which the
 * first `shown` are listed; `textFailed` when Pagefind could not be loaded. */
function searchStatus(q, symbols, others, shown, textFailed, t) {
  "use strict";
  t = t || function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return String(values[name]); });
  };
  var parts = [];
  if (symbols) {
    parts.push(symbols === 1 ? t("1 record with this symbol")
      : t("{count} records with this symbol", { count: symbols }));
  }
  if (textFailed) {
    parts.push(t("full-text search is not available on this copy of the site"));
  } else if (!others) {
    parts.push(symbols ? t("no other page contains \u201c{q}\u201d", { q: q })
      : t("no page contains \u201c{q}\u201d", { q: q }));
  } else {
    var found = others === 1
      ? (symbols ? t("1 other page") : t("1 page"))
      : (symbols ? t("{count} other pages", { count: others }) : t("{count} pages", { count: others }));
    parts.push(found + (others > shown ? t(", the first {shown} shown", { shown: shown }) : ""));
  }
  var text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

if (typeof module === "object" && module.exports) module.exports = { searchStatus: searchStatus };

(function () {
  "use strict";
  if (typeof window === "undefined") return;
  var api = window.TipSymbols;
  var header = document.querySelector(".md-header__inner");
  if (!api || !header || !window.HTMLDialogElement) return;
  var base = api.base;

  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 ' +
    '6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';

  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button tip-search-open";
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-keyshortcuts", "/");
  var t = window.TipI18n.t;
  var esc = function (text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  };
  button.title = t("Search (press /)");
  button.innerHTML = ICON + '<span class="tip-search-open__label">' + esc(t("Search")) + "</span>";
  header.insertBefore(button, header.querySelector(".md-header__source"));

  var dialog = document.createElement("dialog");
  dialog.className = "tip-search";
  dialog.id = "tip-search";
  dialog.setAttribute("aria-labelledby", "tip-search-title");
  dialog.innerHTML =
    '<h2 id="tip-search-title" class="tip-visually-hidden">' + esc(t("Search the archive")) + "</h2>" +
    '<div class="tip-search__bar" role="search">' + ICON +
    '<label for="tip-search-input" class="tip-visually-hidden">' + esc(t("Words or a UN document symbol")) + "</label>" +
    '<input type="search" id="tip-search-input" autocomplete="off" autocapitalize="off" autocorrect="off"' +
    ' spellcheck="false" placeholder="' + esc(t("Words, or a UN symbol such as 64/293")) + '" aria-controls="tip-search-results">' +
    '<button type="button" class="tip-search__close">' + esc(t("Close")) + "</button></div>" +
    '<p class="tip-search__status" role="status" aria-live="polite"></p>' +
    '<div id="tip-search-results" class="tip-search__results">' +
    '<section class="tip-search__symbols" aria-labelledby="tip-search-symbols" hidden>' +
    '<h3 id="tip-search-symbols">' + esc(t("UN document symbol")) + '</h3><ul id="tip-search-symbol-list"></ul></section>' +
    '<section class="tip-search__pages" aria-labelledby="tip-search-pages" hidden>' +
    '<h3 id="tip-search-pages">' + esc(t("Pages")) + '</h3><ol id="tip-search-page-list"></ol></section></div>' +
    '<p class="tip-search__foot"><a class="tip-search__symbols-link">' + esc(t("Find by symbol")) + "</a>" +
    esc(t(": the table of every UN symbol in the archive.")) + "</p>";
  document.body.appendChild(dialog);

  var input = dialog.querySelector("input");
  var status = dialog.querySelector(".tip-search__status");
  var symbols = dialog.querySelector(".tip-search__symbols");
  var symbolList = symbols.querySelector("ul");
  var pages = dialog.querySelector(".tip-search__pages");
  var pageList = pages.querySelector("ol");
  dialog.querySelector(".tip-search__symbols-link").href = base + window.TipI18n.prefix() + "symbols/";

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  button.addEventListener("click", open);
  dialog.querySelector(".tip-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close(); /* a click on the backdrop */
  });
  dialog.addEventListener("close", function () { button.focus(); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    open();
  });

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(base + "pagefind/pagefind.js").then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: new URL(base).pathname })).then(function () {
          pf.init();
          return pf;
        });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  /* Pagefind's excerpt marks the words found with <mark>; keep those and text only. */
  function excerpt(html) {
    var out = document.createElement("p");
    out.className = "tip-search__excerpt";
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function pageItem(result) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = new URL(result.url, base).href;
    a.textContent = (result.meta && result.meta.title) || result.url;
    li.appendChild(a);
    li.appendChild(excerpt(result.excerpt || ""));
    return li;
  }

  var SHOWN = 10;
  var turn = 0;
  var found = { symbols: [], pages: [], others: 0 };

  /* Search for `value`; with `go`, then go to the first result (a symbol's record first). */
  function run(value, go) {
    var mine = ++turn;
    var q = value.trim();
    found = { symbols: [], pages: [], others: 0 };
    symbolList.textContent = "";
    pageList.textContent = "";
    symbols.hidden = true;
    pages.hidden = true;
    if (!q) {
      status.textContent = "";
      return;
    }
    status.textContent = t("Searching\u2026");
    var symbolsDone = Promise.all([api.table.lookup(q), api.table.load()]).then(function (both) {
      var result = both[0];
      var rules = both[1].normaliser;
      if (mine !== turn) return;
      found.symbols = result.matches;
      result.matches.forEach(function (doc) { symbolList.appendChild(api.item(doc)); });
      if (!result.matches.length && api.looksLikeSymbol(result.key, rules)) {
        var li = document.createElement("li");
        li.textContent = t("The archive holds no document with the symbol \u201c{symbol}\u201d.", { symbol: q });
        symbolList.appendChild(li);
      }
      symbols.hidden = !symbolList.children.length;
      if (go && result.matches.length) location.assign(api.url(result.matches[0]));
    }, function () { /* no symbol table: the full text still answers */ });
    var textFailed = false;
    var textDone = loadPagefind()
      .then(function (pf) { return pf.search(q); })
      .then(function (search) {
        /* The records found by symbol are listed above: not again among the pages, and
         * not counted with them (enough results are read to fill the list without them). */
        return symbolsDone.then(function () {
          var wanted = search.results.slice(0, SHOWN + found.symbols.length);
          return Promise.all(wanted.map(function (r) { return r.data(); })).then(function (results) {
            if (mine !== turn) return;
            var listed = found.symbols.map(function (doc) { return new URL(api.url(doc)).pathname; });
            var others = results.filter(function (r) {
              return listed.indexOf(new URL(r.url, base).pathname) === -1;
            });
            found.others = search.results.length - (results.length - others.length);
            found.pages = others.slice(0, SHOWN);
            found.pages.forEach(function (r) { pageList.appendChild(pageItem(r)); });
            pages.hidden = !found.pages.length;
          });
        });
      })
      .catch(function () { textFailed = true; });
    Promise.all([symbolsDone, textDone]).then(function () {
      if (mine !== turn) return;
      status.textContent = searchStatus(q, found.symbols.length, found.others, found.pages.length, textFailed, t);
      var first = dialog.querySelector(".tip-search__pages a");
      if (go && !found.symbols.length && first) location.assign(first.href);
    });
  }

  var runLater = api.debounce(function () { run(input.value); }, 120);
  input.addEventListener("input", function () { runLater(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault(); /* a search field would only clear itself */
      dialog.close();
      return;
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    runLater.cancel();
    run(input.value, true);
  });
})();
