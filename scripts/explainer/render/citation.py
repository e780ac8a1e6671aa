"""'Cite this page' for an event page: a plain citation and the page's JSON-LD (from render/meta.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate, format_range
from ..model import Event
from ..text import end_sentence
from ..urls import Site
from .meta import json_ld


@dataclass(frozen=True)
class PageCitation:
    text: str  # plain text, without the address
    url: str  # the page's public address, or '' without site_url
    json_ld: str  # indented JSON, shown as text (escaped by the template)


DateRange = Callable[[PartialDate, "PartialDate | None", bool], str]


def cite_event(e: Event, site: Site, node: Mapping[str, Any], dates: DateRange = format_range) -> PageCitation:
    """`dates`: writes the event's dates in the edition's language (render/calendar.py's `range`)."""
    when = end_sentence(e.display_date or dates(e.date, e.end, e.approximate))  # "2 груд. 2020 р." keeps its one
    text = " ".join(part for part in (f"“{end_sentence(e.title)}”", f"{site.name}," if site.name else "", when) if part)
    url = site.page(f"events/{e.id}.md")
    return PageCitation(text, url, json.dumps(json_ld(node, url), ensure_ascii=False, indent=2))
