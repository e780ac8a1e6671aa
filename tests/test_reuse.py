"""What `mkdocs serve` keeps from one rebuild to the next (converted.py, reuse.py, render/maps.py Kept, the
linker's matcher, the parsed geometry) and how it is told of saves (watch.py). tests/test_serve.py checks the
whole through a real `mkdocs serve`; here each part, and rebuilds in one process as `mkdocs serve` runs them."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer.build import build_explainer
from explainer.kept import Kept
from explainer.kept import digest as kept_digest
from explainer.linking import Linker
from explainer.load import FileCache
from explainer.render.stash import Stash, expand, heavy_tokens, restash, stash_blocks
from explainer.reuse import digest
from helpers import FIXTURE, FLAGSHIP_LANGUAGES, ROOT, mkdocs_warnings

EVENT = "docs/events/2021-03-23-ever-given-runs-aground.yml"


def test_digest_tells_apart_what_differs_and_only_that() -> None:
    assert digest("ab", "c") != digest("a", "bc")  # parts are delimited
    assert digest(("ab", "c")) != digest(("a", "bc")) != digest("ab", "c")  # and so are a tuple's strings
    assert digest("x", {"a": 1}, None) == digest("x", {"a": 1}, None)
    assert digest("x", 1) != digest("x", "1")  # a number is its repr, not the same string


def test_what_is_kept_is_made_once_and_only_what_the_last_build_used_stays() -> None:
    kept, made = Kept(), []

    def make(what: str) -> str:
        made.append(what)
        return f"<svg>{what}</svg>"

    kept.begin("")
    assert kept.get("a", lambda: make("a")) == "<svg>a</svg>"
    assert kept.get("a", lambda: make("a")) == "<svg>a</svg>"
    kept.begin("uk")
    kept.get("a", lambda: make("a-uk"))  # each edition its own
    kept.begin("")  # the next build of the default edition asks for "b" only
    kept.get("b", lambda: make("b"))
    kept.begin("")  # so "a" is gone: made again
    kept.get("a", lambda: make("a"))
    assert made == ["a", "a-uk", "b", "a"]


def test_a_digest_tells_a_translated_text_from_an_untranslated_one_of_the_same_words() -> None:
    from explainer.translate import Fallback

    same = Fallback("Kyiv", "en")
    assert kept_digest("Kyiv") == kept_digest("Kyiv") != kept_digest(same)
    assert kept_digest(same) != kept_digest(Fallback("Kyiv", "uk"))
    assert kept_digest(lambda: 1) is None  # what pickle cannot write is never kept


@pytest.mark.slow  # builds the flagship's model
def test_a_geometry_is_digested_by_what_it_holds() -> None:
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    again = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    (name, geometry), = model.geometries.items()
    drawings = Kept()
    drawings.begin("")
    assert geometry is not again.geometries[name] and drawings.shape(geometry) == drawings.shape(again.geometries[name])
    from dataclasses import replace

    assert drawings.shape(replace(geometry, credit="other")) != drawings.shape(geometry)


def test_drawings_are_set_aside_while_search_reads_and_put_back_whole() -> None:
    stash = Stash()
    stash.items = []
    svg = stash.keep('<svg><a href="../places/x/">X</a></svg>')
    page = stash_blocks(f'## Map\n\n<figure class="x-map">\n{svg}\n</figure>\n\n<p>Text</p>\n', stash)
    fragments = tuple(stash.items)
    heavy = heavy_tokens(page, fragments)
    whole = expand(page, fragments)
    assert heavy == [0] and "<svg>" in whole
    aside = restash(whole, fragments, heavy)
    assert "<svg" not in aside and "<!--x-heavy:0-->" in aside and expand(aside, fragments) == whole
    linked = whole.replace("</svg>", "<!-- changed --></svg>")  # a drawing not found as it was: left in
    assert restash(linked, fragments, heavy) == linked


def test_the_geometry_file_is_parsed_again_only_when_it_changed(tmp_path: Path) -> None:
    cache, path = FileCache(), tmp_path / "shape.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    first = cache.json(path)
    assert cache.json(path) is first
    path.write_text('{"type": "FeatureCollection", "features": [], "credit": "new"}', encoding="utf-8")
    assert cache.json(path)["credit"] == "new"
    path.write_text("{not json", encoding="utf-8")
    assert isinstance(cache.json(path), ValueError)
    assert isinstance(cache.json(tmp_path / "missing.geojson"), OSError)


def test_the_linker_keeps_its_matcher_while_the_names_are_the_same(project: Path) -> None:
    model = build_explainer(project / "docs")
    first = Linker(model)
    assert Linker(build_explainer(project / "docs"), earlier=first).matcher is first.matcher
    assert Linker(model, directory_urls=False, earlier=first).matcher is not first.matcher
    actor = project / "docs" / "actors" / "ever-given.yml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("aliases: [", "aliases: [the ship, "), encoding="utf-8")
    renamed = Linker(build_explainer(project / "docs"), earlier=first)
    assert renamed.matcher is not first.matcher
    assert "the ship" in renamed.link_html("<p>Then the ship moved.</p>", "index.md").html


@pytest.mark.slow  # builds the flagship's model
def test_only_the_editions_asked_for_are_modelled() -> None:
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES, modelled=("uk",))
    assert set(model.editions) == {"uk"}
    assert set(build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES, modelled=()).editions) == set()


def test_mkdocs_serve_is_told_of_changes_by_inotify(tmp_path: Path) -> None:
    from mkdocs.livereload import LiveReloadServer
    from watchdog.events import FileClosedNoWriteEvent, FileModifiedEvent, FileOpenedEvent

    from explainer.watch import Changes, quicker

    server = LiveReloadServer(lambda: None, "127.0.0.1", 0, str(tmp_path))
    server.watch(str(tmp_path))
    faster = quicker(server)
    try:
        assert faster is not server and isinstance(faster.observer, Changes)
        assert faster.url == server.url and faster.build_delay < server.build_delay
        (emitter,) = faster.observer.emitters
        told = set(emitter._event_filter or ())  # what a build's own reading of the files must not set off
        assert FileModifiedEvent in told and not told & {FileOpenedEvent, FileClosedNoWriteEvent}
    finally:
        faster.server_close()
    assert quicker(other := object()) is other  # not MkDocs' own server: left as it is


@pytest.fixture
def serving(project: Path) -> Iterator[tuple[Path, list[str]]]:
    """Builds of `project` in this process as `mkdocs serve` runs them, one plugin kept across them; yields the
    project and the warnings logged (the caller asserts them). The plugin is told `build` again at the end (MkDocs
    keeps one instance per process)."""
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    with mkdocs_warnings() as warnings:
        try:
            config.plugins.on_startup(command="serve", dirty=False)
            yield project, warnings
        finally:
            config.plugins.on_startup(command="build", dirty=False)


def rebuild(project: Path, site: Path) -> dict[str, bytes]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    try:
        build(config, serve_url="http://127.0.0.1:8000/suez-2021/")
    except Abort:
        return {}
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_rebuild_converts_and_renders_only_what_changed(serving: tuple[Path, list[str]], tmp_path: Path) -> None:
    from mkdocs.config import load_config

    project, warnings = serving
    first = rebuild(project, tmp_path / "site")  # one site folder, as `mkdocs serve` has
    plugin = load_config(str(project / "mkdocs.yml")).plugins["explainer"]  # the one instance MkDocs keeps
    (project / EVENT).write_text((project / EVENT).read_text(encoding="utf-8").replace(
        "title: The Ever Given runs aground", "title: The Ever Given is stuck"), encoding="utf-8")
    second = rebuild(project, tmp_path / "site")
    assert warnings == [] and first.keys() == second.keys()
    changed = {path.removesuffix("index.html") for path in first if first[path] != second[path]}
    converted_again = {src for src in plugin.conversions.kept if src[1] not in plugin.conversions.hits}
    rendered_again = {src for src in plugin.reuse.html if src[1] not in plugin.reuse.reused}
    event, term = "events/2021-03-23-ever-given-runs-aground.md", "glossary/spring-tide.md"  # (not showing it)
    assert ("", event) in converted_again and ("", term) not in converted_again
    assert ("", event) in rendered_again and ("", term) not in rendered_again
    assert "events/2021-03-23-ever-given-runs-aground/" in changed and "glossary/spring-tide/" not in changed
    assert len(rendered_again) < len(plugin.reuse.html) / 2  # most pages came back as they were


def test_a_page_mkdocs_warned_about_warns_at_every_rebuild(serving: tuple[Path, list[str]], tmp_path: Path) -> None:
    project, warnings = serving
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nSee [the missing page](missing.md).\n", encoding="utf-8")
    for n in (1, 2, 3):  # strict: each rebuild stops on the warning, though the page has not changed
        assert rebuild(project, tmp_path / "site") == {}
        assert len(warnings) == n and "missing.md" in warnings[-1]
    shutil.copy(FIXTURE / "docs" / "index.md", index)  # fixed: the rebuild goes through
    assert rebuild(project, tmp_path / "site") != {} and len(warnings) == 3


HOOK = """from pathlib import Path


