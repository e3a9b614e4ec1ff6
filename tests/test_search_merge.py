"""An edition indexed in slices (``render/search_merge.py``) gives the index one Pagefind
run gives: every word on the same pages at the same places, the same pages, the same
metadata fields, and each fragment under its own name."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tip_archive.render import fulltext, search_merge

pytestmark = pytest.mark.e2e


def decoded(bundle: Path, language: str) -> dict[str, Any]:
    """What an index says, by address rather than by page number."""
    found = search_merge.read_entry(bundle)["languages"][language]
    _version, pages, chunks, filters, sorts, fields = search_merge.read(
        bundle / f"pagefind.{found['hash']}.pf_meta"
    )
    urls = []
    for name, _count in pages:
        raw = gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())
        urls.append(json.loads(raw[len(search_merge.MARKER) :])["url"])

    def placed(postings: list[list[Any]]) -> dict[str, tuple[Any, ...]]:
        number, out = 0, {}
        for delta, locs, meta_locs in postings:
            number += delta
            out[urls[number]] = (tuple(locs), tuple(meta_locs))
        return out

    words: dict[str, Any] = {}
    previous = ""
    for first, last, name in chunks:
        (chunk,) = search_merge.read(bundle / "index" / f"{name}.pf_index")
        for text, postings, variants in chunk:
            assert previous < text  # in order, within the chunk's range
            assert first <= text and text[: len(last)] <= last
            previous = text
            words[text] = (placed(postings), {form: placed(p) for form, p in variants})
    return {
        "pages": sorted(zip(urls, (count for _n, count in pages), strict=True)),
        "words": words,
        "fields": fields,
        "filters": filters,
        "sorts": sorts,
        "page_count": found["page_count"],
    }


def test_an_edition_indexed_in_slices_gives_the_index_of_one_run(
    mini_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(mini_site, site, ignore=shutil.ignore_patterns(fulltext.FOLDER))
    fulltext.index_site(site)
    whole = site.parent / "whole"
    (site / fulltext.FOLDER).rename(whole)
    pages = {run.glob: fulltext._pages(site, run) for run in fulltext._runs(site)}
    assert all(len(found) > 6 for found in pages.values())
    monkeypatch.setattr(fulltext, "SLICE_PAGES", 3)  # every edition in several slices
    fulltext.index_site(site)
    sliced = site / fulltext.FOLDER
    assert not list(site.parent.glob(".pagefind-slices-*"))  # the slices' work removed
    for language in ("en", "ru"):
        one, merged = decoded(whole, language), decoded(sliced, language)
        assert merged["pages"] == one["pages"]
        assert merged["fields"] == one["fields"]
        assert merged["words"].keys() == one["words"].keys()
        assert merged["words"] == one["words"]
        assert merged["page_count"] == one["page_count"]
    names = {p.name for p in whole.iterdir() if p.is_file() and not p.name.startswith("pagefind.")}
    assert names <= {p.name for p in sliced.iterdir()}  # the same runtime files
    used = {
        f"{name}.pf_fragment"
        for language in ("en", "ru")
        for name, _count in search_merge.read(next(sliced.glob(f"pagefind.{language}_*.pf_meta")))[
            1
        ]
    }
    assert used == {p.name for p in (sliced / "fragment").iterdir()}  # no fragment missing


def test_two_slices_pages_with_the_same_short_name_are_told_apart() -> None:
    taken = {"en_abcdef1"}
    name = search_merge._name("en", b"another page", taken)
    assert name != "en_abcdef1" and name in taken
    full = search_merge.pagefind_hash(b"another page")
    clash = {f"en_{full[:7]}"}
    longer = search_merge._name("en", b"another page", clash)
    assert longer == f"en_{full[:8]}"


def test_chunk_ranges_are_shortened_as_pagefind_does() -> None:
    ranges = [["abbey", "absolute", "x"], ["abstain", "bridge", "y"], ["brief", "zoo", "z"]]
    assert search_merge._trimmed(ranges) == [
        ["abbey", "abso", "x"],
        ["abst", "brid", "y"],
        ["brie", "zoo", "z"],
    ]


def _matches(glob: str, page: str) -> bool:
    import re

    patterns = glob[1:-1].split(",")
    for pattern in patterns:
        regex = re.escape(pattern).replace(r"\*\*/", "(?:[^/]+/)*").replace(r"\*", "[^/]*")
        if re.fullmatch(regex, page):
            return True
    return False


def test_slices_share_the_pages_between_them_each_page_in_one() -> None:
    pages = ["index.html", "statements/index.html", "ru/index.html", "ru/statements/index.html"]
    pages += [
        f"statements/{year}-statement-{n}/index.html"
        for year in range(1990, 2020)
        for n in range(40)
    ]
    pages += [f"statements/page/{n}/index.html" for n in range(2, 9)]
    pages += [f"bodies/{name}/index.html" for name in ("un", "unodc", "un-women", "page")]
    pages += [f"ru/statements/{year}-x/index.html" for year in range(1990, 2020)]
    globs = fulltext.slice_globs(pages, 3)
    assert globs is not None and len(globs) == 3
    for page in pages:
        assert sum(_matches(glob, page) for glob in globs) == 1, page
    sizes = [sum(_matches(glob, page) for page in pages) for glob in globs]
    assert max(sizes) - min(sizes) <= len(pages) // 6, sizes
    assert fulltext.slice_globs([*pages, "statements/a{b}/index.html"], 3) is None
