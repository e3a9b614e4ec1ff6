"""Each record's versions across the data releases, and the releases' own page and files.

- On a record page, a "Versions" section: the release that added the record, each
  later release that changed it and how (fields added, corrected, removed), and
  what changed since the newest release, each with a link to that release's data.
- ``/data/releases/``: every release with its date, note, counts and files.
- ``/data/releases/<N>/...``: the files each release kept, byte for byte.

The facts come from :mod:`tip_archive.authoring.published`; this module only words them.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..authoring.published import (
    FROZEN_FILES,
    Published,
    RecordChange,
    record_changes,
    release_summaries,
)
from ..authoring.release import Release
from ..crossref.archive import Archive
from ..i18n import N_
from ..model.dates import DateSpan, PartialDate
from ..model.records import Record
from .edition import ENGLISH, Edition
from .extras import SiteContext
from .opendata import record_data
from .outputs import Output
from .pages import Page
from .urls import relative

RELEASES_PAGE = "data/releases/index.md"
RELEASES_URL = "data/releases/"


def _listed(names: tuple[str, ...], ed: Edition) -> Markup:
    words = [Markup("<em>{}</em>").format(ed.field_name(n)) for n in names]
    if len(words) <= 1:
        return Markup("").join(words)
    return Markup(ed._("%(items)s and %(last)s")) % {
        "items": Markup(", ").join(words[:-1]),
        "last": words[-1],
    }


def change_words(change: RecordChange, ed: Edition = ENGLISH) -> Markup:
    """``the <em>summary</em> corrected; <em>facts</em> added``."""
    parts = []
    for names, verb in (
        (change.corrected, N_("%(fields)s corrected")),
        (change.added, N_("%(fields)s added")),
        (change.removed, N_("%(fields)s removed")),
    ):
        if names:
            parts.append(Markup(ed._(verb)) % {"fields": _listed(names, ed)})
    return Markup("; ").join(parts)


def _label(release: Release, ed: Edition) -> str:
    """``Data release 1`` (``Выпуск данных 1``)."""
    return ed._("Data release %(number)s") % {"number": release.number}


def _human(release: Release, ed: Edition) -> str:
    """The release's day as the edition writes dates."""
    if ed.english:
        return release.human()
    year, month, day = (int(part) for part in release.date.split("-"))
    return ed.date(DateSpan(PartialDate(year, month, day)))


def _named(release: Release, ed: Edition) -> dict[str, Any]:
    """The placeholders of a line about ``release``: its number and its day."""
    return {"number": release.number, "day": _human(release, ed)}


def _release_link(here: str, item: Published, text: str) -> Markup:
    href = relative(here, item.folder + "records.json")
    return Markup('<a class="tip-release-data" href="{}">{}</a>').format(href, text)


def _line(here: str, change: RecordChange, by_number: dict[int, Published], ed: Edition) -> Markup:
    _ = ed._
    if change.release is None and change.since is None:  # new since the newest release
        newest = list(by_number.values())[-1].release
        text = _("Added after data release %(number)s (%(day)s), not yet in a release.")
        return Markup("<li>{}</li>").format(text % _named(newest, ed))
    if change.release is None:  # changed since the newest release
        assert change.since is not None
        since = by_number[change.since.number]
        text = Markup(
            _("Changed since data release %(number)s (%(day)s), not yet in a release: %(changes)s.")
        )
        link = _("The record as cited from data release %(number)s") % _named(change.since, ed)
        return Markup("<li>{} {}.</li>").format(
            text % {**_named(change.since, ed), "changes": change_words(change, ed)},
            _release_link(here, since, link),
        )
    item = by_number[change.release.number]
    link = _release_link(
        here, item, _("Data release %(number)s data") % {"number": change.release.number}
    )
    if change.is_new:
        text = _("Added in data release %(number)s (%(day)s).")
        return Markup("<li>{} {}.</li>").format(text % _named(change.release, ed), link)
    assert change.since is not None
    text = Markup(
        _("Data release %(number)s (%(day)s): %(changes)s, compared with data release %(since)s.")
    )
    earlier = _release_link(
        here,
        by_number[change.since.number],
        _("Data release %(number)s data") % {"number": change.since.number},
    )
    return Markup("<li>{} {}; {}.</li>").format(
        text
        % {
            **_named(change.release, ed),
            "changes": change_words(change, ed),
            "since": change.since.number,
        },
        link,
        earlier,
    )


