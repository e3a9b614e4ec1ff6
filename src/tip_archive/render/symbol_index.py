"""Find by symbol: every UN symbol in the archive, as a page and as a light lookup table.

From the archive's records this module makes

- ``symbols/index.md``, the "Find by symbol" page: a search field (JavaScript) over
  the table of every symbol, which needs no JavaScript;
- ``symbols/symbols.json``, the manifest of the lookup table, and its shards
  ``symbols/shards/<hash>.json``.  The table files each symbol under the keys that
  :func:`~tip_archive.model.symbols.query_key` gives for its common spellings
  (``a/res/64/293`` and ``64/293``), so the browser only has to normalise what a
  reader types (lowercase, no spaces, no leading words such as "resolution") and
  read one small shard.  Shards cut the sorted keys into runs of about
  :data:`SHARD_LIMIT` bytes; the manifest lists where each run begins, so a lookup
  fetches the manifest and one shard, and stays light at any archive size.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from ..crossref.archive import Archive
from ..i18n import N_
from ..model.records import Record, Reference
from ..model.symbols import (
    Symbol,
    browser_rules,
    lookup_keys,
    parse_symbol,
    slugify,
    symbol_order,
)
from . import languages, manifest
from .edition import ENGLISH, Edition
from .urls import record_url, relative, url_of

SYMBOLS_SRC = "symbols/index.md"
MANIFEST_SRC = "symbols/symbols.json"
SHARD_FOLDER = "symbols/shards"
#: About the largest size, in bytes, of one shard of the lookup table (one key with
#: its symbols is never split).  The manifest plus one shard is what a lookup fetches.
SHARD_LIMIT = 24_000

_SUFFIX_LABELS = {
    "Corr": N_("Corrigendum"),
    "Rev": N_("Revision"),
    "Add": N_("Addendum"),
    "Amend": N_("Amendment"),
    "Summary": N_("Summary"),
}
#: What a symbol is to its record, as the symbol table's column says it.
_OWN_LABELS = (N_("Own symbol"), N_("Draft"), N_("Reference (public record)"), N_("Other symbol"))

#: How a sentence says what a symbol is to its record ("A/64/L.64 is the draft of ..."),
#: by :attr:`SymbolEntry.label`.
_RELATIONS = {
    "Draft": "the draft of",
    "Corrigendum": "a corrigendum to",
    "Revision": "a revision of",
    "Addendum": "an addendum to",
    "Amendment": "an amendment to",
    "Summary": "a summary of",
    "Other symbol": "another symbol of",
}


@dataclass(frozen=True)
class SymbolEntry:
    """One symbol of one record: its own symbol, its draft's, or another (a corrigendum)."""

    symbol: Symbol
    record: Record
    field: str
    """``symbol`` (the record's own), ``draft`` (``draft_symbol``), ``other`` (``other_symbols``)
    or ``reference`` (the symbol of a reference: a UN document the archive consulted)."""

    @property
    def text(self) -> str:
        return str(self.symbol)

    @property
    def keys(self) -> list[str]:
        return lookup_keys(self.symbol)

    @property
    def short(self) -> str:
        """The short form a reader may write: ``64/293``, ``2008/33``, ``2331 (2016)``."""
        if self.symbol.short:
            return self.symbol.short
        if len(self.keys) > 1 and self.symbol.item:
            return self.symbol.item
        return ""

    @property
    def label(self) -> str:
        """What the symbol is to its record, for a reader."""
        if self.field == "symbol":
            return "Own symbol"
        if self.field == "draft":
            return "Draft"
        if self.field == "reference":
            return "Reference (public record)"
        kinds = [_SUFFIX_LABELS[s.split(".")[0]] for s in self.symbol.suffixes]
        return kinds[-1] if kinds else "Other symbol"

    @property
    def relation(self) -> str:
        """What the symbol is to its record, inside a sentence: ``a corrigendum to``."""
        return _RELATIONS[self.label]

    def as_json(self) -> dict[str, Any]:
        own = self.record.symbol_value
        return {
            "symbol": self.text,
            "url": record_url(self.record),
            "title": self.record.title,
            "type": self.record.label,
            "field": self.field,
            "label": self.label,
            "record_symbol": own if own and own != self.text else None,
        }


