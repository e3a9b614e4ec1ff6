"""Load every record file under ``data/`` into validated records.

Each file is read, parsed and validated on its own; every problem is collected
with its file, line and field, and reported once at the end by the caller.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model.records import FOLDERS, RECORD_TYPES, Record, Source
from ..model.texts import split_paragraphs
from .problems import Problem, field_path
from .yamlfile import MAX_FILE_BYTES, LoadedYaml, YamlProblem, decode, load_yaml

TEXTS_FOLDER = "sources/texts"


@dataclass
class LoadedRecord:
    record: Record
    path: str
    """Path of the YAML file relative to the project (``data/resolutions/x.yaml``)."""
    yaml: LoadedYaml

    def line(self, *loc: str | int) -> int:
        return self.yaml.line_of(loc)


@dataclass
class LoadResult:
    records: list[LoadedRecord] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)
    """Paragraphs of each source's archived text, by source id."""
    problems: list[Problem] = field(default_factory=list)
    fingerprint: list[tuple[str, bytes | None]] = field(default_factory=list)
    """Every file read, with a digest of its bytes: equal fingerprints, equal results."""


ReadResult = tuple[LoadedRecord | None, list[Problem]]

#: What reading each record file gave, by data folder and file, with the digest of the
#: bytes read: ``mkdocs serve`` re-reads only the files that changed, and a build
#: validates before MkDocs starts and then reads the same files again for free.
_READ: dict[tuple[Path, Path], dict[tuple[str, str], tuple[bytes, ReadResult]]] = {}


def _message(error: dict[str, Any], model: type[Record], data: dict[str, Any]) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        known = _known_fields(model, loc[:-1], data)
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = (
            f"; did you mean '{close[0]}'?"
            if close
            else f"; known fields: {', '.join(sorted(known))}"
        )
        return f"unknown field{hint}"
    if kind == "missing":
        return "required field is missing"
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind == "literal_error":
        return f"{message[0].lower()}{message[1:]} (got {error.get('input')!r})"
    return message[0].lower() + message[1:] if message else kind


def _known_fields(model: type[Record], loc: tuple[Any, ...], data: dict[str, Any]) -> list[str]:
    """The field names allowed at ``loc`` inside a record of ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        current = _inner_model(info.annotation) if info else None
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def read_record(
    path: Path, rel: str, folder_type: str | None, raw: bytes | None = None
) -> ReadResult:
    """Read and validate one record file; return the record or its problems."""
    try:
        loaded = load_yaml(path.read_bytes() if raw is None else raw)
    except YamlProblem as exc:
        return None, [Problem(rel, exc.line, exc.field, exc.message)]
    data = loaded.data
    kind = data.get("type")
    if kind not in RECORD_TYPES:
        expected = folder_type or "one of " + ", ".join(RECORD_TYPES)
        got = "missing" if kind is None else repr(kind)
        return None, [
            Problem(rel, loaded.line_of(("type",)), "type", f"is {got}; expected {expected}")
        ]
    problems: list[Problem] = []
    if folder_type and kind != folder_type:
        problems.append(
            Problem(
                rel,
                loaded.line_of(("type",)),
                "type",
                f"is {kind!r} but the file is in data/{FOLDERS[folder_type]}/: "
                f"move it to data/{FOLDERS[kind]}/ or fix the type",
            )
        )
    model = RECORD_TYPES[kind]
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(
                p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
            )
            problems.append(
                Problem(
                    rel, loaded.line_of(loc), field_path(loc), _message(dict(error), model, data)
                )
            )
        return None, problems
    if record.id != path.stem:
        problems.append(
            Problem(
                rel,
                loaded.line_of(("id",)),
                "id",
                f"{record.id!r} does not match the file name {path.stem!r}",
            )
        )
    symbol = record.symbol_value
    if symbol and kind != "source":
        from ..model.symbols import parse_symbol

        slug = parse_symbol(symbol).slug
        if record.id != slug:
            problems.append(
                Problem(
                    rel,
                    loaded.line_of(("id",)),
                    "id",
                    f"a record with symbol {symbol} must have id {slug!r}",
                )
            )
    if problems:
        return None, problems
    return LoadedRecord(record, rel, loaded), []


def load_data(data_dir: Path, root: Path | None = None) -> LoadResult:
    """Read every record under ``data_dir``; collect, never raise, problems."""
    root = root or data_dir.parent
    result = LoadResult()
    if not data_dir.is_dir():
        result.problems.append(Problem(str(data_dir), 0, "", "data folder not found"))
        return result
    by_folder = {folder: kind for kind, folder in FOLDERS.items()}
    cache_key = (data_dir.resolve(), root.resolve())
    previous, cache = _READ.get(cache_key, {}), {}
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = _relative(path, root)
        result.fingerprint.append((rel, None))
        parts = path.relative_to(data_dir).parts
        if parts[:2] == tuple(TEXTS_FOLDER.split("/")):
            continue
        if path.suffix == ".yml":
            result.problems.append(Problem(rel, 0, "", "record files end in .yaml: rename it"))
            continue
        if path.suffix != ".yaml":
            continue
        folder_type = by_folder.get(parts[0]) if len(parts) == 2 else None
        if folder_type is None:
            result.problems.append(
                Problem(
                    rel, 0, "", f"not in a record folder: put it in data/<{'|'.join(by_folder)}>/"
                )
            )
            continue
        raw = path.read_bytes()
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        result.fingerprint.append((rel, digest))
        hit = previous.get((rel, folder_type))
        loaded, problems = (
            hit[1] if hit and hit[0] == digest else read_record(path, rel, folder_type, raw)
        )
        cache[(rel, folder_type)] = (digest, (loaded, problems))
        result.problems.extend(problems)
        if loaded:
            result.records.append(loaded)
            if isinstance(loaded.record, Source):
                _read_text(data_dir, loaded, result)
    _READ[cache_key] = cache
    return result


def _read_text(data_dir: Path, loaded: LoadedRecord, result: LoadResult) -> None:
    record = loaded.record
    assert isinstance(record, Source)
    path = data_dir / TEXTS_FOLDER / record.text_file
    try:
        raw = path.read_bytes()
        result.fingerprint.append((path.as_posix(), hashlib.blake2b(raw, digest_size=16).digest()))
        text = decode(raw)
    except FileNotFoundError:
        result.fingerprint.append((path.as_posix(), None))
        result.problems.append(
            Problem(
                loaded.path,
                loaded.line("text_file"),
                "text_file",
                f"no file data/{TEXTS_FOLDER}/{record.text_file}",
            )
        )
        return
    except YamlProblem as exc:
        result.problems.append(
            Problem(loaded.path, loaded.line("text_file"), "text_file", exc.message)
        )
        return
    result.texts[record.id] = split_paragraphs(text)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


__all__ = ["LoadResult", "LoadedRecord", "MAX_FILE_BYTES", "load_data", "read_record"]
