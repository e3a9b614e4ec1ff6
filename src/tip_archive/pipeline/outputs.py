"""Everything the archive adds to a site, as plain paths and text, for any generator.

The MkDocs plugin hands these to MkDocs; ``tip-archive export`` writes them into a
folder with a configuration that needs no plugin.  One list, so that both give
the same pages and files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..authoring.published import read_published
from ..authoring.release import RELEASES_FILE, Release, read_releases
from ..crossref.archive import Archive
from ..loading.history import record_history
from ..render import publish, scripts
from ..render.datapackage import package_files
from ..render.feed import FEED_PATH, feed_xml
from ..render.opendata import site_files
from ..render.pages import PagePlan, SiteOptions
from ..render.versions import kept_files
from .engine import phase, plan

#: Markdown extensions the generated pages rely on (headings with ids, HTML blocks, tables).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


def page_styles() -> list[str]:
    """Styles every page loads, added to the configuration's ``extra_css``."""
    return [*publish.PAGE_CSS, *scripts.style_urls()]


def page_scripts() -> list[str]:
    """Scripts every page loads, added to the configuration's ``extra_javascript``."""
    return [*publish.PAGE_JS, *scripts.script_urls()]


def releases_of(root: Path) -> list[Release]:
    path = root / RELEASES_FILE
    return read_releases(path) if path.exists() else []


def release_context(releases: list[Release]) -> dict[str, Any] | None:
    """What the theme's templates show of the current release (``config.extra.tip_release``)."""
    if not releases:
        return None
    release = releases[-1]
    return {"number": release.number, "label": release.label, "human": release.human()}


@dataclass
class Outputs:
    archive: Archive
    options: SiteOptions
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
    """Load and check the data, and plan every page and file of the site.

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
    archive, plans = plan(root / data_dir, options, root)
    with phase("files"):
        files = publish.site_files(archive, site_url)
        data = site_files(archive, options) + package_files(archive, options.site())
        data += kept_files(options.published)
        files |= {f.path: f.content for f in data}
        files[FEED_PATH] = feed_xml(archive, options.site(), releases, options.published)
    return Outputs(archive, options, releases, plans, files)
