"""events.csv: one row per event (RFC 4180, UTF-8, a header row); lists joined with '; '."""

from __future__ import annotations

import csv
import io

from ..dates import format_range
from ..kept import Kept
from ..model import Event, Explainer
from ..urls import Site

COLUMNS = (
    "id",
    "date",
    "end",
    "precision",
    "approximate",
    "date_label",
    "title",
    "summary",
    "body",
    "actors",
    "actor_names",
    "places",
    "place_names",
    "terms",
    "tags",
    "sources",
    "page",
)
JOIN = "; "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


def safe_cell(text: str) -> str:
    """Text cells that a spreadsheet would take for a formula get a leading apostrophe (OWASP advice)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def row(e: Event, model: Explainer, site: Site) -> list[str]:
    values = {
        "id": e.id,
        "date": e.date.iso(),
        "end": e.end.iso() if e.end else "",
        "precision": e.date.precision,
        "approximate": "true" if e.approximate else "false",
        "date_label": e.display_date or format_range(e.date, e.end, e.approximate),
        "title": e.title,
        "summary": e.summary,
        "body": e.body,
        "actors": JOIN.join(e.actors),
        "actor_names": JOIN.join(model.actors[a].name for a in e.actors),
        "places": JOIN.join(e.places),
        "place_names": JOIN.join(model.places[p].name for p in e.places),
        "terms": JOIN.join(e.terms),
        "tags": JOIN.join(e.tags),
        "sources": JOIN.join(dict.fromkeys(c.source for c in e.citations)),
        "page": site.page(f"events/{e.id}.md"),
    }
    return [safe_cell(values[c]) for c in COLUMNS]


def line(cells: list[str]) -> str:
    """One row as the CSV writer writes it."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def events_csv(model: Explainer, site: Site, kept: Kept | None = None) -> bytes:
    """events.csv; `kept`: each event's row as an earlier build wrote it, if the event and the names of its
    actors and places are the same."""

    def made(e: Event) -> str:
        if kept is None:
            return line(row(e, model, site))
        names = tuple(model.actors[a].name for a in e.actors), tuple(model.places[p].name for p in e.places)
        return kept.piece("events.csv", e, lambda: line(row(e, model, site)), names, site)

    return "".join((line(list(COLUMNS)), *(made(e) for e in model.events.values()))).encode("utf-8")
