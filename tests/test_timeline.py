"""Timelines: dates as written, order, selection, the overview strip's layout, the TimelineJS export,
and the pages built for the fixture explainer. (In Chromium: tests/browser/test_web_timeline.py.)"""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from explainer.build import build_explainer
from explainer.dates import PartialDate, parse_date
from explainer.export.timelinejs import timelinejs
from explainer.generator import data_files, render_pages
from explainer.model import Citation, Era, Event
from explainer.render.timeline.layout import WIDTHS, close_up, overview
from explainer.render.timeline.listing import chronicle, date_parts
from helpers import FIXTURE, build_site


def d(text: str) -> PartialDate:
    result = parse_date(text)
    assert isinstance(result, PartialDate)
    return result


def ev(ident: str, date: str, end: str | None = None, approximate: bool = False, display: str = "",
       title: str = "An event", tags: tuple[str, ...] = ()) -> Event:
    return Event(id=ident, path=f"docs/events/{ident}.yml", title=title, date=d(date), summary="What *happened*.",
                 citations=(Citation("s"),), end=d(end) if end else None, approximate=approximate,
                 display_date=display, tags=tags)


def event_yaml(project: Path, ident: str, date: str, tags: str = "[]", extra: str = "") -> None:
    (project / "docs" / "events" / f"{ident}.yml").write_text(
        f"title: Event {ident}\ndate: '{date}'\nsummary: Something.\ntags: {tags}\nsources: [bbc-2021-03-29]\n{extra}")


# --- dates as written: one <time> per date, every precision and range --------------------------------

@pytest.mark.parametrize("start,end,approx,display,parts", [
    ("2020-11-26", None, False, "", ("2020-11-26", "26 November 2020", "", "", "")),
    ("2020-11", None, False, "", ("2020-11", "November 2020", "", "", "")),
    ("2013", None, True, "", ("2013", "c. 2013", "", "", "")),
    ("2020-11-20", "2020-11-27", False, "", ("2020-11-20", "20", "–", "2020-11-27", "27 November 2020")),
    ("2020-11-30", "2020-12-02", False, "", ("2020-11-30", "30 November", " – ", "2020-12-02", "2 December 2020")),
    ("2020-12-30", "2021-01-02", False, "",
     ("2020-12-30", "30 December 2020", " – ", "2021-01-02", "2 January 2021")),
    ("2020-08", "2020-12", False, "", ("2020-08", "August", "–", "2020-12", "December 2020")),
    ("2013-11", "2014-02", False, "", ("2013-11", "November 2013", " – ", "2014-02", "February 2014")),
    ("2013", "2014", False, "", ("2013", "2013", "–", "2014", "2014")),
    ("2020-08-09", "2020-12", True, "", ("2020-08-09", "c. 9 August 2020", " – ", "2020-12", "December 2020")),
    ("2020-09", None, False, "Early September 2020", ("2020-09", "Early September 2020", "", "", "")),
    ("2020-11-25", "2020-11-25", False, "", ("2020-11-25", "25 November 2020", "", "", "")),
])
def test_date_parts(start: str, end: str | None, approx: bool, display: str, parts: tuple[str, ...]) -> None:
    p = date_parts(ev("x", start, end, approx, display))
    assert (p.start, p.start_text, p.sep, p.end, p.end_text) == parts


def test_every_date_on_the_page_is_a_time_element() -> None:
    pages = {p.src: p.markdown for p in render_pages(build_explainer(FIXTURE / "docs"))}
    page = pages["timelines/blockage.md"]
    assert '<time datetime="2021-03-24">24</time>–<time datetime="2021-03-28">28 March 2021</time>' in page
    assert '<time datetime="2021-03-23">23 March 2021</time>' in page
    dates = re.findall(r'<p class="x-event__date">(.*?)</p>', page)
    assert dates and all(re.fullmatch(r'(<time datetime="[\d-]+">[^<]+</time>(–| – )?)+', x) for x in dates)


# --- order: by date, then a day before its month before its year, then by id --------------------------

