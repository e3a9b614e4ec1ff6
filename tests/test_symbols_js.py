"""The browser's symbol lookup (``assets/symbols.js``, run with node) against the Python one."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from test_symbol_index import QUERIES, synthetic_entries
from tip_archive.model.symbols import query_key
from tip_archive.pipeline.engine import load_archive
from tip_archive.render.symbol_index import MANIFEST_SRC, lookup_files, symbol_entries

MINI = Path(__file__).parent / "fixtures" / "mini"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

SCRIPT = resources.files("tip_archive.render") / "assets" / "symbols.js"

#: Runs in node: normalise every query, and look each one up in the given table files.
DRIVER = """
const api = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const rules = JSON.parse(input.files["symbols/symbols.json"]).normaliser;
const table = new api.Table("", (path) => Promise.resolve(JSON.parse(input.files[path])));
(async () => {
  const out = [];
  for (const query of input.queries) {
    const result = await table.lookup(query);
    const suggestions = await table.suggest(query);
    out.push({
      normalised: api.normalise(query, rules),
      matches: result.matches.map((d) => d.symbol),
      go: result.go ? result.go.url : null,
      suggestions: suggestions.map((d) => d.symbol),
    });
  }
  process.stdout.write(JSON.stringify(out));
})();
"""

TRICKY = [
    "",
    "   ",
    "\tA/RES/64/293\n",
    "A/RES/64/293\u00a0",
    "  GA   Res.  64 / 293 ",
    "UNGA res 64/293",
    "Economic and Social Council resolution 2008/33",
    "ECOSOC resolution 64/293",
    "No. 64/293",
    "see A/65/497",
    "UN doc. A/C.3/61/L.9/Rev.1",
    "res/64/293",
    "ga64/293",
    "A/RES/64/293;",
    "64 / 293",
    "résolution 64/293",
    "SC res 2331 (2016)",
    "trafficking in persons",
    "A/RES/6",
    "61/",
]


def run_node(files: dict[str, str], queries: list[str]) -> list[dict[str, Any]]:
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", DRIVER, str(SCRIPT)],
        input=json.dumps({"files": files, "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
    )
    out: list[dict[str, Any]] = json.loads(result.stdout)
    return out


@pytest.fixture(scope="module")
def mini_files() -> dict[str, str]:
    return lookup_files(symbol_entries(load_archive(MINI / "data", MINI)))


def test_js_normalises_every_query_as_python_does(mini_files: dict[str, str]) -> None:
    queries = [q for q, _ in QUERIES] + TRICKY
    results = run_node(mini_files, queries)
    for query, result in zip(queries, results, strict=True):
        expected = query_key(query)
        assert result["normalised"] == {"key": expected.key, "organ": expected.organ}, query


def test_js_lookup_goes_to_the_record_of_every_spelling(mini_files: dict[str, str]) -> None:
    in_mini = {"A/RES/64/293", "A/64/L.64", "A/RES/64/293/Corr.1"}
    cases = [(q, meant) for q, meant in QUERIES if meant in in_mini]
    results = run_node(mini_files, [q for q, _ in cases])
    for (query, meant), result in zip(cases, results, strict=True):
        assert result["matches"] == [meant], query
        assert result["go"] == "resolutions/a-res-64-293/", query


def test_js_lookup_says_when_in_doubt_or_absent(mini_files: dict[str, str]) -> None:
    ecosoc, absent, prose, partial = run_node(
        mini_files, ["ECOSOC resolution 64/293", "A/RES/99/1", "trafficking", "A/RES/6"]
    )
    # The only 64/293 is the General Assembly's: offered, but not gone to.
    assert (ecosoc["matches"], ecosoc["go"]) == (["A/RES/64/293"], None)
    assert (absent["matches"], absent["go"], absent["suggestions"]) == ([], None, [])
    assert (prose["matches"], prose["go"]) == ([], None)
    assert partial["suggestions"] == ["A/RES/64/293", "A/RES/64/293/Corr.1"]


def test_js_finds_every_key_in_a_sharded_table() -> None:
    entries = synthetic_entries(3_000)
    files = lookup_files(entries, limit=4_000)
    assert len(json.loads(files[MANIFEST_SRC])["shards"]) > 20
    sample = entries[::23]
    queries = [key for entry in sample for key in entry.keys]
    results = run_node(files, queries)
    expected = [entry.text for entry in sample for _ in entry.keys]
    for query, meant, result in zip(queries, expected, results, strict=True):
        assert meant in result["matches"], query
