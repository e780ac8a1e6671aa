"""The thin MkDocs side of the explainer: build the model, add its pages, wire edit links.

Listed under `hooks:` in mkdocs.yml. All real work happens in the `explainer` package."""
from __future__ import annotations

import functools
import gc
import logging
import os
import resource
import sys
import threading
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
from explainer.linker import AmbiguousAlias, Linker
from explainer.load import FileCache
from explainer.model import Explainer
from explainer.mentions import Mentions
from explainer.problems import ExplainerError
from explainer.schema import KIND_BY_NAME
from explainer.render.meta import PageMeta, first_paragraph, json_ld, other_page_meta, page_meta
from explainer.render.output import render_output
from explainer.render.parallel import interleaved, run_tasks
from explainer.render.pages import Options, Page as GeneratedPage
from explainer.render.site import DEFAULT_NAV, EXTRA_CSS, EXTRA_JS, STYLESHEET, STYLESHEET_FILE
from explainer.render.urls import page_url

log = logging.getLogger("mkdocs.plugins.explainer")
THEME_DIR = Path(__file__).parent / "mkdocs_theme"
_cache = FileCache()
_pages: dict[str, GeneratedPage] = {}
_meta: dict[str, PageMeta] = {}  # description and schema.org node per generated page
_data: list[tuple[str, bytes]] = []  # generated data files (site path, content)
_nav_titled: set[str] = set()  # pages whose title comes from the default nav
_linker: Linker | None = None  # links names in every page's prose (this build's model)
_mentions: Mentions | None = None  # what each page mentions, for the "Mentioned in" lists
PARALLEL_FROM = 300  # events: from here on, rendering is shared between two processes (render/parallel.py)
_workers_used = [1]  # processes this build renders and links with
_to_link: list[Page] = []  # pages whose names are linked in on_env (with two processes)
_command = ["build"]  # the MkDocs command running: build, serve or gh-deploy


def on_startup(command: str, dirty: bool) -> None:
    _command[0] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs = Path(config.docs_dir)
    _to_link.clear()
    try:
        model = build_explainer(docs, shown_root=_shown(docs, config), cache=_cache)
    except ExplainerError as err:
        if _command[0] != "serve" or not _pages:
            raise Abort("\n" + err.report()) from None
        # `mkdocs serve` with a good build behind it: say what is wrong, keep serving the last good pages
        print(err.report() + "\nexplainer: still serving the last good version; fix the files above",
              file=sys.stderr, flush=True)
        return _wire(config, docs)
    _prepare(config, docs, model)
    return _wire(config, docs)


def _prepare(config: MkDocsConfig, docs: Path, model: Explainer) -> None:
    """Render this build's pages, data, meta, linker and mentions from a valid model."""
    started = time.perf_counter()
    _meta.clear()
    _meta.update(page_meta(model, config.site_name))
    options = Options(directory_urls=config.use_directory_urls, site_name=config.site_name,
                      site_url=config.site_url or "")
    workers = _workers_used[0] = _workers(model)
    pages, data = render_output(model, options, _meta, docs, workers)
    _pages.clear()
    _pages.update((p.src, p) for p in pages)
    _data[:] = data
    global _linker, _mentions
    try:
        _linker = Linker(model, config.use_directory_urls)
    except AmbiguousAlias as err:
        raise Abort(f"\n{err}") from None
    _mentions = Mentions(model, config.use_directory_urls)
    shared = f" ({workers} processes)" if workers > 1 else ""
    log.info(summary(model, len(pages), time.perf_counter() - started) + shared)


def _workers(model: Explainer) -> int:
    """Processes to render and link names with: two for a long explainer in `mkdocs build` on a machine with cores to spare
    (MkDocs uses one); one otherwise: `mkdocs serve` runs threads, which do not mix with fork, and for a
    short explainer starting a process costs more than it saves. EXPLAINER_WORKERS=1 turns it off."""
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        return 1
    wanted = os.environ.get("EXPLAINER_WORKERS", "")
    if wanted.isdigit():
        return max(1, int(wanted))
    if _command[0] not in ("build", "gh-deploy") or (os.cpu_count() or 1) < 2:
        return 1
    return 2 if len(model.events) >= PARALLEL_FROM else 1


