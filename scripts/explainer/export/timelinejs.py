"""Each timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html), so the same
data opens in TimelineJS. Headlines and texts are HTML there: titles are escaped, summaries sanitised."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from ..dates import PartialDate, format_range
from ..kept import Kept
from ..model import Era, Event, Explainer
from ..prose import Prose
from ..urls import ALL_EVENTS_JSON, json_path, page_url
from .common import dumps, encode_json, encode_with


def date_object(d: PartialDate, display: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"year": d.year}
    if d.month:
        out["month"] = d.month
    if d.day:
        out["day"] = d.day
    if display:
        out["display_date"] = display
    return out


def _text(summary: str, prose: Prose) -> str:
    return str(prose.html(summary, resolve=lambda _path: None))  # links to pages mean nothing there


def slide(e: Event, site_url: str = "", directory_urls: bool = True, prose: Prose | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"unique_id": e.id, "start_date": date_object(e.date)}
    if e.end and e.end != e.date:
        out["end_date"] = date_object(e.end)
    out["display_date"] = e.display_date or format_range(e.date, e.end, e.approximate)
    text = _text(e.summary, prose or Prose())
    if site_url.startswith(("https://", "http://")):
        href = site_url.rstrip("/") + "/" + page_url(f"events/{e.id}.md", directory_urls)
        text += f'<p><a href="{html.escape(href)}">Read more</a></p>'
    out["text"] = {"headline": html.escape(e.title), "text": text}
    if e.tags:
        out["group"] = e.tags[0]
    return out


def era(x: Era) -> dict[str, Any]:
    return {
        "start_date": date_object(x.start),
        "end_date": date_object(x.end),
        "text": {"headline": html.escape(x.title)},
    }


def timelinejs(
    title: str,
    summary: str,
    events: Sequence[Event],
    eras: Sequence[Era] = (),
    site_url: str = "",
    directory_urls: bool = True,
) -> dict[str, Any]:
    """The TimelineJS document; with `site_url`, each event links to its page on the site."""
    prose = Prose()
    heading = {"headline": html.escape(title), "text": _text(summary, prose) if summary else ""}
    doc: dict[str, Any] = {
        "title": {"text": heading},
        "events": [slide(e, site_url, directory_urls, prose) for e in events],
    }
    if eras:
        doc["eras"] = [era(x) for x in eras]
    return doc


def encode(doc: dict[str, Any]) -> bytes:
    return encode_json(doc)


def timeline_makers(
    model: Explainer, site_name: str = "", site_url: str = "", directory_urls: bool = True, kept: Kept | None = None
) -> list[tuple[str, Callable[[], bytes]]]:
    """(site path, the call that makes it) of every timeline's JSON, and of one of all events; `kept`: each
    event's slide as an earlier build encoded it, if the event is the same."""
    prose = Prose()

    def encoded(e: Event) -> str:
        return dumps(slide(e, site_url, directory_urls, prose))

    def slides(events: list[Event]) -> Iterator[str]:
        for e in events:
            yield kept.piece("slide", e, partial(encoded, e), site_url, directory_urls) if kept else encoded(e)

    def make(title: str, summary: str, events: list[Event], eras: Sequence[Era] = ()) -> Callable[[], bytes]:
        if kept is None:
            return lambda: encode(timelinejs(title, summary, events, eras, site_url, directory_urls))
        return lambda: encode_with(
            timelinejs(title, summary, (), eras, site_url, directory_urls), "events", slides(events)
        )

    made = [
        (json_path(tl.id), make(tl.title, tl.summary, [model.events[i] for i in tl.events], tl.eras))
        for tl in model.timelines.values()
    ]
    return made + [(ALL_EVENTS_JSON, make(site_name or "Timeline", "", list(model.events.values())))]
