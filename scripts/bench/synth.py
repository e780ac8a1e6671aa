"""Seeded, realistic synthetic explainers: events with summaries, actors, places, terms, sources, quotes."""
from __future__ import annotations

import random
from pathlib import Path

import yaml

WORDS = ["ministry", "border", "protest", "note", "sanctions", "embassy", "envoy", "statement", "summit", "talks", "pressure", "crossing", "election", "rally", "council", "agreement", "minister", "delegation", "treaty", "visit", "report", "claim", "response", "week", "capital", "region", "checkpoint", "river", "bridge", "tension", "dispute", "trade", "transit", "officials", "neighbour"]
CONFIG = """site_name: Synthetic explainer {n}
site_url: https://example.org/bench-{n}/
strict: true
theme:
  name: material
  font: false
plugins:  # a mapping, so the offline config's INHERIT adds to it
  search: {{}}
  explainer: {{}}
"""
OFFLINE = """INHERIT: mkdocs.yml
use_directory_urls: false
plugins:
  offline: {}
extra:
  polyfills:
    - assets/vendor/iframe-worker/shim.js
"""


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def dump(path: Path, data: dict) -> None:  # type: ignore[type-arg]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate(root: Path, n_events: int, seed: int = 1) -> Path:
    """Write mkdocs.yml, mkdocs.offline.yml and docs/ for an explainer of `n_events`; return mkdocs.yml's path."""
    # Each file draws from its own seeded stream, so event-00000 reads the same at every size.
    def rng_for(kind: str, i: int) -> random.Random:
        return random.Random(f"{seed}:{kind}:{i}")
    docs = root / "docs"
    for kind in ("events", "actors", "places", "glossary", "sources", "timelines"):
        (docs / kind).mkdir(parents=True, exist_ok=True)
    n_actors, n_terms, n_places = max(n_events // 10, 4), max(n_events // 20, 2), max(n_events // 25, 2)
    n_sources = max(n_events // 10, 2)
    actors = [f"actor-{i:05d}" for i in range(n_actors)]
    terms = [f"term-{i:05d}" for i in range(n_terms)]
    places = [f"place-{i:05d}" for i in range(n_places)]
    sources = [f"source-{i:05d}" for i in range(n_sources)]
    for i, a in enumerate(actors):
        rng = rng_for("actor", i)
        dump(docs / "actors" / f"{a}.yml", {"name": f"Actor {i} {rng.choice(WORDS).title()}",
                                            "kind": rng.choice(["person", "organisation", "state", "group"]),
                                            "aliases": [f"Alias {i} {rng.choice(WORDS)}"],
                                            "summary": sentence(rng, 20)})
    for i, t in enumerate(terms):
        rng = rng_for("term", i)
        dump(docs / "glossary" / f"{t}.yml", {"term": f"Term {i} {rng.choice(WORDS)}", "short": sentence(rng, 14)})
    for i, p in enumerate(places):
        rng = rng_for("place", i)
        dump(docs / "places" / f"{p}.yml", {"name": f"Place {i}", "kind": rng.choice(["city", "checkpoint", "site"]),
                                            "lat": round(rng.uniform(47.5, 56.5), 4),
                                            "lon": round(rng.uniform(21.5, 34.5), 4)})
    for i, s in enumerate(sources):
        rng = rng_for("source", i)
        dump(docs / "sources" / f"{s}.yml", {"title": sentence(rng, 6), "publisher": f"Publisher {i % 40}",
                                             "date": f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                             "url": f"https://example.org/{s}", "kind": "article"})
    for i in range(n_events):
        rng = rng_for("event", i)
        year, month, day = 2000 + (i * 25) // n_events, 1 + rng.randrange(12), 1 + rng.randrange(28)
        date = rng.choice([f"{year}-{month:02d}-{day:02d}"] * 8 + [f"{year}-{month:02d}", f"{year}"])
        who = rng.sample(actors, rng.randint(2, 4))
        dump(docs / "events" / f"event-{i:05d}.yml", {
            "title": sentence(rng, 8)[:-1], "date": date, "summary": sentence(rng, 35), "body": sentence(rng, 60),
            "actors": who, "places": rng.sample(places, 1), "terms": rng.sample(terms, min(2, len(terms))),
            "tags": [rng.choice(["diplomacy", "sanctions", "protest", "border"])],
            "sources": [{"source": rng.choice(sources), "locator": f"paragraph {rng.randint(1, 9)}"}],
            "quotes": [{"by": who[0], "text": sentence(rng, 12), "source": rng.choice(sources)}],
        })
    rng = random.Random(seed)
    dump(docs / "timelines" / "all.yml", {"title": "Everything", "from": "2000", "to": "2030"})
    (docs / "index.md").write_text(f"# Synthetic explainer\n\n{n_events} events about {sentence(rng, 10)}\n")
    config = root / "mkdocs.yml"
    config.write_text(CONFIG.format(n=n_events), encoding="utf-8")
    (root / "mkdocs.offline.yml").write_text(OFFLINE, encoding="utf-8")  # the offline copy, as the flagship's
    return config
