"""The rendered SVG: well-formed, accessible, escaped, small, and its labels clear of each other."""
from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from explainer.geo.geodesic import line_length_km
from explainer.geo.geometry import Geometry
from explainer.geo.labels import Box, text_width
from explainer.geo.layout import symbol_radius
from explainer.geo.svgmap import MapWords, Marker, map_layout, render_locator, render_map, resolve_frame

pytestmark = pytest.mark.filterwarnings("error")
NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"


def render(geometry: Geometry, markers: list[Marker]) -> ET.Element:
    return ET.fromstring(render_map(geometry, markers, title="The border", description="Cities and checkpoints."))


def child(root: ET.Element, tag: str) -> ET.Element:
    found = root.find(f"svg:{tag}", NS)
    assert found is not None, tag
    return found


def test_svg_is_accessible_and_scales(geometry: Geometry, flagship: list[Marker]) -> None:
    root = ET.fromstring(render_map(geometry, flagship, title="Belarus & Ukraine: <the border>",
                                    description="Where the places are.", id_prefix="m1"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "document"  # it holds links: role=img would hide them from screen readers
    assert root.get("aria-labelledby") == "m1-title m1-desc"
    assert root.get("width") == "100%" and root.get("height") is None
    assert re.fullmatch(r"0 0 800 \d+(\.\d)?", root.get("viewBox", ""))
    assert child(root, "title").get("id") == "m1-title" and child(root, "desc").get("id") == "m1-desc"
    assert child(root, "title").text == "Belarus & Ukraine: <the border>"
    assert child(root, "desc").text == "Where the places are."
    assert "xmap" in root.get("class", "").split()
    assert not list(root.iter(f"{SVG}script"))


def test_every_marker_is_a_link_with_its_name(geometry: Geometry, flagship: list[Marker]) -> None:
    root = render(geometry, flagship)
    links = [a for a in root.iter(f"{SVG}a") if a.get("class", "").startswith("xmap-marker")]
    assert [a.get("href") for a in links] == [m.href for m in flagship]
    for a, m in zip(links, flagship):
        title = a.find("svg:title", NS)
        assert title is not None and title.text is not None and title.text.startswith(m.name)
        assert ("approximate" in title.text) == m.approximate
        assert a.get("tabindex") is None  # reachable by keyboard
    label_links = [a for a in root.iter(f"{SVG}a") if a.get("tabindex") == "-1"]
    assert label_links and all(a.get("href") in {m.href for m in flagship} for a in label_links)


def test_symbols_differ_by_kind_and_approximate_is_dashed(geometry: Geometry, flagship: list[Marker]) -> None:
    root = render(geometry, flagship)
    by_id = {a.get("data-place"): a for a in root.iter(f"{SVG}a") if a.get("data-place")}
    assert by_id["kyiv"].find(".//svg:circle", NS) is not None
    assert by_id["dolsk"].find(".//svg:path", NS) is not None
    assert by_id["three-sisters"].find(".//svg:path", NS) is not None
    assert by_id["dolsk"].find(".//svg:circle[@stroke-dasharray]", NS) is not None
    assert by_id["kyiv"].find(".//svg:circle[@stroke-dasharray]", NS) is None


def test_halos_are_copies_drawn_under_the_text(geometry: Geometry, flagship: list[Marker]) -> None:
    """No paint-order (WeasyPrint ignores it in SVG and strokes over the glyphs): each haloed text is a decorative,
    aria-hidden copy with the halo's stroke, drawn before the text itself, which has no stroke."""
    text = render_map(geometry, flagship, title="t", description="d")
    assert "paint-order" not in text
    root = ET.fromstring(text)
    parents = {c: p for p in root.iter() for c in p}

    def within(e: ET.Element, cls: str) -> ET.Element | None:
        while e is not root:
            if cls in e.get("class", "").split():
                return e
            e = parents[e]
        return None

    def place(t: ET.Element) -> tuple[str | None, str | None, str | None]:
        return t.get("x"), t.get("y"), t.text

    for layer in root.iter(f"{SVG}g"):
        if "xv" not in layer.get("class", "").split():
            continue
        texts = [t for t in layer.iter(f"{SVG}text") if within(t, "xmap-legend") is None]  # the legend has a box
        halos = [t for t in texts if within(t, "xm-halo") is not None]
        shown = [t for t in texts if within(t, "xm-halo") is None]
        assert halos and sorted(map(place, halos)) == sorted(map(place, shown))
        for t in halos:
            h = within(t, "xm-halo")
            assert h is not None and h.get("aria-hidden") == "true" and h.get("pointer-events") == "none"
            assert h.get("stroke") == h.get("fill") == "#ffffff" and h.get("stroke-linejoin") == "round"
            assert parents[t].tag != f"{SVG}a"  # links wrap only the text that is read
            assert texts.index(t) < texts.index(next(s for s in shown if place(s) == place(t)))
        assert not [t for t in shown for e in (t, parents[t], parents[parents[t]]) if e.get("stroke")]
        assert {t.get("x") for t in shown if parents[t].tag == f"{SVG}a"}  # the labels keep their links


HOSTILE = ['<script>alert(1)</script>', '" onload="x', "' onmouseover='y", "</text><script>z</script>"]


def test_hostile_names_and_hrefs_are_escaped(geometry: Geometry) -> None:
    markers = [Marker(f"h{i}", name, "city", 51.0 + i * 0.5, 26.0 + i, f'../x/{i}/" onclick="evil') for i, name in
               enumerate(HOSTILE)]
    text = render_map(geometry, markers, title=HOSTILE[0], description=HOSTILE[1], id_prefix="h")
    root = ET.fromstring(text)
    assert not list(root.iter(f"{SVG}script"))
    for element in root.iter():
        assert not [k for k in element.attrib if k.lower().startswith("on")], element.attrib
    assert "<script>" not in text and "&lt;script&gt;" in text
    names = {t.text for t in root.iter(f"{SVG}title")}
    assert set(HOSTILE) <= names
    assert {a.get("href") for a in root.iter(f"{SVG}a")} == {f'../x/{i}/" onclick="evil' for i in range(4)}


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "vbscript:x"])
def test_script_hrefs_are_refused(geometry: Geometry, href: str) -> None:
    with pytest.raises(ValueError, match="href scheme"):
        render_map(geometry, [Marker("a", "A", "city", 51, 27, href)], title="t", description="d")


