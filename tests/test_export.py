"""Open data downloads: each file read back by a real parser of its format, and matched to the model."""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import icalendar
import jsonschema
import pytest

from explainer.build import build_explainer
from explainer.export import downloads, export_files
from explainer.export.csv_export import COLUMNS, JOIN
from explainer.export.formats import SCHEMAS, schema_path
from explainer.export.ics import text as ics_text
from explainer.generator import Options, data_files
from explainer.model import Explainer
from explainer.urls import Site
from helpers import FIXTURE, FLAGSHIP_LANGUAGES, ROOT, build_site

SITE = Site("Test explainer", "https://explainers.example.org/test-2021/")
EXPLAINERS = {"flagship": ROOT / "docs", "suez": FIXTURE / "docs"}


@pytest.fixture(scope="module", params=sorted(EXPLAINERS))
def built(request: pytest.FixtureRequest) -> tuple[Explainer, dict[str, bytes], Path]:
    docs = EXPLAINERS[request.param]
    model = build_explainer(docs, languages=FLAGSHIP_LANGUAGES if request.param == "flagship" else ())
    return model, dict(export_files(model, SITE)), docs


def test_every_listed_download_is_written(built: tuple[Explainer, dict[str, bytes], Path]) -> None:
    model, _, docs = built
    written = dict(data_files(model, Options(site_name=SITE.name, site_url=SITE.url)))
    for d in downloads(model):
        assert d.path in written, d.path
        assert not d.schema or d.schema in written


@pytest.mark.parametrize("name,key,kind", [("events.json", "events", "events"), ("actors.json", "actors", "actors"),
                                           ("glossary.json", "terms", "terms"), ("sources.json", "sources", "sources")])
def test_json_files_match_their_schema_and_the_model(built: tuple[Explainer, dict[str, bytes], Path],
                                                     name: str, key: str, kind: str) -> None:
    model, files, _ = built
    doc = json.loads(files[f"data/{name}"].decode("utf-8"))
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[name])
    jsonschema.Draft202012Validator(SCHEMAS[name]).validate(doc)
    assert json.loads(files[f"data/{schema_path(name)}"]) == SCHEMAS[name]  # the published schema
    entries = getattr(model, kind)
    assert doc["count"] == len(entries) == len(doc[key])
    assert [item["id"] for item in doc[key]] == list(entries)  # same ids, same order (events by date)
    assert doc["site"] == {"name": SITE.name, "url": SITE.url}
    for item in doc[key]:
        assert item["page"].startswith(SITE.url) and item["page"].endswith(f"/{item['id']}/")


def test_events_json_keeps_every_reference(built: tuple[Explainer, dict[str, bytes], Path]) -> None:
    model, files, _ = built
    for item in json.loads(files["data/events.json"])["events"]:
        e = model.events[item["id"]]
        assert (item["title"], item["date"], item["precision"]) == (e.title, e.date.iso(), e.date.precision)
        assert item["end"] == (e.end.iso() if e.end else None)
        assert tuple(item["actors"]) == e.actors and tuple(item["places"]) == e.places
        assert [c["source"] for c in item["sources"]] == [c.source for c in e.citations]
        assert [q["by"] for q in item["quotes"]] == [q.by for q in e.quotes]
        assert all(a in model.actors for a in item["actors"])
        assert all(s["source"] in model.sources for s in item["sources"])


