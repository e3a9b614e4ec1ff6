"""The exit from MkDocs: ``tip-archive export`` built with Zensical passes the same checks.

The export (Markdown, files, and an ``mkdocs.yml`` without the project plugin) is
built with Zensical, and on its output run the link crawl, the find-by-symbol
checks and the 404 recovery (in a browser too) that the MkDocs build passes:
the test functions of ``test_links``, ``test_symbol_site`` and ``test_notfound``
are imported here, where ``mini_site`` is the Zensical build of the mini project.
What differs between the two builds is asserted at the end, so that a new
difference is noticed and recorded (CONTRIBUTING.md, "Moving to Zensical").
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive_site import BuiltSite
from conftest import MINI, ROOT, run_cli
from test_links import broken_links, crawl, orphan_pages
from test_notfound import (  # noqa: F401  (collected here, against the Zensical build)
    static_host,
    test_404_lookup_leads_to_pages_that_exist,
    test_404_page_in_a_browser,
    test_404_page_works_at_any_depth,
)
from test_symbol_site import (  # noqa: F401  (collected here, against the Zensical build)
    test_every_page_loads_the_archive_scripts_and_no_lunr_index,
    test_find_by_symbol_page_works_without_javascript,
    test_lookup_table_is_published,
    test_paragraph_anchors_are_there_for_the_copy_buttons,
    test_symbol_address_sends_the_reader_to_the_record,
)
from tip_archive.cli import main
from tip_archive.pipeline.export import export_site

pytestmark = pytest.mark.e2e

ZENSICAL = Path(sys.executable).parent / "zensical"


def zensical_build(project: Path, config_file: Path) -> Path:
    """Export ``project`` and build the export with Zensical (strict); its site folder."""
    target = project.parent / f"{project.name}-export"
    export_site(config_file, target)
    done = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "--config-file", str(target / "mkdocs.yml")],
        cwd=target,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert main(["index", str(target / "site")]) == 0  # the full-text index, as the plugin makes
    return target / "site"


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project, exported and built by Zensical (replaces conftest's MkDocs build)."""
    project = tmp_path_factory.mktemp("zensical-mini") / "project"
    shutil.copytree(MINI, project)
    return zensical_build(project, project / "mkdocs.yml")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, exported and built by Zensical."""
    work = tmp_path_factory.mktemp("zensical-archive")
    return zensical_build(work / "archive", ROOT / "mkdocs.yml")


def test_the_zensical_build_of_the_archive_has_no_broken_link_anchor_or_orphan(
    zensical_site: Path,
) -> None:
    found = crawl(zensical_site)
    assert broken_links(found, zensical_site) == []
    assert orphan_pages(found) == []


def _article(path: Path) -> str:
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
    return " ".join(article.get_text(" ").split()) if article else ""


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_the_two_builds_differ_only_as_recorded(
    zensical_site: Path, archive_site: BuiltSite
) -> None:
    mkdocs_site = archive_site.root
    mkdocs_files, zensical_files = _files(mkdocs_site), _files(zensical_site)
    pages = sorted(p for p in mkdocs_files if p.endswith(".html"))
    assert pages == sorted(p for p in zensical_files if p.endswith(".html"))
    for page in pages:  # every page says the same, word for word
        assert _article(zensical_site / page) == _article(mkdocs_site / page), page

    def theme(path: str) -> bool:
        return path.startswith(("assets/javascripts/", "assets/stylesheets/", "assets/images/"))

    only_mkdocs = {p for p in mkdocs_files - zensical_files if not theme(p)}
    only_zensical = {p for p in zensical_files - mkdocs_files if not theme(p)}
    # Recorded differences: Zensical writes its own search index (unused) and no gzipped
    # sitemap; Pagefind's fragments are named by a hash of each page's HTML.
    assert {p for p in only_mkdocs if not p.startswith("pagefind/")} <= {"sitemap.xml.gz"}
    assert only_zensical - {p for p in only_zensical if p.startswith("pagefind/")} <= {
        "search.json"
    }
    entries = [
        json.loads((s / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
        for s in (mkdocs_site, zensical_site)
    ]
    assert [sum(lang["page_count"] for lang in e["languages"].values()) for e in entries] == [
        sum(lang["page_count"] for lang in entries[0]["languages"].values())
    ] * 2  # Pagefind indexes the same pages in both
    shared = (mkdocs_files & zensical_files) - {"sitemap.xml", "404.html"}
    shared = {p for p in shared if not p.startswith("pagefind/")}
    changed = sorted(
        p
        for p in shared
        if not p.endswith(".html")
        and not theme(p)
        and (mkdocs_site / p).read_bytes() != (zensical_site / p).read_bytes()
    )
    assert changed == []  # open data, citation files, feed, scripts: byte for byte


def test_export_refuses_a_folder_that_holds_something(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full/x").write_text("x", encoding="utf-8")
    status, output = run_cli(ROOT, "export", str(tmp_path / "full"))
    assert status == 1 and "is not empty: export into a new folder" in output


def test_the_exported_configuration_names_no_project_plugin(zensical_site: Path) -> None:
    import yaml

    config = (zensical_site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "tip-archive" not in config.split("plugins:")[1].split("\n", 1)[0]
    loaded = yaml.safe_load(config)
    assert loaded["plugins"] == [{"search": {"enabled": False}}]  # Pagefind is the search
    assert loaded["extra"]["tip_release"]["label"] == "Data release 1"
    assert (zensical_site.parent / "docs/resolutions/a-res-64-293/index.md").is_file()
