"""Scaffolding for editors: a new YAML file (`explainer new KIND ID`), a new explainer that stands on its own
(`explainer new-site DIR`), and the JSON Schemas editors' tools check the files with (`explainer schemas`)."""

from __future__ import annotations

from pathlib import Path

from .contract import KINDS
from .contract.jsonschema import FOLDER_NAME, schema_files, vscode_settings
from .contract.rules import ID_RE
from .contract.skeleton import skeleton

KIND_NAMES = {**{k.singular: k for k in KINDS}, **{k.name: k for k in KINDS}}
STARTER = Path(__file__).resolve().parent / "starter"  # the example explainer new-site copies
REPO_SETTINGS = ("./schemas", ("docs", "tests/fixtures/*/docs"))  # this repository's .vscode/settings.json


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
    """Relative path -> text of the example explainer."""
    return {
        p.relative_to(STARTER).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(STARTER.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def new_site(target: Path) -> list[Path]:
    """A new explainer in `target`: mkdocs.yml using the installed plugin, docs/ with a home page and one
    example of each kind, its own copy of the schemas and the editor settings that use them."""
    if target.exists() and any(target.iterdir()):
        raise Refused(f"{target} already exists and is not empty; choose a new folder")
    files = {
        **starter_files(),
        **{f"{FOLDER_NAME}/{name}": text for name, text in schema_files().items()},
        ".vscode/settings.json": vscode_settings(f"./{FOLDER_NAME}"),
        ".gitignore": "site/\n",
    }
    return [_write(target / name, text) for name, text in files.items()]


def write_schemas(folder: Path, settings: Path | None = None) -> list[Path]:
    """The JSON Schemas into `folder` (only those that changed); with `settings`, the editor settings too."""
    changed = [
        _write(folder / name, text)
        for name, text in schema_files().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]
    if settings is not None:
        _write(settings, vscode_settings(*REPO_SETTINGS))
    return changed


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
