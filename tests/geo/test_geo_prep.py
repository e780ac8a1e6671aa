"""Data prep: TopoJSON decoding, clipping, simplifying, label points, and a reproducible output file."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.geo.clip import clip_ring, ring_area
from explainer.geo.polylabel import polylabel, signed_distance
from explainer.geo.simplify import simplify
from explainer.geo.topojson import decode_arcs, polygon_features, stitch

pytestmark = pytest.mark.filterwarnings("error")

# Two unit squares side by side sharing the arc x=1; quantized with scale 0.5 and translate (10, 20).
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [
        [[2, 0], [0, 2]],                      # 0: shared edge (11,20) -> (11,21)
        [[2, 2], [-2, 0], [0, -2], [2, 0]],    # 1: left square's other edges (11,21)->(10,21)->(10,20)->(11,20)
        [[2, 0], [2, 0], [0, 2], [-2, 0]],     # 2: right square's other edges (11,20)->(12,20)->(12,21)->(11,21)
    ],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "1", "properties": {"name": "Left"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": "2", "properties": {"name": "Right"}, "arcs": [[[2, -1]]]},
        {"type": None},
    ]}},
}


def test_arcs_are_delta_decoded_with_the_transform() -> None:
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == ((11.0, 20.0), (11.0, 21.0))
    assert arcs[2] == ((11.0, 20.0), (12.0, 20.0), (12.0, 21.0), (11.0, 21.0))


def test_rings_stitch_shared_arcs_in_either_direction() -> None:
    arcs = decode_arcs(TOPOLOGY)
    left, right = polygon_features(TOPOLOGY, "countries")
    assert (left.id, left.name, right.name) == ("1", "Left", "Right")
    assert stitch(arcs, left.polygons[0][0]) == ((11, 20), (11, 21), (10, 21), (10, 20), (11, 20))
    assert stitch(arcs, right.polygons[0][0]) == ((11, 20), (12, 20), (12, 21), (11, 21), (11, 20))
    assert left.arc_indices() & right.arc_indices() == {0}


def test_sutherland_hodgman_clips_to_the_rectangle() -> None:
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    assert sorted(clip_ring(square, (1.0, 1.0, 2.0, 3.0))) == [(1.0, 1.0), (1.0, 3.0), (2.0, 1.0), (2.0, 3.0)]
    assert clip_ring(square, (5.0, 5.0, 6.0, 6.0)) == []
    assert ring_area(clip_ring(square, (-1.0, -1.0, 9.0, 9.0))) == 16.0
    triangle = [(0.0, 0.0), (4.0, 0.0), (0.0, 4.0)]
    assert ring_area(clip_ring(triangle, (0.0, 0.0, 2.0, 2.0))) == pytest.approx(4.0)


def test_douglas_peucker_keeps_ends_and_real_corners() -> None:
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 2.0), (4.0, 0.0)]
    assert simplify(line, 0.1) == [(0.0, 0.0), (2.0, 0.0), (3.0, 2.0), (4.0, 0.0)]
    assert simplify(line, 0.0) == line


def test_pole_of_inaccessibility_is_inside_a_concave_shape() -> None:
    u_shape = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (8.0, 10.0), (8.0, 2.0), (2.0, 2.0), (2.0, 10.0),
               (0.0, 10.0), (0.0, 0.0)]
    x, y = polylabel([u_shape], precision=0.01)
    assert signed_distance(x, y, [u_shape]) > 0.9  # the centroid (5, 4.4) would be outside
    assert polylabel([[(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]]) == pytest.approx((2.0, 2.0))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed: cannot fetch world-atlas")
def test_prep_is_reproducible_and_matches_the_committed_file(tmp_path: Path, repo_root: Path,
                                                             geojson_path: Path) -> None:
    outputs = []
    for name in ("a.geojson", "b.geojson"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(repo_root / "scripts" / "prep_geometry.py"), "--out", str(out)],
                       check=True, capture_output=True, timeout=300)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] == geojson_path.read_bytes(), "docs/maps is stale: rerun scripts/prep_geometry.py"
