"""The MkDocs plugin: hands MkDocs what the core makes (pages, data files, page meta, the default navigation)
and links names in every page. It only coordinates; the work is in the core (generator.py and below).
In mkdocs.yml: `plugins: [search, explainer]`, options as `explainer: {navigation: false, link_names: false}`."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .build import build_explainer
from .converted import Conversions, finish
from .editions import build_editions, language_problem, link_editions, swap_translated_pages
from .generator import CompiledTemplates, Generated, Kept, Language, Same, generate
from .handout import Handout, PdfUnavailable, write_pdf
from .i18n import translations
from .linking import AmbiguousAlias, Linker, Mentions
from .load import FileCache
from .problems import ExplainerError, Problem
from .render.assets import DEFAULT_NAV, ENGLISH_PAGES, GENERATED_INDEXES
from .render.handout import PRINT_PAGE
from .render.panel import error_panel
from .render.stash import expand
from .reuse import Reuse, keeping
from .settings import shown_docs, site_options, use_theme
from .sitefiles import add_files
from .themeenv import ThemeEnvs
from .watch import quicker

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerConfig(base.Config):
    navigation = c.Type(bool, default=True)  # the default navigation, when mkdocs.yml has no nav
    link_names = c.Type(bool, default=True)  # link the first mention of each actor, place and term
    languages = c.ListOfItems(c.Type(str), default=[])  # the editions: the first is the default, at the root
    pdf = c.Type(bool, default=True)  # the print edition as <slug>.pdf (WeasyPrint), in `mkdocs build`
    paper = c.Choice(("a4", "letter"), default="a4")  # the PDF's page size
    serve_languages = c.ListOfItems(c.Type(str), default=[])  # the editions `mkdocs serve` builds beside the first
    serve_polling = c.Type(bool, default=False)  # `mkdocs serve` polls the disk as MkDocs does, not inotify (watch.py)


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.cache, self.same = FileCache(), Same()  # checked YAML (by file time and size), what the model made of it
        self.made, self.envs = Kept(), ThemeEnvs(CompiledTemplates())  # drawn maps and pages; compiled templates
        self.generated: Generated | None = None  # this build's output (the last good one, in `mkdocs serve`)
        self.linker: Linker | None = None
        self.mentions: Mentions | None = None
        self.nav_titled: set[str] = set()  # pages whose title the default navigation gives
        self.made_nav: list[Any] | None = None  # the default navigation this plugin gave MkDocs
        self.kept: dict[str, tuple[str, ...]] = {}  # page -> its HTML kept out of Markdown, until it is converted
        self.edition = ""  # in the nested build of a language edition (editions.py): its language
        self.root_url = ""  # the site's public address (an edition's own is under it)
        self.translated: set[str] = set()  # in an edition: the hand-written pages shown translated
        self.language = Language()  # the edition's words (gettext) and dates
        self.errors: list[Problem] = []  # `mkdocs serve` with errors in the files: shown on every page
        self.handout: Handout | None = None  # the print edition, gathered as pages are converted
        self.conversions, self.reuse = Conversions(), Reuse()  # `mkdocs serve`: what is kept of unchanged pages

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs = Path(config.docs_dir)
        if bad := language_problem(self.config.languages, self.config.serve_languages):
            raise PluginError(f"explainer: {bad}")
        started = time.perf_counter()
        self.errors = []
        try:
            languages, modelled = tuple(self.config.languages), (self.edition,) if self.edition else ()  # its own
            model = build_explainer(docs, shown_docs(docs, config), self.cache, languages, modelled, self.same)
        except ExplainerError as err:
            self.errors = err.problems
            if self.command != "serve" or self.generated is None:
                raise Abort("\n" + err.report()) from None
            # `mkdocs serve` with a good build behind it: say what is wrong, keep serving the last good pages
            # (printed, not logged: under `strict` a logged error would abort the rebuild it explains)
            print(
                err.report() + "\nexplainer: still serving the last good version; fix the files above", file=sys.stderr
            )
        else:
            self.root_url = config.site_url or ""
            self.language = Language(self.edition, translations(self.edition)) if self.edition else Language()
            if self.edition:  # a language edition: its model, its address, its name (its home page's heading)
                model = model.editions[self.edition]
                config.site_url = f"{self.root_url}{self.edition}/" if self.root_url else None
            options = site_options(
                config, self.root_url, self.config.pdf and self.command == "build", self.config.paper
            )
            if model.title:  # an edition's name: its home page's heading (Markup: escaped once, printed raw or | e)
                options, config.site_name = replace(options, site_name=model.title), escape(model.title)
            try:
                linker = Linker(model, config.use_directory_urls, self.linker) if self.config.link_names else None
            except AmbiguousAlias as err:
                raise PluginError(str(err)) from None
            self.generated, self.linker = generate(model, options, self.language, self.envs.compiled, self.made), linker
            log.info(self.generated.summary(time.perf_counter() - started))
            for warning in model.warnings:  # copied wording: a strict build stops on it
                log.warning(str(warning))
        use_theme(config, self.language.gettext)  # our theme, stylesheet and scripts; the footer in the edition's words
        self.envs.hand(config.theme)  # its environments made again quickly (themeenv.py)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        out = self.generated
        assert out is not None  # on_config made it, or aborted
        self.reuse.begin(config, self.edition, serving := keeping(config, self.command))
        words, urls = self.language.translations, config.use_directory_urls
        self.mentions = Mentions(out.model, urls, words, self.made) if self.linker else None  # kept lists: made
        if self.config.languages:  # translated pages (index.uk.md) stand in for their base in their edition only
            self.translated = swap_translated_pages(files, config, self.edition, self.config.languages)
        hand = [f.src_uri for f in files.documentation_pages()]
        self.kept = add_files(files, config, out)  # the pages, theme and data files (sitefiles.py)
        pages = {f.url: f.src_uri for f in files.documentation_pages()}
        self.handout = Handout(pages, config.use_directory_urls, config.site_url or "", "index.md" in self.translated)
        self.nav_titled = set()
        if self.config.navigation and (config.nav is None or config.nav is self.made_nav):  # (a config built again)
            config.nav = self.made_nav = out.nav([src for src in hand if "/" not in src], self.language.gettext)
            self.nav_titled = {src for _, src in DEFAULT_NAV}
        self.conversions.begin(self.edition, serving, self.linker.entities if self.linker else None, files, config)
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.reuse.wrap(env, (file.page for file in files.documentation_pages() if file.page is not None))
        return env

    @event_priority(-100)  # last: the Markdown as MkDocs converts it
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src, out = page.file.src_uri, self.generated
        inputs = (self.kept.get(src), out.meta.get(src) if out else None, src in self.translated)
        return self.conversions.before(page, markdown, config, files, inputs)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        out, src = self.generated, page.file.src_uri
        assert out is not None
        made, hand = out.page(src), page.file.generated_by is None or src in self.translated
        fragments = self.kept.get(src, ())  # the HTML kept out of Markdown (render/stash.py)
        untranslated = self.edition and (made is None or src in ENGLISH_PAGES) and src not in self.translated
        mark = partial(self.language.untranslated_page, default=self.config.languages[0]) if untranslated else None
        html, found = self.conversions.after(page, files) or self.conversions.keep(
            page, *finish(html, fragments, page, config, out.meta.get(src), mark, self.linker, hand)
        )
        if languages := self.config.languages:  # here, not later: the sitemap is written before the pages
            link_editions(page, self.edition or languages[0], languages, self.root_url, config.use_directory_urls)
        if self.mentions is not None and src != PRINT_PAGE:  # the print edition mentions nothing of its own
            self.mentions.record(src, made.title if made else page.title or "", found)
        if hand and "/" not in src and self.handout and src not in GENERATED_INDEXES:  # into the print edition
            self.handout.keep(src, page.title or "", html)
        if self.errors:  # `mkdocs serve`: the files hold errors; this is the last good version
            html = error_panel(self.errors) + html
        if src not in self.nav_titled:  # Material's templates print titles unescaped: hand it HTML-safe text
            page.title = str(escape(made.title if made else page.title or ""))
        return self.reuse.before_search(page, html)

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self.reuse.after_search(page)
        if fragments := self.kept.pop(page.file.src_uri, ()):  # the maps, now that search has read the page
            page.content = expand(page.content or "", fragments)
        if self.mentions is not None and page.content:  # every page's on_page_content has run: all is known
            page.content = self.mentions.fill(page.content, page.file.src_uri)
        if page.file.src_uri == PRINT_PAGE and self.handout and page.content:  # every other page is converted
            page.content = self.handout.print_html = self.handout.assemble(page.content)
        context = self.reuse.before_theme(page, context, config, nav)
        self.conversions.unshare(page, self.reuse.reused)  # unless its kept HTML is given, the theme renders it
        return context

    @event_priority(100)  # first: the theme's own output, before other plugins change it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.reuse.after_theme(page, output)
        return output

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        return server if self.config.serve_polling else quicker(server)  # watch.py: told of saves at once (inotify)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.mentions = None  # what this build found; the next one starts afresh
        if self.generated and self.generated.options.pdf and self.handout and self.handout.print_html:
            try:  # the print edition as <slug>.pdf beside the pages
                made = write_pdf(self.handout, config.site_dir, self.generated.options, config.theme)
            except PdfUnavailable as err:
                raise PluginError(f"explainer: {err}") from None
            log.info(f"explainer: {made}")
        if not self.edition and self.config.languages[1:]:
            build_editions(self, config)  # the other language editions (editions.py)
