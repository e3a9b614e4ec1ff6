"""``tip-archive export DIR``: the whole site as plain Markdown and files, without the plugin.

The export holds what the plugin would hand to MkDocs: the hand-written pages of
``docs/``, every generated page (records, indexes, chronology, symbol table...) as
Markdown, and every generated file (open data, citation files, kept releases, the
feed, the archive's scripts), with the theme's ``overrides/`` and an
``mkdocs.yml`` that names no project plugin.  Any generator that reads MkDocs'
configuration and Material's settings (MkDocs itself, Zensical) builds it::

    DIR/mkdocs.yml
    DIR/docs/...
    DIR/overrides/...

What the plugin does at build time, and an export therefore lacks, is listed in
:data:`NOT_EXPORTED` (and in CONTRIBUTING.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from ..files import write_atomic
from ..model.records import LANGUAGES
from ..render.languages import page_language, theme_text
from ..render.manifest import page_scripts, page_styles
from ..render.urls import record_src
from .outputs import generate, release_context

#: What a build of the export lacks, compared with a build with the plugin.
NOT_EXPORTED = (
    "the full-text index (Pagefind runs after the plugin's build; run "
    "`tip-archive index <built site>` after building the export to add it)",
    "each record page's date of last change in the sitemap (<lastmod> is the build's)",
    "the validation of the data before the build (run `tip-archive validate` first)",
    "the hreflang alternates of the sitemap and the header's language switch to the same "
    "page in the other edition (it leads to the other edition's home page)",
)


def _plugin_options(plugins: list[Any]) -> tuple[list[Any], dict[str, Any]]:
    """The plugins other than the archive's, and the archive plugin's options."""
    kept, options = [], {}
    for plugin in plugins or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "tip-archive":
            options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
        else:
            kept.append(plugin)
    return kept, options


def export_config(config: dict[str, Any], release: dict[str, Any] | None) -> dict[str, Any]:
    """The configuration of the export: the project's, with the plugin's part written out."""
    out = dict(config)
    plugins, _ = _plugin_options(config.get("plugins", []))
    names = {p if isinstance(p, str) else next(iter(p)) for p in plugins}
    if not names & {"search", "material/search"}:
        # The archive's search is Pagefind's (`tip-archive index`). Zensical turns its own
        # search on unless told otherwise, and its worker keeps headless browsers from ever
        # settling after the 404 page's redirect; MkDocs reads the same setting.
        plugins.append({"search": {"enabled": False}})
    out["plugins"] = plugins
    out.pop("watch", None)
    out["docs_dir"], out["site_dir"] = "docs", "site"
    # The plugin's templates and the project's own overrides, merged into overrides/.
    out["theme"] = dict(out.get("theme") or {}) | {"custom_dir": "overrides"}
    css = list(out.get("extra_css") or [])
    out["extra_css"] = css + [u for u in page_styles() if u not in css]
    js = [str(u) for u in out.get("extra_javascript") or []]
    out["extra_javascript"] = js + [u for u in page_scripts() if u not in js]
    extensions = list(out.get("markdown_extensions") or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    from ..plugin import REQUIRED_EXTENSIONS

    out["markdown_extensions"] = extensions + [e for e in REQUIRED_EXTENSIONS if e not in names]
    out["extra"] = dict(out.get("extra") or {}) | {
        "tip_release": release,
        "tip_text": theme_text(str(config.get("site_name") or "")),
        # The header's language menu (partials/alternate.html), as the plugin turns it on.
        "alternate": (out.get("extra") or {}).get("alternate", True),
    }
    return out


def _mark_language(page: Path, src: str) -> None:
    """Write a page's edition into its front matter (``lang: ru``), as the plugin tells the
    theme at build time (``partials/language.html`` reads it)."""
    lang = page_language(src)
    if lang == "en":
        return
    text = page.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = f"---\nlang: {lang}\n" + text[len("---\n") :]
    else:
        text = f"---\nlang: {lang}\n---\n\n" + text
    page.write_text(text, encoding="utf-8")


def export_site(config_file: Path, target: Path) -> list[str]:
    """Write the export of the project of ``config_file`` into ``target`` (new or empty).

    Returns the paths written under ``target/docs``; raises ``ValueError`` when
    ``target`` holds anything, and ``DataError`` when the data have problems.
    """
    root = config_file.resolve().parent
    if target.exists() and any(target.iterdir()):
        raise ValueError(f"{target} is not empty: export into a new folder")
    from ..plugin import SHARED_PARTIALS, THEME, read_config

    config = read_config(config_file)
    _, options = _plugin_options(config.get("plugins", []))
    made = generate(
        root,
        str(options.get("data_dir", "data")),
        site_url=str(config.get("site_url") or ""),
        site_name=str(config.get("site_name") or ""),
        edit_base=str(options.get("edit_base") or ""),
        history_base=str(options.get("history_base") or ""),
    )
    docs = target / "docs"
    shutil.copytree(root / str(config.get("docs_dir", "docs")), docs, dirs_exist_ok=True)
    for page in docs.rglob("*.md"):
        _mark_language(page, page.relative_to(docs).as_posix())
    written = []
    # A record page's HTML links are relative to its address (resolutions/x/), which MkDocs
    # leaves alone and Zensical reads as relative to the Markdown file: as x/index.md, both
    # agree.
    records = {record_src(r, lang) for r in made.archive.records() for lang in LANGUAGES}
    outputs = {
        (p.src.removesuffix(".md") + "/index.md" if p.src in records else p.src): p.make().markdown
        for p in made.plans
    }
    outputs |= made.files
    for path, content in outputs.items():
        if path == "robots.txt" and (docs / path).exists():
            continue  # a robots.txt written by hand in docs/ wins, as in the plugin's build
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(docs / path, content)
        if path.endswith(".md"):
            _mark_language(docs / path, path)
        written.append(path)
    # The plugin's templates, then the project's; not the sitemap, whose hreflang alternates
    # come from the plugin (Zensical writes its own sitemap).
    # The plugin's copies of the theme's navigation partials call the plugin: left out.
    shared = [Path(name).name for name in SHARED_PARTIALS]
    ignore = shutil.ignore_patterns("sitemap.xml", *shared)
    shutil.copytree(THEME, target / "overrides", ignore=ignore)
    custom = (config.get("theme") or {}).get("custom_dir")
    if custom and (root / custom).is_dir():
        shutil.copytree((root / custom).resolve(), target / "overrides", dirs_exist_ok=True)
    exported = export_config(config, release_context(made.releases))
    write_atomic(
        target / "mkdocs.yml",
        "# Exported by `tip-archive export`: the archive's site without its MkDocs plugin.\n"
        + yaml.safe_dump(exported, allow_unicode=True, sort_keys=False, width=100),
    )
    return sorted(written)
