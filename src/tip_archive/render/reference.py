"""The "Record format" page for record authors, generated from the model itself.

Field names, types, whether they are required and their descriptions all come
from :mod:`tip_archive.model.records`, so the documentation cannot drift from
what the validator accepts.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ..i18n import N_
from ..model.records import FOLDERS, RECORD_TYPES, Evidenced, Ref
from .edition import ENGLISH, Edition
from .text import md_inline

REFERENCE_SRC = "reference/records.md"


def _type_name(annotation: Any, metadata: list[Any], ed: Edition = ENGLISH) -> str:
    _ = ed._
    refs = [m for m in metadata if isinstance(m, Ref)]
    for arg in getattr(annotation, "__metadata__", ()):
        if isinstance(arg, Ref):
            refs.append(arg)
    if refs:
        kinds = [t if ed.english else ed.type_name(t).lower() for t in refs[0].types]
        return _("id of a %(types)s") % {"types": _or(kinds, ed)}
    if any(getattr(getattr(m, "func", None), "__name__", "") == "_check_symbol" for m in metadata):
        return _("UN document symbol")
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0], list(args[1:]), ed)
    if origin in (typing.Union, types.UnionType):
        return _or([_type_name(a, [], ed) for a in args if a is not type(None)], ed)
    if origin is list:
        return _("list of %(item)s") % {"item": _type_name(args[0], [], ed)}
    if origin is dict:
        return _("mapping of %(key)s to %(value)s") % {
            "key": _type_name(args[0], [], ed),
            "value": _type_name(args[1], [], ed),
        }
    if origin is typing.Literal:
        return _("one of %(values)s") % {"values": ", ".join(f"`{a}`" for a in args)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    name = getattr(annotation, "__name__", str(annotation))
    words = {"str": N_("text"), "int": N_("integer"), "DateSpan": N_("date")}
    return _(words[name]) if name in words else name


def _or(names: list[str], ed: Edition) -> str:
    word = ed._("or")
    return f" {word} ".join(names)


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found.extend(_nested(arg))
    return found


def _words(text: str | None) -> str:
    """A docstring or a field's description on one line: the catalogue's msgid."""
    return " ".join((text or "").split())


def _described(text: str | None, ed: Edition) -> str:
    """A docstring or description in the edition's language (never the catalogue's header,
    which is what gettext gives for an empty text)."""
    words = _words(text)
    return ed._(words) if words else ""


def _table(model: type[BaseModel], ed: Edition = ENGLISH) -> list[str]:
    _ = ed._
    head = (_("Field"), _("Type"), _("Required"), _("Description"))
    rows = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    fields = list(model.model_fields.items())
    if issubclass(model, Evidenced):  # what the part says first, then what it rests on
        fields.sort(key=lambda pair: pair[0] in Evidenced.model_fields)
    for name, info in fields:
        required = _("yes") if info.is_required() else ""
        if not required and info.default not in (PydanticUndefined, None, [], {}):
            required = _("default %(value)s") % {"value": f"`{info.default}`"}
        description = _described(info.description, ed).replace("|", "\\|")
        kind = _type_name(info.annotation, info.metadata, ed)
        rows.append(f"| `{name}` | {kind} | {required} | {description} |")
    return rows


def documented_models() -> list[type[BaseModel]]:
    """The record types, then every part of records, in the order the page gives them."""
    found: dict[str, type[BaseModel]] = {}
    queue: list[type[BaseModel]] = list(RECORD_TYPES.values())
    while queue:
        model = queue.pop(0)
        if model.__name__ in found:
            continue
        found[model.__name__] = model
        for info in model.model_fields.values():
            queue.extend(_nested(info.annotation))
    return list(found.values())


def documentation() -> list[str]:
    """Every docstring and field description the page shows: the catalogue gives each its
    Russian text (``tip_archive.i18n.extract`` lists them with the interface strings)."""
    texts: dict[str, None] = {}
    for model in documented_models():
        texts[_words(model.__doc__)] = None
        for info in model.model_fields.values():
            texts[_words(info.description)] = None
    return [t for t in texts if t]


#: The Russian edition's opening of the page; the descriptions below it are the model's
#: docstrings, in Russian from the catalogue (``ru.po``, keyed by the English text).
RUSSIAN_INTRO = [
    "---",
    'title: "Формат записей"',
    "---",
    "",
    "# Формат записей",
    "",
    "Каждая запись архива — один файл YAML, `data/<папка>/<id>.yaml`. Эта страница создаётся "
    "из модели архива; из той же модели получается JSON Schema (`schema/record.schema.json` "
    "в репозитории), по которой редакторы проверяют файлы. Неизвестные поля считаются ошибкой.",
    "",
    "Даты записываются как `ГГГГ`, `ГГГГ-ММ` или `ГГГГ-ММ-ДД`, либо как период `начало/конец` "
    "(`2013-05-13/2013-05-14`), и ровно с той точностью, которую дают источники.",
    "",
    "Запись опирается на два вида свидетельств, которые не смешиваются. **Архивная цитата** "
    "(`sources`, а также `cited` в числах, прочтениях и должностях) — отрывок архивного "
    "источника, приведённый дословно и проверенный при сборке. **Открытые источники** "
    "(`facts`, а также `referenced`) указывают на [ссылку](#reference): документ ООН, "
    "пресс-релиз или страницу, с которыми сверился архив; их сведения излагаются своими "
    "словами и никогда не цитируются.",
    "",
    "Русский текст записи хранится в том же файле, рядом с английским: поле "
    "`translations.ru` и поля `ru` у цитат, чисел, прочтений, примечаний, фактов и "
    "должностей (см. [Translation](#translation)).",
    "",
]


def reference_page(ed: Edition = ENGLISH) -> str:
    """The "Record format" page of the edition ``ed``."""
    english = ed.english
    lines = [
        "---",
        'title: "Record format"',
        "---",
        "",
        "# Record format",
        "",
        "Each record is one YAML file, `data/<folder>/<id>.yaml`. This page is generated from the "
        "archive's model; the same model gives the JSON Schema (`schema/record.schema.json` in the repository) "
        "that editors use for completion and checking. Unknown fields are errors.",
        "",
        "Dates are written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or as a span `start/end` "
        "(`2013-05-13/2013-05-14`), and only as precise as the sources allow.",
        "",
        "A record rests on two kinds of evidence, kept apart. An **archived quote** "
        "(`sources`, and `cited` in figures, readings and offices) is a passage of an archived "
        "source, copied verbatim and checked by the build. The **public record** (`facts`, and "
        "`referenced` in figures, readings and offices) points to a [reference](#reference): "
        "a UN document, press release or page the archive consulted, whose facts a record "
        "states in the archive's own words and never quotes. A fact that no consulted page "
        "confirms yet is written with `unconfirmed` and the reason.",
        "",
    ]
    if not english:
        lines = list(RUSSIAN_INTRO)
    _ = ed._
    nested: dict[str, type[BaseModel]] = {}
    for kind, model in RECORD_TYPES.items():
        folder = _("Folder %(folder)s.") % {"folder": f"`data/{FOLDERS[kind]}/`"}
        lines += [
            f"## {ed.type_name(kind)} {{ #{kind} }}",
            "",
            f"{folder} {md_inline(_described(model.__doc__, ed))}",
            "",
        ]
        lines += _table(model, ed)
        lines.append("")
        for info in model.model_fields.values():
            for sub in _nested(info.annotation):
                nested.setdefault(sub.__name__, sub)
    parts = _("Parts of records")
    lines += [f"## {parts} {{ #parts-of-records }}", ""]
    queue = list(nested.values())
    while queue:
        sub = queue.pop(0)
        lines += [f"### {sub.__name__}", "", md_inline(_described(sub.__doc__, ed)), ""]
        lines += _table(sub, ed)
        lines.append("")
        for info in sub.model_fields.values():
            for inner in _nested(info.annotation):
                if inner.__name__ not in nested:
                    nested[inner.__name__] = inner
                    queue.append(inner)
    return "\n".join(lines)


def undocumented_fields() -> list[str]:
    """``Type.field`` for every field without a description (kept empty by a test)."""
    missing = []
    seen: set[type[BaseModel]] = set()
    queue: list[type[BaseModel]] = list(RECORD_TYPES.values())
    while queue:
        model = queue.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            if not info.description:
                missing.append(f"{model.__name__}.{name}")
            queue.extend(_nested(info.annotation))
    return sorted(missing)
