"""Language editions: translations as overlays (validated, with located errors), each edition a whole site
under /<lang>/ with its own words and dates, fallbacks marked, every page linked to its other editions."""

from __future__ import annotations

import io
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from explainer.build import build_explainer
from explainer.catalogues import LANGUAGES, template, translated
from explainer.i18n import translations
from explainer.problems import ExplainerError
from explainer.render.language import Language
from explainer.render.maps import draw_maps, locator
from helpers import FIXTURE, FLAGSHIP_LANGUAGES, ROOT, build_site

OVERLAYS = FIXTURE.parent / "suez-uk"
EVENT = "docs/events/2021-03-23-ever-given-runs-aground"


@pytest.fixture
def bilingual(project: Path) -> Path:
    """The fixture explainer with its Ukrainian overlays and `languages: [en, uk]`."""
    shutil.copytree(OVERLAYS / "docs", project / "docs", dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - explainer\n",
                                                                 "  - explainer:\n      languages: [en, uk]\n"),
                      encoding="utf-8")
    return project


def errors(project: Path, languages: tuple[str, ...] = ("en", "uk")) -> list[str]:
    with pytest.raises(ExplainerError) as err:
        build_explainer(project / "docs", languages=languages)
    return [str(p) for p in err.value.problems]


def test_overlays_make_an_edition_with_fallbacks(bilingual: Path) -> None:
    model = build_explainer(bilingual / "docs", languages=("en", "uk"))
    uk = model.editions["uk"]
    event = uk.events["2021-03-23-ever-given-runs-aground"]
    assert event.title == "«Евер Гівен» сідає на мілину" and "контейнеровоз" in event.summary
    refloated = uk.events["2021-03-29-ship-refloated"]
    assert refloated.title == "Судно знято з мілини" and getattr(refloated.summary, "lang", "") == "en"
    assert uk.actors["ever-given"].aliases == ("MV Ever Given", "Евер Гівена", "Евер Гівеном")
    assert model.events["2021-03-29-ship-refloated"].title == "The ship is refloated"  # the base is untouched


@pytest.mark.parametrize("file,content,expected", [
    (f"{EVENT}.uk.yml", "title: Так\ndate: '2021-03-24'\n",
     f"{EVENT}.uk.yml:2: date: expected only translatable fields (title, display_date, summary, body, quotes), "
     "found 'date': it comes from the base file"),
    ("docs/events/2099-01-01-nothing.uk.yml", "title: Ніщо\n",
     "docs/events/2099-01-01-nothing.uk.yml: expected a translation of docs/events/2099-01-01-nothing.yml, found "
     "no such file"),
    (f"{EVENT}.fr.yml", "title: Oui\n",
     f"{EVENT}.fr.yml: expected a language of this explainer (uk), found 'fr' (add it to languages: in mkdocs.yml)"),
    (f"{EVENT}.uk.yml", "title: [a, list]\n",
     f"{EVENT}.uk.yml:1: title: expected text, found a list"),
    ("docs/timelines/blockage.uk.yml", "eras: []\n",
     "docs/timelines/blockage.uk.yml:1: eras: expected as many items as the base file has (1), found 0"),
    ("docs/places/suez.uk.yml", "name: Суец\nlat: 30.0\n",
     "docs/places/suez.uk.yml:2: lat: expected only translatable fields (name, aliases, summary), found 'lat': it "
     "comes from the base file"),
])
def test_broken_overlays_give_located_errors(bilingual: Path, file: str, content: str, expected: str) -> None:
    (bilingual / file).write_text(content, encoding="utf-8")
    assert expected in errors(bilingual)


def test_overlays_without_languages_are_an_error(bilingual: Path) -> None:
    assert (f"{EVENT}.uk.yml: expected no translations (this explainer has one language: add languages: [en, uk] "
            "to the explainer plugin's options in mkdocs.yml), found 'uk'") in errors(bilingual, ())


