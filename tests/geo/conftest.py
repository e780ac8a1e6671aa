"""Shared fixtures for the map tests: the committed geometry and the flagship set of places."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:  # the suite is run with PYTHONPATH=scripts; be forgiving
    sys.path.insert(0, str(ROOT / "scripts"))

from explainer.geo.geometry import Geometry, parse_geometry  # noqa: E402
from explainer.geo.svgmap import Marker  # noqa: E402

GEOJSON = ROOT / "docs" / "maps" / "belarus-ukraine.geojson"

# (id, name, kind, lat, lon, approximate): GeoNames coordinates; checkpoints are approximate.
FLAGSHIP = [
    ("kyiv", "Kyiv", "city", 50.4547, 30.5238, False), ("lviv", "Lviv", "city", 49.8383, 24.0232, False),
    ("minsk", "Minsk", "city", 53.9002, 27.5665, False), ("warsaw", "Warsaw", "city", 52.2298, 21.0118, False),
    ("gomel", "Gomel", "city", 52.4345, 30.9754, False), ("brest", "Brest", "city", 52.1089, 23.7175, False),
    ("chernihiv", "Chernihiv", "city", 51.5054, 31.2866, False),
    ("zhytomyr", "Zhytomyr", "city", 50.2624, 28.6791, False), ("rivne", "Rivne", "city", 50.6204, 26.2370, False),
    ("lutsk", "Lutsk", "city", 50.7578, 25.3502, False), ("mozyr", "Mozyr", "city", 52.0416, 29.2163, False),
    ("pinsk", "Pinsk", "city", 52.1215, 26.0673, False),
    ("chornobyl", "Chornobyl", "city", 51.2701, 30.2197, False),
    ("slavutych", "Slavutych", "city", 51.5225, 30.7181, False),
    ("domanove", "Domanove", "checkpoint", 51.80, 24.33, True),
    ("dolsk", "Dolsk", "checkpoint", 51.90, 25.52, True),
    ("vystupovychi", "Vystupovychi", "checkpoint", 51.56, 29.08, True),
    ("vilcha", "Vilcha", "checkpoint", 51.36, 29.43, True),
    ("komarin", "Komarin", "checkpoint", 51.44, 30.57, True),
    ("novi-yarylovychi", "Novi Yarylovychi", "checkpoint", 52.07, 30.97, True),
    ("senkivka", "Senkivka", "checkpoint", 52.08, 31.78, True),
    ("three-sisters", "Three Sisters tripoint", "site", 52.1119, 31.7817, False),
    ("pl-by-ua-tripoint", "Poland–Belarus–Ukraine tripoint", "site", 51.508, 23.618, False),
]


@pytest.fixture(scope="session")
def geometry() -> Geometry:
    return parse_geometry(json.loads(GEOJSON.read_text(encoding="utf-8")), str(GEOJSON))


@pytest.fixture(scope="session")
def flagship() -> list[Marker]:
    return [Marker(i, n, k, la, lo, f"../places/{i}/", a) for i, n, k, la, lo, a in FLAGSHIP]


@pytest.fixture(scope="session")
def geojson_path() -> Path:
    return GEOJSON


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def synthetic() -> list[Marker]:
    """35 markers spread over the frame on a scrambled grid, every kind, some approximate."""
    kinds = ("city", "checkpoint", "site", "region")
    out = []
    for i in range(35):
        lat = 48.0 + (i * 7 % 17) / 17.0 * 8.0
        lon = 22.0 + (i * 11 % 23) / 23.0 * 12.0
        out.append(Marker(f"p{i}", f"Place number {i}", kinds[i % 4], lat, lon, f"../places/p{i}/", i % 3 == 0))
    return out
