"""What every export format shares: the site's public address and JSON encoding."""

from __future__ import annotations

import json
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


def encode_json(doc: Any) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")  # C encoder: no indent
