"""Bad input gets one clear line per problem, exit status 1, and the site is left as it was.

Each case writes one bad file into a copy of the mini project and asserts the exact
lines a record author sees (``data/<folder>/<file>.yaml:<line>: <field>: <message>``),
from ``tip-archive validate`` and from ``tip-archive build``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import build_project, digest
from tip_archive.cli import main
from tip_archive.loading.yamlfile import MAX_DEPTH, MAX_FILE_BYTES, YamlProblems, load_yaml
from tip_archive.model.records import Event

GOOD_EVENT = """\
type: event
id: conference-2007
title: International Conference
kind: conference
date: 2007
organisers: [belarus]
sources:
  - source: mini-source
    paragraph: 2
    quote: Belarus organized
"""

EVENT = "events/conference-2007.yaml"
RESOLUTION = "resolutions/a-res-64-293.yaml"


MINI_RESOLUTION = (Path(__file__).parent / "fixtures/mini/data" / RESOLUTION).read_text()


def line_of(start: str) -> int:
    """The line of the mini fixture's resolution that begins with ``start``."""
    return next(
        n for n, line in enumerate(MINI_RESOLUTION.splitlines(), 1) if line.startswith(start)
    )


def event(**changes: str) -> str:
    """The good event with some lines replaced: ``event(date="date: 2010-02-30")``."""
    lines = GOOD_EVENT.splitlines()
    for key, line in changes.items():
        index = next(i for i, text in enumerate(lines) if text.startswith(f"{key}:"))
        lines[index] = line
    return "\n".join(lines) + "\n"


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "type: event\n" + "\n".join(lines) + "\n"


