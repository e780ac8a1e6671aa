"""What the page renderer is made of: the pages' data types, the labels the generator writes, and the Jinja
environment with the filters the templates use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import jinja2

from ..geo.theme import KIND_LABELS as PLACE_KINDS  # singular: "City", as the map legend writes it
from .language import Language
from .paging import COMPACT_OVER
from .stash import expand
from .timeline.listing import register as register_timeline

ROLE_LABELS = {
    "official": "Official",
    "claim": "Claim checked",
    "alternative": "Other reference",
    "comparison": "For comparison",
}
KIND_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "state": "States",
    "group": "Groups",
    "city": "Cities",
    "checkpoint": "Border crossings",
    "site": "Sites",
    "region": "Regions",
}

# An actor's or a source's kind, as a page names it (singular; translated like the labels above; a place's
# kind as the map legend names it, geo.theme.KIND_LABELS).
KIND_WORDS = {
    "person": "Person",
    "organisation": "Organisation",
    "state": "State",
    "group": "Group",
    "article": "Article",
    "statement": "Statement",
    "document": "Document",
    "broadcast": "Broadcast",
    "dataset": "Dataset",
}


@dataclass(frozen=True)
class GeneratedPage:
    """A generated page: where it goes, its plain-text title, and the YAML file it comes from."""

    src: str
    title: str
    markdown: str
    edit_path: str = ""  # docs-relative path of the YAML it renders, for edit links


class PageSource(NamedTuple):
    """One page to render: the folder of its kind ('' for top-level pages), where it goes, its plain-text
    title, the YAML file it comes from, all known before it is rendered, and the call that renders it."""

    kind: str
    src: str
    title: str
    edit_path: str
    parts: Callable[[], tuple[str, tuple[str, ...]]]  # its Markdown with HTML blocks as tokens, and those

    def markdown(self) -> str:
        """The page's Markdown, whole."""
        text, fragments = self.parts()
        return expand(text, fragments)

    def page(self) -> GeneratedPage:
        return GeneratedPage(self.src, self.title, self.markdown(), self.edit_path)


@dataclass(frozen=True)
class Options:
    directory_urls: bool = True
    site_name: str = ""
    site_url: str = ""  # the public address, for citations and data files ("" when unknown)
    epoch: int | None = None  # SOURCE_DATE_EPOCH: the build time the data files state, or None
    repo_url: str = ""  # where the files are kept (for the sourcing report)
    pdf: str = ""  # the print edition as a PDF: its site path ("" when none is made)
    paper: str = "a4"  # and its page size: a4 or letter
    description: str = ""  # the site's description (the PDF's subject)


@dataclass(frozen=True)
class DownloadLink:
    """A file of the data page, as export/ describes it (site paths)."""

    path: str
    title: str
    format: str
    about: str
    schema: str = ""


def environment(language: Language | None = None, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    language = language or Language()
    env = jinja2.Environment(
        bytecode_cache=compiled,
        loader=jinja2.PackageLoader("explainer.render"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no file check on every page
    )
    dates = language.calendar
    env.filters["date_label"] = lambda e: e.display_date or dates.range(e.date, e.end, e.approximate)
    env.filters["iso"] = lambda d: d.iso() if d else ""
    env.filters["day"] = dates.label  # a source's date, in the edition's language
    language.install(env)
    env.filters["text"] = language.text
    env.filters["locator"] = language.locator
    env.filters["lang_attr"] = language.lang_attr
    register_timeline(env, dates, language.gettext)
    env.filters["number"] = dates.number  # in the edition's language: 1,084.2 or 1 084,2
    env.filters["country"] = language.country
    env.filters["kind_word"] = lambda kind: language.gettext(KIND_WORDS.get(kind) or PLACE_KINDS.get(kind) or kind)
    env.filters["language_name"] = language.language_name
    env.filters["count"] = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"
    env.globals["COMPACT_OVER"] = COMPACT_OVER
    return env
