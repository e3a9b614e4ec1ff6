"""What a builder keeps from one build to the next, in one object it owns.

``tip-archive build`` (``pipeline/site.py``) makes one for its single build; the
MkDocs plugin makes one when ``mkdocs serve`` or ``mkdocs build`` starts and
keeps it across the rebuilds of a serve.  Nothing else in the engine keeps
state between calls: code called without a cache reads everything afresh.

The cache also decides what the garbage collector may skip.  The records of a
valid archive live as long as the build and are almost never cyclic garbage;
the collector scanning them again and again cost a fifth of the engine's time
at 10,000 records.  So the cache moves its archive out of the collector's
reach (``gc.freeze``) and, when a newer archive replaces it, hands the old one
back first (``gc.unfreeze``): ``gc.freeze`` acts on the whole process, which
is why only the owner of the archive may call it.
"""

from __future__ import annotations

import gc
import hashlib
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..crossref.archive import Archive
from ..loading.loader import ReadCache
from ..loading.problems import Problem

if TYPE_CHECKING:
    from ..render.opendata import Pieces
    from .affected import Snapshot

Fingerprint = list[tuple[str, bytes | None]]


@dataclass(frozen=True)
class RenderedPage:
    """A generated page as it was written, kept between the rebuilds of ``mkdocs serve``."""

    key: bytes
    """The digest of what the page was made from: the site's settings and its Markdown."""
    compressed: bytes
    """The finished HTML, compressed (a serve of 10,000 records keeps 20,000 of them)."""
    anchors: frozenset[str]
    """The ids in the page, for MkDocs' check of links into it."""

    @property
    def html(self) -> str:
        return zlib.decompress(self.compressed).decode("utf-8")


def page_key(site_key: bytes, src: str, markdown: str) -> bytes:
    """What a generated page's HTML depends on: the settings every page shares (MkDocs'
    configuration, theme and hand-written pages: ``site_key``), its address and its Markdown,
    which the engine makes from its record and from what the cross-reference index relates
    to it (its backlinks, its sources, the titles it links to)."""
    digest = hashlib.blake2b(site_key, digest_size=20)
    digest.update(src.encode())
    digest.update(b"\0")
    digest.update(markdown.encode())
    return digest.digest()


