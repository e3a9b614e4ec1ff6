"""The Russian edition's words: the catalogue is complete, dates and plurals are Russian,
a missing translation shows the English text marked, and the record page reads in Russian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from conftest import translate_mini
from tip_archive.i18n import Messages, catalogue_path, russian_span
from tip_archive.i18n.extract import all_messages
from tip_archive.model.dates import DateSpan
from tip_archive.model.records import RECORD_FIELDS
from tip_archive.pipeline.engine import generate, load_archive, renderer
from tip_archive.render.edition import Edition
from tip_archive.render.languages import alternates, nav_config, page_language, twin_of
from tip_archive.render.pages import SiteOptions
from tip_archive.render.timeline import render_counts_svg

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def _catalogue() -> dict[str, object]:
    with catalogue_path("ru").open("rb") as file:
        return {
            m.id if isinstance(m.id, str) else m.id[0]: m.string
            for m in read_po(file, "ru")
            if m.id
        }


def _nav_titles(item: object) -> list[str]:
    if isinstance(item, list):
        return [t for i in item for t in _nav_titles(i)]
    if isinstance(item, dict):
        return [str(k) for k in item] + [t for v in item.values() for t in _nav_titles(v)]
    return []


def test_every_interface_string_has_its_russian_one() -> None:
    catalogue = _catalogue()
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    wanted = dict(all_messages())
    for text in [*_nav_titles(config["nav"]), config["site_name"], config["copyright"]]:
        wanted.setdefault(text, "mkdocs.yml")
    wanted.setdefault(" ".join(config["site_description"].split()), "mkdocs.yml")
    missing = [f"{where}: {msgid!r}" for msgid, where in wanted.items() if not catalogue.get(msgid)]
    assert missing == []
    assert len(wanted) > 250  # the extractors found the templates', the modules' and the scripts'


def test_translations_keep_their_placeholders() -> None:
    with catalogue_path("ru").open("rb") as file:
        entries = [m for m in read_po(file, "ru") if m.id]
    pattern = re.compile(r"%\(\w+\)s|\{\w+\}")
    for entry in entries:
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for string in strings:
            assert sorted(set(pattern.findall(string))) == sorted(set(pattern.findall(ids[-1]))), (
                entry.id
            )


@pytest.mark.parametrize(
    ("value", "russian"),
    [
        ("2010-07-30", "30 июля 2010 г."),
        ("2009-05", "май 2009 г."),
        ("2006", "2006 г."),
        ("2013-05-13/2013-05-14", "13–14 мая 2013 г."),
        ("2013-04-30/2013-05-02", "30 апреля – 2 мая 2013 г."),
        ("2010-05/2010-06", "май–июнь 2010 г."),
        ("2005/2006", "2005–2006 гг."),
        ("2012-12/2013-01", "декабрь 2012 г. – январь 2013 г."),
    ],
)
def test_russian_dates_keep_the_precision(value: str, russian: str) -> None:
    assert russian_span(DateSpan.parse(value)) == russian
    assert Messages.of("ru").date(DateSpan.parse(value)) == russian


def test_russian_plurals_have_three_forms() -> None:
    m = Messages.of("ru")
    one, many = "%(num)s symbol, in alphabetical order", "%(num)s symbols, in alphabetical order"
    assert m.ngettext(one, many, 1) % {"num": 1} == "1 обозначение в алфавитном порядке"
    assert m.ngettext(one, many, 3) % {"num": 3} == "3 обозначения в алфавитном порядке"
    assert m.ngettext(one, many, 5) % {"num": 5} == "5 обозначений в алфавитном порядке"
    assert m.ngettext(one, many, 21) % {"num": 21} == "21 обозначение в алфавитном порядке"


#: Each record type counted in Russian: 1, 2, 5, 11 and 21 of it.
RUSSIAN_COUNTS = {
    "resolution": ("резолюция", "резолюции", "резолюций", "резолюций", "резолюция"),
    "statement": ("выступление", "выступления", "выступлений", "выступлений", "выступление"),
    "event": ("событие", "события", "событий", "событий", "событие"),
    "document": ("документ", "документа", "документов", "документов", "документ"),
    "body": ("орган", "органа", "органов", "органов", "орган"),
    "person": ("лицо", "лица", "лиц", "лиц", "лицо"),
    "source": ("источник", "источника", "источников", "источников", "источник"),
    "reference": ("ссылка", "ссылки", "ссылок", "ссылок", "ссылка"),
}


@pytest.mark.parametrize("kind", RUSSIAN_COUNTS)
def test_a_number_of_records_takes_its_russian_plural_form(kind: str) -> None:
    ru, en = Edition.of("ru"), Edition.of("en")
    found = tuple(ru.count(kind, n).removeprefix(f"{n} ") for n in (1, 2, 5, 11, 21))
    assert found == RUSSIAN_COUNTS[kind]
    assert en.count(kind, 1) == f"1 {en.type_name(kind).lower()}"
    assert en.count(kind, 21) == f"21 {en.type_name(kind, plural=True).lower()}"


def test_the_chronology_counts_in_russian_plural_forms() -> None:
    counts = {("resolution", 2010): 5, ("event", 2010): 21, ("document", 2011): 2}
    svg = str(render_counts_svg(counts, 2010, 2011, Edition.of("ru")))
    for tooltip in ("2010: 5 резолюций", "2010: 21 событие", "2011: 2 документа"):
        assert f"<title>{tooltip}</title>" in svg
    assert "<title>2010: 5 resolutions</title>" in str(render_counts_svg(counts, 2010, 2011))


def test_every_field_of_a_record_has_its_russian_name() -> None:
    """The Versions block, facts and readings name a record's fields: in Russian, all of them."""
    ru = Edition.of("ru")
    english = [n for n in sorted(RECORD_FIELDS) if ru.field_name(n) == n.replace("_", " ")]
    assert english == []
    assert ru.field_name("key_points") == "основные положения"


