"""United Nations document symbols: a grammar, a canonical form and URL slugs.

A symbol is a sequence of components separated by slashes::

    symbol   := series ("/" body)* ["/" nature] ["/" session] [("/" item)] ("/" suffix)*
    series   := A | E | S | ST | T | DP | TD | UNEP | CTOC | CCPR | CRC | CEDAW | ...
    body     := C.3 | CN.15 | AC.290 | CONF.157 | HRC | WG.1 | SGB | COP | ...
    nature   := RES | DEC | PRST              (resolutions, decisions, statements)
    session  := 61 | 2008 | ES-10 | S-27      (a session number or a year)
    item     := 293 | L.9 | PV.84 | SR.20 | CRP.1 | INF.2 | WP.3 | R.1
    suffix   := Rev.1 | Add.1 | Corr.1 | Amend.1 | Summary

Case and spacing vary in the wild (``a/res/61/180``, ``A / RES / 61 / 180``);
:func:`parse_symbol` accepts those variants and :class:`Symbol` prints the one
canonical form (``A/RES/61/180``).  Anything else is refused with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SERIES = frozenset(
    [
        "A",
        "E",
        "S",
        "ST",
        "T",
        "DP",
        "TD",
        "UNEP",
        "CTOC",
        "CCPR",
        "CRC",
        "CEDAW",
        "CAT",
        "CERD",
        "CMW",
        "CRPD",
        "CED",
        "HRI",
        "UNW",
        "ICEF",
    ]
)
_BODY = re.compile(
    r"^(?:(?:C|CN|AC|CONF|WG|PC|SC|SUB|GC)\.\d+|HRC|SGB|AI|IC|COP|BUR|SPC|INF|COMM)$"
)
_NATURE = frozenset({"RES", "DEC", "PRST"})
_SESSION = re.compile(r"^(?:\d{1,3}|(?:19|20)\d{2}|ES-\d{1,2}|S-\d{1,2})$")
_ITEM = re.compile(r"^(?:(?P<nature>L|PV|SR|CRP|INF|WP|R|NGO)\.)?(?P<n>\d{1,5})$")
_SUFFIX = re.compile(r"^(?P<kind>REV|ADD|CORR|AMEND)\.(?P<n>\d{1,3})$|^(?P<word>SUMMARY)$")
_SC_YEAR = re.compile(r"^(?P<n>\d{1,5})\s*\(\s*(?P<y>(?:19|20)\d{2})\s*\)$")
_SUFFIX_CASE = {"REV": "Rev", "ADD": "Add", "CORR": "Corr", "AMEND": "Amend"}


def slugify(text: str) -> str:
    """The one slug of the archive (ids, URLs, anchors): ``A/RES/64/293`` → ``a-res-64-293``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def symbol_order(text: str) -> list[str | int]:
    """The one order of symbols: dictionary order with numbers as numbers, so that
    A/RES/61/180 comes before A/RES/64/178, and A/C.3/61/L.9 before A/C.3/61/L.10."""
    return [int(part) if i % 2 else part.lower() for i, part in enumerate(re.split(r"(\d+)", text))]


class SymbolError(ValueError):
    """A string that is not a UN document symbol."""


@dataclass(frozen=True)
class Symbol:
    """A parsed UN document symbol; ``str()`` gives its canonical form."""

    series: str
    bodies: tuple[str, ...] = ()
    nature: str | None = None
    session: str | None = None
    item: str | None = None
    suffixes: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [self.series, *self.bodies]
        if self.nature:
            parts.append(self.nature)
        if self.session:
            parts.append(self.session)
        if self.item:
            parts.append(self.item)
        parts.extend(self.suffixes)
        return "/".join(parts)

    @property
    def slug(self) -> str:
        """The URL slug: ``A/RES/64/293`` gives ``a-res-64-293``."""
        return slugify(str(self))

    @property
    def is_resolution(self) -> bool:
        return self.nature == "RES"

    @property
    def base(self) -> Symbol:
        """The symbol without its suffixes (the document a corrigendum belongs to)."""
        return Symbol(self.series, self.bodies, self.nature, self.session, self.item)

    @property
    def short(self) -> str | None:
        """The short citation form: ``64/293`` for ``A/RES/64/293``, ``2008/33`` for ECOSOC."""
        if self.is_resolution and self.session and self.item and not self.suffixes:
            return f"{self.session}/{self.item}"
        return None


