"""The linker: the first mention of an actor, place or term on a page links to it, with a tooltip."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.build import build_explainer
from explainer.linking.linker import Linker
from explainer.linking.mentions import Mentions
from explainer.linking.names import AmbiguousAlias, Entity, Matcher
from helpers import FIXTURE, build_site

HOME = "index.md"
SUEZ = "../../places/suez/"  # from the page at events/x/
SUEZ_FROM_HOME = "places/suez/"


class Anchors(HTMLParser):
    """(href, title, text) of every link, and the visible text of the whole fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            a = dict(attrs)
            self._open.append([a.get("href") or "", a.get("title") or "", ""])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self.links.append(tuple(self._open.pop()))  # type: ignore[arg-type]

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for link in self._open:
            link[2] += data


def anchors(fragment: str) -> Anchors:
    p = Anchors()
    p.feed(fragment)
    p.close()
    return p


def added(before: str, after: str) -> list[tuple[str, str]]:
    old = anchors(before).links
    new = anchors(after).links
    return [(h, t) for h, _, t in new if (h, _, t) not in old]


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(build_explainer(FIXTURE / "docs"))


def link(linker: Linker, fragment: str, page: str = "events/x.md") -> str:
    return linker.link_html(fragment, page).html


# First mention only, whole words, case, aliases, longest match --------------------------------

def test_first_mention_only(linker: Linker) -> None:
    src = "<p>Suez at dawn.</p><p>Suez at noon, and suez at dusk.</p>"
    assert added(src, link(linker, src)) == [(SUEZ, "Suez")]


def test_whole_words_only(linker: Linker) -> None:
    src = "<p>Suezmax ships, the Ismailian shore, XSuez and Suez_2 are not Suez.</p>"
    out = link(linker, src)
    assert added(src, out) == [(SUEZ, "Suez")]
    assert out.startswith("<p>Suezmax ships, the Ismailian shore, XSuez and Suez_2 are not <a ")


def test_punctuation_and_possessives_are_boundaries(linker: Linker) -> None:
    src = "<p>(Ismailia’s harbour) — Suez-bound.</p>"
    assert added(src, link(linker, src)) == [("../../places/ismailia/", "Ismailia"), (SUEZ, "Suez")]


def test_case_insensitive_and_multi_word_across_lines(linker: Linker) -> None:
    src = "<p>The SPRING\n   TIDE helped; so did the ever given crew.</p>"
    assert added(src, link(linker, src)) == [("../../glossary/spring-tide/", "SPRING\n   TIDE"),
                                             ("../../actors/ever-given/", "ever given")]


def test_longest_match_first(linker: Linker) -> None:
    src = "<p>The Suez Canal Authority met in Suez.</p>"
    assert added(src, link(linker, src)) == [("../../actors/suez-canal-authority/", "Suez Canal Authority"),
                                             (SUEZ, "Suez")]


def test_aliases_link_to_their_entry_once(linker: Linker) -> None:
    src = "<p>Two dredgers came; a dredger stayed. The MV Ever Given, hit by Ever Given’s bow.</p>"
    assert added(src, link(linker, src)) == [("../../glossary/dredging/", "dredgers"),
                                             ("../../actors/ever-given/", "MV Ever Given")]


def test_non_latin_alias(linker: Linker) -> None:
    src = "<p>أعلنت هيئة قناة السويس ذلك.</p>"
    assert added(src, link(linker, src)) == [("../../actors/suez-canal-authority/", "هيئة قناة السويس")]


def test_acronym_aliases_match_only_in_capitals(linker: Linker) -> None:
    src = "<p>Ask the sca. Then ask the SCA.</p>"
    assert added(src, link(linker, src)) == [("../../actors/suez-canal-authority/", "SCA")]


def test_cyrillic_names_case_and_boundaries(project: Path) -> None:
    (project / "docs" / "actors" / "lukashenka.yml").write_text(
        "name: Alyaksandr Lukashenka\nkind: person\nrole: President of Belarus\n"
        "aliases: [Lukashenko, Лукашэнка, Лукашенко, Александр Лукашенко]\n", encoding="utf-8")
    lk = Linker(build_explainer(project / "docs"))
    for text, found in [("Заявил ЛУКАШЕНКО вчера.", "ЛУКАШЕНКО"), ("Сказал Александр  Лукашенко.", "Александр  Лукашенко"),
                        ("Лукашэнка сказаў.", "Лукашэнка"), ("LUKASHENKO said.", "LUKASHENKO")]:
        out = lk.link_html(f"<p>{text}</p>", HOME).html
        assert added(f"<p>{text}</p>", out) == [("actors/lukashenka/", found)], text
    for text in ["Лукашенковский режим.", "Пра-Лукашэнкаў", "Lukashenkos"]:
        assert "<a " not in lk.link_html(f"<p>{text}</p>", HOME).html, text


# Where names are never linked ----------------------------------------------------------------