@pytest.mark.slow  # builds a whole site
def test_the_edition_is_a_whole_site_in_its_language(bilingual: Path, tmp_path: Path) -> None:
    with (bilingual / "mkdocs.yml").open("a", encoding="utf-8") as config:  # headings with a ¶ link
        config.write("markdown_extensions:\n  - toc:\n      permalink: true\n")
    site = tmp_path / "site"
    assert build_site(bilingual / "mkdocs.yml", site) == []
    en = (site / "events" / "2021-03-23-ever-given-runs-aground" / "index.html").read_text(encoding="utf-8")
    uk = (site / "uk" / "events" / "2021-03-23-ever-given-runs-aground" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and '<html lang="uk"' in uk
    assert "«Евер Гівен» сідає на мілину" in uk and "23 березня 2021\u202fр." in uk
    base = "https://explainers.example.org/suez-2021/"
    for html in (en, uk):  # every edition listed, full addresses, x-default; the selector links relative
        for code, href in (("en", base), ("uk", base + "uk/"), ("x-default", base)):
            assert f'<link rel="alternate" hreflang="{code}" href="{href}events/2021-03-23-ever-given-runs-aground/">' in html
    assert 'href="../../uk/events/2021-03-23-ever-given-runs-aground/" hreflang="uk"' in en
    assert 'href="../../../events/2021-03-23-ever-given-runs-aground/" hreflang="en"' in uk
    refloated = (site / "uk" / "events" / "2021-03-29-ship-refloated" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div lang="en" class="x-untranslated">\s*<p>Tugs', refloated)
    assert "x-untranslated-note" in refloated and "x-untranslated-note" not in en
    home = (site / "uk" / "index.html").read_text(encoding="utf-8")
    assert "Блокування Суецького каналу" in home and not (site / "uk" / "index.uk").exists()
    assert "Створено за допомогою <a" in home and "Made with" not in home  # Material's footer credit, translated
    assert 'title="Постійне посилання"' in home and "Permanent link" not in home  # the headings' ¶ links
    assert 'title="Permanent link"' in (site / "index.html").read_text(encoding="utf-8")
    guide = (site / "uk" / "guide" / "index.html").read_text(encoding="utf-8")  # English, and says so
    assert '<div lang="en" class="x-untranslated">' in guide and "x-untranslated-note" in guide
    assert not (site / "index.uk").exists() and "Блокування" not in (site / "index.html").read_text("utf-8")
    sitemap = (site / "uk" / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{base}events/2021-03-23-ever-given-runs-aground/"/>' in sitemap
    # the map and the locator maps write the edition's words (the places' names are the editors')
    uk_map = svg_words((site / "uk" / "map" / "index.html").read_text(encoding="utf-8"))
    assert {"Місто", "Об’єкт", "Приблизне розташування", "Місця: дані цього матеріалу"} <= set(uk_map["text"])
    assert uk_map["title"][0] == "Карта місць цього матеріалу"
    assert uk_map["desc"][0].startswith("На карті 3 місця: ") and "таблиці" in uk_map["desc"][0]
    assert any(t.endswith(" (приблизне розташування)") for t in uk_map["title"])
    english = ("City", "Site", "Approximate location", "approximate location", "this explainer", "A map showing")
    assert not [w for w in english for t in sum(uk_map.values(), []) if w in t]
    en_map = svg_words((site / "map" / "index.html").read_text(encoding="utf-8"))
    assert {"City", "Site", "Approximate location"} <= set(en_map["text"])
    assert en_map["title"][0] == "Map of the places in this explainer"
    # the places table and each place page name the kind of place and its country in the edition's language
    table = (site / "uk" / "map" / "index.html").read_text(encoding="utf-8").split('<div class="x-table-wrap x-places">')[1]
    assert "<td>Місто</td>" in table and "<td>Єгипет</td>" in table and "Egypt" not in table and "city" not in table
    suez = (site / "uk" / "places" / "suez" / "index.html").read_text(encoding="utf-8")
    assert "<dd>Місто</dd>" in suez and "<dd>Єгипет</dd>" in suez
    en_table = (site / "map" / "index.html").read_text(encoding="utf-8").split('<div class="x-table-wrap x-places">')[1]
    assert "<td>City</td>" in en_table and "<td>Egypt</td>" in en_table
    # the data page says what each file holds in the edition's words, with the edition's plural forms
    data = (site / "uk" / "data" / "index.html").read_text(encoding="utf-8").split('<div class="x-downloads')[1]
    data = data.split("</table>")[0]
    for said in ("<strong>Події (таблиця):</strong> 4 рядки, по одному на подію", "<strong>Учасники:</strong> 3 учасники й",
                 "<strong>Хронологія: усі події:</strong> 4 події, для TimelineJS"):
        assert said in data, said
    assert re.search(r"<strong>Файли YAML:</strong> [1-9]\d* файл", data)  # the edition's zip holds them all
    assert (site / "uk" / "data" / "yaml-files.zip").read_bytes() == (site / "data" / "yaml-files.zip").read_bytes()
    assert not re.search(r"\b(Events|Actors|Places|Timeline|files?|rows?)\b", re.sub(r"<[^>]+>|\S+\.\w+", "", data))
    locator = svg_words((site / "uk" / "places" / "suez" / "index.html").read_text(encoding="utf-8"))
    assert locator["title"][0] == "Карта розташування: Суец" and locator["desc"][0].startswith("Суец — розташування")


@pytest.mark.slow  # builds a whole site
def test_an_edition_is_named_by_its_translated_home_page(bilingual: Path, tmp_path: Path) -> None:
    """mkdocs.yml's site_name is the default edition's; an edition takes its home page's heading, as plain text,
    escaped where Material prints it unescaped (the header, <title>)."""
    home = bilingual / "docs" / "index.uk.md"
    home.write_text("# Блокування *Суецького* каналу <script>alert(1)</script>\n\nТекст.\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(bilingual / "mkdocs.yml", site) == []
    uk = (site / "uk" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<title>Глосарій - Блокування Суецького каналу &lt;script&gt;alert(1)&lt;/script&gt;</title>" in uk
    assert "<script>alert(1)" not in uk
    en = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<title>Glossary - The Suez Canal blockage of March 2021</title>" in en


def svg_words(html: str) -> dict[str, list[str]]:
    """The words the page's inline maps write: their text, titles (the map's and the markers') and descriptions."""
    maps = "".join(re.findall(r"<svg\b.*?</svg>", html, re.S))
    return {tag: [unescape(t) for t in re.findall(rf"<{tag}\b[^>]*>([^<]+)</{tag}>", maps)]
            for tag in ("text", "title", "desc")}


def test_the_maps_name_countries_and_borders_in_the_edition_language() -> None:
    """The flagship's map in Ukrainian and Belarusian: CLDR's names of the countries (upper case on the map),
    the border named after them, no English left; the English edition keeps the geometry file's names."""
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    expected = {
        "uk": ({"БІЛОРУСЬ", "УКРАЇНА", "ПОЛЬЩА", "РОСІЯ"}, "Кордон Білорусь–Україна", "Пункт пропуску", "км"),
        "be": ({"БЕЛАРУСЬ", "УКРАІНА", "ПОЛЬШЧА", "РАСІЯ"}, "Мяжа Беларусь–Украіна", "Пункт пропуску", "км"),
        "": ({"BELARUS", "UKRAINE", "POLAND", "RUSSIA"}, "Belarus–Ukraine border", "Checkpoint", "km"),
    }
    for lang, (countries, border, checkpoint, km) in expected.items():
        edition = model.editions[lang] if lang else model
        language = Language(lang, translations(lang)) if lang else Language()
        svg = str(draw_maps(edition, lambda to: to, language)[0].svg)
        words = svg_words(svg)
        assert countries <= set(words["text"]) and {border, checkpoint} <= set(words["text"]), lang
        assert any(re.fullmatch(rf"\d+ {km}", t) for t in words["text"]), lang
        place = next(p for p in edition.places.values() if p.approximate)
        locator_svg = svg_words(str(locator(edition, place, language)))
        assert countries & set(locator_svg["text"]), lang  # the locator names the countries in focus too
        if lang:
            # (the map's title is the map file's: the flagship has no Belarusian title for it yet)
            shown = " ".join(words["text"] + words["title"][1:] + words["desc"] + sum(locator_svg.values(), []))
            for english in ("BELARUS", "UKRAINE", "POLAND", "RUSSIA", "LITHUANIA", "border", "City", "Checkpoint",
                            "Approximate", "approximate", "Made with", "A map showing", "Locator map", " km"):
                assert english not in shown, (lang, english)


def test_an_editions_dates_end_their_sentences_once_and_cite_in_its_language() -> None:
    """Ukrainian and Belarusian dates end with an abbreviation ("2020 р.", "2020 г."): no second full stop after
    them in any generated page, and the event's citation gives its date in the edition's language."""
    from explainer.generator import Options, generate

    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    for lang, year in (("uk", "2020\u202fр."), ("be", "2020\u202fг.")):
        language = Language(lang, translations(lang))
        pages = {p.src: p.markdown() for p in generate(model.editions[lang], Options(site_name="x"), language).pages}
        doubled = sorted(src for src, text in pages.items() if re.search(r"\b[рг]\.\.(?!\.)", text))
        assert doubled == [], (lang, doubled)
        cite = pages["events/2020-11-17-lviv-honorary-consulate-suspends-work.md"].split("x-cite__text")[1]
        assert f"17 {'листопада' if lang == 'uk' else 'лістапада'} {year}" in cite.split("</p>")[0]
        assert "November" not in cite.split("</p>")[0]
        # what search engines and link previews read is in the edition's language too
        from explainer.render.meta import page_meta

        meta = page_meta(model.editions[lang], "x", language)
        said = " ".join(m.description for src, m in meta.items() if not src.startswith("guide/"))  # (English)
        for english in ("Timeline:", "Glossary", "Cited by", "events", "of this explainer"):
            assert english not in said, (lang, english)
        assert meta["glossary.md"].description.startswith("Глосарій від А до Я: 24 терміни" if lang == "uk" else
                                                          "Слоўнік ад А да Я: 24 тэрміны")
        assert not re.search(r"\b[рг]\.\.", said)
        # kinds of actor and source, and a source's language, in the edition's words
        kuleba = pages["actors/dmytro-kuleba.md"]
        assert f"<dd>{'Особа' if lang == 'uk' else 'Асоба'}</dd>" in kuleba and "<dd>person</dd>" not in kuleba
        tass = pages["sources/tass-2020-09-11.md"]
        assert f"<dd>{'англійська' if lang == 'uk' else 'англійская'}</dd>" in tass and "<dd>article</dd>" not in tass


def test_every_catalogue_has_every_message() -> None:
    """Each shipped catalogue holds every message the templates and the renderer mark (run `make catalogues`
    after adding one), each translated, with the same placeholders; and a build reads it."""
    wanted = {m.id for m in template() if m.id}
    for lang in LANGUAGES:
        path = Path(__file__).resolve().parents[1] / "scripts" / "explainer" / "i18n" / f"{lang}.po"
        catalog = read_po(io.StringIO(path.read_text(encoding="utf-8")), locale=lang)
        assert {m.id for m in catalog if m.id} == wanted, f"i18n/{lang}.po is out of date: run make catalogues"
        for m in catalog:
            if m.id:
                assert translated(m.string), (lang, m.id)
                ids = m.id if isinstance(m.id, tuple) else (m.id,)
                strings = m.string if isinstance(m.string, tuple) else (m.string,)
                names = set(re.findall(r"%\(\w+\)[sd]", " ".join(ids)))
                assert all(set(re.findall(r"%\(\w+\)[sd]", x)) <= names for x in strings), (lang, m.id)
        assert translations(lang).gettext("What each side said") != "What each side said"
    assert translated(("a", "b")) and not translated(("a", "")) and not translated("")


def test_locators_naming_paragraphs_are_in_the_editions_words_and_others_are_marked() -> None:
    """Where in a source a claim is: "paragraph 6" reads "абзац 6" in Ukrainian and Belarusian (the locators the
    quote checks read); a locator in the editor's own words stays as written, marked as English, and so do tags
    (without the "not yet translated" notice: an edition cannot translate them)."""
    from explainer.generator import Options, generate

    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    page = "events/2020-11-26-belarus-summons-ukrainian-ambassador.md"
    english = {p.src: p.markdown() for p in generate(model, Options(site_name="x")).pages}
    assert "paragraph " in english[page] and "абзац" not in english[page]
    for lang, words in (("uk", ("абзац ", "абзаци ")), ("be", ("абзац ", "абзацы "))):
        language = Language(lang, translations(lang))
        pages = {p.src: p.markdown() for p in generate(model.editions[lang], Options(site_name="x"), language).pages}
        shown = [t for src, t in pages.items() if not src.startswith("guide")]  # (the guide is in English)
        assert words[0] in pages[page] and words[1] in "\n".join(shown)
        unmarked = re.sub(r'<span lang="en"[^>]*>[^<]*</span>', "", "\n".join(shown))
        assert not re.search(r"paragraphs? \d", unmarked), lang
        assert any('<span lang="en">relays BelTA</span>' in t for t in shown), lang  # (no "not yet translated")
        tagged = [t for t in shown if 'class="x-tag"' in t]  # tags are ids in the editor's language
        assert tagged and all('<span class="x-tag">' not in t for t in tagged), lang
        assert '<span class="x-tag" lang="en">' in tagged[0]
        tag_menus = re.findall(r'<select name="tags">(.*?)</select>', "\n".join(shown), re.S)
        assert tag_menus and all(re.findall(r'<option value="[a-z-]+" lang="en">', menu) for menu in tag_menus)
        assert not any(re.search(r'<option value="[a-z-]+">', menu) for menu in tag_menus), lang
    assert '<span class="x-tag">' in "\n".join(english.values())  # the default edition needs no mark
