"""The map page, locator maps and fact boxes: model -> geo drawing inputs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..geo.geometry import Geometry
from ..geo.svgmap import Marker, drawn_border_length_km, render_locator, render_map
from ..model import Explainer, Fact, MapSpec, Place

Link = Callable[[str], str]
DEFAULT_CREDIT = "Places: this explainer's data"


@dataclass(frozen=True)
class DrawnMap:
    spec: MapSpec | None
    svg: Markup
    places: tuple[Place, ...]
    credit: str
    outside: tuple[Place, ...] = ()  # places beyond the map's frame: listed, not drawn


def _inside(frame: tuple[float, float, float, float], p: Place) -> bool:
    return frame[0] <= p.lon <= frame[2] and frame[1] <= p.lat <= frame[3]


def _empty(frame: tuple[float, float, float, float]) -> Geometry:
    return Geometry(countries=(), borders=(), bbox=frame, frame=frame)


def _frame_around(places: list[Place], pad: float = 0.5) -> tuple[float, float, float, float]:
    if not places:
        return (-10.0, -10.0, 10.0, 10.0)
    lons, lats = [p.lon for p in places], [p.lat for p in places]
    return (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)


def geometry_of(model: Explainer, spec: MapSpec | None, places: list[Place]) -> Geometry:
    if spec and spec.geometry:
        return model.geometries[spec.geometry]
    return _empty(spec.frame if spec and spec.frame else _frame_around(places))


def draw_maps(model: Explainer, link: Link) -> list[DrawnMap]:
    """One drawn map per map file; with none, one map framing every place."""
    specs: list[MapSpec | None] = list(model.maps.values()) or [None]
    drawn = []
    for i, spec in enumerate(specs):
        places = [model.places[p] for p in spec.places] if spec and spec.places else list(model.places.values())
        geometry = geometry_of(model, spec, places)
        shown = [p for p in places if _inside(spec.frame, p)] if spec and spec.frame else places
        markers = [Marker(p.id, p.name, p.kind, p.lat, p.lon, link(f"places/{p.id}.md"), p.approximate) for p in shown]
        title = spec.title if spec else "Map of the places in this explainer"
        names = ", ".join(p.name for p in shown[:12]) + (f" and {len(shown) - 12} more" if len(shown) > 12 else "")
        description = (
            f"A map showing {len(shown)} places: {names}. "
            "The table after the map lists every place with its coordinates and events."
        )
        svg = render_map(
            geometry,
            markers,
            title=title,
            description=description,
            frame=spec.frame if spec else None,
            id_prefix=f"map{i + 1}",
            attribution=geometry.credit or DEFAULT_CREDIT,
        )
        outside = tuple(p for p in places if p not in shown)
        drawn.append(DrawnMap(spec, Markup(svg), tuple(places), geometry.credit, outside))
    return drawn


def locator(model: Explainer, place: Place) -> Markup:
    """A small map of the same kind as the main map, with this place marked."""
    spec = next(iter(model.maps.values()), None)
    geometry = geometry_of(model, spec, [place]) if spec and spec.geometry else _empty(_frame_around([place], 1.5))
    marker = Marker(place.id, place.name, place.kind, place.lat, place.lon, "", place.approximate)
    return Markup(render_locator(geometry, marker, id_prefix=f"loc-{place.id}"))


def measured_km(model: Explainer, fact: Fact) -> float | None:
    """The length of the border line as drawn, computed now from the committed geometry."""
    if fact.measure is None:
        return None
    spec = model.maps[fact.measure.map]
    return drawn_border_length_km(model.geometries[spec.geometry], fact.measure.border)


def number(value: float) -> str:
    """1239 -> '1,239'; 1084.2 -> '1,084.2'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
