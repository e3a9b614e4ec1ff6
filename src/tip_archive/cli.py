"""The ``tip-archive`` command line: validate, build, serve, and new records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading.problems import DataError


def _validate(args: argparse.Namespace) -> int:
    from .authoring.release import releases_problems
    from .pipeline.engine import load_archive

    data = Path(args.data)
    problems = []
    try:
        archive = load_archive(data, data.resolve().parent)
    except DataError as exc:
        problems += exc.problems
    problems += releases_problems(data.resolve().parent)
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print(f"{len(archive.entries)} records valid.")
    from .crossref.coverage import coverage

    print(coverage(archive).report())
    from .crossref.translation import translation_coverage

    print(translation_coverage(archive).report())
    return 0


def _build(args: argparse.Namespace) -> int:
    from .pipeline.site import build_site

    return build_site(Path(args.config), Path(args.site_dir), strict=not args.no_strict)


def _serve(args: argparse.Namespace) -> int:
    from .pipeline.site import serve_site

    return serve_site(Path(args.config), args.addr)


def _new(args: argparse.Namespace) -> int:
    from .authoring.skeleton import write_skeleton

    try:
        path = write_skeleton(Path(args.data), args.type, args.name, args.date)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def _failed(exc: DataError | ValueError) -> int:
    """Print a command's failure (every data problem, or one line) and give exit status 1."""
    print(exc.report() if isinstance(exc, DataError) else f"error: {exc}", file=sys.stderr)
    return 1


def _release(args: argparse.Namespace) -> int:
    from .authoring.published import freeze_command
    from .authoring.release import release_command

    try:
        if args.freeze:
            print(freeze_command(Path(args.config)))
            return 0
        text, ok = release_command(Path(args.data), args.since, args.check)
    except (DataError, ValueError) as exc:
        return _failed(exc)
    print(text, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def _package(args: argparse.Namespace) -> int:
    from .pipeline.package import make_package, validate_package

    try:
        bag = make_package(Path(args.config), Path(args.output))
    except (DataError, ValueError) as exc:
        return _failed(exc)
    problems = validate_package(bag)
    for problem in problems:
        print(f"{bag}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"wrote {bag} (BagIt, validated)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .pipeline.export import NOT_EXPORTED, export_site

    try:
        written = export_site(Path(args.config), Path(args.dir))
    except (DataError, ValueError) as exc:
        return _failed(exc)
    print(f"exported {len(written)} generated files with docs/ into {args.dir}/")
    print("A build of the export (mkdocs build, zensical build) lacks:")
    for item in NOT_EXPORTED:
        print(f"- {item}")
    return 0


def _index(args: argparse.Namespace) -> int:
    from .render.fulltext import SearchIndexError, index_site

    try:
        index_site(Path(args.site))
    except SearchIndexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote the full-text index (Pagefind) of {args.site}/ into {args.site}/pagefind/")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .model.schema import schema_json

    text = schema_json()
    if args.output:
        from .files import write_atomic

        write_atomic(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="tip-archive", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check every record; print every problem; exit 1 if any")
    p.add_argument("--data", default="data")
    p.set_defaults(func=_validate)
    p = sub.add_parser(
        "build", help="validate and build the site (strict); site/ is replaced only on success"
    )
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    p.set_defaults(func=_build)
    p = sub.add_parser("serve", help="serve the site with live reload when a record changes")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--addr", default="127.0.0.1:8000")
    p.set_defaults(func=_serve)
    p = sub.add_parser("new", help="write a correctly shaped YAML skeleton for a new record")
    p.add_argument("type", help="resolution, statement, event, document, body, person or source")
    p.add_argument("name", help="the UN symbol (A/RES/64/293) or a slug (2007-conference)")
    p.add_argument(
        "--date", help='the date as the source gives it: "18 December 2009", "Dec 2009", 2009'
    )
    p.add_argument("--data", default="data")
    p.set_defaults(func=_new)
    p = sub.add_parser(
        "release",
        help="print the CHANGELOG section of the data release being prepared: records added, "
        "corrected and removed since the last release tag",
    )
    p.add_argument("--data", default="data")
    p.add_argument("--since", help="compare with this git tag or commit instead")
    p.add_argument(
        "--check",
        action="store_true",
        help="check releases.yaml and the CHANGELOG's data release sections against the data",
    )
    p.add_argument(
        "--freeze",
        action="store_true",
        help="keep the newest release's open data in releases/<N>/ (never rewritten), "
        "served from /data/releases/<N>/",
    )
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(func=_release)
    p = sub.add_parser(
        "package",
        help="build the site and write the current release as a BagIt bag (records, source "
        "texts, schema, open data, site), validated",
    )
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--output", "-o", default="packages", help="the folder to write the bag in")
    p.set_defaults(func=_package)
    p = sub.add_parser(
        "export",
        help="write the whole site as Markdown and files, with an mkdocs.yml that needs no "
        "project plugin (for MkDocs or Zensical)",
    )
    p.add_argument("dir", help="a new or empty folder")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(func=_export)
    p = sub.add_parser(
        "index",
        help="write the full-text index (Pagefind) of a site built from the export "
        "(the plugin's build does it by itself)",
    )
    p.add_argument("site", help="the built site, e.g. export/site")
    p.set_defaults(func=_index)
    p = sub.add_parser("schema", help="print the JSON Schema of record files")
    p.add_argument("--output", "-o")
    p.set_defaults(func=_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
