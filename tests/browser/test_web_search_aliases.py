"""Search finds every actor and place of the flagship by its name and by each alias, in any script.

Read from the built search index (every name is a whole word of its page), then searched with
Material's own search worker in Chromium, and typed into the search box for the flagship's best-known
name in three spellings."""
from __future__ import annotations

import functools
import http.server
import json
import re
from collections.abc import Iterator
from pathlib import Path
from threading import Thread
from typing import Any

import pytest

from explainer.build import build_explainer
from helpers import FLAGSHIP_LANGUAGES, ROOT, build_site

MODEL = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
NAMES = [(f"actors/{a.id}/", n) for a in MODEL.actors.values() for n in (a.name, *a.aliases)] + \
        [(f"places/{p.id}/", n) for p in MODEL.places.values() for n in (p.name, *p.aliases)]
LUKASHENKA = next(f"actors/{a.id}/" for a in MODEL.actors.values() if "Лукашенко" in a.aliases)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("search") / "site"
    assert build_site(ROOT / "mkdocs.yml", site) == []
    return site


@pytest.fixture(scope="module")
def index(site: Path) -> dict[str, Any]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def words(text: str, separator: str) -> list[str]:
    """Material's tokenizer, near enough: markup is a boundary, words split at the separator, lower case."""
    return [w for w in re.split(separator, re.sub(r"<[^>]+>", " ", text).lower()) if w]


def test_the_flagship_has_names_in_other_scripts() -> None:
    assert LUKASHENKA == "actors/alyaksandr-lukashenka/"
    assert sum(1 for _, n in NAMES if re.search("[\u0400-\u04ff]", n)) >= 50


def test_pipeline_keeps_words_in_any_script(index: dict[str, Any]) -> None:
    # lunr's trimmer strips "non-word" characters with an ASCII-only \W: it would erase every Cyrillic word.
    assert "trimmer" not in index["config"]["pipeline"]
    assert words("Belarus–Poland–Ukraine tripoint", index["config"]["separator"]) == [
        "belarus", "poland", "ukraine", "tripoint"]


def test_every_name_is_a_whole_word_of_its_page(index: dict[str, Any]) -> None:
    separator = index["config"]["separator"]
    pages: dict[str, list[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        pages.setdefault(page, []).extend(words(doc["title"] + " " + doc["text"], separator))
    missing = [(page, name) for page, name in NAMES
               if not set(words(name, separator)) <= set(pages.get(page, []))]
    assert missing == []


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


SEARCH_ALL = """async ([worker, queries]) => {
  const index = await (await fetch("search/search_index.json")).json();
  const w = new Worker(worker);
  const reply = () => new Promise(done => w.addEventListener("message", e => done(e.data), {once: true}));
  w.postMessage({type: 0, data: {...index, options: {suggest: false}}});  // SETUP, as Material sends it
  await reply();
  const found = {};
  for (const q of queries) {
    w.postMessage({type: 2, data: q});  // QUERY
    found[q] = (await reply()).data.items.map(group => group[0].location.split("#")[0]);
  }
  w.terminate();
  return found;
}"""


@pytest.mark.browser
def test_material_search_finds_every_name(site: Path, served: str, browser: Any) -> None:
    worker = next(site.glob("assets/javascripts/workers/search.*.min.js")).relative_to(site).as_posix()
    page = browser.new_page()
    page.goto(served)
    found = page.evaluate(SEARCH_ALL, [worker, sorted({n for _, n in NAMES})])
    page.close()
    assert [(p, n, found[n][:5]) for p, n in NAMES if p not in found[n]] == []


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Лукашенко", "Lukashenko", "Lukashenka", "Лукашэнка"])
def test_typing_a_spelling_in_the_search_box(served: str, browser: Any, query: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("() => /Type to start/.test(document.querySelector('.md-search-result__meta').textContent)")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup (Cyrillic typed through an input method sends none)
    page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    text = meta.inner_text()
    page.close()
    assert "No matching" not in text
    assert any(h.split("?")[0] == served + LUKASHENKA for h in hrefs[:5]), hrefs[:5]
