"""Numbered data releases: releases.yaml, the CHANGELOG sections, and what changed since."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_project, translate_mini
from tip_archive.authoring.release import (
    Changes,
    Release,
    changelog_releases,
    changelog_section,
    changes_since,
    check_changelog,
    current_release,
    read_releases,
)
from tip_archive.cli import main
from tip_archive.loading.problems import DataError
from tip_archive.pipeline.engine import load_archive

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        read_releases(path)
    return [str(p) for p in caught.value.problems]


def test_releases_are_read_oldest_first(tmp_path: Path) -> None:
    path = write(
        tmp_path / "releases.yaml",
        'releases:\n  - number: 1\n    date: "2026-11-25"\n'
        '  - number: 2\n    date: "2027-03-01"\n    note: Corrections.\n',
    )
    assert read_releases(path) == [
        Release(number=1, date="2026-11-25"),
        Release(number=2, date="2027-03-01", note="Corrections."),
    ]
    assert current_release(tmp_path) == Release(number=2, date="2027-03-01", note="Corrections.")
    assert current_release(tmp_path / "nowhere") is None
    release = Release(number=2, date="2027-03-01")
    assert (release.tag, release.label, release.human()) == (
        "data-release-2",
        "Data release 2",
        "1 March 2027",
    )


def test_bad_releases_file_names_the_line_and_the_field(tmp_path: Path) -> None:
    path = write(
        tmp_path / "releases.yaml",
        "releases:\n"
        '  - number: 1\n    date: "2026-11-25"\n'
        '  - number: 3\n    date: "2026-02-30"\n'
        '  - number: 3\n    date: "2026-10-01"\n    notes: typo\n',
    )
    assert problems(path) == [
        "releases.yaml:5: releases[1].date: '2026-02-30' does not exist",
        "releases.yaml:8: releases[2].notes: unknown field; known fields: date, note, number",
    ]
    write(
        path,
        'releases:\n  - number: 1\n    date: "2026-11-25"\n  - number: 3\n    date: "2026-10-01"\n',
    )
    assert problems(path) == [
        "releases.yaml:4: releases[1].number: is 3; releases are numbered 1, 2, 3, ... "
        "oldest first, so this one is 2",
        "releases.yaml:5: releases[1].date: 2026-10-01 is before the date of release 1 (2026-11-25)",
    ]
    write(path, "releases: []\n")
    assert problems(path) == [
        "releases.yaml:1: releases: lists no release: add the first one (number: 1 and its "
        "date), or remove releases.yaml until the first release"
    ]
    write(path, 'releases:\n  - number: one\n    date: "2026-11-25"\n')
    assert problems(path) == [
        "releases.yaml:2: releases[0].number: must be a whole number, like 64 (got the text 'one')"
    ]
    write(path, 'releases:\n  - number: 0\n    date: "2026-11-25"\n')
    assert problems(path) == [
        "releases.yaml:2: releases[0].number: must be 1 or more (got the number 0)"
    ]


def test_validate_checks_the_releases_file(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(mini_project / "releases.yaml", 'releases:\n  - number: 1\n    date: "2026-13-01"\n')
    assert main(["validate", "--data", str(mini_project / "data")]) == 1
    err = capsys.readouterr().err
    assert "releases.yaml:3: releases[0].date: '2026-13-01' does not exist" in err
    assert "1 problem found in the data; nothing was built." in err


def test_changelog_section_lists_ids_by_type() -> None:
    changes = Changes(
        "data-release-1",
        added=["data/bodies/unodc.yaml", "data/resolutions/a-res-61-180.yaml"],
        corrected=["data/events/x.yaml", "data/sources/texts/mini.txt"],
        removed=["data/people/old.yaml"],
    )
    text = changelog_section(
        Release(number=2, date="2027-03-01", note="Corrections."),
        changes,
        {"data/sources/texts/mini.txt": "mini-source"},
    )
    assert text == (
        "## Data release 2 (2027-03-01)\n\n"
        "Corrections.\n\n"
        "Compared with `data-release-1`.\n\n"
        "### Added (2 records)\n\n"
        "- **Resolutions (1):** `a-res-61-180`\n"
        "- **Bodies (1):** `unodc`\n\n"
        "### Corrected (2 records)\n\n"
        "- **Events (1):** `x`\n"
        "- **Sources (1):** `mini-source`\n\n"
        "### Removed (1 record)\n\n"
        "- **People (1):** `old`\n"
    )
    assert changelog_section(Release(number=3, date="2027-04-01"), Changes("data-release-2")) == (
        "## Data release 3 (2027-04-01)\n\nCompared with `data-release-2`.\n\nNo record changed.\n"
    )


def test_changelog_check_finds_missing_sections_dates_and_ids() -> None:
    changelog = (
        "# Changelog\n\n## Unreleased\n\n- `not-an-id` in engine notes is ignored\n\n"
        "## Data release 1 (2026-11-25)\n\n### Added (3 records)\n\n"
        "- **Bodies (2):** `belarus`, `belarus-mfa`\n- **People (1):** `gone`\n\n"
        "## Data release 2 (2027-03-02)\n\n### Removed (1 record)\n\n- **People (1):** `gone`\n"
    )
    sections = changelog_releases(changelog)
    assert sections[1] == ("2026-11-25", {"added": {"belarus", "belarus-mfa", "gone"}})
    releases = [
        Release(number=1, date="2026-11-25"),
        Release(number=2, date="2027-03-01"),
        Release(number=3, date="2027-04-01"),
    ]
    assert [str(p) for p in check_changelog(changelog, releases, {"belarus"})] == [
        "CHANGELOG.md: has no section '## Data release 3 (2027-04-01)': "
        "paste the output of `tip-archive release`",
        "CHANGELOG.md:11: lists `belarus-mfa` as added in Data release 1, but no record has"
        " that id",
        "CHANGELOG.md:14: dates Data release 2 2027-03-02; releases.yaml says 2027-03-01:"
        " correct one of them",
    ]


def test_the_archives_releases_agree_with_its_changelog_and_data() -> None:
    releases = read_releases(ROOT / "releases.yaml")
    assert releases[0].number == 1
    archive = load_archive(ROOT / "data", ROOT)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert check_changelog(changelog, releases, set(archive.entries)) == [], (
        "run `tip-archive release` and update the CHANGELOG section"
    )


# -- against git ------------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    env = os.environ | {
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@needs_git
def test_release_command_lists_changes_since_the_last_tag(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = mini_project / "data"
    write(mini_project / "releases.yaml", 'releases:\n  - number: 1\n    date: "2026-11-25"\n')
    # Before the first tag: everything is new in release 1.
    assert main(["release", "--data", str(data)]) == 0
    first = capsys.readouterr().out
    assert first.startswith("## Data release 1 (2026-11-25)\n\n### Added (8 records)\n")
    assert "- **Bodies (2):** `belarus`, `un-general-assembly`\n" in first

    git(mini_project, "init", "-q", "-b", "main")
    git(mini_project, "add", "-A")
    git(mini_project, "commit", "-q", "-m", "Release 1")
    git(mini_project, "tag", "data-release-1")
    event = data / "events/conference-2007.yaml"
    event.write_text(event.read_text() + "place: New York\n")
    write(data / "bodies/unodc.yaml", "type: body\nid: unodc\ntitle: UNODC\nkind: un body\n")
    text = data / "sources/texts/mini.txt"
    text.write_text(text.read_text() + "\nA seventh paragraph.\n")
    assert changes_since(mini_project, "data-release-1") == Changes(
        "data-release-1",
        added=["data/bodies/unodc.yaml"],
        corrected=["data/events/conference-2007.yaml", "data/sources/texts/mini.txt"],
    )
    assert main(["release", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "<!-- Data release 2 is not in releases.yaml yet: add it with its date. -->\n"
    )
    assert "Compared with `data-release-1`." in out
    assert "### Added (1 record)\n\n- **Bodies (1):** `unodc`\n" in out
    assert (
        "### Corrected (2 records)\n\n- **Events (1):** `conference-2007`\n"
        "- **Sources (1):** `mini-source`\n" in out
    )


@needs_git
def test_release_check(mini_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(mini_project / "data")
    write(mini_project / "releases.yaml", 'releases:\n  - number: 1\n    date: "2026-11-25"\n')
    assert main(["release", "--check", "--data", data]) == 1
    assert (
        "CHANGELOG.md: has no section '## Data release 1 (2026-11-25)'" in capsys.readouterr().err
    )
    assert main(["release", "--data", data]) == 0
    section = capsys.readouterr().out
    write(mini_project / "CHANGELOG.md", "# Changelog\n\n" + section)
    # Every record must be in Russian too before a release.
    assert main(["release", "--check", "--data", data]) == 1
    err = capsys.readouterr().err
    assert "8 record(s) are not fully translated into Russian" in err
    assert "a-res-64-293 (title, summary, quotes)" in err
    translate_mini(mini_project)
    assert main(["release", "--check", "--data", data]) == 0
    assert "1 data release: releases.yaml and CHANGELOG.md agree with the data" in (
        capsys.readouterr().out
    )


@pytest.mark.e2e
def test_pages_show_the_current_release(mini_project: Path, tmp_path: Path) -> None:
    write(mini_project / "releases.yaml", 'releases:\n  - number: 1\n    date: "2026-11-25"\n')
    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output
    page = BeautifulSoup(
        (tmp_path / "site/resolutions/a-res-64-293/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    footer = page.select_one(".md-footer .tip-release")
    assert footer is not None and footer.get_text(strip=True) == "Data release 1 (25 November 2026)"
    colophon = " ".join(page.select_one("footer.tip-colophon").get_text().split())
    assert "Mini archive, data release 1 of 25 November 2026." in colophon


def test_renderers_get_the_release_number() -> None:
    from tip_archive.render.pages import SiteOptions

    assert SiteOptions().release is None
    assert SiteOptions(release="1").release == "1"
