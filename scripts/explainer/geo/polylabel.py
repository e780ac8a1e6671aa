"""Pole of inaccessibility: the interior point farthest from a polygon's edges.

The cell-subdivision search of Mapbox's polylabel, written from the published description. Planar:
callers that start from lon/lat scale x by cos(latitude) first so a degree counts the same both ways.
"""
from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Ring = Sequence[Point]


def signed_distance(x: float, y: float, rings: Sequence[Ring]) -> float:
    """Distance from (x, y) to the nearest edge; positive inside the polygon (even-odd rule)."""
    inside = False
    best = math.inf
    for ring in rings:
        for i, (bx, by) in enumerate(ring):
            ax, ay = ring[i - 1]
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            dx, dy = bx - ax, by - ay
            length_sq = dx * dx + dy * dy
            t = 0.0 if length_sq == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length_sq))
            best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
    return best if inside else -best


@dataclass(frozen=True, order=True)
class _Cell:
    priority: float  # negated upper bound, so the heap pops the most promising cell first
    x: float
    y: float
    half: float
    distance: float


def _cell(x: float, y: float, half: float, rings: Sequence[Ring]) -> _Cell:
    d = signed_distance(x, y, rings)
    return _Cell(-(d + half * math.sqrt(2.0)), x, y, half, d)


def polylabel(rings: Sequence[Ring], precision: float = 0.001) -> Point:
    """The pole of inaccessibility of a polygon given as outer ring then holes."""
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    x_min, y_min, x_max, y_max = min(xs), min(ys), max(xs), max(ys)
    size = min(x_max - x_min, y_max - y_min)
    if size == 0.0:
        return x_min, y_min
    half = size / 2.0
    heap: list[_Cell] = []
    y = y_min
    while y < y_max:
        x = x_min
        while x < x_max:
            heapq.heappush(heap, _cell(x + half, y + half, half, rings))
            x += size
        y += size
    best = _cell((x_min + x_max) / 2.0, (y_min + y_max) / 2.0, 0.0, rings)
    while heap:
        cell = heapq.heappop(heap)
        if cell.distance > best.distance:
            best = cell
        if -cell.priority - best.distance <= precision:
            continue
        h = cell.half / 2.0
        for sx, sy in ((-h, -h), (h, -h), (-h, h), (h, h)):
            heapq.heappush(heap, _cell(cell.x + sx, cell.y + sy, h, rings))
    return best.x, best.y
