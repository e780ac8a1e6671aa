"""Public API: draw the map (or a small locator map) as an inline SVG string at build time.

Pure: the caller passes loaded data. Every name and href from the data is escaped by the template
(Jinja2, autoescape on); hrefs with a scheme other than http(s) are refused.

A map whose markers are links gets role="document", not "img": ARIA makes an img's children
presentational, which hides the links from screen readers while they stay in the tab order (axe
rule nested-interactive); "group" would do but the Nu checker allows only img, document and
application on <svg>. A map without links (the locator) is role="img".
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import jinja2

from . import theme
from .geodesic import line_length_km
from .geometry import Frame, Geometry, parse_geometry
from .layout import MapLayout, Options, PlaceMark, layout_map
from .theme import Variant
from .words import ENGLISH, MapWords

__all__ = [
    "Marker",
    "MapWords",
    "Geometry",
    "parse_geometry",
    "render_map",
    "render_locator",
    "drawn_border_length_km",
    "resolve_frame",
    "map_layout",
]

_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Marker:
    id: str
    name: str
    kind: str  # city | checkpoint | site | region
    lat: float
    lon: float
    href: str
    approximate: bool = False


def _checked(marker: Marker) -> PlaceMark:
    if marker.kind not in theme.KINDS:
        kinds = ", ".join(theme.KINDS)
        raise ValueError(f"marker {marker.id!r}: kind must be one of {kinds}, found {marker.kind!r}")
    if not (
        math.isfinite(marker.lat)
        and math.isfinite(marker.lon)
        and -90 <= marker.lat <= 90
        and -180 <= marker.lon <= 180
    ):
        raise ValueError(f"marker {marker.id!r}: lat/lon out of range: {marker.lat}, {marker.lon}")
    scheme = urlsplit(marker.href.strip()).scheme.lower()
    if scheme not in ("", "http", "https"):
        raise ValueError(f"marker {marker.id!r}: href scheme {scheme!r} refused (use a relative URL or http(s))")
    return PlaceMark(
        marker.id, marker.name, marker.kind, marker.lat, marker.lon, marker.href.strip(), marker.approximate
    )


def _inside(frame: Frame, lon: float, lat: float) -> bool:
    return frame[0] <= lon <= frame[2] and frame[1] <= lat <= frame[3]


def resolve_frame(geometry: Geometry, markers: Sequence[Marker], frame: Frame | None = None) -> Frame:
    """The caller's frame; else the geometry's, grown to take in markers outside it, with a margin."""
    if frame is not None:
        return frame
    base = geometry.frame
    outside = [(m.lon, m.lat) for m in markers if not _inside(base, m.lon, m.lat)]
    if not outside:
        return base
    pad_lon = max(0.3, 0.04 * (base[2] - base[0]))
    pad_lat = max(0.2, 0.04 * (base[3] - base[1]))
    west, south, east, north = base
    for lon, lat in outside:
        west, east = min(west, lon - pad_lon), max(east, lon + pad_lon)
        south, north = min(south, lat - pad_lat), max(north, lat + pad_lat)
    return west, south, east, north


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("explainer.geo"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["n"] = _number
    return env


def _prefix(id_prefix: str) -> str:
    if not _PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix must match {_PREFIX.pattern}, found {id_prefix!r}")
    return id_prefix


def map_layout(
    geometry: Geometry,
    markers: Sequence[Marker],
    *,
    frame: Frame | None = None,
    width: int = 800,
    show_labels: bool = True,
    attribution: str = "Made with Natural Earth",
    words: MapWords = ENGLISH,
) -> MapLayout:
    """The layout render_map draws (exposed so tests and callers can inspect label boxes)."""
    marks = [_checked(m) for m in markers]
    ids = [m.id for m in marks]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate marker ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    options = Options(show_labels=show_labels, credit=attribution, words=words)
    return layout_map(geometry, marks, resolve_frame(geometry, markers, frame), width, options)


def render_map(
    geometry: Geometry,
    markers: Sequence[Marker],
    *,
    title: str,
    description: str,
    frame: Frame | None = None,
    width: int = 800,
    id_prefix: str = "map",
    show_labels: bool = True,
    attribution: str = "Made with Natural Earth",
    words: MapWords = ENGLISH,
) -> str:
    """The full map: countries, highlighted borders, linked markers, labels, legend, scale, credit.

    Ids inside the SVG start with id_prefix: give each map on a page its own. The SVG carries
    larger label layouts for small screens, switched by CSS media queries in its <style>. The words
    it writes besides the caller's (title, description, attribution, marker names) are `words`.
    """
    prefix = _prefix(id_prefix)
    layout = map_layout(
        geometry,
        markers,
        frame=frame,
        width=width,
        show_labels=show_labels,
        attribution=attribution,
        words=words,
    )
    linked = any(v.mark.href for v in layout.markers)
    return (
        _environment()
        .get_template("map.svg.j2")
        .render(
            m=layout,
            p=prefix,
            title=title,
            description=description,
            role="document" if linked else "img",
            locator=False,
            theme=theme,
            words=words,
        )
    )


def render_locator(
    geometry: Geometry,
    marker: Marker,
    *,
    width: int = 240,
    id_prefix: str,
    title: str | None = None,
    description: str | None = None,
    words: MapWords = ENGLISH,
) -> str:
    """A small map of the same area with one place highlighted (not a link: it is this page's place).

    `title` and `description` default to English ones naming the place."""
    prefix = _prefix(id_prefix)
    mark = _checked(marker)
    here = PlaceMark(mark.id, mark.name, mark.kind, mark.lat, mark.lon, "", mark.approximate)
    options = Options(
        show_labels=False,
        legend=False,
        scalebar=False,
        names="focus",
        text_scale=0.75,
        tolerance=0.5,
        variants=(Variant("w", 1.0, None),),
        words=words,
    )
    layout = layout_map(geometry, [here], resolve_frame(geometry, [marker]), width, options)
    where = "approximate location" if mark.approximate else "location"
    return (
        _environment()
        .get_template("map.svg.j2")
        .render(
            m=layout,
            p=prefix,
            title=f"Locator map: {mark.name}" if title is None else title,
            description=f"The {where} of {mark.name} on a map of the area." if description is None else description,
            role="img",
            locator=True,
            theme=theme,
            words=words,
        )
    )


def drawn_border_length_km(geometry: Geometry, border_id: str) -> float:
    """Geodesic (WGS84) length of a border as drawn from the map data: shorter than surveyed."""
    return line_length_km(geometry.border(border_id).coords)
