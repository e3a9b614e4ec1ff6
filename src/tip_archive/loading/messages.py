"""Validation errors in plain words, each saying what to do.

The model's validator (pydantic) reports errors in its own terms ("Input should
be a valid list"); :func:`plain_message` rewrites each one for a record author
("must be a list: write [a, b] or one '- item' per line (got the number 5)").
Unknown fields get a suggestion: the closest known field name, or the place
where a misplaced field belongs.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ..model.records import ID_PATTERN, RECORD_TYPES, FieldProblem, Record

#: Plain descriptions of the model's field patterns.
PATTERNS = {
    ID_PATTERN: "must be an id: lowercase letters and digits joined by single hyphens, "
    "like 'a-res-64-293'",
    r"^[A-Za-z0-9_.-]+\.txt$": "must be the name of a .txt file in data/sources/texts/, "
    "like 'mfa-human-trafficking.txt'",
    r"^https?://\S+$": "must be a web address beginning with http:// or https://",
    r"^[A-Za-z0-9.()]+$": "must be a paragraph label such as PP1 or OP2 "
    "(letters, digits, dots and brackets)",
}

_LIST_HINT = "write [a, b] or one '- item' per line"
_MAPPING_HINT = "write one 'name: value' per line, indented under the field"


def describe(value: Any) -> str:
    """What an author wrote, in words: ``the number 5``, ``a list``, ``the text 'x'``."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}" if value.strip() else "blank text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__


def plain_message(error: dict[str, Any], model: type[BaseModel]) -> tuple[tuple[Any, ...], str]:
    """The location and the author-facing message of one validation error.

    ``model`` is the record type being validated (its fields name the close ones for an
    unknown field), or any other model of a file an author writes (``releases.yaml``)."""
    kind: str = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    got = f" (got {describe(value)})"
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        allowed = ctx.get("expected")
        if allowed:
            return loc, f"{loc[-1]!r} is not an allowed key here: use {_or_list(allowed)}"
        return loc, f"{loc[-1]!r} is not an allowed key here: {_pydantic_words(error['msg'])}"
    if kind == "extra_forbidden":
        if issubclass(model, Record):
            return loc, unknown_field(model, loc)
        return loc, "unknown field: remove it"
    if kind == "missing":
        return loc, "required field is missing: add it"
    if kind == "string_type":
        if value is None:
            return loc, "is empty: write a value, or remove the field if it is optional"
        if isinstance(value, (list, dict)):
            return loc, f"must be text{got}: write a single value on the line of the field"
        return loc, f"must be text{got}: put the value in quotes"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"must be a whole number, like 64{got}"
    if kind == "list_type":
        return loc, f"must be a list: {_LIST_HINT}{got}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return loc, f"must be a mapping of fields: {_MAPPING_HINT}{got}"
    if kind == "literal_error":
        allowed = _literal_values(ctx.get("expected", ""))
        close = suggest(str(value), allowed) if isinstance(value, str) else []
        hint = f"; did you mean {_quoted(close)}?" if close else ""
        return loc, f"must be one of {_or_list(ctx.get('expected', ''))}{got}{hint}"
    if kind == "string_pattern_mismatch":
        words = PATTERNS.get(ctx.get("pattern", ""), f"must match the pattern {ctx.get('pattern')}")
        return loc, f"{words}{got}"
    if kind == "string_too_long":
        return loc, f"is too long: at most {ctx.get('max_length')} characters{got}"
    if kind == "too_short":
        return (
            loc,
            f"must have at least {ctx.get('min_length')} items (it has {ctx.get('actual_length')})",
        )
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return loc, f"must be {bound} or more{got}"
    if kind == "value_error":
        if isinstance(ctx.get("error"), FieldProblem):
            loc = (*loc, ctx["error"].field)
        return loc, str(error["msg"]).removeprefix("Value error, ")
    return loc, _pydantic_words(str(error["msg"])) + got


