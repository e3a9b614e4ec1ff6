"""Every file the build reads besides the records gets what a record gets.

One line ``file:line: field: message`` per problem, every problem at once, exit status 1,
and the last good site untouched: the plugin's options in ``mkdocs.yml``, ``releases.yaml``,
the archived source texts, ``CHANGELOG.md``; and the record files themselves when they are
not files (a link out of ``data/``, a folder) or cannot be read.  A file merely written in
another common way (a byte-order mark, Windows line endings) is accepted, and gives the
same site byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from conftest import build_project, digest, run_cli, translate_mini
from tip_archive.loading.inputs import read_text
from tip_archive.plugin import ArchivePlugin
from users import as_root, run_unprivileged

EVENT = "data/events/conference-2007.yaml"
TEXT = "data/sources/texts/mini.txt"
FOOTER = "nothing was built."


def problems_of(output: str) -> list[str]:
    """The problem lines of a command's output (without the count and the site line)."""
    return [
        line
        for line in output.splitlines()
        if line and not line.endswith(FOOTER) and not line.endswith("was left as it was.")
    ]


def validate(project: Path) -> tuple[int, list[str]]:
    status, output = run_cli(project, "validate")
    assert "Traceback" not in output
    return status, problems_of(output)


def set_plugin(project: Path, options: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - tip-archive\n", "  - tip-archive:\n" + options)
    )


# -- written another common way: accepted, the same site ---------------------------------


def windows_style(folder: Path) -> int:
    """Give every record and text a byte-order mark and CRLF line endings; how many."""
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".yaml", ".txt"):
            text = path.read_bytes().decode("utf-8")
            path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
            count += 1
    return count


def test_read_text_accepts_a_bom_and_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xef\xbb\xbfOne\r\n\r\nTwo\r\n")
    assert read_text(path) == "One\n\nTwo\n"


@pytest.mark.e2e
def test_records_and_texts_saved_the_windows_way_give_the_same_site(
    mini_project: Path, mini_site: Path
) -> None:
    assert windows_style(mini_project / "data") >= 9
    assert (mini_project / EVENT).read_bytes().startswith(b"\xef\xbb\xbftype: event\r\n")
    status, output = build_project(mini_project)
    assert status == 0, output
    assert digest(mini_project / "site") == digest(mini_site)


# -- the archived source texts ------------------------------------------------------------


def test_an_empty_source_text(mini_project: Path) -> None:
    (mini_project / TEXT).write_text("\n \n")
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == [
        "data/sources/mini-source.yaml:4: text_file: data/sources/texts/mini.txt: file is"
        " empty: paste the source's full text into it, as archived"
    ]


def test_a_source_text_renumbered_under_its_quotes(mini_project: Path) -> None:
    """A paragraph inserted at the top: every quote now names the wrong ¶, and says which."""
    text = mini_project / TEXT
    text.write_text(text.read_text().replace("\n\n", "\n\nA new first paragraph.\n\n", 1))
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == EXPECTED_RENUMBERED


EXPECTED_RENUMBERED = [
    "data/documents/draft-2006.yaml:14: sources[0].quote: not found in source mini-source ¶4"
    " (it is in ¶5): change the paragraph",
    "data/events/conference-2007.yaml:12: figures[0].cited.quote: not found in source"
    " mini-source ¶2 (it is in ¶3): change the paragraph",
    "data/events/conference-2007.yaml:16: sources[0].quote: not found in source mini-source ¶2"
    " (it is in ¶3): change the paragraph",
    "data/resolutions/a-res-64-293.yaml:17: sources[0].quote: not found in source mini-source"
    " ¶3 (it is in ¶4): change the paragraph",
    "data/statements/statement-2012.yaml:12: sources[0].quote: not found in source"
    " mini-source ¶2 (it is in ¶3): change the paragraph",
]


def test_a_source_text_that_is_a_folder(mini_project: Path) -> None:
    (mini_project / TEXT).unlink()
    (mini_project / TEXT).mkdir()
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == [
        "data/sources/mini-source.yaml:4: text_file: data/sources/texts/mini.txt: is a folder,"
        " not a file: rename or remove the folder"
    ]


# -- record files that are not plain files ------------------------------------------------


