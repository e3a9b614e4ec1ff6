"""The text of an archived source, split into numbered paragraphs.

A paragraph is a run of non-blank lines; a line that begins a list item
(``- ``, ``* ``, ``1. ``) also begins a new paragraph, so that each point of a
statement's "key points" has its own number and anchor.  Paragraphs are
numbered from 1 in reading order; the numbering is part of the archive's
permanent links (``/sources/<id>/#p12``), so a source's text file is never
re-flowed once published.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022]\s+|\d+\.\s+|[a-z]\)\s+)")
_SPACE = re.compile(r"\s+")


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``, each with its lines joined by newlines."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                paragraphs.append(current)
            current = []
            continue
        if current and _LIST_ITEM.match(line):
            paragraphs.append(current)
            current = []
        current.append(line.rstrip())
    if current:
        paragraphs.append(current)
    return ["\n".join(p) for p in paragraphs]


@functools.lru_cache(maxsize=4096)  # each paragraph is compared with many quotes
def normalise(text: str) -> str:
    """Text compared for quotes: Unicode NFC, runs of whitespace made one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def quote_in(quote: str, paragraph: str) -> bool:
    """Whether ``quote`` appears verbatim (whitespace-normalised) in ``paragraph``."""
    return normalise(quote) in normalise(paragraph)