def _pydantic_words(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    replacements = {
        "Input should be a valid string": "must be text",
        "Input should be a valid integer": "must be a whole number",
        "Input should be a valid list": "must be a list",
        "Input should be a valid dictionary": "must be a mapping of fields",
        "Input should be": "must be",
    }
    for old, new in replacements.items():
        message = message.replace(old, new)
    return message[:1].lower() + message[1:]


def _literal_values(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def _or_list(expected: str) -> str:
    return _quoted(_literal_values(expected)) or expected


def _quoted(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else "".join(quoted)


# -- unknown fields ----------------------------------------------------------------------


def unknown_field(model: type[Record], loc: tuple[Any, ...]) -> str:
    """Message for an unknown field at ``loc``: a close name, or where the field belongs."""
    name = str(loc[-1])
    here = _model_at(model, loc[:-1])
    known = list(here.model_fields) if here is not None else []
    refused: str | None = getattr(here, "forbidden", {}).get(name)
    if refused:
        return refused
    close = suggest(name, known)
    if close:
        return f"unknown field: did you mean {_quoted(close)}?"
    # A field of this record type, written at the wrong level?
    places = sorted(
        {place for place, field in _field_places(model) if field == name},
        key=lambda p: (p.count("."), p),
    )
    if places:
        return f"unknown field here: {name!r} belongs under {_quoted(places[:2])}; move it there"
    # A field of another record type?
    if len(loc) == 1:
        others = {
            f for kind, cls in RECORD_TYPES.items() if cls is not model for f in cls.model_fields
        }
        close = [name] if name in others else suggest(name, sorted(others - set(known)))
        if close:
            owners = [k for k, cls in RECORD_TYPES.items() if close[0] in cls.model_fields]
            return (
                f"unknown field: {_article(model.label.lower())} has no {close[0]!r} field "
                f"(only {_quoted(owners)} records do); remove it"
            )
    listing = ", ".join(sorted(known))
    return f"unknown field: remove it, or use one of: {listing}"


def _article(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _model_at(model: type[BaseModel], loc: Iterable[Any]) -> type[BaseModel] | None:
    """The nested model whose fields are allowed at ``loc`` inside ``model``."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int) or part not in current.model_fields:
            continue  # a list index or a dict key: the same item model
        current = _inner_model(current.model_fields[part].annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_places(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every (container, field name) pair of nested models: ``("sources", "quote")``."""
    for name, info in model.model_fields.items():
        inner = _inner_model(info.annotation)
        if inner is None:
            continue
        place = f"{prefix}[…].{name}" if prefix else name
        for field in inner.model_fields:
            yield place, field
        if place.count(".") < 2:
            yield from _field_places(inner, place)


def _squash(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", name.lower())


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ions", "ion", "ings", "ing", "ers", "ed", "er", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def osa_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def suggest(name: str, known: Iterable[str]) -> list[str]:
    """The known names ``name`` is most likely a typo of (at most two), best first.

    Tries, in order: the same name in another case or separator style
    (``Agenda-Item``), a few typing slips (``adpoted``, ``initator``), the same
    word in another form (``adopted`` for ``adoption``), then a looser likeness.
    """
    known = [k for k in known if k != name]
    squashed = _squash(name)
    if not squashed or len(squashed) > 40:  # no field name is that long: not a typo
        return []
    same = [k for k in known if _squash(k) == squashed]
    if same:
        return same[:1]
    allowed = 1 if len(squashed) <= 4 else 2 if len(squashed) <= 8 else 3
    scored = sorted((osa_distance(squashed, _squash(k)), k) for k in known)
    best = [k for d, k in scored if d <= allowed and d == scored[0][0]]
    if best:
        return best[:2]
    # The same word in another form, possibly with a slip: adpoted → adopt ≈ adoption.
    stem = _stem(squashed)
    forms = sorted(
        (osa_distance(stem, _stem(_squash(k))), k) for k in known if len(_stem(_squash(k))) >= 4
    )
    forms = [(d, k) for d, k in forms if d <= (1 if len(stem) <= 6 else 2)]
    if forms:
        return [k for d, k in forms if d == forms[0][0]][:2]
    # Prefix of a long field name: "agenda" for "agenda_item", "draft" for "draft_symbol".
    prefixed = [k for k in known if len(squashed) >= 4 and _squash(k).startswith(squashed)]
    if len(prefixed) == 1:
        return prefixed
    return difflib.get_close_matches(name, known, n=1, cutoff=0.75)
