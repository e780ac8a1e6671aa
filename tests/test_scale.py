"""Correctness at scale (issue 8): pages that do not grow with the data, shared fragments that render and
link exactly as if done page by page, the file cache, and a strict 10,000-event build (marked slow).

No timings are asserted here: scripts/bench measures them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bench.synth import generate
from explainer import prose as prose_module
from explainer.build import build_explainer
from explainer.generator import Options, render_pages
from explainer.linking.linker import Linker
from explainer.load import FileCache, loaded
from explainer.render import page as page_module
from explainer.render import pages as pages_module
from explainer.render.paging import COMPACT_OVER, INDEX_EVENTS, PAGE_EVENTS, periods
from helpers import FIXTURE, build_site

TOKENS = ("a", "Щé", " ", ".", ",", "'", "“", "(", ")", "-", "–", "1", "*", "_", "`", "[", "]", "<", ">", "&", "#", "\\",
          "|", "\n", "\u00a0", "=")
PROSE = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12).map("".join)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    generate(root, 1000)
    return root


@pytest.fixture(scope="module")
def pages(synthetic: Path) -> dict[str, str]:
    return {p.src: p.markdown for p in render_pages(build_explainer(synthetic / "docs"))}


# Markdown fields: the shortcut for plain prose gives what the full renderer gives ---------------------

@settings(max_examples=500, deadline=None)
@given(PROSE, st.booleans())
@example("a *b* c", False)
@example("a _b_ c", True)
@example("1. a", False)
@example("a `b`", False)
@example("a\u00a0b", False)
@example("a &amp; b", False)
def test_plain_prose_shortcut_matches_the_full_renderer(text: str, inline: bool) -> None:
    fast = prose_module.Prose().html(text, inline=inline)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prose_module, "PLAIN", re.compile(r"(?!)"))  # never matches: always the full path
        slow = prose_module.Prose().html(text, inline=inline)
    assert fast == slow


# Pages that do not grow with the data ---------------------------------------------------------------

def test_long_timelines_are_split_by_year(pages: dict[str, str]) -> None:
    parts = sorted(src for src in pages if src.startswith("timeline/"))
    assert parts and all(re.fullmatch(r"timeline/\d{4}(-\d\d)?\.md", src) for src in parts)
    listed = sum(pages[src].count('<li class="x-event') for src in parts)
    assert listed == 1000  # every event on exactly one page of the timeline
    assert max(pages[src].count('<li class="x-event') for src in parts) <= PAGE_EVENTS
    index = pages["timeline.md"]
    assert '<li class="x-event' not in index and all(f'href="../{src[:-3]}/"' in index for src in parts)
    assert 'href="#' not in index  # the overview's marks lead to the pages that list their events


def test_events_index_lists_events_then_only_months(synthetic: Path, pages: dict[str, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert INDEX_EVENTS >= 1000 and pages["events.md"].count('href="../events/event-') == 1000
    monkeypatch.setattr(pages_module, "INDEX_EVENTS", 500)
    index = next(p.markdown for p in render_pages(build_explainer(synthetic / "docs")) if p.src == "events.md")
    assert "events/event-" not in index  # no line per event
    months = re.findall(r'href="\.\./timeline/\d{4}(?:-\d\d)?/#(\d{4}-(?:\d\d|year))"', index)
    assert len(months) == len(set(months)) > 25 * 12


def test_small_timelines_stay_on_one_page() -> None:
    model = build_explainer(FIXTURE / "docs")
    assert periods(list(model.events.values())) == ()
    assert not any(p.src.startswith("timeline/") for p in render_pages(model))


def test_pages_with_very_many_events_list_them_compactly(synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_module, "COMPACT_OVER", 30)  # read when the renderer's environment is made
    out = {p.src: p.markdown for p in render_pages(build_explainer(synthetic / "docs"))}
    counts = {src: text.count('<li class="x-event') for src, text in out.items()
              if src.startswith(("glossary/", "actors/", "places/", "sources/"))}
    busy = [src for src, n in counts.items() if n > 30]
    quiet = [src for src, n in counts.items() if 0 < n <= 30]
    assert busy and quiet and COMPACT_OVER > 30
    assert all("x-event__summary" not in out[src] and "Who:" not in out[src] for src in busy)
    assert all("x-event__summary" in out[src] for src in quiet)


def test_event_pages_weigh_the_same_at_any_size(tmp_path: Path, pages: dict[str, str]) -> None:
    generate(tmp_path, 100)
    small = {p.src: p.markdown for p in render_pages(build_explainer(tmp_path / "docs"))}
    ratio = len(pages["events/event-00000.md"]) / len(small["events/event-00000.md"])
    assert 0.9 <= ratio <= 1.1


# Shared fragments link as if each page were walked alone ----------------------------------------------

def test_a_recurring_event_item_links_first_mentions_per_page(synthetic: Path, pages: dict[str, str]) -> None:
    linker = Linker(build_explainer(synthetic / "docs"))
    fresh = Linker(build_explainer(synthetic / "docs"))
    fresh.walked = _Never()  # type: ignore[assignment]  # walks every element anew
    actor_pages = [src for src in pages if src.startswith("actors/")][:5]
    for src in actor_pages:
        html = pages[src]
        assert linker.link_html(html, src, False) == fresh.link_html(html, src, False)
    assert linker.walked  # items were kept, and replayed on the later pages


class _Never(dict):  # type: ignore[type-arg]
    def __contains__(self, key: object) -> bool:
        return False

    def __setitem__(self, key: object, value: object) -> None:
        pass


def test_a_name_already_linked_on_the_page_is_not_linked_again_in_an_item() -> None:
    linker = Linker(build_explainer(FIXTURE / "docs"))
    item = ('<ol class="x-events"><li class="x-event" id="e"><div class="x-event__summary"><p>Ships wait at Suez.'
            '</p></div></li></ol>')
    alone = linker.link_html(item, "actors/ever-given.md").html
    after = linker.link_html("<p>Near Suez.</p>" + item, "actors/ever-given.md").html
    assert alone.count("x-autolink") == 1 and after.count("x-autolink") == 1
    assert after.index("x-autolink") < after.index("x-event")


# The file cache: an edit re-reads one file ---------------------------------------------------------

def test_an_edit_rereads_only_that_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = loaded.parse_yaml

    def counting(raw: bytes, shown: str) -> object:
        reads.append(shown.rsplit("/", 1)[-1])
        return original(raw, shown)

    monkeypatch.setattr(loaded, "parse_yaml", counting)
    cache = FileCache()
    build_explainer(project / "docs", cache=cache)
    assert len(reads) > 10
    reads.clear()
    build_explainer(project / "docs", cache=cache)
    assert reads == []
    event = next((project / "docs" / "events").glob("*.yml"))
    event.write_text(event.read_text(encoding="utf-8").replace("title:", "title: Edited", 1), encoding="utf-8")
    model = build_explainer(project / "docs", cache=cache)
    assert reads == [event.name]
    assert model.events[event.stem].title.startswith("Edited")


# A real build at 10,000 events ---------------------------------------------------------------------

@pytest.mark.slow
def test_ten_thousand_events_build_strictly(tmp_path: Path) -> None:
    config = generate(tmp_path, 10_000)
    model = build_explainer(tmp_path / "docs")
    assert (len(model.events), len(model.actors), len(model.terms), len(model.places)) == (10_000, 1000, 500, 400)
    generated = render_pages(model, Options(site_name="x"))
    site = tmp_path / "site"
    assert build_site(config, site) == []
    html = list(site.rglob("*.html"))
    assert len(html) >= len(generated) + 1  # every generated page, the home page and 404
    assert all((site / "events" / f"event-{i:05d}" / "index.html").is_file() for i in (0, 4999, 9999))
    # the print edition holds the whole explainer on one page by design (at 10,000 events: dated titles only)
    largest = max((p for p in html if p.parent.name != "print"), key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < 500_000, largest
    assert (site / "search" / "search_index.json").stat().st_size > 0
