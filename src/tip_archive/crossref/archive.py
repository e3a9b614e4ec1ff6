"""The archive as a whole: every record indexed, every reference and quote checked.

:func:`build_archive` takes the loader's result and either returns an
:class:`Archive` (records by id and by symbol, backlinks, source texts) or the
complete list of problems.  Nothing here knows about pages or MkDocs.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..loading.loader import LoadedRecord, LoadResult
from ..loading.problems import Problem, field_path
from ..model.records import Citation, ParagraphRef, Record, Ref, Reference, Source
from ..model.symbols import parse_symbol
from ..model.texts import normalise

Loc = tuple[str | int, ...]


@dataclass
class Backlink:
    record: Record
    field: str
    """The field of ``record`` that points here (``related``, ``speaker``, ...)."""


@dataclass
class Use:
    """A fact, figure, reading or office of ``record`` that rests on a reference."""

    record: Record
    loc: tuple[str | int, ...]
    """Where the item is in the record: ``("facts", 0)``, ``("disagreements", 1, "readings", 0)``."""
    item: Any
    """The :class:`~tip_archive.model.records.Fact`, ``Figure``, ``Reading`` or ``Office``."""

    @property
    def kind(self) -> str:
        """``fact``, ``figure``, ``reading`` or ``office``."""
        return {"facts": "fact", "figures": "figure", "disagreements": "reading"}.get(
            str(self.loc[0]), "office"
        )


@dataclass
class Archive:
    """Every record, indexed; built once per build and read by the renderers."""

    entries: dict[str, LoadedRecord]
    texts: dict[str, list[str]]
    by_symbol: dict[str, Record] = field(default_factory=dict)
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))
    citing: dict[str, dict[int, list[Record]]] = field(default_factory=lambda: defaultdict(dict))
    """For each source, for each paragraph, the records that cite it."""
    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))
    """For each reference, every fact, figure, reading and office that rests on it."""
    _normalised: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _titles: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __getitem__(self, record_id: str) -> Record:
        return self.entries[record_id].record

    def get(self, record_id: str | None) -> Record | None:
        entry = self.entries.get(record_id or "")
        return entry.record if entry else None

    def path_of(self, record_id: str) -> str:
        return self.entries[record_id].path

    def records(self, kind: str | None = None) -> list[Record]:
        return [e.record for e in self.entries.values() if kind is None or e.record.type == kind]

    def titles(self, kind: str) -> frozenset[str]:
        """The titles of the records of type ``kind``, worked out once."""
        if kind not in self._titles:
            self._titles[kind] = frozenset(r.title for r in self.records(kind))
        return self._titles[kind]

    def paragraph(self, source_id: str, number: int) -> str:
        return self.texts[source_id][number - 1]

    def normalised(self, source_id: str) -> list[str]:
        """A source's paragraphs as quotes are compared with them, worked out once."""
        if source_id not in self._normalised:
            self._normalised[source_id] = [normalise(p) for p in self.texts[source_id]]
        return self._normalised[source_id]


def iter_refs(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, Ref]]:
    """Every reference to another record inside ``model``, with its location and kind."""
    for name, marker in _ref_fields(type(model)):
        yield from _walk_value(getattr(model, name), (*loc, name), marker)


@functools.cache
def _ref_fields(cls: type[BaseModel]) -> tuple[tuple[str, Ref | None], ...]:
    """The fields of ``cls`` that can hold a reference, each with its marker.

    Worked out once per model class: reflecting on every field of every record
    cost more than the checks themselves at 10,000 records.
    """
    found = []
    for name, info in cls.model_fields.items():
        metadata = _metadata(info.annotation, info.metadata)
        marker = next((m for m in metadata if isinstance(m, Ref)), None)
        if marker is not None or _holds_models(info.annotation):
            found.append((name, marker))
    return tuple(found)


