"""Open data: the model as files for reuse. Each format is one small module; this one lists them.

`export_makers()` names each file and the call that makes it (so the making can wait, or happen elsewhere);
`export_files()` makes them, as (site path, content) pairs; `downloads()` describes them for the data page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..model import Explainer
from ..urls import Site, json_path
from .common import DATA
from .csv_export import events_csv
from .formats import SCHEMAS, schema_files, schema_path
from .geojson import places_geojson
from .ics import events_ics
from .json_export import json_makers
from .timelinejs import timeline_makers
from .yaml_zip import zip_files

__all__ = ["Download", "Maker", "downloads", "export_files", "export_makers", "timeline_makers"]
ZIP = "yaml-files.zip"
Maker = Callable[[], bytes]  # makes one file's content


@dataclass(frozen=True)
class Download:
    """One file of the data page: where it is, what it holds, in what format."""

    path: str  # site path, e.g. data/events.json
    title: str
    format: str
    about: str
    schema: str = ""  # site path of its JSON Schema, if any


def downloads(model: Explainer, with_zip: bool = True) -> list[Download]:
    c = model.counts()

    def n(count: int, word: str, plural: str = "") -> str:
        return f"{count} {word if count == 1 else plural or word + 's'}"

    def schema(name: str) -> str:
        return f"{DATA}/{schema_path(name)}" if name in SCHEMAS else ""

    out = [
        Download(
            f"{DATA}/events.json",
            "Events",
            "JSON",
            f"{n(c['events'], 'event')} in date order, with their actors, places, terms, tags, sources and quotes",
            schema("events.json"),
        ),
        Download(
            f"{DATA}/events.csv",
            "Events (table)",
            "CSV",
            f"{n(c['events'], 'row')}, one per event; lists joined with “; ”; UTF-8 with a header row",
        ),
        Download(
            f"{DATA}/events.ics",
            "Events (calendar)",
            "iCalendar",
            f"{n(c['events'], 'all-day entry', 'all-day entries')} for calendar programs; a date known only "
            "to the month or year spans that month or year",
        ),
        Download(
            f"{DATA}/actors.json",
            "Actors",
            "JSON",
            f"{n(c['actors'], 'actor')} with the events they take part in",
            schema("actors.json"),
        ),
        Download(
            f"{DATA}/places.geojson",
            "Places",
            "GeoJSON",
            f"{n(c['places'], 'place')} as points (longitude, latitude; WGS84) for mapping software",
        ),
        Download(
            f"{DATA}/glossary.json",
            "Glossary",
            "JSON",
            f"{n(c['terms'], 'term')} with short and long definitions",
            schema("glossary.json"),
        ),
        Download(
            f"{DATA}/sources.json",
            "Sources",
            "JSON",
            f"{n(c['sources'], 'source')} with what cites each",
            schema("sources.json"),
        ),
    ]
    out += [
        Download(
            json_path(t.id), f"Timeline: {t.title}", "TimelineJS JSON", f"{n(len(t.events), 'event')}, for TimelineJS"
        )
        for t in model.timelines.values()
    ]
    out.append(
        Download(
            json_path(None), "Timeline: every event", "TimelineJS JSON", f"{n(c['events'], 'event')}, for TimelineJS"
        )
    )
    if with_zip:
        out.append(
            Download(
                f"{DATA}/{ZIP}",
                "The YAML files",
                "ZIP",
                "the files this explainer is built "
                "from, as its editors wrote them (one per event, actor, place, term, source…)",
            )
        )
    return out


def export_makers(model: Explainer, site: Site) -> list[tuple[str, Maker]]:
    """Every download except the timelines (timelinejs.py makes those), as (site path, maker)."""
    makers: dict[str, Maker] = {
        **json_makers(model, site),
        **{name: partial(bytes, content) for name, content in schema_files().items()},
        "places.geojson": lambda: places_geojson(model, site),
        "events.csv": lambda: events_csv(model, site),
        "events.ics": lambda: events_ics(model, site),
    }
    makers[ZIP] = lambda: zip_files(model.files, site.epoch)  # with no YAML files at all, an empty zip
    return [(f"{DATA}/{name}", make) for name, make in makers.items()]


def export_files(model: Explainer, site: Site) -> list[tuple[str, bytes]]:
    """Every download except the timelines, made now, as (site path, content)."""
    return [(path, make()) for path, make in export_makers(model, site)]
