"""The core's one door: a valid model in, everything a site engine needs out. The pages (where each goes, its
title and YAML file, and the call that renders its Markdown), the data files, each page's description and
schema.org node, and the default navigation. Knows nothing of MkDocs (plugin.py hands all this to it)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .export import Download, downloads, export_makers, timeline_makers
from .kept import Kept, Same
from .model import Explainer
from .render.assets import DEFAULT_NAV
from .render.compiled import CompiledTemplates
from .render.language import Language
from .render.meta import PageMeta, page_meta
from .render.pages import DownloadLink, GeneratedPage, Options, PageSource, Renderer
from .text import count
from .urls import Site

Maker = Callable[[], bytes]  # makes one data file's content

__all__ = [
    "CompiledTemplates",
    "Kept",
    "Same",
    "Generated",
    "Language",
    "Options",
    "PageSource",
    "data_files",
    "generate",
    "render_pages",
    "summary",
]


@dataclass(frozen=True)
class Generated:
    """One build's output: pages in order (not yet rendered), data files (site path, maker) and page meta."""

    model: Explainer
    pages: tuple[PageSource, ...]
    data: tuple[tuple[str, Maker], ...]
    meta: dict[str, PageMeta]
    options: Options = Options()

    @functools.cached_property
    def _by_src(self) -> dict[str, PageSource]:
        return {p.src: p for p in self.pages}

    def page(self, src: str) -> PageSource | None:
        return self._by_src.get(src)

    def nav(self, hand_pages: Sequence[str], gettext: Callable[[str], str] = str) -> list[Any]:
        """The default navigation (MkDocs' `nav` form): Home, the generated index pages in a fixed order (a
        hand-written page of the same name takes its place), then the other hand-written pages by name;
        `gettext` translates the titles."""
        made = {p.src for p in self.pages}
        nav: list[Any] = [{gettext("Home"): "index.md"}] if "index.md" in hand_pages else []
        nav += [{gettext(title): src} for title, src in DEFAULT_NAV if src in made or src in hand_pages]
        taken = {src for _, src in DEFAULT_NAV} | {"index.md"}
        return nav + sorted(p for p in hand_pages if p not in taken and "/" not in p)

    def summary(self, seconds: float) -> str:
        return summary(self.model, len(self.pages), seconds)


def generate(
    model: Explainer,
    options: Options = Options(),
    language: Language | None = None,
    compiled: CompiledTemplates | None = None,
    kept: Kept | None = None,
) -> Generated:
    """Everything the site is made of, from a valid model (build.build_explainer); `language`: an edition's
    (its translated words), for a model of that edition (model.editions); `compiled`: templates compiled by
    an earlier build, kept by the caller; `kept`: the maps, pages and calendar entries it made (kept.py)."""
    language = language or Language()
    if kept is not None:
        kept.begin(language.code)
    meta = page_meta(model, options.site_name, language, kept)
    links = [download_link(d, language) for d in downloads(model)]
    if options.pdf:  # made by the plugin once every page is converted (handout/)
        _ = language.gettext
        paper = "US Letter" if options.paper == "letter" else "A4"
        about = _("the whole explainer in one file, to print (%(paper)s) or to pass along") % {"paper": paper}
        links.append(DownloadLink(options.pdf, _("Print edition"), "PDF", about))
    pages = Renderer(model, options, meta, links, language, compiled, kept).tasks()
    return Generated(model, tuple(pages), tuple(data_makers(model, options, kept)), meta, options)


def download_link(d: Download, language: Language) -> DownloadLink:
    """A download as the data page lists it: its words in the edition's language, its count in its numerals."""
    title = language.gettext(d.title) % {"title": d.name} if d.name else language.gettext(d.title)
    about = language.translations.ngettext(d.about, d.about_plural, d.count)
    return DownloadLink(d.path, title, d.format, about % {"num": language.calendar.number(d.count)}, d.schema)


def data_makers(model: Explainer, options: Options = Options(), kept: Kept | None = None) -> list[tuple[str, Maker]]:
    """Files other than pages, as (site path, maker): each timeline as TimelineJS JSON, and the downloads."""
    site = Site(options.site_name, options.site_url, options.epoch)
    timelines = timeline_makers(model, options.site_name, options.site_url, options.directory_urls, kept)
    return timelines + export_makers(model, site, kept)


def render_pages(model: Explainer, options: Options = Options()) -> list[GeneratedPage]:
    """Every generated page, rendered now, in order."""
    return [p.page() for p in generate(model, options).pages]


def data_files(model: Explainer, options: Options = Options()) -> list[tuple[str, bytes]]:
    """Files other than pages, made now, as (site path, content)."""
    return [(path, make()) for path, make in data_makers(model, options)]


def summary(model: Explainer, pages: int, seconds: float) -> str:
    """One line for the build log."""
    c = model.counts()
    return (
        f"explainer: {count(c['events'], 'event')}, {count(c['actors'], 'actor')}, "
        f"{count(c['places'], 'place')}, {count(c['terms'], 'term')}, {count(c['sources'], 'source')} "
        f"-> {pages} pages in {seconds:.2f} s"
    )
