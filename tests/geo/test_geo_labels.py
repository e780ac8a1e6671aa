"""Label placement: nothing overlaps, labels stay inside, the result does not depend on chance."""
from __future__ import annotations

import itertools

import pytest

from explainer.geo.labels import Box, LabelRequest, place_labels, text_box, text_width

pytestmark = pytest.mark.filterwarnings("error")
BOUNDS = Box(0, 0, 400, 300)


def test_text_box_follows_the_anchor() -> None:
    width = text_width("Kyiv", 10)
    assert 15 < width < 30
    start, middle, end = (text_box("Kyiv", 100, 50, 10, a) for a in ("start", "middle", "end"))
    assert start.x0 < 100 < start.x1 and start.x1 - 100 == pytest.approx(width, abs=2)
    assert middle.x0 + middle.x1 == pytest.approx(200)
    assert end.x1 > 100 > end.x0 and 100 - end.x0 == pytest.approx(width, abs=2)
    assert start.y0 < 50 < start.y1
    assert text_width("Mm", 10) > text_width("il", 10)  # wide letters count as wide


def test_labels_never_overlap_each_other_markers_or_obstacles() -> None:
    requests = [LabelRequest(str(i), f"Place {i}", 120 + (i % 5) * 30, 100 + (i // 5) * 25, 5) for i in range(20)]
    obstacle = Box(150, 20, 250, 60)
    placed = place_labels(requests, font_size=11, bounds=BOUNDS, obstacles=[obstacle])
    assert placed, "some labels fit"
    assert len(placed) < len(requests), "a cluster this dense cannot take every label"
    for a, b in itertools.combinations(placed, 2):
        assert not a.box.overlaps(b.box), (a.text, b.text)
    for p in placed:
        assert p.box.within(BOUNDS) and not p.box.overlaps(obstacle)
        assert not any(p.box.overlaps(Box.around(r.x, r.y, r.radius)) for r in requests)


def test_lone_marker_gets_its_label_on_the_right() -> None:
    (only,) = place_labels([LabelRequest("a", "Minsk", 100, 100, 5)], font_size=12, bounds=BOUNDS)
    assert only.anchor == "start" and only.x > 105 and only.leader is None


def test_edge_marker_label_goes_to_the_left_and_impossible_ones_are_dropped() -> None:
    (edge,) = place_labels([LabelRequest("a", "Edge", 395, 150, 4)], font_size=12, bounds=BOUNDS)
    assert edge.anchor == "end"
    assert place_labels([LabelRequest("a", "Far too long a name for this box", 50, 50, 4)],
                        font_size=12, bounds=Box(0, 0, 100, 100)) == ()


def test_crowded_label_uses_a_leader_line() -> None:
    ring = [LabelRequest(f"n{i}", "N", 200 + dx * 11, 150 + dy * 11, 4)
            for i, (dx, dy) in enumerate([(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)])]
    placed = place_labels([LabelRequest("c", "Centre", 200, 150, 4), *ring], font_size=10, bounds=BOUNDS)
    centre = next(p for p in placed if p.key == "c")
    assert centre.leader is not None
    x0, y0, x1, y1 = centre.leader
    assert abs(x0 - 200) <= 4.01 and abs(y0 - 150) <= 4.01  # starts at the symbol's edge
    for a, b in itertools.combinations(placed, 2):
        assert not a.box.overlaps(b.box)


def test_placement_is_deterministic() -> None:
    requests = [LabelRequest(str(i), f"P{i}", 50 + (i * 37) % 300, 40 + (i * 53) % 220, 4) for i in range(40)]
    first = place_labels(requests, font_size=11, bounds=BOUNDS)
    assert first == place_labels(list(requests), font_size=11, bounds=BOUNDS)
