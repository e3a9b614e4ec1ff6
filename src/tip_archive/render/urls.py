"""The archive's URL scheme, in one place.

Every record has one canonical page, ``/<type folder>/<id>/`` (for example
``/resolutions/a-res-64-293/``), never changed by later builds.  Language
editions other than English live under a prefix (``/ru/resolutions/...``), so a
Russian edition adds pages without moving any English one.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from ..model.records import FOLDERS, Record

DEFAULT_LANGUAGE = "en"
#: The language of the official texts a UN symbol links to; the Russian edition passes ``ru``.
DOCUMENT_LANGUAGE = DEFAULT_LANGUAGE
#: The UN's symbol resolver: every UN document symbol in the archive links to its official text.
UNDOCS = "https://undocs.org/{language}/{symbol}"


def undocs_url(symbol: str, language: str = DOCUMENT_LANGUAGE) -> str:
    """``https://undocs.org/en/A/RES/64/293``: the official text of a UN document
    (``S/RES/2331 (2016)`` gives ``.../S/RES/2331%20(2016)``)."""
    return UNDOCS.format(language=language, symbol=quote(symbol, safe="/.()-"))


def prefix(lang: str = DEFAULT_LANGUAGE) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def record_src(record: Record, lang: str = DEFAULT_LANGUAGE) -> str:
    """The generated page's source path, e.g. ``resolutions/a-res-64-293.md``."""
    return f"{prefix(lang)}{FOLDERS[record.type]}/{record.id}.md"


def section_src(folder: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return f"{prefix(lang)}{folder}/index.md"


def url_of(src: str) -> str:
    """The site URL (relative to the site root) of a page source path."""
    if src.endswith("index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def record_url(record: Record, lang: str = DEFAULT_LANGUAGE) -> str:
    return url_of(record_src(record, lang))


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-root-relative)."""
    target, hashmark, anchor = to_url.partition("#")
    start = [part for part in from_url.split("/") if part]
    path = [part for part in target.split("/") if part]
    if "." in start or ".." in start or "." in path or ".." in path:
        rel = posixpath.relpath("/" + target, "/" + from_url.rstrip("/"))
    else:
        # posixpath.relpath without its normalisation: a page has dozens of links.
        common = 0
        for a, b in zip(start, path, strict=False):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(start) - common) + path[common:]) or "."
    if rel == ".":
        rel = "./"
    elif (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel + hashmark + anchor