def on_page_context(context, page, config, nav):
    page.content = (Path(config.docs_dir) / "banner.txt").read_text(encoding="utf-8") + (page.content or "")
    return context
"""


def test_with_a_hook_every_page_is_built_again(serving: tuple[Path, list[str]], tmp_path: Path) -> None:
    """A hook (or another plugin, or a Markdown extension not known to read only its page) may read anything:
    nothing is kept, and what it reads shows at once."""
    from mkdocs.config import load_config

    project, warnings = serving
    (project / "hooks.py").write_text(HOOK, encoding="utf-8")
    (project / "docs" / "banner.txt").write_text("<p>Banner one</p>", encoding="utf-8")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("hooks:\n  - hooks.py\n")
    assert b"Banner one" in rebuild(project, tmp_path / "site")["glossary/spring-tide/index.html"]
    (project / "docs" / "banner.txt").write_text("<p>Banner two</p>", encoding="utf-8")
    assert b"Banner two" in rebuild(project, tmp_path / "site")["glossary/spring-tide/index.html"]
    plugin = load_config(str(project / "mkdocs.yml")).plugins["explainer"]
    assert plugin.conversions.hits == set() and plugin.reuse.reused == set() and warnings == []


def test_what_may_read_other_files_turns_reuse_off(project: Path) -> None:
    from mkdocs.config import load_config

    from explainer.reuse import reusable

    config = project / "mkdocs.yml"
    assert reusable(load_config(str(config))) == ""
    config.write_text(config.read_text(encoding="utf-8") + "markdown_extensions:\n  - toc\n  - pymdownx.snippets\n")
    assert reusable(load_config(str(config))) == "the Markdown extension(s) pymdownx.snippets"


def test_a_projects_own_theme_files_are_stamped_hidden_folders_and_all(tmp_path: Path) -> None:
    from explainer.load import stamps

    icons = tmp_path / "overrides" / ".icons" / "logo"
    icons.mkdir(parents=True)
    (icons / "mark.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "overrides" / "loop").symlink_to(tmp_path / "overrides")  # a folder linked into itself
    assert [Path(p).name for p, _, _ in stamps(str(tmp_path / "overrides"))] == ["mark.svg"]
    assert stamps(str(tmp_path / "overrides"), hidden=False) == []


def test_a_deleted_page_is_forgotten(serving: tuple[Path, list[str]], tmp_path: Path) -> None:
    from mkdocs.config import load_config

    project, warnings = serving
    rebuild(project, tmp_path / "site")
    plugin = load_config(str(project / "mkdocs.yml")).plugins["explainer"]
    page = ("", "events/2021-07-ship-leaves.md")
    assert page in plugin.conversions.kept and page in plugin.reuse.html
    (project / "docs" / "events" / "2021-07-ship-leaves.yml").unlink()
    assert "events/2021-07-ship-leaves/index.html" not in rebuild(project, tmp_path / "site")
    assert rebuild(project, tmp_path / "site")  # what a build no longer shows goes at the start of the next
    assert page not in plugin.conversions.kept and page not in plugin.reuse.html and warnings == []


def test_a_theme_that_changes_a_pages_table_of_contents_changes_only_its_own(
    serving: tuple[Path, list[str]], tmp_path: Path
) -> None:
    """A page converted before is handed its kept table of contents while its kept HTML is given back; when the
    theme renders it, a copy (a theme may change what it is handed)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, warnings = serving
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(  # (no PDF: a full build would make it)
        "  font: false\n", "  font: false\n  custom_dir: overrides\n").replace(
        "  - explainer\n", "  - explainer:\n      pdf: false\n"), encoding="utf-8")
    (project / "overrides").mkdir()
    main = project / "overrides" / "main.html"
    pops = ('{% extends "base.html" %}{# N #}{% block content %}{% if page.toc.items %}'
            "{% set _ = page.toc.items.pop() %}{% endif %}{{ super() }}{% endblock %}")
    for n in (1, 2, 3):  # the theme's files change: every page is rendered again, none converted again
        main.write_text(pops.replace("N", str(n)), encoding="utf-8")
        served = rebuild(project, tmp_path / "site")
    plugin = load_config(str(config)).plugins["explainer"]
    assert plugin.conversions.hits and not plugin.reuse.reused
    plugin.command = "build"  # a fresh build, to compare with
    build(load_config(str(config), site_dir=str(tmp_path / "fresh")))
    fresh = {p.relative_to(tmp_path / "fresh").as_posix(): p.read_bytes() for p in (tmp_path / "fresh").rglob("*.html")}
    page = "events/2021-03-23-ever-given-runs-aground/index.html"
    assert b"md-nav__link" in fresh[page] and len(fresh) > 20
    assert [path for path in fresh if served[path] != fresh[path]] == [] and warnings == []


