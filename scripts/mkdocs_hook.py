"""The thin MkDocs side of the explainer: build the model, add its pages, wire edit links.

Listed under `hooks:` in mkdocs.yml. All real work happens in the `explainer` package."""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# Imported at the top: the hook's folder is on sys.path only while this module is first imported.
from explainer.build import build_explainer
from explainer.cli import summary
from explainer.load import FileCache
from explainer.problems import ExplainerError
from explainer.render.pages import Options, Page as GeneratedPage, render_pages
from explainer.render.site import DEFAULT_NAV, STYLESHEET, STYLESHEET_FILE

log = logging.getLogger("mkdocs.plugins.explainer")
THEME_DIR = Path(__file__).parent / "mkdocs_theme"
_cache = FileCache()
_pages: dict[str, GeneratedPage] = {}
_nav_titled: set[str] = set()  # pages whose title comes from the default nav


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    started = time.perf_counter()
    docs = Path(config.docs_dir)
    try:
        model = build_explainer(docs, shown_root=_shown(docs, config), cache=_cache)
    except ExplainerError as err:
        raise Abort("\n" + err.report()) from None
    pages = render_pages(model, Options(directory_urls=config.use_directory_urls, site_name=config.site_name))
    _pages.clear()
    _pages.update((p.src, p) for p in pages)
    theme_dirs = config.theme.dirs
    theme_dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css.append(STYLESHEET)
    _nav_titled.clear()
    if config.nav is None:
        config.nav = _default_nav(docs)
        _nav_titled.update(src for _, src in DEFAULT_NAV)
    log.info(summary(model, len(pages), time.perf_counter() - started))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src, page in _pages.items():
        if files.get_file_from_path(src) is not None:
            continue  # a hand-written page of the same name wins
        file = File.generated(config, src, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = page.edit_path or None
        files.append(file)
    files.append(File.generated(config, STYLESHEET, abs_src_path=str(STYLESHEET_FILE)))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _nav_titled:
        return html  # a fixed title from the default nav
    generated = _pages.get(page.file.src_uri)
    # Titles reach Material's templates unescaped: hand it HTML-safe text.
    page.title = str(escape(generated.title)) if generated else str(escape(page.title or ""))
    return html


def _default_nav(docs: Path) -> list[Any]:
    hand = sorted(p.name for p in docs.glob("*.md") if p.name != "index.md")
    nav: list[Any] = [{"Home": "index.md"}] if (docs / "index.md").exists() else []
    nav += [{title: src} for title, src in DEFAULT_NAV if src in _pages or (docs / src).exists()]
    taken = {src for _, src in DEFAULT_NAV}
    return nav + [p for p in hand if p not in taken]


def _shown(docs: Path, config: MkDocsConfig) -> str:
    try:
        return str(docs.relative_to(Path(config.config_file_path).parent))
    except ValueError:
        return str(docs)
