"""Load every record file under ``data/`` into validated records.

Each file is read, parsed and validated on its own; every problem is collected
with its file, line and field, and reported once at the end by the caller.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model.records import FOLDERS, ID_PATTERN, RECORD_TYPES, Record, Source
from ..model.symbols import parse_symbol
from ..model.texts import split_paragraphs
from .messages import describe, plain_message, suggest
from .problems import Problem, field_path
from .yamlfile import (
    MAX_FILE_BYTES,
    LoadedYaml,
    YamlProblem,
    YamlProblems,
    decode,
    load_yaml,
    read_limited,
)

TEXTS_FOLDER = "sources/texts"
#: Problems listed for one file; a file with more (a paste gone wrong) gets a count of the rest.
MAX_PROBLEMS_PER_FILE = 30


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
    unreadable: set[str] = field(default_factory=set)
    """Ids of records whose files have problems: references to them are not reported again."""
    fingerprint: list[tuple[str, bytes | None]] = field(default_factory=list)
    """Every file read, with a digest of its bytes: equal fingerprints, equal results."""


ReadResult = tuple[LoadedRecord | None, list[Problem]]


@dataclass
class ReadCache:
    """What reading gave, kept by a builder (part of ``pipeline.cache.BuildCache``) from one
    load of a data folder to the next: ``mkdocs serve`` re-reads only the files that changed."""

    files: dict[tuple[Path, Path], dict[tuple[str, str], tuple[bytes, ReadResult, Stamp]]] = field(
        default_factory=dict
    )
    """What reading each record file gave, by data folder and file, with the digest of its
    bytes and the file's :func:`stamp` when it was read."""
    tags: dict[str, str] = field(default_factory=dict)
    """The implicit YAML tag of plain scalars, by value (field names and values repeat)."""


#: What the file system says of a file: modified, changed, size, inode (``None``: not to be
#: trusted, the file was written too shortly before it was read).
Stamp = tuple[int, int, int, int] | None
#: A file written less than this before it was read may be written again within the same
#: tick of the file system's clock, and keep its stamp: such a file is read again next time.
SETTLED_NS = 2_000_000_000


def _fields(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)


def stamp(status: os.stat_result, read_ns: int) -> Stamp:
    """The stamp of a file with ``status`` read at ``read_ns`` (``time.time_ns()``)."""
    if max(status.st_mtime_ns, status.st_ctime_ns) > read_ns - SETTLED_NS:
        return None
    return _fields(status)


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def read_record(
    path: Path, rel: str, folder_type: str | None
) -> tuple[LoadedRecord | None, list[Problem]]:
    """Read and validate one record file; return the record or its problems."""
    try:
        raw = read_limited(path)
    except YamlProblem as exc:
        return None, [Problem(rel, exc.line, exc.field, exc.message)]
    return parse_record(raw, path.name, rel, folder_type)


def parse_record(
    raw: bytes, name: str, rel: str, folder_type: str | None, tags: dict[str, str] | None = None
) -> tuple[LoadedRecord | None, list[Problem]]:
    """Validate the bytes of a record file called ``name``; the record or its problems."""
    stem = name.removesuffix(".yaml")
    try:
        loaded = load_yaml(raw, tags)
    except YamlProblems as exc:
        return None, _capped(rel, [Problem(rel, p.line, p.field, p.message) for p in exc.problems])
    data = loaded.data
    problems = [Problem(rel, w.line, w.field, w.message) for w in loaded.warnings]
    kind = _record_type(data, folder_type, rel, loaded, problems)
    if kind is None:
        return None, problems
    record_id = data.get("id")
    if isinstance(record_id, str) and re.fullmatch(ID_PATTERN, record_id) and record_id != stem:
        problems.append(
            Problem(
                rel,
                loaded.line_of(("id",)),
                "id",
                f"{record_id!r} does not match the file name {name!r}: "
                f"rename the file to {record_id}.yaml or change the id to {stem!r}",
            )
        )
    model = RECORD_TYPES[kind]
    try:
        record = model.model_validate(data | {"type": kind})
    except ValidationError as exc:
        errors = exc.errors()
        for error in errors[:MAX_PROBLEMS_PER_FILE]:  # words for each cost time: not 10,000
            loc, message = plain_message(dict(error), model)
            loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
            problems.append(Problem(rel, loaded.line_of(loc), field_path(loc), message))
        for error in errors[MAX_PROBLEMS_PER_FILE:]:
            problems.append(Problem(rel, loaded.line_of(tuple(error["loc"])), "", ""))
        return None, _capped(rel, problems)
    symbol = record.symbol_value
    # A reference is named by its publisher (un-a-71-119), never by a record's slug.
    if symbol and kind not in ("source", "reference"):
        slug = parse_symbol(symbol).slug
        if record.id != slug:
            problems.append(
                Problem(
                    rel,
                    loaded.line_of(("id",)),
                    "id",
                    f"a record with symbol {symbol} must have id {slug!r}: "
                    f"change the id and name the file {slug}.yaml",
                )
            )
    if problems:
        return None, problems
    return LoadedRecord(record, rel, loaded), []


