"""The `explainer` command: check an explainer's files, write its pages without MkDocs, start a new file or a
new explainer, regenerate the schemas.

    explainer check [DOCS]                 validate; print every problem, exit 1 if any
    explainer render DOCS OUT              the generated Markdown pages, into OUT
    explainer new KIND ID [--docs DOCS]    a new YAML file with every field of its kind
    explainer new-site DIR                 a new explainer that builds at once (mkdocs build)
    explainer schemas [DIR]                the JSON Schemas (and, in this repository, the guide's messages)"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import catalogues, sourcing
from .build import build_explainer
from .contract import KINDS
from .generator import Options, render_pages, summary
from .load import site_settings
from .messages import MODULE, message_rows, module_text
from .problems import ExplainerError
from .scaffold import Refused, new_file, new_site, write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="explainer", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the YAML files; print every problem, then the sourcing report")
    check.add_argument("docs", type=Path, nargs="?", default=Path("docs"))
    check.add_argument("--config", type=Path, help="the site's mkdocs.yml (default: the one beside DOCS)")
    render = sub.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("docs", type=Path)
    render.add_argument("out", type=Path)
    render.add_argument("--no-directory-urls", action="store_true")
    new = sub.add_parser("new", help="a new YAML file with every field of its kind")
    new.add_argument("kind", help=", ".join(k.singular for k in KINDS))
    new.add_argument("id", help="the new id: lowercase letters, digits and single hyphens")
    new.add_argument("--docs", type=Path, default=Path("docs"))
    site = sub.add_parser("new-site", help="a new explainer that builds at once")
    site.add_argument("dir", type=Path)
    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the data contract")
    schemas.add_argument("dir", type=Path, nargs="?", default=Path("schemas"))
    schemas.add_argument("--vscode", type=Path, help="also write this repository's editor settings here")
    schemas.add_argument(
        "--guide-messages",
        action="store_true",
        help="also regenerate the editors' guide's table of error messages (in the package)",
    )
    sub.add_parser("catalogues", help="gather the generator's words into i18n/<lang>.po (for translators)")
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except Refused as err:
        print(f"explainer {args.command}: {err}", file=sys.stderr)
        return 1


def _check_or_render(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    settings = site_settings(getattr(args, "config", None) or args.docs.parent / "mkdocs.yml")
    languages = tuple(x for x in settings.pop("languages", "").split(",") if x)
    try:
        model = build_explainer(args.docs, str(args.docs).rstrip("/") or ".", languages=languages)
    except ExplainerError as err:
        print(err.report(), file=sys.stderr)
        return 1
    for warning in model.warnings:  # a strict build refuses these
        print(f"warning: {warning}", file=sys.stderr)
    if args.command == "check":
        c = model.counts()
        print(f"explainer: {args.docs} is valid: " + ", ".join(f"{n} {k}" for k, n in c.items()))
        print(sourcing.summary(sourcing.report(model, settings)))
        return 0
    pages = render_pages(model, Options(directory_urls=not args.no_directory_urls))
    with tempfile.TemporaryDirectory(dir=args.out.parent if args.out.parent.exists() else None) as tmp:
        for page in pages:
            target = Path(tmp) / page.src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(tmp, args.out)
    print(summary(model, len(pages), time.perf_counter() - started))
    return 0


def _new(args: argparse.Namespace) -> int:
    path = new_file(args.docs, args.kind, args.id)
    print(f"explainer new: wrote {path}. Fill in the required fields, then run: explainer check {args.docs}")
    return 0


def _new_site(args: argparse.Namespace) -> int:
    new_site(args.dir)
    print(
        f"explainer new-site: wrote {args.dir}/mkdocs.yml and {args.dir}/docs/. Preview it with:\n"
        f"  cd {args.dir} && mkdocs serve"
    )
    return 0


def _schemas(args: argparse.Namespace) -> int:
    changed = write_schemas(args.dir, args.vscode)
    print(
        f"explainer schemas: {2 * len(KINDS)} files in {args.dir} (each kind and its translations), "
        f"{len(changed)} changed"
    )
    if args.guide_messages:
        MODULE.write_text(module_text(message_rows()), encoding="utf-8")
        print(f"explainer schemas: wrote {MODULE}")
    return 0


def _catalogues(args: argparse.Namespace) -> int:
    for lang, missing in catalogues.update().items():
        print(f"explainer catalogues: i18n/{lang}.po, {missing} message{'s' * (missing != 1)} to translate")
    return 0


COMMANDS = {
    "catalogues": _catalogues,
    "check": _check_or_render,
    "render": _check_or_render,
    "new": _new,
    "new-site": _new_site,
    "schemas": _schemas,
}
