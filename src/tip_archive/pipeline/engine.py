"""The one-way flow, in one call: load → validate → cross-reference → render."""

from __future__ import annotations

import gc
import logging
import resource
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..crossref.archive import Archive, build_archive
from ..loading.loader import load_data
from ..loading.problems import DataError, Problem
from ..render.opendata import DATA_PAGE, data_page
from ..render.pages import Page, PagePlan, SiteOptions, plan_site, render_site

log = logging.getLogger("tip_archive")

#: Seconds spent in each phase since the process started (read by the speed benchmark):
#: wall-clock time, and processor time, which a busy shared machine disturbs less.
PHASE_SECONDS: defaultdict[str, float] = defaultdict(float)
PHASE_CPU_SECONDS: defaultdict[str, float] = defaultdict(float)

#: The last archive built from each data folder, with the fingerprint of the files it
#: was built from: ``tip-archive build`` validates, then MkDocs' plugin loads the same
#: files again, and the second time costs only reading the files.
_LAST: dict[Path, tuple[list[tuple[str, bytes | None]], Archive, list[Problem]]] = {}


def _cpu() -> float:
    """Processor time of this process and of the programs it ran (git, Pagefind)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Count the time spent in the block towards phase ``name`` (logged at debug level)."""
    start, cpu = time.perf_counter(), _cpu()
    try:
        yield
    finally:
        spent = time.perf_counter() - start
        PHASE_SECONDS[name] += spent
        PHASE_CPU_SECONDS[name] += _cpu() - cpu
        log.debug("%s took %.2f s", name, spent)


def load_archive(data_dir: Path, root: Path | None = None) -> Archive:
    """Load and check every record; raise :class:`DataError` listing every problem."""
    # Reading makes many objects that live as long as the build and almost no cyclic
    # garbage: the collector scanning them again and again cost a fifth of the engine's
    # time at 10,000 records.  It is paused while they are made, and then told to leave
    # them out of later collections (``gc.freeze``), which spares MkDocs' build too.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with phase("load"):
            loaded = load_data(data_dir, root)
        key = data_dir.resolve()
        last = _LAST.get(key)
        if last is not None and last[0] == loaded.fingerprint:
            archive, problems = last[1], last[2]  # already frozen
        else:
            if gc.get_freeze_count():
                # A previous build's archive (``mkdocs serve``) is garbage now: let it go.
                _LAST.pop(key, None)
                gc.unfreeze()
                gc.collect()
            with phase("crossref"):
                archive, problems = build_archive(loaded)
            _LAST[key] = (loaded.fingerprint, archive, problems)
            if not problems:
                gc.freeze()
    finally:
        if enabled:
            gc.enable()
    if problems:
        raise DataError(problems)
    return archive


def generate(
    data_dir: Path, options: SiteOptions | None = None, root: Path | None = None
) -> tuple[Archive, list[Page]]:
    archive = load_archive(data_dir, root)
    with phase("render"):
        pages = [*render_site(archive, options), data_page(archive, options or SiteOptions())]
    return archive, pages


def plan(
    data_dir: Path, options: SiteOptions | None = None, root: Path | None = None
) -> tuple[Archive, list[PagePlan]]:
    """Like :func:`generate`, but each page is made only when its ``make`` is called."""
    archive = load_archive(data_dir, root)
    options = options or SiteOptions()
    data = PagePlan(DATA_PAGE, None, lambda: data_page(archive, options))
    return archive, [*plan_site(archive, options), data]
