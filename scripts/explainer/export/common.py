"""What every export format shares: the site's public address and JSON encoding."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..model import Citation, Explainer
from ..urls import Site

DATA = "data"  # folder of the downloads in the site


def citations(items: tuple[Citation, ...]) -> list[dict[str, str]]:
    return [{"source": c.source, "locator": c.locator, "quote": c.quote} for c in items]


def events_citing(model: Explainer, kind: str, ident: str) -> list[str]:
    return [e.id for e in model.events_of(kind, ident)]


def envelope(site: Site, key: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"site": {"name": site.name, "url": site.url}, "count": len(items), key: items}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # compact: Python's C encoder


def encode_json(doc: Any) -> bytes:
    return (dumps(doc) + "\n").encode("utf-8")


def encode_with(doc: dict[str, Any], key: str, items: Iterable[str]) -> bytes:
    """`doc` as encode_json writes it, its list `key` written from `items`, each already encoded (`dumps`):
    an entry kept from an earlier build is not encoded again."""
    parts = (dumps(k) + ":" + ("[" + ",".join(items) + "]" if k == key else dumps(v)) for k, v in doc.items())
    return ("{" + ",".join(parts) + "}\n").encode("utf-8")
