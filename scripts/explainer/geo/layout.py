"""Everything a map shows, in SVG units: shapes, markers and, per size variant, the annotations."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import annotate, theme
from .geometry import Frame, Geometry
from .labels import Box, LabelRequest, Placement, place_labels
from .pathdata import line_path, polygons_path, svg_polygons
from .projection import fit_viewport
from .theme import Variant


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


def symbol_radius(mark: PlaceMark, scale: float) -> float:
    """Half the size of a marker's symbol, including the dashed ring of an approximate one."""
    return theme.SYMBOL_RADIUS * scale * (1.25 if mark.kind != "city" else 1.0) + (3.0 * scale if mark.approximate else 0.0)


def legend_entries(geometry: Geometry, marks: Sequence[PlaceMark], fills: dict[str, str]) -> list[tuple[str, str, str]]:
    entries = [("border", b.name, theme.BORDER) for b in geometry.borders]
    entries += [("focus", c.name, fills[c.iso]) for c in geometry.countries if c.role == "focus"]
    present = {m.kind for m in marks}
    entries += [(k, theme.KIND_LABELS[k], theme.SYMBOL_FILLS[k]) for k in theme.KINDS if k in present]
    if any(m.approximate for m in marks):
        entries.append(("approx", "Approximate location", "#ffffff"))
    return entries


def layout_map(geometry: Geometry, marks: Sequence[PlaceMark], frame: Frame, width: int, options: Options) -> MapLayout:
    viewport = fit_viewport(frame, width)
    w, h = viewport.width, viewport.height
    focus = [c for c in geometry.countries if c.role == "focus"]
    fills = {c.iso: theme.FOCUS_FILLS[i % len(theme.FOCUS_FILLS)] for i, c in enumerate(focus)}
    ordered = [c for c in geometry.countries if c.role != "focus"] + focus
    projected = {c.iso: svg_polygons(viewport, c.polygons, tolerance=options.tolerance) for c in ordered}
    shapes = tuple(Shape(c.iso, c.role, c.name, polygons_path(projected[c.iso]), fills.get(c.iso, theme.NEIGHBOUR_FILL))
                   for c in ordered if projected[c.iso])
    borders = tuple(Shape(b.id, "border", b.name, line_path(viewport, b.coords, tolerance=options.tolerance), theme.BORDER)
                    for b in geometry.borders)
    views = tuple(MarkerView(m, *viewport.to_svg(m.lon, m.lat)) for m in marks)
    named = [c for c in focus + [c for c in ordered if c.role != "focus"]
             if c.label is not None and projected[c.iso] and (options.names == "all" or
                                                              (options.names == "focus" and c.role == "focus"))]
    centre_lat = (frame[1] + frame[3]) / 2.0
    entries = legend_entries(geometry, marks, fills) if options.legend else []
    layers = []
    for variant in options.variants or theme.variants_for(w):
        s = variant.scale * options.text_scale
        marker_boxes = [Box.around(v.x, v.y, symbol_radius(v.mark, s)) for v in views]
        credit = annotate.credit_line(options.credit, w, h, s) if options.credit else None
        bottom = (credit.box.y0 if credit else h - theme.EDGE) - 2.0 * s
        bar = annotate.scale_bar(viewport.km_per_unit(centre_lat), w - theme.EDGE, bottom, w, s) if options.scalebar else None
        fixed = [b.box for b in (credit, bar) if b is not None]
        nominal = [annotate.country_labels([(c.iso, c.role, c.name, viewport.to_svg(*c.label), projected[c.iso])],
                                           Box(-1e9, -1e9, 1e9, 1e9), [], s) for c in named if c.label]
        name_boxes = [n[0].text.box for n in nominal if n]
        e = theme.EDGE
        stack_top = min([b.y0 for b in fixed], default=h - e) - 4.0 * s
        areas = [("tl", Box(e, e, w - e, h - e)), ("bl", Box(e, e, w - e, h - e)),
                 ("tr", Box(e, e, w - e, h - e)), ("br", Box(e, e, w - e, stack_top))]
        chosen = annotate.choose_legend(entries, areas, marker_boxes, name_boxes, s)
        legend, below = (chosen[1], 0.0) if chosen else (None, 0.0)
        if chosen is not None and chosen[0] >= 10:  # every corner would hide a marker: go below the map
            legend = annotate.legend_below(entries, w, h, s)
            below = legend.box.y1 + e / 2 - h
        elif legend is not None:
            fixed.append(legend.box)
        bounds = Box(e / 2, e / 2, w - e / 2, h - e / 2)
        countries = annotate.country_labels(
            [(c.iso, c.role, c.name, viewport.to_svg(*c.label), projected[c.iso]) for c in named if c.label],
            bounds, fixed + marker_boxes, s)
        labels: tuple[Placement, ...] = ()
        if options.show_labels:
            order = sorted(range(len(views)), key=lambda i: (theme.LABEL_PRIORITY.get(views[i].mark.kind, 9), i))
            requests = [LabelRequest(str(i), views[i].mark.name, views[i].x, views[i].y, symbol_radius(views[i].mark, s))
                        for i in order]
            labels = place_labels(requests, font_size=theme.LABEL_FONT * s, bounds=bounds,
                                  obstacles=fixed + [c.text.box for c in countries])
        layers.append(Layer(variant, legend, bar, credit, countries, labels, h + below))
    height = layers[0].height if layers else h
    return MapLayout(w, height, shapes, borders, views, tuple(layers), h)
