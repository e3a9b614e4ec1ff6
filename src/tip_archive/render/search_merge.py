"""One Pagefind index made of the indexes of slices of an edition, merged after indexing.

Pagefind holds everything it indexes in memory until it writes, and its peak grows with
the pages of a run (1.4 GB for one edition of 10,000 records): it has no setting that
bounds it.  Pagefind can merge indexes in the browser (``mergeIndex``), but each index
merged so costs a first search its own WebAssembly, metadata and chunks, which the
first-result budget does not allow.  So an edition too large for one run is indexed in
slices (a run each, one after the other: the peak is that of the largest slice), and the
slices' indexes are merged here into the one index a single run would have written: the
browser fetches the same kinds of files, as many of them, and finds the same pages.

What Pagefind 1.5 writes, and what is merged (see its ``index/`` sources):

- ``pagefind.<hash>.pf_meta``: the version, every page (its fragment's hash and word
  count, numbered by its place in the list), the index chunks (the first and last word of
  each, shortened to the prefixes that tell it from its neighbours, and its hash), the
  filters, sorts and metadata fields.  The slices' pages follow one another: the pages of
  the second slice are numbered after those of the first.
- ``index/<hash>.pf_index``: a chunk of words in order, each with the pages it is on
  (page numbers as differences from the previous one) and its places there.  Merged, a
  word's pages are those of each slice in turn; the chunks are cut again as Pagefind cuts
  them (about 20,000 places each).
- ``fragment/<hash>.pf_fragment``: a page's text and data, the same whatever the index.

Every file is gzip-compressed (at the highest level, as Pagefind writes them) with
Pagefind's marker ``pagefind_dcd`` before its content; the indexes are CBOR (read and
written with ``cbor2``), their structures encoded as arrays, as Pagefind's ``minicbor``
does.  An index with filters or sorts is not merged (the archive uses neither).
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import cbor2

#: The marker Pagefind writes before the content of each of its compressed files.
MARKER = b"pagefind_dcd"
#: Pagefind's default chunk size: the places (and one per page) a chunk holds at least.
CHUNK_SIZE = 20_000
#: The compression of the merged chunks.  Pagefind uses the highest, 9: on these files it
#: takes four times as long as 6 for 3 % less (5.3 against 1.2 s for an edition of 10,000
#: records; the largest chunk the same size, the median 0.8 KB larger).
CHUNK_LEVEL = 6


class CannotMerge(Exception):
    """The slices' indexes use what this merge does not handle (filters, sorts)."""


def read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARKER):
        raise CannotMerge(f"{path.name} is not a Pagefind 1.5 file")
    return cbor2.loads(data[len(MARKER) :])


def read_entry(bundle: Path) -> dict[str, Any]:
    """The ``pagefind-entry.json`` of a bundle folder: its version and languages."""
    entry: dict[str, Any] = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry


def write(path: Path, content: bytes, level: int = 9) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(MARKER + content, compresslevel=level, mtime=0))


def pagefind_hash(content: bytes) -> str:
    """Pagefind's hash of a file's content: SHA-1, each byte in hexadecimal without padding."""
    return "".join(f"{b:x}" for b in hashlib.sha1(content).digest())  # noqa: S324 - a name


@dataclass
class _Slice:
    """One slice's index of a language: its bundle folder and what its metadata says."""

    bundle: Path
    pages: list[list[Any]]
    chunks: list[list[str]]
    fields: list[str]
    offset: int = 0
    """How many pages the slices before it have: its page numbers come after theirs."""
    remap: dict[int, int] = field(default_factory=dict)
    """Its metadata fields' numbers in the merged index, where they differ."""

    def words(self) -> Iterator[tuple[str, int, list[list[Any]], list[list[Any]]]]:
        """Its words in order, with its offset; one chunk read at a time."""
        for _first, _last, name in self.chunks:
            (words,) = read(self.bundle / "index" / f"{name}.pf_index")
            for text, pages, variants in words:
                if self.remap:
                    pages = self._remapped(pages)
                    variants = [[form, self._remapped(p)] for form, p in variants]
                yield text, self.offset, pages, variants

    def _remapped(self, pages: list[list[Any]]) -> list[list[Any]]:
        remap = self.remap
        return [
            [delta, locs, [-(remap[-m - 1] + 1) if m < 0 else m for m in meta_locs]]
            for delta, locs, meta_locs in pages
        ]