def test_search_is_handed_no_content_for_a_page_it_skips_unless_it_would_strip_something() -> None:
    from types import SimpleNamespace

    from explainer.reuse import Reuse

    reuse = Reuse()
    reuse.index = SimpleNamespace(entries=[])

    def searched(html: str) -> tuple[str, SimpleNamespace]:
        """What search is handed, as the plugin's on_page_content ends, search runs, and on_page_context starts."""
        page = SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="a.md"), url="a/", title="A", toc=[])
        page.content = reuse.before_search(page, html)
        seen = page.content
        if not page.meta.get("search", {}).get("exclude"):
            reuse.index.entries.append({"location": page.url, "text": html})
        reuse.after_search(page)
        return seen, page

    plain, marked = "<p>Words</p>", '<p data-search-boost="2">Words</p>'
    for html in (plain, marked):
        reuse.mark, reuse.index.entries = 0, []
        assert searched(html)[0] == html  # new: search reads it
        reuse.mark, reuse.index.entries = 0, []
        seen, page = searched(html)  # as search saw it last: it skips it
        assert page.content == html and page.meta == {} and reuse.index.entries == [{"location": "a/", "text": html}]
        assert seen == ("" if html == plain else html)  # handed nothing to look through, unless it strips from it


def test_a_long_text_is_digested_once_while_it_is_the_same_object(monkeypatch: pytest.MonkeyPatch) -> None:
    import explainer.reuse as reuse

    texts, calls = reuse.Texts(), []
    monkeypatch.setattr(reuse, "digest", lambda *parts: calls.append(parts) or f"d{len(calls)}")
    long = "<p>" + "words " * 1000 + "</p>"
    texts.begin("")
    first = texts.key("site", long, {"title": "A"})
    assert texts.key("site", long, {"title": "A"}) == first and len(calls) == 1  # the same text: known
    texts.begin("")  # the next build: the text kept by the last one is still known
    assert texts.key("site", long, {"title": "A"}) == first and len(calls) == 1
    copy = "".join(["<p>", "words " * 1000, "</p>"])  # the same words, another object: digested again
    texts.key("site", copy, {"title": "A"})
    assert copy == long and copy is not long and len(calls) == 2
    assert texts.key("site", long, {"title": "B"}) != first  # the rest of the key counts
    texts.begin("")
    texts.begin("")  # two builds without it: forgotten
    texts.key("site", long, {"title": "A"})
    assert len(calls) == 3
