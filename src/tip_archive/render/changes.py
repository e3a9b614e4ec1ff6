"""A record page's line on its history: when its files last changed, and where to see how.

The dates come from :mod:`tip_archive.loading.history` (the repository's log), so the
line is the same in every build of the same commit.
"""

from __future__ import annotations

import datetime
import posixpath
from typing import Any

from markupsafe import Markup

from ..loading.history import Change
from ..model.dates import DateSpan, PartialDate
from ..model.records import Record, Source
from .edition import ENGLISH, Edition


def files_of(record: Record, path: str) -> list[str]:
    """The data files a record's page is made from: its YAML file, and a source's text."""
    if isinstance(record, Source):
        return [path, posixpath.join(posixpath.dirname(path), "texts", record.text_file)]
    return [path]


def last_change(history: dict[str, Change] | None, paths: list[str]) -> Change | None:
    """The newest change among ``paths``; ``None`` when the main file is not committed."""
    if history is None or paths[0] not in history:
        return None
    found = [history[p] for p in paths if p in history]
    return max(found, key=lambda c: datetime.datetime.fromisoformat(c.date))


def page_meta(
    history: dict[str, Change] | None, paths: list[str], ed: Edition = ENGLISH
) -> dict[str, Any]:
    """Front-matter keys for the colophon and the sitemap: the day of the last change
    (written as the page's edition writes dates)."""
    change = last_change(history, paths)
    if change is None:
        return {}
    return {"tip_changed": change.day, "tip_changed_human": _human(change, ed)}


def _human(change: Change, ed: Edition) -> str:
    """The day of a change as the edition writes dates (``25 ноября 2026 г.``)."""
    if ed.english:
        return change.human()
    year, month, day = (int(part) for part in change.day.split("-"))
    return ed.date(DateSpan(PartialDate(year, month, day)))


def changed_line(
    history: dict[str, Change] | None,
    paths: list[str],
    history_base: str = "",
    ed: Edition = ENGLISH,
) -> Markup:
    """``Last changed on 25 November 2026 (change history).``; empty without a history."""
    if history is None:
        return Markup("")
    _ = ed._
    change = last_change(history, paths)
    if change is None:
        return Markup('<p class="tip-changed">{}</p>').format(
            _("This record is not yet committed to the archive’s repository.")
        )
    line = Markup(_("Last changed on %(date)s")) % {
        "date": Markup('<time datetime="{}">{}</time>').format(change.date, _human(change, ed))
    }
    if history_base:
        line += Markup(' (<a class="tip-history-link" href="{}" rel="nofollow">{}</a>)').format(
            history_base + paths[0], _("change history")
        )
    return Markup('<p class="tip-changed">{}.</p>').format(line)