def symbol_entries(archive: Archive) -> list[SymbolEntry]:
    """Every symbol of every record, in dictionary order (numbers as numbers)."""
    found: list[SymbolEntry] = []
    for record in archive.records():
        for symbol in record.symbols():
            # A reference's symbol names the public document it is, whatever its role.
            field = "reference" if isinstance(record, Reference) else symbol.role
            found.append(SymbolEntry(parse_symbol(symbol.value), record, field))
    # A document's own record comes before the references that name the same symbol.
    found.sort(key=lambda e: (symbol_order(e.text), e.field == "reference", e.record.id))
    return found


# -- the lookup table ----------------------------------------------------------------------


@dataclass
class LookupTable:
    docs: list[dict[str, Any]]
    """What a key leads to: a symbol, its record's URL and title, its field."""
    keys: dict[str, list[int]]
    """Key → indices in :attr:`docs` (usually one)."""


def lookup_table(entries: list[SymbolEntry]) -> LookupTable:
    table = LookupTable([], {})
    for entry in entries:
        table.docs.append(entry.as_json())
        for key in entry.keys:
            table.keys.setdefault(key, []).append(len(table.docs) - 1)
    return table


def _shard_json(table: LookupTable, keys: list[str]) -> str:
    local: dict[int, int] = {}
    for key in keys:
        for doc in table.keys[key]:
            local.setdefault(doc, len(local))
    return _dumps(
        {
            "keys": {key: [local[doc] for doc in table.keys[key]] for key in keys},
            "docs": [table.docs[doc] for doc in local],
        }
    )


def shard_table(table: LookupTable, limit: int = SHARD_LIMIT) -> list[tuple[str, str]]:
    """Cut the sorted keys of ``table`` into runs of at most about ``limit`` bytes of JSON.

    Returns (boundary, shard JSON) pairs in key order.  A key belongs to the last shard
    whose boundary is not greater than it; a boundary is the shortest prefix of the
    shard's first key that sorts after the previous shard's last key.
    """
    if not table.keys:
        return []
    doc_sizes = [len(_dumps(doc)) + 1 for doc in table.docs]
    runs: list[list[str]] = [[]]
    size, seen = 0, set[int]()
    for key in sorted(table.keys):
        docs = table.keys[key]
        grows = len(_dumps(key)) + 8 * len(docs) + sum(doc_sizes[d] for d in docs if d not in seen)
        if runs[-1] and size + grows > limit:
            runs.append([])
            size, seen = 0, set()
            grows = len(_dumps(key)) + 8 * len(docs) + sum(doc_sizes[d] for d in docs)
        runs[-1].append(key)
        size += grows
        seen.update(docs)
    shards: list[tuple[str, str]] = []
    previous = ""
    for run in runs:
        first = run[0] if shards else ""
        boundary = next((first[:n] for n in range(len(first) + 1) if first[:n] > previous), first)
        shards.append((boundary, _shard_json(table, run)))
        previous = run[-1]
    return shards


def lookup_files(entries: list[SymbolEntry], limit: int = SHARD_LIMIT) -> dict[str, str]:
    """The manifest and its shards, by site path."""
    files: dict[str, str] = {}
    shards = []
    for boundary, text in shard_table(lookup_table(entries), limit):
        name = hashlib.sha256(text.encode()).hexdigest()[:10]
        files[f"{SHARD_FOLDER}/{name}.json"] = text
        shards.append([boundary, name])
    manifest = {
        "version": 1,
        "symbols": len(entries),
        "normaliser": browser_rules(),
        "shards": shards,
    }
    return {MANIFEST_SRC: _dumps(manifest), **files}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


