"""Permanent symbol addresses: ``/symbol/A/RES/64/293/`` leads to the record's page.

Every symbol of every record (its own, its draft's, its corrigenda and revisions)
gets a small static HTML page at ``symbol/<symbol>/index.html`` that sends the
reader on to the record: a ``<meta http-equiv="refresh">``, a canonical link and a
visible link, so it works without JavaScript on any static host.  The slashes of
the symbol make nested folders.  Static hosts are case-sensitive, so the page
exists in the symbol's canonical case, in lower case and in upper case.

Why not the ``mkdocs-redirects`` plugin: it reads a fixed map from ``mkdocs.yml``
and only redirects from Markdown source paths, while these addresses come from
the records themselves and change with every record added.
"""

from __future__ import annotations

from markupsafe import Markup

from .csp import secure_page
from .symbol_index import SYMBOLS_SRC, SymbolEntry
from .urls import record_url, relative, url_of

SYMBOL_FOLDER = "symbol"

_PAGE = Markup("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{symbol}: {title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{what} <a href="{target}">{title}</a>.</p>
</body>
</html>
""")


def symbol_paths(symbol: str) -> list[str]:
    """The site folders of a symbol's address: canonical, lower and upper case."""
    paths: list[str] = []
    for variant in (symbol, symbol.lower(), symbol.upper()):
        path = f"{SYMBOL_FOLDER}/{variant}/"
        if path not in paths:
            paths.append(path)
    return paths


def redirect_html(here: str, target: str, site_url: str, symbol: str, title: str, what: str) -> str:
    """A page at ``here`` (a site folder) that sends the reader to ``target``."""
    canonical = site_url.rstrip("/") + "/" + target if site_url else relative(here, target)
    page = _PAGE.format(
        symbol=symbol,
        title=title,
        canonical=canonical,
        target=relative(here, target),
        what=Markup(what),
    )
    return secure_page(page, site_url)


def _what(entry: SymbolEntry) -> Markup:
    symbol = Markup("<code>{}</code>").format(entry.text)
    if entry.field == "symbol":
        return Markup("The UN document {} is in the archive:").format(symbol)
    if entry.field == "reference":
        return Markup("The UN document {} is a reference of the archive:").format(symbol)
    return Markup("{} is {}").format(symbol, entry.relation)


def redirect_pages(entries: list[SymbolEntry], site_url: str = "") -> dict[str, str]:
    """``symbol/<symbol>/index.html`` for every symbol, plus ``symbol/`` → the symbols page."""
    pages: dict[str, str] = {}
    for entry in entries:
        target = record_url(entry.record)
        for here in symbol_paths(entry.text):
            if entry.field == "reference" and here + "index.html" in pages:
                continue  # the document's own record comes first and keeps the address
            pages[here + "index.html"] = redirect_html(
                here, target, site_url, entry.text, entry.record.title, _what(entry)
            )
    here = f"{SYMBOL_FOLDER}/"
    pages[here + "index.html"] = redirect_html(
        here,
        url_of(SYMBOLS_SRC),
        site_url,
        "UN document symbols",
        "Find by symbol",
        "Every symbol in the archive is listed on the page",
    )
    return pages
