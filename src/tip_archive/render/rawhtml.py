"""Set a generated page's HTML blocks aside while Markdown processes the rest.

Record pages, listings and the chronology are Markdown whose body is mostly
top-level HTML blocks (tables, quotes, a source's paragraphs).  Python-Markdown
passes such blocks through unchanged, but only after parsing every tag of them
twice in pure Python (its HTML block extractor, then MkDocs' anchor collector):
at 1,000 records that cost more than a third of the MkDocs build.

:func:`set_aside` replaces each top-level HTML block by a one-word placeholder
paragraph and returns the blocks; :func:`put_back` puts them back into the HTML
Markdown produced.  Headings stay Markdown, so ids, permalinks and the table of
contents are made as before.  A page whose blocks cannot be delimited with
certainty (a tag left open, text after a closing tag) is left whole.
"""

from __future__ import annotations

import re
import secrets

#: Tags Python-Markdown treats as starting a raw HTML block at the start of a line.
BLOCK_TAGS = frozenset([
    "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "group",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe", "legend",
    "li", "main", "map", "math", "menu", "nav", "noscript", "object", "ol", "option", "output",
    "p", "pre", "progress", "section", "summary", "table", "tbody", "td", "textarea", "tfoot",
    "th", "thead", "tr", "ul", "video",
])  # fmt: skip
VOID_TAGS = frozenset([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
])  # fmt: skip
#: Blocks whose content Python-Markdown would not pass through verbatim.
_UNSAFE = re.compile(
    r"<(?:script|style|pre|textarea)\b|<[^>]*\bmarkdown\b|<!--|<!\[CDATA\[|<\?", re.I
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_PREFIX = "tipblock" + secrets.token_hex(6)


def _depth_after(line: str, depth: int) -> int | None:
    """Open elements after ``line``; ``None`` if it closes one that was not open."""
    for closing, name, self_closing in _TAG.findall(line):
        if name.lower() in VOID_TAGS or self_closing:
            continue
        depth += -1 if closing else 1
        if depth < 0:
            return None
    return depth


def _block_end(lines: list[str], first: int) -> int | None:
    """The index after the last line of the HTML block starting at line ``first``.

    Lines where every element is closed end the block, unless the next line opens
    another block-level element (Python-Markdown keeps those together); blank lines
    inside an open element belong to the block.
    """
    depth = 0
    index = first
    while index < len(lines):
        line = lines[index]
        if depth == 0:
            start = _START.match(line)
            if not start or start[1].lower() not in BLOCK_TAGS:
                return index if index > first and not line.strip() else None
        found = _depth_after(line, depth)
        if found is None:
            return None
        depth = found
        index += 1
        if depth == 0 and not line.rstrip().endswith(">"):
            return None  # text after a closing tag: Markdown would read it as Markdown
    return index if depth == 0 else None


def set_aside(markdown: str) -> tuple[str, dict[str, str]]:
    """``markdown`` with its top-level HTML blocks replaced by placeholders, and the blocks."""
    lines = markdown.split("\n")
    out: list[str] = []
    blocks: dict[str, str] = {}
    index = 0
    previous_blank = True
    last: str | None = None  # the placeholder of the last block, while only blank lines follow
    while index < len(lines):
        line = lines[index]
        start = _START.match(line) if previous_blank else None
        if start and start[1].lower() in BLOCK_TAGS:
            end = _block_end(lines, index)
            if end is None:
                return markdown, {}
            block = "\n".join(lines[index:end])
            if _UNSAFE.search(block):
                return markdown, {}
            index = end
            if last is not None:
                # Blocks one after another share a placeholder (fewer paragraphs for
                # Markdown to go through), joined as Python-Markdown joins paragraphs.
                while out[-1] != last:
                    out.pop()
                blocks[last] += "\n" + block + "\n"
                continue
            last = f"{_PREFIX}x{len(blocks)}"
            blocks[last] = block + "\n"  # as Python-Markdown leaves a raw block
            out.append(last)
            continue
        out.append(line)
        previous_blank = not line.strip()
        if not previous_blank:
            last = None
        index += 1
    return "\n".join(out), blocks


def put_back(html: str, blocks: dict[str, str]) -> str:
    """The HTML with each placeholder paragraph replaced by its block."""
    if not blocks:
        return html
    missing = [key for key in blocks if f"<p>{key}</p>" not in html]
    if missing:
        raise ValueError(f"placeholders lost in Markdown processing: {', '.join(missing[:3])}")
    result = re.sub(rf"<p>({_PREFIX}x\d+)</p>", lambda m: blocks[m[1]], html)
    return result.strip() if html == html.strip() else result  # as Python-Markdown's output


def anchor_ids(blocks: dict[str, str]) -> set[str]:
    """The ``id`` attributes in ``blocks``: targets that links from other pages may name."""
    return {found for block in blocks.values() for found in _ID.findall(block)}
