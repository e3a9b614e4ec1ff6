"""Published releases stay as they were; record pages say what changed since."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_project, run_cli
from tip_archive.authoring.published import (
    FROZEN_FILES,
    normalise,
    read_published,
    record_changes,
    records_of,
    unfrozen,
)
from tip_archive.authoring.release import Release, read_releases

R1 = Release(number=1, date="2026-11-25")
R2 = Release(number=2, date="2027-03-01")


def _published(release: Release, records: list[dict[str, object]]):  # type: ignore[no-untyped-def]
    from tip_archive.authoring.published import Published

    return Published(release, {}, {r["id"]: normalise(r) for r in records})  # type: ignore[misc]


def test_a_reference_counts_by_its_id_and_a_records_url_not_at_all() -> None:
    ref = {"id": "belarus", "type": "body", "title": "Belarus", "url": "https://x/bodies/belarus/"}
    assert normalise({"id": "a", "url": "https://x/a/", "initiators": [ref], "body": ref}) == {
        "id": "a",
        "initiators": ["belarus"],
        "body": "belarus",
    }


def test_a_records_story_names_the_fields_added_corrected_and_removed() -> None:
    v1 = {"id": "a", "type": "event", "title": "T", "summary": "Old.", "symbol": "X", "facts": []}
    v2 = v1 | {"summary": "New.", "facts": ["f"]}
    v3 = {k: v for k, v in v2.items() if k != "symbol"}
    published = [_published(R1, [v1]), _published(R2, [v2])]
    story = record_changes("a", published, v3)
    assert [(c.release, c.since, c.added, c.corrected, c.removed) for c in story] == [
        (R1, None, (), (), ()),
        (R2, R1, ("facts",), ("summary",), ()),
        (None, R2, (), (), ("symbol",)),
    ]
    assert record_changes("a", published, v2)[-1].release == R2  # nothing since release 2
    assert record_changes("b", published, v1) == [
        record_changes("b", [], v1)[0]
    ]  # new, not released


@pytest.mark.e2e
def test_a_record_corrected_after_release_1_says_so_and_links_release_1s_data(
    mini_project: Path, tmp_path: Path
) -> None:
    (mini_project / "releases.yaml").write_text(
        'releases:\n  - number: 1\n    date: "2026-11-25"\n', encoding="utf-8"
    )
    status, output = run_cli(mini_project, "release", "--freeze")
    assert status == 0, output
    kept = {n: (mini_project / "releases/1" / n).read_bytes() for n in FROZEN_FILES}
    status, output = run_cli(mini_project, "release", "--freeze")
    assert status == 1 and "releases/1/ exists: a published release is never rewritten" in output

    record = mini_project / "data/resolutions/a-res-64-293.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace("adopted the Global Plan", "adopted the United Nations Global Plan").replace(
            "draft_symbol: A/64/L.64\n", ""
        ),
        encoding="utf-8",
    )
    event = (mini_project / "data/events/conference-2007.yaml").read_text(encoding="utf-8")
    (mini_project / "data/events/added-later.yaml").write_text(
        event.replace("id: conference-2007", "id: added-later"), encoding="utf-8"
    )
    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output
    site = tmp_path / "site"

    for name, content in kept.items():  # release 1 is served as it was published
        assert (site / "data/releases/1" / name).read_bytes() == content
    assert (site / "data/records.json").read_bytes() != kept["records.json"]
    assert "assembly adopted the United Nations" not in kept["records.json"].decode().lower()

    page = BeautifulSoup(
        (site / "resolutions/a-res-64-293/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    versions = page.select_one("section.tip-versions")
    assert versions is not None
    items = [" ".join(li.get_text().split()) for li in versions.select("li")]
    assert items == [
        "Added in data release 1 (25 November 2026). Data release 1 data.",
        "Changed since data release 1 (25 November 2026), not yet in a release: summary "
        "corrected; draft symbol removed. The record as cited from data release 1.",
    ]
    links = [a["href"] for a in versions.select("a.tip-release-data")]
    assert links == ["../../data/releases/1/records.json"] * 2
    assert (site / "resolutions/a-res-64-293" / links[0]).resolve() == (
        site / "data/releases/1/records.json"
    )
    unchanged = BeautifulSoup(
        (site / "events/conference-2007/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert [" ".join(li.get_text().split()) for li in unchanged.select(".tip-versions li")] == [
        "Added in data release 1 (25 November 2026). Data release 1 data.",
        "Unchanged since data release 1 (25 November 2026).",
    ]
    new = BeautifulSoup(
        (site / "events/added-later/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert [" ".join(li.get_text().split()) for li in new.select(".tip-versions li")] == [
        "Added after data release 1 (25 November 2026), not yet in a release."
    ]
    listing = BeautifulSoup(
        (site / "data/releases/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    section = listing.select_one("#release-1")
    assert section is not None and "Data release 1 (25 November 2026)" in section.get_text()


def test_every_release_of_the_archive_is_kept_as_published() -> None:
    releases = read_releases(ROOT / "releases.yaml")
    assert unfrozen(ROOT, releases) == [], "run `tip-archive release --freeze` (CONTRIBUTING.md)"
    for item in read_published(ROOT, releases):
        assert set(item.files) == set(FROZEN_FILES)
        assert records_of(item.files["records.json"]) == item.records
        assert f'"release": "{item.release.number}"' in item.files["records.json"].decode()


@pytest.mark.e2e
def test_the_feed_lists_every_release_with_its_records_and_every_page_links_it(
    mini_project: Path, tmp_path: Path
) -> None:
    import feedparser

    (mini_project / "releases.yaml").write_text(
        'releases:\n  - number: 1\n    date: "2026-11-25"\n    note: The first.\n', encoding="utf-8"
    )
    assert run_cli(mini_project, "release", "--freeze")[0] == 0
    record = mini_project / "data/events/conference-2007.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "related: [a-res-64-293]\n", "utf-8")
    with (mini_project / "releases.yaml").open("a", encoding="utf-8") as file:
        file.write('  - number: 2\n    date: "2027-03-01"\n')
    assert run_cli(mini_project, "release", "--freeze")[0] == 0
    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output

    feed = feedparser.parse((tmp_path / "site/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [
        "Data release 2 (1 March 2027)",
        "Data release 1 (25 November 2026)",
    ]
    assert feed.entries[0].updated == "2027-03-01T00:00:00+00:00"
    newest, first = (e.content[0].value for e in feed.entries)
    assert "Records corrected (1)" in newest and "conference-2007" in newest
    assert "Records added" not in newest
    assert "Records added (8)" in first and "The first." in first
    assert feed.entries[1].link.endswith("/data/releases/#release-1")

    for page in ("index.html", "resolutions/a-res-64-293/index.html", "404.html"):
        soup = BeautifulSoup((tmp_path / "site" / page).read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one('head link[rel="alternate"][type="application/atom+xml"]')
        assert link is not None, page
        if page != "404.html":  # the 404 page's links are from the site root
            target = (tmp_path / "site" / page).parent / str(link["href"])
            assert target.resolve() == (tmp_path / "site/feed.xml").resolve()
