"""Under ``mkdocs serve``, a rebuild makes again only the pages an edit touches (worked out
from the cross-reference index: ``pipeline/affected.py``) and leaves the others as they were
written; of those it makes, a page whose Markdown did not change is taken from the cache.
After editing, adding and deleting a record, the site it gives is byte for byte the one a
full build gives, in both editions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import digest
from tip_archive.plugin import ArchivePlugin

pytestmark = pytest.mark.e2e

SERVE_URL = "http://127.0.0.1:8000/"


class Server:
    """What ``mkdocs serve`` does on each change: load the configuration again (MkDocs keeps
    the plugin object, and with it its cache) and build into the same folder."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.plugin = next(p for p in config.plugins.values() if isinstance(p, ArchivePlugin))

    def _config(self):  # type: ignore[no-untyped-def]
        from mkdocs.config import load_config

        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self) -> dict[str, str]:
        from mkdocs.commands.build import build

        config = self._config()
        ours = next(p for p in config.plugins.values() if isinstance(p, ArchivePlugin))
        assert ours is self.plugin, "MkDocs keeps the plugin across rebuilds"
        build(config, serve_url=SERVE_URL, dirty=True)  # as `tip-archive serve` runs it
        self.plugin.wait_for_search()
        return digest(self.site)

    def stop(self) -> None:
        self._config().plugins.on_shutdown()


#: A navigation of the site's sections, as the real archive has: records are reached through
#: their indexes, so their titles are not in the navigation every page shows.
NAV = """nav:
  - Home: index.md
  - Chronology: chronology/index.md
  - Statements: statements/index.md
  - Events: events/index.md
validation:
  nav:
    omitted_files: ignore
"""


@pytest.fixture
def server(mini_project: Path, tmp_path: Path) -> Iterator[Server]:
    config = mini_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    running = Server(mini_project, tmp_path / "served")
    yield running
    running.stop()


def full_build(server: Server, site: Path) -> dict[str, str]:
    """A build by a server just started: nothing kept from before (MkDocs hands out the same
    plugin object in one process, so it is given a new cache for the time of this build)."""
    from tip_archive.pipeline.cache import BuildCache

    kept, server.plugin.cache = server.plugin.cache, BuildCache()
    served, server.site = server.site, site
    try:
        return server.build()
    finally:
        server.plugin.cache.close()
        server.plugin.cache, server.site = kept, served


def test_a_rebuild_reuses_unchanged_pages_and_equals_a_full_build(
    server: Server, mini_project: Path, tmp_path: Path
) -> None:
    first = server.build()
    cache = server.plugin.cache
    assert cache.reused == 0 and cache.rendered > 10
    pages = cache.rendered

    # Nothing changed: every generated page is left as written, or reused (those made at
    # every build: the symbol table's page, the data page).
    served = tmp_path / "served"
    written = {path: path.stat().st_mtime_ns for path in served.rglob("*") if path.is_file()}
    assert server.build() == first
    assert cache.rendered == 0 and cache.left + cache.reused == pages
    assert cache.left > cache.reused > 0
    # Those left, and the data files, are not even written again.
    same = {p for p, mtime in written.items() if p.exists() and p.stat().st_mtime_ns == mtime}
    assert len([p for p in same if p.suffix == ".html"]) >= cache.left
    assert served / "data/records.json" in same and served / "ru/events/index.html" in same

    # Edit: the event's title is on its page, its year, the events index and every page
    # that links to it; the rest is reused.
    event = mini_project / "data/events/conference-2007.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace(
            "title: ", "title: Renamed conference, formerly ", 1
        ),
        encoding="utf-8",
    )
    pieces, symbols = dict(cache.pieces), dict(cache.symbols)
    edited = server.build()
    assert 0 < cache.rendered < pages and cache.left > 0
    # The open data's share of a record the edit leaves is not encoded again; the event's
    # and that of the resolution naming it are.
    kept = {i for i, piece in cache.pieces.items() if piece is pieces[i]}
    assert kept and "conference-2007" not in kept and "a-res-64-293" not in kept
    assert "Renamed conference" in cache.pieces["a-res-64-293"].record
    # The event has no symbol: the symbol table, its pages and redirects are those made last.
    assert set(symbols) == {"en", "ru"}
    assert all(cache.symbols[lang] is symbols[lang] for lang in symbols)
    for page in ("events/conference-2007", "ru/events/conference-2007"):
        assert "Renamed conference" in (served / page / "index.html").read_text(encoding="utf-8")
    # ... and on the pages that link to it: the resolution that names it as related.
    for page in ("resolutions/a-res-64-293", "ru/resolutions/a-res-64-293", "chronology/2007"):
        assert "Renamed conference" in (served / page / "index.html").read_text(encoding="utf-8")
    assert edited == full_build(server, tmp_path / "full-1")

    # A title in the navigation (the site's own page, here) changes every page.
    about = mini_project / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - Events: events/index.md", "  - The events: events/index.md"
        ),
        encoding="utf-8",
    )
    renamed = server.build()
    assert cache.reused == 0
    assert renamed == full_build(server, tmp_path / "full-nav")
    assert server.build() == renamed and cache.rendered == 0

    # Add a record.
    (mini_project / "data/statements/statement-2013.yaml").write_text(
        "type: statement\nid: statement-2013\ntitle: A later statement\ndate: 2013-02-01\n"
        "speaker: valentin-rybakov\noffice: Assistant to the President\noccasion: Debate\n"
        "sources:\n  - {source: mini-source, paragraph: 2, quote: Belarus organized}\n",
        encoding="utf-8",
    )
    added = server.build()
    assert "statements/statement-2013/index.html" in added
    assert 0 < cache.rendered < pages and cache.left > 0
    assert added == full_build(server, tmp_path / "full-2")

    # Delete it again: its page goes, and the pages that listed it are made again.
    (mini_project / "data/statements/statement-2013.yaml").unlink()
    deleted = server.build()
    assert "statements/statement-2013/index.html" not in deleted
    assert 0 < cache.rendered < pages and cache.left > 0
    assert "statement-2013" not in "".join(server.plugin.cache.pages)
    assert deleted == full_build(server, tmp_path / "full-3")
    assert deleted == renamed


