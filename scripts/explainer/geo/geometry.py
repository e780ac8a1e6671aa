"""The map geometry the site draws: countries and borders, from the committed GeoJSON (read by load)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]  # (lon, lat), RFC 7946 order
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # outer ring, then holes
Frame = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    role: str  # 'focus' | 'neighbour'
    polygons: tuple[Polygon, ...]
    label: Point | None = None


@dataclass(frozen=True)
class Border:
    id: str
    name: str
    between: tuple[str, ...]
    coords: tuple[Point, ...]


@dataclass(frozen=True)
class Geometry:
    countries: tuple[Country, ...]
    borders: tuple[Border, ...]
    bbox: Frame
    frame: Frame  # the suggested view; the bbox when the file gives none
    source: str = ""
    licence: str = ""
    credit: str = ""

    def border(self, border_id: str) -> Border:
        for border in self.borders:
            if border.id == border_id:
                return border
        known = ", ".join(b.id for b in self.borders) or "none"
        raise KeyError(f"no border {border_id!r} in the map geometry (known: {known})")


class GeometryError(ValueError):
    """The geometry file is not the shape this module reads."""


def _point(raw: Sequence[Any]) -> Point:
    return float(raw[0]), float(raw[1])


def _frame(raw: Any, path: str, field: str) -> Frame:
    if not isinstance(raw, list) or len(raw) != 4:
        raise GeometryError(f"{path}: {field}: expected [west, south, east, north], found {raw!r}")
    west, south, east, north = (float(v) for v in raw)
    return west, south, east, north


def _polygons(geometry: Mapping[str, Any]) -> tuple[Polygon, ...]:
    kind, coords = geometry["type"], geometry["coordinates"]
    raw = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    if raw is None:
        raise GeometryError(f"country geometry must be Polygon or MultiPolygon, found {kind}")
    return tuple(tuple(tuple(_point(p) for p in ring) for ring in polygon) for polygon in raw)


def parse_geometry(data: Any, path: str) -> Geometry:
    """The GeoJSON FeatureCollection written by scripts/prep_geometry.py, as parsed JSON (`path` for messages)."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeometryError(f"{path}: expected a GeoJSON FeatureCollection")
    countries: list[Country] = []
    borders: list[Border] = []
    for index, feature in enumerate(data.get("features", [])):
        props = feature.get("properties") or {}
        try:
            if props.get("kind") == "country":
                label = props.get("label")
                countries.append(
                    Country(
                        iso=str(props["iso"]),
                        name=str(props["name"]),
                        role=str(props.get("role", "neighbour")),
                        polygons=_polygons(feature["geometry"]),
                        label=_point(label) if label else None,
                    )
                )
            elif props.get("kind") == "border":
                geometry = feature["geometry"]
                if geometry["type"] != "LineString":
                    raise GeometryError(f"border geometry must be a LineString, found {geometry['type']}")
                borders.append(
                    Border(
                        id=str(props["id"]),
                        name=str(props.get("name", props["id"])),
                        between=tuple(str(v) for v in props.get("between", [])),
                        coords=tuple(_point(p) for p in geometry["coordinates"]),
                    )
                )
        except (KeyError, TypeError, IndexError) as error:
            raise GeometryError(f"{path}: feature {index}: missing or malformed {error}") from None
    bbox = _frame(data.get("bbox") or _bbox(countries, borders), path, "bbox")
    frame = _frame(data["frame"], path, "frame") if "frame" in data else bbox
    return Geometry(
        countries=tuple(countries),
        borders=tuple(borders),
        bbox=bbox,
        frame=frame,
        source=str(data.get("source", "")),
        licence=str(data.get("licence", "")),
        credit=str(data.get("credit", "")),
    )


def _bbox(countries: Sequence[Country], borders: Sequence[Border]) -> list[float]:
    points = [p for c in countries for poly in c.polygons for ring in poly for p in ring]
    points += [p for b in borders for p in b.coords]
    if not points:
        return [-180.0, -90.0, 180.0, 90.0]
    return [min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points)]


def ring_contains(ring: Sequence[Point], x: float, y: float) -> bool:
    """Even-odd ray casting; works for lon/lat and for SVG coordinates alike."""
    inside = False
    for i, (bx, by) in enumerate(ring):
        ax, ay = ring[i - 1]
        if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
            inside = not inside
    return inside


def polygon_contains(polygon: Sequence[Sequence[Point]], x: float, y: float) -> bool:
    return sum(ring_contains(ring, x, y) for ring in polygon) % 2 == 1


def country_at(geometry: Geometry, lon: float, lat: float) -> str | None:
    """The ISO alpha-2 code of the country drawn at a point, or None (sea, or outside the data)."""
    for country in geometry.countries:
        if any(polygon_contains(poly, lon, lat) for poly in country.polygons):
            return country.iso
    return None