def test_bad_input_is_refused(geometry: Geometry) -> None:
    ok = Marker("a", "A", "city", 51, 27, "a/")
    with pytest.raises(ValueError, match="id_prefix"):
        render_map(geometry, [ok], title="t", description="d", id_prefix='x" onload="y')
    with pytest.raises(ValueError, match="kind"):
        render_map(geometry, [Marker("a", "A", "capital", 51, 27, "a/")], title="t", description="d")
    with pytest.raises(ValueError, match="duplicate"):
        render_map(geometry, [ok, ok], title="t", description="d")
    with pytest.raises(ValueError, match="out of range"):
        render_map(geometry, [Marker("a", "A", "city", 91, 27, "a/")], title="t", description="d")


def test_frame_grows_to_take_in_markers_outside(geometry: Geometry, flagship: list[Marker]) -> None:
    assert resolve_frame(geometry, flagship[:1]) == geometry.frame
    west, south, east, north = resolve_frame(geometry, flagship)
    assert west < 21.0118 < east and (south, east, north) == geometry.frame[1:]
    assert resolve_frame(geometry, flagship, (20.0, 45.0, 40.0, 60.0)) == (20.0, 45.0, 40.0, 60.0)
    layout = map_layout(geometry, flagship)
    warsaw = next(v for v in layout.markers if v.mark.id == "warsaw")
    assert 0 < warsaw.x < layout.width and 0 < warsaw.y < layout.map_height