def test_a_missing_russian_text_shows_the_english_one_marked() -> None:
    ru = Edition.of("ru")
    assert str(ru.text("consensus", None)) == (
        '<span lang="en">consensus</span> <span class="tip-untranslated">(перевод ещё не готов)</span>'
    )
    assert str(ru.text("consensus", "консенсусом")) == "консенсусом"
    assert str(Edition.of("en").text("consensus", "консенсусом")) == "consensus"


def test_pages_and_their_twins() -> None:
    assert page_language("ru/chronology/index.md") == "ru"
    assert page_language("resolutions/a-res-64-293.md") == "en"
    assert page_language("ru.md") == "en"
    assert twin_of("chronology/index.md", "ru") == "ru/chronology/index.md"
    assert twin_of("ru/chronology/index.md", "en") == "chronology/index.md"
    urls = {"index.md": "", "ru/index.md": "ru/", "about.md": "about/", "ru/about.md": "ru/about/"}
    found = alternates("ru/about.md", urls, "https://example.org/")
    assert [(a["lang"], a["href"], a["url"], a["current"]) for a in found] == [
        ("en", "../../about/", "https://example.org/about/", False),
        ("ru", "./", "https://example.org/ru/about/", True),
    ]
    home = alternates("index.md", {"index.md": "./", "ru/index.md": "ru/"}, "https://example.org/")
    assert [(a["href"], a["url"]) for a in home] == [
        ("./", "https://example.org/"),
        ("ru/", "https://example.org/ru/"),
    ]
    nav = nav_config(
        [{"Home": "index.md"}, {"About": [{"Permanent links": "about.md"}]}],
        "ru",
        urls.__contains__,
    )
    assert nav == [
        {"Главная": "ru/index.md"},
        {"Об архиве": [{"Постоянные ссылки": "ru/about.md"}]},
    ]


@pytest.fixture(scope="module")
def russian_pages() -> dict[str, str]:
    _archive, rendered = generate(MINI / "data", SiteOptions(), MINI, lang="ru")
    return {page.src: page.markdown for page in rendered}


def test_the_russian_edition_has_a_twin_of_every_page(russian_pages: dict[str, str]) -> None:
    _archive, english = generate(MINI / "data", SiteOptions(), MINI)
    pages = [p.src for p in english if p.src.endswith(".md") and not p.src.startswith("symbol/")]
    assert sorted(russian_pages) == sorted("ru/" + src for src in pages)


def test_the_russian_chronology_overview_counts_in_plural_forms() -> None:
    """On the archive's own chronology, where years have 2 to 20 records of a type."""
    archive = load_archive(ROOT / "data", ROOT)
    page = next(p for p in renderer(archive, lang="ru").plan() if p.src == "ru/chronology/index.md")
    overview = page.make().markdown
    lines = re.findall(r'<p class="tip-chrono__year">.*?</p>', overview)
    assert lines, overview
    counted = re.findall(r"(\d+) ([а-яё]+)", " ".join(lines))
    forms = {form: i for forms in RUSSIAN_COUNTS.values() for i, form in enumerate(forms[:3])}
    words = [(int(n), w) for n, w in counted if w in forms]
    assert words
    for n, word in words:
        rule = (
            0
            if n % 10 == 1 and n % 100 != 11
            else 1
            if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14
            else 2
        )
        assert forms[word] == rule, (n, word)


