"""Lambert conformal conic projection (spherical) and fitting a lon/lat frame to an SVG viewBox.

Projected units are kilometres on a sphere of the mean Earth radius; SVG units are the projected
kilometres times a scale, with y pointing down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

EARTH_RADIUS_KM = 6371.0088
Frame = tuple[float, float, float, float]  # west, south, east, north (degrees)
_QUARTER = math.pi / 4.0


def _t(lat: float) -> float:
    return math.tan(_QUARTER + math.radians(lat) / 2.0)


@dataclass(frozen=True)
class LambertConformalConic:
    """Snyder's spherical LCC: central meridian lon0, origin lat0, standard parallels lat1, lat2."""

    lon0: float
    lat0: float
    lat1: float
    lat2: float
    radius: float = EARTH_RADIUS_KM
    n: float = field(init=False, repr=False)
    f: float = field(init=False, repr=False)
    rho0: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        c1, c2 = math.cos(math.radians(self.lat1)), math.cos(math.radians(self.lat2))
        if math.isclose(self.lat1, self.lat2):
            n = math.sin(math.radians(self.lat1))
        else:
            n = math.log(c1 / c2) / math.log(_t(self.lat2) / _t(self.lat1))
        if abs(n) < 1e-4:  # parallels symmetric about the equator: the cone flattens towards Mercator
            n = math.copysign(1e-4, n) if n else 1e-4
        f = c1 * float(_t(self.lat1) ** n) / n
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "f", f)
        object.__setattr__(self, "rho0", self._rho(self.lat0))

    @classmethod
    def for_frame(cls, frame: Frame) -> LambertConformalConic:
        """Standard parallels at 1/6 and 5/6 of the frame's latitude span, centred on the frame."""
        west, south, east, north = frame
        span = north - south
        return cls(
            lon0=(west + east) / 2.0, lat0=(south + north) / 2.0, lat1=south + span / 6.0, lat2=south + 5.0 * span / 6.0
        )

    def _rho(self, lat: float) -> float:
        return self.radius * self.f / float(_t(lat) ** self.n)

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        rho = self._rho(lat)
        theta = self.n * math.radians(lon - self.lon0)
        return rho * math.sin(theta), self.rho0 - rho * math.cos(theta)

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        dy = self.rho0 - y
        rho = math.copysign(math.hypot(x, dy), self.n)
        theta = math.atan2(x, dy) if self.n > 0 else math.atan2(-x, -dy)
        lat = 2.0 * math.atan(float((self.radius * self.f / rho) ** (1.0 / self.n))) - math.pi / 2.0
        return self.lon0 + math.degrees(theta / self.n), math.degrees(lat)

    def scale_factor(self, lat: float) -> float:
        """Map scale over true scale at a latitude (1 on the standard parallels)."""
        return self.n * self._rho(lat) / (self.radius * math.cos(math.radians(lat)))


@dataclass(frozen=True)
class Viewport:
    """A projection fitted to a viewBox of width x height SVG units."""

    projection: LambertConformalConic
    scale: float  # SVG units per projected km
    x_min: float  # projected x at SVG x = 0
    y_max: float  # projected y at SVG y = 0
    width: float
    height: float

    def to_svg(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.projection.forward(lon, lat)
        return (x - self.x_min) * self.scale, (self.y_max - y) * self.scale

    def from_svg(self, sx: float, sy: float) -> tuple[float, float]:
        return self.projection.inverse(sx / self.scale + self.x_min, self.y_max - sy / self.scale)

    def km_per_unit(self, lat: float) -> float:
        """Ground kilometres per SVG unit along a parallel at this latitude."""
        return 1.0 / (self.scale * self.projection.scale_factor(lat))


def fit_viewport(frame: Frame, width: float, samples: int = 24) -> Viewport:
    """Project the frame's outline and scale its bounding box to the width, keeping aspect ratio."""
    west, south, east, north = frame
    if not (west < east and south < north):
        raise ValueError(f"frame must be west < east and south < north, got {frame}")
    projection = LambertConformalConic.for_frame(frame)
    outline = []
    for i in range(samples + 1):
        lon = west + (east - west) * i / samples
        lat = south + (north - south) * i / samples
        outline += [(lon, south), (lon, north), (west, lat), (east, lat)]
    xy = [projection.forward(lon, lat) for lon, lat in outline]
    x_min, x_max = min(p[0] for p in xy), max(p[0] for p in xy)
    y_min, y_max = min(p[1] for p in xy), max(p[1] for p in xy)
    scale = width / (x_max - x_min)
    height = float(math.ceil((y_max - y_min) * scale))
    return Viewport(projection, scale, x_min, y_max, float(width), height)
