"""``tip-archive new --date``: a date as a person types it becomes the record's partial date."""

from __future__ import annotations

from pathlib import Path

import pytest

from tip_archive.authoring.typed_dates import typed_date
from tip_archive.cli import main
from tip_archive.model.dates import DateError


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("18 December 2009", "2009-12-18"),
        ("December 18, 2009", "2009-12-18"),
        ("18 Dec 2009", "2009-12-18"),
        ("Dec 2009", "2009-12"),
        ("December 2009", "2009-12"),
        ("2009", "2009"),
        ("2009-12", "2009-12"),
        ("2009-12-18", "2009-12-18"),
        ("18/12/2009", "2009-12-18"),  # day first
        ("1 February 2010", "2010-02-01"),  # the day typed equals a default: still a day
        ("February 2004", "2004-02"),  # the month typed equals a default: still a month
    ],
)
def test_a_typed_date_is_as_precise_as_it_was_typed(typed: str, iso: str) -> None:
    assert typed_date(typed).iso() == iso


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("18 December", "has no year"),
        ("sometime", "is not a date"),
        ("31 February 2009", "is not a date"),
        ("18 December 1850", "outside the archive's range"),
        ("18 December 2009 10:30", "time of day"),
    ],
)
def test_a_date_that_means_none_is_refused_in_words(typed: str, words: str) -> None:
    with pytest.raises(DateError, match=words):
        typed_date(typed)


def test_new_writes_the_typed_date_into_the_skeleton(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["new", "event", "2009-meeting", "--date", "Dec 2009", "--data", str(data)]) == 0
    text = (data / "events/2009-meeting.yaml").read_text(encoding="utf-8")
    assert 'date: "2009-12"  ' in text  # the comment after the value stays
    assert main(["new", "body", "x-body", "--date", "2009", "--data", str(data)]) == 1
    assert "a body record has no date" in capsys.readouterr().err
    assert main(["new", "event", "e2", "--date", "18 December", "--data", str(data)]) == 1
    assert "'18 December' has no year" in capsys.readouterr().err
