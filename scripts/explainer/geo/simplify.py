"""Douglas–Peucker line simplification (planar, endpoints always kept), by GEOS through shapely."""

from __future__ import annotations

from collections.abc import Sequence

import shapely

Point = tuple[float, float]


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Keep the points that lie farther than tolerance from the simplified line. The line is simplified as an
    open line even when it closes (a ring's first point stays where it is)."""
    if len(points) < 3 or tolerance <= 0.0:
        return list(points)
    line = shapely.simplify(shapely.linestrings(points), tolerance, preserve_topology=False)
    return [(x, y) for x, y in shapely.get_coordinates(line).tolist()]
