"""Command line: check an explainer's docs/ folder, or write its generated pages without MkDocs."""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .build import build_explainer
from .model import Explainer
from .problems import ExplainerError
from .render.pages import Options, render_pages


def summary(model: Explainer, pages: int, seconds: float, in_workers: bool = False) -> str:
    """One line for the build log; `in_workers`: the pages are still being rendered, `seconds` is the set-up."""
    c = model.counts()
    how = (" (rendered by worker processes as MkDocs reads them), set up in" if in_workers else " in")
    return (f"explainer: {c['events']} events, {c['actors']} actors, {c['places']} places, {c['terms']} terms, "
            f"{c['sources']} sources -> {pages} pages{how} {seconds:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the YAML files; print every problem")
    check.add_argument("docs", type=Path, nargs="?", default=Path("docs"))
    render = sub.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("docs", type=Path)
    render.add_argument("out", type=Path)
    render.add_argument("--no-directory-urls", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        model = build_explainer(args.docs, shown_root=str(args.docs).rstrip("/") or ".")
    except ExplainerError as err:
        print(err.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        c = model.counts()
        print(f"explainer: {args.docs} is valid: " + ", ".join(f"{n} {k}" for k, n in c.items()))
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
