"""Renderers: one whole-output snapshot of the fixture explainer, and the rules of safe Markdown.

Regenerate the snapshot after an intended change: `.venv/bin/python -m pytest tests/test_render.py --update-golden`
(with PYTHONPATH=scripts, as `make test` sets), then review the diff of tests/golden/."""
from __future__ import annotations

from explainer.build import build_explainer
from explainer.generator import Options, render_pages
from explainer.prose import Prose
from helpers import FIXTURE, ROOT

GOLDEN = ROOT / "tests" / "golden" / "suez"


def test_snapshot_of_generated_markdown(update_golden: bool) -> None:
    pages = {p.src: p.markdown for p in render_pages(build_explainer(FIXTURE / "docs"))}
    if update_golden:
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for src, text in pages.items():
            (GOLDEN / src).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / src).write_text(text, encoding="utf-8")
    expected = {str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for src, text in pages.items():
        assert text == expected[src], f"{src} differs from tests/golden (regenerate with --update-golden)"


def test_edit_paths_point_at_yaml() -> None:
    pages = {p.src: p for p in render_pages(build_explainer(FIXTURE / "docs"))}
    assert pages["events/2021-03-23-ever-given-runs-aground.md"].edit_path == "events/2021-03-23-ever-given-runs-aground.yml"
    assert pages["glossary.md"].edit_path == ""


def test_links_follow_url_style() -> None:
    model = build_explainer(FIXTURE / "docs")
    online = {p.src: p.markdown for p in render_pages(model)}
    offline = {p.src: p.markdown for p in render_pages(model, Options(directory_urls=False))}
    assert 'href="../../actors/ever-given/"' in online["events/2021-03-23-ever-given-runs-aground.md"]
    assert 'href="../actors/ever-given.html"' in offline["events/2021-03-23-ever-given-runs-aground.md"]


def test_markdown_refuses_raw_html() -> None:
    html = Prose().html('Hi <script>alert(1)</script> <b onclick="x">b</b> <!-- c -->')
    assert "<script>" not in html and "<b" not in html and "&lt;script&gt;" in html


def test_markdown_drops_dangerous_links() -> None:
    html = Prose().html("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org) ![i](x.png)")
    assert "javascript:" not in html and "data:" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">c</a>' in html
    assert "<img" not in html


def test_markdown_headings_are_demoted() -> None:
    assert Prose().html("# Big") == "<h3>Big</h3>"


def test_markdown_links_to_pages_are_resolved() -> None:
    html = Prose().html("[x](../actors/a.md#q)", resolve=lambda p: "RES/" + p)
    assert 'href="RES/../actors/a.md#q"' in html


def test_inline_markdown_loses_its_paragraph() -> None:
    assert Prose().html("*a*", inline=True) == "<em>a</em>"


def test_control_characters_are_dropped() -> None:
    assert Prose().html("a\x02wzxhzdk:0\x03b") == "<p>awzxhzdk:0b</p>"
