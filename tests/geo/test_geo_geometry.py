"""The committed GeoJSON: shape, metadata, and places falling in the right country."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from explainer.geo.geometry import Geometry, country_at, polygon_contains

pytestmark = pytest.mark.filterwarnings("error")
GEOJSON = Path(__file__).resolve().parents[2] / "docs" / "maps" / "belarus-ukraine.geojson"


def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GEOJSON.read_text(encoding="utf-8"))
    return data


def inside_ring(ring: list[list[float]], lon: float, lat: float) -> bool:
    """Ray casting written here, independent of the module under test."""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def contains(feature: dict[str, Any], lon: float, lat: float) -> bool:
    return any(sum(inside_ring(r, lon, lat) for r in poly) % 2 == 1 for poly in feature["geometry"]["coordinates"])


@pytest.mark.parametrize(("lat", "lon", "iso"), [
    (50.4547, 30.5238, "UA"), (49.8383, 24.0232, "UA"),
    (53.9002, 27.5665, "BY"), (52.4345, 30.9754, "BY"), (52.1089, 23.7175, "BY"),
    (52.2298, 21.0118, "PL"),
])
def test_known_cities_fall_in_their_country(geometry: Geometry, lat: float, lon: float, iso: str) -> None:
    countries = {f["properties"]["iso"]: f for f in raw()["features"] if f["properties"]["kind"] == "country"}
    assert contains(countries[iso], lon, lat)
    assert [code for code, f in countries.items() if contains(f, lon, lat)] == [iso]
    assert country_at(geometry, lon, lat) == iso


def test_file_is_small_deterministic_json_with_its_credits() -> None:
    text = GEOJSON.read_text(encoding="utf-8")
    assert GEOJSON.stat().st_size < 150_000
    data = raw()
    assert text == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    assert data["source"] == "Natural Earth 1:10m Admin 0 countries via npm world-atlas@2.0.2 (countries-10m.json)"
    assert data["licence"] == "Natural Earth: public domain; world-atlas: ISC"
    assert data["credit"] == "Made with Natural Earth"
    west, south, east, north = data["bbox"]
    fw, fs, fe, fn = data["frame"]
    assert west <= fw < fe <= east and south <= fs < fn <= north


def test_features_roles_and_the_single_border() -> None:
    features = raw()["features"]
    countries = [f["properties"] for f in features if f["properties"]["kind"] == "country"]
    assert [c["iso"] for c in countries] == sorted(c["iso"] for c in countries)
    assert {c["iso"]: c["role"] for c in countries if c["role"] == "focus"} == {"BY": "focus", "UA": "focus"}
    assert {"PL", "RU", "LT", "LV", "MD", "RO", "SK", "HU"} <= {c["iso"] for c in countries}
    assert {c["name"] for c in countries if c["iso"] in ("BY", "UA")} == {"Belarus", "Ukraine"}
    borders = [f for f in features if f["properties"]["kind"] == "border"]
    assert len(borders) == 1
    assert borders[0]["properties"] == {"kind": "border", "id": "belarus-ukraine", "between": ["BY", "UA"],
                                        "name": "Belarus–Ukraine border"}
    assert borders[0]["geometry"]["type"] == "LineString"
    assert len(borders[0]["geometry"]["coordinates"]) == 365


def test_coordinates_are_rounded_closed_and_right_handed() -> None:
    for feature in raw()["features"]:
        geometry = feature["geometry"]
        if geometry["type"] != "MultiPolygon":
            continue
        for polygon in geometry["coordinates"]:
            for k, ring in enumerate(polygon):
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(round(v, 4) == v for point in ring for v in point)
                area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
                assert (area > 0) == (k == 0), "RFC 7946: outer rings counter-clockwise, holes clockwise"


def test_crimea_is_outside_the_data() -> None:
    data = raw()
    assert data["bbox"][1] >= 46.5  # Crimea (drawn inside Russia by world-atlas) lies south of 46.2 N


def test_label_points_lie_inside_their_country(geometry: Geometry) -> None:
    labelled = [c for c in geometry.countries if c.label is not None]
    assert {"BY", "UA", "PL", "RU"} <= {c.iso for c in labelled}
    for country in labelled:
        assert country.label is not None
        assert any(polygon_contains(p, *country.label) for p in country.polygons), country.iso
        west, south, east, north = geometry.frame
        assert west <= country.label[0] <= east and south <= country.label[1] <= north
