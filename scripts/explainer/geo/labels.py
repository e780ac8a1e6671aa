"""Greedy, deterministic placement of marker labels that overlap nothing.

Text size is estimated, not measured: each character's advance is looked up in a small table of
DejaVu Sans widths (a wide, common fallback font, so the estimate errs on the large side) and
multiplied by the font size. Each label tries positions around its marker at growing gaps, then
positions a little farther out joined by a short leader line, and is dropped when none is free.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

ASCENT, DESCENT = 0.85, 0.3  # box above and below the baseline, as fractions of the font size
HALO = 1.5  # the white outline drawn around text, in SVG units
DEFAULT_ADVANCE = 0.66  # characters not in the table (Cyrillic, accented capitals, symbols)
_ADVANCES = {
    **dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            (
                0.613,
                0.635,
                0.55,
                0.635,
                0.615,
                0.352,
                0.635,
                0.634,
                0.278,
                0.278,
                0.579,
                0.278,
                0.974,
                0.634,
                0.612,
                0.635,
                0.635,
                0.411,
                0.521,
                0.392,
                0.634,
                0.592,
                0.818,
                0.592,
                0.592,
                0.525,
            ),
        )
    ),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (
                0.684,
                0.686,
                0.698,
                0.77,
                0.632,
                0.575,
                0.775,
                0.752,
                0.295,
                0.295,
                0.656,
                0.557,
                0.863,
                0.748,
                0.787,
                0.603,
                0.787,
                0.695,
                0.635,
                0.611,
                0.732,
                0.684,
                0.989,
                0.685,
                0.611,
                0.685,
            ),
        )
    ),
    **dict.fromkeys("0123456789", 0.636),
    " ": 0.318,
    "-": 0.361,
    "–": 0.5,
    "—": 1.0,
    ".": 0.318,
    ",": 0.318,
    "'": 0.275,
    "’": 0.318,
    "(": 0.39,
    ")": 0.39,
    "/": 0.337,
    "&": 0.78,
}


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def within(self, other: Box) -> bool:
        return self.x0 >= other.x0 and self.y0 >= other.y0 and self.x1 <= other.x1 and self.y1 <= other.y1

    @staticmethod
    def around(x: float, y: float, radius: float) -> Box:
        return Box(x - radius, y - radius, x + radius, y + radius)


def text_width(text: str, font_size: float, letter_spacing: float = 0.0) -> float:
    """Estimated advance of text; letter_spacing in em is added after every character."""
    return sum(_ADVANCES.get(c, DEFAULT_ADVANCE) + letter_spacing for c in text) * font_size


def text_box(text: str, x: float, y: float, font_size: float, anchor: str, letter_spacing: float = 0.0) -> Box:
    """The estimated box of text drawn at baseline point (x, y) with an SVG text-anchor."""
    width = text_width(text, font_size, letter_spacing)
    left = x if anchor == "start" else x - width / 2.0 if anchor == "middle" else x - width
    return Box(left - HALO, y - ASCENT * font_size - HALO, left + width + HALO, y + DESCENT * font_size + HALO)


@dataclass(frozen=True)
class LabelRequest:
    key: str
    text: str
    x: float
    y: float
    radius: float  # half the size of the marker's symbol


@dataclass(frozen=True)
class Placement:
    key: str
    text: str
    x: float  # baseline anchor point
    y: float
    anchor: str  # SVG text-anchor: start | middle | end
    box: Box
    leader: tuple[float, float, float, float] | None = None  # from the marker's edge to the text


# Directions, tried in this order: right, left, above, below, then the diagonals.
_DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))


def _candidate(req: LabelRequest, dx: int, dy: int, gap: float, font_size: float) -> tuple[float, float, str]:
    """Baseline point and anchor for text set `gap` beyond the symbol in direction (dx, dy)."""
    reach = req.radius + gap
    anchor = "start" if dx > 0 else "end" if dx < 0 else "middle"
    x = req.x + dx * reach
    mid = (ASCENT - DESCENT) / 2.0 * font_size  # baseline offset that centres the text vertically
    if dy < 0:
        y = req.y - reach - DESCENT * font_size
    elif dy > 0:
        y = req.y + reach + ASCENT * font_size
    else:
        y = req.y + mid
    return x, y, anchor


def _segment_boxes(x0: float, y0: float, x1: float, y1: float) -> list[Box]:
    steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 3.0))
    return [Box.around(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, 0.75) for i in range(steps + 1)]


def place_labels(
    requests: Sequence[LabelRequest], *, font_size: float, bounds: Box, obstacles: Sequence[Box] = ()
) -> tuple[Placement, ...]:
    """Place labels in the given order (most important first); the ones that cannot fit are left out."""
    symbols = [Box.around(r.x, r.y, r.radius) for r in requests]
    occupied = list(obstacles) + symbols
    crossing = list(obstacles)  # what a leader line may not cross: other symbols are fine
    placed: list[Placement] = []
    near = (0.25 * font_size, 0.6 * font_size)
    far = (1.5 * font_size, 2.5 * font_size)  # longer leaders read as pointing at the wrong place
    for req in requests:
        choice: Placement | None = None
        for gap, leader in [(g, False) for g in near] + [(g, True) for g in far]:
            for dx, dy in _DIRECTIONS:
                x, y, anchor = _candidate(req, dx, dy, gap, font_size)
                box = text_box(req.text, x, y, font_size, anchor)
                if not box.within(bounds) or any(box.overlaps(o) for o in occupied):
                    continue
                line = None
                if leader:
                    norm = math.hypot(dx, dy)
                    sx, sy = req.x + dx / norm * req.radius, req.y + dy / norm * req.radius
                    ex, ey = req.x + dx * (req.radius + gap * 0.8), req.y + dy * (req.radius + gap * 0.8)
                    segment = _segment_boxes(sx + dx / norm, sy + dy / norm, ex, ey)
                    if any(s.overlaps(o) for s in segment for o in crossing):
                        continue
                    line = (sx, sy, ex, ey)
                choice = Placement(req.key, req.text, x, y, anchor, box, line)
                break
            if choice is not None:
                break
        if choice is None:
            continue
        placed.append(choice)
        occupied.append(choice.box)
        crossing.append(choice.box)
        if choice.leader is not None:
            occupied.extend(_segment_boxes(*choice.leader))
            crossing.extend(_segment_boxes(*choice.leader))
    return tuple(placed)
