"""Documentation and code kept in step."""

from __future__ import annotations

import json

from conftest import ROOT
from tip_archive.model.records import RECORD_TYPES
from tip_archive.model.schema import schema_json
from tip_archive.render.reference import reference_page, undocumented_fields


def test_every_field_is_documented_for_record_authors() -> None:
    assert undocumented_fields() == []


def test_reference_page_lists_every_type_and_field() -> None:
    page = reference_page()
    for kind, model in RECORD_TYPES.items():
        assert f"## {kind.capitalize()}" in page
        for name in model.model_fields:
            assert f"| `{name}` |" in page


def test_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / "schema/record.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "run `make schema` and commit the result"


def test_schema_describes_every_record_type() -> None:
    schema = json.loads(schema_json())
    assert set(schema["$defs"]) >= {m.__name__ for m in RECORD_TYPES.values()}
