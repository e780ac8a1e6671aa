"""Translations: read `docs/<kind>/<id>.<lang>.yml`, keep only what may be translated (contract/overlays.py),
and check each against its base file once every base file is read (check_overlays)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from ..contract import Kind
from ..contract.overlays import LISTS, OVERLAYS
from ..contract.rules import Context
from ..problems import Problem
from .loaded import FileCache, Loaded, read


def overlay(
    kind: Kind, path: Path, shown: str, out: Loaded, cache: FileCache | None, languages: tuple[str, ...]
) -> None:
    """Read one translation into out.overlays[lang][kind][id] (its base file is checked later)."""
    ident, _, lang = path.stem.partition(".")
    if lang not in languages[1:]:
        if not languages:
            found = (
                f"expected no translations (this explainer has one language: add languages: [en, {lang}] to "
                f"the explainer plugin's options in mkdocs.yml), found {lang!r}"
            )
        elif lang == languages[0]:
            found = f"expected a translation into another language than the default ({lang}): edit {ident}.yml"
        else:
            found = (
                f"expected a language of this explainer ({', '.join(languages[1:])}), found {lang!r} "
                "(add it to languages: in mkdocs.yml)"
            )
        out.problems.append(Problem(shown, 0, "", found))
        return
    try:
        raw, problems, record = cache.made(path, shown, partial(checked, kind)) if cache else checked(kind, path, shown)
    except OSError as exc:
        out.problems.append(Problem(shown, 0, "", f"cannot read the file ({exc.strerror})"))
        return
    out.problems.extend(problems)
    out.files[f"docs/{kind.name}/{path.name}"] = raw  # the zip of the YAML files holds the translations too
    if record is not None:
        out.overlays[lang][kind.name][ident] = record


def checked(kind: Kind, path: Path, shown: str) -> tuple[bytes, list[Problem], dict[str, Any] | None]:
    """One translation read, parsed and checked on its own: its bytes, problems and what may be translated."""
    raw, node, problems = read(path, shown)
    if node is None:
        return raw, problems, None
    ctx = Context(shown)
    record = OVERLAYS[kind.name].parse(node, ctx, "")
    if record is not None:
        record["_path"] = shown
    return raw, problems + ctx.problems, record


def check_overlays(out: Loaded) -> None:
    """Each translation has a base file, and its lists as many items as the base's."""
    for kinds in out.overlays.values():
        for kind_name, records in kinds.items():
            for ident, record in list(records.items()):
                base = out.records.get(kind_name, {}).get(ident)
                path = record["_path"]
                if base is None:
                    base_path = path.rsplit("/", 1)[0] + f"/{ident}.yml"
                    out.problems.append(
                        Problem(path, 0, "", f"expected a translation of {base_path}, found no such file")
                    )
                    del records[ident]
                    continue
                _check_lists(record, base, path, "", out.problems)


def _check_lists(record: dict[str, Any], base: dict[str, Any], path: str, prefix: str, problems: list[Problem]) -> None:
    for name in LISTS:
        if name in record:
            want, got = len(base.get(name) or ()), len(record[name])
            if want != got:
                line = int(record.get("_lines", {}).get(name, record.get("_line", 0)))
                problems.append(
                    Problem(
                        path, line, prefix + name, f"expected as many items as the base file has ({want}), found {got}"
                    )
                )
    measure = record.get("measure")
    if isinstance(measure, dict) and not base.get("measure"):
        problems.append(
            Problem(
                path,
                int(record.get("_lines", {}).get("measure", 0)),
                prefix + "measure",
                "expected no measure: the base file has none",
            )
        )
