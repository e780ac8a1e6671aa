"""Load, check across files, and make the model (assemble.py), with one model per language edition."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from .archive import check_quotes, copied_wording
from .assemble import make_model
from .contract import KIND_BY_NAME
from .geo.geometry import Geometry, parse_geometry
from .kept import Same
from .load import FileCache, Loaded, load
from .model import Explainer, frozen
from .problems import ExplainerError, Problem
from .prose import Prose
from .text import fold
from .translate import localize

NAME_FIELDS = {"actors": ("name",), "places": ("name",), "glossary": ("term",)}


def build_explainer(
    docs: Path,
    shown_root: str = "docs",
    cache: FileCache | None = None,
    languages: tuple[str, ...] = (),
    modelled: Collection[str] | None = None,
    same: Same | None = None,
) -> Explainer:
    """Load, validate and model `docs`; raise ExplainerError with every problem found. With `languages`, the
    model of each edition after the first is in `editions`, translations laid over the base (only those in
    `modelled`, if given: every edition's translations are checked all the same). `same`: what the last model
    made of the very same records (kept.py), made again only from a changed file."""
    loaded = load(docs, shown_root, cache, languages)
    problems = list(loaded.problems)
    problems += check_references(loaded)
    problems += check_ranges(loaded)
    problems += check_names(loaded)
    geometries, geo_problems = check_geometries(loaded)
    problems += geo_problems
    problems += check_quotes(loaded)
    if problems:
        raise ExplainerError(problems)
    if same is not None:
        same.begin()
    model = make_model(loaded.records, geometries, loaded.files, same)
    editions = {
        lang: replace(
            make_model(localize(loaded.records, loaded.overlays[lang], languages[0]), geometries, loaded.files),
            title=Prose().plain(loaded.home_titles.get(lang, "")),
        )
        for lang in languages[1:]
        if modelled is None or lang in modelled
    }
    return replace(
        model,
        archived=frozenset(loaded.texts),
        warnings=tuple(sorted(copied_wording(loaded))),
        editions=frozen(editions),
        language=languages[0] if languages else "",
    )


def check_references(loaded: Loaded) -> list[Problem]:
    problems = []
    for ref in loaded.references:
        target = loaded.records.get(ref.kind, {})
        if ref.id in target:
            continue
        singular = KIND_BY_NAME[ref.kind].singular
        hint = suggest(ref.id, target, NAME_FIELDS.get(ref.kind, ()))
        more = f"; did you mean {hint!r}?" if hint else f" (no file {ref.kind}/{ref.id}.yml)"
        problems.append(Problem(ref.path, ref.line, ref.field, f"unknown {singular} {ref.id!r}{more}"))
    return problems


def suggest(wrong: str, records: dict[str, dict[str, Any]], name_fields: tuple[str, ...]) -> str | None:
    """The closest existing id, matching ids, names and aliases."""
    keys: dict[str, str] = {}
    for ident, rec in records.items():
        keys.setdefault(fold(ident.replace("-", " ")), ident)
        for name in [rec.get(f, "") for f in name_fields] + list(rec.get("aliases", ())):
            if name:
                keys.setdefault(fold(name), ident)
    want = fold(wrong.replace("-", " "))
    for key, ident in keys.items():  # a whole word of a name: 'lukashenko' for 'alexander lukashenko'
        if want and want in key.split():
            return ident
    found = difflib.get_close_matches(want, list(keys), n=1, cutoff=0.6)
    return keys[found[0]] if found else None


def check_ranges(loaded: Loaded) -> list[Problem]:
    problems = []
    for kind, pairs in (("events", (("date", "end"),)), ("timelines", (("from", "to"),))):
        for rec in loaded.records.get(kind, {}).values():
            spans = [(rec, "", a, b) for a, b in pairs]
            spans += [(era, f"eras[{i}].", "from", "to") for i, era in enumerate(rec.get("eras", ()))]
            for holder, prefix, a, b in spans:
                start, end = holder.get(a), holder.get(b)
                if start and end and end.last_day() < start.first_day():
                    problems.append(
                        Problem(
                            rec["_path"],
                            line_of(holder, b),
                            prefix + b,
                            f"expected a date not before {a} ({start.iso()}), found {end.iso()}",
                        )
                    )
    for rec in loaded.records.get("timelines", {}).values():
        if not any(k in rec for k in ("events", "from", "to", "tags")):
            problems.append(
                Problem(
                    rec["_path"],
                    rec["_line"],
                    "events",
                    "expected a list of events, or from/to dates or tags to select them, found none",
                )
            )
    return problems


def line_of(record: dict[str, Any], field: str) -> int:
    """The line of a field in its file, or of the record when the field is absent."""
    return int(record.get("_lines", {}).get(field, record.get("_line", 0)))


def check_geometries(loaded: Loaded) -> tuple[dict[str, Geometry], list[Problem]]:
    """Parse the GeoJSON each map file names (read by load); check the border it highlights exists."""
    geometries: dict[str, Geometry] = {}
    problems = []
    for rec in loaded.records.get("maps", {}).values():
        name = rec.get("geometry")
        if not name:
            if rec.get("border"):
                problems.append(
                    Problem(
                        rec["_path"],
                        line_of(rec, "border"),
                        "border",
                        "expected a geometry file to find the border in, found no geometry field",
                    )
                )
            continue
        if name not in geometries:
            try:
                data = loaded.geojson.get(name)
                if isinstance(data, Exception):
                    raise data
                geometries[name] = parse_geometry(data, f"docs/maps/{name}")
            except (OSError, ValueError) as exc:
                problems.append(
                    Problem(
                        rec["_path"],
                        line_of(rec, "geometry"),
                        "geometry",
                        f"expected a readable GeoJSON file docs/maps/{name}, found: {exc}",
                    )
                )
                continue
        border = rec.get("border")
        known = [b.id for b in geometries[name].borders]
        if border and border not in known:
            problems.append(
                Problem(
                    rec["_path"],
                    line_of(rec, "border"),
                    "border",
                    f"expected a border of {name} ({', '.join(known) or 'none'}), found {border!r}",
                )
            )
    for rec in loaded.records.get("facts", {}).values():
        m = rec.get("measure")
        target = loaded.records.get("maps", {}).get(m["map"], {}) if m else {}
        if m and target.get("geometry") in geometries:
            known = [b.id for b in geometries[target["geometry"]].borders]
            if m["border"] not in known:
                problems.append(
                    Problem(
                        rec["_path"],
                        line_of(m, "border"),
                        "measure.border",
                        f"expected a border of {target['geometry']} ({', '.join(known) or 'none'}), found {m['border']!r}",
                    )
                )
    return geometries, problems


def check_names(loaded: Loaded) -> list[Problem]:
    """A name or alias may belong to one actor, place or term only (names are compared folded)."""
    owners: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # folded -> [(path, field, as written)]
    for kind, fields in NAME_FIELDS.items():
        for rec in loaded.records.get(kind, {}).values():
            named = [(f, rec.get(f)) for f in fields] + [("aliases", a) for a in rec.get("aliases") or ()]
            seen: set[str] = set()
            for field, name in named:
                key = fold(name) if isinstance(name, str) else ""
                if key and key not in seen:
                    seen.add(key)
                    owners[key].append((rec["_path"], field, str(name)))
    problems = []
    for _, who in sorted(owners.items()):
        (first, first_field, first_name), others = who[0], who[1:]
        for path, field, name in others:
            problems.append(
                Problem(
                    path,
                    0,
                    field,
                    "expected a name or alias used by one entry only, "
                    f"found {name!r} also in {first} ({first_field}: {first_name!r})",
                )
            )
    return problems
