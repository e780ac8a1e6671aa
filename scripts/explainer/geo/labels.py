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
DEFAULT_ADVANCE = 0.66  # characters not in the table (accented capitals, other scripts, symbols)
# Cyrillic as Ukrainian, Belarusian and Russian write it: the wide letters (Ж, Ш, Щ, Ю, ж, ш, щ, ю, ф) are far
# wider than the default, so a legend or a country name in these languages needs its own widths to fit its box.
_CYRILLIC = {
    "А": 0.684, "Б": 0.686, "В": 0.686, "Г": 0.61, "Ґ": 0.61, "Д": 0.781, "Е": 0.632, "Є": 0.698, "Ё": 0.632,
    "Ж": 1.077, "З": 0.641, "И": 0.748, "І": 0.295, "Ї": 0.295, "Й": 0.748, "К": 0.71, "Л": 0.752, "М": 0.863,
    "Н": 0.752, "О": 0.787, "П": 0.752, "Р": 0.603, "С": 0.698, "Т": 0.611, "У": 0.609, "Ў": 0.609, "Ф": 0.861,
    "Х": 0.685, "Ц": 0.776, "Ч": 0.686, "Ш": 1.069, "Щ": 1.094, "Ъ": 0.833, "Ы": 0.882, "Ь": 0.686, "Э": 0.698,
    "Ю": 1.08, "Я": 0.695,
    "а": 0.613, "б": 0.617, "в": 0.589, "г": 0.525, "ґ": 0.525, "д": 0.691, "е": 0.615, "є": 0.549, "ё": 0.615,
    "ж": 0.901, "з": 0.532, "и": 0.65, "і": 0.278, "ї": 0.278, "й": 0.65, "к": 0.604, "л": 0.639, "м": 0.754,
    "н": 0.654, "о": 0.612, "п": 0.654, "р": 0.635, "с": 0.55, "т": 0.583, "у": 0.592, "ў": 0.592, "ф": 0.855,
    "х": 0.592, "ц": 0.681, "ч": 0.591, "ш": 0.915, "щ": 0.942, "ъ": 0.707, "ы": 0.79, "ь": 0.589, "э": 0.549,
    "ю": 0.842, "я": 0.602,
    "ʼ": 0.318, "«": 0.612, "»": 0.612,
}  # fmt: skip
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
    **_CYRILLIC,
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
