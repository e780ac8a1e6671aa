"""Decode TopoJSON (quantized, delta-encoded arcs) into plain coordinate lists.

Only what the data-prep script needs: arcs, and polygon features as arc references.
A reference ``i >= 0`` is arc ``i`` as stored; ``~i`` (that is ``-i - 1``) is arc ``i`` reversed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]
Line = tuple[Point, ...]
RingRefs = tuple[int, ...]
PolygonRefs = tuple[RingRefs, ...]


@dataclass(frozen=True)
class TopoFeature:
    """A polygon feature of a topology: its id, its name and, per polygon, per ring, its arc refs."""

    id: str
    name: str
    polygons: tuple[PolygonRefs, ...]

    def arc_indices(self) -> frozenset[int]:
        return frozenset(arc_index(ref) for polygon in self.polygons for ring in polygon for ref in ring)


def arc_index(ref: int) -> int:
    """The stored arc a reference points at, whatever its direction."""
    return ref if ref >= 0 else ~ref


def decode_arcs(topology: Mapping[str, Any]) -> tuple[Line, ...]:
    """Every arc as absolute (x, y) points, undoing quantization and delta encoding."""
    transform = topology.get("transform")
    decoded: list[Line] = []
    for arc in topology["arcs"]:
        if transform is None:
            decoded.append(tuple((float(p[0]), float(p[1])) for p in arc))
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(tuple(points))
    return tuple(decoded)


def stitch(arcs: Sequence[Line], refs: Sequence[int]) -> Line:
    """Join the referenced arcs into one line; each arc after the first repeats the last point."""
    points: list[Point] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def polygon_features(topology: Mapping[str, Any], object_name: str) -> tuple[TopoFeature, ...]:
    """The Polygon and MultiPolygon members of a GeometryCollection that carry an id."""
    found: list[TopoFeature] = []
    for geometry in topology["objects"][object_name]["geometries"]:
        if "id" not in geometry:
            continue
        kind = geometry.get("type")
        if kind == "Polygon":
            raw = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            raw = geometry["arcs"]
        else:
            continue
        polygons = tuple(tuple(tuple(int(r) for r in ring) for ring in polygon) for polygon in raw)
        name = str((geometry.get("properties") or {}).get("name", ""))
        found.append(TopoFeature(id=str(geometry["id"]), name=name, polygons=polygons))
    return tuple(found)
