"""Safe, strict YAML reading that remembers the line of every field.

LibYAML's ``CSafeLoader`` is used when present (about ten times faster than the
pure-Python loader).  Only plain data is accepted: no language-specific tags, no
anchors or aliases (which also rules out "billion laughs" alias bombs), a size
limit and a nesting limit.  Dates stay strings so that their precision survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - LibYAML missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Largest record file accepted, in bytes.
MAX_FILE_BYTES = 1_000_000
#: Deepest nesting of mappings and lists accepted in a record.
MAX_DEPTH = 20

Path = tuple[str | int, ...]


class RecordLoader(_BaseLoader):
    """Safe loader that keeps dates as strings (``2009-05`` and ``2009-05-01`` alike)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # LibYAML asks this (pure Python) method for the tag of every scalar; field names
        # and many values repeat from record to record, so remember the answers.
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            tag = _TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                if len(value) <= 40 and len(_TAGS) < 50_000:
                    _TAGS[value] = tag
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


#: The implicit tag of plain scalars already resolved, by value.
_TAGS: dict[str, str] = {}


RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


@dataclass
class LoadedYaml:
    data: dict[str, Any]
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """The line of the deepest known field on ``path`` (1 for the document)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def decode(raw: bytes) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            0, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}: split the record"
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(1, "file starts with a byte-order mark: save it as UTF-8 without BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, "file is not valid UTF-8: save it as UTF-8") from None


_TAB_INDENT = re.compile(r"^[ \t]*\t", re.MULTILINE)


def _check_tabs(text: str) -> None:
    if not _TAB_INDENT.search(text):
        return
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlProblem(number, "tab used for indentation: indent with spaces")


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int], depth: int) -> None:
    if id(node) in seen:
        raise YamlProblem(
            node.start_mark.line + 1, "YAML anchors and aliases are not allowed in records"
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(node.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark.line)
            lines[(*path, name)] = key.start_mark.line + 1
            _walk(value, (*path, name), lines, seen, depth + 1)
            lines[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, seen, depth + 1)


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


class _Unusual(Exception):
    """A node the fast path leaves to PyYAML's own constructor (tags, merge keys)."""


def _build(
    loader: RecordLoader,
    node: yaml.Node,
    path: Path,
    lines: dict[Path, int],
    seen: set[int],
    depth: int,
) -> Any:
    """:func:`_walk` and PyYAML's constructor in one pass, for plain mappings, lists and scalars.

    PyYAML builds Python objects in pure Python even with LibYAML; doing it here, in
    the walk that records line numbers anyway, halves the cost of reading a record.
    """
    if id(node) in seen:
        raise YamlProblem(
            node.start_mark.line + 1, "YAML anchors and aliases are not allowed in records"
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(node.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else loader.construct_object(node)
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [
            _build(loader, item, (*path, index), lines, seen, depth + 1)
            for index, item in enumerate(node.value)
        ]
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag not in _PLAIN_KEYS:
                raise _Unusual
            name = key.value
            lines[(*path, name)] = key.start_mark.line + 1
            built = name if key.tag == _STR else loader.construct_object(key)
            mapping[built] = _build(loader, value, (*path, name), lines, seen, depth + 1)
            lines[(*path, name)] = key.start_mark.line + 1
        return mapping
    raise _Unusual


_PLAIN_KEYS = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "bool", "null", "float")
)


def load_yaml(raw: bytes) -> LoadedYaml:
    """Parse one record file; raise :class:`YamlProblem` for anything not a plain mapping."""
    text = decode(raw)
    _check_tabs(text)
    if "&" in text or "*" in text:
        _refuse_aliases(text)
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem(1, "file is empty: a record is a mapping of fields")
        lines: dict[Path, int] = {}
        try:
            data = _build(loader, node, (), lines, set(), 0)
        except _Unusual:
            lines = {}
            _walk(node, (), lines, set(), 0)
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or "invalid YAML"
        if "could not determine a constructor" in str(exc):
            problem = f"tag {str(exc).split('tag ')[-1].split()[0]} is not allowed: records are plain data"
        raise YamlProblem(line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise YamlProblem(1, f"the file holds {kind}, not a mapping of fields")
    return LoadedYaml(data, lines)


def _refuse_aliases(text: str) -> None:
    """Refuse anchors and aliases from the event stream, before anything is built."""
    loader = RecordLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event and event.start_mark else 1
                raise YamlProblem(line, "YAML anchors and aliases are not allowed in records")
    except yaml.YAMLError:
        return  # the real parse reports the syntax error with its line
    finally:
        loader.dispose()
