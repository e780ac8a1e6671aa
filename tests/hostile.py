"""An explainer whose every text field carries a hostile payload (for tests/test_hostile*.py)."""
from __future__ import annotations

from pathlib import Path

import yaml

MARK = "__pwned"  # a payload that runs sets window.__pwned or adds an element with this id
PAYLOADS = (
    f"<script>window.{MARK}=1</script>",
    f'<img src=x id="{MARK}" onerror="window.{MARK}=1">',
    f"</script><script>window.{MARK}=1</script>",
    f'"><svg onload="window.{MARK}=1" id="{MARK}">',
    f"' onmouseover='window.{MARK}=1' x='",
    f"[click](javascript:window.{MARK}=1)",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    f"![img](javascript:window.{MARK}=1)",
    f'<a href="javascript:window.{MARK}=1" id="{MARK}">x</a>',
    "{{ 7*7 }} {% raw %} {# c #}",
    '--8<-- "/etc/passwd"',
    "!!! danger\n    admonition syntax\n\n=== \"Tab\"\n    tab",
    f'<iframe srcdoc="<script>parent.{MARK}=1</script>" id="{MARK}"></iframe>',
    "\u202eevil right-to-left override\u202c and \u2066isolate\u2069",
    f"<style>body{{display:none}}</style><math><mi xlink:href=\"javascript:window.{MARK}=1\">x</mi></math>",
    f"&lt;script&gt;window.{MARK}=1&lt;/script&gt; &#60;script&#62;",
    f"<!-- --><script>window.{MARK}=1</script><!-- -->",
    f"``<script>`` `code <b id=\"{MARK}\">` *emph <u id=\"{MARK}\">*",
    f"\x02wzxhzdk:0\x03 <xss id=\"{MARK}\">",
    f"javascript:window.{MARK}=1",
)


def _dump(path: Path, data: dict) -> None:  # type: ignore[type-arg]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_hostile(docs: Path) -> int:
    """Write one entry of each kind per payload into an existing docs/ folder; return fields filled."""
    fields = 0
    for i, p in enumerate(PAYLOADS):
        tag = f"{p} #{i}"
        _dump(docs / "sources" / f"hostile-{i}.yml", {
            "title": tag, "publisher": tag, "author": tag, "url": f"https://example.org/{i}?q='x", "kind": "article"})
        _dump(docs / "actors" / f"hostile-{i}.yml", {
            "name": f"Actor {tag}", "kind": "person", "role": tag, "aliases": [f"alias {tag}"], "summary": p,
            "links": [{"title": tag, "url": f"https://example.org/a{i}"}],
            "sources": [{"source": f"hostile-{i}", "locator": tag, "quote": tag}]})
        _dump(docs / "places" / f"hostile-{i}.yml", {
            "name": f"Place {tag}", "kind": "site", "lat": 30 + i / 10, "lon": 32 + i / 10, "aliases": [f"place alias {tag}"],
            "summary": p})
        _dump(docs / "glossary" / f"hostile-{i}.yml", {
            "term": f"Term {tag}", "aliases": [f"term alias {tag}"], "short": tag, "definition": p})
        _dump(docs / "events" / f"hostile-{i}.yml", {
            "title": tag, "date": f"2021-04-{i + 1:02d}", "display_date": tag, "summary": p, "body": p,
            "actors": [f"hostile-{i}"], "places": [f"hostile-{i}"], "terms": [f"hostile-{i}"], "tags": ["hostile"],
            "sources": [{"source": f"hostile-{i}", "locator": tag, "quote": tag}],
            "quotes": [{"by": f"hostile-{i}", "text": tag, "source": f"hostile-{i}", "locator": tag}]})
        fields += 5 + 9 + 5 + 4 + 14
    _dump(docs / "timelines" / "hostile.yml", {
        "title": PAYLOADS[0], "summary": PAYLOADS[1], "tags": ["hostile"],
        "eras": [{"title": PAYLOADS[3], "from": "2021-04-01", "to": "2021-04-05"}]})
    _dump(docs / "maps" / "hostile.yml", {"title": PAYLOADS[2], "summary": PAYLOADS[4]})
    _dump(docs / "facts" / "hostile.yml", {
        "title": PAYLOADS[3], "summary": PAYLOADS[5], "explanation": PAYLOADS[6],
        "figures": [{"value": 1, "unit": PAYLOADS[7], "label": PAYLOADS[8], "role": "claim", "note": PAYLOADS[9],
                     "sources": ["hostile-0"]}]})
    return fields + 4 + 2 + 6
