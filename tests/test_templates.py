"""The theme templates include only partials that exist."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

INCLUDE = re.compile(r"""{%-?\s*include\s+["']([^"']+)["']([^%]*)%}""")


def _material() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_every_included_partial_exists() -> None:
    found = []
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        for name, rest in INCLUDE.findall(template.read_text(encoding="utf-8")):
            found.append(name)
            assert "ignore missing" not in rest, f"{template.name}: {name} may be missing silently"
            assert (ROOT / "overrides" / name).is_file() or (_material() / name).is_file(), (
                f"{template.name} includes {name}, which does not exist"
            )
    assert found
