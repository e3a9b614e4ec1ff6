"""Safe, strict YAML reading that remembers the line of every field.

LibYAML's ``CSafeLoader`` is used when present (about ten times faster than the
pure-Python loader).  Only plain data is accepted: text, numbers, yes/no, lists
and mappings.  Refused, each with the line and what to do: files over
:data:`MAX_FILE_BYTES`, a file that cannot be read (permissions), text that is not
UTF-8 (a byte-order mark is accepted, and skipped, as are Windows line endings), tabs in indentation, anchors and aliases (which also rules out "billion laughs"
alias bombs: they are refused from the event stream, before anything is built),
tags (``!!python/object`` and the like), nesting deeper than :data:`MAX_DEPTH`,
a field written twice in one mapping, and more than one document in a file.
Dates stay strings so that their precision survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml

from .problems import field_path

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - LibYAML missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Largest record or source text file accepted, in bytes (1 MB; the longest seed is 14 kB).
MAX_FILE_BYTES = 1_000_000
#: Deepest nesting of mappings and lists accepted in a record (records need 5).
MAX_DEPTH = 20

Path = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
#: The only node types a record may hold: plain data.
ALLOWED_TAGS = frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))
# Resolved implicitly by YAML 1.1 but not data: timestamps (dates must keep their
# precision), "=" (the value key) and "<<" (merge keys, which need aliases anyway).
_NOT_IMPLICIT = {_YAML + "timestamp", _YAML + "value", _YAML + "merge"}


class RecordLoader(_BaseLoader):
    """Safe loader that keeps dates as strings (``2009-05`` and ``2009-05-01`` alike).

    ``tags`` remembers the implicit tag of plain scalars already resolved, by value: a
    builder passes the same dictionary to every file it reads (see ``ReadCache``).
    """

    def __init__(self, text: str, tags: dict[str, str] | None = None) -> None:
        super().__init__(text)
        self.tags: dict[str, str] = {} if tags is None else tags

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # LibYAML asks this (pure Python) method for the tag of every scalar; field names
        # and many values repeat from record to record, so remember the answers.
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            tags = self.tags
            tag = tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                if len(value) <= 40 and len(tags) < 50_000:
                    tags[value] = tag
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _NOT_IMPLICIT]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class YamlProblem(Exception):
    """One problem in a file, with its line (1-based) and field path (may be empty)."""

    def __init__(self, line: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


class YamlProblems(Exception):
    """Every problem that keeps a file from being read, in file order."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass
class LoadedYaml:
    data: dict[str, Any]
    lines: dict[Path, int] = field(default_factory=dict)
    warnings: list[YamlProblem] = field(default_factory=list)
    """Problems that do not stop the record being read (a field written twice)."""

    def line_of(self, path: Path) -> int:
        """The line of the deepest known field on ``path`` (the record's first line at worst)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def read_limited(path: FilePath, what: str = "record") -> bytes:
    """The bytes of ``path``, refusing (without reading it all) a file over the limit.

    A file that cannot be read is a :class:`YamlProblem`; a missing one, ``FileNotFoundError``."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise YamlProblem(
            1,
            "cannot be read (permission denied): let your user read it "
            f"(chmod a+r {path.name}) or copy it into place again",
        ) from None
    except IsADirectoryError:
        raise YamlProblem(1, "is a folder, not a file: rename or remove the folder") from None
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise YamlProblem(1, f"cannot be read ({exc.strerror}): check the file") from None
    if len(raw) > MAX_FILE_BYTES:
        size = path.stat().st_size
        advice = {
            "text": "split the source into parts",
            "record": "move long passages into an archived source, or split the record",
        }.get(what, "it should be a few kB: check what was written into it")
        raise YamlProblem(
            1,
            f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes "
            f"(MAX_FILE_BYTES): {advice}",
        )
    return raw


