"""Which pages an edit touches, worked out from the cross-reference index.

Under ``mkdocs serve`` a save changes a few records; remaking every page to find the
few whose Markdown changed cost most of a rebuild.  A :class:`Snapshot` of each build
says, per record, what its pages are made from (its file as read, its source text, its
history, its place in the chronology); comparing two snapshots gives the records that
changed, and :func:`between` widens them to every page that may show them:

- a changed, added or deleted record's own pages;
- the pages of the records it links to and of those that link to it (their backlinks,
  its bodies and people, the references it rests on, the sources it quotes), in the
  archive before and after the change;
- the pages of the neighbours of the records that link to it, since a record's line in a
  list may name what it links to (a statement's speaker);
- every page citing a source whose page is cut at other places (a paragraph's address
  depends on where the source's page is cut, which depends on its text and citations);
- the index of every type, and the year of the chronology, of each of those records
  (before and after), and the chronology's overview when any of them is in it.

A page with no ``topic`` (the symbol table, the data page, the releases) is made at every
build.  When in doubt a page is made again: a stale page is a defect, a slow one is not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from ..crossref.archive import Archive, iter_refs
from ..loading.loader import LoadedRecord
from ..render.changes import files_of
from ..render.pages import PagePlan, SiteOptions, chronology_anchor

T = TypeVar("T")


@dataclass(frozen=True)
class State:
    """What a record's pages are made from, as far as the record itself goes."""

    entry: LoadedRecord
    """The record as read: the loader hands out the same object while its file is unchanged."""
    text: bytes
    """The digest of a source's text (empty for other records)."""
    history: tuple[object, ...]
    """Its files' last changes, from git."""
    anchor: str | None
    """Its section of the chronology (see :func:`~tip_archive.render.pages.chronology_anchor`)."""


@dataclass
class Snapshot:
    """One build's records, as much of them as telling what the next build changes needs
    (the archive itself is not kept: a serve of 10,000 records would hold two)."""

    states: dict[str, State]
    layouts: dict[str, tuple[int, ...]]
    """For each source, how many records cite each paragraph: with its text, this decides
    where its page is cut, and so the address of each paragraph that pages link to."""
    settings: bytes
    """The digest of the settings every page depends on (the release, the published ones)."""


def snapshot(archive: Archive, options: SiteOptions) -> Snapshot:
    history = options.history or {}
    states: dict[str, State] = {}
    for record_id, entry in archive.entries.items():
        texts = archive.texts.get(record_id)
        digest = (
            hashlib.blake2b("\0".join(texts).encode(), digest_size=16).digest() if texts else b""
        )
        changes = tuple(history.get(path) for path in files_of(entry.record, entry.path))
        states[record_id] = State(entry, digest, changes, chronology_anchor(entry.record))
    settings = hashlib.blake2b(
        repr(
            (
                options.edit_base,
                options.site_url,
                options.site_name,
                options.release,
                options.history_base,
                options.page_bytes,
                [
                    (p.release.number, p.release.date, sorted(p.files.items()))
                    for p in options.published
                ],
            )
        ).encode(),
        digest_size=20,
    ).digest()
    layouts = {
        source_id: tuple(len(cited.get(n, ())) for n in range(1, len(texts) + 1))
        for source_id, texts in archive.texts.items()
        for cited in (archive.citing.get(source_id, {}),)
    }
    return Snapshot(states, layouts, settings)


@dataclass
class Affected:
    """The pages an edit touches, by what they show (a :attr:`PagePlan.topic`)."""

    records: set[str]
    edited: set[str]
    """The records edited, added or deleted (of which :attr:`records` are the widening)."""
    kinds: set[str]
    anchors: set[str]
    overview: bool

    def touches(self, plan: PagePlan) -> bool:
        if plan.topic is None:
            return True
        what, key = plan.topic
        if what == "record":
            return key in self.records
        if what == "index":
            return key in self.kinds
        if what == "year":
            return key in self.anchors
        if what == "chronology":
            return self.overview
        return True


