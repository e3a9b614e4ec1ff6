"""The command line as a record author uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tip_archive.cli import main


def test_new_resolution_from_a_symbol(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = mini_project / "data"
    assert main(["new", "resolution", "a/res/70/1", "--data", str(data)]) == 0
    path = data / "resolutions/a-res-70-1.yaml"
    text = path.read_text(encoding="utf-8")
    assert "id: a-res-70-1\n" in text
    assert "symbol: A/RES/70/1\n" in text
    assert text.startswith("# yaml-language-server: $schema=../../schema/record.schema.json\n")
    assert f"wrote {path}" in capsys.readouterr().out


def test_new_refuses_to_overwrite_and_bad_symbols(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(mini_project / "data")
    assert main(["new", "resolution", "A/RES/64/293", "--data", data]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "resolution", "A/RES/xx", "--data", data]) == 1
    assert "'A/RES/xx' is not a UN document symbol" in capsys.readouterr().err
    assert main(["new", "treaty", "x", "--data", data]) == 1
    assert "unknown record type 'treaty'" in capsys.readouterr().err


def test_new_skeleton_reports_what_to_fill_in(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unfilled skeleton fails validation with messages naming the fields to complete."""
    data = mini_project / "data"
    assert main(["new", "event", "2013 high-level meeting", "--data", str(data)]) == 0
    capsys.readouterr()
    assert main(["validate", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "data/events/2013-high-level-meeting.yaml:" in err
    assert "date" in err


def test_validate_passes_on_good_data(capsys: pytest.CaptureFixture[str]) -> None:
    mini = Path(__file__).parent / "fixtures/mini/data"
    assert main(["validate", "--data", str(mini)]) == 0
    assert "8 records valid." in capsys.readouterr().out
