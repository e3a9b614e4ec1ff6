"""Where in a reference a fact is read (``at:``), in Russian on Russian pages: the
vocabulary reads every location of the archive, a location it cannot read is shown as
written, marked English, and counted as a missing translation; and a list does not repeat
a date its title already ends with."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import MINI, PUBLIC_RECORD
from tip_archive.crossref.translation import translation_coverage
from tip_archive.i18n.locations import NUMBERED, WORDS, Part, in_russian, parse
from tip_archive.model.dates import DateSpan
from tip_archive.model.records import Event, Translation
from tip_archive.pipeline.engine import generate, load_archive
from tip_archive.render.edition import ENGLISH, Edition
from tip_archive.render.pages import SiteOptions

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("para. 3", "абз. 3"),
        ("paras 3-4", "абз. 3–4"),
        ("paras. 1, 3", "абз. 1, 3"),
        ("paras 1 and 6-9", "абз. 1 и 6–9"),
        ("header", "шапка"),
        ("header and para. 1", "шапка и абз. 1"),
        ("title", "название"),
        ("heading", "заголовок"),
        ("dateline", "строка с датой"),
        ("preamble", "преамбула"),
        ("PP2", "п. 2 преамбулы"),
        ("OP 5", "п. 5 постановляющей части"),
        ("summary", "резюме"),
        ("page 2", "с. 2"),
        ("p. 2", "с. 2"),
        ("page", "страница"),
        ("key point 6", "основное положение 6"),
        ("key points 1-7", "основные положения 1–7"),
        ("annex, title", "приложение, название"),
        ("para. 1 and footnote", "абз. 1 и сноска"),
        ("para. 1, footnote", "абз. 1, сноска"),
        ("abstract", "аннотация"),
        ("programme", "программа"),
    ],
)
def test_a_location_reads_in_russian(english: str, russian: str) -> None:
    assert in_russian(english) == russian


def test_a_location_is_parsed_into_its_words_numbers_and_connectors() -> None:
    assert parse("key points 1-3 and para. 2") == [
        Part("word", "key points"),
        Part("number", "1–3"),
        Part("connector", "and"),
        Part("word", "para"),
        Part("number", "2"),
    ]


@pytest.mark.parametrize(
    "unknown",
    ["para. 3 of the addendum", "OP", "PP", ", para. 1", "Annexe 2", "para. 3; para. 4", "¶ 3"],
)
def test_a_location_the_vocabulary_cannot_read_has_no_russian_form(unknown: str) -> None:
    assert in_russian(unknown) is None


def _locations(node: Any) -> list[str]:
    if isinstance(node, dict):
        here = [str(node["at"])] if "at" in node else []
        return here + [at for value in node.values() for at in _locations(value)]
    if isinstance(node, list):
        return [at for item in node for at in _locations(item)]
    return []


def test_every_location_in_the_archive_reads_in_russian() -> None:
    found = {
        at
        for path in (ROOT / "data").rglob("*.yaml")
        for at in _locations(yaml.safe_load(path.read_text(encoding="utf-8")))
    }
    assert len(found) > 40  # every kind the brief lists, and the numbers with them
    unread = sorted(at for at in found if in_russian(at) is None)
    assert unread == []
    assert all(not re.search("[A-Za-z]", in_russian(at) or "") for at in found)


_WORD = st.sampled_from(
    sorted(w for w in WORDS if w not in ("p", "pp"))
    + [w for w, (alone, _) in NUMBERED.items() if alone]
)
_NUMBER = st.builds(
    lambda a, b: f"{a}" if b is None else f"{a}-{a + b}",
    st.integers(1, 99),
    st.one_of(st.none(), st.integers(1, 9)),
)
_PART = st.tuples(_WORD, st.one_of(st.none(), _NUMBER)).map(
    lambda p: p[0] if p[1] is None else f"{p[0]} {p[1]}"
)


@given(st.lists(_PART, min_size=1, max_size=4), st.sampled_from([" and ", ", "]))
def test_any_location_made_of_the_vocabulary_reads_in_russian(
    parts: list[str], joiner: str
) -> None:
    russian = in_russian(joiner.join(parts))
    assert russian is not None
    assert not re.search("[A-Za-z]", russian)
    assert russian.count(" и ") == (len(parts) - 1 if joiner == " and " else 0)


# -- on the pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("locations") / "project"
    shutil.copytree(MINI, target)
    shutil.copytree(PUBLIC_RECORD, target, dirs_exist_ok=True)
    record = target / "data" / "resolutions" / "a-res-70-179.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("at: para. 4", "at: para. 4 of the addendum"), encoding="utf-8")
    return target


def test_a_russian_page_shows_each_location_in_russian_or_marked_english(project: Path) -> None:
    _archive, rendered = generate(project / "data", SiteOptions(), project, lang="ru")
    pages = {page.src: page.markdown for page in rendered}
    resolution = pages["ru/resolutions/a-res-70-179.md"]
    facts = re.search(r'<ul class="tip-facts">.*?</ul>', resolution, re.S)
    assert facts is not None
    assert ", шапка (" in facts.group(0)
    assert (
        ', <span lang="en">para. 4 of the addendum</span> '
        '<span class="tip-untranslated">(перевод ещё не готов)</span>'
    ) in facts.group(0)
    assert ", абз. 2" in resolution  # the figure's reference
    assert "header" not in resolution
    reference = pages["ru/references/un-a-res-70-179.md"]
    uses = re.search(r'<ul class="tip-uses">.*?</ul>', reference, re.S)
    assert uses is not None and "(шапка)" in uses.group(0)
    _archive, english = generate(project / "data", SiteOptions(), project)
    page = next(p.markdown for p in english if p.src == "resolutions/a-res-70-179.md")
    assert ", header (" in page and ", para. 4 of the addendum" in page


def test_a_location_the_vocabulary_cannot_read_counts_as_untranslated(project: Path) -> None:
    coverage = translation_coverage(load_archive(project / "data", project))
    assert "at" in coverage.missing["a-res-70-179"]
    assert coverage.needed[("resolution", "at")] == 4
    assert coverage.done[("resolution", "at")] == 3
    assert "at" not in coverage.missing.get("valentin-rybakov", [])


# -- a date a title already ends with -------------------------------------------------------


def _event(title: str, date: str, russian: str | None = None) -> Event:
    translations = {"ru": Translation(title=russian)} if russian else {}
    return Event(
        type="event",
        id="meeting",
        title=title,
        kind="meeting",
        date=DateSpan.parse(date),
        translations=translations,
    )


def test_a_list_shows_the_date_after_a_title_unless_the_title_ends_with_it() -> None:
    ru = Edition.of("ru")
    review = _event(
        "Meeting to review the Plan (2021)", "2021", "Совещание по обзору Плана (2021 г.)"
    )
    assert ENGLISH.date_after_title(review) == ""
    assert ru.date_after_title(review) == ""
    vienna = _event("Briefing (Vienna, 2018)", "2018", "Брифинг (Вена, 2018 г.)")
    assert (ENGLISH.date_after_title(vienna), ru.date_after_title(vienna)) == ("", "")
    dated = _event("Statement, 3 June 2008", "2008-06-03", "Заявление, 3 июня 2008 г.")
    assert (ENGLISH.date_after_title(dated), ru.date_after_title(dated)) == ("", "")
    span = _event("Meeting (27-28 September 2017)", "2017-09-27/2017-09-28")
    assert ENGLISH.date_after_title(span) == ""
    # A title naming its year while the date is a day still shows the day.
    day = _event("Briefing (Vienna, 2018)", "2018-06-14", "Брифинг (Вена, 2018 г.)")
    assert ENGLISH.date_after_title(day) == "14 June 2018"
    assert ru.date_after_title(day) == "14 июня 2018 г."
    plain = _event("A meeting", "2021")
    assert ENGLISH.date_after_title(plain) == "2021"
    assert ru.date_after_title(plain) == "2021 г."


def test_a_related_list_gives_a_title_ending_with_its_year_once(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    event = project / "data" / "events" / "conference-2007.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace('Girls>"', 'Girls> (2007)"'),
        encoding="utf-8",
    )
    for lang in ("en", "ru"):
        _archive, rendered = generate(project / "data", SiteOptions(), project, lang=lang)
        page = next(p.markdown for p in rendered if p.src.endswith("resolutions/a-res-64-293.md"))
        related = re.search(r'<ul class="tip-related">.*?</ul>', page, re.S)
        assert related is not None
        item = next(li for li in related.group(0).split("<li>") if "Girls" in li)
        assert "(2007)" in item and "tip-date" not in item, item


# -- a record's own values ------------------------------------------------------------------


def test_no_metadata_value_of_the_archive_is_left_in_english_on_its_russian_page() -> None:
    """Every record of every type: each value of its metadata table (an agenda item, an
    author, a publisher ...) is Russian, or a symbol, a link, or a name marked English."""
    from bs4 import BeautifulSoup

    from tip_archive.render.describe import metadata_rows

    archive = load_archive(ROOT / "data", ROOT)
    ru = Edition.of("ru")
    left = []
    types = set()
    for record in archive.records():
        types.add(record.type)
        for row in metadata_rows(archive, record, ru.url(record), ru):
            cell = BeautifulSoup(str(row.value), "html.parser")
            for marked in cell.select("[lang=en], code, a.tip-outside, a.tip-undocs"):
                marked.decompose()
            text = cell.get_text()
            if re.search(r"[a-z]{3,}", text) and not re.search("[а-яё]", text, re.IGNORECASE):
                left.append(f"{record.id}: {row.label}: {text}")
    assert len(types) == 8
    assert left == []
