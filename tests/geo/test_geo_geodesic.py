"""Border length as drawn: geographiclib on WGS84 against a haversine sum written here."""
from __future__ import annotations

import math

import pytest

from explainer.geo.geodesic import line_length_km
from explainer.geo.geometry import Geometry
from explainer.geo.svgmap import drawn_border_length_km

pytestmark = pytest.mark.filterwarnings("error")
MEAN_EARTH_RADIUS_KM = 6371.0088


def haversine_km(coords: list[tuple[float, float]]) -> float:
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(coords, coords[1:]):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * MEAN_EARTH_RADIUS_KM * math.asin(math.sqrt(a))
    return total


def test_drawn_border_length_matches_an_independent_computation(geometry: Geometry) -> None:
    drawn = drawn_border_length_km(geometry, "belarus-ukraine")
    independent = haversine_km(list(geometry.border("belarus-ukraine").coords))
    assert drawn == pytest.approx(independent, rel=0.005)
    assert drawn == pytest.approx(863.0, abs=1.0)  # Natural Earth 10m; the surveyed border is ~1,084 km


def test_unknown_border_names_the_known_ones(geometry: Geometry) -> None:
    with pytest.raises(KeyError, match="belarus-ukraine"):
        drawn_border_length_km(geometry, "belarus-russia")


def test_line_length_known_values() -> None:
    assert line_length_km([]) == 0.0
    assert line_length_km([(30.0, 50.0)]) == 0.0
    assert line_length_km([(0.0, 0.0), (1.0, 0.0)]) == pytest.approx(111.3195, abs=1e-4)  # equator, WGS84
    assert line_length_km([(0.0, 0.0), (0.5, 0.0), (1.0, 0.0)]) == pytest.approx(111.3195, abs=1e-4)
