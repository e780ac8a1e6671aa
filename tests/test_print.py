"""The print edition: print.md (the whole explainer on one page, links inside it) and its PDF (handout/)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from explainer.build import build_explainer
from explainer.generator import Options, generate, render_pages
from explainer.handout import Handout, anchor, document
from explainer.render.handout import SourceNumbers
from explainer.render.maps import number
from helpers import FIXTURE, FLAGSHIP_LANGUAGES, ROOT, build_site

EPOCH = "1607040000"  # 2020-12-04
SLUG = "belarus-ukraine-2020"


@pytest.fixture(scope="module")
def flagship(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    site = tmp_path_factory.mktemp("print")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", EPOCH)
        assert build_site(ROOT / "mkdocs.yml", site) == []
    yield site


def pdf_text(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(re.sub(r"\s+", " ", item.title).strip())

    walk(reader.outline)
    return titles


# Links inside the document ----------------------------------------------------------------------------

def test_every_kind_of_page_has_its_anchor() -> None:
    assert anchor("events/2020-11-26-x.md") == "ev-2020-11-26-x"
    assert anchor("actors/belarus-mfa.md") == "actor-belarus-mfa"
    assert anchor("glossary/demarche.md") == "term-demarche"
    assert anchor("timelines/row.md") == anchor("timeline.md") == "timeline"
    assert anchor("index.md") == "story"
    assert anchor("about.md") == "page-about"


def handout(site_url: str = "https://example.org/x/") -> Handout:
    pages = {"": "index.md", "events/a/": "events/a.md", "data/": "data.md", "about/": "about.md",
             "print/": "print.md", "timeline/": "timeline.md"}
    return Handout(pages, True, site_url)


PRINT = ('<h1 id="print-title">T</h1><ol><!--x-print:contents--></ol><section id="story"><!--x-print:story-->'
         '</section><section id="ev-a"><a href="../events/a/">A</a> <a href="../data/">data</a> '
         '<a href="https://other.org/p">out</a> <a href="../timeline/#a">on the timeline</a></section>'
         '<!--x-print:more-->')


def test_the_story_goes_in_with_its_links_made_local() -> None:
    h = handout()
    h.keep("index.md", "Home", '<h1 id="home">Home</h1><h2 id="why">Why</h2><p><a href="events/a/">A</a> '
                               '<a href="#why">why</a> <a href="about/#method">method</a></p>')
    h.keep("about.md", "About <us>", '<h1 id="about-us">About</h1><h2 id="method">Method</h2>'
                                     '<a class="headerlink" href="#method">¶</a>')
    html = h.assemble(PRINT)
    assert '<h2 id="story-home">Home</h2><h3 id="story-why">Why</h3>' in html  # one level down, ids prefixed
    assert '<a href="#ev-a">A</a> <a href="#story-why">why</a> <a href="#page-about-method">method</a>' in html
    assert '<section class="x-print__page" id="page-about"><h2 id="page-about-about-us">' in html
    assert '<li><a href="#page-about">About &lt;us&gt;</a></li>' in html  # the contents list it, escaped
    assert "headerlink" not in html


def test_a_translated_home_page_gives_the_edition_its_title() -> None:
    h = Handout({"": "index.md"}, True, "", title_from_story=True)
    h.keep("index.md", "Home", '<h1 id="x">Розмова &amp; суперечка</h1><p>Текст</p>')
    html = h.assemble('<h1 id="print-title">Site name</h1><section id="story"><!--x-print:story--></section>')
    assert '<h1 id="print-title">Розмова &amp; суперечка</h1><section id="story"><p>Текст</p>' in html
    assert h.title == "Розмова & суперечка"


def test_pages_it_does_not_hold_get_their_public_address_or_no_link() -> None:
    html = handout().assemble(PRINT)
    assert '<a href="#ev-a">A</a>' in html and '<a href="#ev-a">on the timeline</a>' in html
    assert '<a href="https://example.org/x/data/">data</a>' in html
    assert '<a href="https://other.org/p">out</a>' in html
    assert "<a>data</a>" in handout(site_url="").assemble(PRINT)  # no address known: plain text


def test_sources_are_numbered_as_the_timeline_first_cites_them() -> None:
    model = build_explainer(FIXTURE / "docs")
    numbers = SourceNumbers(model)
    first = next(iter(model.events.values()))
    assert [n.number for n in numbers(first.citations)] == list(range(1, len(first.citations) + 1))
    assert sorted(numbers.order.values()) == list(range(1, len(model.sources) + 1))


def test_the_print_page_holds_everything_and_links_inside_itself() -> None:
    model = build_explainer(FIXTURE / "docs")
    page = next(p for p in render_pages(model, Options(site_name="Suez")) if p.src == "print.md")
    for e in model.events.values():
        assert f'id="ev-{e.id}"' in page.markdown
    for kind, prefix in (("actors", "actor"), ("places", "place"), ("terms", "term"), ("sources", "source")):
        for ident in getattr(model, kind):
            assert f'id="{prefix}-{ident}"' in page.markdown, (kind, ident)
    targets = set(re.findall(r'href="#([^"]+)"', page.markdown))
    ids = set(re.findall(r'\bid="([^"]+)"', page.markdown)) | {"story"}
    assert targets - ids == set()


def test_an_editions_print_page_marks_what_is_not_yet_translated() -> None:
    """Who's who and places give each summary's first sentence: an untranslated one says it is English."""
    from explainer.i18n import translations
    from explainer.render.language import Language

    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES).editions["be"]
    language = Language("be", translations("be"))
    page = next(p.page() for p in generate(model, Options(site_name="x"), language).pages if p.src == "print.md")
    brest = page.markdown.split('<dt id="place-brest">')[1].split("</dd>")[0]
    assert '<dd><span lang="en" class="x-untranslated">City in south-western Belarus' in brest, brest
    plain = re.sub(r'<span lang="en" class="x-untranslated">.*?</span>', "", page.markdown, flags=re.S)
    for places in plain.split('<section class="x-print__places"')[1:]:
        assert not re.search(r"<dd>[A-Z][a-z]+ [a-z]+", places.split("</section>")[0])


def test_the_document_states_its_language_title_and_date() -> None:
    html = document("<h1>x</h1>", title="A <b>", lang="uk", epoch=int(EPOCH))
    assert '<html lang="uk">' in html and "<title>A &lt;b&gt;</title>" in html
    assert '<meta name="dcterms.created" content="2020-12-04T00:00:00Z">' in html


# The PDF of the flagship ------------------------------------------------------------------------------

def test_the_pdf_holds_every_event_term_and_figure(flagship: Path) -> None:
    reader = PdfReader(flagship / f"{SLUG}.pdf")
    text = pdf_text(reader)
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    for e in model.events.values():
        assert re.sub(r"\s+", " ", e.title) in text, e.title
    for t in model.terms.values():
        assert t.term in text, t.term
    for fact in model.facts.values():
        for figure in fact.figures:
            assert number(figure.value) in text, figure.label
    assert 12 <= len(reader.pages) <= 40
    assert reader.metadata is not None and reader.metadata.title == model_site_name()


def model_site_name() -> str:
    return re.search(r'^site_name: "(.*)"$', (ROOT / "mkdocs.yml").read_text(), re.M)[1]  # type: ignore[index]


def test_the_pdf_is_tagged_titled_and_in_its_language(flagship: Path) -> None:
    for folder, lang in ((flagship, "en"), (flagship / "uk", "uk"), (flagship / "be", "be")):
        reader = PdfReader(folder / f"{SLUG}.pdf")
        root = reader.trailer["/Root"]
        assert root["/Lang"] == lang
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
        assert "/StructTreeRoot" in root
        assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
        home = (ROOT / "docs" / ("index.md" if lang == "en" else f"index.{lang}.md")).read_text(encoding="utf-8")
        title = model_site_name() if lang == "en" else home.splitlines()[0].removeprefix("# ")
        assert reader.metadata is not None and reader.metadata.title == title


def test_the_map_figure_has_its_title_as_alternative_text(flagship: Path) -> None:
    reader = PdfReader(flagship / f"{SLUG}.pdf")
    alts: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert "The Belarus–Ukraine border" in alts


def test_the_pdf_embeds_fonts_with_cyrillic(flagship: Path) -> None:
    for folder in (flagship, flagship / "uk"):
        reader = PdfReader(folder / f"{SLUG}.pdf")
        fonts = {}
        for page in reader.pages:
            for font in (page["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                descriptor = descriptor.get_object()
                fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert fonts and all(fonts.values()), fonts
        assert any("DejaVu" in name for name in fonts)
    uk = pdf_text(PdfReader(flagship / "uk" / f"{SLUG}.pdf"))
    assert "Хронологія" in uk and "Лукашенко" in uk


def test_the_pdf_has_a_bookmark_per_section_and_event(flagship: Path) -> None:
    reader = PdfReader(flagship / f"{SLUG}.pdf")
    titles = outline_titles(reader)
    for section in ("Contents", "Timeline", "Who's who", "Places", "Glossary", "Sources"):
        assert section in titles
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    joined = " | ".join(titles)
    for e in model.events.values():
        assert re.sub(r"\s+", " ", e.title) in joined, e.title


def test_the_pdf_links_inside_itself_and_out(flagship: Path) -> None:
    reader = PdfReader(flagship / f"{SLUG}.pdf")
    inside, outside = 0, set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                outside.add(str(action["/URI"]))
            else:
                inside += 1
    assert inside > 100
    assert outside and all(u.startswith(("https://", "http://")) for u in outside), outside


def test_the_pdf_is_listed_on_the_data_page_and_linked_from_the_print_page(flagship: Path) -> None:
    data = (flagship / "data" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{SLUG}.pdf"' in data
    printed = (flagship / "print" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{SLUG}.pdf"' in printed
    home = (flagship / "index.html").read_text(encoding="utf-8")
    assert 'href="print/"' in home  # the navigation


def test_the_print_page_is_left_out_of_the_search(flagship: Path) -> None:
    """It repeats every page: in the search it would top every result."""
    import json

    for edition in ("", "uk/"):
        index = json.loads((flagship / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert any(loc.startswith("events/") for loc in locations)
        assert not [loc for loc in locations if loc.startswith("print/")], edition


@pytest.mark.slow  # builds a whole site
def test_two_builds_make_the_same_pdf(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for site in ("one", "two"):
        assert build_site(project / "mkdocs.yml", tmp_path / site) == []
    one, two = ((tmp_path / site / "suez-2021.pdf").read_bytes() for site in ("one", "two"))
    assert one == two and one.startswith(b"%PDF-")
    reader = PdfReader(tmp_path / "one" / "suez-2021.pdf")
    assert "Version of 4 December 2020." in pdf_text(reader)  # from SOURCE_DATE_EPOCH
    assert reader.metadata is not None and reader.metadata["/CreationDate"].startswith("D:20201204")


@pytest.mark.slow  # builds a whole site
def test_no_pdf_when_switched_off(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - explainer\n", "  - explainer:\n      pdf: false\n"))
    assert build_site(config, tmp_path / "site") == []
    assert not list((tmp_path / "site").glob("*.pdf"))
    assert ".pdf" not in (tmp_path / "site" / "data" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow  # builds a whole site
def test_the_paper_option_sets_the_page_size(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - explainer\n", "  - explainer:\n      paper: letter\n"))
    assert build_site(config, tmp_path / "site") == []
    reader = PdfReader(tmp_path / "site" / "suez-2021.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter, in points
    assert "US Letter" in (tmp_path / "site" / "data" / "index.html").read_text(encoding="utf-8")