def changed(old: Snapshot, new: Snapshot) -> set[str]:
    """The records changed, added or deleted between two builds."""
    ids = old.states.keys() | new.states.keys()
    return {i for i in ids if old.states.get(i) != new.states.get(i)}


def between(old: Snapshot | None, new: Snapshot, archive: Archive) -> Affected | None:
    """The pages touched from the build of ``old`` to that of ``new`` (whose archive is
    ``archive``); ``None`` for every page (no earlier build, or settings every page depends
    on changed).

    Only the new archive's index is at hand: what linked to a record before the edit and
    no longer does is itself an edited record, so the new index and the records' old and
    new links give every neighbour."""
    if old is None or old.settings != new.settings:
        return None
    edited = changed(old, new)
    if not edited:
        return Affected(set(), set(), set(), set(), False)
    near = set(edited)
    for record_id in edited:
        near |= _neighbours(archive, record_id, old, new)
    records = set(near)
    for record_id in edited:
        for linking in _inbound(archive, record_id):
            records |= _neighbours(archive, linking, old, new)
    # A source cut at other places: every page citing it links to its paragraphs anew.
    for source_id in old.layouts.keys() | new.layouts.keys():
        if old.layouts.get(source_id) != new.layouts.get(source_id):
            for cited in archive.citing.get(source_id, {}).values():
                records.update(r.id for r in cited)
    kinds: set[str] = set()
    anchors: set[str] = set()
    for snap in (old, new):
        for record_id in records:
            state = snap.states.get(record_id)
            if state is not None:
                kinds.add(state.entry.record.type)
                if state.anchor is not None:
                    anchors.add(state.anchor)
    # Each year's page lists the sections there are: one appearing or going touches all.
    sections_old = {s.anchor for s in old.states.values() if s.anchor is not None}
    sections_new = {s.anchor for s in new.states.values() if s.anchor is not None}
    if sections_old != sections_new:
        anchors |= sections_old | sections_new
    return Affected(records, edited, kinds, anchors, bool(anchors))


def unchanged(touched: Affected | None, archive: Archive, kept: Mapping[str, T]) -> dict[str, T]:
    """What was kept per record from the last build (``kept``, say its share of the open
    data) that the edit ``touched`` leaves as it was: that of every record whose own page
    it leaves (:attr:`Affected.records`), which shows the same facts and citation.  A
    source's citation also names its authors as people or bodies by the bodies' titles, so
    a body touched makes every source's share again."""
    if touched is None:
        return {}
    bodies = "body" in touched.kinds
    return {
        record_id: value
        for record_id, value in kept.items()
        if record_id not in touched.records
        and record_id in archive.entries
        and not (bodies and archive[record_id].type == "source")
    }


def symbols_unchanged(touched: Affected | None, old: Snapshot | None, new: Snapshot) -> bool:
    """Whether the symbol table, its pages and redirects are as the last build made them:
    they show the records with a symbol, each by its own fields, so an edit leaves them
    when no record it edited, added or deleted has or had one."""
    if touched is None or old is None:
        return False
    for snap in (old, new):
        for record_id in touched.edited:
            state = snap.states.get(record_id)
            if state is not None and state.entry.record.symbols():
                return False
    return True


def _inbound(archive: Archive, record_id: str) -> Iterable[str]:
    """The records that link to, rest on or quote ``record_id``."""
    for backlink in archive.backlinks.get(record_id, []):
        yield backlink.record.id
    for use in archive.uses.get(record_id, []):
        yield use.record.id
    for cited in archive.citing.get(record_id, {}).values():
        for record in cited:
            yield record.id


def _neighbours(archive: Archive, record_id: str, *snaps: Snapshot) -> set[str]:
    """The records ``record_id`` links to (before and after) and those that link to it."""
    found = set(_inbound(archive, record_id))
    for snap in snaps:
        state = snap.states.get(record_id)
        if state is not None:
            found.update(target for _loc, target, _marker in iter_refs(state.entry.record))
            found.update(getattr(state.entry.record, "related", None) or [])
    return found
