"""The data contract (v1): every kind of file and its fields. One source of truth for the
validator, the JSON Schema files and the editors' guide."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import (
    COUNTRY,
    SLUG,
    URL,
    Bool,
    Choice,
    Date,
    Field,
    ListOf,
    Number,
    Pattern,
    Record,
    Ref,
    Text,
)

PLAIN = Text(max_length=500)
MARKDOWN = Text(markdown=True)
CITATION = Record(
    (
        Field("source", Ref("sources"), True, "id of a file in sources/"),
        Field("locator", PLAIN, doc="where in the source: page, paragraph, minute"),
        Field("quote", Text(max_length=2000), doc="the words of the source that support the claim"),
    ),
    shorthand=Ref("sources"),
    shorthand_field="source",
)
CITATIONS = ListOf(CITATION)
LINK = Record((Field("title", PLAIN, True), Field("url", URL, True)))
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
LANGUAGE = Pattern(LANGUAGE_RE, "a BCP 47 language code such as en, uk or be")
ALIASES = ListOf(Text(max_length=200))


@dataclass(frozen=True)
class Kind:
    """A folder of YAML files under docs/ and the record each file holds."""

    name: str  # folder name, also the kind's reference name
    singular: str
    record: Record
    title_field: str


EVENT = Kind(
    "events",
    "event",
    Record(
        (
            Field("title", PLAIN, True, "plain-text headline"),
            Field("date", Date(), True, "YYYY-MM-DD, YYYY-MM or YYYY"),
            Field("end", Date(), doc="last day of a happening that lasted; not before date"),
            Field("approximate", Bool(), doc="true when the date is approximate (shown as c.)"),
            Field("display_date", PLAIN, doc="text shown instead of the computed date"),
            Field("summary", MARKDOWN, True, "one short paragraph (Markdown)"),
            Field("body", MARKDOWN, doc="longer account (Markdown)"),
            Field("actors", ListOf(Ref("actors")), doc="ids of actors involved"),
            Field("places", ListOf(Ref("places")), doc="ids of places"),
            Field("terms", ListOf(Ref("glossary")), doc="ids of glossary terms"),
            Field("tags", ListOf(SLUG), doc="slugs grouping events"),
            Field("sources", ListOf(CITATION, min_items=1), True, "at least one source id or {source, locator, quote}"),
            Field(
                "quotes",
                ListOf(
                    Record(
                        (
                            Field("by", Ref("actors"), True, "id of the speaker"),
                            Field("text", Text(max_length=2000), True, "the exact words"),
                            Field("source", Ref("sources"), True, "id of the source quoting them"),
                            Field("locator", PLAIN, doc="where in the source"),
                        )
                    )
                ),
                doc="what each side said, shown side by side",
            ),
        )
    ),
    "title",
)

ACTOR = Kind(
    "actors",
    "actor",
    Record(
        (
            Field("name", PLAIN, True, "name as shown"),
            Field("kind", Choice("person", "organisation", "state", "group"), True),
            Field("country", COUNTRY, doc="ISO 3166-1 alpha-2 code"),
            Field("role", PLAIN, doc="role at the time of the events"),
            Field("aliases", ALIASES, doc="other spellings and scripts"),
            Field("summary", MARKDOWN, doc="profile (Markdown)"),
            Field("links", ListOf(LINK), doc="further reading: {title, url}"),
            Field("sources", CITATIONS, doc="sources for the profile"),
        )
    ),
    "name",
)

PLACE = Kind(
    "places",
    "place",
    Record(
        (
            Field("name", PLAIN, True),
            Field("kind", Choice("city", "checkpoint", "site", "region"), True),
            Field("country", COUNTRY, doc="ISO 3166-1 alpha-2 code"),
            Field("lat", Number(-90, 90), True, "latitude, WGS84 decimal degrees"),
            Field("lon", Number(-180, 180), True, "longitude, WGS84 decimal degrees"),
            Field("approximate", Bool(), doc="true when the coordinates are approximate"),
            Field("aliases", ALIASES, doc="other spellings and scripts"),
            Field("summary", MARKDOWN, doc="description (Markdown)"),
            Field("sources", CITATIONS, doc="sources for the coordinates and description"),
        )
    ),
    "name",
)

TERM = Kind(
    "glossary",
    "term",
    Record(
        (
            Field("term", PLAIN, True),
            Field("aliases", ALIASES, doc="other forms that link to the term"),
            Field("short", Text(max_length=300), True, "one plain-text sentence, used in tooltips"),
            Field("definition", MARKDOWN, doc="longer definition (Markdown)"),
            Field("see_also", ListOf(Ref("glossary")), doc="ids of related terms"),
            Field("sources", CITATIONS),
        )
    ),
    "term",
)

SOURCE = Kind(
    "sources",
    "source",
    Record(
        (
            Field("title", PLAIN, True),
            Field("publisher", PLAIN, True),
            Field("date", Date()),
            Field("author", PLAIN),
            Field("url", URL),
            Field("language", LANGUAGE, doc="BCP 47 language code: en, uk, be, ru"),
            Field("kind", Choice("article", "statement", "document", "broadcast", "dataset")),
            Field("accessed", Date()),
        )
    ),
    "title",
)

TIMELINE = Kind(
    "timelines",
    "timeline",
    Record(
        (
            Field("title", PLAIN, True),
            Field("summary", MARKDOWN),
            Field("events", ListOf(Ref("events")), doc="explicit list of event ids"),
            Field("from", Date(), doc="first date included"),
            Field("to", Date(), doc="last date included"),
            Field("tags", ListOf(SLUG), doc="events with any of these tags"),
            Field(
                "eras",
                ListOf(
                    Record(
                        (
                            Field("title", PLAIN, True),
                            Field("from", Date(), True),
                            Field("to", Date(), True),
                        )
                    )
                ),
                doc="shaded periods: {title, from, to}",
            ),
        )
    ),
    "title",
)

FRAME = Record(
    (
        Field("west", Number(-180, 180), True),
        Field("south", Number(-90, 90), True),
        Field("east", Number(-180, 180), True),
        Field("north", Number(-90, 90), True),
    )
)

MAP = Kind(
    "maps",
    "map",
    Record(
        (
            Field("title", PLAIN, True),
            Field("summary", MARKDOWN),
            Field(
                "geometry",
                Pattern(re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.geojson$"), "a .geojson file name in docs/maps/"),
                doc="GeoJSON written by scripts/prep_geometry.py, beside this file",
            ),
            Field("countries", ListOf(COUNTRY), doc="ISO codes of the countries in focus (named and coloured)"),
            Field("border", SLUG, doc="id of the border line in the geometry to highlight"),
            Field("frame", FRAME, doc="{west, south, east, north} in degrees; default: the geometry's frame"),
            Field("places", ListOf(Ref("places")), doc="ids of places to show; default: every place"),
        )
    ),
    "title",
)

FIGURE = Record(
    (
        Field("value", Number(-1e15, 1e15), True, "the figure"),
        Field("unit", PLAIN, doc="unit, e.g. km"),
        Field("label", PLAIN, True, "what the figure is"),
        Field(
            "role",
            Choice("official", "claim", "alternative", "comparison"),
            True,
            "official figure, a claim checked here, another reference's figure, or a related figure for comparison",
        ),
        Field("note", MARKDOWN, doc="why this figure, or why it differs"),
        Field("sources", CITATIONS, doc="who gives the figure"),
    )
)

FACT = Kind(
    "facts",
    "fact",
    Record(
        (
            Field("title", PLAIN, True),
            Field("summary", MARKDOWN, doc="the question the fact box answers"),
            Field("figures", ListOf(FIGURE, min_items=1), True, "the figures the sources give"),
            Field(
                "measure",
                Record(
                    (
                        Field("map", Ref("maps"), True, "id of a file in maps/"),
                        Field("border", SLUG, True, "id of the border line to measure"),
                        Field("label", PLAIN, True, "what the measured figure is"),
                        Field("note", MARKDOWN, doc="why the drawn line differs"),
                    )
                ),
                doc="a figure measured at build time on the map geometry (geodesic, WGS84)",
            ),
            Field("explanation", MARKDOWN, doc="why the sources disagree"),
        )
    ),
    "title",
)

KINDS: tuple[Kind, ...] = (EVENT, ACTOR, PLACE, TERM, SOURCE, TIMELINE, MAP, FACT)
KIND_BY_NAME = {k.name: k for k in KINDS}
