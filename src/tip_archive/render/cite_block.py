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
from .extras import SiteContext
from .urls import record_url, relative

#: The per-record downloads, next to the record's page: (file name, label, media type).
DOWNLOADS = [
    ("citation.json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
    ("citation.bib", "BibTeX", "application/x-bibtex"),
    ("citation.ris", "RIS", "application/x-research-info-systems"),
]

_COPY = Markup(
    '<button type="button" class="tip-copy" data-copy="{target}" aria-label="{label}" hidden>'
    "Copy</button>"
)


def _copy(target: Markup, label: Markup) -> str:
    return (
        f'<button type="button" class="tip-copy" data-copy="{target}" aria-label="{label}" hidden>'
        "Copy</button>"
    )


def download_paths(record: Record) -> list[str]:
    """Site paths of the record's citation files, e.g. ``resolutions/a-res-64-293/citation.bib``."""
    return [record_url(record) + name for name, _label, _type in DOWNLOADS]


def cite_block(archive: Archive, record: Record, here: str, site: SiteContext) -> Markup:
    """A block provider: a "Cite this" section for every record page."""
    url = site.absolute(record_url(record))
    items = []
    # f-strings with escape() rather than Markup.format: this runs for every record page.
    for cited in record_citations(archive, record, site):
        target = escape(f"cite-{cited.key}")
        label = escape(cited.label)
        button = _copy(target, escape(f"Copy the {cited.label} citation"))
        items.append(
            Markup(
                f'<dt id="{target}-label">{label}</dt>\n<dd><span class="tip-cite__text" id="{target}">'
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
        Markup("## Cite this"),
        Markup(""),
        Markup('<div class="tip-cite" data-tip-cite>'),
        Markup(
            '<p class="tip-cite__permalink"><span class="tip-label">Permanent URL:</span> '
            '<a class="tip-cite__url" id="cite-url" href="{url}">{url}</a> {button}</p>'
        ).format(url=url, button=_COPY.format(target="cite-url", label="Copy the permanent URL")),
        Markup('<dl class="tip-cite__styles">'),
        *items,
        Markup("</dl>"),
        Markup(
            '<p class="tip-note">The Chicago forms cite this page of the archive{legal}. '
            "Add the date you consulted the page where your style asks for it.</p>"
        ).format(
            legal=Markup("; the OSCOLA, Bluebook and AGLC forms cite the resolution itself")
            if len(items) > 2
            else ""
        ),
        Markup(
            '<p class="tip-cite__downloads">Download this citation: {downloads}. '
            'Every record at once: <a href="{data}">open data</a>.</p>'
        ).format(downloads=downloads, data=relative(here, "data/")),
        Markup('<p class="tip-cite__status tip-visually-hidden" role="status"></p>'),
        Markup("</div>"),
    ]
    return Markup("\n").join(lines)
