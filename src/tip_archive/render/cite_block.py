"""The "Cite this" section of a record page: ready citations, the permanent URL and
the record's citation downloads.

It works without JavaScript: every citation is selectable text and every download
a plain link.  ``assets/tip-cite.js`` (see :mod:`.manifest`; loaded by the theme partial) reveals a copy
button next to each citation; the buttons are hidden in the HTML so that a
reader without scripts never meets a button that does nothing.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..crossref.archive import Archive
from ..model.records import Record
from .citations import record_citations
from .edition import ENGLISH, Edition
from .extras import SiteContext
from .urls import record_url, relative

#: The per-record downloads, next to the record's page: (file name, label, media type).
DOWNLOADS = [
    ("citation.json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
    ("citation.bib", "BibTeX", "application/x-bibtex"),
    ("citation.ris", "RIS", "application/x-research-info-systems"),
]


def _copy(target: Markup, label: Markup, ed: Edition = ENGLISH) -> str:
    return (
        f'<button type="button" class="tip-copy" data-copy="{target}" aria-label="{label}" hidden>'
        f"{escape(ed._('Copy'))}</button>"
    )


def _note(ed: Edition, legal: bool) -> str:
    _ = ed._
    if not ed.english:
        return _(
            "The GOST reference and the Chicago forms cite this page of the archive; add the "
            "date you consulted it."
        )
    if legal:
        return _(
            "The Chicago forms cite this page of the archive; the OSCOLA, Bluebook and AGLC "
            "forms cite the resolution itself. Add the date you consulted the page where your "
            "style asks for it."
        )
    return _(
        "The Chicago forms cite this page of the archive. Add the date you consulted the "
        "page where your style asks for it."
    )


def download_paths(record: Record) -> list[str]:
    """Site paths of the record's citation files, e.g. ``resolutions/a-res-64-293/citation.bib``."""
    return [record_url(record) + name for name, _label, _type in DOWNLOADS]


def cite_block(archive: Archive, record: Record, here: str, site: SiteContext) -> Markup:
    """A block provider: a "Cite this" section for every record page (in the page's
    edition: the Russian one cites the Russian page, first in GOST R 7.0.5-2008)."""
    ed = Edition.of(site.lang)
    _ = ed._
    url = site.absolute(ed.url(record))
    items = []
    # f-strings with escape() rather than Markup.format: this runs for every record page.
    for cited in record_citations(archive, record, site):
        target = escape(f"cite-{cited.key}")
        style = _(cited.label)
        label = escape(style)
        button = _copy(target, escape(_("Copy the %(style)s citation") % {"style": style}), ed)
        lang = ' lang="en"' if not ed.english and cited.key != "gost" else ""
        items.append(
            Markup(
                f'<dt id="{target}-label">{label}</dt>\n<dd><span class="tip-cite__text" id="{target}"{lang}>'
                f"{escape(cited.html)}</span> {button}</dd>"
            )
        )
    downloads = Markup(" · ").join(
        Markup(
            f'<a href="{escape(relative(here, record_url(record) + name))}" '
            f'download="{escape(record.id + name[len("citation") :])}" type="{escape(media)}">'
            f"{escape(label)}</a>"
        )
        for name, label, media in DOWNLOADS
    )
    lines = [
        Markup("## {} {{ #cite-this }}").format(_("Cite this"))
        if not ed.english
        else Markup("## Cite this"),
        Markup(""),
        Markup('<div class="tip-cite" data-tip-cite>'),
        Markup(
            '<p class="tip-cite__permalink"><span class="tip-label">{label}</span> '
            '<a class="tip-cite__url" id="cite-url" href="{url}">{url}</a> {button}</p>'
        ).format(
            label=_("Permanent URL:"),
            url=url,
            button=Markup(_copy(Markup("cite-url"), escape(_("Copy the permanent URL")), ed)),
        ),
        Markup('<dl class="tip-cite__styles">'),
        *items,
        Markup("</dl>"),
        Markup('<p class="tip-note">{}</p>').format(
            _note(ed, legal=len(items) > 2 + (not ed.english))
        ),
        Markup('<p class="tip-cite__downloads">{} {}. {} <a href="{}">{}</a>.</p>').format(
            _("Download this citation:"),
            downloads,
            _("Every record at once:"),
            relative(here, ed.page("data/")),
            _("open data"),
        ),
        Markup('<p class="tip-cite__status tip-visually-hidden" role="status"></p>'),
        Markup("</div>"),
    ]
    return Markup("\n").join(lines)
