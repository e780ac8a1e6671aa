"""What every export format shares: the site's public address and JSON encoding."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..model import Citation, Explainer
from ..render.urls import page_url

DATA = "data"  # folder of the downloads in the site


@dataclass(frozen=True)
class Site:
    """The explainer as published: its name, public base URL (may be empty) and a fixed build time."""

    name: str = ""
    url: str = ""
    epoch: int | None = None  # SOURCE_DATE_EPOCH: a reproducible timestamp, or None for dates from the data

    def page(self, src: str) -> str:
        """The public address of a generated page (MkDocs' default directory URLs), or '' without site_url."""
        if not self.url:
            return ""
        # page_url gives a clean relative path ('events/x/'): appending it is what urljoin would do, faster
        return (self.url if self.url.endswith("/") else self.url + "/") + page_url(src, True)

    @property
    def host(self) -> str:
        """Host and path of the public site, for globally unique ids ('explainer' without site_url)."""
        parts = urlsplit(self.url)
        return (parts.netloc + parts.path.rstrip("/")) if parts.netloc else "explainer"


def source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def citations(items: tuple[Citation, ...]) -> list[dict[str, str]]:
    return [{"source": c.source, "locator": c.locator, "quote": c.quote} for c in items]


def events_citing(model: Explainer, kind: str, ident: str) -> list[str]:
    return [e.id for e in model.events_of(kind, ident)]


def envelope(site: Site, key: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"site": {"name": site.name, "url": site.url}, "count": len(items), key: items}


def encode_json(doc: Any) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")  # C encoder: no indent
