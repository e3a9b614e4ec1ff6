/*
 * Keeps the page's <link rel="alternate"> elements (its twin in each edition, the feed)
 * out of sight of mkdocs-material's bundle while it starts.
 *
 * When the page is ready, Material's bundle (integrations/alternate, 9.x) fetches a
 * sitemap.xml beside the address of every <link rel="alternate"> it finds, taking each for
 * the root of another version of the site.  For the archive's links that is a request
 * beside each twin page on site_url (another host when the site is served from anywhere
 * else, which the page's policy refuses; a missing file where it is served), and the whole
 * sitemap for the feed's link, on every page.  The archive's language switch links the
 * twin page itself and needs none of it.
 *
 * This script runs after the bundle and before the page is ready: it takes the links'
 * rel away, and gives it back on DOMContentLoaded, after the bundle (whose listener came
 * first) has looked for them.  The page's markup, what crawlers read, keeps them as
 * written, and so does the page once it has loaded.
 */
"use strict";
(function () {
  if (document.readyState !== "loading") return;
  var links = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate]"));
  var rels = links.map(function (link) {
    var rel = link.getAttribute("rel");
    link.removeAttribute("rel");
    return rel;
  });
  document.addEventListener(
    "DOMContentLoaded",
    function () {
      links.forEach(function (link, i) {
        link.setAttribute("rel", rels[i]);
      });
    },
    { once: true }
  );
})();
