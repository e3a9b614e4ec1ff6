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
    """A value safe to write into YAML front matter (JSON strings are YAML)."""
    import json

    return json.dumps(" ".join(text.split()), ensure_ascii=False)