class _Postings:
    """A word's pages (or a form's), as Pagefind writes them: each page number as the
    difference from the one before.  A slice's list is appended whole, only its first
    difference made again (its pages come after those already there)."""

    __slots__ = ("last", "pages")

    def __init__(self) -> None:
        self.pages: list[list[Any]] = []
        self.last = 0

    def extend(self, pages: list[list[Any]], offset: int) -> None:
        if not pages:  # a word found only in other forms (with diacritics) on this slice
            return
        first = pages[0]
        end = offset + sum(map(_DELTA, pages))  # the absolute number of its last page
        pages[0] = [first[0] + offset - self.last, first[1], first[2]]
        self.pages.extend(pages)
        self.last = end

    def size(self) -> int:
        """What Pagefind counts of a word towards a chunk's size."""
        pages = self.pages
        return len(pages) + sum(map(len, map(_LOCS, pages))) + sum(map(len, map(_META, pages)))


_DELTA, _LOCS, _META = itemgetter(0), itemgetter(1), itemgetter(2)


def _read_slices(bundles: list[Path], language: str) -> tuple[str, list[_Slice], list[str]]:
    found: list[_Slice] = []
    version = ""
    for bundle in bundles:
        meta = read_entry(bundle)["languages"].get(language)
        if meta is None:
            continue
        version, pages, chunks, filters, sorts, fields = read(
            bundle / f"pagefind.{meta['hash']}.pf_meta"
        )
        if filters or sorts:
            raise CannotMerge(f"the {language} index has filters or sorts")
        found.append(_Slice(bundle, pages, chunks, fields))
    fields = sorted({name for one in found for name in one.fields})
    offset = 0
    for one in found:
        one.offset = offset
        offset += len(one.pages)
        remap = {i: fields.index(name) for i, name in enumerate(one.fields)}
        one.remap = {} if all(i == j for i, j in remap.items()) else remap
    return version, found, fields


def _prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    for x, y in zip(b, a, strict=False):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def _trimmed(ranges: list[list[str]]) -> list[list[str]]:
    """Each chunk's first and last word, shortened as Pagefind's ``chunk_meta`` does."""
    for left, right in zip(ranges, ranges[1:], strict=False):
        a, b = _prefixes(left[1], right[0])
        if a >= left[0]:
            left[1] = a
        right[0] = b
    return ranges


def _name(language: str, content: bytes, taken: set[str], length: int = 7) -> str:
    full = pagefind_hash(content)
    name = f"{language}_{full[:length]}"
    while name in taken and length < len(full):
        length += 1
        name = f"{language}_{full[:length]}"
    taken.add(name)
    return name


def merge_language(bundles: list[Path], language: str, target: Path) -> dict[str, Any]:
    """Merge the ``language`` index of each bundle folder of ``bundles`` (Pagefind's output,
    each with its ``pagefind-entry.json``) into the bundle folder ``target``, which holds
    the runtime files already; return the language's entry for ``pagefind-entry.json``.

    Words are merged in order, a chunk of each slice read at a time, so that the merge
    holds about one chunk per slice, whatever the size of the index."""
    version, found, fields = _read_slices(bundles, language)
    (target / "fragment").mkdir(parents=True, exist_ok=True)
    pages: list[list[Any]] = []
    taken: set[str] = set()
    for one in found:  # every page's fragment, under a name of its own in the merged index
        for page in one.pages:
            source = one.bundle / "fragment" / f"{page[0]}.pf_fragment"
            if page[0] in taken:  # two slices' pages with the same short hash
                content = gzip.decompress(source.read_bytes())
                page[0] = _name(language, content, taken, len(page[0]) - len(language))
            else:
                taken.add(page[0])
            os.replace(source, target / "fragment" / f"{page[0]}.pf_fragment")
            pages.append(page)
    chunk_names: set[str] = set()
    ranges: list[list[str]] = []
    current: list[list[Any]] = []
    size = 0

    def flush() -> None:
        nonlocal current, size
        content = cbor2.dumps([current])
        name = _name(language, content, chunk_names)
        write(target / "index" / f"{name}.pf_index", content, CHUNK_LEVEL)
        ranges.append([current[0][0], current[-1][0], name])
        current, size = [], 0

    merged = heapq.merge(*(one.words() for one in found), key=_DELTA)
    for text, group in itertools.groupby(merged, key=_DELTA):
        postings = _Postings()
        forms: dict[str, _Postings] = {}
        for _text, offset, word_pages, variants in group:  # the slices in turn, in order
            postings.extend(word_pages, offset)
            for form, form_pages in variants:
                forms.setdefault(form, _Postings()).extend(form_pages, offset)
        current.append([text, postings.pages, [[f, p.pages] for f, p in forms.items()]])
        size += postings.size()
        if size >= CHUNK_SIZE:
            flush()
    if current:
        flush()
    meta = cbor2.dumps([version, pages, _trimmed(ranges), [], [], fields])
    meta_name = f"{language}_{pagefind_hash(meta)[: len(language) + 8]}"
    write(target / f"pagefind.{meta_name}.pf_meta", meta)
    return {"hash": meta_name, "wasm": language, "page_count": len(pages)}
