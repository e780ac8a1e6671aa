"""What search engines and link previews read, on every page: canonical address, description, Open Graph
and Twitter card tags, one schema.org JSON-LD node of the right type; a sitemap and a 404 page. The
offline copy names the public addresses too. Untrusted text stays text in every one of these places."""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitecheck import Parsed, html_files, parse
from webcase import Builds

EXPECTED_TYPES = {"events": {"Event"}, "actors": {"Person", "Organization"}, "places": {"Place"},
                  "glossary": {"DefinedTerm"}}
HOSTILE = 'Evil </script><script>alert(1)</script> "quoted" & <b>bold</b>'


def public_url(builds: Builds, rel: str) -> str:
    """The public address of the page in file `rel` (either build)."""
    rel = re.sub(r"(^|/)index\.html$", r"\1", rel)
    rel = re.sub(r"\.html$", "/", rel)
    return builds.site_url + rel


def json_ld(page: Parsed, where: str) -> dict[str, object]:
    assert len(page.json_ld) == 1, f"{where}: {len(page.json_ld)} JSON-LD scripts"
    data = json.loads(page.json_ld[0])
    assert isinstance(data, dict) and data.get("@context") == "https://schema.org", where
    return data


def test_every_page_describes_itself(builds: Builds) -> None:
    problems = []
    for path in html_files(builds.site):
        rel = path.relative_to(builds.site).as_posix()
        if rel.rsplit("/", 1)[-1] == "404.html":  # the site's and each language edition's
            continue
        page, url = parse(path), public_url(builds, rel)
        description = page.meta.get("description", "")
        checks = {
            "canonical": page.canonical == url,
            "description of 1 to 160 characters": 0 < len(description) <= 160,
            "og:title": bool(page.meta.get("og:title")),
            "og:description": page.meta.get("og:description") == description,
            "og:url": page.meta.get("og:url") == url,
            "og:type": page.meta.get("og:type") in ("website", "article"),
            "twitter:card": page.meta.get("twitter:card") == "summary",
            "twitter:description": page.meta.get("twitter:description") == description,
        }
        data = json_ld(page, rel)
        checks["JSON-LD url"] = data.get("url") == url
        wanted = EXPECTED_TYPES.get(rel.split("/")[0]) if rel.count("/") == 2 else None
        if wanted:
            checks[f"JSON-LD @type in {sorted(wanted)}"] = data.get("@type") in wanted
        problems += [f"{rel}: {name}" for name, ok in checks.items() if not ok]
    assert problems == [], "\n".join(problems[:40])


def test_the_home_page_is_the_website(builds: Builds) -> None:
    data = json_ld(parse(builds.site / "index.html"), "index.html")
    assert data["@type"] == "WebSite" and data["url"] == builds.site_url


def test_sitemap_lists_every_page_and_404_page_exists(builds: Builds) -> None:
    sitemaps = [builds.site / "sitemap.xml", *builds.site.glob("*/sitemap.xml")]  # the site's, each edition's
    listed = {url for m in sitemaps for url in re.findall(r"<loc>([^<]+)</loc>", m.read_text(encoding="utf-8"))}
    pages = {public_url(builds, p.relative_to(builds.site).as_posix()) for p in html_files(builds.site)
             if p.name != "404.html"}
    assert pages <= listed, sorted(pages - listed)[:10]
    not_found = parse(builds.site / "404.html")
    assert not_found.h1 and not not_found.canonical


def test_the_offline_copy_points_at_the_public_pages(builds: Builds) -> None:
    for rel in ("index.html", "about.html", "timeline.html"):
        page = parse(builds.offline / rel)
        assert page.canonical == public_url(builds, rel), rel
    assert not (builds.offline / "sitemap.xml").exists() and not (builds.offline / "404.html").exists()


def test_hostile_text_stays_text(project: Path, tmp_path: Path) -> None:
    event = project / "docs" / "events" / "2021-03-23-ever-given-runs-aground.yml"
    text = event.read_text().replace("title: The Ever Given runs aground", f"title: '{HOSTILE}'")
    event.write_text(text.replace("In high wind,", f"{HOSTILE} In high wind,"))
    term = project / "docs" / "glossary" / "dredging.yml"
    term.write_text(re.sub(r"(?m)^short: (.*)$", lambda m: f"short: '{HOSTILE} {m[1]}'", term.read_text()))
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    for rel, kind in (("events/2021-03-23-ever-given-runs-aground/index.html", "Event"),
                      ("glossary/dredging/index.html", "DefinedTerm")):
        html = (tmp_path / "site" / rel).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "<b>bold</b>" not in html, rel
        head = html.split("</head>")[0]
        assert head.count("<script") == head.count("</script>"), rel
        page = parse(tmp_path / "site" / rel)
        data = json_ld(page, rel)
        assert data["@type"] == kind
        said = data["name"] if kind == "Event" else data["description"]
        assert HOSTILE in str(said), said
        assert HOSTILE in page.meta["og:title" if kind == "Event" else "description"]
