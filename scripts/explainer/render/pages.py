"""Render the model into Markdown pages (HTML fragments from templates), keyed by docs path: the Renderer lists
every page and renders each when asked (its parts: page.py)."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from itertools import groupby
from typing import Any, cast

import jinja2
from markupsafe import Markup

from .. import sourcing
from ..dates import PartialDate
from ..kept import Kept
from ..model import Citation, Era, Event, Explainer, Place, Timeline
from ..text import clean_text, fold
from ..urls import Site, download_href, json_path, page_url, relative_url, root_prefix
from .citation import PageCitation, cite_event
from .fragments import Fragments
from .guide import contract, error_messages
from .handout import PRINT_FULL, PRINT_PAGE, print_context
from .keys import PageKeys
from .language import Language
from .maps import draw_maps, locator, measured_km
from .meta import PageMeta, page_meta
from .page import (
    KIND_LABELS,
    KIND_WORDS,
    ROLE_LABELS,
    DownloadLink,
    GeneratedPage,
    Options,
    PageSource,
    environment,
)
from .paging import INDEX_EVENTS, Period, pages_of, periods
from .stash import Stash, stash_blocks
from .timeline.listing import Month, chronicle
from .timeline.marks import MarkOpenings
from .timeline.strips import StripDrawer


class Renderer:
    """Renders every page of one explainer; `render()` yields GeneratedPage objects. `downloads`: the files
    the data page offers."""

    def __init__(
        self,
        model: Explainer,
        options: Options = Options(),
        meta: Mapping[str, PageMeta] | None = None,
        downloads: Sequence[DownloadLink] = (),
        language: Language | None = None,
        compiled: jinja2.BytecodeCache | None = None,
        kept: Kept | None = None,
    ) -> None:
        self.language = language or Language()
        self.kept = kept  # maps and pages an earlier build made (kept.py), this build begun (generator.py)
        self.model, self.options, self.env = model, options, environment(self.language, compiled)
        self.downloads = downloads
        self.site = Site(options.site_name, options.site_url)
        self.keys = PageKeys(model, (options, self.site, tuple(downloads)), self.language, kept)
        self.meta = meta  # schema.org node per page (render/meta.py), computed when first needed
        fragments_kept = (kept, self.keys) if kept is not None else None
        self.fragments = Fragments(self.env, model, options.directory_urls, self.language, fragments_kept)
        self.env.globals["mark_open"] = openings = MarkOpenings(self.env, model.events)
        self.stash = Stash()
        self._paged: dict[tuple[str, ...], tuple[Period, ...]] = {}  # this build: events -> their pages
        self.env.globals["strip_svg"] = StripDrawer(self.env, openings, self.stash.keep)
        self.env.filters["heavy"] = self.stash.keep
        self.env.globals["cite_of"] = self._cite

    def render(self) -> Iterator[GeneratedPage]:
        for task in self.tasks():
            yield task.page()

    def tasks(self) -> list[PageSource]:
        """Every page, in page order, not yet rendered: what each renders is computed when it runs, so the
        list is quick to make (titles, addresses and the navigation are known before any page is rendered)."""
        _ = self.language.gettext
        m, task = self.model, self._task
        everything = list(m.events.values())
        parts = self._periods(everything) if len(everything) > INDEX_EVENTS else ()
        return [
            *(
                task("events", f"events/{e.id}.md", e.title, "event.md.j2", e.path, partial(self._event_context, e))
                for e in m.events.values()
            ),
            *(
                task(
                    "actors",
                    f"actors/{a.id}.md",
                    a.name,
                    "actor.md.j2",
                    a.path,
                    partial(self._listing, "actors", a, actor=a, quotes=m.quotes_by(a.id)),
                )
                for a in m.actors.values()
            ),
            *(
                task("places", f"places/{p.id}.md", p.name, "place.md.j2", p.path, partial(self._place_context, p))
                for p in m.places.values()
            ),
            *(
                task(
                    "glossary",
                    f"glossary/{t.id}.md",
                    t.term,
                    "term.md.j2",
                    t.path,
                    partial(self._listing, "glossary", t, term=t),
                )
                for t in m.terms.values()
            ),
            *(
                task(
                    "sources",
                    f"sources/{s.id}.md",
                    s.title,
                    "source.md.j2",
                    s.path,
                    partial(self._listing, "sources", s, source=s),
                )
                for s in m.sources.values()
            ),
            *(
                x
                for t in m.timelines.values()
                for x in self._timeline(
                    "timelines", f"timelines/{t.id}", t.title, t.path, t, [m.events[i] for i in t.events]
                )
            ),
            *self._timeline("timeline", "timeline", _("Timeline"), "", None, everything),
            task(
                "",
                "events.md",
                _("Events"),
                "events.md.j2",
                "",
                lambda: dict(periods=parts, groups=() if parts else self._by_month(everything)),
            ),
            task(
                "", "actors.md", _("Actors"), "actors.md.j2", "", lambda: dict(groups=self._by_kind(m.actors.values()))
            ),
            task(
                "", "places.md", _("Places"), "places.md.j2", "", lambda: dict(groups=self._by_kind(m.places.values()))
            ),
            task("", "glossary.md", _("Glossary"), "glossary.md.j2", "", lambda: dict(groups=self._by_letter())),
            task("", "sources.md", _("Sources"), "sources.md.j2", "", dict),
            self._map_task(),
            task(
                "",
                "data.md",
                _("Data downloads"),
                "data.md.j2",
                "",
                lambda: dict(downloads=self._downloads(), site_name=self.site.name, page_url=self.site.page("data.md")),
            ),
            self._print_task(),
            task(
                "",
                "guide.md",
                "Editors' guide",
                "guide.md.j2",
                "",
                lambda: dict(contract=contract(), errors=error_messages()),
            ),
            task(
                "",
                "guide/sourcing.md",
                "Sourcing report",
                "sourcing.md.j2",
                "",
                lambda: dict(
                    lines=sourcing.report(m, {"site_url": self.options.site_url, "repo_url": self.options.repo_url}),
                    rows=sourcing.rows(m),
                ),
            ),
        ]

    def _periods(self, events: list[Event]) -> tuple[Period, ...]:
        """The pages of a timeline of `events` (render/paging.py), worked out once a build for the same events
        (the whole timeline and a timeline of every event have the same)."""
        key = tuple(e.id for e in events)
        if key not in self._paged:
            self._paged[key] = periods(events, calendar=self.language.calendar)
        return self._paged[key]

    def _event_context(self, e: Event) -> dict[str, Any]:
        return dict(event=e, citations=self._citations(e), node=self._node(e))

    def _place_context(self, p: Place) -> dict[str, Any]:
        return dict(
            place=p,
            events=self.model.events_of("places", p.id),
            locator=locator(self.model, p, self.language, self.kept),
        )

    def _listing(self, kind: str, entry: Any, **context: Any) -> dict[str, Any]:
        """The context of an actor's, term's or source's page: the entry and the events it is part of."""
        return dict(events=self.model.events_of(kind, entry.id), **context)

    def _task(
        self, kind: str, src: str, title: str, template: str, edit: str, context: Callable[[], dict[str, Any]]
    ) -> PageSource:
        """A page of `template`, whose context (beyond its title and the helpers) `context()` makes."""
        # The edit path is the file's path in the docs folder (kind/id.yml), whatever that folder is called.
        return PageSource(
            kind,
            src,
            clean_text(title),
            "/".join(edit.split("/")[-2:]) if edit else "",
            partial(self._made, src, title, template, edit, context),  # (one object, where a closure is seven)
        )

    def _made(
        self, src: str, title: str, template: str, edit: str, context: Callable[[], dict[str, Any]]
    ) -> tuple[str, tuple[str, ...]]:
        """The page's parts (`_parts`), or what an earlier build made of the same (keys.py says which pages are
        kept, and under what key)."""
        made, kept = context(), self.kept
        key = self.keys.key(template, src, title, edit, made) if kept is not None else None
        if kept is None or key is None:
            return self._parts(src, title, template, edit, **made)
        return cast(tuple[str, tuple[str, ...]], kept.get(key, lambda: self._parts(src, title, template, edit, **made)))

    def _timeline(
        self, kind: str, base: str, title: str, edit: str, timeline: Timeline | None, events: list[Event]
    ) -> list[PageSource]:
        """A timeline's page; when too long for one (render/paging.py), an index page and a page per period."""
        parts = self._periods(events)
        tasks = [
            self._task(
                kind,
                f"{base}.md",
                title,
                "timeline.md.j2",
                edit,
                lambda: dict(
                    timeline=timeline,
                    events=events,
                    base=base,
                    json_href=self._file(timeline.id if timeline else None),
                    periods=parts,
                    where=pages_of(parts, base),
                ),
            )
        ]
        for i, p in enumerate(parts):
            before: Period | None = parts[i - 1] if i else None
            after: Period | None = parts[i + 1] if i + 1 < len(parts) else None
            tasks.append(
                self._task(
                    kind,
                    p.src(base),
                    f"{title}: {p.label}",
                    "timeline_part.md.j2",
                    edit,
                    partial(
                        dict,
                        timeline=timeline,
                        period=p,
                        base=base,
                        whole=title,
                        before=before,
                        after=after,
                        pages=len(parts),
                    ),
                )
            )
        return tasks

    def _node(self, e: Event) -> Mapping[str, Any]:
        """The event page's schema.org node (render/meta.py), which its "Cite this page" box shows."""
        if self.meta is None:
            self.meta = page_meta(self.model, self.options.site_name, self.language)
        return self.meta[f"events/{e.id}.md"].node

    def _cite(self, e: Event, node: Mapping[str, Any]) -> PageCitation:
        """`cite_of(event, node)` in templates: made only when the page is (a kept page does not need it)."""
        return cite_event(e, self.site, node, self.language.calendar.range)

    def _downloads(self) -> list[dict[str, str]]:
        def href(path: str) -> str:
            return download_href("data.md", path, self.options.directory_urls) if path else ""

        return [
            {
                "href": href(d.path),
                "name": posixpath.basename(d.path),
                "title": d.title,
                "format": d.format,
                "about": d.about,
                "schema_href": href(d.schema),
            }
            for d in self.downloads
        ]

    def _map_task(self) -> PageSource:
        m = self.model
        spec = next(iter(m.maps.values()), None)
        return self._task(
            "",
            "map.md",
            spec.title if spec else self.language.gettext("Map"),
            "map.md.j2",
            spec.path if spec else "",
            lambda: dict(
                maps=draw_maps(
                    m, lambda to: relative_url("map.md", to, self.options.directory_urls), self.language, self.kept
                ),
                measured={f.id: measured_km(m, f, self.kept) for f in m.facts.values()},
            ),
        )

    def _print_task(self) -> PageSource:
        """The print edition (handout.py): the whole explainer on one page, links inside it."""
        m, o, _ = self.model, self.options, self.language.gettext

        def context() -> dict[str, Any]:
            full = len(m.events) <= PRINT_FULL
            built = dt.datetime.fromtimestamp(o.epoch, dt.UTC).date() if o.epoch is not None else None
            return dict(
                maps=draw_maps(
                    m,
                    lambda to: "#place-" + posixpath.basename(to).removesuffix(".md") if full else "",
                    self.language,
                    self.kept,
                ),
                measured={f.id: measured_km(m, f, self.kept) for f in m.facts.values()},
                actor_groups=self._by_kind(m.actors.values()),
                place_groups=self._by_kind(m.places.values()),
                site_name=o.site_name,
                site_url=o.site_url,
                built=self.language.calendar.label(PartialDate(built.year, built.month, built.day)) if built else "",
                pdf_href=download_href(PRINT_PAGE, o.pdf, o.directory_urls) if o.pdf else "",
                paper="US Letter" if o.paper == "letter" else "A4",
                page_url=partial(page_url, directory_urls=True),
                **print_context(m),
            )

        return self._task("", PRINT_PAGE, _("Print edition"), "print.md.j2", "", context)

    def _parts(self, src: str, title: str, template: str, edit: str, **context: Any) -> tuple[str, tuple[str, ...]]:
        """The page's Markdown with its HTML blocks as tokens (stash.py), and the blocks."""
        self.stash.items = []
        try:
            text = stash_blocks(self._markdown(src, title, template, edit, **context), self.stash)
            return text, tuple(self.stash.items)
        finally:
            self.stash.items = None

    def _markdown(self, src: str, title: str, template: str, edit: str, **context: Any) -> str:
        # Links climb to the root and go down (urls.via_root): what a page shows of another depends only
        # on its depth, so event items and Markdown fields are rendered once per depth (fragments.py).
        prefix, parts = root_prefix(src, self.options.directory_urls), self.fragments

        def item(e: Event, compact: bool = False, tone: int | None = None, starts: tuple[Era, ...] = ()) -> Markup:
            return parts.event_item(e, prefix, compact, tone, starts)

        return self.language.with_notice(
            self.env.get_template(template).render(
                m=self.model,
                title=self.language.text(title),
                link=parts.link(prefix),
                md=parts.md(prefix, edit),
                item=item,
                line=partial(parts.index_line, prefix=prefix),
                kind_labels={k: self.language.gettext(v) for k, v in KIND_LABELS.items()},
                role_labels={k: self.language.gettext(v) for k, v in ROLE_LABELS.items()},
                **context,
            )
        )

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

    def _by_month(self, events: list[Event]) -> list[tuple[int, list[tuple[str, list[Event]]]]]:
        """As the timeline groups them: one group per month, events known only to the year first."""
        calendar, _ = self.language.calendar, self.language.gettext

        def name(month: Month) -> str:
            number = month.entries[0].event.date.month
            return calendar.month_name(number) if number else _("Undated in the year")

        return [(y.year, [(name(mo), [x.event for x in mo.entries]) for mo in y.months]) for y in chronicle(events)]

    def _by_kind(self, items: Any) -> list[tuple[str, list[Any]]]:
        ordered = sorted(items, key=lambda x: list(KIND_LABELS).index(x.kind))
        return [(self.language.gettext(KIND_LABELS[k]), list(xs)) for k, xs in groupby(ordered, lambda x: x.kind)]

    def _by_letter(self) -> list[tuple[str, list[Any]]]:
        return [
            (letter.upper(), list(ts))
            for letter, ts in groupby(self.model.terms.values(), lambda t: fold(t.term)[:1] or "#")
        ]


__all__ = [
    "KIND_LABELS",
    "KIND_WORDS",
    "ROLE_LABELS",
    "DownloadLink",
    "GeneratedPage",
    "Options",
    "PageSource",
    "Renderer",
    "environment",
]
