"""Render the model into Markdown pages (HTML fragments from templates), keyed by docs path."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import jinja2
import pycountry

from ..dates import MONTHS, format_range
from ..export import Site, downloads, export_files, source_date_epoch
from ..export.citation import PageCitation, cite_event
from ..model import Citation, Event, Explainer
from .mapping import draw_maps, locator, measured_km, number
from .guide import contract, error_messages
from .markup import clean_text, render_markdown
from .meta import PageMeta, page_meta
from .timeline_list import Month, chronicle, register as register_timeline
from .timelinejs import download_href, json_path, timeline_files
from .urls import relative_url

TEMPLATES = Path(__file__).parent / "templates"
ROLE_LABELS = {"official": "Official", "claim": "Claim checked", "alternative": "Other reference",
               "comparison": "For comparison"}
KIND_LABELS = {"person": "People", "organisation": "Organisations", "state": "States", "group": "Groups",
               "city": "Cities", "checkpoint": "Border crossings", "site": "Sites", "region": "Regions"}


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its plain-text title, and the YAML file it comes from."""

    src: str
    title: str
    markdown: str
    edit_path: str = ""  # docs-relative path of the YAML it renders, for edit links


@dataclass(frozen=True)
class Options:
    directory_urls: bool = True
    site_name: str = ""
    site_url: str = ""  # the public address, for citations and data files ("" when unknown)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["date_label"] = lambda e: e.display_date or format_range(e.date, e.end, e.approximate)
    env.filters["iso"] = lambda d: d.iso() if d else ""
    env.filters["text"] = clean_text
    register_timeline(env)
    env.filters["number"] = number
    env.filters["country"] = country_name
    env.filters["count"] = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"
    return env


