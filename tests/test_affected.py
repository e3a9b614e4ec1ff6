"""The pages an edit touches (``pipeline/affected.py``): after each kind of edit, every page
whose Markdown changed, in either edition, is among those the dependency set names.

The pages of a synthetic archive (the speed benchmark's, with its hubs, references and
long lists) are made in full before and after each edit and compared; no MkDocs."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tip_archive.bench.corpus import write_corpus
from tip_archive.pipeline import affected
from tip_archive.pipeline.cache import BuildCache
from tip_archive.pipeline.engine import load_archive, plan
from tip_archive.render.pages import PagePlan, SiteOptions

ROOT = Path(__file__).resolve().parents[1]
#: Small pages, so that indexes, years and long records go on to continuation pages.
OPTIONS = SiteOptions(site_url="https://example.org/", site_name="Archive", page_bytes=6_000)


class Built:
    def __init__(self, root: Path, cache: BuildCache) -> None:
        archive = load_archive(root / "data", root, cache)
        self.snapshot = affected.snapshot(archive, OPTIONS)
        self.archive = archive
        self.plans: dict[str, PagePlan] = {p.src: p for p in plan(archive, OPTIONS)}
        self.markdown = {src: p.make().markdown for src, p in self.plans.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "c", 120, ROOT).root


def _first(root: Path, folder: str, having: str = "") -> Path:
    return next(
        p for p in sorted((root / "data" / folder).glob("*.yaml")) if having in p.read_text()
    )


def _sub(path: Path, pattern: str, repl: str) -> None:
    text = path.read_text(encoding="utf-8")
    new = re.sub(pattern, repl, text, count=1, flags=re.M)
    assert new != text, f"{pattern} not in {path}"
    path.write_text(new, encoding="utf-8")


def retitle(folder: str) -> Callable[[Path], None]:
    return lambda root: _sub(_first(root, folder), r"^title: .*$", "title: Quite another title")


def redate(root: Path) -> None:
    _sub(_first(root, "events", "date: '2"), r"^date: '\d{4}", "date: '2011")


def undate(root: Path) -> None:
    # The first record with no date: the chronology gains its "Date not given" section.
    _sub(_first(root, "statements", "date: '"), r"^date: .*$", "date_note: The sources give none.")


def resymbol(root: Path) -> None:
    # A symbol more for a resolution: the symbol table, its page and the redirects change.
    path = next(
        p
        for p in sorted((root / "data/resolutions").glob("*.yaml"))
        if "other_symbols" not in p.read_text()
    )
    path.write_text(path.read_text() + "other_symbols:\n- A/C.3/99/L.77\n", encoding="utf-8")


def delete(root: Path) -> None:
    path = _first(root, "statements")
    linked = path.stem
    # A record nothing else names (deleting a linked one would leave broken links).
    for candidate in sorted((root / "data/statements").glob("*.yaml")):
        if not any(
            candidate.stem in p.read_text()
            for p in (root / "data").rglob("*.yaml")
            if p != candidate
        ):
            path, linked = candidate, ""
            break
    assert not linked
    path.unlink()


def add(root: Path) -> None:
    source = _first(root, "events")
    text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}", "id: added-event")
    (source.parent / "added-event.yaml").write_text(text, encoding="utf-8")


def cite_more(root: Path) -> None:
    # Six records more citing the same paragraphs: the sources' pages are cut elsewhere, so
    # every page citing them links to their paragraphs anew.
    source = _first(root, "events", "quote:")
    text = source.read_text(encoding="utf-8")
    for n in range(6):
        copy = text.replace(f"id: {source.stem}", f"id: citing-event-{n}")
        (source.parent / f"citing-event-{n}.yaml").write_text(copy, encoding="utf-8")


def retext(root: Path) -> None:
    text = sorted((root / "data/sources/texts").glob("*.txt"))[0]
    text.write_text(
        text.read_text(encoding="utf-8") + "\n\nA paragraph added at the end.\n", encoding="utf-8"
    )


EDITS = {
    **{
        f"title of a {folder}": retitle(folder)
        for folder in (
            "resolutions",
            "statements",
            "events",
            "documents",
            "bodies",
            "people",
            "sources",
            "references",
        )
    },
    "date to another year": redate,
    "date removed": undate,
    "symbol": resymbol,
    "record deleted": delete,
    "record added": add,
    "records citing a source added": cite_more,
    "source text": retext,
}


@pytest.mark.parametrize("edit", EDITS)
def test_every_page_an_edit_changes_is_in_its_dependency_set(
    corpus: Path, tmp_path: Path, edit: str
) -> None:
    root = tmp_path / "c"
    shutil.copytree(corpus, root)
    cache = BuildCache()
    try:
        before = Built(root, cache)
        EDITS[edit](root)
        after = Built(root, cache)
    finally:
        cache.close()
    touched = affected.between(before.snapshot, after.snapshot, after.archive)
    assert touched is not None
    changed = {
        src for src, markdown in after.markdown.items() if before.markdown.get(src) != markdown
    }
    assert changed, "the edit changes some page"
    missed = sorted(src for src in changed if not touched.touches(after.plans[src]))
    assert not missed, f"{edit}: pages changed but not in the dependency set: {missed[:10]}"
    # And the set is a small part of the site, except for the edits every year sees.
    untouched = [p for p in after.plans.values() if not touched.touches(p)]
    assert untouched, "some pages are left as they were"


def test_nothing_changed_touches_only_the_pages_made_at_every_build(
    corpus: Path, tmp_path: Path
) -> None:
    cache = BuildCache()
    try:
        before = Built(corpus, cache)
        again = Built(corpus, cache)
    finally:
        cache.close()
    touched = affected.between(before.snapshot, again.snapshot, again.archive)
    assert touched is not None
    made = [src for src, p in again.plans.items() if touched.touches(p)]
    assert made and all(again.plans[src].topic is None for src in made)


def test_no_earlier_build_or_other_settings_touch_every_page(corpus: Path) -> None:
    cache = BuildCache()
    try:
        archive = load_archive(corpus / "data", corpus, cache)
    finally:
        cache.close()
    now = affected.snapshot(archive, OPTIONS)
    assert affected.between(None, now, archive) is None
    other = affected.snapshot(archive, SiteOptions(site_url="https://example.org/", release="2"))
    assert affected.between(other, now, archive) is None


def test_a_body_taking_a_source_authors_name_touches_the_source(
    corpus: Path, tmp_path: Path
) -> None:
    """A source's citation names its author as a person or a body by the bodies' titles: a
    body renamed to (or from) an author's name changes the source's page, which names none
    of the bodies."""
    root = tmp_path / "c"
    shutil.copytree(corpus, root)
    source = _first(root, "sources")
    _sub(source, r"^title: (.*)$", r"title: \1\nauthor: Anna Smith")
    cache = BuildCache()
    try:
        before = Built(root, cache)
        _sub(_first(root, "bodies"), r"^title: .*$", "title: Anna Smith")
        after = Built(root, cache)
    finally:
        cache.close()
    touched = affected.between(before.snapshot, after.snapshot, after.archive)
    assert touched is not None
    changed = {src for src, md in after.markdown.items() if before.markdown.get(src) != md}
    page = f"sources/{source.stem}.md"
    assert page in changed, "the source's citation names its author as a body now"
    assert touched.touches(after.plans[page]), f"{page} changed but is not in the set"
