"""``tip-archive package``: a BagIt bag that bagit validates, and that notices a changed byte."""

from __future__ import annotations

from pathlib import Path

import bagit
import pytest

from conftest import run_cli
from tip_archive.pipeline.package import validate_package


@pytest.mark.e2e
def test_the_bag_holds_the_release_validates_and_detects_a_changed_byte(
    mini_project: Path, tmp_path: Path
) -> None:
    (mini_project / "releases.yaml").write_text(
        'releases:\n  - number: 1\n    date: "2026-11-25"\n', encoding="utf-8"
    )
    assert run_cli(mini_project, "release", "--freeze")[0] == 0
    status, output = run_cli(mini_project, "package", "--output", str(tmp_path / "bags"))
    assert status == 0, output
    bag_dir = tmp_path / "bags/tip-archive-release-1"
    assert f"wrote {bag_dir} (BagIt, validated)" in output

    bag = bagit.Bag(str(bag_dir))
    assert bag.is_valid()
    assert bag.info["Source-Organization"] == "Mini archive"
    assert bag.info["Data-Release"] == "1"
    assert bag.info["Data-Release-Date"] == "2026-11-25"
    assert "data release 1 (2026-11-25)" in bag.info["External-Description"]
    assert set(bag.algorithms) == {"sha256", "sha512"}
    payload = set(bag.payload_files())
    for expected in (
        "data/records/resolutions/a-res-64-293.yaml",
        "data/source-texts/mini.txt",
        "data/schema/record.schema.json",
        "data/open-data/records.json",
        "data/open-data/records.csv",
        "data/open-data/datapackage.json",
        "data/releases/1/records.json",
        "data/site/index.html",
        "data/site/resolutions/a-res-64-293/index.html",
        "data/site/feed.xml",
    ):
        assert expected in payload, expected
    assert not any(p.startswith("data/records/sources/texts/") for p in payload)
    assert "data/open-data/index.html" not in payload  # the Data page is in the site
    assert (bag_dir / "data/records/resolutions/a-res-64-293.yaml").read_bytes() == (
        mini_project / "data/resolutions/a-res-64-293.yaml"
    ).read_bytes()

    page = bag_dir / "data/site/resolutions/a-res-64-293/index.html"
    content = bytearray(page.read_bytes())
    content[100] ^= 0x01  # one bit of one byte
    page.write_bytes(bytes(content))
    problems = validate_package(bag_dir)
    assert any("data/site/resolutions/a-res-64-293/index.html" in p for p in problems), problems

    status, output = run_cli(mini_project, "package", "--output", str(tmp_path / "bags"))
    assert status == 1 and "exists: move it away" in output