CASES: list[tuple[str, str, str | bytes, list[str]]] = [
    (
        "invalid YAML syntax",
        EVENT,
        event(title="title: [International Conference"),
        [
            "data/events/conference-2007.yaml:4: invalid YAML: did not find expected ',' or ']'"
            " (while parsing a flow sequence started on line 3): a [list] is not closed,"
            " or an item containing , [ ] needs quotes"
        ],
    ),
    (
        "a colon in an unquoted value",
        EVENT,
        event(title="title: Conference: Meeting the Challenge"),
        [
            "data/events/conference-2007.yaml:3: invalid YAML: mapping values are not allowed"
            " in this context: a value containing ': ' must be put in quotes"
        ],
    ),
    (
        "an unclosed quote",
        EVENT,
        event(title='title: "International Conference'),
        [
            "data/events/conference-2007.yaml:3: invalid YAML: the quoted value that starts here"
            " is not closed: add the closing quote"
        ],
    ),
    (
        "an empty file",
        EVENT,
        "",
        [
            "data/events/conference-2007.yaml:1: file is empty: a record is a mapping of fields, one per line"
        ],
    ),
    (
        "a file of comments only",
        EVENT,
        "# to do\n",
        [
            "data/events/conference-2007.yaml:1: file is empty: a record is a mapping of fields, one per line"
        ],
    ),
    (
        "not UTF-8",
        EVENT,
        event(title="title: Caf\xe9").encode("latin-1"),
        [
            "data/events/conference-2007.yaml:3: file is not valid UTF-8 (byte 0xe9 on this"
            " line): save it with the UTF-8 encoding"
        ],
    ),
    (
        "a byte-order mark",
        EVENT,
        b"\xef\xbb\xbf" + GOOD_EVENT.encode(),
        [
            "data/events/conference-2007.yaml:1: file starts with a byte-order mark (BOM):"
            " save it as UTF-8 without BOM"
        ],
    ),
    (
        "tabs for indentation",
        EVENT,
        GOOD_EVENT.replace("  - source", "\t- source"),
        ["data/events/conference-2007.yaml:8: tab used for indentation: indent with spaces"],
    ),
    (
        "a top-level list",
        EVENT,
        "- type: event\n- id: conference-2007\n",
        [
            "data/events/conference-2007.yaml:1: the file holds a list; a record file holds one"
            " record: a mapping of fields, one 'name: value' per line, not indented"
        ],
    ),
    (
        "two documents in one file",
        EVENT,
        GOOD_EVENT + "---\n" + GOOD_EVENT,
        [
            "data/events/conference-2007.yaml:11: invalid YAML: but found another document:"
            " a record file holds one record: remove the '---' line"
        ],
    ),
    (
        "missing required fields",
        EVENT,
        event(kind="", title="").replace("\n\n", "\n"),
        [
            "data/events/conference-2007.yaml:1: kind: required field is missing: add it",
            "data/events/conference-2007.yaml:1: title: required field is missing: add it",
        ],
    ),
    (
        "a missing field inside a list item",
        EVENT,
        GOOD_EVENT.replace("    quote: Belarus organized\n", ""),
        ["data/events/conference-2007.yaml:8: sources[0].quote: required field is missing: add it"],
    ),
    (
        "a missing type",
        EVENT,
        GOOD_EVENT.replace("type: event\n", "").replace("date: 2007", "date: 2010-02-30"),
        [
            "data/events/conference-2007.yaml:1: type: required field is missing: add 'type: event'",
            "data/events/conference-2007.yaml:4: date: '2010-02-30' does not exist: February"
            " 2010 has 28 days",
        ],
    ),
    (
        "a misspelt type",
        EVENT,
        event(type="type: evnt"),
        [
            "data/events/conference-2007.yaml:1: type: the text 'evnt' is not a record type: write 'type: event'"
        ],
    ),
    (
        "a record in the wrong folder",
        EVENT,
        event(type="type: document"),
        [
            "data/events/conference-2007.yaml:1: type: is 'document' but the file is in"
            " data/events/: move it to data/documents/ or write 'type: event'",
            "data/events/conference-2007.yaml:4: kind: must be one of 'report', 'letter',"
            " 'draft resolution', 'declaration', 'note', 'press release', 'treaty' or 'other'"
            " (got the text 'conference')",
            "data/events/conference-2007.yaml:6: organisers: unknown field: a document has no"
            " 'organisers' field (only 'event' records do); remove it",
        ],
    ),
    (
        "a near-miss typo of a field",
        RESOLUTION,
        MINI_RESOLUTION.replace("adoption:", "adpoted:"),
        [
            f"data/resolutions/a-res-64-293.yaml:{line_of('adoption:')}: adpoted: unknown field:"
            " did you mean 'adoption'?"
        ],
    ),
    (
        "unknown fields",
        EVENT,
        GOOD_EVENT + "colour: blue\norganizers: [belarus]\nquote: Belarus organized\n",
        [
            "data/events/conference-2007.yaml:11: colour: unknown field: remove it, or use one"
            f" of: {', '.join(sorted(Event.model_fields))}",
            "data/events/conference-2007.yaml:12: organizers: unknown field: did you mean 'organisers'?",
            "data/events/conference-2007.yaml:13: quote: unknown field here: 'quote' belongs under"
            " 'sources' or 'figures[…].cited'; move it there",
        ],
    ),
    (
        "a field of another record type",
        EVENT,
        GOOD_EVENT + "symbol: A/RES/64/293\n",
        [
            "data/events/conference-2007.yaml:11: symbol: unknown field: an event has no 'symbol'"
            " field (only 'resolution', 'document' or 'reference' records do); remove it"
        ],
    ),
    (
        "a field written twice",
        EVENT,
        GOOD_EVENT + "date: 2008\n",
        [
            "data/events/conference-2007.yaml:11: date: field written twice (also on line 5): keep one"
        ],
    ),
    (
        "wrong types",
        EVENT,
        event(organisers="organisers: 5", title="title: 2007", kind="kind: [conference]"),
        [
            "data/events/conference-2007.yaml:3: title: must be text (got the number 2007): put"
            " the value in quotes",
            "data/events/conference-2007.yaml:4: kind: must be one of 'summit', 'conference',"
            " 'thematic debate', 'interactive dialogue', 'high-level meeting', 'ministerial"
            " meeting', 'consultations', 'visit', 'launch', 'meeting', 'founding', 'national"
            " law', 'international day', 'contribution', 'publication', 'roundtable', 'session'"
            " or 'other' (got a list)",
            "data/events/conference-2007.yaml:6: organisers: must be a list: write [a, b] or one"
            " '- item' per line (got the number 5)",
        ],
    ),
    (
        "a number that is not whole, and an empty value",
        EVENT,
        GOOD_EVENT.replace("paragraph: 2", "paragraph: two") + "place:\ntitle:\n",
        [
            "data/events/conference-2007.yaml:9: sources[0].paragraph: must be a whole number,"
            " like 64 (got the text 'two')",
            "data/events/conference-2007.yaml:12: title: field written twice (also on line 3): keep one",
            "data/events/conference-2007.yaml:12: title: is empty: write a value, or remove the"
            " field if it is optional",
        ],
    ),
    (
        "a misspelt choice",
        EVENT,
        event(kind="kind: confrence"),
        [
            "data/events/conference-2007.yaml:4: kind: must be one of 'summit', 'conference',"
            " 'thematic debate', 'interactive dialogue', 'high-level meeting', 'ministerial"
            " meeting', 'consultations', 'visit', 'launch', 'meeting', 'founding', 'national"
            " law', 'international day', 'contribution', 'publication', 'roundtable', 'session'"
            " or 'other' (got the text 'confrence'); did you mean 'conference'?"
        ],
    ),
    (
        "an impossible date",
        EVENT,
        event(date="date: 2010-02-30"),
        [
            "data/events/conference-2007.yaml:5: date: '2010-02-30' does not exist: February 2010 has 28 days"
        ],
    ),
    (
        "a date outside the archive's range",
        EVENT,
        event(date="date: 1900"),
        [
            "data/events/conference-2007.yaml:5: date: '1900' is outside the archive's range"
            " 1945-2030: check the year"
        ],
    ),
    (
        "a span that ends before it starts",
        EVENT,
        event(date="date: 2007-05-02/2007-05-01"),
        [
            "data/events/conference-2007.yaml:5: date: '2007-05-02/2007-05-01' ends before it"
            " starts: write the earlier date first"
        ],
    ),
    (
        "a date in words",
        EVENT,
        event(date="date: May 2007"),
        [
            "data/events/conference-2007.yaml:5: date: 'May 2007' is not a date: write YYYY,"
            " YYYY-MM or YYYY-MM-DD"
        ],
    ),
    (
        "a malformed UN symbol",
        RESOLUTION,
        MINI_RESOLUTION.replace("symbol: a/res/64/293", "symbol: A/RES/sixty-four/293"),
        [
            f"data/resolutions/a-res-64-293.yaml:{line_of('symbol:')}: symbol:"
            " 'A/RES/sixty-four/293' is not a UN"
            " document symbol: unexpected 'SIXTY-FOUR': write it as printed on the UN document,"
            " e.g. A/RES/64/293 or A/C.3/61/L.9"
        ],
    ),
    (
        "a file name that does not match the id",
        "events/conference-2008.yaml",
        GOOD_EVENT.replace("International Conference", "Second Conference"),
        [
            "data/events/conference-2008.yaml:2: id: 'conference-2007' does not match the file"
            " name 'conference-2008.yaml': rename the file to conference-2007.yaml or change"
            " the id to 'conference-2008'"
        ],
    ),
    (
        "two records with the same id",
        "documents/conference-2007.yaml",
        GOOD_EVENT.replace("type: event", "type: document")
        .replace("kind: conference", "kind: report")
        .replace("organisers: [belarus]", "authors: [belarus]"),
        [
            "data/events/conference-2007.yaml:2: id: 'conference-2007' is also the id of"
            " data/documents/conference-2007.yaml: ids are unique across the archive; rename"
            " one record (its id and file)"
        ],
    ),
    (
        "two records with the same symbol",
        "documents/draft-2006.yaml",
        (Path(__file__).parent / "fixtures/mini/data/documents/draft-2006.yaml")
        .read_text()
        .replace("became:", "other_symbols: [A/RES/64/293]\nbecame:"),
        [
            "data/resolutions/a-res-64-293.yaml:4: symbol: A/RES/64/293 is also the symbol of"
            " data/documents/draft-2006.yaml: a document has one record; merge the two or"
            " correct the symbol"
        ],
    ),
    (
        "a reference to a missing record",
        EVENT,
        event(organisers="organisers: [belarus, belarrus, nobody]"),
        [
            "data/events/conference-2007.yaml:6: organisers[1]: no record with id 'belarrus':"
            " did you mean 'belarus'?",
            "data/events/conference-2007.yaml:6: organisers[2]: no record with id 'nobody':"
            " add a body or person record with this id, or correct the id",
        ],
    ),
    (
        "a reference to a record of the wrong type",
        EVENT,
        event(organisers="organisers: [a-res-64-293]"),
        [
            "data/events/conference-2007.yaml:6: organisers[0]: 'a-res-64-293' is a resolution,"
            " not a body or person: give the id of a body or person"
        ],
    ),
    (
        "a source paragraph that does not exist",
        EVENT,
        GOOD_EVENT.replace("paragraph: 2", "paragraph: 99"),
        [
            "data/events/conference-2007.yaml:9: sources[0].paragraph: source mini-source has"
            " no ¶99 (it has 6): use a ¶ number shown on the source's page"
        ],
    ),
    (
        "a quote that is not in its source",
        EVENT,
        GOOD_EVENT.replace("quote: Belarus organized", "quote: Belarus organised"),
        [
            "data/events/conference-2007.yaml:10: sources[0].quote: not found in source"
            " mini-source ¶2: copy the passage verbatim from the source text"
        ],
    ),
    (
        "a quote from another paragraph",
        EVENT,
        GOOD_EVENT.replace("quote: Belarus organized", "quote: adopted by consensus"),
        [
            "data/events/conference-2007.yaml:10: sources[0].quote: not found in source"
            " mini-source ¶2 (it is in ¶3): change the paragraph"
        ],
    ),
    (
        "a YAML alias bomb",
        EVENT,
        billion_laughs(),
        [
            "data/events/conference-2007.yaml:2: YAML anchors (&name) and aliases (*name) are"
            " not allowed in records: write the value out in full"
        ],
    ),
    (
        "a Python object tag",
        EVENT,
        event(title="title: !!python/object/apply:os.system [echo owned]"),
        [
            "data/events/conference-2007.yaml:3: title: the tag !!python/object/apply:os.system"
            " is not allowed: records hold plain text, numbers, lists and mappings; remove the tag"
        ],
    ),
    (
        "a Python name tag and a custom tag",
        EVENT,
        event(title="title: !!python/name:os.system") + "place: !local x\n",
        [
            "data/events/conference-2007.yaml:3: title: the tag !!python/name:os.system is not"
            " allowed: records hold plain text, numbers, lists and mappings; remove the tag",
            "data/events/conference-2007.yaml:11: place: the tag !local is not allowed: records"
            " hold plain text, numbers, lists and mappings; remove the tag",
        ],
    ),
    (
        "a very large file",
        EVENT,
        GOOD_EVENT + "summary: " + "x" * MAX_FILE_BYTES + "\n",
        [
            f"data/events/conference-2007.yaml:1: file is {len(GOOD_EVENT) + MAX_FILE_BYTES + 10:,}"
            f" bytes, over the limit of {MAX_FILE_BYTES:,} bytes (MAX_FILE_BYTES): move long"
            " passages into an archived source, or split the record"
        ],
    ),
    (
        "a deeply nested structure",
        EVENT,
        GOOD_EVENT + "summary: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
        [
            f"data/events/conference-2007.yaml:11: summary: nested deeper than {MAX_DEPTH} levels:"
            " records are flat mappings with short lists; flatten this value"
        ],
    ),
    (
        "a structure nested past the parser's own limit",
        EVENT,
        GOOD_EVENT + "summary: " + "[" * 5000 + "]" * 5000 + "\n",
        [
            f"data/events/conference-2007.yaml:11: nested deeper than {MAX_DEPTH} levels: flatten this value"
        ],
    ),
    (
        "a source text that is not UTF-8",
        "sources/texts/mini.txt",
        (Path(__file__).parent / "fixtures/mini/data/sources/texts/mini.txt").read_bytes()
        + b"\n\nCaf\xe9\n",
        [
            "data/sources/mini-source.yaml:4: text_file: data/sources/texts/mini.txt line 14:"
            " file is not valid UTF-8 (byte 0xe9 on this line): save it with the UTF-8 encoding"
        ],
    ),
    (
        "a record file ending in .yml",
        "events/conference-2009.yml",
        GOOD_EVENT,
        [
            "data/events/conference-2009.yml:1: record files end in .yaml: rename it to conference-2009.yaml"
        ],
    ),
]


