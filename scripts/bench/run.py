"""Measure the generator against plain MkDocs at several sizes; write BENCHMARKS.md and BENCHMARKS.json.

Usage: python -m bench.run [--sizes 100,1000,10000] [--runs 3] [--out BENCHMARKS.md] [--serve-events 1000]
                           [--offline-search 100,1000,10000] [--word ministry]"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .offline import offline_copy, search_seconds
from .serve import flagship_latency, in_memory, plain_latency, synthetic_latency
from .synth import CONFIG, generate
from .table import machine, markdown

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
TIMED = [sys.executable, "-m", "bench.timed"]  # mkdocs build with the plugin's events timed from outside
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
HOOK_LOG = re.compile(r"explainer: hook time ([\d.]+) s, generator ([\d.]+) s \(CPU ([\d.]+) s\)")
PDF_LOG = re.compile(r"explainer: (\S+\.pdf): (\d+) KiB in ([\d.]+) s")  # the print edition (handout/pdf.py)
Row = dict[str, float | int | str | None]


def timed_build(config: Path, site: Path, ours: bool = True) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KiB) and log of one `mkdocs build` (ours: with the plugin's events timed)."""
    shutil.rmtree(site, ignore_errors=True)
    cmd = ["/usr/bin/time", "-f", "MAXRSS %M", *(TIMED if ours else [*MKDOCS, "build"]), "-f", str(config), "-d", str(site)]
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
                                       ("Sources", "sources.md"), ("Data", "data.md"), ("Editors' guide", "guide.md"))
        if (docs / s).exists())
    config = dest / "mkdocs.yml"
    text = CONFIG.format(n="plain").replace("  explainer: {}\n", "").replace("strict: true\n", "")
    config.write_text(text + nav, encoding="utf-8")
    return config


def pdf_pages(pdf: Path) -> int | None:
    """The PDF's page count (pypdf: in the test requirements, which `make bench` installs)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(pdf).pages)


SITE_ONLY = "INHERIT: mkdocs.yml\nplugins:\n  explainer:\n    pdf: false\n"  # the product plain MkDocs makes too


def measure(n: int, runs: int, work: Path, search_word: str | None) -> Row:
    """Ours against plain MkDocs: the site alone (no print edition, which plain MkDocs does not make), `runs`
    times each, interleaved so that both see the same machine state; then one build with the PDF, for its figures."""
    ours = work / f"ours-{n}"
    config = generate(ours, n)
    site_only = ours / "mkdocs.site.yml"
    site_only.write_text(SITE_ONLY, encoding="utf-8")
    plain = plain_project(ours, work / f"plain-{n}")
    ours_t, plain_t, gen_t, cpu_t, hook_t, rss, plain_rss = [], [], [], [], [], [], []
    for _ in range(runs):
        seconds, peak, log = timed_build(site_only, ours / "site")
        hook, generator, cpu = HOOK_LOG.search(log).groups()  # type: ignore[union-attr]
        ours_t.append(seconds)
        rss.append(peak)
        hook_t.append(float(hook))
        gen_t.append(float(generator))
        cpu_t.append(float(cpu))
        seconds, peak, _ = timed_build(plain, work / f"plain-{n}" / "site", ours=False)
        plain_t.append(seconds)
        plain_rss.append(peak)
    with_pdf, pdf_peak, log = timed_build(config, ours / "site")  # the whole product: site and print edition
    pdf_name, pdf_kib, pdf_s = PDF_LOG.search(log).groups()  # type: ignore[union-attr]
    site = ours / "site"
    pages = list(site.rglob("*.html"))
    printed = site / "print" / "index.html"  # the print edition: the whole explainer on one page
    biggest = max((p for p in pages if p != printed), key=lambda p: p.stat().st_size)
    folder, archive, offline_s = offline_copy(ours, ENV)
    build, plain_build = statistics.median(ours_t), statistics.median(plain_t)
    pdf = site / pdf_name
    row: Row = {
        "events": n, "runs": runs, "pages": len(pages),
        "generator_s": statistics.median(gen_t), "generator_cpu_s": statistics.median(cpu_t),
        "hook_s": statistics.median(hook_t),
        "build_s": build, "plain_build_s": plain_build, "ratio": build / plain_build,
        "generator_share": statistics.median(gen_t) / build, "hook_share": statistics.median(hook_t) / build,
        "peak_rss_mib": max(rss) / 1024, "plain_peak_rss_mib": max(plain_rss) / 1024,
        "event_page_kib": (site / "events" / "event-00000" / "index.html").stat().st_size / 1024,
        "home_page_kib": (site / "index.html").stat().st_size / 1024,
        "largest_page_kib": biggest.stat().st_size / 1024, "largest_page": str(biggest.relative_to(site)),
        "print_page_kib": printed.stat().st_size / 1024 if printed.exists() else None,
        "search_index_kib": (site / "search" / "search_index.json").stat().st_size / 1024,
        "offline_zip_mib": archive.stat().st_size / 2**20, "offline_build_s": offline_s,
        "offline_search_s": search_seconds(folder, search_word) if search_word else None,
        "pdf_s": float(pdf_s), "pdf_kib": pdf.stat().st_size / 1024, "pdf_pages": pdf_pages(pdf),
        "with_pdf_s": with_pdf, "with_pdf_peak_rss_mib": pdf_peak / 1024,
    }
    shutil.rmtree(folder.parent, ignore_errors=True)
    return row


def serve_figures(tmp: Path, n_events: int) -> dict[str, Any]:
    """`mkdocs serve`, save to page in Chromium: the flagship, a synthetic explainer, and plain MkDocs serving
    the same synthetic explainer's pages."""
    served = in_memory(ENV)  # as `make serve` runs it
    flagship = flagship_latency(ROOT, tmp / "flagship", served)
    synthetic = synthetic_latency(tmp / "serve", n_events, served)
    plain = plain_latency(tmp / "plain-serve", n_events, served)
    out = {"serve_flagship_s": statistics.median(flagship), "serve_flagship_all": flagship,
           "serve_reload_s": statistics.median(synthetic), "serve_reload_all": synthetic,
           "serve_plain_s": statistics.median(plain), "serve_plain_all": plain, "serve_events": n_events,
           "serve_folder": served.get("TMPDIR", "")}
    if served is not ENV:  # and `mkdocs serve` as it is, the site written to disk
        out["serve_disk_flagship_all"] = flagship_latency(ROOT, tmp / "flagship-disk", ENV)
        out["serve_disk_reload_all"] = synthetic_latency(tmp / "serve-disk", n_events, ENV)
        for key in ("serve_disk_flagship", "serve_disk_reload"):
            out[key + "_s"] = statistics.median(out[key + "_all"])
    return out