@dataclass
class BuildCache:
    reads: ReadCache = field(default_factory=ReadCache)
    """Each record file's reading, and the YAML scalar tags, for the next load."""
    archives: dict[Path, tuple[Fingerprint, Archive, list[Problem]]] = field(default_factory=dict)
    """The last archive built from each data folder, with the fingerprint of its files."""
    frozen: bool = False
    """Whether this cache has moved an archive out of the garbage collector's reach."""
    swept: bool = False
    """Whether the garbage of the last build was collected since it ended (:meth:`sweep`)."""
    pages: dict[str, RenderedPage] = field(default_factory=dict)
    """Each generated page's HTML as last written, by source path (``mkdocs serve`` only)."""
    written: set[str] = field(default_factory=set)
    """The files the last build wrote into the site folder, relative to it (``mkdocs serve``,
    which keeps the folder between builds)."""
    nav_key: bytes | None = None
    """The digest of the navigation the kept pages were written with (every page shows it)."""
    site_key: bytes | None = None
    """The digest of the settings the kept pages were written with (see the plugin)."""
    reused: int = 0
    """Pages of the last build taken from :attr:`pages` rather than made again."""
    rendered: int = 0
    """Pages of the last build made by MkDocs (and kept in :attr:`pages`)."""
    left: int = 0
    """Pages of the last build left as written: the edit did not touch them (nothing made)."""
    snapshot: Snapshot | None = None
    """The records of the last build that succeeded, to tell which pages the next one touches."""
    dates: dict[str, str] = field(default_factory=dict)
    """Each generated page's last-changed date as last written (the sitemap's ``lastmod``)."""
    outputs: dict[str, bytes] = field(default_factory=dict)
    """The digest of each generated file other than a page, as the last good build wrote it."""
    pending: dict[str, bytes] = field(default_factory=dict)
    """The digests of the build under way, which become :attr:`outputs` once it succeeds."""
    pieces: dict[str, Pieces] = field(default_factory=dict)
    """Each record's share of the archive-wide open data as the last good build encoded it."""
    pending_pieces: dict[str, Pieces] = field(default_factory=dict)
    """Those of the build under way, which become :attr:`pieces` once it succeeds."""
    symbols: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each edition's symbol table, its pages and redirects, as the last good build made them."""
    pending_symbols: dict[str, dict[str, str]] = field(default_factory=dict)
    """Those of the build under way, which become :attr:`symbols` once it succeeds."""

    def page(self, src: str, key: bytes) -> RenderedPage | None:
        """The page ``src`` as written when it was last made from the same ``key``."""
        found = self.pages.get(src)
        if found is not None and found.key == key:
            self.reused += 1
            return found
        return None

    def keep_page(self, src: str, key: bytes, html: str, anchors: set[str]) -> None:
        self.pages[src] = RenderedPage(
            key, zlib.compress(html.encode("utf-8"), 1), frozenset(anchors)
        )
        self.rendered += 1

    def start_pages(self, current: set[str]) -> None:
        """A build begins: forget pages the archive no longer has, reset the counts."""
        for src in [s for s in self.pages if s not in current]:
            del self.pages[src]
            self.dates.pop(src, None)
        self.reused = self.rendered = self.left = 0
        self.pending = {}
        self.pending_pieces = {}

    def output_unchanged(self, path: str, content: str | bytes) -> bool:
        """Whether the last good build wrote ``path`` with this ``content`` (noted for the
        next build: see :meth:`succeeded`)."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.blake2b(data, digest_size=20).digest()
        self.pending[path] = digest
        return self.outputs.get(path) == digest

    def succeeded(self, snapshot: Snapshot | None) -> None:
        """The build wrote everything: what it wrote is what the next one compares with."""
        self.outputs, self.pending = self.pending, {}
        self.pieces, self.pending_pieces = self.pending_pieces, {}
        self.symbols, self.pending_symbols = self.pending_symbols, {}
        self.snapshot = snapshot

    def archive(self, key: Path, fingerprint: Fingerprint) -> tuple[Archive, list[Problem]] | None:
        """The archive last built from the same files, if they have not changed."""
        last = self.archives.get(key)
        if last is not None and last[0] == fingerprint:
            return last[1], last[2]
        return None

    def keep(
        self, key: Path, fingerprint: Fingerprint, archive: Archive, problems: list[Problem]
    ) -> None:
        """Remember ``archive``; a valid one is frozen for the rest of the build."""
        self.archives[key] = (fingerprint, archive, problems)
        if not problems:
            gc.collect(1)  # the young garbage of this load, so that none of it is frozen
            gc.freeze()
            self.frozen = True

    def close(self) -> None:
        """Forget every archive and page; the collector may have them again."""
        self.archives.clear()
        self.pages.clear()
        self.written.clear()
        self.dates.clear()
        self.outputs.clear()
        self.pieces.clear()
        self.symbols.clear()
        self.nav_key = self.site_key = self.snapshot = None
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def release(self, key: Path) -> None:
        """Forget the archive of ``key`` (about to be replaced) and let the collector have it.

        An archive holds no reference cycles (``tests/test_cache.py`` checks it): dropped, it
        is freed at once, frozen or not.  What must be collected before the next archive is
        frozen is the last build's cyclic garbage (MkDocs' pages, files and navigation):
        :meth:`sweep` does it once the build is served, while the server waits; a save that
        comes before pays for it here (1.5 s at 10,000 records, both editions)."""
        self.archives.pop(key, None)
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
            if not self.swept:
                gc.collect()

    def built(self) -> None:
        """A build ended: it left garbage to collect before the next archive is frozen."""
        self.swept = False

    def sweep(self) -> None:
        """Collect the garbage of the last build, the frozen archive left out of the walk
        (``mkdocs serve``, once the rebuilt pages are served)."""
        gc.collect()
        self.swept = True
