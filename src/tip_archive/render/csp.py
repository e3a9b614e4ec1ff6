"""What a page may load and run, and what it tells other sites: set in the page itself.

Static hosts rarely let the archive send headers, so every HTML page carries its
policy in ``<meta>`` elements, placed right after ``<meta charset>`` (a policy
given in ``<meta>`` covers only what comes after it):

- a Content Security Policy: scripts, styles, images, fonts, workers and fetches from
  the site itself only; no ``eval``; no plugins (``object-src 'none'``); no ``<base>``
  pointing elsewhere; forms submit to the site only.  The inline scripts
  mkdocs-material writes (its palette and tab set-up) run because the policy names
  each by the SHA-256 of its text, computed from the page's final HTML; any other
  inline script, injected or not, is refused.
  ``'wasm-unsafe-eval'`` lets Pagefind compile its WebAssembly search engine in the
  page when its worker cannot start (the worker, a file of the site, compiles it
  under its own policy); it allows no JavaScript ``eval``.  Under ``mkdocs serve``
  the live-reload script is allowed too (see :func:`policy`).
- a referrer policy: no page of the archive tells another site its address;
- and every link to another host gets ``rel="noopener noreferrer"``, so that a page
  it opens can neither see the archive's address nor reach back into its window.

:func:`secure_page` does all three to a finished page; the MkDocs plugin calls it
for every page it writes, the symbol redirect pages call it themselves.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from urllib.parse import urlsplit

#: The policy's directives, less the script hashes that :func:`policy` adds.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    # mkdocs-material's icons (admonitions, lists) are data: SVGs in its stylesheet.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
#: No page hands its address to another site (nor to this one: nothing here reads it).
REFERRER = "no-referrer"
#: The ``rel`` tokens every link to another host gets.
OUTSIDE_REL = ("noopener", "noreferrer")
#: ``type`` values of ``<script>`` that run as JavaScript (others, like JSON-LD, are data).
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)
_OURS = re.compile(
    r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?<meta name="referrer"[^>]*>\n?'
)


#: An attribute list as written in a start tag (quoted values may hold ">").
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
#: What the scan stops at: comments and style sheets (skipped), scripts with their text,
#: and the start tags of links.  The build writes well-formed HTML; the tests read every
#: page back with another parser.
_TOKEN = re.compile(
    rf"<(?:!--.*?-->|style\b{_ATTRS}>.*?</style\s*>"
    rf"|script\b(?P<script>{_ATTRS})>(?P<text>.*?)</script\s*>"
    rf"|(?:a|area)\b(?P<link>{_ATTRS})>)",
    re.I | re.S,
)
#: What an address on another host needs, written in a start tag, before it is read as a
#: browser reads it (see :func:`is_outside`): two slashes, or what can stand for one.
_MAYBE_OUTSIDE = re.compile(r"//|[\\&\t\n\r]")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def _attributes(written: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in _ATTR.findall(written):
        found.setdefault(name.lower(), htmllib.unescape(value.strip("\"'") if value else ""))
    return found


def _scan(page: str, own_host: str) -> tuple[list[str], list[re.Match[str]]]:
    """The texts of the inline scripts that run, and the start tags of links to other hosts."""
    scripts: list[str] = []
    links: list[re.Match[str]] = []
    for token in _TOKEN.finditer(page):
        kind = token.lastgroup  # "text" for a script, "link" for a link, None for the rest
        if kind == "text":
            values = _attributes(token["script"])
            if "src" not in values and values.get("type", "").strip().lower() in _SCRIPT_TYPES:
                scripts.append(token["text"])
        elif (
            kind == "link"
            and _MAYBE_OUTSIDE.search(token["link"])  # most links are relative: no // at all
            and is_outside(_attributes(token["link"]).get("href", ""), own_host)
        ):
            links.append(token)
    return scripts, links


def is_outside(href: str, own_host: str) -> bool:
    """Whether a link's address is on a host other than ``own_host`` (the site's)."""
    # As a browser reads it: tabs and newlines dropped, a backslash as a slash.
    href = re.sub(r"[\t\n\r]", "", htmllib.unescape(href)).strip().replace("\\", "/")
    if not re.match(r"(?i)(https?:)?//", href):
        return False  # relative, a fragment, mailto:, ...: not another web site
    try:
        host = urlsplit(href if ":" in href.split("/")[0] else "http:" + href).hostname
    except ValueError:
        return True  # unreadable: treat as foreign, the safe side
    return host is None or host != own_host


def script_hash(text: str) -> str:
    """The CSP source for an inline script: ``'sha256-<base64>'`` of its text.

    The browser hashes the script as parsed, after line endings became ``\\n``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: list[str], serving: bool = False) -> str:
    """The Content Security Policy of a page whose inline scripts have ``hashes``.

    ``serving``: the page is for ``mkdocs serve``, whose server adds an inline script
    (live reload) to each page as it sends it, different every time: no hash can name
    it, so there inline scripts are allowed.  Everything else stays as published.
    """
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src":
            value = " ".join(
                [value, "'unsafe-inline'"] if serving else [value, *dict.fromkeys(hashes)]
            )
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def head_meta(hashes: list[str], serving: bool = False) -> str:
    return (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, serving)}">\n'
        f'<meta name="referrer" content="{REFERRER}">\n'
    )


def _with_rel(tag: str) -> str:
    """A start tag with ``noopener`` and ``noreferrer`` among its ``rel`` tokens."""
    name = re.match(r"<\w+", tag)
    assert name is not None
    for attribute in _ATTR.finditer(tag, name.end()):
        if attribute[1].lower() == "rel":
            value = attribute[2] or ""
            tokens = htmllib.unescape(value.strip("\"'")).split()
            tokens += [t for t in OUTSIDE_REL if t not in (x.lower() for x in tokens)]
            rel = f'rel="{htmllib.escape(" ".join(tokens))}"'
            return tag[: attribute.start()] + rel + tag[attribute.end() :]
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return tag[:end].rstrip() + ' rel="' + " ".join(OUTSIDE_REL) + '"' + tag[end:]


def secure_page(page: str, site_url: str = "", serving: bool = False) -> str:
    """``page`` with its policy in ``<head>`` and ``rel`` set on links to other hosts.

    Run it on the finished HTML: the hashes are those of the scripts in it.  Running
    it again gives the same page.
    """
    page = str(page)  # not Markup, which would escape what is added
    if 'http-equiv="Content-Security-Policy"' in page:  # secured already: done again
        page = _OURS.sub("", page, count=1)
    scripts, links = _scan(page, (urlsplit(site_url).hostname or "") if site_url else "")
    if links:
        out, done = [], 0
        for link in links:
            out += [page[done : link.start()], _with_rel(link[0])]
            done = link.end()
        page = "".join(out) + page[done:]
    meta = head_meta([script_hash(s) for s in scripts], serving)
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        return meta + page
    return page[: anchor.end()] + "\n" + meta + page[anchor.end() :].lstrip("\n")
