"""Cross-file checks and the immutable model: references, ranges, aliases, backlinks."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from .archive import check_quotes, copied_wording
from .contract import KIND_BY_NAME
from .dates import PartialDate
from .geo.geometry import Geometry, parse_geometry
from .load import FileCache, Loaded, load
from .model import (
    Actor,
    Citation,
    Era,
    Event,
    Explainer,
    Fact,
    Figure,
    Link,
    MapSpec,
    Measure,
    Place,
    Quote,
    Source,
    Term,
    Timeline,
    frozen,
)
from .problems import ExplainerError, Problem
from .text import fold

NAME_FIELDS = {"actors": ("name",), "places": ("name",), "glossary": ("term",)}


def build_explainer(docs: Path, shown_root: str = "docs", cache: FileCache | None = None) -> Explainer:
    """Load, validate and model `docs`; raise ExplainerError with every problem found."""
    loaded = load(docs, shown_root, cache)
    problems = list(loaded.problems)
    problems += check_references(loaded)
    problems += check_ranges(loaded)
    problems += check_names(loaded)
    geometries, geo_problems = check_geometries(loaded)
    problems += geo_problems
    problems += check_quotes(loaded)
    if problems:
        raise ExplainerError(problems)
    model = make_model(loaded.records, geometries, loaded.files)
    return replace(model, archived=frozenset(loaded.texts), warnings=tuple(sorted(copied_wording(loaded))))


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


def _citations(items: Any) -> tuple[Citation, ...]:
    return tuple(
        Citation(c["source"], c.get("locator", ""), c.get("quote", ""), bool(c.get("_checked"))) for c in items or ()
    )


def make_model(
    records: dict[str, dict[str, dict[str, Any]]],
    geometries: dict[str, Geometry],
    files: dict[str, bytes] | None = None,
) -> Explainer:
    def plain(rec: dict[str, Any], *skip: str) -> dict[str, Any]:
        return {k: v for k, v in rec.items() if not k.startswith("_") and k not in skip}

    events = {}
    for ident, r in records["events"].items():
        fields = plain(r, "sources", "quotes")
        events[ident] = Event(
            id=ident,
            path=r["_path"],
            citations=_citations(r["sources"]),
            quotes=tuple(Quote(**plain(q), checked=bool(q.get("_checked"))) for q in r.get("quotes", ())),
            **fields,
        )
    ordered = dict(sorted(events.items(), key=lambda kv: kv[1].sort_key()))
    actors = {
        i: Actor(
            id=i,
            path=r["_path"],
            citations=_citations(r.get("sources")),
            links=tuple(Link(**plain(l)) for l in r.get("links", ())),
            **plain(r, "sources", "links"),
        )
        for i, r in records["actors"].items()
    }
    places = {
        i: Place(id=i, path=r["_path"], citations=_citations(r.get("sources")), **plain(r, "sources"))
        for i, r in records["places"].items()
    }
    terms = {
        i: Term(id=i, path=r["_path"], citations=_citations(r.get("sources")), **plain(r, "sources"))
        for i, r in records["glossary"].items()
    }
    sources = {i: Source(id=i, path=r["_path"], **plain(r)) for i, r in records["sources"].items()}
    timelines = {i: _timeline(i, r, ordered) for i, r in records["timelines"].items()}
    maps = {i: _map(i, r) for i, r in records["maps"].items()}
    facts = {i: _fact(i, r) for i, r in records["facts"].items()}
    return Explainer(
        events=frozen(ordered),
        actors=frozen(_sorted(actors, "name")),
        places=frozen(_sorted(places, "name")),
        terms=frozen(_sorted(terms, "term")),
        sources=frozen(sources),
        timelines=frozen(timelines),
        maps=frozen(maps),
        facts=frozen(facts),
        geometries=frozen(geometries),
        backlinks=frozen(_backlinks(ordered)),
        cited_by=frozen(_cited_by(actors, places, terms, facts)),
        files=frozen(files or {}),
    )


def _sorted(items: dict[str, Any], attr: str) -> dict[str, Any]:
    return dict(sorted(items.items(), key=lambda kv: (fold(getattr(kv[1], attr)), kv[0])))


def _timeline(ident: str, r: dict[str, Any], events: dict[str, Event]) -> Timeline:
    start: PartialDate | None = r.get("from")
    end: PartialDate | None = r.get("to")
    tags = set(r.get("tags", ()))
    chosen = set(r.get("events", ()))
    selected = []
    for e in events.values():
        if chosen and e.id in chosen:
            selected.append(e.id)
            continue
        if chosen and not (start or end or tags):
            continue
        if start and (e.end or e.date).last_day() < start.first_day():
            continue
        if end and e.date.first_day() > end.last_day():
            continue
        if tags and not tags & set(e.tags):
            continue
        if chosen or start or end or tags:
            selected.append(e.id)
    eras = tuple(Era(x["title"], x["from"], x["to"]) for x in r.get("eras", ()))
    return Timeline(
        id=ident, path=r["_path"], title=r["title"], events=tuple(selected), summary=r.get("summary", ""), eras=eras
    )


def _map(ident: str, r: dict[str, Any]) -> MapSpec:
    f = r.get("frame")
    frame = (f["west"], f["south"], f["east"], f["north"]) if f else None
    return MapSpec(
        id=ident,
        path=r["_path"],
        title=r["title"],
        geometry=r.get("geometry", ""),
        summary=r.get("summary", ""),
        countries=r.get("countries", ()),
        border=r.get("border", ""),
        frame=frame,
        places=r.get("places", ()),
    )


def _fact(ident: str, r: dict[str, Any]) -> Fact:
    figures = tuple(
        Figure(
            value=f["value"],
            label=f["label"],
            role=f["role"],
            unit=f.get("unit", ""),
            note=f.get("note", ""),
            citations=_citations(f.get("sources")),
        )
        for f in r["figures"]
    )
    m = r.get("measure")
    measure = Measure(m["map"], m["border"], m["label"], m.get("note", "")) if m else None
    return Fact(
        id=ident,
        path=r["_path"],
        title=r["title"],
        figures=figures,
        summary=r.get("summary", ""),
        measure=measure,
        explanation=r.get("explanation", ""),
    )


def _cited_by(*groups: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Sources cited by actors, places, terms and fact boxes (events have their own backlinks)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, group in zip(("actors", "places", "glossary", "facts"), groups):
        for ident, item in group.items():
            cites = list(getattr(item, "citations", ()))
            cites += [c for f in getattr(item, "figures", ()) for c in f.citations]
            for source in dict.fromkeys(c.source for c in cites):
                found[source].append((kind, ident))
    return {k: tuple(v) for k, v in found.items()}


def _backlinks(events: dict[str, Event]) -> dict[tuple[str, str], tuple[str, ...]]:
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in events.values():
        refs = [("actors", a) for a in e.actors] + [("actors", q.by) for q in e.quotes]
        refs += [("places", p) for p in e.places] + [("glossary", t) for t in e.terms]
        refs += [("sources", c.source) for c in e.citations] + [("sources", q.source) for q in e.quotes]
        for key in dict.fromkeys(refs):
            links[key].append(e.id)
    return {k: tuple(v) for k, v in links.items()}
