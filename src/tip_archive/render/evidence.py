"""Two kinds of evidence, one component each.

A record's facts rest either on an **archived quote** (a passage of a source the
archive holds, checked word for word by the build) or on the **public record** (a
reference to a UN document or a page, stated in the archive's own words, with its
link).  A fact that no consulted page confirms yet is **unconfirmed**.  Each kind is
drawn by one function here, with a text label (never colour alone), so that the
record pages, print and the Russian edition show the difference the same way; the
citation exports describe the same evidence in words (:func:`rests_on`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..crossref.archive import Archive, Use
from ..i18n import N_
from ..model.records import Citation, Evidenced, Fact, Record, Reference, Referenced, Source
from .edition import ENGLISH, Edition
from .urls import relative, undocs_url

#: The label of each kind of evidence, as the reader sees it next to a fact.
LABELS = {
    "quoted": N_("Archived quote"),
    "referenced": N_("Public record"),
    "unconfirmed": N_("Unconfirmed"),
}
#: What each label means, for the note under a record's facts and the About page.
MEANINGS = {
    "quoted": N_("a passage of an archived source, quoted verbatim and checked by the build"),
    "referenced": N_(
        "from a public document or page the archive consulted, linked; the archive "
        "holds no text of it and never quotes it"
    ),
    "unconfirmed": N_("no consulted page confirms it yet; the reason is given"),
}

#: ``rel`` of every link to another host: an ordinary link that tells the page nothing.
OUTSIDE_REL = "noopener noreferrer"


def outside_link(url: str, text: str | Markup, cls: str = "tip-outside") -> Markup:
    return Markup(f'<a class="{cls}" href="{escape(url)}" rel="{OUTSIDE_REL}">{escape(text)}</a>')


def undocs_link(symbol: str, ed: Edition | str = ENGLISH) -> Markup:
    """ "official text": a link to a UN document through the UN's symbol resolver, in the
    edition's language (the UN publishes every document in Russian too); ``ed`` is an
    edition or its language."""
    ed = Edition.of(ed) if isinstance(ed, str) else ed
    hidden = Markup('<span class="tip-visually-hidden"> {}</span>').format(
        ed._("of %(symbol)s") % {"symbol": symbol}
    )
    return outside_link(
        undocs_url(symbol, ed.lang), Markup(escape(ed._("official text"))) + hidden, "tip-undocs"
    )


def symbol_html(symbol: str, ed: Edition | str = ENGLISH) -> Markup:
    """A UN symbol with a link to its official text."""
    link = undocs_link(symbol, ed)
    return Markup('<code class="tip-symbol">{}</code> ({})').format(symbol, link)


def anchor(loc: tuple[str | int, ...]) -> str:
    """The anchor of a fact, figure, reading or office on its record's page."""
    if loc[0] == "disagreements":
        return f"reading-{int(loc[1]) + 1}-{int(loc[3]) + 1}"
    name = {"facts": "fact", "figures": "figure", "offices": "office"}[str(loc[0])]
    return f"{name}-{int(loc[1]) + 1}"


def _label(kind: str, ed: Edition) -> Markup:
    return Markup(f'<span class="tip-ev-label">{escape(ed._(LABELS[kind]))}</span>')


@dataclass
class Evidence:
    """Draws evidence on the page at ``here``."""

    archive: Archive
    here: str
    paragraph_url: Callable[[Record, int], str] | None = None
    """The site URL of a source's paragraph in this edition, when the source's page may be
    split."""
    ed: Edition = ENGLISH

    def quoted(self, cited: Citation) -> Markup:
        source = self.archive[cited.source]
        url = (
            self.paragraph_url(source, cited.paragraph)
            if self.paragraph_url
            else self.ed.url(source) + f"#p{cited.paragraph}"
        )
        target = relative(self.here, url)
        # f-strings with escape(): Markup.format costs several times more, on every link.
        return Markup(
            f'<span class="tip-ev tip-ev--quoted">{_label("quoted", self.ed)} '
            f'<a class="tip-cite" href="{escape(target)}">{self.ed.title(source)}, '
            f"¶{cited.paragraph}</a></span>"
        )

    def referenced(self, referenced: Referenced) -> Markup:
        reference = self.archive[referenced.reference]
        assert isinstance(reference, Reference)
        target = escape(relative(self.here, self.ed.url(reference)))
        parts = [
            f'<span class="tip-ev tip-ev--referenced">{_label("referenced", self.ed)} '
            f'<a class="tip-refer" href="{target}">{self.ed.title(reference)}</a>'
        ]
        if referenced.at:
            parts.append(f", {self.ed.location(referenced.at)}")
        links = []
        if reference.symbol and not reference.url:  # the symbol is the authority
            links.append(undocs_link(reference.symbol, self.ed))
        if reference.address:
            links.append(outside_link(reference.address, _outside_text(reference, self.ed)))
        if links:
            parts.append(f" ({'; '.join(links)})")
        return Markup("".join(parts) + "</span>")

    def unconfirmed(self, why: str, russian: str | None = None) -> Markup:
        return Markup(
            f'<span class="tip-ev tip-ev--unconfirmed">{_label("unconfirmed", self.ed)} '
            f'<span class="tip-ev-why">{self.ed.text(why, russian)}</span></span>'
        )

    def of(self, item: Any) -> Markup:
        """The evidence of a fact, figure, reading or office."""
        if isinstance(item, Fact):
            if item.referenced is not None:
                return self.referenced(item.referenced)
            return self.unconfirmed(
                item.unconfirmed or "", item.ru.unconfirmed if item.ru else None
            )
        if isinstance(item, Evidenced) and item.referenced is not None:
            return self.referenced(item.referenced)
        if isinstance(item, Evidenced) and item.cited is not None:
            return self.quoted(item.cited)
        return Markup("")