def _write(project: Path, relative: str, content: str | bytes) -> None:
    path = project / "data" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _validate(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["validate", "--data", str(project / "data")])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, captured.err.splitlines()


@pytest.mark.parametrize(
    ("relative", "content", "expected"),
    [pytest.param(rel, content, lines, id=name) for name, rel, content, lines in CASES],
)
def test_bad_input_gets_one_clear_line(
    mini_project: Path,
    capsys: pytest.CaptureFixture[str],
    relative: str,
    content: str | bytes,
    expected: list[str],
) -> None:
    _write(mini_project, relative, content)
    status, lines = _validate(mini_project, capsys)
    assert status == 1
    count = len(expected)
    assert lines == [
        *expected,
        f"{count} problem{'s' if count != 1 else ''} found in the data; nothing was built.",
    ]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("relative", "content", "expected"),
    [
        pytest.param(rel, content, lines, id=name)
        for name, rel, content, lines in CASES
        if name in ("invalid YAML syntax", "a near-miss typo of a field", "a YAML alias bomb")
        or name.startswith("a quote")
    ],
)
def test_bad_input_fails_the_build_and_keeps_the_site(
    mini_project: Path,
    mini_site: Path,
    relative: str,
    content: str | bytes,
    expected: list[str],
) -> None:
    site = mini_project / "site"
    shutil.copytree(mini_site, site)
    before = digest(site)
    _write(mini_project, relative, content)
    status, output = build_project(mini_project, site)
    assert status == 1
    assert "Traceback" not in output
    for line in expected:
        assert line in output.splitlines()
    assert f"{site}/ was left as it was." in output
    assert digest(site) == before
    assert sorted(p.name for p in mini_project.iterdir()) == [
        "data",
        "docs",
        "mkdocs.yml",
        "site",
    ]


