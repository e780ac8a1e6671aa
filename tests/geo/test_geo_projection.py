from __future__ import annotations

import itertools

import pytest

from explainer.geo.projection import LambertConformalConic, fit_viewport

pytestmark = pytest.mark.filterwarnings("error")
FRAME = (21.5, 47.5, 34.5, 56.5)


def grid(frame: tuple[float, float, float, float], steps: int = 20) -> list[tuple[float, float]]:
    west, south, east, north = frame
    return [(west + (east - west) * i / steps, south + (north - south) * j / steps)
            for i, j in itertools.product(range(steps + 1), repeat=2)]


def test_standard_parallels_from_the_frame() -> None:
    p = LambertConformalConic.for_frame(FRAME)
    assert (p.lon0, p.lat1, p.lat2) == (28.0, 49.0, 55.0)
    assert p.scale_factor(49.0) == pytest.approx(1.0, abs=1e-12)
    assert p.scale_factor(55.0) == pytest.approx(1.0, abs=1e-12)
    assert 0.998 < p.scale_factor(52.0) < 1.0  # smaller between the standard parallels


def test_forward_inverse_round_trip_over_the_frame() -> None:
    p = LambertConformalConic.for_frame(FRAME)
    for lon, lat in grid(FRAME):
        back = p.inverse(*p.forward(lon, lat))
        assert back == pytest.approx((lon, lat), abs=1e-6)


def test_tangent_cone_and_southern_hemisphere_round_trip() -> None:
    for p in (LambertConformalConic(10.0, 45.0, 45.0, 45.0), LambertConformalConic(-60.0, -30.0, -20.0, -40.0)):
        for lon, lat in grid((p.lon0 - 8, p.lat0 - 6, p.lon0 + 8, p.lat0 + 6), 8):
            assert p.inverse(*p.forward(lon, lat)) == pytest.approx((lon, lat), abs=1e-6)


def test_viewport_fits_width_and_keeps_aspect_ratio() -> None:
    vp = fit_viewport(FRAME, 800)
    assert vp.width == 800
    xs, ys = zip(*(vp.to_svg(lon, lat) for lon, lat in grid(FRAME)))
    assert min(xs) == pytest.approx(0.0, abs=1e-9) and max(xs) == pytest.approx(800.0, abs=1e-9)
    assert min(ys) == pytest.approx(0.0, abs=1e-9) and vp.height - 1 < max(ys) <= vp.height
    # aspect: 1 SVG unit is the same ground distance across and down at the centre
    x0, y0 = vp.to_svg(28.0, 52.0)
    east, north = vp.to_svg(28.0 + 0.01, 52.0), vp.to_svg(28.0, 52.01)
    across = (east[0] - x0) / (0.01 * 111.195 * 0.6157)  # cos 52 deg
    down = (y0 - north[1]) / (0.01 * 111.195)
    assert across == pytest.approx(down, rel=2e-3)
    assert vp.from_svg(x0, y0) == pytest.approx((28.0, 52.0), abs=1e-9)
    assert fit_viewport(FRAME, 240).height == pytest.approx(vp.height * 240 / 800, abs=1.0)


def test_bad_frame_is_refused() -> None:
    with pytest.raises(ValueError, match="west < east"):
        fit_viewport((30.0, 47.5, 21.5, 56.5), 800)


def test_frame_centred_on_the_equator_projects() -> None:
    from explainer.geo.projection import LambertConformalConic

    proj = LambertConformalConic.for_frame((-1.0, -1.0, 1.0, 1.0))
    for lon, lat in ((0.0, 0.0), (0.5, -0.5), (-1.0, 1.0)):
        x, y = proj.forward(lon, lat)
        back = proj.inverse(x, y)
        assert abs(back[0] - lon) < 1e-6 and abs(back[1] - lat) < 1e-6