def _capped(rel: str, problems: list[Problem]) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS_PER_FILE` problems of one file, then how many more."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    shown = sorted(problems, key=lambda p: (not p.message, p.line))[:MAX_PROBLEMS_PER_FILE]
    more = len(problems) - len(shown)
    last = max(p.line for p in problems)
    return [
        *shown,
        Problem(
            rel,
            last,
            "",
            f"and {more} more problems in this file: fix these, then run again",
            stands_for=more,
        ),
    ]


def _record_type(
    data: dict[str, Any],
    folder_type: str | None,
    rel: str,
    loaded: LoadedYaml,
    problems: list[Problem],
) -> str | None:
    """The type to validate the record as; a problem is added when ``type`` is wrong."""
    written = data.get("type")
    kind = written if isinstance(written, str) else None
    line = loaded.line_of(("type",))
    if folder_type and kind == folder_type:
        return folder_type
    if kind in RECORD_TYPES and folder_type:
        problems.append(
            Problem(
                rel,
                line,
                "type",
                f"is {kind!r} but the file is in data/{FOLDERS[folder_type]}/: "
                f"move it to data/{FOLDERS[str(kind)]}/ or write 'type: {folder_type}'",
            )
        )
        return str(kind)
    if kind in RECORD_TYPES:
        return str(kind)
    if "type" not in data:
        fix = f"add 'type: {folder_type}'" if folder_type else "add it"
        problems.append(Problem(rel, line, "type", f"required field is missing: {fix}"))
    else:
        close = suggest(kind, list(RECORD_TYPES)) if kind else []
        hint = f"write 'type: {folder_type}'" if folder_type else f"did you mean '{close[0]}'?"
        if not folder_type and not close:
            hint = "use one of " + ", ".join(RECORD_TYPES)
        problems.append(
            Problem(rel, line, "type", f"{describe(written)} is not a record type: {hint}")
        )
    # Check the rest of the record as the type its folder says, to report everything at once.
    return folder_type


def load_data(
    data_dir: Path, root: Path | None = None, cache: ReadCache | None = None
) -> LoadResult:
    """Read every record under ``data_dir``; collect, never raise, problems.

    With a ``cache`` (a builder's), files whose bytes did not change since its last load
    of the folder are not parsed again."""
    cache_of = cache or ReadCache()
    root = root or data_dir.parent
    result = LoadResult()
    if not data_dir.is_dir():
        what = "is a file, not a folder" if data_dir.is_file() else "no such folder"
        result.problems.append(
            Problem(
                _relative(data_dir, root),
                0,
                "",
                f"{what}: give the folder of the records (--data, or data_dir in mkdocs.yml)",
            )
        )
        return result
    by_folder = {folder: kind for kind, folder in FOLDERS.items()}
    cache_key = (data_dir.resolve(), root.resolve())
    previous, kept = cache_of.files.get(cache_key, {}), {}
    inside = data_dir.resolve()
    refused: list[Path] = []  # folders reported as a whole: what they hold is not
    for path in sorted(data_dir.rglob("*")):
        if path.name.startswith(".") or any(f in path.parents for f in refused):
            continue
        rel = _relative(path, root)
        parts = path.relative_to(data_dir).parts
        in_texts = parts[:2] == tuple(TEXTS_FOLDER.split("/"))
        outside = None if in_texts else _link_outside(path, inside)  # texts: see _read_text
        if outside:
            result.fingerprint.append((rel, outside.encode()))
            result.problems.append(Problem(rel, 1, "", outside))
            result.unreadable.add(path.stem)
            continue
        if path.is_dir():
            if path.suffix in (".yaml", ".yml") and len(parts) == 2:
                result.problems.append(
                    Problem(
                        rel,
                        1,
                        "",
                        "is a folder, not a record file: a record is one .yaml file; "
                        "rename or remove the folder",
                    )
                )
                refused.append(path)
                result.unreadable.add(path.stem)
            continue
        result.fingerprint.append((rel, None))
        if in_texts:
            continue
        if path.suffix == ".yml":
            result.problems.append(
                Problem(rel, 1, "", f"record files end in .yaml: rename it to {path.stem}.yaml")
            )
            continue
        if path.suffix != ".yaml":
            continue
        folder_type = by_folder.get(parts[0]) if len(parts) == 2 else None
        if folder_type is None:
            result.problems.append(
                Problem(
                    rel, 1, "", f"not in a record folder: put it in data/<{'|'.join(by_folder)}>/"
                )
            )
            continue
        # A file whose stamp is the one it had when last read is not read again (a serve
        # rebuild at 10,000 records read 10,000 files for the one saved).
        hit = previous.get((rel, folder_type))
        status = _status(path)  # ``None`` for a link: its target's changes are not its own
        if hit is not None and status is not None and hit[2] == _fields(status):
            loaded, problems = hit[1]
            result.fingerprint.append((rel, hit[0]))
            kept[(rel, folder_type)] = hit
            _add(result, path, loaded, problems, data_dir)
            continue
        read_ns = time.time_ns()
        try:
            raw = read_limited(path)
        except YamlProblem as exc:
            loaded, problems = None, [Problem(rel, exc.line, exc.field, exc.message)]
            result.fingerprint.append((rel, f"{exc.message}{_size(path)}".encode()))
        else:
            digest = _digest(raw)
            result.fingerprint.append((rel, digest))
            loaded, problems = (
                hit[1]
                if hit and hit[0] == digest
                else parse_record(raw, path.name, rel, folder_type, cache_of.tags)
            )
            kept[(rel, folder_type)] = (
                digest,
                (loaded, problems),
                None if status is None else stamp(status, read_ns),
            )
        _add(result, path, loaded, problems, data_dir)
    cache_of.files[cache_key] = kept
    return result


def _status(path: Path) -> os.stat_result | None:
    """The file's own status (one ``lstat``), or ``None`` for a link or an unreadable one."""
    try:
        status = path.lstat()
    except OSError:
        return None
    return None if stat.S_ISLNK(status.st_mode) else status


def _add(
    result: LoadResult,
    path: Path,
    loaded: LoadedRecord | None,
    problems: list[Problem],
    data_dir: Path,
) -> None:
    """What reading one record file gave, added to ``result``."""
    result.problems.extend(problems)
    if problems:
        result.unreadable.add(path.stem)
    if loaded:
        result.records.append(loaded)
        if isinstance(loaded.record, Source):
            _read_text(data_dir, loaded, result)


def _read_text(data_dir: Path, loaded: LoadedRecord, result: LoadResult) -> None:
    record = loaded.record
    assert isinstance(record, Source)
    path = data_dir / TEXTS_FOLDER / record.text_file
    where = f"data/{TEXTS_FOLDER}/{record.text_file}"
    try:
        outside = _link_outside(path, data_dir.resolve())
        if outside:
            raise YamlProblem(1, outside)
        raw = read_limited(path, "text")
        result.fingerprint.append((path.as_posix(), _digest(raw)))
        text = decode(raw).replace("\r\n", "\n")
        if not text.strip():
            raise YamlProblem(1, "file is empty: paste the source's full text into it, as archived")
    except FileNotFoundError:
        result.fingerprint.append((path.as_posix(), None))
        result.problems.append(
            Problem(
                loaded.path,
                loaded.line("text_file"),
                "text_file",
                f"no file data/{TEXTS_FOLDER}/{record.text_file}: add the text there "
                "or correct the file name",
            )
        )
        return
    except YamlProblem as exc:
        result.fingerprint.append((path.as_posix(), f"{exc.message}{_size(path)}".encode()))
        line = f" line {exc.line}" if exc.line > 1 else ""
        result.problems.append(
            Problem(
                loaded.path, loaded.line("text_file"), "text_file", f"{where}{line}: {exc.message}"
            )
        )
        result.unreadable.add(record.id)
        return
    result.texts[record.id] = split_paragraphs(text)


def _link_outside(path: Path, inside: Path) -> str | None:
    """The problem with ``path`` if it is a symbolic link leading out of the data folder."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if target == inside or inside in target.parents:
        return None  # a link within data/ is the author's own business
    return (
        f"is a symbolic link to {target}, outside the data folder: put the file itself "
        "in data/ (the archive holds its records and texts; a link is not archived)"
    )


def _size(path: Path) -> str:
    try:
        return f" {path.stat().st_size} {path.stat().st_mtime_ns}"
    except OSError:
        return ""


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


__all__ = [
    "LoadResult",
    "LoadedRecord",
    "MAX_FILE_BYTES",
    "ReadCache",
    "load_data",
    "parse_record",
    "read_record",
]
