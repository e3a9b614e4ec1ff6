"""The plugin is self-contained: a new MkDocs project with only ``mkdocs.yml`` (theme and
plugin) and ``data/`` builds a working archive; nothing comes from ``overrides/`` or
``docs/assets/``.  (MkDocs itself insists on a ``docs/`` folder: it is there, empty.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import MINI, build_project
from tip_archive.render import manifest

pytestmark = pytest.mark.e2e

CONFIG = """site_name: A new archive
site_url: https://example.org/new/
theme:
  name: material
plugins:
  - tip-archive
"""


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("new") / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "docs").mkdir()
    shutil.copytree(MINI / "data", project / "data")
    status, output = build_project(project)
    assert status == 0, output
    assert sorted(p.name for p in project.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]
    return project / "site"


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_record_pages_have_their_head_metadata_colophon_and_cite_section(new_site: Path) -> None:
    page = _page(new_site, "resolutions/a-res-64-293/index.html")
    title = page.find("meta", attrs={"name": "citation_title"})
    assert title is not None and "Global Plan of Action" in str(title["content"])
    assert page.find("script", type="application/ld+json") is not None
    assert page.find("meta", attrs={"property": "og:title"}) is not None
    assert page.select_one("footer.tip-colophon") is not None
    assert page.select_one("[data-tip-cite]") is not None
    sheets = [str(link["href"]) for link in page.find_all("link", rel="stylesheet")]
    assert "../../assets/tip-cite.css" in sheets


def test_every_asset_is_published_and_every_page_loads_its_own(new_site: Path) -> None:
    for asset in manifest.ASSETS:
        assert (new_site / asset.path).read_text(encoding="utf-8") == manifest.source(asset.name)
    page = _page(new_site, "chronology/index.html")
    scripts = [str(s["src"]) for s in page.find_all("script", src=True)]
    sheets = [str(link["href"]) for link in page.find_all("link", rel="stylesheet")]
    for path in manifest.page_scripts():
        assert f"../{path}" in scripts
    for path in manifest.page_styles():
        assert f"../{path}" in sheets


def test_the_404_page_is_the_archives(new_site: Path) -> None:
    page = _page(new_site, "404.html")
    box = page.find(id="tip-notfound")
    assert box is not None
    scripts = [str(s["src"]) for s in page.find_all("script", src=True)]
    assert "/new/" + manifest.asset("notfound.js").path in scripts
