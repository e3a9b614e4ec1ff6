"""The same data and code give the same site, byte for byte."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, digest
from tip_archive.pipeline.site import DEFAULT_EPOCH, build_epoch

pytestmark = pytest.mark.e2e

CLI = [sys.executable, "-c", "import sys; from tip_archive.cli import main; sys.exit(main())"]


def _project(root: Path) -> Path:
    """A copy of the mini project with the search plugin too (its index is output as well)."""
    shutil.copytree(MINI, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    return root


def _build(project: Path, **env: str) -> Path:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    done = subprocess.run(
        [*CLI, "build"], cwd=project, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return project / "site"


def _gzip_mtime(path: Path) -> int:
    header = path.read_bytes()[:10]
    return int(struct.unpack("<I", header[4:8])[0])


def test_two_builds_are_identical_file_by_file(tmp_path: Path) -> None:
    """Different folders, different hash seeds, no SOURCE_DATE_EPOCH: the same bytes."""
    first = _build(_project(tmp_path / "one"), PYTHONHASHSEED="1")
    second = _build(_project(tmp_path / "elsewhere/two"), PYTHONHASHSEED="2")
    assert (first / "search/search_index.json").is_file()
    assert digest(first) == digest(second)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for path in first.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            assert today not in path.read_text(encoding="utf-8"), path


def test_build_time_comes_from_source_date_epoch(tmp_path: Path) -> None:
    epoch = 1_262_304_000 + 12 * 3600  # 2010-01-01 12:00 UTC
    site = _build(_project(tmp_path / "p"), SOURCE_DATE_EPOCH=str(epoch))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2010-01-01</lastmod>" in sitemap
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    assert _gzip_mtime(site / "sitemap.xml.gz") == 1_262_304_000  # MkDocs keeps the day


def test_without_source_date_epoch_or_git_a_fixed_time_is_used(tmp_path: Path) -> None:
    site = _build(_project(tmp_path / "p"), GIT_DIR=str(tmp_path / "not-a-repository"))
    assert "<lastmod>2020-01-01</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert _gzip_mtime(site / "sitemap.xml.gz") == DEFAULT_EPOCH


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_a_git_checkout_the_last_commit_time_is_used(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_COMMITTER_DATE": "2015-06-15T10:00:00Z",
        "GIT_AUTHOR_DATE": "2015-06-15T10:00:00Z",
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "data"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    assert build_epoch(project) == "1434362400"
    site = _build(project)
    assert "<lastmod>2015-06-15</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_source_date_epoch_wins_and_a_bad_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert build_epoch(tmp_path) == "1234567890"
    project = _project(tmp_path / "p")
    done = subprocess.run(
        [*CLI, "build"],
        cwd=project,
        env=os.environ | {"SOURCE_DATE_EPOCH": "yesterday"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "error: SOURCE_DATE_EPOCH must be a number of seconds, not 'yesterday'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (project / "site").exists()