def versions_block(archive: Archive, record: Record, here: str, site: SiteContext) -> Markup:
    """The record page's "Versions" section; empty before the first kept release."""
    published = list(site.published)
    if not published:
        return Markup("")
    ed = Edition.of(site.lang)
    _ = ed._
    story = record_changes(record.id, published, record_data(archive, record, site))
    by_number = {p.release.number: p for p in published}
    lines = [_line(here, change, by_number, ed) for change in story]
    if story and story[-1].release is not None:
        newest = published[-1].release
        lines.append(
            Markup("<li>{}</li>").format(
                _("Unchanged since data release %(number)s (%(day)s).") % _named(newest, ed)
            )
        )
    listing = relative(here, ed.page(RELEASES_URL))
    return Markup(
        '<section class="tip-versions" aria-labelledby="versions">'
        '<h2 id="versions">{}</h2>'
        '<p>{} (<a href="{}">{}</a>).</p>'
        "<ul>{}</ul></section>"
    ).format(
        _("Versions"),
        _(
            "A citation names the data release it was taken from; every release stays "
            "available as it was published"
        ),
        listing,
        _("all data releases"),
        Markup("").join(lines),
    )


# -- the releases page and the kept files --------------------------------------------------


def kept_files(published: list[Published]) -> list[Output]:
    """Each kept release's files under ``/data/releases/<N>/``, exactly as published."""
    return [
        Output(item.folder + name, content.decode("utf-8"))
        for item in published
        for name, content in item.files.items()
    ]


def _ids(archive: Archive, ids: tuple[str, ...], here: str, ed: Edition) -> Markup:
    links = []
    for record_id in ids:
        if record_id in archive.entries:
            record = archive[record_id]
            links.append(
                Markup('<a href="{}">{}</a>').format(relative(here, ed.url(record)), record.id)
            )
        else:
            links.append(Markup("<code>{}</code>").format(record_id))
    return Markup(", ").join(links)


def releases_page(archive: Archive, published: list[Published], ed: Edition = ENGLISH) -> Page:
    """``/data/releases/`` (``/ru/data/releases/``): every kept release, newest first, with
    its files and changes.  The files themselves are published once, under ``/data/releases/``."""
    _ = ed._
    here = ed.page(RELEASES_URL)
    files_at = relative(here, RELEASES_URL)
    title = _("Data releases")
    description = _("Every data release of the archive as it was published.")
    body = [
        "---",
        f"title: {title}",
        f"description: {description}",
        "---",
        "",
        f"# {title}",
        "",
        _(
            "Readers cite the archive as it stood at a numbered data release. Each release's "
            "open data are kept here exactly as they were published, whatever was corrected "
            "later; the current data are on the [Open data](%(data)s) page. The archive's "
            "[Atom feed](%(feed)s) announces each new release."
        )
        % {"data": "../index.md", "feed": relative(here, "feed.xml")},
        "",
    ]
    for summary in reversed(release_summaries(published)):
        release = summary.published.release
        body += [
            f"## {_label(release, ed)} ({_human(release, ed)}) {{#release-{release.number}}}",
            "",
        ]
        if release.note:
            note = ed.text(" ".join(release.note.split()), release.note_ru)
            body += [str(note), ""]
        files = ", ".join(
            f"[`{name}`]({files_at}{release.number}/{name})"
            for name in FROZEN_FILES
            if name in summary.published.files
        )
        body += [_("Files: %(files)s.") % {"files": files}, ""]
        html = []
        for heading, ids in (
            (N_("Added"), summary.added),
            (N_("Corrected"), summary.corrected),
            (N_("Removed"), summary.removed),
        ):
            if ids:
                html.append(
                    Markup("<p><strong>{} ({}):</strong> {}</p>").format(
                        _(heading), len(ids), _ids(archive, ids, here, ed)
                    )
                )
        nothing = Markup("<p>{}</p>").format(_("No record changed."))
        body += [str(Markup("").join(html) or nothing), ""]
    return Page(ed.src(RELEASES_PAGE), "\n".join(body))
