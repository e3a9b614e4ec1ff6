"""The speed benchmark's inputs stay valid, and the speed-ups change nothing a reader sees.

No timing is asserted here: ``make bench`` measures; these tests keep it from rotting.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import markdown
import pytest

from conftest import MINI, ROOT
from tip_archive.bench.baseline import write_baseline
from tip_archive.bench.corpus import write_corpus
from tip_archive.bench.measure import search_bytes
from tip_archive.model.records import RECORD_TYPES
from tip_archive.pipeline.cache import BuildCache
from tip_archive.pipeline.engine import generate, load_archive
from tip_archive.render import rawhtml
from tip_archive.render.pages import SiteOptions

EXTENSIONS = ["attr_list", "admonition", "md_in_html", "tables", "toc"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("bench") / "corpus", 60, ROOT).root


def test_generated_corpus_is_a_valid_archive_of_every_type(corpus: Path) -> None:
    archive = load_archive(corpus / "data", corpus)  # raises DataError on any problem
    counts = Counter(record.type for record in archive.records())
    assert sum(counts.values()) == 60
    assert set(counts) == set(RECORD_TYPES)
    assert archive.by_symbol, "records with UN symbols"
    assert any(archive.citing.values()), "quotes that verify against archived texts"
    assert any(len(links) > 5 for links in archive.backlinks.values()), "hubs"
    assert archive.uses, "facts, figures or offices resting on references"
    assert any(r.referenced and not r.sources for r in archive.records()), "on references alone"
    assert any(f.unconfirmed for r in archive.records() for f in r.facts), "unconfirmed facts"
    precisions = {r.date_value.precision for r in archive.records() if r.date_value}
    assert precisions == {"year", "month", "day"}
    assert (corpus / "mkdocs.yml").is_file() and (corpus / "docs").is_dir()


def test_generated_corpus_is_translated_in_full(corpus: Path) -> None:
    """The Russian pages are as heavy as real ones: every text a record shows has its Russian."""
    from tip_archive.crossref.translation import translation_coverage

    archive = load_archive(corpus / "data", corpus)
    coverage = translation_coverage(archive)
    assert coverage.complete, coverage.report()
    assert {kind for kind, _field in coverage.needed} == set(RECORD_TYPES)
    fields = {name for _kind, name in coverage.needed}
    assert {"summary", "key_points", "quotes", "facts.value", "offices.title"} <= fields
    statement = next(r for r in archive.records() if r.type == "statement")
    ru = statement.translations["ru"]
    assert len(ru.key_points) == len(statement.key_points) and ru.office and ru.occasion
    assert re.search("[а-я]", ru.title) and not re.search("[a-z]", ru.title)


def test_baseline_has_a_page_for_every_record_page_of_every_edition(corpus: Path) -> None:
    from tip_archive.bench.run import record_pages

    sizes, urls = record_pages(corpus, ["en", "ru"])
    assert len(sizes) == len(urls) == 2 * 60
    assert sum(u.startswith("ru/") for u in urls) == 60
    english, _ = record_pages(corpus, ["en"])
    assert len(english) == 60 and sum(sizes) > 2 * sum(english), "Russian pages weigh more"


def test_corpus_is_the_same_for_the_same_seed(corpus: Path, tmp_path: Path) -> None:
    again = write_corpus(tmp_path / "again", 60, ROOT).root
    files = sorted(p.relative_to(corpus) for p in (corpus / "data").rglob("*.*"))
    assert files == sorted(p.relative_to(again) for p in (again / "data").rglob("*.*"))
    assert all((corpus / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_baseline_pages_have_the_sizes_asked(tmp_path: Path) -> None:
    write_baseline(tmp_path / "base", [3000, 12000, 500])
    pages = sorted((tmp_path / "base/docs/pages").glob("*.md"))
    sizes = [len(p.read_bytes()) for p in pages]
    assert len(pages) == 3
    assert [3000 <= sizes[0] < 3400, 12000 <= sizes[1] < 12600, 500 <= sizes[2] < 900] == [True] * 3
    assert "](page-" in pages[1].read_text(), "pages link to each other, as hand-written ones do"


def _html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def _body(page_markdown: str) -> str:
    return re.sub(r"\A---\n.*?\n---\n", "", page_markdown, flags=re.S)


@pytest.mark.parametrize("project", ["mini", "corpus"])
def test_html_blocks_set_aside_give_the_same_html(project: str, corpus: Path) -> None:
    root = MINI if project == "mini" else corpus
    _archive, pages = generate(root / "data", SiteOptions(), root)
    for page in pages:
        text = _body(page.markdown)
        aside, blocks = rawhtml.set_aside(text)
        assert rawhtml.put_back(_html(aside), blocks) == _html(text), page.src
        if page.edit_path:  # every record page has its HTML set aside
            assert blocks and "<table" not in aside, page.src


def test_html_blocks_left_whole_when_unsure() -> None:
    for text in [
        "<div>\nopen\n",  # never closed
        "<p>one</p> and text after\n",
        "<div markdown>\n*md*\n</div>\n",
        "<script>if (a < b) {}</script>\n",
    ]:
        assert rawhtml.set_aside("# Title\n\n" + text) == ("# Title\n\n" + text, {})
    aside, blocks = rawhtml.set_aside('# T\n\n<ol>\n<li id="x">a</li>\n\n<li>b</li>\n</ol>\n\ntext')
    assert list(blocks.values()) == ['<ol>\n<li id="x">a</li>\n\n<li>b</li>\n</ol>\n']
    assert rawhtml.anchor_ids(blocks) == {"x"}
    assert aside.endswith("\n\ntext") and "<li" not in aside


def test_an_edited_record_is_read_again(mini_project: Path) -> None:
    path = mini_project / "data/events/conference-2007.yaml"
    cache = BuildCache()  # the one a builder keeps (the plugin, across `mkdocs serve` rebuilds)
    first = load_archive(mini_project / "data", mini_project, cache)
    assert first["conference-2007"].kind == "conference"
    # Same size, same second: only the content tells the change.
    path.write_text(path.read_text().replace("kind: conference", "kind: roundtable"))
    again = load_archive(mini_project / "data", mini_project, cache)
    cache.close()
    assert again["conference-2007"].kind == "roundtable"
    assert again["a-res-64-293"] is first["a-res-64-293"], "unchanged files are not re-read"


def test_search_bytes_counts_lunr_index_and_worker(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search/search_index.json").write_text('{"config": {"lang": ["en"]}, "docs": []}')
    (site / "assets/javascripts/workers").mkdir(parents=True)
    (site / "assets/javascripts/workers/search.1234.min.js").write_text("x" * 1000)
    (site / "page.html").write_text("<html></html>")
    found = search_bytes(site, site / "page.html")
    assert found["engine"] == "lunr"
    assert sorted(found["files"]) == [
        "assets/javascripts/workers/search.1234.min.js",
        "search/search_index.json",
    ]
    assert found["raw"] == 1000 + len('{"config": {"lang": ["en"]}, "docs": []}')
    assert found["transfer"] < found["raw"]


@pytest.mark.e2e
def test_links_into_record_pages_are_still_checked(mini_project: Path, tmp_path: Path) -> None:
    """Anchors inside set-aside HTML blocks still count for MkDocs' link validation."""
    from conftest import build_project

    config = mini_project / "mkdocs.yml"
    config.write_text(config.read_text() + "validation:\n  anchors: warn\n")
    docs = mini_project / "docs"
    (docs / "see.md").write_text("# See\n\n[paragraph 3](sources/mini-source.md#p3)\n")
    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output
    assert (tmp_path / "site/sources/mini-source/index.html").read_text().count('id="p3"') == 1
    (docs / "see.md").write_text("# See\n\n[nowhere](sources/mini-source.md#p99)\n")
    status, output = build_project(mini_project, tmp_path / "site2")
    assert status == 1
    assert "#p99" in output


