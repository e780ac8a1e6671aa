"""Pole of inaccessibility: the interior point farthest from a polygon's edges (Mapbox's polylabel, as
shapely implements it). Planar: callers that start from lon/lat scale x by cos(latitude) first so a degree
counts the same both ways."""

from __future__ import annotations

from collections.abc import Sequence

import shapely
from shapely.ops import polylabel as _polylabel

Point = tuple[float, float]
Ring = Sequence[Point]


def polylabel(rings: Sequence[Ring], precision: float = 1.0) -> Point:
    """The pole of inaccessibility of the polygon whose outer ring comes first, holes after."""
    point = _polylabel(shapely.Polygon(rings[0], rings[1:]), tolerance=precision)
    return point.x, point.y


def signed_distance(x: float, y: float, rings: Sequence[Ring]) -> float:
    """Distance from (x, y) to the nearest edge; positive inside the polygon."""
    polygon = shapely.Polygon(rings[0], rings[1:])
    distance = float(polygon.exterior.distance(shapely.Point(x, y)))
    distance = min([distance, *(float(h.distance(shapely.Point(x, y))) for h in polygon.interiors)])
    return distance if polygon.contains(shapely.Point(x, y)) else -distance
