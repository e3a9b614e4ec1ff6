"""Turning record text into safe HTML: record text is text, never markup."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Python-Markdown's backslash escapes; < > & are escaped as HTML entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_inline(text: str) -> str:
    """Text for a Markdown heading or front-matter-free line: escaped for HTML and Markdown."""
    return str(escape(_MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))))


def paragraphs(text: str | None) -> Markup:
    """Plain text with blank-line paragraphs as escaped ``<p>`` elements."""
    if not text:
        return Markup("")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return Markup("".join(f"<p>{escape(' '.join(b.split()))}</p>" for b in blocks))


def lines(text: str) -> Markup:
    """Verbatim text with its line breaks kept, escaped."""
    return Markup("<br>\n".join(map(escape, text.splitlines())))


def yaml_scalar(text: str) -> str:
    """A front-matter value (a page title, a description) that is safe wherever it lands.

    MkDocs themes print ``page.meta.title`` and ``description`` into the page without
    escaping them (``<title>``, the header, the navigation, ``<meta content="...">``),
    so the value is HTML-escaped here: the browser shows the text exactly as written,
    and no record can smuggle markup into the page.  It is one line, JSON-quoted
    (a JSON string is a YAML scalar), so no quote, colon or ``---`` can end it.
    """
    import json

    return json.dumps(str(escape(" ".join(text.split()))), ensure_ascii=False)
