"""The opening of each mark on a timeline strip: its link, label and tooltip. A mark is drawn at three
widths on its page and the same event on many pages, so each opening is rendered once per link."""

from __future__ import annotations

from collections.abc import Mapping

import jinja2
from markupsafe import Markup

from ...model import Event
from ...text import clean_text
from .layout import Mark


class MarkOpenings:
    """`mark_open(mark, href, listed)` in templates: the <a> that opens a mark, with its <title>; `listed`:
    its events are listed on the same page (so the timeline's filter can dim the mark: data-x-mark)."""

    def __init__(self, env: jinja2.Environment, events: Mapping[str, Event]) -> None:
        self.events = events
        self._template = env.get_template("_mark.svg.j2")
        self._done: dict[tuple[tuple[str, ...], str, str, bool], Markup] = {}

    def __call__(self, mark: Mark, href: str, listed: bool = True) -> Markup:
        key = (mark.ids, mark.label, href, listed)
        hit = self._done.get(key)
        if hit is None:
            label, more = self.text(mark)
            hit = self._done[key] = Markup(
                self._template.render(mark=mark, href=href, label=label, more=more, listed=listed)
            )
        return hit

    def text(self, mark: Mark) -> tuple[str, tuple[str, ...]]:
        """The mark's label, and for a cluster the first titles it holds (one tooltip line each)."""
        if mark.cluster:
            n = len(mark.ids)
            more = tuple(f"· {clean_text(self.events[i].title)}" for i in mark.ids[:8])
            return f"{n} events, {mark.label}", more + ((f"and {n - 8} more",) if n > 8 else ())
        e = self.events[mark.ids[0]]
        return f"{e.display_date or mark.label}: {clean_text(e.title)}", ()