def test_order_with_mixed_precisions(project: Path) -> None:
    for ident, date in (("b-day", "2021-03-01"), ("a-day", "2021-03-01"), ("m-month", "2021-03"),
                        ("y-year", "2021"), ("c-jan", "2021-01-01"), ("z-feb", "2021-02")):
        event_yaml(project, ident, date, "[blockage]")
    model = build_explainer(project / "docs")
    order = list(model.events)
    assert order[:6] == ["c-jan", "y-year", "z-feb", "a-day", "b-day", "m-month"]
    assert order[6:] == ["2021-03-23-ever-given-runs-aground", "2021-03-24-2021-03-28-queue-grows",
                         "2021-03-29-ship-refloated", "2021-07-ship-leaves"]
    assert list(model.timelines["blockage"].events) == order[:9]
    # The list: the events known only to the year come first in their year, under their own heading.
    (year,) = chronicle(list(model.events.values()))
    assert [(m.id, m.heading) for m in year.months] == [
        ("2021-year", "2021, month not known"), ("2021-01", "January 2021"), ("2021-02", "February 2021"),
        ("2021-03", "March 2021"), ("2021-07", "July 2021")]
    assert [e.event.id for e in year.months[3].entries][:3] == ["a-day", "b-day", "m-month"]
    page = {p.src: p.markdown for p in render_pages(model)}["timeline.md"]
    assert re.findall(r'<li class="x-event[^"]*" id="([^"]+)"', page) == ["y-year"] + order[:1] + order[2:]


def test_month_ids_are_unique_even_against_event_ids() -> None:
    events = [ev("2021-03", "2021-03"), ev("2021-03-05-x", "2021-03-05")]
    (year,) = chronicle(events)
    assert [m.id for m in year.months] == ["2021-03-events"]


# --- selection: explicit list, date range, tags ----------------------------------------------------------

@pytest.mark.parametrize("spec,expected", [
    ("events: [2021-07-ship-leaves, 2021-03-23-ever-given-runs-aground]\n",
     ["2021-03-23-ever-given-runs-aground", "2021-07-ship-leaves"]),
    ("from: '2021-03-25'\nto: '2021-06'\n", ["2021-03-24-2021-03-28-queue-grows", "2021-03-29-ship-refloated"]),
    ("from: '2021-03-29'\n", ["2021-03-29-ship-refloated", "2021-07-ship-leaves"]),
    ("tags: [trade, aftermath]\n", ["2021-03-24-2021-03-28-queue-grows", "2021-07-ship-leaves"]),
    ("to: '2021-03-28'\ntags: [blockage]\n",
     ["2021-03-23-ever-given-runs-aground", "2021-03-24-2021-03-28-queue-grows"]),
    ("events: [2021-07-ship-leaves]\ntags: [trade]\n", ["2021-03-24-2021-03-28-queue-grows", "2021-07-ship-leaves"]),
])
def test_selection(project: Path, spec: str, expected: list[str]) -> None:
    (project / "docs" / "timelines" / "picked.yml").write_text("title: Picked\n" + spec)
    assert list(build_explainer(project / "docs").timelines["picked"].events) == expected


# --- the overview strip ------------------------------------------------------------------------------------

def test_marks_sit_at_their_true_dates() -> None:
    events = [ev("a", "2020-01-01"), ev("b", "2020-07-01"), ev("c", "2020-12-31")]
    strip = overview(events)
    assert strip is not None
    xs = [m.x for m in strip.marks]
    assert xs == sorted(xs)
    # Linear in time: Jan 1 -> Jul 1 is 182 days, Jul 1 -> Dec 31 is 183.
    assert abs((xs[1] - xs[0]) / 182 - (xs[2] - xs[1]) / 183) < 0.01
    assert [(t.label, t.sub) for t in strip.ticks] == [
        ("Jan", "2020"), ("Mar", ""), ("May", ""), ("Jul", ""), ("Sep", ""), ("Nov", ""), ("Jan", "2021")]
    assert all(0 <= t.x <= strip.width for t in strip.ticks)


