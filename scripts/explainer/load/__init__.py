"""Read an explainer's docs/ folder: every YAML file of every kind, checked field by field (no cross-file
checks), and the GeoJSON files its maps name. The only module of the core that reads files."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from ..contract import KINDS, Kind
from ..contract.rules import ID_RE, Context, Reference
from ..problems import Problem
from .loaded import FileCache, Loaded, listed, read, read_json, stamps
from .overlays import check_overlays, overlay

__all__ = ["FileCache", "Loaded", "listed", "load", "site_settings", "stamps"]


def load(
    docs: Path, shown_root: str = "docs", cache: FileCache | None = None, languages: tuple[str, ...] = ()
) -> Loaded:
    """Read `docs/<kind>/*.yml` for every kind, their translations (`<id>.<lang>.yml`, for `languages` after
    the first), the archived source texts, the hand-written pages and the GeoJSON files of docs/maps/;
    `shown_root` is how paths are shown to editors."""
    out = Loaded(overlays={lang: {k.name: {} for k in KINDS} for lang in languages[1:]})
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
                _load_file(kind, path, f"{shown_root}/{kind.name}/{path.name}", out, cache, languages)
    for rec in out.records["maps"].values():
        name = rec.get("geometry")
        if name and name not in out.geojson:
            out.geojson[name] = cache.json(docs / "maps" / name) if cache else read_json(docs / "maps" / name)
    check_overlays(out)
    _load_texts(docs / "sources", f"{shown_root}/sources", out)
    for page in sorted(p for p in docs.glob("*.md") if "." not in p.stem):  # translations: index.uk.md
        text = _read_text(page, f"{shown_root}/{page.name}", out)
        if text is not None:
            out.pages[f"{shown_root}/{page.name}"] = text
    for lang in languages[1:]:  # an edition's name: its translated home page's first heading
        home = docs / f"index.{lang}.md"
        text = _read_text(home, f"{shown_root}/{home.name}", out) if home.is_file() else None
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text or "", re.M)
        if heading:
            out.home_titles[lang] = heading.group(1)
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


def _load_file(
    kind: Kind, path: Path, shown: str, out: Loaded, cache: FileCache | None, languages: tuple[str, ...] = ()
) -> None:
    if path.name.startswith(".") or path.is_dir():
        return
    if path.suffix == ".yaml":
        out.problems.append(Problem(shown, 0, "", f"expected the ending .yml, found .yaml (rename to {path.stem}.yml)"))
        return
    if path.suffix != ".yml":
        return
    if "." in path.stem:
        overlay(kind, path, shown, out, cache, languages)
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
        raw, problems, record, references = (
            cache.made(path, shown, partial(checked, kind)) if cache else checked(kind, path, shown)
        )
    except OSError as exc:
        raw, problems, record, references = (
            b"",
            [Problem(shown, 0, "", f"cannot read the file ({exc.strerror})")],
            None,
            [],
        )
    out.problems.extend(problems)
    out.files[f"docs/{kind.name}/{path.name}"] = raw
    out.references.extend(references)
    # no record: still a known id, so references to it do not cascade into more errors
    out.records[kind.name][ident] = record if record is not None else {"_path": shown, "_line": 0}


Checked = tuple[bytes, list[Problem], dict[str, Any] | None, list[Reference]]


def checked(kind: Kind, path: Path, shown: str) -> Checked:
    """One file of `kind` read, parsed and checked on its own: its bytes, problems, record (None if it could not
    be parsed) and the references to other files it makes."""
    raw, node, problems = read(path, shown)
    if node is None:
        return raw, problems, None, []
    ctx = Context(shown)
    record = kind.record.parse(node, ctx, "")
    record = record if record is not None else {"_line": 0}
    record["_path"] = shown
    return raw, problems + ctx.problems, record, ctx.references


def site_settings(config: Path) -> dict[str, str]:
    """What `explainer check` needs of an mkdocs.yml: site_url and repo_url (for the sourcing report) and the
    explainer plugin's languages (comma-separated); {} when unreadable. Tags such as !!python/name are read as
    nothing."""

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Lenient)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    plugins = data.get("plugins") or []
    options = (
        plugins.get("explainer")
        if isinstance(plugins, dict)
        else next((p["explainer"] for p in plugins if isinstance(p, dict) and "explainer" in p), None)
    )
    languages = (options or {}).get("languages") or [] if isinstance(options or {}, dict) else []
    return {
        **{k: str(data.get(k) or "") for k in ("site_url", "repo_url")},
        "languages": ",".join(str(x) for x in languages),
    }
