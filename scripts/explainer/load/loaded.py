"""What load gives: the records, the files' bytes, the translations, the archived texts; and the cache of
checked files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from yaml.nodes import Node

from ..contract.rules import Reference
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
    # translations: language -> kind -> id -> translated fields (docs/<kind>/<id>.<lang>.yml)
    overlays: dict[str, dict[str, dict[str, dict[str, Any]]]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # hand-written page as shown ("docs/index.md") -> Markdown
    home_titles: dict[str, str] = field(default_factory=dict)  # language -> heading of its home page (index.uk.md)


Parsed = tuple[bytes, Node | None, list[Problem]]
T = TypeVar("T")


class FileCache:
    """What was made of each file (its bytes, parsed and checked), by path, size and modification time, so an edit
    reads and checks one file again (`mkdocs serve` keeps one on the plugin). Only what is made is kept, not the
    parsed nodes: a thousand files' nodes are a third of serve's memory, and its garbage collector goes through
    every one of them."""

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, str], tuple[tuple[int, int], Any]] = {}
        self._json: dict[Path, tuple[tuple[int, int], Any]] = {}

    def made(self, path: Path, shown: str, make: Callable[[Path, str], T]) -> T:
        """`make(path, shown)`, made again only when the file changed (`make` is the same for a path: its kind's)."""
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        hit = self._entries.get((path, shown))
        if hit is None or hit[0] != stamp:
            hit = self._entries[(path, shown)] = (stamp, make(path, shown))
        return cast(T, hit[1])

    def json(self, path: Path) -> Any:
        """A JSON file's data (the map geometry), or why it cannot be read; read again only when it changed."""
        try:
            st = path.stat()
        except OSError as exc:
            return exc
        stamp = (st.st_mtime_ns, st.st_size)
        hit = self._json.get(path)
        if hit is None or hit[0] != stamp:
            hit = self._json[path] = (stamp, read_json(path))
        return hit[1]


def stamps(folder: str, hidden: bool = True, seen: set[tuple[int, int]] | None = None) -> list[tuple[str, int, int]]:
    """Each file's path, modification time and size under `folder` (not its text): what tells that a theme's
    templates changed. `hidden`: look into hidden folders too (not into those of an installed theme, such as
    Material's thousands of icons, which do not change while it is installed)."""
    seen = set() if seen is None else seen
    found: list[tuple[str, int, int]] = []
    stat = os.stat(folder)
    if (stat.st_dev, stat.st_ino) in seen:  # a folder linked into itself
        return found
    seen.add((stat.st_dev, stat.st_ino))
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                found += stamps(entry.path, hidden, seen) if hidden or not entry.name.startswith(".") else []
            else:
                stat = entry.stat()
                found.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return found


def listed(folder: str, followlinks: bool, hidden: bool) -> list[str]:
    """The templates under `folder` as Jinja's FileSystemLoader names them (a theme's files, themeenv.py);
    without the hidden files and the files of hidden folders unless `hidden`."""
    found = []
    for dirpath, dirs, filenames in os.walk(folder, followlinks=followlinks):
        if not hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
        for filename in filenames:
            if hidden or not filename.startswith("."):
                name = os.path.join(dirpath, filename)[len(folder) :].strip(os.path.sep).replace(os.path.sep, "/")
                found.append(name[2:] if name[:2] == "./" else name)
    return found


def read_json(path: Path) -> Any:
    """A JSON file's data, or the OSError or ValueError that stops it being read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return exc


def read(path: Path, shown: str) -> Parsed:
    raw = path.read_bytes()
    node, problems = parse_yaml(raw, shown)
    return raw, node, problems
