"""Each record's versions across the data releases, and the releases' own page and files.

- On a record page, a "Versions" section: the release that added the record, each
  later release that changed it and how (fields added, corrected, removed), and
  what changed since the newest release, each with a link to that release's data.
- ``/data/releases/``: every release with its date, note, counts and files.
- ``/data/releases/<N>/...``: the files each release kept, byte for byte.

The facts come from :mod:`tip_archive.authoring.published`; this module only words them.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..authoring.published import (
    FROZEN_FILES,
    Published,
    RecordChange,
    record_changes,
    release_summaries,
)
from ..crossref.archive import Archive
from ..model.records import Record
from .extras import SiteContext
from .opendata import record_data
from .outputs import Output
from .pages import Page
from .urls import record_url, relative

RELEASES_PAGE = "data/releases/index.md"
RELEASES_URL = "data/releases/"


def field_words(name: str) -> str:
    """``key_points`` → ``key points``; the names are those of the Record format page."""
    return name.replace("_", " ")


def _listed(names: tuple[str, ...]) -> str:
    words = [f"<em>{escape(field_words(n))}</em>" for n in names]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def change_words(change: RecordChange) -> Markup:
    """``the <em>summary</em> corrected; <em>facts</em> added``."""
    parts = []
    for names, verb in (
        (change.corrected, "corrected"),
        (change.added, "added"),
        (change.removed, "removed"),
    ):
        if names:
            parts.append(f"{_listed(names)} {verb}")
    return Markup("; ".join(parts))


def _release_link(here: str, item: Published, text: str) -> Markup:
    href = relative(here, item.folder + "records.json")
    return Markup('<a class="tip-release-data" href="{}">{}</a>').format(href, text)


def _line(here: str, change: RecordChange, by_number: dict[int, Published]) -> Markup:
    if change.release is None and change.since is None:  # new since the newest release
        newest = list(by_number.values())[-1].release
        return Markup("<li>Added after {} ({}), not yet in a release.</li>").format(
            newest.label.lower(), newest.human()
        )
    if change.release is None:  # changed since the newest release
        assert change.since is not None
        since = by_number[change.since.number]
        return Markup("<li>Changed since {} ({}), not yet in a release: {}. {}.</li>").format(
            change.since.label.lower(),
            change.since.human(),
            change_words(change),
            _release_link(here, since, f"The record as cited from {change.since.label.lower()}"),
        )
    item = by_number[change.release.number]
    link = _release_link(here, item, f"{change.release.label} data")
    if change.is_new:
        return Markup("<li>Added in {} ({}). {}.</li>").format(
            change.release.label.lower(), change.release.human(), link
        )
    assert change.since is not None
    return Markup("<li>{} ({}): {}, compared with {}. {}; {}.</li>").format(
        change.release.label,
        change.release.human(),
        change_words(change),
        change.since.label.lower(),
        link,
        _release_link(here, by_number[change.since.number], f"{change.since.label} data"),
    )


def versions_block(archive: Archive, record: Record, here: str, site: SiteContext) -> Markup:
    """The record page's "Versions" section; empty before the first kept release."""
    published = list(site.published)
    if not published:
        return Markup("")
    story = record_changes(record.id, published, record_data(archive, record, site))
    by_number = {p.release.number: p for p in published}
    lines = [_line(here, change, by_number) for change in story]
    if story and story[-1].release is not None:
        newest = published[-1].release
        lines.append(
            Markup("<li>Unchanged since {} ({}).</li>").format(newest.label.lower(), newest.human())
        )
    listing = relative(here, RELEASES_URL)
    return Markup(
        '<section class="tip-versions" aria-labelledby="versions">'
        '<h2 id="versions">Versions</h2>'
        "<p>A citation names the data release it was taken from; every release stays "
        'available as it was published (<a href="{}">all data releases</a>).</p>'
        "<ul>{}</ul></section>"
    ).format(listing, Markup("").join(lines))


# -- the releases page and the kept files --------------------------------------------------


def kept_files(published: list[Published]) -> list[Output]:
    """Each kept release's files under ``/data/releases/<N>/``, exactly as published."""
    return [
        Output(item.folder + name, content.decode("utf-8"))
        for item in published
        for name, content in item.files.items()
    ]


def _ids(archive: Archive, ids: tuple[str, ...], here: str) -> Markup:
    links = []
    for record_id in ids:
        if record_id in archive.entries:
            record = archive[record_id]
            links.append(
                Markup('<a href="{}">{}</a>').format(relative(here, record_url(record)), record.id)
            )
        else:
            links.append(Markup("<code>{}</code>").format(record_id))
    return Markup(", ").join(links)


def releases_page(archive: Archive, published: list[Published]) -> Page:
    """``/data/releases/``: every kept release, newest first, with its files and changes."""
    here = RELEASES_URL
    body = [
        "---",
        "title: Data releases",
        "description: Every data release of the archive as it was published.",
        "---",
        "",
        "# Data releases",
        "",
        "Readers cite the archive as it stood at a numbered data release. Each release's "
        "open data are kept here exactly as they were published, whatever was corrected "
        "later; the current data are on the [Open data](../index.md) page. The archive's "
        "[Atom feed](../../feed.xml) announces each new release.",
        "",
    ]
    for summary in reversed(release_summaries(published)):
        release = summary.published.release
        body += [f"## {release.label} ({release.human()}) {{#release-{release.number}}}", ""]
        if release.note:
            body += [" ".join(release.note.split()), ""]
        files = ", ".join(
            f"[`{name}`]({release.number}/{name})"
            for name in FROZEN_FILES
            if name in summary.published.files
        )
        body += [f"Files: {files}.", ""]
        html = []
        for heading, ids in (
            ("Added", summary.added),
            ("Corrected", summary.corrected),
            ("Removed", summary.removed),
        ):
            if ids:
                html.append(
                    Markup("<p><strong>{} ({}):</strong> {}</p>").format(
                        heading, len(ids), _ids(archive, ids, here)
                    )
                )
        body += [str(Markup("").join(html)) or "<p>No record changed.</p>", ""]
    return Page(RELEASES_PAGE, "\n".join(body))
