"""Translations: `docs/<kind>/<id>.<lang>.yml` holds only the translatable fields of `docs/<kind>/<id>.yml`.
Ids, dates, references, coordinates and addresses come from the base file. A list of records (quotes, eras,
figures, links) is translated item by item, with as many items as the base."""

from __future__ import annotations

from .kinds import KINDS, Kind
from .rules import Field, ListOf, Record

TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "events": ("title", "display_date", "summary", "body", "quotes.text"),
    "actors": ("name", "role", "summary", "aliases", "links.title"),
    "places": ("name", "summary", "aliases"),
    "glossary": ("term", "short", "definition", "aliases"),
    "sources": ("title",),
    "timelines": ("title", "summary", "eras.title"),
    "maps": ("title", "summary"),
    "facts": (
        "title",
        "summary",
        "explanation",
        "figures.label",
        "figures.unit",
        "figures.note",
        "measure.label",
        "measure.note",
    ),
}
LISTS = ("quotes", "eras", "figures", "links")  # translated item by item: as many items as the base


def _overlay(record: Record, paths: tuple[str, ...]) -> Record:
    fields = []
    for f in record.fields:
        inner = tuple(p.split(".", 1)[1] for p in paths if p.startswith(f.name + "."))
        if f.name in paths:
            rule = ListOf(f.rule.item, unique=False) if isinstance(f.rule, ListOf) else f.rule
            fields.append(Field(f.name, rule, False, f.doc))
        elif inner and isinstance(f.rule, ListOf) and isinstance(f.rule.item, Record):
            fields.append(Field(f.name, ListOf(_overlay(f.rule.item, inner), unique=False), False, f.doc))
        elif inner and isinstance(f.rule, Record):
            fields.append(Field(f.name, _overlay(f.rule, inner), False, f.doc))
    names = {f.name for f in fields}
    return Record(tuple(fields), fixed=tuple(f.name for f in record.fields if f.name not in names))


def overlay_record(kind: Kind) -> Record:
    """The record a translation of `kind` holds: its translatable fields, none required."""
    return _overlay(kind.record, TRANSLATABLE[kind.name])


OVERLAYS = {k.name: overlay_record(k) for k in KINDS}
