"""Everything a map shows, in SVG units: shapes, markers and, per size variant, the annotations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import annotate, theme
from .geometry import Frame, Geometry
from .labels import Box, LabelRequest, Placement, place_labels
from .pathdata import line_path, polygons_path, svg_polygons
from .projection import Viewport, fit_viewport
from .theme import Variant
from .words import ENGLISH, MapWords


@dataclass(frozen=True)
class PlaceMark:
    """A marker as the layout needs it (svgmap.Marker adapts to this)."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    href: str
    approximate: bool


@dataclass(frozen=True)
class Shape:
    key: str
    role: str  # focus | neighbour | border
    name: str
    d: str
    fill: str


@dataclass(frozen=True)
class MarkerView:
    mark: PlaceMark
    x: float
    y: float


@dataclass(frozen=True)
class Layer:
    variant: Variant
    legend: annotate.Legend | None
    scalebar: annotate.ScaleBar | None
    credit: annotate.Text | None
    countries: tuple[annotate.CountryLabel, ...]
    labels: tuple[Placement, ...]
    height: float  # the map plus the legend strip below it, if the legend went there


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float  # of the viewBox: the default layer's height
    countries: tuple[Shape, ...]
    borders: tuple[Shape, ...]
    markers: tuple[MarkerView, ...]
    layers: tuple[Layer, ...]
    map_height: float  # of the map proper, without a legend strip


@dataclass(frozen=True)
class Options:
    show_labels: bool = True
    legend: bool = True
    scalebar: bool = True
    names: str = "all"  # country names: all | focus | none
    text_scale: float = 1.0
    credit: str = ""
    tolerance: float = 0.35  # SVG units below which outline detail is dropped
    variants: tuple[Variant, ...] | None = None  # None: chosen from the width
    words: MapWords = ENGLISH  # legend rows, country and border names, the scale bar's unit


def symbol_radius(mark: PlaceMark, scale: float) -> float:
    """Half the size of a marker's symbol, including the dashed ring of an approximate one."""
    size = theme.SYMBOL_RADIUS * scale * (1.25 if mark.kind != "city" else 1.0)
    return size + (3.0 * scale if mark.approximate else 0.0)


def legend_entries(
    geometry: Geometry, marks: Sequence[PlaceMark], fills: dict[str, str], words: MapWords = ENGLISH
) -> list[tuple[str, str, str]]:
    entries = [("border", words.border(b.id, b.name), theme.BORDER) for b in geometry.borders]
    entries += [("focus", words.country(c.iso, c.name), fills[c.iso]) for c in geometry.countries if c.role == "focus"]
    present = {m.kind for m in marks}
    entries += [(k, words.kind(k), theme.SYMBOL_FILLS[k]) for k in theme.KINDS if k in present]
    if any(m.approximate for m in marks):
        entries.append(("approx", words.approximate, "#ffffff"))
    return entries


@dataclass(frozen=True)
class _Scene:
    """What every size variant shares: the map's size, markers, names to place and legend rows."""

    width: float
    height: float
    km_per_unit: float
    views: tuple[MarkerView, ...]
    names: tuple[annotate.NameSpot, ...]
    entries: tuple[tuple[str, str, str], ...]
    options: Options