def test_a_record_linked_from_outside_the_data_folder(mini_project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    shutil.move(mini_project / EVENT, outside)
    (mini_project / EVENT).symlink_to(outside)
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == [
        f"data/events/conference-2007.yaml:1: is a symbolic link to {outside}, outside the data"
        " folder: put the file itself in data/ (the archive holds its records and texts; a"
        " link is not archived)"
    ]


def test_a_source_text_linked_from_outside_the_data_folder(
    mini_project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "mini.txt"
    shutil.move(mini_project / TEXT, outside)
    (mini_project / TEXT).symlink_to(outside)
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == [
        f"data/sources/mini-source.yaml:4: text_file: data/sources/texts/mini.txt: is a symbolic"
        f" link to {outside}, outside the data folder: put the file itself in data/ (the"
        " archive holds its records and texts; a link is not archived)"
    ]


def test_a_link_within_the_data_folder_is_read(mini_project: Path) -> None:
    (mini_project / "data/shared").mkdir()
    shutil.move(mini_project / TEXT, mini_project / "data/shared/mini.txt")
    (mini_project / TEXT).symlink_to("../../shared/mini.txt")
    status, output = run_cli(mini_project, "validate")
    assert status == 0, output


def test_a_folder_named_like_a_record(mini_project: Path) -> None:
    folder = mini_project / "data/events/conference-2008.yaml"
    folder.mkdir()
    (folder / "notes.yaml").write_text("type: event\n")
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == [
        "data/events/conference-2008.yaml:1: is a folder, not a record file: a record is one"
        " .yaml file; rename or remove the folder"
    ]


@pytest.mark.parametrize("target", [EVENT, TEXT])
def test_a_file_that_cannot_be_read(mini_project: Path, target: str) -> None:
    os.chmod(mini_project / target, 0)
    try:
        status, output = run_unprivileged(mini_project, "validate")
    finally:
        os.chmod(mini_project / target, 0o644)
    assert status == 1
    assert "Traceback" not in output
    expected = {
        EVENT: "data/events/conference-2007.yaml:1: cannot be read (permission denied): let"
        " your user read it (chmod a+r conference-2007.yaml) or copy it into place again",
        TEXT: "data/sources/mini-source.yaml:4: text_file: data/sources/texts/mini.txt: cannot"
        " be read (permission denied): let your user read it (chmod a+r mini.txt) or copy it"
        " into place again",
    }[target]
    assert problems_of(output) == [expected], "as root? " + str(as_root())


def test_a_missing_data_folder(tmp_path: Path) -> None:
    status, output = run_cli(tmp_path, "validate", "--data", "records")
    assert status == 1
    assert output.splitlines() == [
        "records: no such folder: give the folder of the records (--data, or data_dir in"
        " mkdocs.yml)",
        "1 problem found in the data; nothing was built.",
    ]


# -- releases.yaml -------------------------------------------------------------------------

BROKEN_RELEASES = 'releases:\n  - number: 1\n    date: ["2026-11-25"\n'
BROKEN_RELEASES_LINE = (
    "releases.yaml:4: invalid YAML: did not find expected ',' or ']' (while parsing a flow"
    " sequence started on line 3): a [list] is not closed, or an item containing , [ ] needs"
    " quotes"
)


@pytest.mark.parametrize("command", [["validate"], ["release"], ["release", "--check"]])
def test_a_malformed_releases_file(mini_project: Path, command: list[str]) -> None:
    (mini_project / "releases.yaml").write_text(BROKEN_RELEASES)
    status, output = run_cli(mini_project, *command)
    assert "Traceback" not in output
    assert status == 1
    assert output.splitlines() == [
        BROKEN_RELEASES_LINE,
        "1 problem found in the data; nothing was built.",
    ]


def test_releases_and_records_are_reported_together(mini_project: Path) -> None:
    (mini_project / "releases.yaml").write_text(BROKEN_RELEASES)
    event = mini_project / EVENT
    event.write_text(event.read_text().replace("date: 2007", "date: 2007-13"))
    status, lines = validate(mini_project)
    assert status == 1
    assert lines == [
        "data/events/conference-2007.yaml:5: date: '2007-13' has no month 13: months run from"
        " 01 to 12",
        BROKEN_RELEASES_LINE,
    ]


# -- CHANGELOG.md, as `release --check` reads it --------------------------------------------


def test_a_changelog_saved_the_windows_way_is_read(mini_project: Path) -> None:
    translate_mini(mini_project)  # a release needs every record in both editions
    (mini_project / "releases.yaml").write_text(
        'releases:\n  - number: 1\n    date: "2026-11-25"\n'
    )
    status, section = run_cli(mini_project, "release")
    assert status == 0, section
    changelog = mini_project / "CHANGELOG.md"
    changelog.write_bytes(
        b"\xef\xbb\xbf" + ("# Changelog\n\n" + section).replace("\n", "\r\n").encode()
    )
    status, output = run_cli(mini_project, "release", "--check")
    assert (status, output) == (
        0,
        "1 data release: releases.yaml and CHANGELOG.md agree with the data\n",
    )
    changelog.write_bytes(changelog.read_bytes().replace(b"`belarus`", b"`belarus-mfa`"))
    status, output = run_cli(mini_project, "release", "--check")
    assert status == 1
    line = next(
        n for n, text in enumerate(changelog.read_text().splitlines(), 1) if "belarus-mfa" in text
    )
    assert output.splitlines() == [
        f"CHANGELOG.md:{line}: lists `belarus-mfa` as added in Data release 1, but no record"
        " has that id"
    ]


def test_a_changelog_that_is_not_utf8(mini_project: Path) -> None:
    (mini_project / "releases.yaml").write_text(
        'releases:\n  - number: 1\n    date: "2026-11-25"\n'
    )
    (mini_project / "CHANGELOG.md").write_bytes(b"# Changelog\n\nCaf\xe9\n")
    status, output = run_cli(mini_project, "release", "--check")
    assert status == 1
    assert output.splitlines() == [
        "CHANGELOG.md:3: file is not valid UTF-8 (byte 0xe9 on this line): save it with the"
        " UTF-8 encoding",
        "1 problem found in the data; nothing was built.",
    ]


# -- the plugin's options in mkdocs.yml ------------------------------------------------------

OPTION_CASES = [
    (
        "an unknown option",
        "      data_dirr: data\n      edit_bas: https://example.org/edit/\n",
        [
            "mkdocs.yml:8: plugins.tip-archive.data_dirr: unknown option: did you mean 'data_dir'?",
            "mkdocs.yml:9: plugins.tip-archive.edit_bas: unknown option: did you mean 'edit_base'?",
        ],
    ),
    (
        "an option nothing like a known one",
        "      colour: blue\n",
        [
            "mkdocs.yml:8: plugins.tip-archive.colour: unknown option: the options are"
            " data_dir, edit_base, editions, history_base, page_bytes"
        ],
    ),
    (
        "a data_dir that does not exist",
        "      data_dir: records\n",
        [
            "mkdocs.yml:8: plugins.tip-archive.data_dir: there is no folder 'records' next to"
            " mkdocs.yml: create it, or set data_dir to the folder of the records"
        ],
    ),
    (
        "a data_dir that is a file",
        "      data_dir: mkdocs.yml\n",
        [
            "mkdocs.yml:8: plugins.tip-archive.data_dir: 'mkdocs.yml' is a file, not a folder:"
            " set data_dir to the folder of the records"
        ],
    ),
]


@pytest.mark.parametrize(
    ("options", "expected"), [pytest.param(o, e, id=n) for n, o, e in OPTION_CASES]
)
def test_bad_plugin_options_stop_the_build(
    mini_project: Path, mini_site: Path, options: str, expected: list[str]
) -> None:
    site = mini_project / "site"
    shutil.copytree(mini_site, site)
    before = digest(site)
    set_plugin(mini_project, options)
    status, output = build_project(mini_project, site)
    assert status == 1
    assert "Traceback" not in output
    count = len(expected)
    assert output.splitlines() == [
        *expected,
        f"{count} problem{'s' if count > 1 else ''} found in the data; nothing was built.",
        f"{site}/ was left as it was.",
    ]
    assert digest(site) == before
    assert sorted(p.name for p in mini_project.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]


@pytest.mark.parametrize(
    ("options", "expected"), [pytest.param(o, e, id=n) for n, o, e in OPTION_CASES]
)
def test_plain_mkdocs_reports_the_same_option_problems(
    mini_project: Path, options: str, expected: list[str]
) -> None:
    """``mkdocs build`` without the archive's command: the same words, as MkDocs errors."""
    from mkdocs.exceptions import Abort

    set_plugin(mini_project, options)
    with pytest.raises(Abort):
        load_config(str(mini_project / "mkdocs.yml"))
    given = yaml.safe_load(options.replace("      ", ""))
    errors, warnings = ArchivePlugin().load_config(given, str(mini_project / "mkdocs.yml"))
    assert warnings == []
    assert [f"plugins.tip-archive.{option}: {message}" for option, message in errors] == [
        line.split(": ", 1)[1] for line in expected
    ]