@pytest.mark.parametrize("wrapper", [
    "<h1>{}</h1>", "<h2 id='s'>{}</h2>", "<h6>{}</h6>", "<p><code>{}</code></p>", "<pre><code>{}\n</code></pre>",
    "<p><a href='https://example.org/'>{}</a></p>", "<p><a href='#x'>The <em>{}</em></a></p>",
    "<script>var s = '{}';</script>", "<style>/* {} */</style>", "<svg><text>{}</text></svg>",
    "<nav class='md-nav'>{}</nav>", "<div class='x-nolink'><p>{}</p></div>", "<title>{}</title>",
    "<!-- {} -->", "<p><kbd>{}</kbd></p>",
])
def test_skipped_contexts(linker: Linker, wrapper: str) -> None:
    src = wrapper.format("Suez and Ismailia")
    assert link(linker, src) == src


def test_text_after_a_skipped_element_is_linked(linker: Linker) -> None:
    src = "<h2>Suez</h2><p><code>Suez</code> and <a href='#'>Suez</a> then Suez.</p>"
    out = link(linker, src)
    assert out == src.replace("then Suez.", f'then <a class="x-autolink" href="{SUEZ}" title="City, EG">Suez</a>.')


def test_never_inside_attributes(linker: Linker) -> None:
    src = ('<p title="Suez and Ismailia" data-x=\'Ever Given\' class="Suez">Near'
           ' <img alt="Suez" src="suez.png"> <abbr title="Suez Canal Authority">SCA</abbr> today.</p>')
    out = link(linker, src)
    assert out == src.replace('">SCA</abbr>', '"><a class="x-autolink" href="../../actors/suez-canal-authority/"'
                                             ' title="Organisation, EG">SCA</a></abbr>')


def test_no_link_to_the_page_itself(linker: Linker) -> None:
    src = "<p>Suez lies south of Ismailia.</p>"
    out = linker.link_html(src, "places/suez.md")
    assert added(src, out.html) == [("../ismailia/", "Ismailia")]
    assert ("places", "suez") not in out.mentions


def test_an_existing_link_counts_as_the_first_link(linker: Linker) -> None:
    src = '<p><a href="../../places/suez/">the port</a> and later Suez.</p>'
    out = linker.link_html(src, "events/x.md")
    assert out.html == src
    assert out.mentions == (("places", "suez"),)


def test_on_generated_pages_only_editor_links_are_mentions(linker: Linker) -> None:
    src = ('<p class="x-also-cited">Also cited on: <a href="../../places/suez/">Suez</a></p>'
           '<dl class="x-facts"><dd><a href="../../actors/ever-given/">Ever Given</a></dd></dl>'
           '<div class="x-body"><p>See <a href="../../places/ismailia/">the town</a>.</p></div>')
    out = linker.link_html(src, "events/x.md", editor_links=False)
    assert out.html == src
    assert out.mentions == (("places", "ismailia"),)
    assert linker.link_html(src, "events/x.md").mentions == (("actors", "ever-given"), ("places", "ismailia"))


def test_tooltips_are_short_definitions_and_roles(linker: Linker) -> None:
    out = link(linker, "<p>Dredging near Ismailia by Osama Rabie.</p>")
    assert [(t, x) for _, t, x in anchors(out).links] == [
        ("Digging sand and mud from the bottom of a waterway to free a ship or deepen a channel.", "Dredging"),
        ("Seat of the Suez Canal Authority.", "Ismailia"),
        ("Chairman of the Suez Canal Authority", "Osama Rabie")]


def test_escaping_round_trips(project: Path) -> None:
    (project / "docs" / "glossary" / "quote.yml").write_text(
        'term: Canal toll\nshort: A fee "per ton" <b>paid</b> & booked.\n', encoding="utf-8")
    lk = Linker(build_explainer(project / "docs"))
    src = "<p>A &lt;canal toll&gt; &amp; more: Canal&nbsp;toll.</p>"
    out = lk.link_html(src, HOME).html
    assert ' title="A fee &#34;per ton&#34; &lt;b&gt;paid&lt;/b&gt; &amp; booked."' in out
    assert anchors(out).links == [("glossary/quote/", 'A fee "per ton" <b>paid</b> & booked.', "canal toll")]
    assert "".join(anchors(out).text) == html.unescape(re.sub(r"<[^>]+>", "", src))


def test_markup_passes_through_byte_for_byte(linker: Linker) -> None:
    src = ('<!DOCTYPE html><div class="a"\n  id=\'b\'><br/><img src=x>&eacute;&#233;<p>no names here &lt;Suez&gt'
           '</p><?pi x?><![CDATA[Suez]]></div>')
    out = link(linker, src)
    assert out.replace('<a class="x-autolink" href="../../places/suez/" title="City, EG">Suez</a>', "Suez") \
        == src.replace("&lt;Suez&gt", "&lt;Suez&gt;")