def boxes_clear(layout_markers: list[Box], layer_boxes: list[tuple[str, Box]]) -> None:
    for (a_name, a), (b_name, b) in itertools.combinations(layer_boxes, 2):
        assert not a.overlaps(b), (a_name, b_name)
    for name, box in layer_boxes:
        assert not any(box.overlaps(m) for m in layout_markers), name


@pytest.mark.parametrize("which", ["flagship", "synthetic"])
def test_labels_do_not_overlap_in_any_size_variant(geometry: Geometry, flagship: list[Marker],
                                                   synthetic: list[Marker], which: str) -> None:
    markers = flagship if which == "flagship" else synthetic
    layout = map_layout(geometry, markers)
    assert [layer.variant.name for layer in layout.layers] == ["w", "m", "n"]
    for layer in layout.layers:
        s = layer.variant.scale
        symbols = [Box.around(v.x, v.y, symbol_radius(v.mark, s)) for v in layout.markers]
        boxes = [(p.text, p.box) for p in layer.labels] + [(c.text.text, c.text.box) for c in layer.countries]
        boxes_clear(symbols, boxes)
        furniture = [b.box for b in (layer.scalebar, layer.credit) if b is not None]
        if layer.legend is not None:
            furniture.append(layer.legend.box)
        for name, box in boxes:
            assert not any(box.overlaps(f) for f in furniture), name
            assert box.x0 >= 0 and box.x1 <= layout.width and box.y0 >= 0 and box.y1 <= layout.map_height
    wide = layout.layers[0]
    assert len(wide.labels) >= 0.8 * len(markers)


def test_scale_bar_is_a_round_number_of_true_kilometres(geometry: Geometry, flagship: list[Marker]) -> None:
    layout = map_layout(geometry, flagship)
    bar = layout.layers[0].scalebar
    assert bar is not None
    km = int(bar.label.text.removesuffix(" km"))
    assert str(km)[0] in "125" and set(str(km)[1:]) <= {"0"}
    from explainer.geo.projection import fit_viewport
    vp = fit_viewport(resolve_frame(geometry, flagship), 800)
    lon0, lat0 = vp.from_svg(bar.x0, vp.to_svg(28.0, 52.0)[1])
    lon1, lat1 = vp.from_svg(bar.x1, vp.to_svg(28.0, 52.0)[1])
    assert line_length_km([(lon0, lat0), (lon1, lat1)]) == pytest.approx(km, rel=0.01)


def test_legend_lists_what_the_map_shows(geometry: Geometry, flagship: list[Marker]) -> None:
    legend = map_layout(geometry, flagship).layers[0].legend
    assert legend is not None
    assert [r.label.text for r in legend.rows] == ["Belarus–Ukraine border", "Belarus", "Ukraine", "City",
                                                   "Checkpoint", "Site", "Approximate location"]
    only_cities = map_layout(geometry, flagship[:3]).layers[0].legend
    assert only_cities is not None and "Checkpoint" not in [r.label.text for r in only_cities.rows]


UKRAINIAN = MapWords(
    kinds={"city": "Місто", "checkpoint": "Пункт пропуску", "site": "Об’єкт", "region": "Регіон"},
    approximate="Приблизне розташування",
    approximate_marker="%(name)s (приблизне розташування)",
    km="%(km)s км",
    countries={"BY": "Білорусь", "UA": "Україна", "PL": "Польща", "RU": "Росія"},
    borders={"belarus-ukraine": "Кордон Білорусь–Україна"},
)


