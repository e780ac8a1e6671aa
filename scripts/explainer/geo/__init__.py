"""The map: geometry prepared once by scripts/prep_geometry.py, drawn at build time as inline SVG.

Pure functions, no MkDocs and no YAML: the caller passes loaded data. The public API is in svgmap.
"""

from __future__ import annotations

from .geometry import Geometry, parse_geometry
from .svgmap import MapWords, Marker, drawn_border_length_km, map_layout, render_locator, render_map, resolve_frame

__all__ = [
    "Geometry",
    "MapWords",
    "Marker",
    "drawn_border_length_km",
    "parse_geometry",
    "map_layout",
    "render_locator",
    "render_map",
    "resolve_frame",
]