def serve_only(out: Path, n_events: int) -> int:
    """Measure `mkdocs serve` and write its figures into `out` (and its .json) beside the builds measured there."""
    before = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        figures = serve_figures(Path(tmp), n_events)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    measured = f"on {time.strftime('%Y-%m-%d')} at commit {commit.stdout.strip() or '?'}"
    data = {**before, **figures, "serve_measured": measured}
    extra = {k: v for k, v in data.items() if k.startswith("serve_")}
    about = {k: data[k] for k in ("date", "machine", "runs", "word")}
    out.write_text(markdown(data["rows"], extra, about), encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(data, indent=2) + "\n")
    print(out.read_text(encoding="utf-8"))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--serve-events", type=int, default=1000, help="0 to skip the `mkdocs serve` measure")
    parser.add_argument("--offline-search", default="100,1000,10000", help="sizes whose offline copy is searched in "
                        "Chromium from file:// ('' for none)")
    parser.add_argument("--word", default="ministry", help="the word typed into the offline copy's search box")
    parser.add_argument("--serve-only", action="store_true", help="measure `mkdocs serve` alone and put its figures "
                        "into the --out files beside the builds measured before")
    args = parser.parse_args()
    if args.serve_only:
        return serve_only(args.out, args.serve_events)
    sizes = [int(s) for s in args.sizes.split(",")]
    searched = {int(s) for s in args.offline_search.split(",") if s}
    extra: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        rows = []
        for n in sizes:
            rows.append(measure(n, args.runs, Path(tmp), args.word if n in searched else None))
            print(json.dumps(rows[-1]), flush=True)
            shutil.rmtree(Path(tmp) / f"ours-{n}", ignore_errors=True)
            shutil.rmtree(Path(tmp) / f"plain-{n}", ignore_errors=True)
        if args.serve_events:  # five saves each, the median
            extra.update(serve_figures(Path(tmp), args.serve_events))
    about = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "runs": args.runs, "word": args.word}
    args.out.write_text(markdown(rows, extra, about), encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps({**about, "rows": rows, **extra}, indent=2) + "\n")
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
