"""places.geojson: every place as an RFC 7946 Point feature ([longitude, latitude], WGS84)."""

from __future__ import annotations

from typing import Any

from ..model import Explainer, Place
from ..urls import Site
from .common import citations, encode_json, events_citing


def feature(p: Place, model: Explainer, site: Site) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": p.id,
        "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
        "properties": {
            "id": p.id,
            "page": site.page(f"places/{p.id}.md"),
            "name": p.name,
            "kind": p.kind,
            "country": p.country,
            "approximate": p.approximate,
            "aliases": list(p.aliases),
            "summary": p.summary,
            "sources": citations(p.citations),
            "events": events_citing(model, "places", p.id),
        },
    }


def places_geojson(model: Explainer, site: Site) -> bytes:
    features = [feature(p, model, site) for p in model.places.values()]
    doc: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if features:
        lons = [p.lon for p in model.places.values()]
        lats = [p.lat for p in model.places.values()]
        doc = {"type": "FeatureCollection", "bbox": [min(lons), min(lats), max(lons), max(lats)], "features": features}
    return encode_json(doc)
