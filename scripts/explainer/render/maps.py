"""The map page, locator maps and fact boxes: model -> geo drawing inputs, with the words the maps write in the
edition's language (geo translates nothing: it is given the words)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..geo import theme
from ..geo.geometry import Geometry
from ..geo.svgmap import MapWords, Marker, drawn_border_length_km, render_locator, render_map
from ..kept import Kept
from ..model import Explainer, Fact, MapSpec, Place
from .language import Language, territories

Link = Callable[[str], str]
DEFAULT_CREDIT = "Places: this explainer's data"
# Words a map writes that come as data, translated when a catalogue has them (catalogues.py gathers them): the
# legend's kinds of place, and the credits the generator writes or the geometry files usually carry.
MAP_LABELS = (*theme.KIND_LABELS.values(), DEFAULT_CREDIT, "Made with Natural Earth")


@dataclass(frozen=True)
class DrawnMap:
    spec: MapSpec | None
    svg: Markup
    places: tuple[Place, ...]
    credit: str
    outside: tuple[Place, ...] = ()  # places beyond the map's frame: listed, not drawn


def _drawn(
    drawings: Kept | None, language: Language, geometry: Geometry, draw: Callable[..., str], **args: object
) -> str:
    """`draw(geometry, **args)`, or what an earlier build drew from the same (the geometry compared whole, the
    rest by its repr)."""
    if drawings is None:
        return draw(geometry, **args)
    key = (draw.__name__, drawings.shape(geometry), repr(sorted(args.items())))
    return str(drawings.get(key, lambda: draw(geometry, **args)))


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


def map_words(geometry: Geometry, language: Language) -> MapWords:
    """What a map writes besides the editors' data, in the edition's language. The default edition (no language
    code) keeps the geometry file's names of countries and borders; another names each country as CLDR does in
    its language, and each border after the countries it runs between."""
    _ = language.gettext
    countries: dict[str, str] = {}
    borders: dict[str, str] = {}
    if language.code:
        names = territories(language.code)
        countries = {c.iso: names[c.iso] for c in geometry.countries if c.iso in names}
        for b in geometry.borders:
            if len(b.between) >= 2 and all(iso in names for iso in b.between):
                between = "–".join(names[iso] for iso in b.between)
                borders[b.id] = _("%(countries)s border") % {"countries": between}
    return MapWords(
        kinds={k: _(v) for k, v in theme.KIND_LABELS.items()},
        approximate=_("Approximate location"),
        approximate_marker=_("%(name)s (approximate location)"),
        km=_("%(km)s km"),
        countries=countries,
        borders=borders,
    )


def credit_of(geometry: Geometry, language: Language) -> str:
    """The geometry file's credit line, translated when it is one the catalogues know (MAP_LABELS)."""
    return language.gettext(geometry.credit) if geometry.credit else ""


def _description(shown: list[Place], language: Language) -> str:
    """The map's <desc>: how many places, the first dozen by name, and where the rest are listed."""
    _, ngettext = language.gettext, language.translations.ngettext
    names = ", ".join(p.name for p in shown[:12])
    if len(shown) > 12:
        more = len(shown) - 12
        names = ngettext("%(names)s and %(num)d more", "%(names)s and %(num)d more", more) % {
            "names": names,
            "num": more,
        }
    count = ngettext("A map showing %(num)d place: %(names)s.", "A map showing %(num)d places: %(names)s.", len(shown))
    table = _("The table after the map lists every place with its coordinates and events.")
    return f"{count % {'num': len(shown), 'names': names}} {table}"


def draw_maps(
    model: Explainer, link: Link, language: Language | None = None, drawings: Kept | None = None
) -> list[DrawnMap]:
    """One drawn map per map file; with none, one map framing every place. `language`: the edition's, whose
    words the maps write (English by default); `drawings`: maps an earlier build drew."""
    language = language or Language()
    _ = language.gettext
    specs: list[MapSpec | None] = list(model.maps.values()) or [None]
    drawn = []
    for i, spec in enumerate(specs):
        places = [model.places[p] for p in spec.places] if spec and spec.places else list(model.places.values())
        geometry = geometry_of(model, spec, places)
        shown = [p for p in places if _inside(spec.frame, p)] if spec and spec.frame else places
        markers = [Marker(p.id, p.name, p.kind, p.lat, p.lon, link(f"places/{p.id}.md"), p.approximate) for p in shown]
        title = spec.title if spec else _("Map of the places in this explainer")
        credit = credit_of(geometry, language)
        svg = _drawn(
            drawings,
            language,
            geometry,
            render_map,
            markers=markers,
            title=title,
            description=_description(shown, language),
            frame=spec.frame if spec else None,
            id_prefix=f"map{i + 1}",
            attribution=credit or _(DEFAULT_CREDIT),
            words=map_words(geometry, language),
        )
        outside = tuple(p for p in places if p not in shown)
        drawn.append(DrawnMap(spec, Markup(svg), tuple(places), credit, outside))
    return drawn


def locator(model: Explainer, place: Place, language: Language | None = None, drawings: Kept | None = None) -> Markup:
    """A small map of the same kind as the main map, with this place marked, in the edition's language."""
    language = language or Language()
    _ = language.gettext
    spec = next(iter(model.maps.values()), None)
    geometry = geometry_of(model, spec, [place]) if spec and spec.geometry else _empty(_frame_around([place], 1.5))
    marker = Marker(place.id, place.name, place.kind, place.lat, place.lon, "", place.approximate)
    where = (
        _("The approximate location of %(name)s on a map of the area.")
        if place.approximate
        else _("The location of %(name)s on a map of the area.")
    )
    svg = _drawn(
        drawings,
        language,
        geometry,
        render_locator,
        marker=marker,
        id_prefix=f"loc-{place.id}",
        title=_("Locator map: %(name)s") % {"name": place.name},
        description=where % {"name": place.name},
        words=map_words(geometry, language),
    )
    return Markup(svg)


def measured_km(model: Explainer, fact: Fact, drawings: Kept | None = None) -> float | None:
    """The length of the border line as drawn, computed now from the committed geometry (or by an earlier build
    from the same geometry)."""
    if fact.measure is None:
        return None
    geometry, border = model.geometries[model.maps[fact.measure.map].geometry], fact.measure.border
    if drawings is None:
        return drawn_border_length_km(geometry, border)
    key = ("km", drawings.shape(geometry), border)
    return float(drawings.get(key, lambda: drawn_border_length_km(geometry, border)))


def number(value: float) -> str:
    """1239 -> '1,239'; 1084.2 -> '1,084.2'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
