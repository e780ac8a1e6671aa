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
from explainer.render.output import Output
from explainer.parallel import Stream
from explainer.render.pages import Options, Task
from explainer.render.site import DEFAULT_NAV, EXTRA_CSS, EXTRA_JS, STYLESHEET, STYLESHEET_FILE
from explainer.render.urls import page_url

log = logging.getLogger("mkdocs.plugins.explainer")
THEME_DIR = Path(__file__).parent / "mkdocs_theme"
_cache = FileCache()
_output: list[Output] = []  # this build's pages and data files (the last good build's, in `mkdocs serve`)
_meta: dict[str, PageMeta] = {}  # description and schema.org node per generated page
_data_files: list[File | None] = []  # the data files given to MkDocs (None: a hand-made one won), filled at on_env
_nav_titled: set[str] = set()  # pages whose title comes from the default nav
_linker: Linker | None = None  # links names in every page's prose (this build's model)
_mentions: Mentions | None = None  # what each page mentions, for the "Mentioned in" lists
PARALLEL_FROM = 300  # events: from here on, the generator's work is shared with worker processes (parallel.py)
_to_link: list[Page] = []  # pages whose names are being linked in a worker (with workers)
_links: list[Stream[Any]] = []  # with workers: the one linking names in each page as MkDocs converts it
_command = ["build"]  # the MkDocs command running: build, serve or gh-deploy


def on_startup(command: str, dirty: bool) -> None:
    _command[0] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs = Path(config.docs_dir)
    _stop_jobs()  # a rebuild: nothing is left of the last build's workers
    workers = _workers(docs)
    try:
        model = build_explainer(docs, shown_root=_shown(docs, config), cache=_cache, workers=workers)
    except ExplainerError as err:
        if _command[0] != "serve" or not _output:
            raise Abort("\n" + err.report()) from None
        # `mkdocs serve` with a good build behind it: say what is wrong, keep serving the last good pages
        print(err.report() + "\nexplainer: still serving the last good version; fix the files above",
              file=sys.stderr, flush=True)
        return _wire(config, docs)
    _prepare(config, docs, model, workers)
    return _wire(config, docs)


def _prepare(config: MkDocsConfig, docs: Path, model: Explainer, workers: int) -> None:
    """This build's pages, data files, meta, linker and mentions, from a valid model. With workers, one
    renders the pages as MkDocs converts them, then makes the data files, and another links names in each
    converted page, both alongside MkDocs (which uses one core); on_env takes what is still owed."""
    started = time.perf_counter()
    _meta.clear()
    _meta.update(page_meta(model, config.site_name))
    options = Options(directory_urls=config.use_directory_urls, site_name=config.site_name,
                      site_url=config.site_url or "")
    global _linker, _mentions
    try:
        linker = Linker(model, config.use_directory_urls)
    except AmbiguousAlias as err:
        raise Abort(f"\n{err}") from None
    _linker, _mentions = linker, Mentions(model, config.use_directory_urls)
    _output[:] = [output := Output(model, options, _meta, docs, workers)]  # on_config closed the last one
    if workers > 1:
        _links[:] = [Stream(linker.link_html)]
    log.info(summary(model, len(output.tasks), time.perf_counter() - started, in_workers=workers > 1))


def _workers(docs: Path) -> int:
    """Processes to read, render and link names with: two for a long explainer in `mkdocs build` on a machine
    with cores to spare (MkDocs uses one); one otherwise: `mkdocs serve` runs threads, which do not mix with
    fork, and for a short explainer starting a process costs more than it saves. EXPLAINER_WORKERS=1 turns
    it off."""
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        return 1
    wanted = os.environ.get("EXPLAINER_WORKERS", "")
    if wanted.isdigit():
        return max(1, int(wanted))
    if _command[0] not in ("build", "gh-deploy") or (os.cpu_count() or 1) < 2:
        return 1
    try:
        events = sum(1 for entry in os.scandir(docs / "events") if entry.name.endswith(".yml"))
    except OSError:
        return 1
    return 2 if events >= PARALLEL_FROM else 1


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


