from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tip_archive.model.symbols import Symbol, SymbolError, interpret_query, parse_symbol


@pytest.mark.parametrize(
    ("text", "canonical", "slug"),
    [
        ("A/RES/64/293", "A/RES/64/293", "a-res-64-293"),
        ("a/res/61/180", "A/RES/61/180", "a-res-61-180"),
        ("  A / RES / 64 / 293 ", "A/RES/64/293", "a-res-64-293"),
        ("A/res/61/180", "A/RES/61/180", "a-res-61-180"),
        ("E/RES/2008/33", "E/RES/2008/33", "e-res-2008-33"),
        ("A/65/497", "A/65/497", "a-65-497"),
        ("A/C.3/61/L.9/Rev.1", "A/C.3/61/L.9/Rev.1", "a-c-3-61-l-9-rev-1"),
        ("a/c.3/61/l.9/rev.1", "A/C.3/61/L.9/Rev.1", "a-c-3-61-l-9-rev-1"),
        ("E/CN.15/2006/L.9", "E/CN.15/2006/L.9", "e-cn-15-2006-l-9"),
        ("E/CN.4/2006/62", "E/CN.4/2006/62", "e-cn-4-2006-62"),
        ("A/61/PV.84", "A/61/PV.84", "a-61-pv-84"),
        ("A/HRC/RES/11/3", "A/HRC/RES/11/3", "a-hrc-res-11-3"),
        ("S/RES/2331 (2016)", "S/RES/2331 (2016)", "s-res-2331-2016"),
        ("A/RES/64/293/corr.1", "A/RES/64/293/Corr.1", "a-res-64-293-corr-1"),
        ("A/ES-10/L.1", "A/ES-10/L.1", "a-es-10-l-1"),
    ],
)
def test_parse_gives_canonical_form_and_slug(text: str, canonical: str, slug: str) -> None:
    symbol = parse_symbol(text)
    assert str(symbol) == canonical
    assert symbol.slug == slug


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hello/world", "it must begin with an organ such as A/, E/ or S/"),
        ("64/293", "it must begin with an organ such as A/, E/ or S/"),
        ("A/RES/64", "a resolution needs a session (or year) and a number"),
        ("A/C.3/61/L.x", "unexpected 'L.X'"),
        ("A/.../61/L...", "unexpected '...'"),
        ("A//1", "unexpected ''"),
        ("A/RES/64/293/Rev", "unexpected 'REV'"),
    ],
)
def test_refuses_what_is_not_a_symbol(text: str, reason: str) -> None:
    with pytest.raises(SymbolError) as info:
        parse_symbol(text)
    assert str(info.value) == f"{text!r} is not a UN document symbol: {reason}"


def test_empty_symbol_is_refused() -> None:
    with pytest.raises(SymbolError, match="cannot be empty"):
        parse_symbol("   ")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("64/293", "A/RES/64/293"),
        ("res 64/293", "A/RES/64/293"),
        ("resolution 64/293", "A/RES/64/293"),
        ("GA res 64/293", "A/RES/64/293"),
        ("General Assembly resolution 61/180", "A/RES/61/180"),
        ("ECOSOC resolution 2008/33", "E/RES/2008/33"),
        ("2008/33", "E/RES/2008/33"),
        ("UN Doc A/RES/64/293", "A/RES/64/293"),
        ("a/res/64/293 ", "A/RES/64/293"),
    ],
)
def test_interpret_query(query: str, expected: str) -> None:
    assert [str(s) for s in interpret_query(query)] == [expected]


def test_interpret_query_finds_nothing_in_prose() -> None:
    assert interpret_query("trafficking in persons") == []


sessions = st.integers(min_value=1, max_value=99)
numbers = st.integers(min_value=1, max_value=99999)
suffixes = st.lists(
    st.tuples(st.sampled_from(["Rev", "Add", "Corr"]), st.integers(1, 9)).map(
        lambda t: f"{t[0]}.{t[1]}"
    ),
    max_size=2,
)


@st.composite
def symbols(draw: st.DrawFn) -> Symbol:
    series = draw(st.sampled_from(["A", "E"]))
    kind = draw(st.sampled_from(["res", "doc", "draft"]))
    session = str(draw(sessions)) if series == "A" else str(draw(st.integers(1990, 2029)))
    number = draw(numbers)
    if kind == "res":
        return Symbol(series, (), "RES", session, str(number), tuple(draw(suffixes)))
    if kind == "draft":
        body = draw(st.sampled_from([("C.3",), ("CN.15",), ()]))
        return Symbol(series, body, None, session, f"L.{number}", tuple(draw(suffixes)))
    return Symbol(series, (), None, session, str(number), tuple(draw(suffixes)))


def _vary(text: str, data: st.DataObject) -> str:
    chars = [c.lower() if data.draw(st.booleans()) else c for c in text]
    out = "".join(c + (" " if c == "/" and data.draw(st.booleans()) else "") for c in chars)
    return data.draw(st.sampled_from(["", " ", "  "])) + out + data.draw(st.sampled_from(["", " "]))


@given(symbols(), st.data())
def test_variants_in_case_and_spacing_parse_to_the_same_symbol(
    symbol: Symbol, data: st.DataObject
) -> None:
    canonical = str(symbol)
    assert parse_symbol(canonical) == symbol
    assert str(parse_symbol(_vary(canonical, data))) == canonical


@given(symbols())
def test_canonical_form_is_a_fixed_point_and_slug_is_url_safe(symbol: Symbol) -> None:
    again = parse_symbol(str(symbol))
    assert str(again) == str(symbol)
    assert all(c.isalnum() or c == "-" for c in again.slug)


@given(st.text(max_size=40))
def test_any_text_is_parsed_or_refused_cleanly(text: str) -> None:
    try:
        parsed = parse_symbol(text)
    except SymbolError:
        return
    assert str(parse_symbol(str(parsed))) == str(parsed)
