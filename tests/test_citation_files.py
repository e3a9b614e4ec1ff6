"""Citation files read by real tools: the CSL-JSON schema, pandoc's citeproc, a BibTeX
parser and an RIS parser; records.json and records.csv; head metadata escaping."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from tip_archive.crossref.archive import Archive
from tip_archive.pipeline.engine import load_archive
from tip_archive.render import bibformats, headmeta
from tip_archive.render.extras import SiteContext
from tip_archive.render.opendata import site_files
from tip_archive.render.pages import SiteOptions

VENDOR = Path(__file__).parent / "vendor"
OPTIONS = SiteOptions(site_url="https://example.org/", site_name="Mini archive")
SITE = OPTIONS.site()

EXTRA = {
    "bodies/ecosoc.yaml": "type: body\nid: ecosoc\ntitle: Economic and Social Council\nkind: un organ\n",
    "resolutions/e-res-2008-33.yaml": """\
type: resolution
id: e-res-2008-33
title: Strengthening coordination & cooperation {against} trafficking_in persons
symbol: E/RES/2008/33
date: 2008
body: ecosoc
session: 2008
sources:
  - {source: mini-source, paragraph: 3, quote: the UN Global Plan of Action}
""",
    "documents/a-65-497.yaml": """\
type: document
id: a-65-497
title: "Report of the Third Committee </script><!--"
kind: report
symbol: A/65/497
date: 2010-11
authors: [valentin-rybakov, belarus]
sources:
  - {source: mini-source, paragraph: 3, quote: the UN Global Plan of Action}