class _Generated(File):
    """A generated page whose Markdown is taken from the output when MkDocs first reads it: with workers,
    MkDocs converts each page while the worker renders the ones after it. The wait counts as the
    generator's time."""

    index = -1

    @property
    def content_string(self) -> str:
        if self.index >= 0:
            start, self._content = time.perf_counter(), _output[0].markdown(self.index)
            self.index = -1
            waited = time.perf_counter() - start
            _spent[0] += waited
            _spent[1] += waited
        return File.content_string.fget(self)  # type: ignore[attr-defined,no-any-return]

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.index = -1
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.index = -1
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:  # the YAML sources are offered as one zip on the data page, not copied one by one
        if file.src_uri.endswith(".yml") and file.src_uri.split("/")[0] in KIND_BY_NAME:
            file.inclusion = InclusionLevel.EXCLUDED
    output = _output[0] if _output else None
    for i, task in enumerate(output.tasks if output else ()):
        if files.get_file_from_path(task.src) is not None:
            continue  # a hand-written page of the same name wins
        file = _Generated.generated(config, task.src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        assert isinstance(file, _Generated)
        file.index = i
        file.edit_uri = task.edit_path or None
        files.append(file)
    files.append(File.generated(config, STYLESHEET, abs_src_path=str(STYLESHEET_FILE)))
    for name, path in EXTRA_CSS + EXTRA_JS:
        files.append(File.generated(config, name, abs_src_path=str(path)))
    _data_files.clear()
    for name in output.data_paths if output else ():
        if files.get_file_from_path(name) is not None:
            _data_files.append(None)  # a hand-made file of the same name wins
            continue
        file = File.generated(config, name, content=b"")  # filled in at on_env; MkDocs copies it after
        files.append(file)
        _data_files.append(file)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    _describe(page, html, config)
    if _linker is not None and _mentions is not None:  # link first mentions, note what the page mentions
        if _links:  # linked in a worker, while MkDocs goes on; taken back in on_env
            _links[0].send(html, src, page.file.generated_by is None)
            _to_link.append(page)
        else:
            html, found = _linker.link_html(html, src, editor_links=page.file.generated_by is None)
            _record(_mentions, page, found)
    if page.file.src_uri in _nav_titled:
        return html  # a fixed title from the default nav
    generated = _task(page.file.src_uri)
    # Titles reach Material's templates unescaped: hand it HTML-safe text.
    page.title = str(escape(generated.title)) if generated else str(escape(page.title or ""))
    return html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Every page has been converted now: fill in the data files (made by a worker, with workers) and take
    the linked pages from the linking worker; MkDocs writes them all after this."""
    if _output:  # generator work: any wait here counts as the generator's time (on_post_build)
        start, cpu = time.perf_counter(), _cpu()
        for file, content in zip(_data_files, _output[0].data()):
            if file is not None:
                file.content_bytes = content
        _output[0].close()  # with workers: every page is read; the workers are done
        _spent[1] += time.perf_counter() - start
        _spent[2] += _cpu() - cpu
    pages, mentions = list(_to_link), _mentions
    _to_link.clear()
    if _links and mentions is not None:
        for page, (html, found) in zip(pages, _links.pop().results()):
            page.content = html
            _record(mentions, page, found)
    return env


def on_build_error(error: Exception) -> None:
    _stop_jobs()


def _stop_jobs() -> None:
    """Stop any worker still running (a build that failed): nothing is left behind."""
    for output in _output:
        output.close()
    for stream in _links:
        stream.cancel()
    _links.clear()
    _to_link.clear()


def _task(src: str) -> Task | None:
    return _output[0].task(src) if _output else None


def _record(mentions: Mentions, page: Page, found: Any) -> None:
    src = page.file.src_uri
    task = _task(src)
    mentions.record(src, task.title if task else page.title or "", found)


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
    nav += [{title: src} for title, src in DEFAULT_NAV if _task(src) is not None or (docs / src).exists()]
    taken = {src for _, src in DEFAULT_NAV}
    return nav + [p for p in hand if p not in taken]


def _shown(docs: Path, config: MkDocsConfig) -> str:
    """The docs folder as editors see it in messages: relative to mkdocs.yml's folder (normally "docs").
    `mkdocs build -f mkdocs.yml` gives the config's path as typed, relative to the working folder."""
    try:
        return docs.resolve().relative_to(Path(config.config_file_path or "mkdocs.yml").resolve().parent).as_posix()
    except ValueError:
        return str(docs)


def on_post_build(config: MkDocsConfig) -> None:
    # Read by the benchmark (scripts/bench): all time in this hook, and the generator's part (on_config:
    # load, validate, model, render pages and data); the rest links names and fills "Mentioned in". The
    # generator's CPU time counts the worker processes it rendered with, if any (parallel.py).
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


def _freeze_after(fn: Any) -> Any:
    """Freeze what exists once `fn` has run. At on_env every page has been read and converted: the pages,
    their HTML and the navigation live until the build ends, and each full collection while MkDocs renders
    and writes the pages would scan them all again (about a second at 10,000 events)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        finally:
            gc.freeze()
    return wrapper


on_config = _timed(_gc_paused(on_config))
on_files = _timed(on_files)
on_page_content = _timed(on_page_content)
on_page_context = _timed(on_page_context)
on_env = _timed(_freeze_after(on_env))