def test_directory_urls_off() -> None:
    lk = Linker(build_explainer(FIXTURE / "docs"), directory_urls=False)
    out = lk.link_html("<p>Suez.</p>", "events/x.md").html
    assert 'href="../places/suez.html"' in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Suez Ismailia SCA dredger<>&\"'’\n-.ЛукашенкоÉé")), max_size=80))
def test_visible_text_is_never_changed(text: str) -> None:
    lk = _LINKER
    src = f"<p>{html.escape(text, quote=False)}</p>"
    out = lk.link_html(src, "events/x.md").html
    assert "".join(anchors(out).text) == "".join(anchors(src).text)
    hrefs = [h for h, _, _ in anchors(out).links]
    assert len(hrefs) == len(set(hrefs)) == out.count("<a ")


_LINKER = Linker(build_explainer(FIXTURE / "docs"))


# Mentions ------------------------------------------------------------------------------------

def test_listings_link_but_do_not_count_as_mentions(linker: Linker) -> None:
    src = '<ol class="x-events"><li><p>Suez</p></li></ol><p>Ismailia</p>'
    out = linker.link_html(src, "actors/ever-given.md")
    assert [t for _, _, t in anchors(out.html).links] == ["Suez", "Ismailia"]
    assert out.mentions == (("places", "ismailia"),)


def test_mentioned_in_merges_data_and_prose(project: Path) -> None:
    model = build_explainer(project / "docs")
    log = Mentions(model)
    log.record("index.md", "Home", [("places", "suez")])
    log.record("glossary/dredging.md", "Dredging", [("places", "suez")])
    groups = log.groups("places", "suez", "places/suez.md")
    assert [(label, [m.title for m in items]) for label, items in groups] == [
        ("Pages", ["Home"]),
        ("Events", [e.title for e in model.events_of("places", "suez")]),
        ("Glossary", ["Dredging"]),
    ]
    assert groups[0][1][0].url == "../../"
    filled = log.fill('<h2>Mentioned in</h2>\n<div class="x-mentions" data-src="places/suez.md"></div>', "places/suez.md")
    assert '<a href="../../">Home</a>' in filled and "data-src" not in filled


def test_site_links_prose_and_lists_mentions(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "about.md").write_text(
        "# About Suez\n\nWe wrote about the Suez Canal Authority and about `Suez`, then Ismailia and ismailia.\n",
        encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site) == []
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    body = about[about.index("<h1"):]
    assert re.findall(r'<a class="x-autolink" href="([^"]+)" title="[^"]*">([^<]+)</a>', body) == [
        ("../actors/suez-canal-authority/", "Suez Canal Authority"), ("../places/ismailia/", "Ismailia")]
    assert not re.search(r"<h[1-6][^>]*>[^\n]*x-autolink", body)
    ismailia = (site / "places" / "ismailia" / "index.html").read_text(encoding="utf-8")
    mentioned = ismailia[ismailia.index('<div class="x-mentions" data-search-exclude>'):]
    mentioned = mentioned[:mentioned.index("</div>")]
    assert '<a href="../../about/">About Suez</a>' in mentioned
    assert 'data-src="' not in ismailia
    assert 'class="x-autolink" href="./"' not in ismailia  # no self-link


# Ambiguous aliases (the build refuses them first: tests/test_validation.py) ---------------------

def test_matcher_refuses_an_alias_claimed_twice() -> None:
    a = Entity("actors", "a", "docs/actors/a.yml", "A", "", ("Alpha", "The Ship"))
    b = Entity("places", "b", "docs/places/b.yml", "B", "", ("Beta", "the  ship"))
    with pytest.raises(AmbiguousAlias, match=r"docs/places/b\.yml: aliases: .*'the  ship' also in docs/actors/a\.yml"):
        Matcher([a, b])


# The flagship, built -------------------------------------------------------------------------

class AutoLinks(HTMLParser):
    """Every link the linker added: (inside a heading or skipped element?, href, title)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[bool, str, str]] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "nav", "svg"}:
            self._depth += 1
        if tag == "a" and a.get("class") == "x-autolink":
            self.found.append((self._depth > 0, a.get("href") or "", a.get("title") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "nav", "svg"}:
            self._depth -= 1


@pytest.mark.slow
def test_flagship_links_resolve_once_per_page_outside_headings(tmp_path: Path) -> None:
    from helpers import ROOT
    site = tmp_path / "site"
    assert build_site(ROOT / "mkdocs.yml", site) == []
    total = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert '<div class="x-mentions" data-src=' not in text, page
        if page.parent.name == "print":  # the print edition: its links point inside it (tests/test_print.py)
            continue
        links = AutoLinks()
        links.feed(text)
        hrefs = [h for _, h, _ in links.found]
        assert len(hrefs) == len(set(hrefs)), page
        for in_heading, href, title in links.found:
            assert not in_heading and title, (page, href)
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file() and target != page.parent, (page, href)
        total += len(hrefs)
    assert total > 500
