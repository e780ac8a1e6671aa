"""Data prep (run rarely, by a maintainer): write the map geometry the site draws at build time.

    python scripts/prep_geometry.py --out docs/maps/belarus-ukraine.geojson

Fetches Natural Earth 1:10m countries as TopoJSON from the npm package world-atlas@2.0.2 (needs npm
and the registry; or pass --topojson with a local countries-10m.json), decodes it, keeps the focus
countries, clips every country that reaches the frame, and writes a small, byte-reproducible
GeoJSON FeatureCollection with the border shared by the two focus countries as one LineString.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explainer.geo.clip import Rect, clip_ring, ring_area  # noqa: E402
from explainer.geo.polylabel import polylabel  # noqa: E402
from explainer.geo.simplify import simplify  # noqa: E402
from explainer.geo.topojson import Line, Point, TopoFeature, decode_arcs, polygon_features, stitch  # noqa: E402

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-10m.json"
SHA256 = "3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79"
SOURCE = f"Natural Earth 1:10m Admin 0 countries via npm {PACKAGE} (countries-10m.json)"
LICENCE = "Natural Earth: public domain; world-atlas: ISC"
CREDIT = "Made with Natural Earth"
# ISO 3166-1 numeric -> alpha-2, for the countries that can reach a frame around eastern Europe.
ALPHA2 = {
    "040": "AT", "100": "BG", "112": "BY", "203": "CZ", "233": "EE", "246": "FI", "268": "GE",
    "276": "DE", "348": "HU", "428": "LV", "440": "LT", "498": "MD", "616": "PL", "642": "RO",
    "643": "RU", "688": "RS", "703": "SK", "752": "SE", "804": "UA",
}
DIGITS = 4
SIMPLIFY_DEGREES = 0.004  # neighbours only; the focus countries keep every vertex


def fetch_topology(local: Path | None) -> dict[str, Any]:
    if local is not None:
        raw = local.read_bytes()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", tmp, "--silent"],
                           check=True, stdout=subprocess.DEVNULL)
            tarball = next(Path(tmp).glob("*.tgz"))
            with tarfile.open(tarball) as tar:
                member = tar.extractfile(MEMBER)
                if member is None:
                    raise SystemExit(f"{PACKAGE}: {MEMBER} missing from the package")
                raw = member.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"countries-10m.json: expected sha256 {SHA256}, found {digest}")
    data: dict[str, Any] = json.loads(raw)
    return data


def rounded_ring(points: Sequence[Point]) -> list[Point]:
    """Round to DIGITS, drop repeated points and close the ring; [] when nothing is left."""
    out: list[Point] = []
    for x, y in points:
        p = (round(x, DIGITS), round(y, DIGITS))
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3 or ring_area(out) == 0.0:
        return []
    return out + [out[0]]


def oriented(ring: list[Point], outer: bool) -> list[Point]:
    """RFC 7946: exterior rings counter-clockwise, holes clockwise."""
    return ring if (ring_area(ring) > 0) == outer else ring[::-1]


def clipped_polygons(rings: Sequence[Sequence[Line]], rect: Rect) -> list[list[list[Point]]]:
    polygons: list[list[list[Point]]] = []
    for polygon in rings:
        kept: list[list[Point]] = []
        for k, ring in enumerate(polygon):
            piece = rounded_ring(clip_ring(ring, rect))
            if not piece and k == 0:
                break
            if piece:
                kept.append(oriented(piece, outer=k == 0))
        if kept:
            polygons.append(kept)
    return polygons


def label_point(polygons: Sequence[Sequence[Sequence[Point]]], frame: Rect) -> list[float] | None:
    """Pole of inaccessibility of the largest piece inside the frame, in a locally isotropic plane."""
    kx = math.cos(math.radians((frame[1] + frame[3]) / 2.0))
    best: list[list[Point]] = []
    best_area = 0.0
    for polygon in polygons:
        pieces = [[(x * kx, y) for x, y in clip_ring(ring, frame)] for ring in polygon]
        if len(pieces[0]) >= 3 and abs(ring_area(pieces[0])) > best_area:
            best_area, best = abs(ring_area(pieces[0])), [p for p in pieces if len(p) >= 3]
    if not best:
        return None
    x, y = polylabel(best, precision=0.001)
    return [round(x / kx, DIGITS), round(y, DIGITS)]


def country_feature(feature: TopoFeature, arcs: Sequence[Line], role: str, clip: Rect, frame: Rect,
                    ) -> dict[str, Any] | None:
    rings = [[stitch(arcs, refs) for refs in polygon] for polygon in feature.polygons]
    polygons = clipped_polygons(rings, clip)
    if not polygons:
        return None
    iso = ALPHA2.get(feature.id.zfill(3))
    if iso is None:
        raise SystemExit(f"country {feature.id} ({feature.name}) reaches the frame: add its alpha-2 code to ALPHA2")
    props: dict[str, Any] = {"kind": "country", "iso": iso, "name": feature.name, "role": role}
    label = label_point(polygons, frame)
    if label is not None:
        props["label"] = label
    geometry = {"type": "MultiPolygon", "coordinates": polygons}
    return {"type": "Feature", "id": iso, "properties": props, "geometry": geometry}


def border_feature(a: TopoFeature, b: TopoFeature, arcs: Sequence[Line], names: tuple[str, str]) -> dict[str, Any]:
    shared = sorted(a.arc_indices() & b.arc_indices())
    if len(shared) != 1:
        raise SystemExit(f"expected one arc shared by {a.name} and {b.name}, found {len(shared)}")
    line = rounded_line(arcs[shared[0]])
    if line[0][0] > line[-1][0]:
        line.reverse()  # west to east
    iso_a, iso_b = ALPHA2[a.id.zfill(3)], ALPHA2[b.id.zfill(3)]
    slug = re.sub(r"[^a-z0-9]+", "-", f"{a.name} {b.name}".lower()).strip("-")
    props = {"kind": "border", "id": slug, "between": [iso_a, iso_b],
             "name": f"{names[0]}–{names[1]} border"}
    return {"type": "Feature", "id": props["id"], "properties": props,
            "geometry": {"type": "LineString", "coordinates": line}}


def rounded_line(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for x, y in points:
        p = (round(x, DIGITS), round(y, DIGITS))
        if not out or p != out[-1]:
            out.append(p)
    return out


def build(topology: dict[str, Any], focus: tuple[str, str], frame: Rect, margin: tuple[float, float],
          ) -> dict[str, Any]:
    """The FeatureCollection; geometry is kept for margin (lon, lat degrees) around the frame."""
    clip = (frame[0] - margin[0], frame[1] - margin[1], frame[2] + margin[0], frame[3] + margin[1])
    features = {f.id: f for f in polygon_features(topology, "countries")}
    missing = [code for code in focus if code not in features]
    if missing:
        raise SystemExit(f"focus country id(s) not in the topology: {', '.join(missing)}")
    arcs = list(decode_arcs(topology))
    keep = features[focus[0]].arc_indices() | features[focus[1]].arc_indices()
    arcs = [arc if i in keep else tuple(simplify(arc, SIMPLIFY_DEGREES)) for i, arc in enumerate(arcs)]
    countries = []
    for fid in sorted(features):
        role = "focus" if fid in focus else "neighbour"
        made = country_feature(features[fid], arcs, role, clip, frame)
        if made is not None:
            countries.append(made)
    a, b = features[focus[0]], features[focus[1]]
    border = border_feature(a, b, arcs, (a.name, b.name))
    collection_features = sorted(countries, key=lambda f: str(f["id"])) + [border]
    points = [p for f in countries for poly in f["geometry"]["coordinates"] for ring in poly for p in ring]
    points += border["geometry"]["coordinates"]
    bbox = [min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points)]
    return {"type": "FeatureCollection", "bbox": bbox, "frame": list(frame), "source": SOURCE,
            "licence": LICENCE, "credit": CREDIT, "features": collection_features}


def dump(collection: dict[str, Any]) -> str:
    return json.dumps(collection, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="GeoJSON file to write")
    parser.add_argument("--topojson", type=Path, help="a local countries-10m.json instead of npm")
    parser.add_argument("--frame", default="21.5,47.5,34.5,56.5", help="west,south,east,north in degrees")
    parser.add_argument("--margin", default="3.0,1.0",
                        help="lon,lat degrees kept around the frame (a conic map of the frame shows more"
                             " than the frame at its corners, and callers may widen it)")
    parser.add_argument("--focus", default="112,804", help="two ISO numeric ids: the border between them")
    args = parser.parse_args(argv)
    west, south, east, north = (float(v) for v in args.frame.split(","))
    first, second = (v.strip() for v in args.focus.split(","))
    margin_lon, margin_lat = (float(v) for v in args.margin.split(","))
    collection = build(fetch_topology(args.topojson), (first, second), (west, south, east, north),
                       (margin_lon, margin_lat))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(collection), encoding="utf-8", newline="\n")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(collection['features'])} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
