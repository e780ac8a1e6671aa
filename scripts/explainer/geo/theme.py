"""Colours and sizes of the map, in one place. Sizes are SVG units at the map's nominal width.

Text is near-black on a white halo (contrast 15:1 or more whatever lies beneath); fills are light
so the halo'd text reads on them too. The site's CSS may restyle the classes; these values are
written as presentation attributes so the SVG also looks right unstyled.
"""

from __future__ import annotations

from dataclasses import dataclass

SEA = "#dce9f2"
NEIGHBOUR_FILL = "#e4e4e1"
FOCUS_FILLS = ("#f2dfae", "#cfe5d3", "#d9d3ee", "#f5cfc6")  # one per focus country, in file order
OUTLINE = "#ffffff"
BORDER = "#b3261e"  # the highlighted border; white casing beneath it
TEXT = "#1c1c1c"  # 17:1 on white
MUTED_TEXT = "#4a4a4a"  # neighbour names: 8.9:1 on white
HALO = "#ffffff"
INK = "#1c1c1c"  # marker outlines and leader lines
SYMBOL_FILLS = {"city": "#1c1c1c", "checkpoint": "#f0b429", "site": "#7b3fa0", "region": "#ffffff"}
KIND_LABELS = {"city": "City", "checkpoint": "Checkpoint", "site": "Site", "region": "Region"}
KINDS = tuple(KIND_LABELS)
LABEL_PRIORITY = {"city": 0, "site": 1, "region": 2, "checkpoint": 3}

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
LABEL_FONT = 13.0
COUNTRY_FONT = 13.0
FOCUS_COUNTRY_FONT = 15.0
LEGEND_FONT = 12.5
SMALL_FONT = 10.5
NAME_SPACING = 0.08  # letter-spacing of country names, in em
BOLD_EXTRA = 0.07  # bold glyphs are about this much wider than regular ones, in em per character
SYMBOL_RADIUS = 5.0
EDGE = 8.0  # keep annotations this far from the viewBox edge


@dataclass(frozen=True)
class Variant:
    """A set of annotation sizes for one range of screen widths, switched by a CSS media query."""

    name: str  # w | m | n
    scale: float  # multiplies every font and symbol size
    max_viewport: int | None  # CSS px; None for the default variant


def variants_for(width: float) -> tuple[Variant, ...]:
    """The default variant, plus larger ones for screens on which the map shows much smaller.

    Aims at about 12 px text when the map is shown about 600 px wide (tablets, small windows) and
    about 360 px wide (phones); a variant that would not grow the text by 15 % or more is left out.
    """
    out = [Variant("w", 1.0, None)]
    for name, shown_px, max_viewport in (("m", 600.0, 640), ("n", 360.0, 440)):
        scale = round(12.0 * width / shown_px / LABEL_FONT, 2)
        if scale >= 1.15 * out[-1].scale:
            out.append(Variant(name, scale, max_viewport))
    return tuple(out)