def test_places_geojson_is_rfc7946(built: tuple[Explainer, dict[str, bytes], Path]) -> None:
    model, files, _ = built
    doc = json.loads(files["data/places.geojson"].decode("utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert [f["id"] for f in doc["features"]] == list(model.places)
    for f in doc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        coords = f["geometry"]["coordinates"]
        assert len(coords) == 2 and all(type(c) in (int, float) for c in coords)  # numbers, not text or bools
        lon, lat = coords
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        place = model.places[f["id"]]
        assert (lon, lat) == (place.lon, place.lat)  # [longitude, latitude], in that order
        assert f["properties"]["name"] == place.name
        assert set(f["properties"]["events"]) == {e.id for e in model.events_of("places", place.id)}
    west, south, east, north = doc["bbox"]
    assert all(west <= f["geometry"]["coordinates"][0] <= east and south <= f["geometry"]["coordinates"][1] <= north
               for f in doc["features"])


def test_events_csv_reads_back(built: tuple[Explainer, dict[str, bytes], Path]) -> None:
    model, files, _ = built
    raw = files["data/events.csv"]
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8 without a byte-order mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["id"] for r in rows] == list(model.events)
    for r in rows:
        e = model.events[r["id"]]
        assert r["title"] == e.title and r["summary"] == e.summary and r["date"] == e.date.iso()
        assert tuple(r["actors"].split(JOIN) if r["actors"] else ()) == e.actors
        assert tuple(r["places"].split(JOIN) if r["places"] else ()) == e.places
        assert r["actor_names"] == JOIN.join(model.actors[a].name for a in e.actors)


def test_events_ics_reads_back(built: tuple[Explainer, dict[str, bytes], Path]) -> None:
    model, files, _ = built
    raw = files["data/events.ics"]
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    vevents = cal.walk("VEVENT")
    assert [str(v["UID"]) for v in vevents] == [f"{i}@explainers.example.org/test-2021" for i in model.events]
    for v in vevents:
        e = model.events[str(v["UID"]).split("@")[0]]
        start, end = v.decoded("DTSTART"), v.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date  # all-day: VALUE=DATE
        assert start == dt.date(*e.date.first_day())
        assert end == dt.date(*(e.end or e.date).last_day()) + dt.timedelta(days=1)  # DTEND is exclusive
        assert str(v["SUMMARY"]) == e.title
        assert e.summary in str(v["DESCRIPTION"])
        assert str(v["URL"]) == f"{SITE.url}events/{e.id}/"
        assert isinstance(v.decoded("DTSTAMP"), dt.datetime)


def test_ics_month_and_year_dates_span_the_period(project: Path) -> None:
    (project / "docs" / "events" / "2021-03-ever-given-era.yml").write_text(
        "title: 'Escaping: commas, semicolons; backslashes \\\\ and a very long title that needs folding é é é é'\n"
        "date: '2021-03'\nend: '2022'\nsummary: \"Line one.\\n\\nLine two, with ; and \\\\.\"\n"
        "sources: [bbc-2021-03-29]\n", encoding="utf-8")
    model = build_explainer(project / "docs")
    cal = icalendar.Calendar.from_ical(dict(export_files(model, SITE))["data/events.ics"])
    v = next(v for v in cal.walk("VEVENT") if str(v["UID"]).startswith("2021-03-ever-given-era@"))
    assert v.decoded("DTSTART") == dt.date(2021, 3, 1) and v.decoded("DTEND") == dt.date(2023, 1, 1)
    assert str(v["SUMMARY"]) == model.events["2021-03-ever-given-era"].title
    assert "Line one.\n\nLine two, with ; and \\." in str(v["DESCRIPTION"])


def test_ics_text_drops_control_characters_and_unifies_line_ends() -> None:
    assert ics_text("a,b;c\\d\ne\r\nf\x00g\rh") == "a,b;c\\d\ne\nfg\nh"  # the library escapes the rest


def test_dtstamp_from_source_date_epoch(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = build_explainer(project / "docs")
    files = dict(data_files(model, Options(epoch=1700000000)))
    cal = icalendar.Calendar.from_ical(files["data/events.ics"])
    stamp = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    assert {v.decoded("DTSTAMP") for v in cal.walk("VEVENT")} == {stamp}
    assert {str(v["UID"]).split("@")[1] for v in cal.walk("VEVENT")} == {"explainer"}  # no site_url
    with zipfile.ZipFile(io.BytesIO(files["data/yaml-files.zip"])) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_csv_cells_never_start_a_formula(project: Path) -> None:
    path = project / "docs" / "events" / "2021-03-23-ever-given-runs-aground.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: '=HYPERLINK(\"x\")' #", 1),
                    encoding="utf-8")
    model = build_explainer(project / "docs")
    rows = list(csv.DictReader(io.StringIO(dict(export_files(model, SITE))["data/events.csv"].decode("utf-8"))))
    assert rows[[r["id"] for r in rows].index("2021-03-23-ever-given-runs-aground")]["title"] == "'=HYPERLINK(\"x\")"