def test_every_problem_is_reported_in_one_run(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Problems in several files, of every stage (YAML, fields, references), in one report."""
    _write(mini_project, EVENT, event(date="date: 2010-02-30", organisers="organisers: [nobody]"))
    _write(mini_project, "events/conference-2008.yml", GOOD_EVENT)
    _write(mini_project, "events/list.yaml", "- type: event\n")
    _write(mini_project, "people/valentin-rybakov.yaml", "type: person\nid: valentin-rybakov\n")
    _write(
        mini_project,
        RESOLUTION,
        (mini_project / "data" / RESOLUTION).read_text().replace("session: 64", "session: sixty"),
    )
    _write(
        mini_project,
        "documents/draft-2006.yaml",
        (mini_project / "data/documents/draft-2006.yaml")
        .read_text()
        .replace("quote: Recognizes", "quote: Recognises"),
    )
    status, lines = _validate(mini_project, capsys)
    assert status == 1
    assert lines == [
        "data/documents/draft-2006.yaml:14: sources[0].quote: not found in source mini-source"
        " ¶4: copy the passage verbatim from the source text",
        "data/events/conference-2007.yaml:5: date: '2010-02-30' does not exist: February 2010"
        " has 28 days",
        "data/events/conference-2008.yml:1: record files end in .yaml: rename it to"
        " conference-2008.yaml",
        "data/events/list.yaml:1: the file holds a list; a record file holds one record: a"
        " mapping of fields, one 'name: value' per line, not indented",
        "data/people/valentin-rybakov.yaml:1: title: required field is missing: add it",
        f"data/resolutions/a-res-64-293.yaml:{line_of('session:')}: session: must be a whole"
        " number, like 64 (got"
        " the text 'sixty')",
        "6 problems found in the data; nothing was built.",
    ]


def test_a_field_in_a_nested_mapping_points_at_its_own_line(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = textwrap.dedent(
        """\
        type: event
        id: conference-2007
        title: International Conference
        kind: conference
        date: 2007
        figures:
          - label: participants
            value: 400
            qualifier: more than
            cited:
              source: mini-source
              paragraf: 2
              quote: over 400 participants
        sources:
          - source: mini-source
            paragraph: 2
            quote: Belarus organized
        """
    )
    _write(mini_project, EVENT, record)
    status, lines = _validate(mini_project, capsys)
    assert status == 1
    assert lines[:-1] == [
        "data/events/conference-2007.yaml:9: figures[0].qualifier: must be one of 'exactly',"
        " 'over', 'about', 'at least' or 'up to' (got the text 'more than')",
        "data/events/conference-2007.yaml:10: figures[0].cited.paragraph: required field is"
        " missing: add it",
        "data/events/conference-2007.yaml:12: figures[0].cited.paragraf: unknown field: did you"
        " mean 'paragraph'?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x [1]\n",
        billion_laughs(),
    ],
)
def test_anchors_and_aliases_are_refused(text: str) -> None:
    with pytest.raises(YamlProblems) as info:
        load_yaml(text.encode())
    messages = [p.message for p in info.value.problems]
    assert messages == [
        "YAML anchors (&name) and aliases (*name) are not allowed in records: write the value out in full"
    ]


def test_plain_values_that_yaml_would_treat_specially_stay_text() -> None:
    data = load_yaml(b"a: =\nb: <<\nc: 2010-07-30\nd: 2009-05\ne: {<<: {f: 1}}\n").data
    assert data == {"a": "=", "b": "<<", "c": "2010-07-30", "d": "2009-05", "e": {"<<": {"f": 1}}}


def test_an_alias_bomb_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    """Refused from the event stream: in a process limited to 256 MB, it still answers."""
    bomb = tmp_path / "bomb.yaml"
    lines = ['a: &a ["' + "lol" * 100 + '"]']
    for index in range(1, 30):  # 9**29 copies if it were ever expanded
        lines.append(
            f"a{index}: &a{index} ["
            + ", ".join([f"*a{index - 1}" if index > 1 else "*a"] * 9)
            + "]"
        )
    bomb.write_text("\n".join(lines) + "\n")
    script = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (256 * 2**20, 256 * 2**20))
        from tip_archive.loading.yamlfile import YamlProblems, load_yaml
        try:
            load_yaml(open({str(bomb)!r}, "rb").read())
        except YamlProblems as exc:
            print(exc.problems[0].line, exc.problems[0].message)
            sys.exit(0)
        sys.exit(3)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 YAML anchors (&name) and aliases (*name) are not allowed")


def test_a_huge_file_is_not_read_whole(tmp_path: Path) -> None:
    """The size check reads at most MAX_FILE_BYTES + 1 bytes, whatever the file's size."""
    from tip_archive.loading.yamlfile import YamlProblem, read_limited

    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * MAX_FILE_BYTES)  # sparse: 50 MB that take no disk
    with pytest.raises(YamlProblem) as info:
        read_limited(path)
    assert info.value.message.startswith(f"file is {50 * MAX_FILE_BYTES:,} bytes, over the limit")


