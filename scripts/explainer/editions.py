"""Language editions in MkDocs: the first language builds at the site's root; each other one is a nested MkDocs
build of the same mkdocs.yml into <site_dir>/<lang>/, with Material's interface in that language, the
translations laid over the base files (build.py), and a translated page (index.uk.md) in place of its base."""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .contract.kinds import LANGUAGE_RE
from .i18n import language_name
from .urls import edition_href, edition_url

log = logging.getLogger("mkdocs.plugins.explainer")
DEFAULT_EDITION_STATE = ("generated", "linker", "language", "root_url", "made_nav", "translated")  # the plugin's


def language_problem(languages: list[str], serve_languages: list[str]) -> str:
    """What is wrong with the plugin's `languages` and `serve_languages` options ("" when nothing)."""
    if bad := [lang for lang in languages + serve_languages if not LANGUAGE_RE.match(lang)]:
        return f"languages: expected language codes such as en, uk or be, found {bad[0]!r}"
    if stray := [lang for lang in serve_languages if lang not in languages[1:]]:
        return f"serve_languages: expected editions listed in languages after the first, found {stray[0]!r}"
    return ""


def editions_built(languages: list[str], serve_languages: list[str], command: str) -> list[str]:
    """The editions built after the first: all of them by `mkdocs build`; by `mkdocs serve`, only those named in
    serve_languages (each edition is a whole build: three editions make every save three times slower)."""
    built = [lang for lang in languages[1:] if command != "serve" or lang in serve_languages]
    if skipped := [lang for lang in languages[1:] if lang not in built]:
        log.info(f"explainer: previewing without the {', '.join(skipped)} edition(s): serve_languages adds them")
    return built


def build_editions(plugin: Any, config: MkDocsConfig) -> None:
    """After the default edition (`config`), the others `plugin`'s options ask for. MkDocs keeps one instance of
    a plugin with on_startup per process: their builds may run on this very instance, so what the default
    edition keeps across `mkdocs serve` rebuilds is put back."""
    options, kept = plugin.config, {name: getattr(plugin, name) for name in DEFAULT_EDITION_STATE}
    try:
        for lang in editions_built(options.languages, options.serve_languages, plugin.command):
            build_edition(config, lang, plugin.root_url, plugin.cache)
    finally:
        plugin.edition = ""
        for name, value in kept.items():
            setattr(plugin, name, value)


def build_edition(config: MkDocsConfig, lang: str, root_url: str, cache: Any) -> None:
    """Build edition `lang` of the site `config` describes into <site_dir>/<lang>/ (same options otherwise)."""
    edition = load_config(
        config.config_file_path,
        site_dir=os.path.join(config.site_dir, lang),
        docs_dir=config.docs_dir,
        strict=config.strict,
        use_directory_urls=config.use_directory_urls,
        site_url=root_url or None,
    )
    plugin = edition.plugins["explainer"]  # this very plugin, when MkDocs keeps one instance (it has on_startup)
    plugin.edition, plugin.cache = lang, cache  # type: ignore[attr-defined]
    edition.theme["language"] = lang
    edition.site_description = None  # mkdocs.yml's is the default edition's: the edition's home page describes it
    search = edition.plugins.get("material/search") or edition.plugins.get("search")
    if search is not None:  # lunr has no stemmer for these languages: words are kept whole, in any script
        search.config["lang"] = ["en"]
    build(edition)


def swap_translated_pages(files: Files, config: MkDocsConfig, lang: str, languages: list[str]) -> set[str]:
    """In edition `lang`: each page with a translation (x.<lang>.md) is replaced by it; every translated page of
    any language is left out otherwise. Returns the docs paths of the pages shown translated."""
    translated = set()
    for file in list(files):
        if not file.is_documentation_page():
            continue
        stem, _, suffix = file.src_uri.removesuffix(".md").rpartition(".")
        if stem and suffix in languages[1:]:
            file.inclusion = InclusionLevel.EXCLUDED
            base = files.get_file_from_path(f"{stem}.md")
            if suffix == lang and base is not None:
                files.remove(base)
                files.append(File.generated(config, f"{stem}.md", abs_src_path=file.abs_src_path or ""))
                translated.add(f"{stem}.md")
    return translated


def link_editions(page: Page, lang: str, languages: list[str], root_url: str, directory_urls: bool) -> None:
    """page.meta gets `alternates` (hreflang, full address: every edition and x-default) and `editions` (the
    language selector's links, relative, so they work from disk)."""
    src, langs = page.file.src_uri, tuple(languages)
    page.meta["alternates"] = [(code, edition_url(root_url, src, code, langs)) for code in langs]
    if root_url:
        page.meta["alternates"].append(("x-default", edition_url(root_url, src, langs[0], langs)))
    page.meta["editions"] = [
        {
            "lang": code,
            "name": language_name(code),
            "href": edition_href(src, lang, code, langs, directory_urls),
            "current": code == lang,
        }
        for code in langs
    ]