@functools.cache
def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that can hold nested models (citations, paragraph refs)."""
    return tuple(n for n, info in cls.model_fields.items() if _holds_models(info.annotation))


def _holds_models(annotation: Any) -> bool:
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return True
        stack.extend(getattr(current, "__args__", ()))
    return False


def _metadata(annotation: Any, metadata: list[Any]) -> list[Any]:
    found = list(metadata)
    stack = [annotation]
    while stack:
        current = stack.pop()
        found.extend(getattr(current, "__metadata__", ()))
        stack.extend(getattr(current, "__args__", ()))
    return found


def _walk_value(value: Any, loc: Loc, marker: Ref | None) -> Iterator[tuple[Loc, str, Ref]]:
    if isinstance(value, BaseModel):
        yield from iter_refs(value, loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_value(item, (*loc, index), marker)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, (*loc, key), None)
    elif isinstance(value, str) and marker is not None:
        yield loc, value, marker


def iter_models(
    model: BaseModel, kind: type[BaseModel], loc: Loc = ()
) -> Iterator[tuple[Loc, Any]]:
    """Every nested model of type ``kind`` inside ``model`` (citations, paragraph refs)."""
    for name in _model_fields(type(model)):
        stack: list[tuple[Loc, Any]] = [((*loc, name), getattr(model, name))]
        while stack:
            where, value = stack.pop()
            if isinstance(value, kind):
                yield where, value
            elif isinstance(value, BaseModel):
                yield from iter_models(value, kind, where)
            elif isinstance(value, list):
                stack.extend(reversed([((*where, i), v) for i, v in enumerate(value)]))
            elif isinstance(value, dict):
                stack.extend(reversed([((*where, k), v) for k, v in value.items()]))


def build_archive(loaded: LoadResult) -> tuple[Archive, list[Problem]]:
    """Index the loaded records and check everything that spans more than one file."""
    problems = list(loaded.problems)
    entries: dict[str, LoadedRecord] = {}
    for entry in loaded.records:
        record = entry.record
        if record.id in entries:
            other = entries[record.id].path
            problems.append(
                Problem(
                    entry.path,
                    entry.line("id"),
                    "id",
                    f"{record.id!r} is also the id of {other}: ids are unique across the "
                    "archive; rename one record (its id and file)",
                )
            )
            continue
        entries[record.id] = entry
    archive = Archive(entries, loaded.texts)

    symbol_owner: dict[str, LoadedRecord] = {}
    for entry in entries.values():
        record = entry.record
        if isinstance(record, Reference):
            continue  # a reference names a document; the document's record owns the symbol
        for loc, symbol in _symbols(record):
            key = str(parse_symbol(symbol))
            if key in symbol_owner and symbol_owner[key] is not entry:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc),
                        field_path(loc),
                        f"{key} is also the symbol of {symbol_owner[key].path}: "
                        "a document has one record; merge the two or correct the symbol",
                    )
                )
                continue
            symbol_owner[key] = entry
            archive.by_symbol[key] = record

    for entry in entries.values():
        problems.extend(_check_entry(archive, entry, loaded.unreadable))
    return archive, problems


def _symbols(record: Record) -> Iterator[tuple[Loc, str]]:
    for symbol in record.symbols():
        yield symbol.loc, symbol.value


def _check_entry(archive: Archive, entry: LoadedRecord, unreadable: set[str]) -> list[Problem]:
    record = entry.record
    problems: list[Problem] = []

    def problem(loc: Loc, message: str) -> None:
        problems.append(Problem(entry.path, entry.line(*loc), field_path(loc), message))

    seen: set[tuple[str, str]] = set()
    for loc, target_id, marker in iter_refs(record):
        target = archive.get(target_id)
        if target is None and target_id in unreadable:
            continue  # its file's own problems are reported; one report is enough
        if target is None:
            problem(loc, _missing(archive, target_id, marker))
        elif target.type not in marker.types:
            wanted = " or ".join(marker.types)
            problem(
                loc, f"{target_id!r} is a {target.type}, not a {wanted}: give the id of a {wanted}"
            )
        elif target_id == record.id:
            problem(loc, "a record cannot refer to itself")
        elif marker.types == ("reference",):
            item_loc = _item_loc(loc)
            archive.uses[target_id].append(Use(record, item_loc, _item_at(record, item_loc)))
        elif loc[-1] != "source" and (target_id, str(loc[0])) not in seen:
            seen.add((target_id, str(loc[0])))
            archive.backlinks[target_id].append(Backlink(record, str(loc[0])))

    for loc, cited in iter_models(record, Citation):
        _check_citation(archive, record, loc, cited, problem)
    for loc, para in iter_models(record, ParagraphRef):
        texts = archive.texts.get(para.source)
        if texts is not None and not 1 <= para.paragraph <= len(texts):
            problem(
                (*loc, "paragraph"),
                _no_paragraph(para.source, para.paragraph, len(texts)),
            )
        elif texts is not None:
            _mark_cited(archive, para.source, para.paragraph, record)

    if (
        type(record).needs_sources
        and not record.sources
        and not any(f.reference for f in record.facts)
    ):
        problem(
            ("sources",),
            "a record needs at least one source passage (under 'sources') or a fact "
            "from a reference (under 'facts', with 'reference'): add what it rests on",
        )
    if isinstance(record, Source) and record.id in archive.texts:
        texts = archive.texts[record.id]
        for number in record.uncited:
            if not 1 <= number <= len(texts):
                problem(
                    ("uncited", number),
                    _no_paragraph(record.id, number, len(texts)),
                )
    return problems


def _item_loc(loc: Loc) -> Loc:
    """The location of the fact, figure, reading or office that holds a reference."""
    end = len(loc)
    while end and loc[end - 1] in ("reference", "referenced"):
        end -= 1
    return loc[:end]


def _item_at(record: Record, loc: Loc) -> Any:
    value: Any = record
    for part in loc:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def _no_paragraph(source: str, number: int, count: int) -> str:
    return (
        f"source {source} has no ¶{number} (it has {count}): "
        "use a ¶ number shown on the source's page"
    )


def _missing(archive: Archive, target_id: str, marker: Ref) -> str:
    """No record has this id: suggest the closest id of the right type."""
    from ..loading.messages import suggest

    wanted = [r.id for r in archive.records() if r.type in marker.types]
    close = suggest(target_id, wanted)
    hint = (
        f": did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else (f": add a {' or '.join(marker.types)} record with this id, or correct the id")
    )
    return f"no record with id {target_id!r}{hint}"


def _check_citation(
    archive: Archive, record: Record, loc: Loc, cited: Citation, problem: Any
) -> None:
    texts = archive.texts.get(cited.source)
    if texts is None:
        return  # a missing or wrong-typed source is reported as a reference
    if not 1 <= cited.paragraph <= len(texts):
        problem(
            (*loc, "paragraph"),
            _no_paragraph(cited.source, cited.paragraph, len(texts)),
        )
        return
    quote, paragraphs = normalise(cited.quote), archive.normalised(cited.source)
    if quote not in paragraphs[cited.paragraph - 1]:
        where = [n for n, text in enumerate(paragraphs, 1) if quote in text]
        hint = f" (it is in ¶{where[0]})" if where else ""
        fix = (
            f"{hint}: change the paragraph"
            if where
            else (": copy the passage verbatim from the source text")
        )
        problem((*loc, "quote"), f"not found in source {cited.source} ¶{cited.paragraph}{fix}")
        return
    _mark_cited(archive, cited.source, cited.paragraph, record)


def _mark_cited(archive: Archive, source: str, paragraph: int, record: Record) -> None:
    citing = archive.citing[source].setdefault(paragraph, [])
    # A record's references are checked one after another, so a repeat is the last one
    # (comparing pydantic models with ``in`` compared every field of every citing record).
    if not citing or citing[-1] is not record:
        citing.append(record)
