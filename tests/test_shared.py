"""The navigation rendered once for many pages is the navigation each page would get."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import build_project, digest, translate_mini
from tip_archive.pipeline import apart
from tip_archive.render.shared import SharedPartials


@pytest.mark.e2e
def test_shared_navigation_gives_the_site_each_page_rendering_its_own(
    mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translate_mini(mini_project)  # both editions: two navigations, two languages
    config = mini_project / "mkdocs.yml"  # a navigation that lists some pages, as the real one
    nav = "nav:\n  - Home: index.md\n  - Chronology: chronology/index.md\n"
    nav += "  - Records:\n    - Resolutions: resolutions/index.md\n    - Events: events/index.md\n"
    config.write_text(config.read_text() + nav)
    renders: list[str] = []
    calls: list[str] = []
    render, render_once = SharedPartials.render, SharedPartials._render

    def counted_render(self: SharedPartials, context: Any, name: str) -> Any:
        calls.append(name)
        return render(self, context, name)

    def counted_once(template: Any, context: Any) -> Any:
        renders.append(str(getattr(context.get("page"), "url", "")))
        return render_once(template, context)

    monkeypatch.setattr(apart, "can_fork", lambda: False)  # counted here, not in a child
    monkeypatch.setattr(SharedPartials, "render", counted_render)
    monkeypatch.setattr(SharedPartials, "_render", staticmethod(counted_once))
    status, output = build_project(mini_project, tmp_path / "shared")
    assert status == 0, output
    assert len(renders) < len(calls) / 2, "most pages share their edition's navigation"
    assert "partials/nav.html" in calls
    assert any(url.startswith("ru/") for url in renders), "the Russian one is its own"

    monkeypatch.setattr(SharedPartials, "_where", staticmethod(lambda context, targets: None))
    status, output = build_project(mini_project, tmp_path / "own")
    assert status == 0, output
    shared, own = digest(tmp_path / "shared"), digest(tmp_path / "own")
    assert shared == own, [path for path in own if shared.get(path) != own[path]][:5]
