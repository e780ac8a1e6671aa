"""Scaffolding for editors: a new YAML file (`make new`) or a new explainer (`make new-site`).

    python scripts/new.py file --kind event --id 2021-03-29-ship-refloated [--docs docs]
    python scripts/new.py site --dir ../my-explainer"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the explainer package sits beside this script

from explainer.rules import ID_RE  # noqa: E402
from explainer.schema import KINDS, Kind  # noqa: E402
from explainer.schemas import vscode_settings  # noqa: E402
from explainer.skeleton import skeleton  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KIND_NAMES = {**{k.singular: k for k in KINDS}, **{k.name: k for k in KINDS}}
STARTER = Path(__file__).resolve().parent / "starter"  # the example explainer new-site copies


class Refused(Exception):
    """What the editor asked for cannot be done; the message says why and what to do instead."""


def new_file(docs: Path, kind_name: str, ident: str) -> Path:
    """Write docs/<kind>/<ident>.yml from the data contract; refuse a bad kind, a malformed or taken id."""
    kind = KIND_NAMES.get(kind_name.strip().lower())
    if kind is None:
        raise Refused(f"unknown kind {kind_name!r}; expected one of {', '.join(k.singular for k in KINDS)}")
    if not ID_RE.match(ident):
        raise Refused(f"expected an id of lowercase letters, digits and single hyphens, found {ident!r}")
    if not docs.is_dir():
        raise Refused(f"expected the explainer's docs folder at {docs}, found none")
    for taken in (docs / kind.name / f"{ident}.yml", docs / kind.name / f"{ident}.yaml"):
        if taken.exists():
            raise Refused(f"{taken} already exists; choose another id or edit that file")
    path = docs / kind.name / f"{ident}.yml"
    path.parent.mkdir(exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # 'x': never overwrite, even in a race
        out.write(skeleton(kind, ident))
    return path


def starter_files() -> dict[str, str]:
    """Relative path -> text of the example explainer; its mkdocs.yml gets the path to the hook."""
    return {p.relative_to(STARTER).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(STARTER.rglob("*")) if p.is_file()}


def mkdocs_yml(target: Path) -> str:
    hook = ROOT / "scripts" / "mkdocs_hook.py"
    try:
        hook_path = os.path.relpath(hook, target.resolve())
    except ValueError:  # another drive on Windows
        hook_path = str(hook)
    return (STARTER / "mkdocs.yml").read_text(encoding="utf-8").replace("HOOK_PATH", Path(hook_path).as_posix())


def new_site(target: Path) -> list[Path]:
    """A new explainer in `target`: mkdocs.yml, docs/ with a home page and one example of each kind."""
    if target.exists() and any(target.iterdir()):
        raise Refused(f"{target} already exists and is not empty; choose a new folder")
    schemas = Path(os.path.relpath(ROOT / "schemas", target.resolve())).as_posix()
    files = {**starter_files(), "mkdocs.yml": mkdocs_yml(target), ".vscode/settings.json": vscode_settings(schemas),
             ".gitignore": "site/\n"}
    written = []
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("file", help="a new YAML file with every field of its kind")
    one.add_argument("--kind", default="", help="event, actor, place, term, source, timeline, map or fact")
    one.add_argument("--id", default="", help="the new id: lowercase letters, digits and single hyphens")
    one.add_argument("--docs", type=Path, default=Path("docs"))  # --docs "" would mean the current folder
    site = sub.add_parser("site", help="a new explainer that builds at once")
    site.add_argument("--dir", default="")
    args = parser.parse_args(argv)
    try:
        if args.command == "file":
            if not args.kind or not args.id:
                raise Refused("usage: make new KIND=event ID=2021-03-29-ship-refloated  (kinds: "
                              + ", ".join(k.singular for k in KINDS) + ")")
            path = new_file(args.docs, args.kind, args.id)
            print(f"new: wrote {path}. Fill in the required fields, then run: make check")
        else:
            if not args.dir.strip():
                raise Refused("usage: make new-site DIR=../my-explainer")
            new_site(Path(args.dir))
            print(f"new-site: wrote {args.dir}/mkdocs.yml and {args.dir}/docs/. Preview it with:\n"
                  f"  .venv/bin/mkdocs serve -f {args.dir}/mkdocs.yml")
    except Refused as err:
        print(f"new: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
