"""The site under test: the real project built once per test session.

The browser tests and the link crawl judge the site a reader gets: the
repository's own ``mkdocs.yml``, ``docs/``, theme overrides and ``data/``,
built with the ``tip-archive build`` command into a temporary folder.  While
``data/`` holds no records yet (only the archived seed texts), the records of
the mini fixture stand in for them, so that every page type exists; as soon as
``data/`` holds records, they are what is built.  A failed build fails the
tests that need the site: there is no other fallback.

Tests that wait for a feature still to land are marked with
``pytest.mark.skipif("not site_has('symbols/index.html')", ...)``: the
condition is a string, evaluated when such a test is about to run, so the site
is built only when a test needs it.
"""

from __future__ import annotations

import atexit
import functools
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tip_archive.crossref.archive import Archive
from tip_archive.engine import load_archive

ROOT = Path(__file__).resolve().parent.parent
MINI_DATA = ROOT / "tests" / "fixtures" / "mini" / "data"
ARTIFACTS = ROOT / "test-artifacts"

#: Top-level entries of the repository that are not part of the project a build reads.
NOT_PROJECT = {"site", "tests", "build", "test-artifacts", "node_modules"}


@dataclass(frozen=True)
class BuiltSite:
    project: Path
    """The copy of the project that was built."""
    root: Path
    """The built site (``site/``)."""
    data: str
    """``"real"`` when the repository's records were built, ``"mini"`` for the fixture's."""

    def path_of(self, url: str) -> Path:
        """The file that serves the site-root-relative ``url`` (``chronology/``)."""
        path = self.root / url.split("#")[0].split("?")[0].lstrip("/")
        return path / "index.html" if url.endswith("/") or path.is_dir() else path

    def html_pages(self) -> list[str]:
        """Every HTML page of the site, as a site-root-relative URL (``index.html``)."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def record_urls(self, folder: str) -> list[str]:
        """The URLs of the record pages in a section (``resolutions`` → ``resolutions/x/``)."""
        section = self.root / folder
        return sorted(
            f"{folder}/{p.parent.name}/"
            for p in section.glob("*/index.html")
            if p.parent != section
        )

    def archive(self) -> Archive:
        """The archive the site was built from (to choose what to test, never what to expect)."""
        return _archive(self.project)


def has_records(data: Path) -> bool:
    return any(p for p in data.glob("*/*.yaml"))


def _ignore_outside_project(top: Path) -> Callable[[str, list[str]], list[str]]:
    def ignore(directory: str, names: list[str]) -> list[str]:
        if Path(directory) == top:
            return [n for n in names if n in NOT_PROJECT or n.startswith(".")]
        return [n for n in names if n in {"__pycache__", "node_modules"}]

    return ignore


@functools.cache
def _build() -> BuiltSite | str:
    work = Path(tempfile.mkdtemp(prefix="tip-site-under-test-"))
    atexit.register(shutil.rmtree, work, True)
    project = work / "project"
    shutil.copytree(ROOT, project, ignore=_ignore_outside_project(ROOT))
    data = "real"
    if not has_records(project / "data"):
        data = "mini"
        shutil.rmtree(project / "data", ignore_errors=True)
        shutil.copytree(MINI_DATA, project / "data")
    command = [sys.executable, "-m", "tip_archive.cli", "build", "--site-dir", str(work / "site")]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"the site failed to build ({data} data):\n{done.stdout}\n{done.stderr}"
    return BuiltSite(project, work / "site", data)


def built_site() -> BuiltSite:
    """The site under test, built on first use; fails (never skips) when the build fails."""
    result = _build()
    if isinstance(result, str):
        raise AssertionError(result)
    return result


def site_has(relative: str) -> bool:
    """Whether the built site has the file ``relative`` (a feature's page, e.g. ``symbols/index.html``)."""
    return built_site().path_of(relative).exists()


_CITE_THIS = re.compile(r">\s*Cite this\b", re.IGNORECASE)


def site_has_citation_block() -> bool:
    """Whether record pages carry the "Cite this" block with its copy button."""
    site = built_site()
    pages = site.record_urls("resolutions")[:1]
    return any(_CITE_THIS.search(site.path_of(url).read_text(encoding="utf-8")) for url in pages)


@functools.cache
def _archive(project: Path) -> Archive:
    return load_archive(project / "data", project)