def _normalise(text: str) -> str:
    text = re.sub(r"\s*/\s*", "/", text.strip())
    text = re.sub(r"\s*\.\s*", ".", text)
    return text.upper()


def parse_symbol(text: str) -> Symbol:
    """Parse ``text`` as a UN document symbol, or raise :class:`SymbolError`."""
    if not isinstance(text, str) or not text.strip():
        raise SymbolError("a symbol cannot be empty")
    raw = _normalise(text)
    if len(raw) > 80 or not re.fullmatch(r"[A-Z0-9./\- ()]+", raw):
        raise SymbolError(f"{text!r} is not a UN document symbol")
    parts = raw.split("/")
    if parts[0] not in SERIES:
        raise SymbolError(
            f"{text!r} is not a UN document symbol: it must begin with an organ such as A/, E/ or S/"
        )
    series, rest = parts[0], parts[1:]
    bodies: list[str] = []
    while rest and _BODY.match(rest[0]):
        bodies.append(rest.pop(0))
    nature = rest.pop(0) if rest and rest[0] in _NATURE else None
    session: str | None = None
    item: str | None = None
    # The Security Council numbers its resolutions across sessions: S/RES/2331 (2016).
    if series == "S" and nature and rest and (sc := _SC_YEAR.match(rest[0])):
        rest.pop(0)
        item = f"{int(sc['n'])} ({sc['y']})"
    else:
        if rest and _SESSION.match(rest[0]) and len(rest) > 1 and _ITEM.match(rest[1]):
            session = rest.pop(0)
            session = session if not session.isdigit() else str(int(session))
        if rest and (m := _ITEM.match(rest[0])):
            rest.pop(0)
            item = f"{m['nature']}.{int(m['n'])}" if m["nature"] else str(int(m["n"]))
    suffixes: list[str] = []
    while rest and (m := _SUFFIX.match(rest[0])):
        rest.pop(0)
        suffixes.append(f"{_SUFFIX_CASE[m['kind']]}.{int(m['n'])}" if m["kind"] else "Summary")
    if rest:
        raise SymbolError(f"{text!r} is not a UN document symbol: unexpected {rest[0]!r}")
    if item is None:
        raise SymbolError(f"{text!r} is not a UN document symbol: it has no document number")
    if nature == "RES" and series != "S" and session is None:
        raise SymbolError(
            f"{text!r} is not a UN document symbol: a resolution needs a session (or year) and a number"
        )
    if session is None and not bodies and series in {"A", "E"}:
        raise SymbolError(f"{text!r} is not a UN document symbol: it needs a session or year")
    return Symbol(series, tuple(bodies), nature, session, item, tuple(suffixes))


def is_symbol(text: str) -> bool:
    try:
        parse_symbol(text)
    except SymbolError:
        return False
    return True


#: Words that may stand before a symbol in prose ("UN Doc", "GA res", "ECOSOC resolution").
#: Written for lowercased text with single spaces, in the common subset of Python's and
#: JavaScript's regular expressions: the symbol table hands it to the browser as it is.
NOISE_PATTERN = (
    r"^(?:un|u\.n|doc(?:ument)?|symbol|general assembly|ga|unga|economic and social council"
    r"|ecosoc|security council|sc|resolutions?|res|draft|no|nos|see)\b\.?[\s,:]*"
)
#: The organ a query names in words, by the series letter of its symbols.
ORGAN_PATTERNS = (
    ("e", r"\becosoc\b|\beconomic and social\b"),
    ("s", r"\bsecurity council\b|\bsc\b"),
    ("a", r"\bgeneral assembly\b|\bga\b|\bunga\b"),
)
_LEADING_NOISE = re.compile(NOISE_PATTERN)
_SHORT = re.compile(r"^(?P<s>\d{1,3}|(?:19|20)\d{2})\s*/\s*(?P<n>\d{1,5})$")
_SC_SHORT = re.compile(r"^(?P<n>\d{1,5})\s*\(\s*(?P<y>(?:19|20)\d{2})\s*\)$")


