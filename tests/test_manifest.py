"""One manifest of the archive's scripts and styles: every file in it, each loaded once."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import tip_archive.render
from tip_archive.plugin import THEME, ArchivePlugin
from tip_archive.render import languages, manifest

ASSET_FOLDER = Path(tip_archive.render.__file__).parent / "assets"


def test_every_asset_file_is_in_the_manifest_once() -> None:
    names = [a.name for a in manifest.ASSETS]
    assert sorted(names) == sorted(p.name for p in ASSET_FOLDER.iterdir() if p.is_file())
    paths = [a.path for a in manifest.ASSETS]
    assert len(set(paths)) == len(paths)
    assert {a.loads for a in manifest.ASSETS} <= {
        manifest.EVERY_PAGE,
        manifest.RECORD_PAGES,
        manifest.NOT_FOUND_PAGE,
    }


def test_the_manifest_gives_every_file_with_its_media_type() -> None:
    outputs = {o.path: o for o in manifest.asset_outputs()}
    assert outputs["assets/tip-archive/print.css"].media_type == "text/css"
    assert outputs["assets/tip-cite.js"].media_type == "text/javascript"
    assert outputs["assets/tip-cite.js"].content == (ASSET_FOLDER / "cite.js").read_text()


def _config(css: list[str], js: list[str]) -> SimpleNamespace:
    theme = SimpleNamespace(dirs=["/material"], custom_dir=None)
    return SimpleNamespace(
        markdown_extensions=[],
        extra_css=css,
        extra_javascript=js,
        theme=theme,
        extra={},
        site_name="Archive",
    )


def test_page_assets_are_added_once_even_when_mkdocs_yml_lists_them() -> None:
    config = _config(["assets/tip-archive/print.css"], ["assets/tip-archive/print.js"])
    ArchivePlugin().on_config(config)
    ArchivePlugin().on_config(config)  # a second plugin run adds nothing either
    assert sorted(config.extra_css) == sorted(manifest.page_styles())  # each once
    assert sorted(config.extra_javascript) == sorted(manifest.page_scripts())
    # The scripts' strings load right after TipI18n, before every script that shows one.
    order = config.extra_javascript
    assert order.index(languages.MESSAGES_PATH) > order.index(manifest.asset("i18n.js").path)
    assert order.index(languages.MESSAGES_PATH) < order.index(manifest.asset("chronology.js").path)
    assert config.extra["alternate"] is True
    assert (
        config.extra["tip_text"]["ru"]["Record last changed on"] == "Запись последний раз изменена"
    )
    assert config.theme.dirs == [str(THEME), "/material"]  # the plugin's templates, once
