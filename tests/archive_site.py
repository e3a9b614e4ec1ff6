"""The site under test: the real project built once per test session.

The browser tests and the link crawl judge the site a reader gets: the
repository's own ``mkdocs.yml``, ``docs/``, theme overrides and ``data/``,
built with the ``tip-archive build`` command into a temporary folder (the
repository's ``site/`` is left alone).  There is no fallback: when the build
fails, every test that needs the site fails with the build's output.

Tests that wait for a feature still to land are marked with
``pytest.mark.skipif("not site_has('symbols/index.html')", ...)``: the
condition is a string, evaluated when such a test is about to run, so the site
is built only when a test needs it.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tip_archive.crossref.archive import Archive
from tip_archive.pipeline.engine import load_archive

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


@dataclass(frozen=True)
class BuiltSite:
    project: Path
    """The project that was built (the repository)."""
    root: Path
    """The built site, in a temporary folder."""

    def path_of(self, url: str) -> Path:
        """The file that serves the site-root-relative ``url`` (``chronology/``)."""
        path = self.root / url.split("#")[0].split("?")[0].lstrip("/")
        return path / "index.html" if url.endswith("/") or path.is_dir() else path

    def record_urls(self, folder: str) -> list[str]:
        """The URLs of the record pages in a section (``resolutions`` → ``resolutions/x/``)."""
        section = self.root / folder
        return sorted(f"{folder}/{p.parent.name}/" for p in section.glob("*/index.html"))

    def archive(self) -> Archive:
        """The archive the site was built from (to choose what to test, never what to expect)."""
        return _archive(self.project)


@functools.cache
def _build() -> BuiltSite | str:
    work = Path(tempfile.mkdtemp(prefix="tip-site-under-test-"))
    atexit.register(shutil.rmtree, work, True)
    command = [sys.executable, "-m", "tip_archive.cli", "build", "--site-dir", str(work / "site")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"the site failed to build:\n{done.stdout}\n{done.stderr}"
    return BuiltSite(ROOT, work / "site")


def built_site() -> BuiltSite:
    """The site under test, built on first use; fails (never skips) when the build fails."""
    result = _build()
    if isinstance(result, str):
        raise AssertionError(result)
    return result


def site_has(relative: str) -> bool:
    """Whether the built site has the file ``relative`` (a feature's page, e.g. ``symbols/index.html``)."""
    return built_site().path_of(relative).exists()


@functools.cache
def _archive(project: Path) -> Archive:
    return load_archive(project / "data", project)