def interpret_query(query: str) -> list[Symbol]:
    """The symbols a reader may mean by ``query``, most likely first.

    ``A/RES/64/293`` and its variants give that symbol; prose forms such as
    ``resolution 64/293``, ``GA res 64/293`` or ``ECOSOC resolution 2008/33``
    give the General Assembly or ECOSOC resolution they name.
    """
    query = query.strip()
    if not query:
        return []
    try:
        return [parse_symbol(query)]
    except SymbolError:
        pass
    lowered = _spaced(query)
    organ = _organ(lowered)
    wants_ecosoc, wants_sc = organ == "e", organ == "s"
    core = _strip_noise(lowered).strip(" .,:;")
    try:
        return [parse_symbol(core)]
    except SymbolError:
        pass
    if sc := _SC_SHORT.match(core):
        return [Symbol("S", nature="RES", item=f"{int(sc['n'])} ({sc['y']})")]
    match = _SHORT.match(core)
    if not match:
        return []
    session, number = match["s"], str(int(match["n"]))
    found: list[Symbol] = []
    if wants_sc and len(session) == 4:
        found.append(Symbol("S", nature="RES", item=f"{number} ({session})"))
    elif len(session) == 4 or wants_ecosoc:
        found.append(Symbol("E", nature="RES", session=session, item=number))
    else:
        found.append(Symbol("A", nature="RES", session=str(int(session)), item=number))
    return found


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def _organ(lowered: str) -> str | None:
    return next((o for o, pattern in ORGAN_PATTERNS if re.search(pattern, lowered)), None)


def _strip_noise(lowered: str) -> str:
    while (noise := _LEADING_NOISE.match(lowered)) and noise.end():
        lowered = lowered[noise.end() :]
    return lowered


@dataclass(frozen=True)
class QueryKey:
    """What the symbol table is searched with: a normalised key and the organ named in words."""

    key: str
    """``a/res/64/293`` for ``UN Doc A/RES/64/293``, ``64/293`` for ``GA res 64/293``."""
    organ: str | None = None
    """``a``, ``e`` or ``s`` when the query names the General Assembly, ECOSOC or the
    Security Council (``ECOSOC resolution 2008/33``): candidates of that organ come first."""


def query_key(query: str) -> QueryKey:
    """The lookup key of a reader's query: the minimal normaliser the browser repeats.

    Lowercase, drop the words that stand before a symbol in prose, drop every space and
    trailing punctuation, drop leading zeros of numbers.  The site's JavaScript does the
    same steps (``tip-symbols.js``, tested against this function); everything cleverer
    happens at build time, in :func:`lookup_keys`.
    """
    lowered = _spaced(query)
    key = re.sub(r"\s+", "", _strip_noise(lowered))
    key = re.sub(r"^[.,:;]+|[.,:;]+$", "", key)
    key = re.sub(r"(^|[/.(])0+(?=\d)", r"\1", key)
    return QueryKey(key, _organ(lowered))


def lookup_keys(symbol: Symbol) -> list[str]:
    """The keys under which the symbol table files ``symbol``: what :func:`query_key` gives
    for its canonical form and for its short forms (``64/293``, ``2008/33``, ``2331(2016)``)."""
    keys = [query_key(str(symbol)).key]
    if symbol.short:
        keys.append(symbol.short)
    elif symbol.series == "S" and symbol.is_resolution and symbol.item and not symbol.suffixes:
        keys.append(symbol.item.replace(" ", "").lower())
    return keys