def test_crowded_marks_stack_then_cluster() -> None:
    few = [ev(f"e{i}", "2020-11-26") for i in range(3)] + [ev("far", "2021-06-01")]
    strip = overview(few)
    assert strip is not None
    assert [m.ids for m in strip.marks] == [("e0",), ("e1",), ("e2",), ("far",)]
    assert len({m.y for m in strip.marks[:3]}) == 3 and len({m.x for m in strip.marks[:3]}) == 1
    many = [ev(f"e{i:02d}", "2020-11-26") for i in range(12)] + [ev("far", "2021-06-01")]
    strip = overview(many)
    assert strip is not None
    assert strip.marks[0].cluster and len(strip.marks[0].ids) == 12
    assert strip.marks[0].label == "26 November 2020"
    assert not strip.marks[1].cluster


def test_spans_and_precision() -> None:
    events = [ev("m", "2020-09"), ev("r", "2020-11-20", "2020-11-27"), ev("d", "2020-12-15", approximate=True)]
    strip = overview(events)
    assert strip is not None
    month, span, approx = strip.marks
    assert month.hollow and month.x_end > month.x  # a month is drawn as the month it covers
    assert not span.hollow and span.x_end > span.x
    assert approx.hollow and approx.x_end == approx.x


def test_ticks_follow_the_span() -> None:
    days = overview([ev("a", "2021-03-23"), ev("b", "2021-03-29")])
    years = overview([ev("a", "2013-11"), ev("b", "2020-12-02")])
    assert days is not None and years is not None
    assert [t.label for t in days.ticks][:2] == ["23 Mar", "24 Mar"] and days.ticks[0].sub == "2021"
    assert [t.label for t in years.ticks] == [str(y) for y in range(2014, 2021)]
    phone = overview([ev("a", "2013-11"), ev("b", "2020-12-02")], width=WIDTHS[-1])
    assert phone is not None and len(phone.ticks) < len(years.ticks)


def test_era_bands_are_clipped_to_the_events() -> None:
    eras = [Era("Before", d("2000"), d("2001")), Era("Across", d("2019-06"), d("2020-03")),
            Era("Within", d("2020-02-01"), d("2020-02-10"))]
    strip = overview([ev("a", "2020-01-01"), ev("b", "2020-12-31")], eras)
    assert strip is not None
    assert [(b.title, b.tone) for b in strip.bands] == [("Across", 1), ("Within", 0)]
    plain = overview([ev("a", "2020-01-01"), ev("b", "2020-12-31")])
    assert plain is not None and strip.bands[0].x == pytest.approx(plain.marks[0].x, abs=1.5)  # from the first day


def test_layout_is_deterministic() -> None:
    events = [ev(f"e{i}", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(60)]
    events.sort(key=Event.sort_key)
    assert overview(events) == overview(list(events))


def test_close_up_of_the_busy_stretch() -> None:
    events = [ev("old", "2013-11", "2014-02")] + [ev(f"e{i:02d}", f"2020-11-{10 + i}") for i in range(15)]
    zoom = close_up(events)
    assert [e.id for e in zoom] == [f"e{i:02d}" for i in range(15)]
    spread = [ev(f"y{y}", f"{y}-06-01") for y in range(2000, 2010)]
    assert close_up(spread) == ()


# --- TimelineJS ------------------------------------------------------------------------------------------

DATE = {"type": "object", "required": ["year"], "additionalProperties": False, "properties": {
    "year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
    "day": {"type": "integer", "minimum": 1, "maximum": 31}, "display_date": {"type": "string"}}}
TEXT = {"type": "object", "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
        "additionalProperties": False}
TIMELINEJS = {  # the required fields of https://timeline.knightlab.com/docs/json-format.html
    "type": "object", "required": ["events"], "additionalProperties": False, "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {"type": "array", "items": {
            "type": "object", "required": ["start_date"], "properties": {
                "start_date": DATE, "end_date": DATE, "text": TEXT, "unique_id": {"type": "string"},
                "group": {"type": "string"}, "display_date": {"type": "string"}}}},
        "eras": {"type": "array", "items": {"type": "object", "required": ["start_date", "end_date"],
                                            "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT}}},
        "scale": {"enum": ["human", "cosmological"]}}}