# -- the page ------------------------------------------------------------------------------


#: Above this many symbols, the table is split into one page per group of symbols
#: (series, body and session: ``A/RES/64``), so that the "Find by symbol" page itself,
#: which ``?q=`` lookups load, stays small.
SINGLE_PAGE_LIMIT = 500


def group_of(symbol: Symbol) -> str:
    """The group a symbol is listed in: ``A/RES/64`` for ``A/RES/64/293``."""
    parts = [symbol.series, *symbol.bodies]
    parts += [p for p in (symbol.nature, symbol.session) if p]
    return "/".join(parts)


def _rows(entries: list[SymbolEntry], here: str, ed: Edition = ENGLISH) -> list[dict[str, Any]]:
    rows = []
    seen: set[str] = set()
    for entry in entries:
        anchor = entry.symbol.slug if entry.symbol.slug not in seen else ""
        seen.add(entry.symbol.slug)
        rows.append(
            {
                "anchor": anchor,
                "symbol": entry.text,
                "short": entry.short,
                "label": ed._(entry.label),
                "record": entry.record,
                "url": relative(here, ed.url(entry.record)),
                "record_symbol": entry.as_json()["record_symbol"],
            }
        )
    return rows


def symbol_pages(
    env: Environment,
    entries: list[SymbolEntry],
    common: dict[str, Any],
    split_above: int = SINGLE_PAGE_LIMIT,
    ed: Edition = ENGLISH,
) -> dict[str, str]:
    """The "Find by symbol" page, and a page per group when the table is long."""
    _ = ed._
    here = url_of(ed.src(SYMBOLS_SRC))
    common = {"ed": ed, "title_of": ed.title} | common
    pages: dict[str, str] = {}
    groups: list[dict[str, Any]] = []
    if len(entries) > split_above:
        by_group: dict[str, list[SymbolEntry]] = {}
        for entry in entries:
            by_group.setdefault(group_of(entry.symbol), []).append(entry)
        for label in sorted(by_group, key=symbol_order):
            slug = slugify(label)
            src = ed.src(f"symbols/{slug}/index.md")
            group_here = url_of(src)
            pages[src] = env.get_template("symbols-group.md.j2").render(
                common
                | {
                    "title": _("Symbols %(group)s/…") % {"group": label},
                    "description": _(
                        "Every UN document symbol of the archive that begins with %(group)s/."
                    )
                    % {"group": label},
                    "group": label,
                    "rows": _rows(by_group[label], group_here, ed),
                    "back": relative(group_here, here),
                }
            )
            groups.append(
                {"label": label, "count": len(by_group[label]), "url": relative(here, group_here)}
            )
    context = common | {
        "title": _("Find by symbol"),
        "description": _(
            "Find a record of the archive by its UN document symbol, in any common spelling."
        ),
        "count": len(entries),
        "example": entries[0].text if entries else "A/RES/64/293",
        "rows": [] if groups else _rows(entries, here, ed),
        "groups": groups,
        # Loaded again here, before the table, so that ?q= is answered without waiting
        # for the rest of the page (the script runs only once).
        "script_url": relative(here, manifest.asset("symbols.js").path),
        # ...with the scripts' strings it shows, which every page loads later on.
        "i18n_urls": [
            relative(here, manifest.asset("i18n.js").path),
            relative(here, languages.MESSAGES_PATH),
        ],
    }
    pages[ed.src(SYMBOLS_SRC)] = env.get_template("symbols.md.j2").render(context)
    return pages


def symbol_outputs(
    entries: list[SymbolEntry], env: Environment, common: dict[str, Any], limit: int = SHARD_LIMIT
) -> dict[str, str]:
    """The "Find by symbol" page(s) and the lookup table files, by site path."""
    return {**symbol_pages(env, entries, common), **lookup_files(entries, limit)}
