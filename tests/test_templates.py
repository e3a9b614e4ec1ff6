"""The plugin's theme templates include only partials that exist."""

from __future__ import annotations

import re
from pathlib import Path

from tip_archive.plugin import THEME

INCLUDE = re.compile(r"""{%-?\s*include\s+["']([^"']+)["']([^%]*)%}""")


def _material() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_every_included_partial_exists() -> None:
    found = []
    for template in sorted(THEME.rglob("*.html")):
        for name, rest in INCLUDE.findall(template.read_text(encoding="utf-8")):
            found.append(name)
            assert "ignore missing" not in rest, f"{template.name}: {name} may be missing silently"
            assert (THEME / name).is_file() or (_material() / name).is_file(), (
                f"{template.name} includes {name}, which does not exist"
            )
    assert found