def test_the_messages_quoted_in_contributing_are_real() -> None:
    """Each example line of "When the build says no" is a message a test case produces."""
    text = (Path(__file__).parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## When the build says no", 1)[1].split("\n## ", 1)[0]
    examples = [
        line
        for line in section.splitlines()
        if line.startswith("data/") and ".yaml:" in line and "<line>" not in line
    ]
    assert len(examples) >= 5

    def message(line: str) -> str:  # what follows "file:line: "
        return re.sub(r"^\S+?:\d+: ", "", line)

    produced = [message(line) for _n, _r, _c, lines in CASES for line in lines]
    for example in examples:
        assert message(example) in produced, example


def test_a_file_with_very_many_problems_lists_the_first_and_counts_the_rest(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A paste gone wrong (100 unknown fields) gives 30 lines and a count of all 100."""
    from tip_archive.loading.loader import MAX_PROBLEMS_PER_FILE

    _write(mini_project, EVENT, GOOD_EVENT + "".join(f"x{n}: 1\n" for n in range(100)))
    status, lines = _validate(mini_project, capsys)
    assert status == 1
    assert len(lines) == MAX_PROBLEMS_PER_FILE + 2
    assert lines[0] == (
        "data/events/conference-2007.yaml:11: x0: unknown field: remove it, or use one of: "
        + ", ".join(sorted(Event.model_fields))
    )
    assert lines[-2] == (
        "data/events/conference-2007.yaml:110: and 70 more problems in this file: fix these,"
        " then run again"
    )
    assert lines[-1] == "100 problems found in the data; nothing was built."
