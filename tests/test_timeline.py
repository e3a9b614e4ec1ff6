"""The chronology's timeline graphic: dates as positions, layout, and the SVG it draws."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tip_archive.model.dates import DateSpan
from tip_archive.pipeline.engine import load_archive, render_site
from tip_archive.render import timeline
from tip_archive.render.pages import CHRONOLOGY_SRC, SiteOptions
from tip_archive.render.timeline import Mark, Subjects, period, place, render_svg

SVG = "{http://www.w3.org/2000/svg}"


def _mark(record_id: str, date: str, kind: str = "event", **extra: Any) -> Mark:
    start, end = period(DateSpan.parse(date))
    return Mark(record_id, kind, f"label of {record_id}", f"../x/{record_id}/", start, end, **extra)


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


# -- dates as positions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "start", "end"),
    [
        ("2010", 2010.0, 2011.0),
        ("2010-07", 2010 + 181 / 365, 2010 + 212 / 365),
        ("2010-07-30", 2010 + 210 / 365, 2010 + 211 / 365),
        ("2012-12", 2012 + 335 / 366, 2013.0),
        ("2012-12-31", 2012 + 365 / 366, 2013.0),
        ("2013-05-13/2013-05-14", 2013 + 132 / 365, 2013 + 134 / 365),
        ("2011/2012", 2011.0, 2013.0),
    ],
)
def test_a_date_covers_the_period_it_is_known_to(date: str, start: float, end: float) -> None:
    assert period(DateSpan.parse(date)) == pytest.approx((start, end))


# -- layout ---------------------------------------------------------------------------------


def test_marks_that_would_overlap_are_stacked_in_rows() -> None:
    placed = place(
        [
            _mark("a", "2007"),
            _mark("b", "2007-05-01"),  # inside 2007's bar: a second row
            _mark("c", "2007-05-02"),  # a day later: overlaps b's dot as well, third row
            _mark("d", "2009-01-01"),  # clear of everything: back on the first row
        ],
        2005,
    )
    rows = {p.mark.record_id: p.row for p in placed}
    assert rows == {"a": 0, "b": 1, "c": 2, "d": 0}


def test_short_periods_are_drawn_as_dots_and_long_ones_as_bars() -> None:
    svg = _parse(render_svg([_mark("day", "2010-07-30"), _mark("year", "2008")], 2005, 2019))
    marks = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert marks["../x/day/"].find(f"{SVG}circle") is not None
    bar = marks["../x/year/"].find(f"{SVG}rect")
    assert bar is not None and float(bar.get("width", 0)) == timeline.YEAR_WIDTH


# -- the SVG --------------------------------------------------------------------------------


def test_the_svg_has_lanes_year_ticks_and_a_linked_mark_per_record() -> None:
    marks = [
        _mark("r", "2010-07-30", "resolution", subjects=Subjects(("belarus", "un-ga"), ())),
        _mark("s", "2012-04-03", "statement", subjects=Subjects((), ("rybakov",))),
        _mark("e", "2007", "event"),
        _mark("d", "2006-09-11", "document"),
    ]
    svg = _parse(render_svg(marks, 2005, 2019))
    assert svg.get("role") == "group"
    assert svg.get("aria-labelledby") == timeline.TITLE_ID
    assert svg.get("aria-describedby") == timeline.NOTE_ID
    title = svg.find(f"{SVG}title")
    assert title is not None and title.get("id") == timeline.TITLE_ID
    years = [t.text for t in svg.iter(f"{SVG}text") if "tip-tl__year" in (t.get("class") or "")]
    assert years == [str(y) for y in range(2005, 2020)]
    assert len([line for line in svg.iter(f"{SVG}line")]) == 16
    lanes = [t.text for t in svg.iter(f"{SVG}text") if "lane-label" in (t.get("class") or "")]
    assert lanes == ["Resolutions (1)", "Statements (1)", "Events (1)", "Documents (1)"]
    links = list(svg.iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == ["../x/r/", "../x/s/", "../x/e/", "../x/d/"]
    for link in links:
        assert link.get("tabindex") == "-1"  # the list below is the keyboard's way in
        mark_title = link.find(f"{SVG}title")
        assert mark_title is not None and mark_title.text
    resolution = links[0]
    assert resolution.get("data-type") == "resolution"
    assert resolution.get("data-bodies") == "belarus un-ga"
    assert links[1].get("data-people") == "rybakov"


def test_record_text_in_the_svg_is_escaped() -> None:
    mark = Mark("x", "event", 'A <b>"bold"</b> & title', "../x/", 2010.0, 2011.0)
    svg = str(render_svg([mark], 2005, 2019))
    assert "<b>" not in svg
    parsed = _parse(svg)
    link = next(parsed.iter(f"{SVG}a"))
    mark_title = link.find(f"{SVG}title")
    assert mark_title is not None and mark_title.text == 'A <b>"bold"</b> & title'


def test_the_same_marks_give_the_same_svg() -> None:
    marks = [_mark("a", "2007"), _mark("b", "2007-05-01"), _mark("c", "2015-03")]
    assert render_svg(marks, 2005, 2019) == render_svg(list(reversed(marks)), 2005, 2019)


# -- built from the archive -----------------------------------------------------------------


def test_subjects_come_from_reference_fields_and_backlinks(mini_project: Path) -> None:
    archive = load_archive(mini_project / "data", mini_project)
    assert timeline.subjects(archive, archive["a-res-64-293"]) == Subjects(
        ("belarus", "un-general-assembly"), ()
    )
    assert timeline.subjects(archive, archive["statement-2012"]) == Subjects(
        (), ("valentin-rybakov",)
    )
    assert timeline.subjects(archive, archive["conference-2007"]) == Subjects(("belarus",), ())


def test_records_outside_the_years_are_listed_but_not_drawn(
    mini_project: Path, write_record: Callable[[str, str], Path]
) -> None:
    write_record(
        "events/review-2021.yaml",
        "type: event\nid: review-2021\ntitle: Review\nkind: meeting\ndate: 2021\n"
        "status: announced\norganisers: [belarus]\nsources:\n"
        "  - {source: mini-source, paragraph: 2, quote: Belarus organized}\n",
    )
    archive = load_archive(mini_project / "data", mini_project)
    records = [archive[i] for i in ("draft-2006", "conference-2007", "review-2021")]
    picture = timeline.build(archive, records, "chronology/", 2005, 2019)
    assert [m.record_id for m in picture.marks] == ["draft-2006", "conference-2007"]
    assert picture.outside == 1
    assert picture.subjects["review-2021"] == Subjects(("belarus",), ())
    assert picture.marks[1].href == "../events/conference-2007/"
    assert picture.options(archive, "body") == [("belarus", "Republic of Belarus", 2)]


def test_the_chronology_page_opens_with_the_timeline_and_its_filters(mini_project: Path) -> None:
    archive = load_archive(mini_project / "data", mini_project)
    pages = {p.src: p.markdown for p in render_site(archive)}
    markdown = pages[CHRONOLOGY_SRC]
    form, figure, years = (
        markdown.index('<form class="tip-filters"'),
        markdown.index('<figure class="tip-timeline">'),
        markdown.index('<nav class="tip-years"'),
    )
    assert form < figure < years
    assert re.search(r'<form class="tip-filters" id="tip-filters" hidden', markdown)
    assert '<option value="valentin-rybakov">Valentin Rybakov (1)</option>' in markdown
    assert 'id="tip-timeline-note"' in markdown
    # The overview lists no record: each year's page does, with the same filter data
    # on its list items as the overview's marks carry for the same record.
    assert "tip-chrono__item" not in markdown
    items = {
        href.removeprefix("../"): data
        for src, text in pages.items()
        if src.startswith("chronology/") and src != CHRONOLOGY_SRC
        for data, href in re.findall(
            r'<li class="tip-chrono__item" (data-type=[^>]*)>.*?<a href="([^"]+)"', text
        )
    }
    marks = dict(
        re.findall(r'<a class="tip-tl__mark[^"]*" href="([^"]+)" tabindex="-1" ([^>]*)>', markdown)
    )
    assert len(marks) == 4
    assert all(items[href] == data for href, data in marks.items())
    # No blank line inside the HTML block: Markdown would end the block there.
    block = markdown[figure : markdown.index("</figure>")]
    assert "\n\n" not in block


def test_many_records_draw_a_count_per_year_and_lane(mini_project: Path) -> None:
    archive = load_archive(mini_project / "data", mini_project)
    # A page budget too small for the four marks: the overview counts instead of drawing.
    pages = {p.src: p.markdown for p in render_site(archive, SiteOptions(page_bytes=1000))}
    markdown = pages[CHRONOLOGY_SRC]
    assert "tip-tl__mark" not in markdown and 'id="tip-filters"' not in markdown
    cells = re.findall(
        r'<a class="tip-tl__count tip-tl__count--(\w+)" href="([^"]+)" tabindex="-1">'
        r"<title>([^<]+)</title>",
        markdown,
    )
    assert ("resolution", "2010/?type=resolution", "2010: 1 resolution") in cells
    assert len(cells) == 4
    # Each cell leads to a year page that exists.
    assert all(f"chronology/{href.split('/')[0]}/index.md" in pages for _k, href, _t in cells)
