"""The one-way flow, in one call: load → validate → cross-reference → render."""

from __future__ import annotations

import gc
import logging
import resource
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from ..crossref.archive import Archive, build_archive
from ..loading.loader import load_data
from ..loading.problems import DataError
from ..model.records import LANGUAGES
from ..render import cite_block, headmeta, social, versions
from ..render.edition import Edition
from ..render.extras import PageParts
from ..render.opendata import DATA_PAGE, data_page
from ..render.pages import Page, PagePlan, SiteOptions, SiteRenderer
from .cache import BuildCache

log = logging.getLogger("tip_archive")

#: Seconds spent in each phase since the process started (read by the speed benchmark):
#: wall-clock time, and processor time, which a busy shared machine disturbs less.
PHASE_SECONDS: defaultdict[str, float] = defaultdict(float)
PHASE_CPU_SECONDS: defaultdict[str, float] = defaultdict(float)
#: The peak memory of the process that made the pages, when it was not this one
#: (``tip-archive build`` makes them in a child process: see ``apart.py``).
PEAK_APART_BYTES = 0


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


def load_archive(
    data_dir: Path, root: Path | None = None, cache: BuildCache | None = None
) -> Archive:
    """Load and check every record; raise :class:`DataError` listing every problem.

    A builder passes its ``cache``: files that did not change are not parsed again, the
    same files give the same archive without cross-referencing again, and a valid archive
    is frozen out of the garbage collector's reach (see :mod:`.cache`)."""
    # Reading makes many objects and almost no cyclic garbage: the collector is paused
    # while they are made.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with phase("load"):
            loaded = load_data(data_dir, root, cache.reads if cache else None)
        key = data_dir.resolve()
        found = cache.archive(key, loaded.fingerprint) if cache else None
        if found is not None:
            archive, problems = found
        else:
            if cache:
                cache.release(key)  # a previous build's archive (``mkdocs serve``) is garbage now
            with phase("crossref"):
                archive, problems = build_archive(loaded)
            if cache:
                cache.keep(key, loaded.fingerprint, archive, problems)
    finally:
        if enabled:
            gc.enable()
    if problems:
        raise DataError(problems)
    return archive


#: What a record page holds besides its template, in order: front-matter keys (citation
#: tags and JSON-LD, then the Open Graph preview), then the sections after its sources.
RECORD_PAGE_PARTS = PageParts(
    meta=(headmeta.citation_meta, social.social_meta),
    blocks=(cite_block.cite_block, versions.versions_block),
)


#: The site's editions: English at the root, the others under their prefix (``/ru/``).
EDITIONS = LANGUAGES


def renderer(
    archive: Archive, options: SiteOptions | None = None, lang: str = "en"
) -> SiteRenderer:
    """The renderer of one edition, with everything it is made of named here."""
    options = options or SiteOptions()
    return SiteRenderer(archive, options, options.site(), RECORD_PAGE_PARTS, Edition.of(lang))


def render_site(
    archive: Archive, options: SiteOptions | None = None, lang: str = "en"
) -> list[Page]:
    """Every page of one edition, made at once."""
    return renderer(archive, options, lang).render()


def generate(
    data_dir: Path,
    options: SiteOptions | None = None,
    root: Path | None = None,
    lang: str = "en",
) -> tuple[Archive, list[Page]]:
    """The pages of one edition (English unless ``lang`` says otherwise)."""
    archive = load_archive(data_dir, root)
    ed = Edition.of(lang)
    with phase("render"):
        pages = [
            *render_site(archive, options, lang),
            data_page(archive, options or SiteOptions(), ed),
        ]
    return archive, pages


def plan(
    archive: Archive,
    options: SiteOptions | None = None,
    editions: tuple[str, ...] = EDITIONS,
    symbols: dict[str, dict[str, str]] | None = None,
) -> list[PagePlan]:
    """Every edition's pages (as :func:`generate` makes one edition's), each made only
    when its ``make`` is called.  ``symbols`` holds each edition's symbol files
    (:meth:`~tip_archive.render.pages.SiteRenderer.symbol_files`): those it has are
    used, those it lacks are made and put in it."""
    options = options or SiteOptions()
    plans: list[PagePlan] = []
    for lang in editions:
        ed = Edition.of(lang)
        site = renderer(archive, options, lang)
        files = None
        if symbols is not None:
            files = symbols[lang] = symbols.get(lang) or site.symbol_files()
        plans += site.plan(files)
        plans.append(PagePlan(ed.src(DATA_PAGE), None, partial(data_page, archive, options, ed)))
        if options.published:
            releases = partial(versions.releases_page, archive, options.published, ed)
            plans.append(PagePlan(ed.src(versions.RELEASES_PAGE), None, releases))
    return plans