def test_pages_are_made_again_when_a_title_in_the_navigation_changes(
    mini_project: Path, tmp_path: Path
) -> None:
    """Without an explicit ``nav``, every page is in the navigation under its own title."""
    server = Server(mini_project, tmp_path / "served")
    try:
        server.build()
        event = mini_project / "data/events/conference-2007.yaml"
        event.write_text(
            event.read_text(encoding="utf-8").replace("title: ", "title: Renamed, ", 1),
            encoding="utf-8",
        )
        edited = server.build()
        # Each page was first taken from the cache, then made again for the new navigation.
        assert server.plugin.cache.reused == 0
        assert edited == full_build(server, tmp_path / "full")
    finally:
        server.stop()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _redate(project: Path) -> None:
    _replace(project / "data/events/conference-2007.yaml", "date: 2007", "date: 2009-05")


def _resymbol(project: Path) -> None:
    _replace(
        project / "data/resolutions/a-res-64-293.yaml",
        "other_symbols: [A/RES/64/293/Corr.1]",
        "other_symbols: [A/RES/64/293/Corr.1, A/RES/64/293/Add.1]",
    )


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _retext(project: Path) -> None:
    _append(project / "data/sources/texts/mini.txt", "\nA paragraph added to the archived text.\n")


def _translate(project: Path) -> None:
    _append(
        project / "data/events/conference-2007.yaml",
        "translations:\n  ru:\n    title: Переименованная конференция\n",
    )


def _retitle_resolution(project: Path) -> None:
    _replace(
        project / "data/resolutions/a-res-64-293.yaml",
        "title: United Nations Global Plan",
        "title: The Global Plan",
    )


def _release(project: Path) -> None:
    (project / "releases.yaml").write_text(
        'releases:\n  - number: 1\n    date: "2026-11-25"\n    note: The first release.\n',
        encoding="utf-8",
    )


#: Each edit, and a page of the served site that must show it (and one that must no longer).
EDITS = {
    "a date moves a record to another year": (
        _redate,
        [("chronology/2009", "conference-2007"), ("ru/chronology/2009", "conference-2007")],
        [("chronology/2007", "conference-2007/")],
    ),
    "a symbol": (_resymbol, [("symbols", "Add.1")], []),
    "a title in the symbol table": (
        _retitle_resolution,
        [("symbols", "The Global Plan"), ("symbol/A/RES/64/293", "The Global Plan")],
        [("symbols", "United Nations Global Plan")],
    ),
    "a source text": (_retext, [("sources/mini-source", "A paragraph added")], []),
    "a Russian title": (
        _translate,
        [
            ("ru/events/conference-2007", "Переименованная"),
            ("ru/chronology/2007", "Переименованная"),
        ],
        [],
    ),
    "releases.yaml": (_release, [("events/conference-2007", "release 1")], []),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_rebuild_after_an_edit_shows_it_everywhere_and_equals_a_full_build(
    server: Server, mini_project: Path, tmp_path: Path, edit: str
) -> None:
    change, shown, gone = EDITS[edit]
    server.build()
    change(mini_project)
    rebuilt = server.build()
    served = tmp_path / "served"
    for page, text in shown:
        assert text in (served / page / "index.html").read_text(encoding="utf-8"), page
    for page, text in gone:
        assert text not in (served / page / "index.html").read_text(encoding="utf-8"), page
    assert rebuilt == full_build(server, tmp_path / "full")
