"""Property tests: whatever a record file holds, the loader accepts it or reports problems.

Random bytes, random YAML-like text, random YAML data and mutations of the mini
fixture's valid records (a field dropped, a value replaced by something of the
wrong type, random text in dates and symbols, a field name mistyped) are fed to
the loader; it must never raise anything but return a record or problems, and
every problem must be a well-formed ``file:line: field: message`` line.  Mutated
records that are still valid go on through cross-referencing and rendering.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from tip_archive.crossref.archive import build_archive
from tip_archive.loading.loader import load_data, parse_record
from tip_archive.loading.problems import Problem
from tip_archive.model.records import FOLDERS, RECORD_TYPES
from tip_archive.pipeline.engine import render_site

FUZZ = settings(
    max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
REL = "data/events/conference-2007.yaml"

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2010-02-30", "2007", "A/RES/64/293", "belarus", "mini-source", "", " "])
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.integers(0, 9), inner, max_size=4)
    ),
    max_leaves=20,
)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False).encode()


def check(result: tuple[Any, list[Problem]], rel: str = REL) -> None:
    record, problems = result
    assert (record is None) == bool(problems)
    for problem in problems:
        assert problem.file == rel
        assert isinstance(problem.line, int) and problem.line >= 1
        assert problem.message and "\n" not in str(problem)
        assert "Input should" not in problem.message  # pydantic's words are rephrased
        assert str(problem).startswith(f"{rel}:{problem.line}: ")


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    check(parse_record(raw, "conference-2007.yaml", REL, "event"))


@FUZZ
@given(st.text(alphabet=" \t\n:-[]{}&*!|>'\"#%@`,?=<~.\\abc19é\u2028\ufeff\x00", max_size=120))
def test_random_yaml_like_text(text: str) -> None:
    check(parse_record(text.encode("utf-8", "surrogatepass"), "conference-2007.yaml", REL, "event"))


@settings(FUZZ, max_examples=60)
@given(values)
def test_random_yaml_data(data: Any) -> None:
    check(parse_record(dump(data), "conference-2007.yaml", REL, "event"))


FIELDS = sorted({name for cls in RECORD_TYPES.values() for name in cls.model_fields})
shallow = (
    scalars
    | st.lists(scalars, max_size=3)
    | st.dictionaries(st.sampled_from(FIELDS) | st.integers(0, 9), scalars, max_size=3)
)


@FUZZ
@given(
    st.sampled_from(sorted(FOLDERS)),
    st.dictionaries(st.sampled_from(FIELDS), shallow, max_size=8),
)
def test_random_mappings_with_record_fields(kind: str, data: dict[str, Any]) -> None:
    check(parse_record(dump(data | {"type": kind}), "x.yaml", REL, kind))


# -- mutations of valid records, through the whole pipeline -------------------------------


def _mini_records() -> dict[str, dict[str, Any]]:
    return {
        path.relative_to(MINI / "data").as_posix(): yaml.safe_load(path.read_text())
        for path in sorted((MINI / "data").glob("*/*.yaml"))
    }


RECORDS = _mini_records()


def _paths(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*here, index))


def _set(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    if isinstance(data, dict):
        return data | {path[0]: _set(data.get(path[0]), path[1:], new)}
    copy = list(data)
    copy[path[0]] = _set(copy[path[0]], path[1:], new)
    return copy


def _drop(data: Any, path: tuple[Any, ...]) -> Any:
    if len(path) == 1:
        copy = dict(data) if isinstance(data, dict) else list(data)
        del copy[path[0]]
        return copy
    return _set(data, path[:1], _drop(data[path[0]], path[1:]))


def _rename(data: Any, path: tuple[Any, ...], name: Any) -> Any:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if not isinstance(parent, dict):
        return data
    renamed = {(name if key == path[-1] else key): item for key, item in parent.items()}
    return _set(data, path[:-1], renamed)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, Any]:
    relative = draw(st.sampled_from(sorted(RECORDS)))
    data: Any = RECORDS[relative]
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["drop", "replace", "date", "symbol", "rename", "text"]))
        if how == "drop":
            data = _drop(data, path)
        elif how == "replace":
            data = _set(data, path, draw(values))
        elif how == "date":
            data = _set(data, ("date",), draw(st.from_regex(r"\A[0-9/\- ]{0,24}\Z") | st.text()))
        elif how == "symbol":
            data = _set(data, ("symbol",), draw(st.from_regex(r"\A[A-Za-z0-9./ ()\-]{0,30}\Z")))
        elif how == "rename":
            data = _rename(data, path, draw(st.text(max_size=12) | st.integers(0, 3)))
        else:
            data = _set(data, path, draw(st.text(max_size=40)))
    return relative, data


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(MINI, target)
    return target


@settings(max_examples=100, suppress_health_check=list(HealthCheck), deadline=None)
@given(mutations())
def test_mutated_records_are_accepted_or_reported(project: Path, mutation: tuple[str, Any]) -> None:
    relative, data = mutation
    path = project / "data" / relative
    original = path.read_bytes()
    path.write_bytes(dump(data))
    try:
        result = load_data(project / "data", project)
        archive, problems = build_archive(result)
        for problem in problems:
            assert problem.file.startswith("data/") and problem.line >= 1, problem
            assert problem.message and "\n" not in str(problem), problem
        if not problems:
            assert render_site(archive)
    finally:
        path.write_bytes(original)
