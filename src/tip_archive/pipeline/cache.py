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
from dataclasses import dataclass, field
from pathlib import Path

from ..crossref.archive import Archive
from ..loading.loader import ReadCache
from ..loading.problems import Problem

Fingerprint = list[tuple[str, bytes | None]]


@dataclass
class BuildCache:
    reads: ReadCache = field(default_factory=ReadCache)
    """Each record file's reading, and the YAML scalar tags, for the next load."""
    archives: dict[Path, tuple[Fingerprint, Archive, list[Problem]]] = field(default_factory=dict)
    """The last archive built from each data folder, with the fingerprint of its files."""
    frozen: bool = False
    """Whether this cache has moved an archive out of the garbage collector's reach."""

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
            gc.freeze()
            self.frozen = True

    def close(self) -> None:
        """Forget every archive; the collector may have them again."""
        self.archives.clear()
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def release(self, key: Path) -> None:
        """Forget the archive of ``key`` (about to be replaced) and let the collector have it."""
        self.archives.pop(key, None)
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
            gc.collect()