""",
}


@pytest.fixture
def archive(mini_project: Path, write_record: Callable[[str, str], Path]) -> Archive:
    for path, text in EXTRA.items():
        write_record(path, text)
    return load_archive(mini_project / "data", mini_project)


@pytest.fixture
def files(archive: Archive) -> dict[str, str]:
    return {f.path: f.content for f in site_files(archive, OPTIONS)}


def test_csl_json_is_valid_against_the_csl_schema(files: dict[str, str]) -> None:
    schema = json.loads((VENDOR / "csl-data.json").read_text(encoding="utf-8"))
    items = json.loads(files["data/citations.json"])
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(items, schema)
    assert len(items) == 11
    for path, text in files.items():
        if path.endswith("/citation.json"):
            jsonschema.validate(json.loads(text), schema)


def test_csl_types_and_fields(files: dict[str, str]) -> None:
    items = {item["id"]: item for item in json.loads(files["data/citations.json"])}
    resolution = items["a-res-64-293"]
    # A UN document: CSL report, the symbol its number, the organ its author (one name).
    assert resolution["type"] == "report"
    assert resolution["number"] == "A/RES/64/293"
    assert resolution["genre"] == "Resolution"
    assert resolution["author"] == [{"literal": "United Nations General Assembly"}]
    assert resolution["archive"] == "Mini archive"
    assert "version" not in resolution
    assert resolution["issued"] == {"date-parts": [[2010, 7, 30]]}
    assert items["e-res-2008-33"]["issued"] == {"date-parts": [[2008]]}
    assert items["statement-2012"]["type"] == "speech"
    assert items["statement-2012"]["author"] == [{"family": "Rybakov", "given": "Valentin"}]
    assert items["statement-2012"]["genre"] == "statement"
    assert items["statement-2012"]["event-title"] == "Interactive dialogue"
    event = items["conference-2007"]
    assert event["type"] == "event"
    assert event["event-date"] == {"date-parts": [[2007]]}
    assert "issued" not in event  # the date once, as the event's
    assert items["a-65-497"]["type"] == "report"
    assert items["a-65-497"]["author"] == [
        {"family": "Rybakov", "given": "Valentin"},
        {"literal": "Republic of Belarus"},
    ]
    assert items["draft-2006"]["type"] == "document"  # no symbol: not a numbered report
    assert items["draft-2006"]["genre"] == "draft resolution"
    assert items["belarus"]["type"] == "webpage"
    assert "issued" not in items["belarus"] and "author" not in items["belarus"]
    source = items["mini-source"]
    assert source["type"] == "webpage"
    assert source["container-title"] == "Ministry of Foreign Affairs of the Republic of Belarus"


def test_pandoc_citeproc_reads_the_csl_json(files: dict[str, str], tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    assert pandoc, "pandoc is missing: `make tools` installs it"
    (tmp_path / "refs.json").write_text(files["data/citations.json"], encoding="utf-8")
    (tmp_path / "doc.md").write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    result = subprocess.run(
        [pandoc, "doc.md", "--citeproc", "--bibliography", "refs.json", "-t", "plain"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    out = " ".join(result.stdout.split())
    assert result.stderr == ""
    assert "Rybakov, Valentin. 2012." in out
    assert "United Nations Global Plan of Action to Combat Trafficking in Persons" in out
    assert "A/RES/64/293" in out
    assert "https://example.org/resolutions/a-res-64-293/" in out
    assert "A/65/497" in out
    assert out.count("https://example.org/") >= 11


def test_bibtex_parses_with_the_right_fields(files: dict[str, str]) -> None:
    library = bibtexparser.parse_string(files["data/citations.bib"])
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert len(entries) == 11

    def fields(key: str) -> dict[str, str]:
        return {name: f.value for name, f in entries[key].fields_dict.items()}

    assert entries["a-res-64-293"].entry_type == "techreport"
    assert fields("a-res-64-293") | {"abstract": ""} == {
        "title": "{United Nations Global Plan of Action to Combat Trafficking in Persons}",
        "author": "{United Nations General Assembly}",
        "institution": "United Nations General Assembly",
        "type": "Resolution",
        "number": "A/RES/64/293",
        "year": "2010",
        "month": "jul",
        "date": "2010-07-30",
        "url": "https://example.org/resolutions/a-res-64-293/",
        "language": "english",
        "abstract": "",
        "note": "Rests on: Human Trafficking (test page) (¶3, archived)",
    }
    assert fields("e-res-2008-33")["title"] == (
        r"{Strengthening coordination \& cooperation \{against\} trafficking\_in persons}"
    )
    assert "month" not in fields("e-res-2008-33")
    assert entries["statement-2012"].entry_type == "misc"
    assert fields("statement-2012")["author"] == "Rybakov, Valentin"
    assert fields("a-65-497")["author"] == "Rybakov, Valentin and {Republic of Belarus}"
    assert fields("a-65-497")["number"] == "A/65/497"


def test_ris_parses_with_the_right_fields(files: dict[str, str]) -> None:
    entries = {entry["id"]: entry for entry in rispy.loads(files["data/citations.ris"])}
    assert len(entries) == 11
    resolution = entries["a-res-64-293"]
    assert resolution["type_of_reference"] == "RPRT"
    assert (
        resolution["title"]
        == "United Nations Global Plan of Action to Combat Trafficking in Persons"
    )
    assert resolution["issn"] == "A/RES/64/293"  # SN: the report number
    assert resolution["authors"] == ["United Nations General Assembly"]
    assert resolution["date"] == "2010/07/30/"
    assert resolution["urls"] == ["https://example.org/resolutions/a-res-64-293/"]
    assert entries["e-res-2008-33"]["date"] == "2008///"
    statement = entries["statement-2012"]
    assert statement["type_of_reference"] == "SLIDE"
    assert statement["authors"] == ["Rybakov, Valentin"]
    assert statement["secondary_title"] == "Interactive dialogue"
    report = entries["a-65-497"]
    assert report["type_of_reference"] == "RPRT"
    assert report["issn"] == "A/65/497"  # SN: the report number
    assert report["date"] == "2010/11//"


def test_records_json_expands_references(files: dict[str, str]) -> None:
    data = json.loads(files["data/records.json"])
    assert data["count"] == 11
    assert data["schema"] == "https://example.org/data/record.schema.json"
    records = {r["id"]: r for r in data["records"]}
    assert [r["type"] for r in data["records"]][:3] == ["resolution", "resolution", "statement"]
    resolution = records["a-res-64-293"]
    assert resolution["body"] == {
        "id": "un-general-assembly",
        "type": "body",
        "title": "United Nations General Assembly",
        "url": "https://example.org/bodies/un-general-assembly/",
    }
    assert resolution["sources"][0]["source"]["id"] == "mini-source"
    assert resolution["sources"][0]["paragraph"] == 3
    assert resolution["related"][0]["type"] == "event"
    assert resolution["date"] == "2010-07-30"
    assert resolution["url"] == "https://example.org/resolutions/a-res-64-293/"
    assert records["conference-2007"]["figures"][0]["cited"]["source"]["title"] == (
        "Human Trafficking (test page)"
    )


def test_records_csv(files: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(files["data/records.csv"])))
    assert len(rows) == 11
    row = next(r for r in rows if r["id"] == "a-res-64-293")
    assert row == {
        "id": "a-res-64-293",
        "type": "resolution",
        "title": "United Nations Global Plan of Action to Combat Trafficking in Persons",
        "date": "2010-07-30",
        "symbol": "A/RES/64/293",
        "other_symbols": "A/64/L.64; A/RES/64/293/Corr.1",
        "kind": "",
        "references": "body:un-general-assembly; initiators:belarus",
        "related": "conference-2007",
        "sources": "mini-source ¶3",
        "facts": "",
        "address": "",
        "summary": "The General Assembly adopted the Global Plan of Action by consensus.",
        "url": "https://example.org/resolutions/a-res-64-293/",
    }


def test_the_same_records_give_the_same_files(archive: Archive) -> None:
    first = site_files(archive, OPTIONS)
    again = site_files(archive, OPTIONS)
    assert first == again


def test_json_ld_cannot_close_its_script_element(archive: Archive) -> None:
    meta = headmeta.citation_meta(archive, archive["a-65-497"], "documents/a-65-497/", SITE)
    text = meta["tip_citation"]["jsonld"]
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["name"] == "Report of the Third Committee </script><!--"
    assert json.loads(text)["reportNumber"] == "A/65/497"
    tags = dict(meta["tip_citation"]["meta"])
    assert tags["citation_technical_report_number"] == "A/65/497"
    # Every author, as Zotero reads it: a person family name first, a body as one name.
    authors = [v for k, v in meta["tip_citation"]["meta"] if k == "citation_author"]
    assert authors == ["Rybakov, Valentin", "Republic of Belarus,"]
    assert tags["citation_date"] == "2010/11"


def test_release_goes_into_the_archive_name_not_csl_version(archive: Archive) -> None:
    # Chicago prints "version" for it (issue 16): a record is not a versioned work.
    site = SiteContext("https://example.org/", "Mini archive", release="2025.1")
    item = bibformats.csl_item(archive, archive["a-res-64-293"], site)
    assert "version" not in item
    assert item["archive"] == "Mini archive, release 2025.1"
