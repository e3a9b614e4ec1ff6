"""Long lists split into pages, so that no page grows with the archive.

A page whose list (the records of a year, the rows of an index, what a body
did, the paragraphs of a long source) would outgrow :data:`PAGE_BYTES` keeps
its address and shows the first part; the rest follows on ``<its url>page/2/``,
``page/3/`` and so on, each linked from a pager at the top and the bottom of
the list.  The split is decided from the data alone (an estimated size per
item), before any page is rendered, so that a builder knows every page's
address up front and the same archive always gives the same pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup, escape

from .edition import ENGLISH, Edition
from .urls import relative, url_of

T = TypeVar("T")

#: What the items of one page may weigh, in estimated bytes of HTML; the theme's own
#: markup (header, navigation, footer: about 20 KB) comes on top.
PAGE_BYTES = 150_000
#: A row of an index or an entry of the chronology, in bytes of HTML (with its data attributes).
ROW_BYTES = 600


def split(items: Sequence[T], weight: Callable[[T], int], budget: int) -> list[list[T]]:
    """``items`` in consecutive parts of at most ``budget`` (an item heavier alone gets a
    part of its own); always at least one part, empty for no items."""
    parts: list[list[T]] = [[]]
    total = 0
    for item in items:
        w = weight(item)
        if parts[-1] and total + w > budget:
            parts.append([])
            total = 0
        parts[-1].append(item)
        total += w
    return parts


def rows(items: Sequence[T], budget: int) -> list[list[T]]:
    """``items`` of about :data:`ROW_BYTES` each, in pages."""
    return split(items, lambda _item: ROW_BYTES, budget)


def page_src(first_src: str, number: int) -> str:
    """The source path of page ``number`` of the page ``first_src`` (1 is that page)."""
    if number == 1:
        return first_src
    return f"{url_of(first_src)}page/{number}.md"


def page_url(first_src: str, number: int) -> str:
    return url_of(page_src(first_src, number))


@dataclass(frozen=True)
class Pager:
    """Where page ``current`` of ``total`` stands, and links to the others."""

    first_src: str
    current: int
    total: int

    @property
    def src(self) -> str:
        return page_src(self.first_src, self.current)

    def nav(self, label: str, ed: Edition = ENGLISH) -> Markup:
        """``Page 2 of 5: ‹ 1 2 3 4 5 ›`` in the edition's language, or nothing for a
        single page."""
        _ = ed._
        if self.total <= 1:
            return Markup("")
        here = page_url(self.first_src, self.current)

        def link(number: int, text: str, rel: str = "") -> str:
            href = escape(relative(here, page_url(self.first_src, number)))
            extra = f' rel="{rel}"' if rel else ""
            return f'<a href="{href}"{extra}>{text}</a>'

        parts = []
        if self.current > 1:
            parts.append(link(self.current - 1, escape(_("‹ Previous")), "prev"))
        for number in range(1, self.total + 1):
            if number == self.current:
                parts.append(f'<span aria-current="page">{number}</span>')
            else:
                parts.append(link(number, str(number)))
        if self.current < self.total:
            parts.append(link(self.current + 1, escape(_("Next ›")), "next"))
        where = _("Page %(current)s of %(total)s:") % {"current": self.current, "total": self.total}
        aria = _("%(list)s, pages") % {"list": label}
        return Markup(
            f'<nav class="tip-pager" aria-label="{escape(aria)}">'
            f'<span class="tip-pager__where">{escape(where)}</span> ' + " ".join(parts) + "</nav>"
        )


__all__ = ["PAGE_BYTES", "ROW_BYTES", "Pager", "page_src", "page_url", "rows", "split"]
