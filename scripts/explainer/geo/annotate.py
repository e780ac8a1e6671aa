"""The furniture of a map for one size variant: legend, scale bar, credit line, country names."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import theme
from .geometry import polygon_contains
from .labels import ASCENT, DESCENT, Box, text_box, text_width

Point = tuple[float, float]


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    anchor: str
    size: float
    box: Box


@dataclass(frozen=True)
class LegendRow:
    kind: str  # border | focus | city | checkpoint | site | region | approx
    fill: str
    sx: float  # centre of the symbol
    sy: float
    label: Text


@dataclass(frozen=True)
class Legend:
    box: Box
    rows: tuple[LegendRow, ...]


@dataclass(frozen=True)
class ScaleBar:
    x0: float
    x1: float
    y: float
    tick: float
    label: Text
    box: Box


@dataclass(frozen=True)
class NameSpot:
    """A country whose name may be written: where (SVG units), and the polygons it must stay in."""

    iso: str
    role: str
    name: str
    at: Point
    polygons: Sequence[Sequence[Sequence[Point]]]


@dataclass(frozen=True)
class CountryLabel:
    iso: str
    role: str
    text: Text


def _text(x: float, y: float, text: str, anchor: str, size: float, letter_spacing: float = 0.0) -> Text:
    return Text(x, y, text, anchor, size, text_box(text, x, y, size, anchor, letter_spacing))


def credit_line(text: str, width: float, height: float, scale: float) -> Text:
    size = theme.SMALL_FONT * scale
    return _text(width - theme.EDGE, height - theme.EDGE - DESCENT * size, text, "end", size)


def nice_km(limit: float) -> int:
    """The largest 1, 2 or 5 times a power of ten not above limit (at least 1)."""
    if limit < 1:
        return 1
    power = int(10 ** math.floor(math.log10(limit)))
    return max(step * power for step in (1, 2, 5) if step * power <= limit)


def _km(km: int) -> str:
    return f"{km} km"


def scale_bar(
    km_per_unit: float, right: float, bottom: float, width: float, scale: float, label_of: Callable[[int], str] = _km
) -> ScaleBar:
    """A bar of a round number of km, about a fifth of the map wide, ending at (right, bottom); `label_of` writes
    the distance (in the map's language)."""
    km = nice_km(0.2 * width * km_per_unit)
    length = km / km_per_unit
    tick = 4.0 * scale
    size = theme.SMALL_FONT * scale
    label = _text(right - length / 2.0, bottom - tick - 3.0 * scale - DESCENT * size, label_of(km), "middle", size)
    box = Box(right - length - 2.0, label.box.y0, right + 2.0, bottom + 2.0)
    return ScaleBar(right - length, right, bottom, tick, label, box)


def legend_at(entries: Sequence[tuple[str, str, str]], corner: str, area: Box, scale: float) -> Legend:
    """A boxed list of (kind, text, fill) rows in a corner (tl, bl, tr, br) of area."""
    size = theme.LEGEND_FONT * scale
    pad, row, symbol = 0.7 * size, 1.6 * size, 2.0 * size
    width = 2 * pad + symbol + max(text_width(text, size) for _, text, _ in entries)
    height = 2 * pad + row * len(entries)
    x0 = area.x0 if corner[1] == "l" else area.x1 - width
    y0 = area.y0 if corner[0] == "t" else area.y1 - height
    rows = []
    for i, (kind, text, fill) in enumerate(entries):
        cy = y0 + pad + row * (i + 0.5)
        label = _text(x0 + pad + symbol, cy + (ASCENT - DESCENT) / 2.0 * size, text, "start", size)
        rows.append(LegendRow(kind, fill, x0 + pad + symbol / 2.0 - 0.2 * size, cy, label))
    return Legend(Box(x0, y0, x0 + width, y0 + height), tuple(rows))


def legend_below(entries: Sequence[tuple[str, str, str]], width: float, top: float, scale: float) -> Legend:
    """The legend as rows of items flowing left to right in a strip below the map."""
    size = theme.LEGEND_FONT * scale
    pad, row, symbol, gap = 0.5 * size, 1.6 * size, 2.0 * size, 1.2 * size
    x0, x1 = theme.EDGE, width - theme.EDGE
    x, line = x0 + pad, 0
    rows = []
    for kind, text, fill in entries:
        need = symbol + text_width(text, size)
        if x > x0 + pad and x + need > x1 - pad:
            x, line = x0 + pad, line + 1
        cy = top + pad + row * (line + 0.5)
        label = _text(x + symbol, cy + (ASCENT - DESCENT) / 2.0 * size, text, "start", size)
        rows.append(LegendRow(kind, fill, x + symbol / 2.0 - 0.2 * size, cy, label))
        x += need + gap
    return Legend(Box(x0, top, x1, top + 2 * pad + row * (line + 1)), tuple(rows))


def choose_legend(
    entries: Sequence[tuple[str, str, str]],
    areas: Sequence[tuple[str, Box]],
    markers: Sequence[Box],
    names: Sequence[Box],
    scale: float,
) -> tuple[int, Legend] | None:
    """The corner where the legend hides the fewest markers (10 points each), then country names."""
    if not entries:
        return None
    best: tuple[int, int, Legend] | None = None
    for index, (corner, area) in enumerate(areas):
        legend = legend_at(entries, corner, area, scale)
        reach = 2.5 * theme.LABEL_FONT * scale
        wide = Box(legend.box.x0 - reach, legend.box.y0 - reach / 3, legend.box.x1 + reach, legend.box.y1 + reach / 3)
        score = sum(10 for m in markers if m.overlaps(wide)) + sum(1 for n in names if n.overlaps(legend.box))
        if best is None or (score, index) < best[:2]:
            best = (score, index, legend)
    return (best[0], best[2]) if best else None


def _offsets(step: float, rings: int = 3) -> list[Point]:
    cells = [(i, j) for i in range(-rings, rings + 1) for j in range(-rings, rings + 1)]
    cells.sort(key=lambda c: (c[0] ** 2 + c[1] ** 2, c[1], c[0]))
    return [(i * step * 2.0, j * step) for i, j in cells]


def _inside(box: Box, polygons: Sequence[Sequence[Sequence[Point]]]) -> bool:
    xm = (box.x0 + box.x1) / 2.0
    probes = [(box.x0, box.y0), (box.x1, box.y0), (box.x0, box.y1), (box.x1, box.y1), (xm, box.y0), (xm, box.y1)]
    return all(any(polygon_contains(p, x, y) for p in polygons) for x, y in probes)


def _name_text(spot: NameSpot, scale: float, dx: float = 0.0, dy: float = 0.0) -> Text:
    size = (theme.FOCUS_COUNTRY_FONT if spot.role == "focus" else theme.COUNTRY_FONT) * scale
    baseline = spot.at[1] + (ASCENT - DESCENT) / 2.0 * size
    return _text(
        spot.at[0] + dx, baseline + dy, spot.name.upper(), "middle", size, theme.NAME_SPACING + theme.BOLD_EXTRA
    )


def name_box(spot: NameSpot, scale: float) -> Box:
    """Where a country's name would go if nothing were in the way."""
    return _name_text(spot, scale).box


def country_labels(
    spots: Sequence[NameSpot], bounds: Box, obstacles: Sequence[Box], scale: float
) -> tuple[CountryLabel, ...]:
    """Names at each country's label point, nudged until they sit inside it and clear of obstacles."""
    taken = list(obstacles)
    placed: list[CountryLabel] = []
    for spot in spots:
        step = (theme.FOCUS_COUNTRY_FONT if spot.role == "focus" else theme.COUNTRY_FONT) * scale
        for dx, dy in _offsets(step):
            label = _name_text(spot, scale, dx, dy)
            if (
                label.box.within(bounds)
                and _inside(label.box, spot.polygons)
                and not any(label.box.overlaps(o) for o in taken)
            ):
                placed.append(CountryLabel(spot.iso, spot.role, label))
                taken.append(label.box)
                break
    return tuple(placed)
