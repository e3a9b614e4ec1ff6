"""Everything the archive adds to a site, as plain paths and text, for any generator.

The MkDocs plugin hands these to MkDocs; ``tip-archive export`` writes them into a
folder with a configuration that needs no plugin.  :func:`durable_outputs` are the
files of issue 17 (the data package, the kept releases, the feed), which both add
to the open data and assets; :func:`generate` is everything, for the export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..authoring.published import read_published
from ..authoring.release import RELEASES_FILE, Release, read_releases
from ..crossref.archive import Archive
from ..loading.history import record_history
from ..model.dates import PartialDate
from ..render import manifest, opendata, publish
from ..render.datapackage import package_files
from ..render.feed import FEED_PATH, feed_xml
from ..render.languages import release_editions
from ..render.outputs import Output
from ..render.pages import PagePlan, SiteOptions
from ..render.versions import kept_files
from .engine import load_archive, phase, plan


def releases_of(root: Path) -> list[Release]:
    path = root / RELEASES_FILE
    return read_releases(path) if path.exists() else []


def release_context(releases: list[Release]) -> dict[str, Any] | None:
    """What the theme's templates show of the current release (``config.extra.tip_release``)."""
    if not releases:
        return None
    release = releases[-1]
    year, month, day = (int(part) for part in release.date.split("-"))
    return {
        "number": release.number,
        "label": release.label,
        "human": release.human(),
        # The same in each edition, for the theme's partials on that edition's pages.
        "editions": release_editions(release.number, PartialDate(year, month, day)),
    }


def durable_outputs(
    archive: Archive, options: SiteOptions, releases: list[Release]
) -> list[Output]:
    """The data package, every kept release's files, and the Atom feed."""
    site = options.site()
    return [
        *package_files(archive, site),
        *kept_files(options.published),
        Output(
            FEED_PATH,
            feed_xml(archive, site, releases, options.published),
            "application/atom+xml",
        ),
    ]


@dataclass
class Outputs:
    archive: Archive
    releases: list[Release]
    plans: list[PagePlan]
    """Every generated page (Markdown pages made when asked, other files at once)."""
    files: dict[str, str]
    """Every other generated file: open data, citation files, assets, the feed."""


def generate(
    root: Path,
    data_dir: str = "data",
    *,
    site_url: str = "",
    site_name: str = "",
    edit_base: str = "",
    history_base: str = "",
) -> Outputs:
    """Load and check the data, and plan every page and file of the site, as the plugin does.

    Raises :class:`~tip_archive.loading.problems.DataError` when the data have problems.
    """
    releases = releases_of(root)
    with phase("history"):
        history = record_history(root, data_dir)
    options = SiteOptions(
        edit_base=edit_base,
        site_url=site_url,
        site_name=site_name,
        release=str(releases[-1].number) if releases else None,
        history=history,
        history_base=history_base,
        published=read_published(root, releases),
    )
    archive = load_archive(root / data_dir, root)
    outputs = [
        *publish.site_files(archive, site_url),
        *opendata.site_files(archive, options),
        *manifest.asset_outputs(),
        *durable_outputs(archive, options, releases),
    ]
    return Outputs(archive, releases, plan(archive, options), {o.path: o.content for o in outputs})