class Renderer:
    """Renders every page of one explainer; `render()` yields Page objects."""

    def __init__(self, model: Explainer, options: Options = Options(),
                 meta: Mapping[str, PageMeta] | None = None) -> None:
        self.model, self.options, self.env = model, options, environment()
        self.site = Site(options.site_name, options.site_url)
        self.meta = meta  # schema.org node per page (render/meta.py), computed when first needed

    def render(self) -> Iterator[Page]:
        m = self.model
        for e in m.events.values():
            yield self._page(f"events/{e.id}.md", e.title, "event.md.j2", e.path, event=e,
                             citations=self._citations(e), cite=self._cite(e))
        for a in m.actors.values():
            yield self._page(f"actors/{a.id}.md", a.name, "actor.md.j2", a.path, actor=a,
                             events=m.events_of("actors", a.id), quotes=m.quotes_by(a.id))
        for p in m.places.values():
            yield self._page(f"places/{p.id}.md", p.name, "place.md.j2", p.path, place=p,
                             events=m.events_of("places", p.id), locator=locator(m, p))
        for t in m.terms.values():
            yield self._page(f"glossary/{t.id}.md", t.term, "term.md.j2", t.path, term=t,
                             events=m.events_of("glossary", t.id))
        for s in m.sources.values():
            yield self._page(f"sources/{s.id}.md", s.title, "source.md.j2", s.path, source=s,
                             events=m.events_of("sources", s.id))
        for tl in m.timelines.values():
            yield self._page(f"timelines/{tl.id}.md", tl.title, "timeline.md.j2", tl.path, timeline=tl,
                             events=[m.events[i] for i in tl.events], json_href=self._file(tl.id))
        yield self._page("timeline.md", "Timeline", "timeline.md.j2", "", timeline=None,
                         events=list(m.events.values()), json_href=self._file(None))
        yield self._page("events.md", "Events", "events.md.j2", "", groups=self._by_month(list(m.events.values())))
        yield self._page("actors.md", "Actors", "actors.md.j2", "", groups=self._by_kind(m.actors.values()))
        yield self._page("places.md", "Places", "places.md.j2", "", groups=self._by_kind(m.places.values()))
        yield self._page("glossary.md", "Glossary", "glossary.md.j2", "", groups=self._by_letter())
        yield self._page("sources.md", "Sources", "sources.md.j2", "")
        yield self._map_page()
        yield self._page("data.md", "Data downloads", "data.md.j2", "", downloads=self._downloads(),
                         site_name=self.site.name, page_url=self.site.page("data.md"))
        yield self._page("guide.md", "Editors' guide", "guide.md.j2", "", contract=contract(), errors=error_messages())

    def _cite(self, e: Event) -> PageCitation:
        if self.meta is None:
            self.meta = page_meta(self.model, self.options.site_name)
        return cite_event(e, self.site, self.meta[f"events/{e.id}.md"].node)

    def _downloads(self) -> list[dict[str, str]]:
        def href(path: str) -> str:
            return download_href("data.md", path, self.options.directory_urls) if path else ""
        return [{"href": href(d.path), "name": posixpath.basename(d.path), "title": d.title, "format": d.format,
                 "about": d.about, "schema_href": href(d.schema)} for d in downloads(self.model)]

    def _map_page(self) -> Page:
        m = self.model
        spec = next(iter(m.maps.values()), None)
        return self._page("map.md", spec.title if spec else "Map", "map.md.j2", spec.path if spec else "",
                          maps=draw_maps(m, lambda to: relative_url("map.md", to, self.options.directory_urls)),
                          measured={f.id: measured_km(m, f) for f in m.facts.values()})

    def _page(self, src: str, title: str, template: str, edit: str, **context: Any) -> Page:
        def link(to: str, anchor: str = "") -> str:
            return relative_url(src, to, self.options.directory_urls, anchor)

        def md(text: str, yaml_path: str = edit, inline: bool = False) -> Any:
            return render_markdown(text, self._resolver(src, yaml_path), inline)

        text = self.env.get_template(template).render(
            m=self.model, title=clean_text(title), link=link, md=md, kind_labels=KIND_LABELS, role_labels=ROLE_LABELS,
            **context)
        return Page(src, clean_text(title), text, edit.removeprefix("docs/") if edit else "")

    def _resolver(self, src: str, yaml_path: str) -> Callable[[str], str | None]:
        folder = posixpath.dirname(yaml_path.removeprefix("docs/"))

        def resolve(target: str) -> str | None:
            path = posixpath.normpath(posixpath.join(folder, target))
            return None if path.startswith("..") else relative_url(src, path, self.options.directory_urls)
        return resolve

    def _file(self, timeline_id: str | None) -> str:
        src = f"timelines/{timeline_id}.md" if timeline_id else "timeline.md"
        return download_href(src, json_path(timeline_id), self.options.directory_urls)

    def _citations(self, e: Event) -> list[Citation]:
        """Numbered citations: the event's sources, then any quote source not already cited."""
        out = list(e.citations)
        for q in e.quotes:
            if all(c.source != q.source for c in out):
                out.append(Citation(q.source, q.locator))
        return out

    @staticmethod
    def _by_month(events: list[Event]) -> list[tuple[int, list[tuple[str, list[Event]]]]]:
        """As the timeline groups them: one group per month, events known only to the year first."""
        def name(month: Month) -> str:
            number = month.entries[0].event.date.month
            return MONTHS[number - 1] if number else "Undated in the year"
        return [(y.year, [(name(mo), [x.event for x in mo.entries]) for mo in y.months]) for y in chronicle(events)]

    @staticmethod
    def _by_kind(items: Any) -> list[tuple[str, list[Any]]]:
        ordered = sorted(items, key=lambda x: list(KIND_LABELS).index(x.kind))
        return [(KIND_LABELS[k], list(xs)) for k, xs in groupby(ordered, lambda x: x.kind)]

    def _by_letter(self) -> list[tuple[str, list[Any]]]:
        from ..build import fold
        return [(letter.upper(), list(ts)) for letter, ts in
                groupby(self.model.terms.values(), lambda t: (fold(t.term)[:1] or "#"))]


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return f"{getattr(country, 'common_name', None) or country.name} ({code})" if country else code


def render_pages(model: Explainer, options: Options = Options(),
                 meta: Mapping[str, PageMeta] | None = None) -> list[Page]:
    return list(Renderer(model, options, meta).render())


def data_files(model: Explainer, options: Options = Options(), docs: Path | None = None) -> list[tuple[str, bytes]]:
    """Files other than pages, as (site path, content): each timeline as TimelineJS JSON, and the downloads
    of the data page (export/); the zip of the YAML files needs `docs`, the folder they are in."""
    site = Site(options.site_name, options.site_url, source_date_epoch())
    return list(timeline_files(model, options.site_name, options.site_url, options.directory_urls)) + export_files(
        model, site, docs)

