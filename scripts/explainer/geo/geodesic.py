"""Lengths on the WGS84 ellipsoid (geographiclib)."""

from __future__ import annotations

from collections.abc import Sequence

from geographiclib.geodesic import Geodesic


def line_length_km(coords: Sequence[tuple[float, float]]) -> float:
    """Sum of geodesic segment lengths of a line given as (lon, lat) pairs, in kilometres."""
    wgs84 = Geodesic.WGS84
    metres = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(coords, coords[1:]):
        metres += float(wgs84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"])
    return metres / 1000.0
