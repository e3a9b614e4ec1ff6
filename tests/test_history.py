"""A record's history: the date of its last change, from git, the same in every build."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_project
from tip_archive.loading.history import Change, last_changes, parse_log, record_history
from tip_archive.render.changes import changed_line, files_of, page_meta

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, date: str = "2026-01-02T03:04:05+01:00") -> str:
    env = os.environ | {
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(repo: Path, message: str, date: str, *paths: str) -> None:
    git(repo, "add", *(paths or ["-A"]))
    git(repo, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(mini_project: Path) -> Path:
    """The mini project as a git repository: everything committed on 2 January 2026."""
    git(mini_project, "init", "-q", "-b", "main")
    commit(mini_project, "First records", "2026-01-02T03:04:05+01:00")
    return mini_project


def test_parse_log_keeps_each_files_newest_commit() -> None:
    log = (
        "\x1eaaa 2026-03-01T10:00:00+00:00\n\ndata/events/x.yaml\n"
        "\x1ebbb 2026-02-01T10:00:00+00:00\n\ndata/events/x.yaml\ndata/people/y.yaml\n"
    )
    assert parse_log(log) == {
        "data/events/x.yaml": Change("aaa", "2026-03-01T10:00:00+00:00"),
        "data/people/y.yaml": Change("bbb", "2026-02-01T10:00:00+00:00"),
    }


def test_change_reads_as_the_committers_day() -> None:
    change = Change("abc", "2026-11-25T23:30:00-05:00")
    assert change.day == "2026-11-25"
    assert change.human() == "25 November 2026"


def test_last_changes_from_one_git_log(repo: Path) -> None:
    record = repo / "data/events/conference-2007.yaml"
    record.write_text(record.read_text() + "place: New York\n")
    commit(repo, "Correct the place", "2026-11-20T18:00:00+00:00")
    changes = last_changes(repo)
    assert changes is not None
    assert changes["data/events/conference-2007.yaml"].date == "2026-11-20T18:00:00+00:00"
    assert changes["data/bodies/belarus.yaml"].date == "2026-01-02T03:04:05+01:00"
    assert changes["data/sources/texts/mini.txt"].day == "2026-01-02"
    assert not any(path.startswith("docs/") for path in changes)


def test_no_history_outside_a_repository(mini_project: Path) -> None:
    assert last_changes(mini_project) is None
    assert record_history(mini_project) is None


def test_a_shallow_clone_shows_no_dates(repo: Path, tmp_path: Path) -> None:
    record = repo / "data/bodies/belarus.yaml"
    record.write_text(record.read_text() + "abbreviation: BY\n")
    commit(repo, "Abbreviation", "2026-06-01T12:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert record_history(clone) is None  # rather than date every record 1 June 2026
    assert record_history(repo) is not None


def test_changed_line() -> None:
    history = {"data/events/x.yaml": Change("abc", "2026-11-20T18:00:00+00:00")}
    assert changed_line(None, ["data/events/x.yaml"]) == ""
    assert changed_line(history, ["data/events/x.yaml"]) == (
        '<p class="tip-changed">Last changed on '
        '<time datetime="2026-11-20T18:00:00+00:00">20 November 2026</time>.</p>'
    )
    assert changed_line(history, ["data/events/x.yaml"], "https://git.example/log/main/") == (
        '<p class="tip-changed">Last changed on '
        '<time datetime="2026-11-20T18:00:00+00:00">20 November 2026</time> '
        '(<a class="tip-history-link" href="https://git.example/log/main/data/events/x.yaml" '
        'rel="nofollow">change history</a>).</p>'
    )
    assert changed_line(history, ["data/events/new.yaml"]) == (
        '<p class="tip-changed">This record is not yet committed to the archive’s repository.</p>'
    )
    assert page_meta(history, ["data/events/x.yaml"]) == {
        "tip_changed": "2026-11-20",
        "tip_changed_human": "20 November 2026",
    }


def test_a_source_changes_with_its_text() -> None:
    from tip_archive.pipeline.engine import load_archive

    mini = Path(__file__).parent / "fixtures/mini"
    source = load_archive(mini / "data", mini)["mini-source"]
    paths = files_of(source, "data/sources/mini-source.yaml")
    assert paths == ["data/sources/mini-source.yaml", "data/sources/texts/mini.txt"]
    history = {
        "data/sources/mini-source.yaml": Change("a", "2026-01-02T00:00:00+00:00"),
        "data/sources/texts/mini.txt": Change("b", "2026-05-06T00:00:00+00:00"),
    }
    assert page_meta(history, paths)["tip_changed"] == "2026-05-06"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.e2e
def test_record_pages_show_their_last_change(repo: Path, tmp_path: Path) -> None:
    config = repo / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - tip-archive",
            "  - tip-archive:\n      history_base: https://git.example/archive/commits/main/",
        )
    )
    record = repo / "data/resolutions/a-res-64-293.yaml"
    record.write_text(record.read_text().replace("by consensus.", "by consensus, in 2010."))
    commit(repo, "Summary", "2026-11-20T18:00:00+00:00")
    (repo / "data/bodies/unodc.yaml").write_text(
        "type: body\nid: unodc\ntitle: UNODC\nkind: un body\n"
    )  # written, not committed
    site = tmp_path / "site"
    status, output = build_project(repo, site)
    assert status == 0, output

    page = soup(site / "resolutions/a-res-64-293/index.html")
    line = page.select_one("p.tip-changed")
    assert line is not None
    assert line.get_text(" ", strip=True) == "Last changed on 20 November 2026 ( change history )."
    assert line.time["datetime"] == "2026-11-20T18:00:00+00:00"
    assert line.a["href"] == (
        "https://git.example/archive/commits/main/data/resolutions/a-res-64-293.yaml"
    )
    colophon = page.select_one("footer.tip-colophon")
    assert "Record last changed on 20 November 2026." in " ".join(colophon.get_text().split())

    older = soup(site / "bodies/belarus/index.html").select_one("p.tip-changed time")
    assert older is not None and older.get_text() == "2 January 2026"
    new = soup(site / "bodies/unodc/index.html").select_one("p.tip-changed")
    assert new is not None and "not yet committed" in new.get_text()

    # The sitemap dates a record page by its record's last change, not by the build.
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (
        "<loc>https://example.org/resolutions/a-res-64-293/</loc>\n"
        "         <lastmod>2026-11-20</lastmod>" in sitemap
    )


@pytest.mark.e2e
def test_history_keeps_rebuilds_byte_identical(repo: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert build_project(repo, first)[0] == 0
    # Touching the working tree changes nothing: the dates are the commit's.
    record = repo / "data/bodies/belarus.yaml"
    record.write_text(record.read_text())
    assert build_project(repo, second)[0] == 0
    for page in ("bodies/belarus/index.html", "resolutions/a-res-64-293/index.html"):
        assert (first / page).read_bytes() == (second / page).read_bytes(), page
