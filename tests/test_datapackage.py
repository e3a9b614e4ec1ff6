"""``/data/datapackage.json``: a Frictionless Data Package that frictionless validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_project
from tip_archive.render.datapackage import RECORD_FIELDS
from tip_archive.render.opendata import CSV_COLUMNS


def test_every_column_of_records_csv_is_described() -> None:
    assert list(RECORD_FIELDS) == CSV_COLUMNS


def _report(descriptor: Path) -> list[str]:
    from frictionless import Package

    report = Package(str(descriptor)).validate()
    return [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors]


@pytest.mark.e2e
def test_the_data_package_validates_loads_typed_rows_and_checks_its_keys(
    mini_project: Path, tmp_path: Path
) -> None:
    from frictionless import Package

    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output
    descriptor = tmp_path / "site/data/datapackage.json"
    assert _report(descriptor) == []

    package = Package(str(descriptor))
    rows = package.get_resource("record-sources").read_rows()
    assert rows and all(isinstance(r["paragraph"], int) for r in rows)
    first = next(r for r in rows if r["record"] == "a-res-64-293")
    assert (first["position"], first["source"], first["paragraph"]) == (1, "mini-source", 3)
    records = {r["id"]: r for r in package.get_resource("records").read_rows()}
    assert records["a-res-64-293"]["type"] == "resolution"
    assert set(records) >= {r["source"] for r in rows}

    # The checks bite: a passage citing a source that is not a record, a duplicate id.
    broken = tmp_path / "broken"
    shutil.copytree(tmp_path / "site/data", broken)
    table = broken / "record-sources.csv"
    table.write_text(
        table.read_text(encoding="utf-8").replace(",mini-source,", ",no-such-source,", 1),
        encoding="utf-8",
    )
    problems = _report(broken / "datapackage.json")
    assert any(p.startswith("foreign-key") for p in problems), problems


def test_the_archives_data_package_validates() -> None:
    """The kept release 1 carries its data package; frictionless reads it as published."""
    assert _report(ROOT / "releases/1/datapackage.json") == []
