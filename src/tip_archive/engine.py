"""The one-way flow, in one call: load → validate → cross-reference → render."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .crossref.archive import Archive, build_archive
from .loading.loader import load_data
from .loading.problems import DataError
from .render.pages import Page, SiteOptions, render_site

log = logging.getLogger("tip_archive")

#: Seconds spent in each phase since the process started (read by the speed benchmark).
PHASE_SECONDS: Counter[str] = Counter()


@contextmanager
def _phase(name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        spent = time.perf_counter() - start
        PHASE_SECONDS[name] += spent
        log.debug("%s took %.2f s", name, spent)


def load_archive(data_dir: Path, root: Path | None = None) -> Archive:
    """Load and check every record; raise :class:`DataError` listing every problem."""
    with _phase("load"):
        loaded = load_data(data_dir, root)
    with _phase("crossref"):
        archive, problems = build_archive(loaded)
    if problems:
        raise DataError(problems)
    return archive


def generate(
    data_dir: Path, options: SiteOptions | None = None, root: Path | None = None
) -> tuple[Archive, list[Page]]:
    archive = load_archive(data_dir, root)
    with _phase("render"):
        pages = render_site(archive, options)
    return archive, pages
