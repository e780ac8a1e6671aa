"""The sourcing report: what a fact-checker would ask of the sources, counted. Not errors, numbers an editor
can drive to 0: sources without a URL, dated only to the month or year, web pages without an accessed date,
titles in square brackets (made up by an editor), placeholder addresses, quotes not checked against an
archived text, events resting on a single source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import Actor, Event, Explainer, Place, Source, Term

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "example.edu")
PLACEHOLDER_REPOS = re.compile(r"^https?://(?:www\.)?(?:github|gitlab)\.com/example(?:/|$)", re.I)


def placeholder(url: str) -> bool:
    """An address that stands for a real one not yet known (example.org, github.com/example/…)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS) or bool(PLACEHOLDER_REPOS.match(url))


@dataclass(frozen=True)
class Line:
    """One kind of gap: what it is, and where (source ids, event ids or settings)."""

    what: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class SourceRow:
    source: Source
    gaps: tuple[str, ...]  # what is missing for this source
    unchecked: int  # quotes citing it not checked against an archived text
    archived: bool


def source_gaps(s: Source) -> tuple[str, ...]:
    gaps = []
    if not s.url:
        gaps.append("no URL")
    elif placeholder(s.url):
        gaps.append("placeholder URL")
    if s.date is None:
        gaps.append("no date")
    elif s.date.precision != "day":
        gaps.append(f"dated to the {s.date.precision} only")
    if s.url and s.kind not in ("document", "dataset", "broadcast") and s.accessed is None:
        gaps.append("no accessed date")
    if s.title.startswith("["):
        gaps.append("title in square brackets")
    return tuple(gaps)


def _quotes(model: Explainer) -> list[tuple[str, str, bool]]:
    """(event or entry id, source id, checked) of every quote and quoting citation."""
    out = [(e.id, q.source, q.checked) for e in model.events.values() for q in e.quotes]
    entries: list[Event | Actor | Place | Term] = [
        *model.events.values(),
        *model.actors.values(),
        *model.places.values(),
        *model.terms.values(),
    ]
    out += [(x.id, c.source, c.checked) for x in entries for c in x.citations if c.quote]
    out += [
        (f.id, c.source, c.checked) for f in model.facts.values() for g in f.figures for c in g.citations if c.quote
    ]
    return out


def report(model: Explainer, settings: dict[str, str] | None = None) -> list[Line]:
    """Every line of the report, zero counts included (`settings`: site_url, repo_url of the site)."""
    sources = list(model.sources.values())
    rows = {s.id: source_gaps(s) for s in sources}

    def having(gap: str) -> tuple[str, ...]:
        return tuple(i for i, gaps in rows.items() if any(g.startswith(gap) for g in gaps))

    unchecked = tuple(f"{where} ({source})" for where, source, ok in _quotes(model) if not ok)
    single = tuple(e.id for e in model.events.values() if len({c.source for c in e.citations}) == 1)
    places = tuple(f"{k}: {v}" for k, v in (settings or {}).items() if v and placeholder(v))
    places += tuple(f"source {i}" for i in having("placeholder URL"))
    return [
        Line("sources without a URL", having("no URL")),
        Line("sources dated only to the month or year", having("dated to")),
        Line("sources without a date", having("no date")),
        Line("web sources without an accessed date", having("no accessed date")),
        Line("titles in square brackets (made up by an editor)", having("title in square brackets")),
        Line("placeholder addresses (example.org, github.com/example)", places),
        Line("quotes not checked against an archived text", unchecked),
        Line("events resting on a single source", single),
    ]


def rows(model: Explainer) -> list[SourceRow]:
    """Per source, in the bibliography's order: its gaps and its quotes not checked."""
    quotes = _quotes(model)
    return [
        SourceRow(s, source_gaps(s), sum(1 for _, src, ok in quotes if src == s.id and not ok), s.id in model.archived)
        for s in sorted(model.sources.values(), key=lambda s: s.title.lower())
    ]


def summary(lines: list[Line]) -> str:
    """The report as `explainer check` prints it: one line per kind of gap, with a count."""
    width = max(len(line.what) for line in lines)
    out = ["sourcing report (not errors; numbers to drive to 0):"]
    for line in lines:
        shown = ", ".join(line.items[:4]) + (f", … ({len(line.items) - 4} more)" if len(line.items) > 4 else "")
        out.append(f"  {line.what:<{width}}  {len(line.items):>3}" + (f"  {shown}" if line.items else ""))
    return "\n".join(out)
