"""Read and validate every YAML file of an explainer's docs/ folder (no cross-file checks)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from .parallel import run_tasks
from .problems import Problem
from .rules import ID_RE, Context, Reference
from .schema import KINDS, Kind
from .yamlio import read_yaml


@dataclass
class Loaded:
    """Validated records per kind (id -> fields) and the references still to check."""

    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class FileCache:
    """Parsed nodes by path and modification time, so an edit re-reads one file."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], tuple[Node | None, list[Problem]]]] = {}

    def read(self, path: Path, shown: str) -> tuple[Node | None, list[Problem]]:
        try:
            st = path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            return read_yaml(path, shown)
        hit = self._entries.get(path)
        if hit is None or hit[0] != stamp:
            hit = (stamp, read_yaml(path, shown))
            self._entries[path] = hit
        return hit[1]


def load(docs: Path, shown_root: str = "docs", cache: FileCache | None = None, workers: int = 1) -> Loaded:
    """Read `docs/<kind>/*.yml` for every kind; `shown_root` is how paths are shown to editors. With
    `workers` > 1 the second half of the files is read in a worker process (parallel.py): same result."""
    out = Loaded()
    if not docs.is_dir():
        out.problems.append(Problem(shown_root, 0, "", "expected a folder with the explainer's files, found none"))
        return out
    if not any((docs / k.name).is_dir() for k in KINDS) and (docs / "docs").is_dir():
        out.problems.append(Problem(shown_root, 0, "", f"expected the explainer's docs folder, found a folder "
                                    f"with none of {', '.join(k.name + '/' for k in KINDS)}; did you mean {shown_root}/docs?"))
        return out
    files: list[tuple[Kind, Path, str]] = []
    for kind in KINDS:
        out.records[kind.name] = {}
        folder = docs / kind.name
        if folder.is_dir():
            files += [(kind, path, f"{shown_root}/{kind.name}/{path.name}") for path in sorted(folder.iterdir())]
    half = len(files) // 2
    parts = (run_tasks([lambda: _load_files(files[:half], cache), lambda: _load_files(files[half:], cache)],
                       [[0], [1]]) if workers > 1 else [_load_files(files, cache)])
    for part in parts:  # in file order: the first half, then the second
        for kind_name, records in part.records.items():
            out.records[kind_name].update(records)
        out.references += part.references
        out.problems += part.problems
    return out


def _load_files(files: list[tuple[Kind, Path, str]], cache: FileCache | None) -> Loaded:
    part = Loaded(records={kind.name: {} for kind in KINDS})
    for kind, path, shown in files:
        _load_file(kind, path, shown, part, cache)
    return part


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
        out.problems.append(Problem(
            shown, 0, "",
            f"expected a file name of lowercase letters, digits and single hyphens (the id), found {ident!r}",
        ))
        return
    node, problems = (cache.read(path, shown) if cache else read_yaml(path, shown))
    out.problems.extend(problems)
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
