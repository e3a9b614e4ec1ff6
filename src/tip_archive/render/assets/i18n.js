/* The archive's scripts' interface strings in the page's language.
 *
 * TipI18n.t(english, values) gives the string in the language of <html lang> (the
 * tables come from messages.js, which the build writes from the message catalogue,
 * src/tip_archive/i18n/ru.po), with {name} filled from `values`; English, or a string
 * no table has, is given as it is.  Loaded first on every page.
 */
(function () {
  "use strict";
  var tables = (window.TipI18n && window.TipI18n.tables) || {};

  function lang() {
    var value = (document.documentElement.getAttribute("lang") || "").toLowerCase();
    return value.split("-")[0];
  }

  function t(text, values) {
    var table = tables[lang()] || {};
    var out = Object.prototype.hasOwnProperty.call(table, text) ? table[text] : text;
    return out.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* "ru/" on a page of the Russian edition, "" on an English one: the path prefix of the
   * page's edition, so that a script leads to the record's page in the same edition. */
  function prefix() {
    var own = lang();
    return own && own !== "en" && Object.prototype.hasOwnProperty.call(tables, own) ? own + "/" : "";
  }

  window.TipI18n = { tables: tables, lang: lang, t: t, prefix: prefix };
})();
