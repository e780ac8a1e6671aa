"""Site-level facts the renderer offers any engine: the default navigation and the stylesheet."""

from __future__ import annotations

from pathlib import Path

STYLESHEET = "assets/explainer.css"
STYLESHEET_FILE = Path(__file__).parent / "assets" / "explainer.css"
# More assets, as (site path, file): each stylesheet and script is added to every page.
EXTRA_CSS: tuple[tuple[str, Path], ...] = (("assets/timeline.css", STYLESHEET_FILE.parent / "timeline.css"),)
EXTRA_JS: tuple[tuple[str, Path], ...] = (("assets/timeline.js", STYLESHEET_FILE.parent / "timeline.js"),)
DEFAULT_NAV: tuple[tuple[str, str], ...] = (
    ("Timeline", "timeline.md"),
    ("Map", "map.md"),
    ("Actors", "actors.md"),
    ("Places", "places.md"),
    ("Glossary", "glossary.md"),
    ("Events", "events.md"),
    ("Sources", "sources.md"),
    ("Data", "data.md"),
    ("Print edition", "print.md"),
    ("Editors' guide", "guide.md"),
)
GENERATED_INDEXES = frozenset(src for _, src in DEFAULT_NAV)  # a hand-written page of the same name replaces one
ENGLISH_PAGES = frozenset({"guide.md", "guide/sourcing.md"})  # the editors' guide: English in every edition