def test_yaml_zip_holds_the_files_and_is_deterministic(built: tuple[Explainer, dict[str, bytes], Path]) -> None:
    model, files, docs = built
    again = dict(export_files(model, SITE))
    assert files["data/yaml-files.zip"] == again["data/yaml-files.zip"]
    with zipfile.ZipFile(io.BytesIO(files["data/yaml-files.zip"])) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        on_disk = sorted(f"docs/{p.relative_to(docs).as_posix()}" for p in docs.glob("*/*.yml"))
        assert names == sorted(names) == on_disk
        assert {n.split("/")[1] for n in names} >= {"events", "actors", "places", "glossary", "sources"}
        for name in on_disk:
            assert archive.read(name) == (docs.parent / name).read_bytes()
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert len([n for n in names if n.count(".") == 1]) == sum(len(getattr(model, k)) for k in ("events", "actors", "places", "terms", "sources",
                                                              "timelines", "maps", "facts"))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_downloads_in_the_built_site_and_cite_this_page(project: Path, tmp_path: Path, directory_urls: bool) -> None:
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site, use_directory_urls=directory_urls) == []
    data_page = site / ("data/index.html" if directory_urls else "data.html")
    page = data_page.read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)" download>', page)
    assert len(hrefs) >= 10
    for href in hrefs:
        assert not href.startswith(("/", "http")), href  # relative: works from file:// too
        assert (data_page.parent / href).resolve().is_file(), href
    model = build_explainer(project / "docs")
    event = next(iter(model.events.values()))
    event_page = site / (f"events/{event.id}/index.html" if directory_urls else f"events/{event.id}.html")
    text = event_page.read_text(encoding="utf-8")
    url = f"https://explainers.example.org/suez-2021/events/{event.id}/"  # the public address, in both copies
    assert 'id="cite-this-page"' in text and f'<a href="{url}">{url}</a>' in text
    cite = re.search(r'<p class="x-cite__text">(.*?)</p>', text, re.S)
    assert cite and html.unescape(re.sub(r"<[^>]+>", "", cite[1])).startswith(f"“{event.title}")
    jsonld = re.search(r'<details class="x-cite__data">.*?<code>(.*?)</code>', text, re.S)
    assert jsonld
    doc = json.loads(html.unescape(jsonld[1]))
    assert doc["@type"] == "Event" and doc["name"] == event.title and doc["url"] == url
    assert doc["startDate"] == event.date.iso()


def test_ics_is_the_calendar_icalendar_writes_whole_whatever_the_site_is_called(project: Path) -> None:
    """events.ics is written as its header, then each event's entry (kept across `mkdocs serve` rebuilds), then
    its end: byte for byte what icalendar writes for the whole calendar, even for a name that holds its words."""
    from explainer.export.ics import text, vevent

    model = build_explainer(project / "docs")
    for name in ("Suez", "END:VCALENDAR BEGIN:VEVENT, é; \\ a long name " * 3):
        site = replace(SITE, name=name)
        cal = icalendar.Calendar()
        for prop, value in (("version", "2.0"), ("prodid", f"-//Explainer microsite generator//{text(name)}//EN"),
                            ("calscale", "GREGORIAN"), ("method", "PUBLISH"), ("x-wr-calname", text(name))):
            cal.add(prop, value)
        for e in model.events.values():
            cal.add_component(vevent(e, model, site))
        assert dict(export_files(model, site))["data/events.ics"] == bytes(cal.to_ical(sorted=False))
