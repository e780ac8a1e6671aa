"""Page descriptions and schema.org nodes (explainer.render.meta): plain text, short, typed."""
from __future__ import annotations

from pathlib import Path

from explainer.build import build_explainer
from explainer.generator import render_pages
from explainer.prose import Prose
from explainer.render.meta import first_paragraph, json_ld, other_page_meta, page_meta
from explainer.text import LIMIT, collation_key, first_sentence, shorten


def test_plain_drops_markdown_and_keeps_raw_html_as_text() -> None:
    assert Prose().plain("The *Ever Given* [runs aground](../places/x.md) & <b>stops</b>.") == \
        "The Ever Given runs aground & <b>stops</b>."


def test_shorten_prefers_whole_sentences_then_words() -> None:
    first = "A first sentence that is long enough to stand alone as a description."
    assert shorten(f"{first} " + "word " * 60) == first
    assert shorten("Too short. " + "word " * 60).endswith("word…")  # a sentence under a third of the limit
    words = "word " * 60
    cut = shorten(words)
    assert len(cut) <= LIMIT and cut.endswith("word…")
    assert shorten("  short\n text ") == "short text"


def test_first_sentence_is_whole_or_cut_at_a_word() -> None:
    assert first_sentence("Minsk is the capital. It lies on the Svislach.") == "Minsk is the capital."
    assert first_sentence("Мінськ — столиця. Він лежить на Свіслачі.") == "Мінськ — столиця."
    long = "The ministry said " + "that the stirring of unrest " * 10 + "continued."
    cut = first_sentence(long, 100)
    assert len(cut) <= 100 and cut.endswith(" of…") and long.startswith(cut[:-1])
    assert first_sentence(long, 600) == long


def test_names_sort_in_their_alphabets_order() -> None:
    uk = ["Ігор Кизим", "Європейський Союз", "Віктор Янукович", "Володимир Макей", "НАТО", "Мінськ", "Москва", "Ґрунт"]
    assert sorted(uk, key=collation_key) == [
        "Віктор Янукович", "Володимир Макей", "Ґрунт", "Європейський Союз", "Ігор Кизим", "Мінськ", "Москва", "НАТО"]
    be = ["Ігар Кізім", "Уладзімір Макей", "Ўзгорак", "Ёлка", "Эрфурт", "Юрый"]
    assert sorted(be, key=collation_key) == ["Ёлка", "Ігар Кізім", "Уладзімір Макей", "Ўзгорак", "Эрфурт", "Юрый"]
    assert sorted(["Zebra", "émile", "Apple"], key=collation_key) == ["Apple", "émile", "Zebra"]


def test_first_paragraph_is_plain_text() -> None:
    assert first_paragraph("<h1>T</h1><p class='x'>One <a href='#'>link</a> &amp; more</p><p>Two</p>") == "One link & more"
    assert first_paragraph("<h1>No paragraph</h1>") == ""


def test_json_ld_adds_context_and_address() -> None:
    assert json_ld({"@type": "Place", "name": "X"}, "https://e.org/p/") == \
        {"@context": "https://schema.org", "@type": "Place", "name": "X", "url": "https://e.org/p/"}
    assert "url" not in json_ld({"@type": "Place"}, "")


def test_every_generated_page_has_a_short_description_and_a_typed_node(project: Path) -> None:
    """Pages of things and their indexes; other generated pages are described like hand-written ones."""
    model = build_explainer(project / "docs")
    meta = page_meta(model, "Suez")
    generated = {p.src for p in render_pages(model) if "/" in p.src or p.src in ("timeline.md", "glossary.md")}
    assert generated <= set(meta), sorted(generated - set(meta))
    for src in generated:
        assert 0 < len(meta[src].description) <= LIMIT, src
        assert meta[src].node["@type"], src
    event = meta["events/2021-03-23-ever-given-runs-aground.md"].node
    assert event["@type"] == "Event" and event["startDate"] == "2021-03-23"
    assert event["location"]["@type"] == "Place" and "latitude" in event["location"]["geo"]
    assert meta["glossary/dredging.md"].node["@type"] == "DefinedTerm"
    assert {meta[f"actors/{a}.md"].node["@type"] for a in model.actors} <= {"Person", "Organization"}


def test_hand_written_pages() -> None:
    home = other_page_meta("Home", "About the canal.", "Suez", home=True)
    assert home.node == {"@type": "WebSite", "name": "Suez", "description": "About the canal."}
    assert other_page_meta("About", "", "Suez", home=False).node == {"@type": "WebPage", "name": "About"}
