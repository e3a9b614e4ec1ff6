"""The JSON Schema of record files, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .records import RECORD_TYPES

SCHEMA_ID = "https://tip-archive.invalid/schema/record.schema.json"


def record_schema() -> dict[str, Any]:
    """One schema for any record file: the ``type`` field selects the record type."""
    from typing import Annotated, Union

    from pydantic import Field

    union = Annotated[Union[tuple(RECORD_TYPES.values())], Field(discriminator="type")]  # type: ignore[valid-type]  # noqa: UP007
    adapter: TypeAdapter[Any] = TypeAdapter(union)  # type: ignore[arg-type]
    schema = adapter.json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "A record of the trafficking-in-persons archive"
    schema["description"] = (
        "One YAML file per record, in data/<type folder>/<id>.yaml. "
        "Generated from tip_archive.model.records; do not edit."
    )
    return schema


def schema_json() -> str:
    return json.dumps(record_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
