"""``/feed.xml``: an Atom feed with one entry per data release, made with feedgen.

Each entry names the records the release added, corrected and removed (read
from the kept releases, :mod:`tip_archive.authoring.published`), with links to their
pages and to the release's data.  Every date comes from ``releases.yaml``, never
from the clock, so the same commit gives the same feed.
"""

from __future__ import annotations

import datetime
import os

from feedgen.feed import FeedGenerator
from markupsafe import Markup, escape

from ..authoring.published import Published, release_summaries
from ..authoring.release import Release
from ..crossref.archive import Archive
from .extras import SiteContext
from .urls import record_url
from .versions import RELEASES_URL

FEED_PATH = "feed.xml"


def _day(release: Release) -> datetime.datetime:
    return datetime.datetime.fromisoformat(release.date).replace(tzinfo=datetime.UTC)


def _build_day() -> datetime.datetime:
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(stamp) if stamp.isdigit() else 1_577_836_800  # 2020-01-01, site.py's default
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def _records(archive: Archive, site: SiteContext, heading: str, ids: tuple[str, ...]) -> Markup:
    if not ids:
        return Markup("")
    items = []
    for record_id in ids:
        if record_id in archive.entries:
            record = archive[record_id]
            items.append(
                Markup('<li><a href="{}">{}</a></li>').format(
                    site.absolute(record_url(record)), record.title
                )
            )
        else:  # removed since
            items.append(Markup("<li>{}</li>").format(record_id))
    return Markup("<p>{} ({}):</p><ul>{}</ul>").format(heading, len(ids), Markup("").join(items))


def feed_xml(
    archive: Archive, site: SiteContext, releases: list[Release], published: list[Published]
) -> str:
    """The Atom feed of ``releases`` (oldest first in, newest first out)."""
    summaries = {s.published.release.number: s for s in release_summaries(published)}
    feed = FeedGenerator()
    home = site.absolute("")
    feed.id(home)
    feed.title(f"{site.name or 'The archive'}: data releases")
    feed.subtitle(
        "Each numbered data release of the archive, with the records it added and corrected."
    )
    feed.author({"name": site.name or "The archive"})
    feed.link(href=home, rel="alternate", type="text/html")
    feed.link(href=site.absolute(FEED_PATH), rel="self", type="application/atom+xml")
    feed.language("en")
    # Dated by the newest release; before the first, by the build's date (SOURCE_DATE_EPOCH,
    # which `tip-archive build` sets from the last commit): never by the clock.
    feed.updated(_day(releases[-1]) if releases else _build_day())
    for release in releases:
        entry = feed.add_entry(order="prepend")  # newest first
        anchor = site.absolute(f"{RELEASES_URL}#release-{release.number}")
        entry.id(anchor)
        entry.title(f"{release.label} ({release.human()})")
        entry.link(href=anchor, rel="alternate", type="text/html")
        entry.published(_day(release))
        entry.updated(_day(release))
        parts = [Markup("<p>{}</p>").format(" ".join(release.note.split()))] if release.note else []
        summary = summaries.get(release.number)
        if summary is not None:
            data = site.absolute(f"{summary.published.folder}records.json")
            parts += [
                _records(archive, site, "Records added", summary.added),
                _records(archive, site, "Records corrected", summary.corrected),
                _records(archive, site, "Records removed", summary.removed),
                Markup('<p>The release\'s data: <a href="{}">{}</a>.</p>').format(
                    data, escape(data)
                ),
            ]
        entry.content(str(Markup("").join(parts)), type="html")
    return str(feed.atom_str(pretty=True).decode("utf-8"))
