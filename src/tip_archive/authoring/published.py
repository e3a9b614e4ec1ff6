"""Published data releases, kept as they were published, and what changed between them.

When a release is cut, ``tip-archive release --freeze`` writes its open data into
``releases/<N>/`` (next to ``releases.yaml``) and the files are committed: they are
never rebuilt.  Every build copies them, byte for byte, to ``/data/releases/<N>/``,
so that a reader who cited "data release 1" can still fetch what it said, however
the records or the engine have changed since.  Keeping the published bytes, not
rebuilding them from a git tag, makes them independent of the engine's later
output and of the clone's history (a shallow clone has no tags).

What changed in a record between two releases is read from those files: each
release's ``records.json`` against the one before, and the current records
against the newest.  Changes are named by field: added, corrected, removed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import write_atomic
from .release import Release

RELEASES_DIR = "releases"
"""The folder, next to ``releases.yaml``, that keeps each published release's files."""

#: The files a release keeps (its open data), in the order the pages list them.
FROZEN_FILES = (
    "records.json",
    "records.csv",
    "citations.json",
    "citations.bib",
    "citations.ris",
    "record.schema.json",
    "record-sources.csv",
    "datapackage.json",
)

_REFERENCE_KEYS = {"id", "type", "title", "url"}


@dataclass(frozen=True)
class Published:
    """One release as it was published."""

    release: Release
    files: dict[str, bytes]
    """File name (``records.json``) → its published bytes."""
    records: dict[str, dict[str, Any]]
    """Record id → its fields as published, references reduced to ids (see :func:`normalise`)."""

    @property
    def folder(self) -> str:
        """The folder in the site: ``data/releases/1/``."""
        return f"data/releases/{self.release.number}/"


def normalise(value: Any) -> Any:
    """A record's data without what changes when another record does.

    A reference, published as ``{id, type, title, url}``, becomes its id (the
    referenced record's title may be corrected without this record changing), and a
    record's own ``url`` is left out.
    """
    if isinstance(value, dict):
        if set(value) == _REFERENCE_KEYS:
            return value["id"]
        return {k: normalise(v) for k, v in value.items() if k != "url"}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


def records_of(records_json: bytes | str) -> dict[str, dict[str, Any]]:
    document = json.loads(records_json)
    return {r["id"]: normalise(r) for r in document["records"]}


def read_published(root: Path, releases: list[Release]) -> list[Published]:
    """Every release of ``releases`` kept under ``root/releases/<N>/``, oldest first."""
    found = []
    for release in releases:
        folder = root / RELEASES_DIR / str(release.number)
        if not (folder / "records.json").is_file():
            continue
        files = {n: (folder / n).read_bytes() for n in FROZEN_FILES if (folder / n).is_file()}
        found.append(Published(release, files, records_of(files["records.json"])))
    return found


def unfrozen(root: Path, releases: list[Release]) -> list[Release]:
    """The releases with no kept files (all but the one being prepared should have them)."""
    kept = {p.release.number for p in read_published(root, releases)}
    return [r for r in releases if r.number not in kept]


def freeze(root: Path, release: Release, files: dict[str, str]) -> Path:
    """Write ``files`` (name → text) as ``release``'s kept files; refuse to overwrite."""
    folder = root / RELEASES_DIR / str(release.number)
    if folder.exists():
        raise ValueError(
            f"{folder.relative_to(root)}/ exists: a published release is never rewritten"
        )
    # Written into a folder of its own, then given its name: a release is kept whole or not at all.
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{release.number}-", dir=folder.parent))
    try:
        for name in FROZEN_FILES:
            write_atomic(partial / name, files[name], exclusive=True)
        os.chmod(partial, 0o755)
        os.rename(partial, folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return folder


# -- what changed -------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordChange:
    """How one record changed from one state to the next."""

    release: Release | None
    """The release that brought the change; ``None`` for changes not released yet."""
    since: Release | None
    """The release compared with; ``None`` when the record is new in ``release``."""
    added: tuple[str, ...] = ()
    corrected: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.since is None


def field_changes(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The top-level fields added, corrected and removed from ``old`` to ``new``."""
    skip = {"id", "type"}
    added = tuple(sorted(k for k in new.keys() - old.keys() - skip if new[k] not in (None, [])))
    removed = tuple(sorted(k for k in old.keys() - new.keys() - skip if old[k] not in (None, [])))
    corrected = []
    for key in sorted((old.keys() & new.keys()) - skip):
        if old[key] == new[key]:
            continue
        if old[key] in (None, [], ""):
            added += (key,)
        elif new[key] in (None, [], ""):
            removed += (key,)
        else:
            corrected.append(key)
    return tuple(sorted(added)), tuple(corrected), tuple(sorted(removed))


def record_changes(
    record_id: str, published: list[Published], current: dict[str, Any] | None
) -> list[RecordChange]:
    """The record's story through the published releases, then since the newest one.

    ``current`` is the record's data now (as in ``records.json``), ``None`` to leave
    unreleased changes out.  Oldest first.
    """
    states: list[tuple[Release | None, dict[str, Any] | None]] = [
        (p.release, p.records.get(record_id)) for p in published
    ]
    if current is not None:
        states.append((None, normalise(current)))
    story: list[RecordChange] = []
    previous: dict[str, Any] | None = None
    previous_release: Release | None = None
    for release, state in states:
        if state is not None and previous is None:
            story.append(RecordChange(release, None))
        elif state is not None and previous is not None:
            added, corrected, removed = field_changes(previous, state)
            if added or corrected or removed:
                story.append(RecordChange(release, previous_release, added, corrected, removed))
        previous, previous_release = state, release
    return story


@dataclass(frozen=True)
class ReleaseSummary:
    """The records a release added, corrected and removed, compared with the one before."""

    published: Published
    added: tuple[str, ...]
    corrected: tuple[str, ...]
    removed: tuple[str, ...]


def release_summaries(published: list[Published]) -> list[ReleaseSummary]:
    """For each kept release, oldest first: the ids it added, corrected and removed."""
    summaries = []
    previous: dict[str, dict[str, Any]] = {}
    for item in published:
        now = item.records
        summaries.append(
            ReleaseSummary(
                item,
                tuple(sorted(now.keys() - previous.keys())),
                tuple(sorted(k for k in now.keys() & previous.keys() if now[k] != previous[k])),
                tuple(sorted(previous.keys() - now.keys())),
            )
        )
        previous = now
    return summaries


# -- the command ------------------------------------------------------------------------


def freeze_command(config_file: Path) -> str:
    """``tip-archive release --freeze``: keep the newest release's open data in the repository.

    The files are those the site serves under ``/data/`` now, with the site's public
    address; run it on the commit that is tagged ``data-release-<N>``.
    """
    from ..pipeline.engine import load_archive
    from ..plugin import site_identity
    from ..render.datapackage import package_files
    from ..render.opendata import site_files
    from ..render.pages import SiteOptions
    from .release import RELEASES_FILE, read_releases

    root = config_file.resolve().parent
    releases = read_releases(root / RELEASES_FILE)
    release = releases[-1]
    site_url, site_name = site_identity(config_file)
    options = SiteOptions(site_url=site_url, site_name=site_name, release=str(release.number))
    archive = load_archive(root / "data", root)
    files = {
        f.path.removeprefix("data/"): f.content
        for f in site_files(archive, options) + package_files(archive, options.site())
        if f.path.removeprefix("data/") in FROZEN_FILES
    }
    folder = freeze(root, release, files)
    return (
        f"kept {release.label.lower()} in {folder.relative_to(root)}/ "
        f"({len(FROZEN_FILES)} files): commit them with the release"
    )