def _layer(scene: _Scene, variant: Variant) -> Layer:
    """Legend, scale bar, credit, country names and marker labels at one variant's sizes."""
    w, h, e, s = scene.width, scene.height, theme.EDGE, variant.scale * scene.options.text_scale
    marker_boxes = [Box.around(v.x, v.y, symbol_radius(v.mark, s)) for v in scene.views]
    credit = annotate.credit_line(scene.options.credit, w, h, s) if scene.options.credit else None
    bottom = (credit.box.y0 if credit else h - e) - 2.0 * s
    bar = (
        annotate.scale_bar(scene.km_per_unit, w - e, bottom, w, s, scene.options.words.distance)
        if scene.options.scalebar
        else None
    )
    fixed = [b.box for b in (credit, bar) if b is not None]
    stack_top = min([b.y0 for b in fixed], default=h - e) - 4.0 * s
    inner = Box(e, e, w - e, h - e)
    areas = [("tl", inner), ("bl", inner), ("tr", inner), ("br", Box(e, e, w - e, stack_top))]
    name_boxes = [annotate.name_box(n, s) for n in scene.names]
    chosen = annotate.choose_legend(scene.entries, areas, marker_boxes, name_boxes, s)
    legend, below = (chosen[1], 0.0) if chosen else (None, 0.0)
    if chosen is not None and chosen[0] >= 10:  # every corner would hide a marker: go below the map
        legend = annotate.legend_below(scene.entries, w, h, s)
        below = legend.box.y1 + e / 2 - h
    elif legend is not None:
        fixed.append(legend.box)
    bounds = Box(e / 2, e / 2, w - e / 2, h - e / 2)
    countries = annotate.country_labels(scene.names, bounds, fixed + marker_boxes, s)
    labels: tuple[Placement, ...] = ()
    if scene.options.show_labels:
        views = scene.views
        order = sorted(range(len(views)), key=lambda i: (theme.LABEL_PRIORITY.get(views[i].mark.kind, 9), i))
        requests = [
            LabelRequest(str(i), views[i].mark.name, views[i].x, views[i].y, symbol_radius(views[i].mark, s))
            for i in order
        ]
        labels = place_labels(
            requests, font_size=theme.LABEL_FONT * s, bounds=bounds, obstacles=fixed + [c.text.box for c in countries]
        )
    return Layer(variant, legend, bar, credit, countries, labels, h + below)


@dataclass(frozen=True)
class _Base:
    viewport: Viewport
    fills: dict[str, str]
    projected: dict[str, list[list[list[tuple[float, float]]]]]  # SVG-space polygons per country
    shapes: tuple[Shape, ...]
    borders: tuple[Shape, ...]


@lru_cache(maxsize=8)
def _base(geometry: Geometry, frame: Frame, width: int, tolerance: float) -> _Base:
    """Projected outlines, shared by every map drawn with the same geometry, frame and width."""
    viewport = fit_viewport(frame, width)
    focus = [c for c in geometry.countries if c.role == "focus"]
    fills = {c.iso: theme.FOCUS_FILLS[i % len(theme.FOCUS_FILLS)] for i, c in enumerate(focus)}
    ordered = [c for c in geometry.countries if c.role != "focus"] + focus  # focus drawn on top
    projected = {c.iso: svg_polygons(viewport, c.polygons, tolerance=tolerance) for c in ordered}
    shapes = tuple(
        Shape(c.iso, c.role, c.name, polygons_path(projected[c.iso]), fills.get(c.iso, theme.NEIGHBOUR_FILL))
        for c in ordered
        if projected[c.iso]
    )
    borders = tuple(
        Shape(b.id, "border", b.name, line_path(viewport, b.coords, tolerance=tolerance), theme.BORDER)
        for b in geometry.borders
    )
    return _Base(viewport, fills, projected, shapes, borders)


def layout_map(geometry: Geometry, marks: Sequence[PlaceMark], frame: Frame, width: int, options: Options) -> MapLayout:
    base = _base(geometry, frame, width, options.tolerance)
    viewport, projected = base.viewport, base.projected
    focus = [c for c in geometry.countries if c.role == "focus"]
    others = [c for c in geometry.countries if c.role != "focus"]
    wanted = {"all": ("focus", "neighbour"), "focus": ("focus",)}.get(options.names, ())
    names = tuple(
        annotate.NameSpot(
            c.iso, c.role, options.words.country(c.iso, c.name), viewport.to_svg(*c.label), projected[c.iso]
        )
        for c in focus + others
        if c.label is not None and projected[c.iso] and c.role in wanted
    )
    scene = _Scene(
        viewport.width,
        viewport.height,
        viewport.km_per_unit((frame[1] + frame[3]) / 2.0),
        tuple(MarkerView(m, *viewport.to_svg(m.lon, m.lat)) for m in marks),
        names,
        tuple(legend_entries(geometry, marks, base.fills, options.words)) if options.legend else (),
        options,
    )
    layers = tuple(_layer(scene, v) for v in options.variants or theme.variants_for(viewport.width))
    return MapLayout(viewport.width, layers[0].height, base.shapes, base.borders, scene.views, layers, viewport.height)