def test_search_and_symbol_bytes_with_pagefind_and_a_sharded_table(tmp_path: Path) -> None:
    from tip_archive.bench.measure import symbol_bytes

    site = tmp_path / "site"
    files = {
        "pagefind/pagefind.js": 500,
        "pagefind/pagefind-entry.json": 0,
        "pagefind/wasm.en.pagefind": 3000,
        "pagefind/pagefind.en_abc.pf_meta": 200,
        "pagefind/index/en_1.pf_index": 900,
        "pagefind/index/en_2.pf_index": 1500,
        "pagefind/fragment/en_x.pf_fragment": 400,
        "pagefind/fragment/en_y.pf_fragment": 300,
        "assets/tip/search.js": 700,
        "assets/tip/symbols.js": 600,
        "symbols/symbols.json": 100,
        "symbols/shards/a.json": 800,
        "symbols/shards/b.json": 1200,
        "page.html": 0,
    }
    for name, size in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(b"\x1f\x8b" + bytes(max(size - 2, 0)))
    entry = {"languages": {"en": {"hash": "en_abc", "wasm": "en", "page_count": 2}}}
    (site / "pagefind/pagefind-entry.json").write_text(json.dumps(entry))
    (site / "page.html").write_text('<script src="assets/tip/search.js"></script>')
    found = search_bytes(site, site / "page.html")
    assert found["engine"] == "pagefind"
    assert sorted(found["files"]) == [
        "assets/tip/search.js",
        "pagefind/fragment/en_x.pf_fragment",
        "pagefind/index/en_2.pf_index",
        "pagefind/pagefind-entry.json",
        "pagefind/pagefind.en_abc.pf_meta",
        "pagefind/pagefind.js",
        "pagefind/wasm.en.pagefind",
    ]
    lookup = symbol_bytes(site)
    assert lookup is not None and lookup["shards"] == 2
    assert sorted(lookup["files"]) == [
        "assets/tip/symbols.js",
        "symbols/shards/b.json",
        "symbols/symbols.json",
    ]
    assert lookup["raw"] == 600 + 1200 + 100


def test_a_replaced_archive_is_freed(mini_project: Path) -> None:
    """Under ``mkdocs serve`` each edit builds a new archive: the old one must not linger."""
    import gc
    import weakref

    path = mini_project / "data/events/conference-2007.yaml"
    first = weakref.ref(load_archive(mini_project / "data", mini_project))
    path.write_text(path.read_text().replace("kind: conference", "kind: roundtable"))
    load_archive(mini_project / "data", mini_project)
    gc.collect()
    assert first() is None
