"""Draw a laid-out timeline strip (timeline.Strip) as inline SVG, with `_strip.svg.j2`.

A page draws each strip at three widths, and every actor, place, term and timeline page has one or two
strips: at 1,000 events that is over a thousand drawings of a few dozen marks each. Drawn by a plain
template (not a macro) with autoescape off for the geometry, which is numbers, they cost about a fifth
of what the autoescaped macro did; every text still goes through `| e` in the template."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import jinja2
from markupsafe import Markup

from .layout import Mark, Strip
from .marks import MarkOpenings


class StripDrawer:
    """`strip_svg(strip, where, link)` in templates; `where`: event id -> the page that lists it, when not
    the page drawing the strip (a timeline split into pages), else marks lead to anchors on this page."""

    def __init__(self, env: jinja2.Environment, openings: MarkOpenings, keep: Callable[[str], Markup] = Markup) -> None:
        self._template = env.get_template("_strip.svg.j2")
        self._openings = openings
        self._keep = keep  # stash.Stash.keep: the drawing stays out of the page's Markdown

    def __call__(self, strip: Strip, where: Mapping[str, str] | None, link: Callable[..., str]) -> Markup:
        openings = self._openings

        def opening(mk: Mark) -> Markup:
            first = mk.ids[0]
            return openings(mk, link(where[first], first), False) if where else openings(mk, "#" + first)

        return self._keep(self._template.render(s=strip, opening=opening))
