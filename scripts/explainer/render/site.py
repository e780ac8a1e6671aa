"""Site-level facts the renderer offers any engine: the default navigation and the stylesheet."""
from __future__ import annotations

from pathlib import Path

STYLESHEET = "assets/explainer.css"
STYLESHEET_FILE = Path(__file__).parent / "assets" / "explainer.css"
DEFAULT_NAV: tuple[tuple[str, str], ...] = (
    ("Timeline", "timeline.md"),
    ("Map", "map.md"),
    ("Actors", "actors.md"),
    ("Places", "places.md"),
    ("Glossary", "glossary.md"),
    ("Events", "events.md"),
    ("Sources", "sources.md"),
    ("Data", "data.md"),
)