def test_the_caller_gives_the_words(geometry: Geometry, flagship: list[Marker]) -> None:
    """Legend, country names, tooltips and the scale bar write the words passed in (the geo layer translates
    nothing); a country without one keeps the geometry file's name."""
    layout = map_layout(geometry, flagship, words=UKRAINIAN, attribution="За даними Natural Earth")
    layer = layout.layers[0]
    assert layer.legend is not None and layer.scalebar is not None
    assert [r.label.text for r in layer.legend.rows] == ["Кордон Білорусь–Україна", "Білорусь", "Україна", "Місто",
                                                         "Пункт пропуску", "Об’єкт", "Приблизне розташування"]
    names = {c.iso: c.text.text for c in layer.countries}
    assert names["BY"] == "БІЛОРУСЬ" and names["UA"] == "УКРАЇНА" and names.get("LT", "LITHUANIA") == "LITHUANIA"
    assert layer.scalebar.label.text.endswith(" км")
    text = render_map(geometry, flagship, title="t", description="d", words=UKRAINIAN, attribution="За даними")
    root = ET.fromstring(text)
    tooltips = [t.text or "" for t in root.iter(f"{SVG}title")]
    assert "Domanove (приблизне розташування)" in tooltips and not any("approximate" in t for t in tooltips)
    shown = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))  # the markers' names are the caller's
    for english in ("City", "Checkpoint", "Approximate location", "Belarus–Ukraine border", "BELARUS", "UKRAINE",
                    " km", "Made with"):
        assert english not in shown
    locator = render_locator(geometry, flagship[14], id_prefix="loc", title="Карта", description="Опис",
                             words=UKRAINIAN)
    assert "(приблизне розташування)" in locator and "approximate" not in locator


def test_the_legend_box_holds_its_longest_words(geometry: Geometry, flagship: list[Marker]) -> None:
    """The box is as wide as its longest row as written: wide Cyrillic letters are measured as wide."""
    assert text_width("Ш", 10) > text_width("Н", 10) > text_width("і", 10)
    wide = MapWords(approximate="Щільно зважений шлюз — жовтий щит")
    for words in (UKRAINIAN, wide):
        for layer in map_layout(geometry, flagship, words=words).layers:
            legend = layer.legend
            assert legend is not None
            for row in legend.rows:
                right = row.label.x + text_width(row.label.text, row.label.size)
                assert right <= legend.box.x1 + 0.01, (row.label.text, right, legend.box.x1)


def test_map_with_35_markers_stays_under_80_kb(geometry: Geometry, synthetic: list[Marker]) -> None:
    text = render_map(geometry, synthetic, title="t", description="d")
    assert len(text.encode("utf-8")) < 80_000
    root = ET.fromstring(text)
    assert len([a for a in root.iter(f"{SVG}a") if a.get("data-place")]) == 35
    assert root.find(".//svg:pattern", NS) is not None  # regions are hatched


def test_attribution_and_no_outside_requests(geometry: Geometry, flagship: list[Marker]) -> None:
    text = render_map(geometry, flagship, title="t", description="d")
    assert "Made with Natural Earth" in text
    assert re.findall(r"https?://", text) == ["http://"]  # only the xmlns


def test_output_is_deterministic(geometry: Geometry, flagship: list[Marker]) -> None:
    first = render_map(geometry, flagship, title="t", description="d")
    assert first == render_map(geometry, list(flagship), title="t", description="d")


def test_locator_highlights_one_place(geometry: Geometry, flagship: list[Marker]) -> None:
    text = render_locator(geometry, flagship[0], id_prefix="loc-kyiv")
    root = ET.fromstring(text)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "loc-kyiv-title loc-kyiv-desc"
    assert "Kyiv" in (child(root, "title").text or "")
    assert not list(root.iter(f"{SVG}a"))
    assert len([e for e in root.iter() if "xm-highlight" in e.get("class", "")]) == 1
    assert root.get("viewBox", "").startswith("0 0 240 ")
    assert len(text.encode("utf-8")) < 20_000
    warsaw = ET.fromstring(render_locator(geometry, flagship[3], id_prefix="loc-warsaw"))
    assert "Warsaw" in (child(warsaw, "title").text or "")
