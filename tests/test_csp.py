"""Every page's policy: its Content Security Policy, referrer policy and outside links.

The built site is read with BeautifulSoup, another parser than the one that wrote the
policy: every inline script that runs must be named by its hash in its own page's
policy, and nothing else; every link to another host carries ``noopener noreferrer``;
nothing a page loads comes from another host.  The browser suite
(``tests/browser/test_policy.py``) shows that the pages run under it with no violation.
"""

from __future__ import annotations

import base64
import hashlib
import html
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st

from archive_site import BuiltSite
from tip_archive.render.csp import REFERRER, is_outside, policy, script_hash, secure_page

SITE_URL = "https://archive.example.org/tip/"
#: What a page fetches: (tag, attribute), and for <link> the kinds of it that load.
LOADS = [("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")]
LOAD_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


def directives(page: BeautifulSoup) -> dict[str, list[str]]:
    meta = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert isinstance(meta, Tag), "no Content-Security-Policy meta"
    found: dict[str, list[str]] = {}
    for part in str(meta["content"]).split(";"):
        name, *values = part.split()
        assert name not in found, f"{name} given twice"
        found[name] = values
    return found


def runs(script: Tag) -> bool:
    kind = str(script.get("type", "")).strip().lower()
    return not script.has_attr("src") and kind in ("", "text/javascript", "module")


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def pages(archive_site: BuiltSite) -> dict[str, BeautifulSoup]:
    return {
        p.relative_to(archive_site.root).as_posix(): BeautifulSoup(
            p.read_text(encoding="utf-8"), "html.parser"
        )
        for p in sorted(archive_site.root.rglob("*.html"))
    }


# -- the built site -----------------------------------------------------------------------


@pytest.mark.e2e
def test_every_page_has_its_policy_before_anything_it_loads(
    pages: dict[str, BeautifulSoup],
) -> None:
    assert "404.html" in pages and "symbol/A/RES/64/293/index.html" in pages
    for path, page in pages.items():
        head = page.head
        assert head is not None, path
        elements = [e for e in head.children if isinstance(e, Tag)]
        names = [
            (e.name, e.get("charset") or e.get("http-equiv") or e.get("name")) for e in elements
        ]
        assert names[:3] == [
            ("meta", "utf-8"),
            ("meta", "Content-Security-Policy"),
            ("meta", "referrer"),
        ], path
        assert elements[2]["content"] == REFERRER
        assert len(page.find_all("meta", attrs={"http-equiv": True})) == (
            2 if page.find("meta", attrs={"http-equiv": "refresh"}) else 1
        ), path


@pytest.mark.e2e
def test_the_policy_names_every_inline_script_by_its_hash_and_nothing_else(
    pages: dict[str, BeautifulSoup],
) -> None:
    hashed = 0
    for path, page in pages.items():
        policy = directives(page)
        wanted = {sha256(s.string or "") for s in page.find_all("script") if runs(s)}
        given = {v for v in policy["script-src"] if v.startswith("'sha256-")}
        assert given == wanted, path
        hashed += len(wanted)
        assert policy["default-src"] == ["'self'"], path
        assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'self'"], path
        words = " ".join(v for values in policy.values() for v in values)
        assert "unsafe-inline" not in words and "'unsafe-eval'" not in words, path
        # No inline style to allow: styles come from files.
        assert page.find("style") is None and page.find(style=True) is None, path
        assert page.find(lambda t: any(a.startswith("on") for a in t.attrs)) is None, path
    assert hashed > len(pages), "mkdocs-material's inline scripts were not found"


@pytest.mark.e2e
def test_every_link_to_another_host_hands_it_nothing(pages: dict[str, BeautifulSoup]) -> None:
    own = urlsplit(_site_url(pages)).hostname
    outside = 0
    for path, page in pages.items():
        for link in page.find_all(["a", "area"], href=True):
            host = urlsplit(str(link["href"])).hostname
            if host and host != own:
                outside += 1
                assert {"noopener", "noreferrer"} <= set(link.get("rel") or []), (path, str(link))
    assert outside > 0, "the site has no outside link: the test checked nothing"


def _site_url(pages: dict[str, BeautifulSoup]) -> str:
    canonical = pages["index.html"].find("link", rel="canonical")
    assert isinstance(canonical, Tag)
    return str(canonical["href"])


