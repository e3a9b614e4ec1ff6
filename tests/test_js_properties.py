"""Property-based tests of the browser scripts: node's test runner with fast-check.

``tests/js/*.test.js`` throw random and hostile input (very long strings, every
Unicode block, markup, regular-expression metacharacters, percent-escapes, paths with
``..``) at the symbol lookup (``symbols.js``), the 404 page's recovery
(``notfound.js``) and the search box's symbol detection (``search.js``), in node and in
a jsdom page: nothing may throw, put markup into the page, or run away (see
``tests/js/support.js``).  This test writes the archive's real lookup files for them
and runs them; fast-check and jsdom are pinned in ``tests/browser/package-lock.json``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tip_archive.pipeline.engine import load_archive
from tip_archive.render.publish import LOOKUP_PATH, lookup_json
from tip_archive.render.symbol_index import lookup_files, symbol_entries

ROOT = Path(__file__).resolve().parent.parent
JS = Path(__file__).parent / "js"
NODE_MODULES = Path(__file__).parent / "browser" / "node_modules"


def test_the_browser_scripts_hold_under_random_and_hostile_input(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node is not None, "Node.js (`node`) is needed to test the browser scripts"
    for package in ("fast-check", "jsdom"):
        assert (NODE_MODULES / package).is_dir(), f"{package} is missing: run `make browser-deps`"
    archive = load_archive(ROOT / "data", ROOT)
    files = {LOOKUP_PATH: lookup_json(archive), **lookup_files(symbol_entries(archive))}
    for relative, content in files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    tests = sorted(JS.glob("*.test.js"))
    assert [t.name for t in tests] == ["notfound.test.js", "search.test.js", "symbols.test.js"]
    done = subprocess.run(
        [node, "--test", "--test-reporter=tap", *map(str, tests)],
        env={**os.environ, "TIP_JS_FIXTURES": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    # Every file ran its tests, and none was skipped.
    assert "# fail 0" in done.stdout and "# skipped 0" in done.stdout, done.stdout[-3000:]
