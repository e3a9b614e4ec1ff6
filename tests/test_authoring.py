"""What a record author's tools pick up by themselves: hooks, editor schema, CONTRIBUTING."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from tip_archive.cli import main


def test_pre_commit_validates_the_whole_archive_when_data_change() -> None:
    from pre_commit.clientlib import load_config

    config = load_config(str(ROOT / ".pre-commit-config.yaml"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["tip-archive-validate"]
    assert hook["entry"] == "make --no-print-directory validate"
    assert hook["pass_filenames"] is False  # cross-references need every record
    assert re.match(hook["files"], "data/resolutions/a-res-64-293.yaml")
    assert re.match(hook["files"], "data/sources/texts/001.txt")
    assert re.match(hook["files"], "releases.yaml")
    assert not re.match(hook["files"], "src/tip_archive/cli.py")


def test_the_hook_offered_to_other_repositories() -> None:
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "tip-archive-validate"
    assert hook["entry"] == "tip-archive validate"
    assert hook["language"] == "python"  # pre-commit installs this package for it
    assert hook["pass_filenames"] is False
    assert re.match(hook["files"], "data/events/x.yaml")
    # The entry is a real command of the package's command line.
    assert main(["validate", "--data", str(Path(__file__).parent / "fixtures/mini/data")]) == 0


def test_editors_map_the_record_schema_to_every_record_file() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas == {"./schema/record.schema.json": "data/**/*.yaml"}
    assert (ROOT / "schema/record.schema.json").is_file()


def test_new_records_point_to_the_schema_from_where_they_are(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "schema").mkdir(parents=True)
    shutil.copy(ROOT / "schema/record.schema.json", project / "schema")
    assert main(["new", "resolution", "A/RES/61/180", "--data", str(project / "data")]) == 0
    record = project / "data/resolutions/a-res-61-180.yaml"
    first = record.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match is not None
    assert (record.parent / match[1]).resolve() == (project / "schema/record.schema.json")


def contributing_example() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("### 3. Fill it in", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.fixture
def archive_without_61_180(tmp_path: Path) -> Path:
    project = tmp_path / "archive"
    shutil.copytree(ROOT / "data", project / "data")
    (project / "data/resolutions/a-res-61-180.yaml").unlink(missing_ok=True)
    return project


def test_contributing_walkthrough_is_true(
    archive_without_61_180: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The worked example in CONTRIBUTING.md validates against the archive's real sources,
    and the mistake it shows gives the message it quotes."""
    data = archive_without_61_180 / "data"
    assert main(["new", "resolution", "A/RES/61/180", "--data", str(data)]) == 0
    record = data / "resolutions/a-res-61-180.yaml"
    example = contributing_example()
    record.write_text(example.replace("paragraph: 8", "paragraph: 7", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = err.splitlines()[0]
    assert quoted == (
        "data/resolutions/a-res-61-180.yaml:18: sources[0].quote: "
        "not found in source mfa-human-trafficking ¶7 (it is in ¶8): change the paragraph"
    )
    assert quoted in contributing
    record.write_text(example, encoding="utf-8")
    assert main(["validate", "--data", str(data)]) == 0, capsys.readouterr().err


def test_contributing_reference_example_is_true(
    archive_without_61_180: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reference and the referenced fact of CONTRIBUTING.md's section 3a validate, and the
    page then shows the fact as resting on the public record."""
    from tip_archive.pipeline.engine import generate
    from tip_archive.render.pages import SiteOptions

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = text.split("### 3a.", 1)[1].split("### 4.", 1)[0].split("```yaml\n")[1:]
    reference, _press, fact = (block.split("```", 1)[0] for block in blocks[:3])
    data = archive_without_61_180 / "data"
    (data / "references").mkdir(exist_ok=True)
    (data / "references/un-a-res-61-180.yaml").write_text(reference, encoding="utf-8")
    example = contributing_example().replace('date: "2006"', "")
    record = data / "resolutions/a-res-61-180.yaml"
    record.write_text(example + fact, encoding="utf-8")
    assert main(["validate", "--data", str(data)]) == 0, capsys.readouterr().err
    _archive, pages = generate(data, SiteOptions(), archive_without_61_180)
    page = next(p.markdown for p in pages if p.src == "resolutions/a-res-61-180.md")
    assert '<li id="fact-1"><strong>date</strong>: 2006-12-20' in page
    assert '<span class="tip-ev-label">Public record</span>' in page
    assert "https://undocs.org/en/A/RES/61/180" in page
