"""The one-way flow, in one call: load → validate → cross-reference → render."""

from __future__ import annotations

from pathlib import Path

from .crossref.archive import Archive, build_archive
from .loading.loader import load_data
from .loading.problems import DataError
from .render.opendata import data_page
from .render.pages import Page, SiteOptions, render_site


def load_archive(data_dir: Path, root: Path | None = None) -> Archive:
    """Load and check every record; raise :class:`DataError` listing every problem."""
    archive, problems = build_archive(load_data(data_dir, root))
    if problems:
        raise DataError(problems)
    return archive


def generate(
    data_dir: Path, options: SiteOptions | None = None, root: Path | None = None
) -> tuple[Archive, list[Page]]:
    archive = load_archive(data_dir, root)
    return archive, [*render_site(archive, options), data_page(archive, options or SiteOptions())]
