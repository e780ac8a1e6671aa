"""Measure the generator against plain MkDocs at several sizes; write BENCHMARKS.md and bench.json.

Usage: python -m bench.run [--sizes 100,1000,10000] [--runs 3] [--out BENCHMARKS.md]"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .serve import reload_latency
from .synth import CONFIG, generate

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "scripts" / "mkdocs_hook.py"
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}


def timed_build(config: Path, site: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KiB) and log of one `mkdocs build`."""
    shutil.rmtree(site, ignore_errors=True)
    cmd = ["/usr/bin/time", "-f", "MAXRSS %M", *MKDOCS, "build", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=ENV, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed for {config}:\n{proc.stderr[-3000:]}")
    rss = int(re.search(r"MAXRSS (\d+)", proc.stderr).group(1))  # type: ignore[union-attr]
    return seconds, rss, proc.stderr


def plain_project(ours: Path, dest: Path) -> Path:
    """The same generated Markdown written to disk as ordinary pages, built by plain MkDocs + Material."""
    docs = dest / "docs"
    subprocess.run([sys.executable, "-m", "explainer", "render", str(ours / "docs"), str(docs)], env=ENV,
                   check=True, capture_output=True)
    for page in (ours / "docs").glob("*.md"):
        shutil.copy(page, docs / page.name)
    nav = "nav:\n  - Home: index.md\n" + "".join(
        f"  - {t}: {s}\n" for t, s in (("Timeline", "timeline.md"), ("Map", "map.md"), ("Actors", "actors.md"),
                                       ("Places", "places.md"), ("Glossary", "glossary.md"), ("Events", "events.md"),
                                       ("Sources", "sources.md")) if (docs / s).exists())
    config = dest / "mkdocs.yml"
    text = CONFIG.format(n="plain", hook="x").replace("hooks:\n  - x\n", "").replace("strict: true\n", "")
    config.write_text(text + nav, encoding="utf-8")
    return config


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(n: int, runs: int, work: Path) -> dict[str, float | int]:
    ours = work / f"ours-{n}"
    config = generate(ours, n, HOOK)
    plain = plain_project(ours, work / f"plain-{n}")
    ours_t, plain_t, gen_t, rss = [], [], [], []
    for _ in range(runs):  # interleaved, so both see the same machine state
        seconds, peak, log = timed_build(config, ours / "site")
        ours_t.append(seconds)
        rss.append(peak)
        gen_t.append(float(re.search(r"explainer: hook time ([\d.]+) s", log).group(1)))  # type: ignore[union-attr]
        plain_t.append(timed_build(plain, work / f"plain-{n}" / "site")[0])
    site = ours / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    biggest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    return {
        "events": n, "runs": runs, "generator_s": median(gen_t), "build_s": median(ours_t),
        "plain_build_s": median(plain_t), "ratio": median(ours_t) / median(plain_t),
        "generator_share": median(gen_t) / median(ours_t), "peak_rss_mib": max(rss) / 1024,
        "event_page_kib": (site / "events" / "event-00000" / "index.html").stat().st_size / 1024,
        "home_page_kib": (site / "index.html").stat().st_size / 1024,
        "largest_page_kib": biggest.stat().st_size / 1024, "largest_page": str(biggest.relative_to(site)),
        "search_index_kib": (site / "search" / "search_index.json").stat().st_size / 1024,
        "pages": pages,
    }


def table(rows: list[dict[str, float | int]], extra: dict[str, float]) -> str:
    head = ("| events | generator (s) | share of build | build (s) | plain MkDocs (s) | ratio | peak RSS (MiB) "
            "| event page (KiB) | home (KiB) | largest page (KiB) | search index (KiB) | pages |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    body = "".join(
        f"| {r['events']:,} | {r['generator_s']:.2f} | {r['generator_share']:.1%} | {r['build_s']:.2f} "
        f"| {r['plain_build_s']:.2f} | {r['ratio']:.3f} | {r['peak_rss_mib']:.0f} | {r['event_page_kib']:.1f} "
        f"| {r['home_page_kib']:.1f} | {r['largest_page_kib']:.1f} ({r['largest_page']}) "
        f"| {r['search_index_kib']:.0f} | {r['pages']:,} |\n" for r in rows)
    notes = "".join(f"- {k}: {v}\n" for k, v in extra.items())
    return head + body + "\n" + notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--serve-events", type=int, default=1000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        rows = []
        for n in sizes:
            rows.append(measure(n, args.runs, Path(tmp)))
            print(json.dumps(rows[-1]), flush=True)
        extra: dict[str, float] = {}
        if args.serve_events:
            extra["serve: save one YAML file -> page rebuilt and served, median s"] = round(
                reload_latency(Path(tmp) / "serve", args.serve_events, HOOK, ENV), 2)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    text = (f"# Benchmarks\n\nMeasured by `make bench` (scripts/bench/) on {time.strftime('%Y-%m-%d')}; machine: "
            f"{machine}. Medians of {args.runs} interleaved runs. \"generator\" is the time spent inside the "
            "explainer hook (load, validate, model, render, linking); \"plain MkDocs\" builds the same generated "
            "Markdown written to disk as ordinary pages with the same theme and navigation.\n\n"
            + table(rows, extra))
    args.out.write_text(text, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps({"rows": rows, "extra": extra}, indent=2) + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
