"""The baseline: plain MkDocs with mkdocs-material over hand-written Markdown pages.

As many pages as the archive has records, each as large as one of the archive's
generated record pages (same size distribution), left out of the navigation as
record pages are.  The pages look written by hand: headings, paragraphs with
emphasis and links to other pages, lists, a table.  What the archive costs over
this baseline is the engine's overhead plus its heavier pages.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from .words import Words

CONFIG = """\
site_name: Baseline
site_url: https://example.org/
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - attr_list
  - admonition
  - md_in_html
  - tables
  - toc:
      permalink: "¶"
nav:
  - Home: index.md
validation:
  nav:
    omitted_files: ignore
"""


def _page(number: int, size: int, count: int, words: Words, rng: random.Random) -> str:
    def link() -> str:
        other = rng.randrange(count)
        return f"[{words.title(1, 3).lower()}](page-{other:05d}.md)"

    parts = [f"# {words.title()}\n", f"{words.text(20, 60)}\n"]
    length = sum(len(p) + 1 for p in parts)
    while length < size:
        roll = rng.random()
        if roll < 0.2:
            block = f"## {words.title(2, 5)}\n"
        elif roll < 0.35:
            block = "\n".join(
                f"- {words.sentence(5, 18)} {link()}" for _ in range(rng.randint(2, 6))
            )
        elif roll < 0.42:
            rows = [f"| {words.title(1, 3)} | {words.sentence(3, 10)} |" for _ in range(3)]
            block = "\n".join(["| What | Detail |", "| --- | --- |", *rows])
        else:
            text = words.text(20, 80).split(" ")
            text[rng.randrange(len(text))] = f"*{text[rng.randrange(len(text))]}*"
            text.insert(rng.randrange(len(text)), link())
            block = " ".join(text)
        parts.append(block + "\n")
        length += len(block) + 2
    return "\n".join(parts)


def write_baseline(target: Path, sizes: list[int], seed: int = 1) -> None:
    """A plain MkDocs project in ``target`` with one page per size in ``sizes`` (bytes)."""
    if target.exists():
        shutil.rmtree(target)
    pages = target / "docs" / "pages"
    pages.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (target / "docs" / "index.md").write_text(
        "# Baseline\n\nHand-written pages, reached by links rather than the navigation.\n",
        encoding="utf-8",
    )
    rng = random.Random(f"tip-archive-baseline:{seed}:{len(sizes)}")
    words = Words(rng)
    for number, size in enumerate(sizes):
        text = _page(number, size, len(sizes), words, rng)
        (pages / f"page-{number:05d}.md").write_text(text, encoding="utf-8")
