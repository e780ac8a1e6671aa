"""Hostile text in every field is inert in the built site (static scan of every output file)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import build_site
from hostile import MARK, write_hostile

ALLOWED_SCRIPT_TYPES = {None, "", "text/javascript", "application/ld+json", "application/json"}


class Scan(HTMLParser):
    """Collects what a payload would need: script bodies, handler attributes, dangerous URLs, marked ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script: str | None = None
        self.scripts: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "xlink:href", "action", "formaction") and value and \
                    re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                self.findings.append(f"<{tag} {name}={value[:40]}>")
            if name == "id" and value == MARK:
                self.findings.append(f"<{tag} id={MARK}>")
        if tag in ("iframe", "object", "embed", "math") and self._script is None:
            self.findings.append(f"<{tag}>")
        if tag in ("script", "style"):
            self._script = dict(attrs).get("type") if tag == "script" else "style"
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    import shutil

    from helpers import FIXTURE

    root = tmp_path_factory.mktemp("hostile") / "explainer"
    shutil.copytree(FIXTURE, root)
    config = root / "mkdocs.yml"
    fields = write_hostile(root / "docs")
    site = root / "site"
    assert build_site(config, site) == []
    return site, fields


def test_no_payload_survives_in_html(hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    problems = []
    for page in sorted(site.rglob("*.html")):
        scan = Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {f}" for f in scan.findings]
        for kind, body in scan.scripts:
            if kind == "style":
                assert "body{display:none}" not in body.replace(" ", ""), page
                continue
            assert kind in ALLOWED_SCRIPT_TYPES, (page, kind)
            if MARK in body:
                assert kind == "application/ld+json" or "JSON" in (kind or ""), (page, body[:200])
                json.loads(body)  # data in a script stays data: it parses, and cannot close the element
    assert problems == []


def test_no_payload_in_svg_or_data_files(hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    for path in site.rglob("*"):
        if path.suffix in (".json", ".geojson", ".csv", ".ics", ".svg", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "<script" not in text.lower() or path.suffix in (".json", ".geojson", ".csv", ".ics"), path


def test_search_index_holds_text_not_markup(hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        # the index holds HTML snippets that Material's search shows as HTML: only escaped text may carry payloads
        raw_tags = re.findall(r"<(script|img|svg|iframe|a|style|math|xss|b|u)\b[^>]*>", doc["text"] + doc["title"])
        assert raw_tags == [], (doc["location"], raw_tags)


def test_payload_count(hostile_site: tuple[Path, int]) -> None:
    _, fields = hostile_site
    assert fields >= 700
