"""Turn lon/lat rings and lines into compact SVG path data for a viewport.

Points are projected, clipped to the viewBox plus a margin, simplified below what the eye can see,
rounded to 0.1 unit and written with relative commands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .clip import Rect, bounds, clip_ring, rects_overlap
from .projection import Viewport
from .simplify import simplify

Point = tuple[float, float]


def _tenths(value: int) -> str:
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{frac}" if whole else f"{sign}.{frac}"


def _join(numbers: Iterable[int]) -> str:
    out: list[str] = []
    for number in numbers:
        text = _tenths(number)
        if out and not text.startswith("-"):
            out.append(" ")
        out.append(text)
    return "".join(out)


def encode(points: Sequence[Point], closed: bool) -> str:
    """One subpath: absolute moveto, then relative linetos; '' when it rounds to a single point."""
    grid: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x * 10), round(y * 10))
        if not grid or p != grid[-1]:
            grid.append(p)
    if closed and len(grid) > 1 and grid[0] == grid[-1]:
        grid.pop()
    if len(grid) < (3 if closed else 2):
        return ""
    deltas: list[int] = []
    for (x0, y0), (x1, y1) in zip(grid, grid[1:]):
        deltas += [x1 - x0, y1 - y0]
    return f"M{_join(grid[0])}l{_join(deltas)}" + ("z" if closed else "")


def project(viewport: Viewport, coords: Iterable[Point]) -> list[Point]:
    return [viewport.to_svg(lon, lat) for lon, lat in coords]


def view_rect(viewport: Viewport, margin: float) -> Rect:
    return -margin, -margin, viewport.width + margin, viewport.height + margin


def svg_polygons(
    viewport: Viewport, polygons: Iterable[Sequence[Sequence[Point]]], *, tolerance: float, margin: float = 6.0
) -> list[list[list[Point]]]:
    """Polygons projected to SVG units, clipped to the viewBox plus a margin and simplified."""
    rect = view_rect(viewport, margin)
    out: list[list[list[Point]]] = []
    for polygon in polygons:
        rings: list[list[Point]] = []
        for ring in polygon:
            xy = project(viewport, ring)
            if len(xy) < 3 or not rects_overlap(bounds(xy), rect):
                continue
            clipped = clip_ring(xy, rect)
            if clipped:
                rings.append(simplify(clipped + [clipped[0]], tolerance))
        if rings:
            out.append(rings)
    return out


def polygons_path(polygons: Iterable[Sequence[Sequence[Point]]]) -> str:
    """Path data for SVG-space polygons, to be filled with fill-rule evenodd."""
    return "".join(encode(ring, closed=True) for polygon in polygons for ring in polygon)


def line_path(viewport: Viewport, coords: Sequence[Point], *, tolerance: float) -> str:
    """Path data for an open line (clipped to the viewBox by the SVG clip path, not here)."""
    return encode(simplify(project(viewport, coords), tolerance), closed=False)
