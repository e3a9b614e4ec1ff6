"""``tip-archive package``: the current release as a BagIt bag, for a library to take in.

BagIt (RFC 8493, the Library of Congress's packaging format) is a folder with a
``data/`` payload, manifests of SHA-256 and SHA-512 checksums of every payload
file, and ``bag-info.txt`` describing the bag.  The bag is made and checked with
the Library of Congress's own ``bagit`` library.  Its payload::

    records/            the record files, as in the repository's data/ (YAML)
    source-texts/       the archived texts of the sources, verbatim
    schema/             the JSON Schema of record files
    open-data/          the open data of the build (records, citations, data package)
    releases/<N>/       every published release's open data, as published
    site/               the built site, ready to be served by any static host
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import bagit

from ..authoring.published import RELEASES_DIR
from ..authoring.release import RELEASES_FILE, read_releases
from ..files import write_atomic
from ..model.schema import schema_json

#: Checksums written into the bag's manifests (RFC 8493 recommends SHA-512; SHA-256 is
#: what most repository software checks first).
ALGORITHMS = ["sha256", "sha512"]


#: What the site's data/ folder holds besides open data: the Data page, the 404 page's
#: lookup table, and the kept releases (bagged apart, under releases/).
SITE_ONLY = ("index.html", "lookup.json", "releases")


def bag_name(release_number: int) -> str:
    return f"tip-archive-release-{release_number}"


def _payload(root: Path, site: Path, target: Path) -> None:
    data = root / "data"
    shutil.copytree(data, target / "records", ignore=shutil.ignore_patterns("texts"))
    shutil.copytree(data / "sources/texts", target / "source-texts")
    (target / "schema").mkdir()
    write_atomic(target / "schema/record.schema.json", schema_json())
    shutil.copytree(site / "data", target / "open-data", ignore=shutil.ignore_patterns(*SITE_ONLY))
    if (root / RELEASES_DIR).is_dir():
        shutil.copytree(root / RELEASES_DIR, target / "releases")
    shutil.copy2(root / RELEASES_FILE, target / RELEASES_FILE)
    shutil.copytree(site, target / "site")


def make_package(config_file: Path, output: Path, site: Path | None = None) -> Path:
    """Build the site (unless ``site`` is given) and bag it in ``output/<bag name>/``.

    Raises ``ValueError`` when the bag exists already or the build fails.
    """
    from ..plugin import site_identity
    from .site import build_site

    root = config_file.resolve().parent
    if not (root / RELEASES_FILE).exists():
        raise ValueError(f"no {RELEASES_FILE} next to {config_file}: a bag holds a data release")
    release = read_releases(root / RELEASES_FILE)[-1]
    bag_dir = output / bag_name(release.number)
    if bag_dir.exists():
        raise ValueError(f"{bag_dir} exists: move it away, or package elsewhere with --output")
    site_url, site_name = site_identity(config_file)
    with tempfile.TemporaryDirectory(prefix="tip-package-") as work:
        if site is None:
            site = Path(work) / "site"
            if build_site(config_file, site) != 0:
                raise ValueError("the site did not build: nothing was packaged")
        staging = Path(work) / "bag"
        _payload(root, site, staging)
        info = {
            "Source-Organization": site_name,
            "External-Identifier": f"{site_url} {release.label}",
            "External-Description": (
                f"{site_name}: the records, archived source texts, record schema, open data "
                f"and built site of {release.label.lower()} ({release.date}), {site_url}"
            ),
            "Bag-Group-Identifier": site_url,
            "Data-Release": str(release.number),
            "Data-Release-Date": release.date,
        }
        bagit.make_bag(str(staging), info, checksums=ALGORITHMS)
        output.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), bag_dir)
    return bag_dir


def validate_package(bag_dir: Path) -> list[str]:
    """Every problem ``bagit`` finds in the bag (checksums included); empty when it is sound."""
    try:
        bagit.Bag(str(bag_dir)).validate()
    except bagit.BagValidationError as exc:
        details = [str(d) for d in getattr(exc, "details", [])]
        return details or [str(exc)]
    except bagit.BagError as exc:
        return [str(exc)]
    return []
