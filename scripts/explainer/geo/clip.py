"""Clip polygon rings to an axis-aligned rectangle (Sutherland–Hodgman).

Works on any planar coordinates: lon/lat at data-prep time, SVG units at render time. A concave ring
cut in several pieces comes back as one ring joined by zero-width edges along the rectangle's
side; filled, it draws the same, and the joins lie on the (padded) clip edge.
"""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x_min, y_min, x_max, y_max


def _crossing(a: Point, b: Point, axis: int, value: float) -> Point:
    t = (value - a[axis]) / (b[axis] - a[axis])
    other = 1 - axis
    c = a[other] + t * (b[other] - a[other])
    return (value, c) if axis == 0 else (c, value)


def _clip_edge(points: list[Point], axis: int, value: float, keep_above: bool) -> list[Point]:
    def inside(p: Point) -> bool:
        return p[axis] >= value if keep_above else p[axis] <= value

    out: list[Point] = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(_crossing(previous, current, axis, value))
            out.append(current)
        elif inside(previous):
            out.append(_crossing(previous, current, axis, value))
    return out


def clip_ring(ring: Sequence[Point], rect: Rect) -> list[Point]:
    """The part of a ring inside rect, as an open ring (first point not repeated); [] if none."""
    points = list(ring)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    x_min, y_min, x_max, y_max = rect
    for axis, value, keep_above in ((0, x_min, True), (0, x_max, False), (1, y_min, True), (1, y_max, False)):
        if not points:
            break
        points = _clip_edge(points, axis, value, keep_above)
    return points if len(points) >= 3 else []


def ring_area(ring: Sequence[Point]) -> float:
    """Signed shoelace area: positive when counter-clockwise in a y-up plane."""
    total = 0.0
    for i, (x1, y1) in enumerate(ring):
        x0, y0 = ring[i - 1]
        total += x0 * y1 - x1 * y0
    return total / 2.0


def bounds(points: Sequence[Point]) -> Rect:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def rects_overlap(a: Rect, b: Rect) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
