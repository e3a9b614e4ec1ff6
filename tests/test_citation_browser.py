"""The copy buttons of the "Cite this" section, in headless Chromium.

Each test loads a copy of a built record page with a small harness injected: a
stand-in for ``navigator.clipboard`` that records what is written (a headless
browser has no clipboard to read back), and a script that clicks a button and
writes the outcome into the page, which ``--dump-dom`` then prints.  The harness
scripts are files beside the page, as the page's policy admits no unhashed inline
script.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from chromium import dump_dom

pytestmark = [pytest.mark.browser, pytest.mark.e2e]


STUB_CLIPBOARD = """
window.__copied = [];
Object.defineProperty(navigator, "clipboard", {value: {
  writeText: function (text) { window.__copied.push(text); return Promise.resolve(); }
}});
"""

NO_CLIPBOARD = """
Object.defineProperty(navigator, "clipboard", {value: undefined});
window.__copied = [];
"""

CLICK = """
window.addEventListener("load", function () {
  var button = document.querySelector('button[data-copy="%s"]');
  button.click();
  setTimeout(function () {  /* before the button's label returns to "Copy" */
    document.body.setAttribute("data-copied", JSON.stringify(window.__copied));
    document.body.setAttribute("data-button", button.textContent);
    document.body.setAttribute("data-status", document.querySelector(".tip-cite__status").textContent);
  }, 300);
});
"""


def run(site: Path, head: str, target: str) -> BeautifulSoup:
    original = site / "resolutions/a-res-64-293/index.html"
    harness = original.with_name("harness.html")
    original.with_name("harness-head.js").write_text(head, encoding="utf-8")
    original.with_name("harness-click.js").write_text(CLICK % target, encoding="utf-8")
    html = original.read_text(encoding="utf-8")
    html = html.replace("<head>", '<head><script src="harness-head.js"></script>', 1)
    html = html.replace("</body>", '<script src="harness-click.js"></script></body>', 1)
    harness.write_text(html, encoding="utf-8")
    dom = dump_dom(harness.as_uri(), budget_ms=5000)
    return BeautifulSoup(dom, "html.parser")


@pytest.fixture
def site(mini_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(mini_site, copy)
    return copy


def test_buttons_appear_and_copy_the_citation(site: Path) -> None:
    dom = run(site, STUB_CLIPBOARD, "cite-bluebook")
    buttons = dom.select("[data-tip-cite] button.tip-copy")
    assert buttons and not any(b.has_attr("hidden") for b in buttons)
    assert dom.body is not None
    copied = json.loads(str(dom.body["data-copied"]))
    assert copied == ["G.A. Res. 64/293, U.N. Doc. A/RES/64/293 (July 30, 2010)"]
    assert dom.body["data-button"] == "Copied"
    assert dom.body["data-status"] == "Copied to the clipboard."


def test_without_the_clipboard_api_the_text_is_selected(site: Path) -> None:
    dom = run(site, NO_CLIPBOARD, "cite-url")
    assert dom.body is not None
    # execCommand("copy") either copies (headless Chromium may refuse) or the reader is told.
    assert dom.body["data-status"] in {
        "Copied to the clipboard.",
        "The text is selected: press Ctrl+C (\u2318C on a Mac) to copy it.",
    }