def test_timelinejs_export_validates() -> None:
    model = build_explainer(FIXTURE / "docs")
    files = {path: content for path, content in data_files(model) if path.startswith("data/timeline")}
    assert sorted(files) == ["data/timeline.json", "data/timelines/blockage.json"]
    for content in files.values():
        jsonschema.validate(json.loads(content), TIMELINEJS)
    doc = json.loads(files["data/timelines/blockage.json"])
    assert [e["unique_id"] for e in doc["events"]] == list(model.timelines["blockage"].events)
    queue = doc["events"][1]
    assert queue["start_date"] == {"year": 2021, "month": 3, "day": 24}
    assert queue["end_date"] == {"year": 2021, "month": 3, "day": 28}
    assert doc["eras"] == [{"start_date": {"year": 2021, "month": 3, "day": 23},
                            "end_date": {"year": 2021, "month": 3, "day": 29}, "text": {"headline": "Canal closed"}}]


def test_timelinejs_escapes_html() -> None:
    doc = timelinejs("A <b>row</b>", "x", [ev("a", "2020", title='<img src=x onerror="alert(1)">')])
    assert doc["title"]["text"]["headline"] == "A &lt;b&gt;row&lt;/b&gt;"
    assert "<img" not in doc["events"][0]["text"]["headline"]
    assert doc["events"][0]["text"]["text"] == "<p>What <em>happened</em>.</p>"
    assert doc["events"][0]["start_date"] == {"year": 2020} and doc["events"][0]["display_date"] == "2020"
    linked = timelinejs("T", "", [ev("a-b", "2020")], site_url="https://example.org/x/")
    read_more = '<p><a href="https://example.org/x/events/a-b/">Read more</a></p>'
    assert linked["events"][0]["text"]["text"].endswith(read_more)


def test_hostile_titles_are_escaped_in_the_strip(project: Path) -> None:
    path = project / "docs" / "timelines" / "blockage.yml"
    path.write_text(path.read_text().replace("title: Canal closed", "title: '</text><script>x</script>'"))
    event_yaml(project, "2021-03-25-odd", "2021-03-25", "[blockage]")
    p = project / "docs" / "events" / "2021-03-25-odd.yml"
    p.write_text(p.read_text().replace("title: Event 2021-03-25-odd", "title: '\"><svg onload=alert(1)>'"))
    page = {x.src: x.markdown for x in render_pages(build_explainer(project / "docs"))}["timelines/blockage.md"]
    assert "<script>" not in page and "<svg onload" not in page and "&#34;&gt;&lt;svg onload=alert(1)&gt;" in page
    assert "&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;</text>" in page


# --- the built pages -------------------------------------------------------------------------------------

class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"] or "")


@pytest.fixture(scope="module")
def suez_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("suez")
    shutil.copytree(FIXTURE, root / "suez")
    config = root / "suez" / "mkdocs.yml"
    assert build_site(config, root / "site") == []
    return root / "site"


def test_timeline_pages_build(suez_site: Path) -> None:
    for page in ("timeline/index.html", "timelines/blockage/index.html", "actors/ever-given/index.html",
                 "places/grounding-site/index.html", "glossary/dredging/index.html"):
        html = (suez_site / page).read_text(encoding="utf-8")
        outline = Outline()
        outline.feed(html)
        assert len(outline.ids) == len(set(outline.ids)), f"{page}: duplicate ids"
        assert 'class="x-strip"' in html and "<svg" in html, page
        marks = [a["href"] for t, a in outline.tags if t == "a" and "x-mark" in (a.get("class") or "")]
        assert marks and all(str(h).lstrip("#") in outline.ids for h in marks), page
        assert all(a.get("datetime") for t, a in outline.tags if t == "time")
    blockage = (suez_site / "timelines/blockage/index.html").read_text(encoding="utf-8")
    assert '<h3 class="x-month__heading" id="2021-03" data-search-exclude>March 2021</h3>' in blockage
    assert 'href="../../data/timelines/blockage.json"' in blockage
    assert json.loads((suez_site / "data/timelines/blockage.json").read_text())["events"]
    assert (suez_site / "assets/timeline.js").is_file() and (suez_site / "assets/timeline.css").is_file()
    assert 'src="../../assets/timeline.js"' in blockage

