"""JSON Schemas of the JSON downloads, published beside them so reusers can check what they get."""

from __future__ import annotations

from typing import Any

from .common import encode_json

DRAFT = "https://json-schema.org/draft/2020-12/schema"
STR: dict[str, Any] = {"type": "string"}
ID: dict[str, Any] = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
IDS: dict[str, Any] = {"type": "array", "items": ID}
STRS: dict[str, Any] = {"type": "array", "items": STR}
DATE: dict[str, Any] = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
DATE_OR_NULL: dict[str, Any] = {"anyOf": [DATE, {"type": "null"}]}
PAGE: dict[str, Any] = {"type": "string", "description": "address of the entry's page; empty without site_url"}
CITATIONS: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["source", "locator", "quote"],
        "properties": {"source": ID, "locator": STR, "quote": STR},
    },
}


def _object(props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": list(props), "properties": props}


EVENT = _object(
    {
        "id": ID,
        "page": PAGE,
        "title": STR,
        "date": DATE,
        "end": DATE_OR_NULL,
        "precision": {"enum": ["day", "month", "year"]},
        "approximate": {"type": "boolean"},
        "date_label": STR,
        "summary": {**STR, "description": "Markdown"},
        "body": {**STR, "description": "Markdown"},
        "actors": IDS,
        "places": IDS,
        "terms": IDS,
        "tags": IDS,
        "sources": CITATIONS,
        "quotes": {"type": "array", "items": _object({"by": ID, "text": STR, "source": ID, "locator": STR})},
    }
)
ACTOR = _object(
    {
        "id": ID,
        "page": PAGE,
        "name": STR,
        "kind": {"enum": ["person", "organisation", "state", "group"]},
        "country": STR,
        "role": STR,
        "aliases": STRS,
        "summary": STR,
        "links": {"type": "array", "items": _object({"title": STR, "url": STR})},
        "sources": CITATIONS,
        "events": IDS,
    }
)
TERM = _object(
    {
        "id": ID,
        "page": PAGE,
        "term": STR,
        "aliases": STRS,
        "short": STR,
        "definition": STR,
        "see_also": IDS,
        "sources": CITATIONS,
        "events": IDS,
    }
)
SOURCE = _object(
    {
        "id": ID,
        "page": PAGE,
        "title": STR,
        "publisher": STR,
        "author": STR,
        "date": DATE_OR_NULL,
        "url": STR,
        "language": STR,
        "kind": STR,
        "accessed": DATE_OR_NULL,
        "events": IDS,
        "cited_by": {"type": "array", "items": _object({"kind": STR, "id": ID})},
    }
)


def envelope_schema(name: str, key: str, item: dict[str, Any], title: str) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": f"urn:explainer:data:v1:{name}",
        "title": title,
        **_object(
            {
                "site": _object({"name": STR, "url": STR}),
                "count": {"type": "integer", "minimum": 0},
                key: {"type": "array", "items": item},
            }
        ),
    }


SCHEMAS: dict[str, dict[str, Any]] = {
    "events.json": envelope_schema("events", "events", EVENT, "Events of an explainer, in date order"),
    "actors.json": envelope_schema("actors", "actors", ACTOR, "Actors of an explainer"),
    "glossary.json": envelope_schema("glossary", "terms", TERM, "Glossary terms of an explainer"),
    "sources.json": envelope_schema("sources", "sources", SOURCE, "Sources an explainer cites"),
}


def schema_path(name: str) -> str:
    """'events.json' -> 'schemas/events.schema.json' (inside the data folder)."""
    return f"schemas/{name.removesuffix('.json')}.schema.json"


def schema_files() -> dict[str, bytes]:
    return {schema_path(name): encode_json(schema) for name, schema in SCHEMAS.items()}