def decode(raw: bytes) -> str:
    """UTF-8 text (a leading byte-order mark dropped), or a :class:`YamlProblem` saying how
    to save it."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            1,
            f"file is {len(raw):,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes "
            "(MAX_FILE_BYTES): split it",
        )
    try:
        return raw.decode("utf-8-sig")  # Windows Notepad's "UTF-8 with BOM" is UTF-8 too
    except UnicodeDecodeError as exc:
        body = exc.object  # without the byte-order mark, which the offsets leave out
        line = body[: exc.start].count(b"\n") + 1
        byte = body[exc.start]
        raise YamlProblem(
            line,
            f"file is not valid UTF-8 (byte 0x{byte:02x} on this line): "
            "save it with the UTF-8 encoding",
        ) from None


# What YAML accepts in a stream (YAML 1.1, as PyYAML's reader checks it).
_NOT_PRINTABLE = re.compile(
    r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _check_characters(text: str) -> None:
    found = _NOT_PRINTABLE.search(text)
    if found:
        line = text[: found.start()].count("\n") + 1
        raise YamlProblems(
            [
                YamlProblem(
                    line,
                    f"the control character U+{ord(found.group()):04X} is not allowed in a "
                    "record: delete it (it is often invisible; retype the line)",
                )
            ]
        )


_TAB_INDENT = re.compile(r"^[ \t]*\t", re.MULTILINE)


def _check_tabs(text: str) -> None:
    if not _TAB_INDENT.search(text):
        return
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlProblems(
                [YamlProblem(number, "tab used for indentation: indent with spaces")]
            )


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag


def _key_name(key: yaml.Node) -> str | int:
    if not isinstance(key, yaml.ScalarNode):
        return f"<line {key.start_mark.line + 1}>"
    if key.tag == _YAML + "int":
        try:
            return int(key.value.replace("_", ""), 0)
        except ValueError:
            return str(key.value)
    return str(key.value)


class _Walker:
    """Records the line of every field; collects tags and repeated fields on the way."""

    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self.fatal: list[YamlProblem] = []
        self.warnings: list[YamlProblem] = []

    def walk(self, node: yaml.Node, path: Path, depth: int) -> None:
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise YamlProblems(
                [
                    YamlProblem(
                        line,
                        f"nested deeper than {MAX_DEPTH} levels: records are flat "
                        "mappings with short lists; flatten this value",
                        field_path(path[:1]),
                    )
                ]
            )
        self.lines[path] = line
        if node.tag not in ALLOWED_TAGS:
            self.fatal.append(
                YamlProblem(
                    line,
                    f"the tag {_shown_tag(node.tag)} is not allowed: records hold plain text, "
                    "numbers, lists and mappings; remove the tag",
                    field_path(path),
                )
            )
            return
        if isinstance(node, yaml.MappingNode):
            seen: dict[str | int, int] = {}
            for key, value in node.value:
                name = _key_name(key)
                key_line = self._key(seen, name, key, path)
                self.walk(value, (*path, name), depth + 1)
                self.lines[(*path, name)] = key_line
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, (*path, index), depth + 1)

    def _key(self, seen: dict[str | int, int], name: str | int, key: yaml.Node, path: Path) -> int:
        """Record a mapping key's line; a key written twice is a problem (YAML keeps the last)."""
        key_line = key.start_mark.line + 1
        if name in seen:
            self.warnings.append(
                YamlProblem(
                    key_line,
                    f"field written twice (also on line {seen[name]}): keep one",
                    field_path((*path, name)),
                )
            )
        seen[name] = key_line
        self.lines[(*path, name)] = key_line
        return key_line

    def build(self, loader: RecordLoader, node: yaml.Node, path: Path, depth: int) -> Any:
        """:meth:`walk` and PyYAML's constructor in one pass: the value of ``node``.

        PyYAML builds Python objects in pure Python even with LibYAML; doing it in the
        walk that records line numbers anyway halves the cost of reading a record.
        Raises :class:`_Unusual` for what only PyYAML's constructor should build.
        """
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH or node.tag not in ALLOWED_TAGS:
            raise _Unusual
        self.lines[path] = line
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else loader.construct_object(node)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(loader, item, (*path, index), depth + 1)
                for index, item in enumerate(node.value)
            ]
        mapping: dict[Any, Any] = {}
        seen: dict[str | int, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag not in ALLOWED_TAGS:
                raise _Unusual
            name = _key_name(key)
            key_line = self._key(seen, name, key, path)
            built = key.value if key.tag == _STR else loader.construct_object(key)
            mapping[built] = self.build(loader, value, (*path, name), depth + 1)
            self.lines[(*path, name)] = key_line
        return mapping


_STR = _YAML + "str"


class _Unusual(Exception):
    """A node the fast path leaves to :meth:`_Walker.walk` and PyYAML's constructor."""


def load_yaml(raw: bytes, tags: dict[str, str] | None = None) -> LoadedYaml:
    """Parse one record file; raise :class:`YamlProblems` for anything not a plain mapping.

    ``tags``: the scalar tags a builder remembers from file to file (see :class:`RecordLoader`).
    """
    try:
        text = decode(raw)
    except YamlProblem as exc:
        raise YamlProblems([exc]) from None
    _check_characters(text)
    _check_tabs(text)
    if "&" in text or "*" in text:
        _refuse_aliases(text)
    loader = RecordLoader(text, tags)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblems(
                [YamlProblem(1, "file is empty: a record is a mapping of fields, one per line")]
            )
        walker = _Walker()
        try:
            data = walker.build(loader, node, (), 0)
        except _Unusual:  # a tag, a deep nesting, a key that is not text: the full checks
            walker = _Walker()
            walker.walk(node, (), 0)
            if walker.fatal:
                raise YamlProblems(walker.fatal) from None
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblems([_syntax_problem(exc)]) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "unreadable"
        raise YamlProblems([YamlProblem(1, f"invalid YAML: {first}")]) from None
    except RecursionError:  # only without LibYAML, which has its own depth limit
        raise YamlProblems(
            [YamlProblem(1, f"nested deeper than {MAX_DEPTH} levels: flatten the record")]
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise YamlProblems(
            [
                YamlProblem(
                    node.start_mark.line + 1,
                    f"the file holds {kind}; a record file holds one record: a mapping "
                    "of fields, one 'name: value' per line, not indented",
                )
            ]
        )
    return LoadedYaml(data, walker.lines, walker.warnings)


#: What usually causes each of the parser's complaints, and the fix.
_SYNTAX_HINTS = (
    ("mapping values are not allowed", "a value containing ': ' must be put in quotes"),
    ("unknown escape character", "a backslash in double quotes: use single quotes instead"),
    ("expected ',' or ']'", "a [list] is not closed, or an item containing , [ ] needs quotes"),
    ("expected ',' or '}'", "a {mapping} is not closed, or a value containing , { } needs quotes"),
    ("expected key", "check the indentation: the fields of a mapping line up exactly"),
    ("expected '-' indicator", "check the indentation: the items of a list line up exactly"),
    ("could not find expected ':'", "a field is missing its ':', or a quoted value runs on"),
    ("cannot start any token", "a value starts with a reserved character (@ or `): quote it"),
    ("single document", "a record file holds one record: remove the '---' line"),
    ("unhashable key", "a field name must be plain text"),
    ("expected <document start>", "a record file holds one record: remove the '---' line"),
    ("undefined alias", "YAML anchors and aliases are not allowed in records"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = (exc.problem or "invalid YAML").strip()
    context = exc.context or ""
    started = exc.context_mark.line + 1 if exc.context_mark else line
    if "maximum nesting depth" in problem:
        return YamlProblem(line, f"nested deeper than {MAX_DEPTH} levels: flatten this value")
    if "end of stream" in problem and "quoted scalar" in context:
        return YamlProblem(
            started,
            "invalid YAML: the quoted value that starts here is not closed: add the closing quote",
        )
    if context.startswith("while") and started != line:
        problem += f" ({context} started on line {started})"
    hint = next(
        (advice for clue, advice in _SYNTAX_HINTS if clue in f"{context} {problem}"),
        "check the quotes, brackets and indentation on this line and the one before",
    )
    return YamlProblem(line, f"invalid YAML: {problem}: {hint}")


def _refuse_aliases(text: str) -> None:
    """Refuse anchors and aliases from the event stream, before anything is built."""
    loader = RecordLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event and event.start_mark else 1
                raise YamlProblems(
                    [
                        YamlProblem(
                            line,
                            "YAML anchors (&name) and aliases (*name) are not allowed in "
                            "records: write the value out in full",
                        )
                    ]
                )
    except yaml.YAMLError:
        return  # the real parse reports the syntax error with its line
    finally:
        loader.dispose()