def _outside_text(reference: Reference, ed: Edition = ENGLISH) -> str:
    """The link text of a reference's address: the host a reader will go to."""
    host = urlsplit(reference.address or "").hostname or ed._("the page")
    host = host.removeprefix("www.")
    return (ed._("copy at %(host)s") if reference.read_at else ed._("at %(host)s")) % {"host": host}


def mark(record: Record, field: str, ed: Edition = ENGLISH) -> Markup:
    """A short mark after a metadata value that a fact supplies, linking to the fact."""
    for index, fact in enumerate(record.facts):
        if fact.field == field:
            kind = "referenced" if fact.reference else "unconfirmed"
            return Markup(
                f' <a class="tip-ev-mark tip-ev-mark--{kind}" href="#fact-{index + 1}">'
                f"{escape(ed._(LABELS[kind]))}</a>"
            )
    return Markup("")


# -- the reference page -----------------------------------------------------------------


def describe_use(use: Use, ed: Edition = ENGLISH) -> Markup:
    """What a use states, in a few words: ``date: 2010-07-30``, ``co-sponsors: 80``."""
    item = use.item
    ru = getattr(item, "ru", None)
    if use.kind == "fact":
        return Markup("{}: {}").format(
            ed.field_label(item.field, ru), ed.item_text(item.value, ru, "value")
        )
    if use.kind == "figure":
        qualifier = "" if item.qualifier == "exactly" else f"{ed.word(item.qualifier)} "
        return Markup("{}: {}{}").format(
            ed.item_text(item.label, ru, "label"), qualifier, item.value
        )
    if use.kind == "reading":
        return Markup("{}: “{}” ({})").format(
            ed.field_label(item.field, ru),
            ed.item_text(item.value, ru, "value"),
            ed._("one of the readings where sources differ"),
        )
    return Markup("{}: {}").format(ed.field_name("office"), ed.item_text(item.title, ru, "title"))


def uses(
    archive: Archive, reference: Reference, here: str, ed: Edition = ENGLISH
) -> list[dict[str, Any]]:
    """Every fact, figure, reading and office resting on ``reference``, for its page."""
    found = []
    ordered = sorted(archive.uses.get(reference.id, []), key=lambda u: _record_order(u.record))
    for use in ordered:
        at = getattr(use.item, "at", None) or (
            use.item.referenced.at if use.item.referenced else None
        )
        found.append(
            {
                "record": use.record,
                "url": relative(here, ed.url(use.record) + "#" + anchor(use.loc)),
                "what": describe_use(use, ed),
                "at": ed.location(at),
            }
        )
    return found


def _record_order(record: Record) -> tuple[object, ...]:
    date = record.date_value
    return (date.sort_key() if date else (9999, 0, 0), record.type, record.title, record.id)


# -- in words, for the citation exports --------------------------------------------------


def rests_on(archive: Archive, record: Record) -> str:
    """What the record rests on, in one line: its archived sources and its references."""
    sources: dict[str, list[int]] = {}
    for cited in [*record.sources, *(i.cited for i in record.evidenced_items() if i.cited)]:
        sources.setdefault(cited.source, []).append(cited.paragraph)
    references = list(dict.fromkeys(r.reference for r in record.public_record()))
    parts = []
    for source_id, paragraphs in sources.items():
        source = archive[source_id]
        assert isinstance(source, Source)
        numbers = ", ".join(f"¶{n}" for n in sorted(set(paragraphs)))
        parts.append(f"{source.title} ({numbers}, archived)")
    for reference_id in references:
        reference = archive[reference_id]
        assert isinstance(reference, Reference)
        label = reference.symbol or reference.press_release
        where = reference.address or (undocs_url(reference.symbol) if reference.symbol else "")
        bits = [b for b in (label, where) if b]
        parts.append(f"{reference.title} ({', '.join(bits)})" if bits else reference.title)
    return "Rests on: " + "; ".join(parts) if parts else ""
