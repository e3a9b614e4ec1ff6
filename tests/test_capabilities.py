"""Record capabilities are typed and complete: every record type answers for every field
that holds a UN symbol, so a new type or a new symbol field fails here, in one place."""

from __future__ import annotations

from typing import Any

import pytest

from tip_archive.model.records import RECORD_TYPES, Record


def _holds_symbols(annotation: Any) -> bool:
    stack = [annotation]
    while stack:
        current = stack.pop()
        for meta in getattr(current, "__metadata__", ()):
            if getattr(getattr(meta, "func", None), "__name__", "") == "_check_symbol":
                return True
        stack.extend(getattr(current, "__args__", ()))
    return False


@pytest.mark.parametrize("kind", list(RECORD_TYPES))
def test_every_symbol_field_of_every_record_type_is_in_symbols(kind: str) -> None:
    cls: type[Record] = RECORD_TYPES[kind]
    fields = {n for n, f in cls.model_fields.items() if _holds_symbols(f.annotation)}
    values: dict[str, Any] = {}
    for number, name in enumerate(sorted(fields), 1):
        many = "list" in str(cls.model_fields[name].annotation)
        values[name] = [f"A/{number}/Add.1", f"A/{number}/Add.2"] if many else f"A/{number}"
    record = cls.model_construct(**values)
    named = {symbol.loc[0] for symbol in record.symbols()}
    assert named == fields
    assert sorted(record.all_symbols) == sorted(
        v for value in values.values() for v in (value if isinstance(value, list) else [value])
    )
    roles = [symbol.role for symbol in record.symbols()]
    assert roles == sorted(roles, key=["symbol", "draft", "other"].index)  # own symbol first


@pytest.mark.parametrize("kind", list(RECORD_TYPES))
def test_every_record_type_with_a_date_gives_it(kind: str) -> None:
    from tip_archive.model.dates import DateSpan

    cls: type[Record] = RECORD_TYPES[kind]
    span = DateSpan.parse("2009-12")
    record = cls.model_construct(date=span) if "date" in cls.model_fields else None
    if record is None:
        assert cls.model_construct().date_value is None
    else:
        assert record.date_value == span
