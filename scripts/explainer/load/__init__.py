"""Read an explainer's docs/ folder: every YAML file of every kind, checked field by field (no cross-file
checks), and the GeoJSON files its maps name. The only module of the core that reads files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from ..contract import KINDS, Kind
from ..contract.rules import ID_RE, Context, Reference
from ..problems import Problem
from .yamlfile import parse_yaml


@dataclass
class Loaded:
    """Validated records per kind (id -> fields), the references still to check, the files' bytes (for the
    zip of YAML files) and the parsed GeoJSON of docs/maps/ (name -> data, or the reason it is unreadable)."""

    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # "docs/events/x.yml" -> bytes
    geojson: dict[str, Any] = field(default_factory=dict)  # file name in docs/maps/ -> data, or an OSError/ValueError
    texts: dict[str, str] = field(default_factory=dict)  # source id -> its archived text (docs/sources/<id>.txt)
    pages: dict[str, str] = field(default_factory=dict)  # hand-written page as shown ("docs/index.md") -> Markdown


Parsed = tuple[bytes, Node | None, list[Problem]]


class FileCache:
    """Each file's bytes and parsed nodes by path, size and modification time, so an edit re-reads one file
    (`mkdocs serve` keeps one on the plugin)."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], Parsed]] = {}

    def read(self, path: Path, shown: str) -> Parsed:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        hit = self._entries.get(path)
        if hit is None or hit[0] != stamp:
            hit = (stamp, _read(path, shown))
            self._entries[path] = hit
        return hit[1]


def _read(path: Path, shown: str) -> Parsed:
    raw = path.read_bytes()
    node, problems = parse_yaml(raw, shown)
    return raw, node, problems


def load(docs: Path, shown_root: str = "docs", cache: FileCache | None = None) -> Loaded:
    """Read `docs/<kind>/*.yml` for every kind, and the GeoJSON files of docs/maps/; `shown_root` is how paths
    are shown to editors."""
    out = Loaded()
    if not docs.is_dir():
        out.problems.append(Problem(shown_root, 0, "", "expected a folder with the explainer's files, found none"))
        return out
    if not any((docs / k.name).is_dir() for k in KINDS) and (docs / "docs").is_dir():
        out.problems.append(
            Problem(
                shown_root,
                0,
                "",
                f"expected the explainer's docs folder, found a folder "
                f"with none of {', '.join(k.name + '/' for k in KINDS)}; did you mean {shown_root}/docs?",
            )
        )
        return out
    for kind in KINDS:
        out.records[kind.name] = {}
        folder = docs / kind.name
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                _load_file(kind, path, f"{shown_root}/{kind.name}/{path.name}", out, cache)
    for rec in out.records["maps"].values():
        name = rec.get("geometry")
        if name and name not in out.geojson:
            out.geojson[name] = _read_json(docs / "maps" / name)
    _load_texts(docs / "sources", f"{shown_root}/sources", out)
    for page in sorted(docs.glob("*.md")):
        text = _read_text(page, f"{shown_root}/{page.name}", out)
        if text is not None:
            out.pages[f"{shown_root}/{page.name}"] = text
    return out


def _load_texts(folder: Path, shown: str, out: Loaded) -> None:
    """Archived source texts: docs/sources/<id>.txt beside the source's YAML file (never published)."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.txt")):
        where = f"{shown}/{path.name}"
        if path.stem not in out.records["sources"]:
            out.problems.append(
                Problem(
                    where,
                    0,
                    "",
                    f"expected the archived text of a source, found no "
                    f"{shown}/{path.stem}.yml (name the file after the source's id)",
                )
            )
            continue
        text = _read_text(path, where, out)
        if text is not None:
            out.texts[path.stem] = text


def _read_text(path: Path, shown: str, out: Loaded) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        out.problems.append(Problem(shown, 0, "", f"cannot read the file ({exc.strerror})"))
        return None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        out.problems.append(
            Problem(shown, line, "", f"expected UTF-8 text, found byte 0x{raw[exc.start]:02x} (save the file as UTF-8)")
        )
        return None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return exc


def _load_file(kind: Kind, path: Path, shown: str, out: Loaded, cache: FileCache | None) -> None:
    if path.name.startswith(".") or path.is_dir():
        return
    if path.suffix == ".yaml":
        out.problems.append(Problem(shown, 0, "", f"expected the ending .yml, found .yaml (rename to {path.stem}.yml)"))
        return
    if path.suffix != ".yml":
        return
    ident = path.stem
    if not ID_RE.match(ident):
        out.problems.append(
            Problem(
                shown,
                0,
                "",
                f"expected a file name of lowercase letters, digits and single hyphens (the id), found {ident!r}",
            )
        )
        return
    try:
        raw, node, problems = cache.read(path, shown) if cache else _read(path, shown)
    except OSError as exc:
        raw, node, problems = b"", None, [Problem(shown, 0, "", f"cannot read the file ({exc.strerror})")]
    out.problems.extend(problems)
    out.files[f"docs/{kind.name}/{path.name}"] = raw
    if node is None:  # still a known id, so references to it do not cascade into more errors
        out.records[kind.name][ident] = {"_path": shown, "_line": 0}
        return
    ctx = Context(shown)
    record = kind.record.parse(node, ctx, "")
    out.problems.extend(ctx.problems)
    out.references.extend(ctx.references)
    record = record if record is not None else {"_line": 0}
    record["_path"] = shown
    out.records[kind.name][ident] = record


def site_settings(config: Path) -> dict[str, str]:
    """The addresses an mkdocs.yml gives (site_url, repo_url), for the sourcing report; {} when unreadable.
    Tags such as !!python/name are read as nothing."""

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Lenient)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return {k: str(data.get(k) or "") for k in ("site_url", "repo_url")} if isinstance(data, dict) else {}
