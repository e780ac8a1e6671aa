"""Open data: the model as files for reuse. Each format is one small module; this one lists them.

`export_makers()` names each file and the call that makes it (so the making can wait, or happen elsewhere);
`export_files()` makes them, as (site path, content) pairs; `downloads()` describes them for the data page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..kept import Kept
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

__all__ = ["WORDS", "Download", "Maker", "downloads", "export_files", "export_makers", "timeline_makers"]
ZIP = "yaml-files.zip"
Maker = Callable[[], bytes]  # makes one file's content


@dataclass(frozen=True)
class Download:
    """One file of the data page: where it is, what it holds, in what format. Its words are messages in the
    default language for the data page to translate (catalogues.py gathers them from WORDS): `title`, with
    `%(title)s` for `name`; `about`, singular and plural, with `%(num)s` for `count`."""

    path: str  # site path, e.g. data/events.json
    title: str
    format: str
    about: str
    about_plural: str
    count: int
    schema: str = ""  # site path of its JSON Schema, if any
    name: str = ""  # a timeline's title


# Each download's title and what it holds (singular, plural), by file.
WORDS: dict[str, tuple[str, str, str]] = {
    "events.json": (
        "Events",
        "%(num)s event in date order, with its actors, places, terms, tags, sources and quotes",
        "%(num)s events in date order, with their actors, places, terms, tags, sources and quotes",
    ),
    "events.csv": (
        "Events (table)",
        "%(num)s row, one per event; lists joined with “; ”; UTF-8 with a header row",
        "%(num)s rows, one per event; lists joined with “; ”; UTF-8 with a header row",
    ),
    "events.ics": (
        "Events (calendar)",
        "%(num)s all-day entry for calendar programs; a date known only to the month or year spans that month or year",
        "%(num)s all-day entries for calendar programs; a date known only to the month or year spans that month or year",
    ),
    "actors.json": (
        "Actors",
        "%(num)s actor with the events it takes part in",
        "%(num)s actors with the events they take part in",
    ),
    "places.geojson": (
        "Places",
        "%(num)s place as a point (longitude, latitude; WGS84) for mapping software",
        "%(num)s places as points (longitude, latitude; WGS84) for mapping software",
    ),
    "glossary.json": (
        "Glossary",
        "%(num)s term with short and long definitions",
        "%(num)s terms with short and long definitions",
    ),
    "sources.json": ("Sources", "%(num)s source with what cites it", "%(num)s sources with what cites each"),
    "timeline": ("Timeline: %(title)s", "%(num)s event, for TimelineJS", "%(num)s events, for TimelineJS"),
    "all-events": ("Timeline: every event", "%(num)s event, for TimelineJS", "%(num)s events, for TimelineJS"),
    ZIP: (
        "The YAML files",
        "the %(num)s file this explainer is built from, as its editors wrote it",
        "the %(num)s files this explainer is built from, as its editors wrote them (one per event, actor, place, "
        "term, source…)",
    ),
}
FORMATS = {".json": "JSON", ".csv": "CSV", ".ics": "iCalendar", ".geojson": "GeoJSON", ".zip": "ZIP"}


def downloads(model: Explainer, with_zip: bool = True) -> list[Download]:
    c = model.counts()
    counts = {"events.json": c["events"], "events.csv": c["events"], "events.ics": c["events"]}
    counts |= {"actors.json": c["actors"], "places.geojson": c["places"], "glossary.json": c["terms"]}
    counts["sources.json"] = c["sources"]

    def download(name: str, count: int, path: str = "", form: str = "", title: str = "") -> Download:
        words = WORDS[name]
        schema = f"{DATA}/{schema_path(name)}" if name in SCHEMAS else ""
        path = path or f"{DATA}/{name}"
        return Download(path, words[0], form or FORMATS[path[path.rindex(".") :]], *words[1:], count, schema, title)

    out = [download(name, count) for name, count in counts.items()]
    timeline = "TimelineJS JSON"
    out += [download("timeline", len(t.events), json_path(t.id), timeline, t.title) for t in model.timelines.values()]
    out.append(download("all-events", c["events"], json_path(None), timeline))
    if with_zip:
        out.append(download(ZIP, len(model.files)))
    return out


def export_makers(model: Explainer, site: Site, kept: Kept | None = None) -> list[tuple[str, Maker]]:
    """Every download except the timelines (timelinejs.py makes those), as (site path, maker); `kept`: what
    earlier builds made (kept.py)."""
    makers: dict[str, Maker] = {
        **json_makers(model, site, kept),
        **{name: partial(bytes, content) for name, content in schema_files().items()},
        "places.geojson": lambda: places_geojson(model, site),
        "events.csv": lambda: events_csv(model, site, kept),
        "events.ics": lambda: events_ics(model, site, kept),
    }
    makers[ZIP] = lambda: zip_files(model.files, site.epoch)  # with no YAML files at all, an empty zip
    return [(f"{DATA}/{name}", make) for name, make in makers.items()]


def export_files(model: Explainer, site: Site) -> list[tuple[str, bytes]]:
    """Every download except the timelines, made now, as (site path, content)."""
    return [(path, make()) for path, make in export_makers(model, site)]