def _wire(config: MkDocsConfig, docs: Path) -> MkDocsConfig:
    """Point MkDocs at our theme overrides, assets and default navigation."""
    theme_dirs = config.theme.dirs
    theme_dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css.append(STYLESHEET)
    config.extra_css.extend(name for name, _ in EXTRA_CSS)
    config.extra_javascript.extend(name for name, _ in EXTRA_JS)
    _nav_titled.clear()
    if config.nav is None:
        config.nav = _default_nav(docs)
        _nav_titled.update(src for _, src in DEFAULT_NAV)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:  # the YAML sources are offered as one zip on the data page, not copied one by one
        if file.src_uri.endswith(".yml") and file.src_uri.split("/")[0] in KIND_BY_NAME:
            file.inclusion = InclusionLevel.EXCLUDED
    for src, page in _pages.items():
        if files.get_file_from_path(src) is not None:
            continue  # a hand-written page of the same name wins
        file = File.generated(config, src, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = page.edit_path or None
        files.append(file)
    files.append(File.generated(config, STYLESHEET, abs_src_path=str(STYLESHEET_FILE)))
    for name, path in EXTRA_CSS + EXTRA_JS:
        files.append(File.generated(config, name, abs_src_path=str(path)))
    for name, content in _data:
        if files.get_file_from_path(name) is None:  # a hand-made file of the same name wins
            files.append(File.generated(config, name, content=content))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    _describe(page, html, config)
    if _linker is not None and _mentions is not None:  # link first mentions, note what the page mentions
        if _workers_used[0] > 1:
            _to_link.append(page)  # all at once in on_env, shared between processes
        else:
            html, found = _linker.link_html(html, src, editor_links=page.file.generated_by is None)
            _record(_mentions, page, found)
    if page.file.src_uri in _nav_titled:
        return html  # a fixed title from the default nav
    generated = _pages.get(page.file.src_uri)
    # Titles reach Material's templates unescaped: hand it HTML-safe text.
    page.title = str(escape(generated.title)) if generated else str(escape(page.title or ""))
    return html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """With two processes (a long explainer in `mkdocs build`): every page's HTML is known now, and linking is
    page by page, so the pages are linked in two processes, in the order MkDocs read them."""
    pages, linker, mentions = list(_to_link), _linker, _mentions
    _to_link.clear()
    if not pages or linker is None or mentions is None:
        return env
    tasks = [functools.partial(linker.link_html, p.content or "", p.file.src_uri, p.file.generated_by is None)
             for p in pages]
    for page, (html, found) in zip(pages, run_tasks(tasks, interleaved(len(tasks), _workers_used[0]))):
        page.content = html
        _record(mentions, page, found)
    return env


def _record(mentions: Mentions, page: Page, found: Any) -> None:
    src = page.file.src_uri
    mentions.record(src, _pages[src].title if src in _pages else page.title or "", found)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # Runs after every page's on_page_content: all mentions are known now.
    if _mentions is not None and page.content:
        page.content = _mentions.fill(page.content, page.file.src_uri)
    return context


def _describe(page: Page, html: str, config: MkDocsConfig) -> None:
    """page.meta gets description, canonical (the public address, in the offline copy too) and json_ld."""
    src = page.file.src_uri
    home = page.is_homepage
    meta = _meta.get(src)
    if meta is None:  # a hand-written page: described by its front matter or first paragraph
        said = page.meta.get("description") or (home and config.site_description) or first_paragraph(html)
        meta = other_page_meta(page.title or "", said, config.site_name, home)
    site_url = config.site_url or ""
    canonical = site_url + page_url(src, directory_urls=True) if site_url else ""
    page.meta.setdefault("description", meta.description or config.site_description or "")
    page.meta.setdefault("canonical", canonical)
    page.meta["json_ld"] = json_ld(meta.node, page.meta["canonical"])


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


def on_post_build(config: MkDocsConfig) -> None:
    # Read by the benchmark (scripts/bench): all time in this hook, and the generator's part (on_config:
    # load, validate, model, render pages and data); the rest links names and fills "Mentioned in". The
    # generator's CPU time counts the worker processes it rendered with, if any (render/parallel.py).
    log.info(f"explainer: hook time {_spent[0]:.2f} s, generator {_spent[1]:.2f} s (CPU {_spent[2]:.2f} s)")


_spent = [0.0, 0.0, 0.0]  # during the current build: seconds in this hook, in on_config, and on_config's CPU


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (the rendering workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _timed(fn: Any) -> Any:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if fn.__name__ == "on_config":
            _spent[:] = [0.0, 0.0, 0.0]
        start, cpu = time.perf_counter(), _cpu() if fn.__name__ == "on_config" else 0.0
        try:
            return fn(*args, **kwargs)
        finally:
            _spent[0] += time.perf_counter() - start
            if fn.__name__ == "on_config":
                _spent[1], _spent[2] = _spent[0], _cpu() - cpu
    return wrapper


def _gc_paused(fn: Any) -> Any:
    """Run the generator with the garbage collector paused, then freeze what exists: the model, pages and
    caches live for the whole build and hold no cycles, yet each collection would scan them again (a third
    of the generator's time at 10,000 events). On a rebuild (`mkdocs serve`) the last build's objects are
    unfrozen and collected first, so they do not pile up."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if gc.get_freeze_count():  # a rebuild (`mkdocs serve`): free the last build's objects first
            gc.unfreeze()
            gc.collect()
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
            gc.freeze()
    return wrapper


on_config = _timed(_gc_paused(on_config))
on_files = _timed(on_files)
on_page_content = _timed(on_page_content)
on_page_context = _timed(on_page_context)
on_env = _timed(on_env)