@pytest.mark.e2e
def test_nothing_on_a_page_loads_from_another_host(pages: dict[str, BeautifulSoup]) -> None:
    for path, page in pages.items():
        for tag, attribute in LOADS:
            for element in page.find_all(tag, attrs={attribute: True}):
                assert not is_outside(str(element[attribute]), ""), (path, str(element))
        for link in page.find_all("link", href=True):
            if LOAD_RELS & set(link.get("rel") or []):
                assert not is_outside(str(link["href"]), ""), (path, str(link))


# -- secure_page on its own ----------------------------------------------------------------

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>t</title>
<script>var a = 1;</script>
<script type="application/ld+json">{"@type": "Thing"}</script>
<script src="x.js"></script>
<script type="module">import "./m.js";</script>
</head><body>
<a href="https://other.example.com/page">other</a>
<a href="https://archive.example.org/tip/resolutions/">own, absolute</a>
<a href="../resolutions/">own, relative</a>
<a href="mailto:editors@example.org">mail</a>
</body></html>
"""


def test_secure_page_hashes_only_the_inline_scripts_that_run() -> None:
    out = secure_page(PAGE, SITE_URL)
    page = BeautifulSoup(out, "html.parser")
    sources = directives(page)["script-src"]
    assert sources == [
        "'self'",
        "'wasm-unsafe-eval'",
        sha256("var a = 1;"),
        sha256('import "./m.js";'),
    ]


def test_secure_page_marks_only_links_to_other_hosts() -> None:
    page = BeautifulSoup(secure_page(PAGE, SITE_URL), "html.parser")
    rels = {a.get_text(): a.get("rel") for a in page.find_all("a")}
    assert rels == {
        "other": ["noopener", "noreferrer"],
        "own, absolute": None,
        "own, relative": None,
        "mail": None,
    }


def test_without_a_site_address_every_absolute_link_is_outside() -> None:
    page = BeautifulSoup(secure_page(PAGE, ""), "html.parser")
    assert page.find("a", string="own, absolute").get("rel") == ["noopener", "noreferrer"]  # type: ignore[union-attr]


def test_secure_page_changes_nothing_else_and_twice_is_once() -> None:
    once = secure_page(PAGE, SITE_URL)
    assert secure_page(once, SITE_URL) == once
    meta_lines = [line for line in once.splitlines() if line not in PAGE.splitlines()]
    assert len(meta_lines) == 3  # the policy, the referrer, the outside link
    assert (
        once.replace(' rel="noopener noreferrer"', "").replace("\n".join(meta_lines[:2]) + "\n", "")
        == PAGE
    )


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('<a href="https://x.org/">', '<a href="https://x.org/" rel="noopener noreferrer">'),
        ('<a href="https://x.org/"/>', '<a href="https://x.org/" rel="noopener noreferrer"/>'),
        ('<a rel="me" href="//x.org/">', '<a rel="me noopener noreferrer" href="//x.org/">'),
        (
            "<a href='https://x.org/' rel='noopener'>",
            "<a href='https://x.org/' rel=\"noopener noreferrer\">",
        ),
        (
            '<a REL=external href="HTTPS://X.ORG">',
            '<a rel="external noopener noreferrer" href="HTTPS://X.ORG">',
        ),
        ('<a href="/\\x.org/">', '<a href="/\\x.org/" rel="noopener noreferrer">'),
        (
            '<a href="&#104;ttps://x.org/">',
            '<a href="&#104;ttps://x.org/" rel="noopener noreferrer">',
        ),
        ('<a href=" ht\ttps://x.org/">', '<a href=" ht\ttps://x.org/" rel="noopener noreferrer">'),
        ('<area href="https://x.org/">', '<area href="https://x.org/" rel="noopener noreferrer">'),
        (
            '<a href="https://archive.example.org:443/x">',
            '<a href="https://archive.example.org:443/x">',
        ),
        ('<a href="#top">', '<a href="#top">'),
        ('<a href="javascript:void(0)">', '<a href="javascript:void(0)">'),
    ],
)
def test_a_link_to_another_host_gets_noopener_noreferrer(tag: str, expected: str) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body>\n{tag}x</a></body></html>'
    out = secure_page(page, SITE_URL)
    assert f"\n{expected}x</a>" in out


def test_a_script_hash_is_of_its_text_as_the_browser_parses_it() -> None:
    # The HTML parser turns CRLF and CR into LF before the browser hashes a script.
    assert script_hash("a;\r\nb;\rc;") == sha256("a;\nb;\nc;")
    assert script_hash("é") == sha256("é")


def test_a_page_without_a_charset_gets_its_policy_first_in_head() -> None:
    out = secure_page("<html><head><script>1</script></head></html>")
    assert out.startswith(
        f'<html><head>\n<meta http-equiv="Content-Security-Policy" content="{policy([sha256("1")])}">'
    )


def test_is_outside_reads_addresses_as_a_browser_does() -> None:
    assert is_outside("https://x.org/", "archive.example.org")
    assert is_outside("http://[::1", "archive.example.org")  # unreadable: the safe side
    assert not is_outside("https://ARCHIVE.example.org/", "archive.example.org")
    assert not is_outside("data/records.json", "archive.example.org")


def test_under_mkdocs_serve_the_live_reload_script_may_run() -> None:
    # The server adds it to each page as it sends it (a new id each time): no hash can name it.
    served = directives(BeautifulSoup(secure_page(PAGE, SITE_URL, serving=True), "html.parser"))
    published = directives(BeautifulSoup(secure_page(PAGE, SITE_URL), "html.parser"))
    assert served["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]
    assert {k: v for k, v in served.items() if k != "script-src"} == {
        k: v for k, v in published.items() if k != "script-src"
    }


def test_links_written_inside_scripts_comments_and_styles_are_left_as_they_are() -> None:
    script = 'document.write("<a href=\\"https://x.org/\\">x</a>")'
    page = (
        '<html><head><meta charset="utf-8"><SCRIPT>' + script + "</SCRIPT>"
        "<style>a[href='<a href=\"https://x.org/\">']{}</style></head><body>"
        '<!-- <a href="https://x.org/">old</a> -->'
        '<a title="1 > 0" href="https://x.org/">x</a></body></html>'
    )
    out = secure_page(page, SITE_URL)
    assert out.count('rel="noopener noreferrer"') == 1
    assert '<a title="1 > 0" href="https://x.org/" rel="noopener noreferrer">' in out
    assert f"<SCRIPT>{script}</SCRIPT>" in out
    assert sha256(script) in directives(BeautifulSoup(out, "html.parser"))["script-src"]


def test_rel_is_found_as_an_attribute_not_inside_another_one() -> None:
    tag = '<a title="see rel=me" href="https://x.org/" data-x=\'rel="a"\'>'
    out = secure_page(f'<html><head><meta charset="utf-8"></head><body>{tag}x</a>', SITE_URL)
    assert (
        '<a title="see rel=me" href="https://x.org/" data-x=\'rel="a"\' rel="noopener noreferrer">'
        in out
    )


_HREFS = st.one_of(
    st.sampled_from(
        ["https://archive.example.org/tip/x/", "../x/", "#a", "mailto:a@b.c", "data/x"]
    ),
    st.builds(
        lambda scheme, host, path: f"{scheme}{host}/{path}",
        st.sampled_from(["https://", "http://", "//", "HTTPS://"]),
        st.sampled_from(["x.org", "archive.example.org", "ARCHIVE.example.org", "a.b.example.net"]),
        st.text("abc/?=&%#", max_size=12),
    ),
)
_SCRIPTS = st.text(max_size=40).filter(lambda s: "</script" not in s.lower() and "<!--" not in s)


@given(
    hrefs=st.lists(_HREFS, max_size=6),
    scripts=st.lists(_SCRIPTS, max_size=4),
    text=st.text(max_size=30),
)
def test_any_page_gets_hashes_of_its_scripts_and_rel_on_its_outside_links(
    hrefs: list[str], scripts: list[str], text: str
) -> None:
    pairs = list(zip(hrefs + [""] * len(scripts), scripts + [""] * len(hrefs), strict=False))
    body = "".join(
        f'<a href="{html.escape(h)}">{html.escape(text)}</a><script>{s}</script>' for h, s in pairs
    )
    out = secure_page(
        f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', SITE_URL
    )
    page = BeautifulSoup(out, "html.parser")
    # From the scripts as written, not as html.parser reads them back: it turns a lone
    # carriage return into a space, where a browser (and the policy) read a line end.
    wanted = {sha256(s.replace("\r\n", "\n").replace("\r", "\n")) for _h, s in pairs}
    assert {v for v in directives(page)["script-src"] if v.startswith("'sha256-")} == wanted
    for link in page.find_all("a"):
        host = urlsplit(str(link["href"]).replace("\\", "/")).hostname
        outside = host is not None and host != "archive.example.org"
        assert (link.get("rel") == ["noopener", "noreferrer"]) == outside, str(link)
    assert secure_page(out, SITE_URL) == out