def test_a_russian_record_page_reads_in_russian(russian_pages: dict[str, str]) -> None:
    page = russian_pages["ru/resolutions/a-res-64-293.md"]
    assert "## Как сослаться { #cite-this }" in page
    assert "ГОСТ Р 7.0.5–2008" in page
    assert '<th scope="row">Принята</th>' in page
    assert "30 июля 2010 г." in page
    assert '"citation_language", "ru"' in page
    assert "Об этой записи" in page


def test_every_string_the_scripts_show_is_in_the_catalogue_list() -> None:
    """Each ``t("...")`` of the browser scripts is in SCRIPT_MESSAGES (and so, by the test
    above, translated), and the list holds no string the scripts no longer show."""
    import json

    from tip_archive.render.languages import SCRIPT_MESSAGES

    assets = ROOT / "src" / "tip_archive" / "render" / "assets"
    shown = {
        json.loads('"' + m.group(1) + '"')
        for f in assets.glob("*.js")
        for m in re.finditer(r'\bt\("((?:[^"\\]|\\.)*)"', f.read_text(encoding="utf-8"))
    }
    assert shown == set(SCRIPT_MESSAGES)


def test_validate_reports_translation_coverage(
    mini_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tip_archive.cli import main

    assert main(["validate", "--data", str(mini_project / "data")]) == 0
    out = capsys.readouterr().out
    assert "Russian translation: 0 of 25 texts (0.0%)." in out
    assert "  resolution: title 0/1, summary 0/1, quotes 0/1" in out
    assert "Records without full Russian text (8):" in out
    assert "  conference-2007: title, summary, figures.label, quotes" in out
    translate_mini(mini_project)
    assert main(["validate", "--data", str(mini_project / "data")]) == 0
    out = capsys.readouterr().out
    assert "Russian translation: 25 of 25 texts (100.0%)." in out
    assert "Records without full Russian text" not in out


@pytest.fixture(scope="module")
def translated_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    import shutil

    project = tmp_path_factory.mktemp("translated") / "project"
    shutil.copytree(MINI, project)
    translate_mini(project)
    _archive, rendered = generate(project / "data", SiteOptions(), project, lang="ru")
    return {page.src: page.markdown for page in rendered}


def test_a_translated_record_reads_in_russian_only(translated_pages: dict[str, str]) -> None:
    """A fully translated record page has no English text left but quotes of English
    sources (each with its Russian translation beside it) and the other-language title."""
    page = translated_pages["ru/events/conference-2007.md"]
    assert "перевод ещё не готов" not in page
    assert "<td>участники</td><td>более 400</td>" in page
    assert (
        '<blockquote lang="en"><p>In 2007, Belarus organized an International Conference</p>'
        in page
    )
    assert (
        '<span class="tip-label">Перевод архива:</span> В 2007 году Беларусь организовала '
        "международную конференцию" in page
    )
    resolution = translated_pages["ru/resolutions/a-res-64-293.md"]
    assert "Официальное русское название документа ООН" in resolution
    assert 'href="https://undocs.org/ru/A/RES/64/293"' in resolution
    for src, markdown in translated_pages.items():
        if src.endswith("index.md") or "/symbols" in src or src.startswith("ru/reference"):
            continue
        assert "перевод ещё не готов" not in markdown, src


def test_a_russian_language_text_keeps_its_title_as_the_original(
    tmp_path: Path, translated_pages: dict[str, str]
) -> None:
    """A source or reference published in Russian: its Russian title is the one it was
    published under, never called the archive's translation (the English one is)."""
    import shutil

    english = translated_pages["ru/sources/mini-source.md"]
    assert "Название дано в переводе архива" in english
    assert "Название в оригинале, на русском языке" not in english
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    translate_mini(project)
    record = project / "data" / "sources" / "mini-source.yaml"
    record.write_text(record.read_text().replace("language: en", "language: ru"))
    _archive, rendered = generate(project / "data", SiteOptions(), project, lang="ru")
    page = next(p.markdown for p in rendered if p.src == "ru/sources/mini-source.md")
    assert "Название в оригинале, на русском языке" in page
    assert "Название дано в переводе архива" not in page
