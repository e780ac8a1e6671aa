"""The benchmark's report: a Markdown table of the measures, and each goal of issue 8 checked against them."""
from __future__ import annotations

import os
import platform
from collections.abc import Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]
COLUMNS = (  # heading, key, format
    ("events", "events", "{:,}"), ("pages", "pages", "{:,}"),
    ("generator (s)", "generator_s", "{:.2f}"), ("share", "generator_share", "{:.1%}"),
    ("generator CPU (s)", "generator_cpu_s", "{:.2f}"),
    ("hook, all (s)", "hook_s", "{:.2f}"), ("share", "hook_share", "{:.1%}"),
    ("build (s)", "build_s", "{:.2f}"), ("plain MkDocs (s)", "plain_build_s", "{:.2f}"), ("ratio", "ratio", "{:.3f}"),
    ("peak RSS (MiB)", "peak_rss_mib", "{:.0f}"), ("plain peak RSS (MiB)", "plain_peak_rss_mib", "{:.0f}"), ("event page (KiB)", "event_page_kib", "{:.1f}"),
    ("home (KiB)", "home_page_kib", "{:.1f}"), ("largest page (KiB)", "largest_page_kib", "{:.1f}"),
    ("print page (KiB)", "print_page_kib", "{:,.0f}"),
    ("search index (KiB)", "search_index_kib", "{:,.0f}"), ("offline zip (MiB)", "offline_zip_mib", "{:.1f}"),
    ("offline search (s)", "offline_search_s", "{:.1f}"),
    ("PDF (s)", "pdf_s", "{:.1f}"), ("PDF (KiB)", "pdf_kib", "{:,.0f}"), ("PDF pages", "pdf_pages", "{:,}"),
    ("build with PDF (s)", "with_pdf_s", "{:.2f}"), ("peak RSS with PDF (MiB)", "with_pdf_peak_rss_mib", "{:.0f}"),
)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    mem = next((int(line.split()[1]) / 2**20 for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), 0.0)
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def _cell(row: Row, key: str, fmt: str) -> str:
    value = row.get(key)
    if value is None:
        return "–"
    text = fmt.format(value)
    return f"{text} ({row['largest_page']})" if key == "largest_page_kib" else text


def goals(rows: Sequence[Row]) -> list[str]:
    """Each goal of issue 8, with the figures that meet it or not."""
    by = {int(r["events"]): r for r in rows}
    out = []
    for n in (1000, 10000):
        if n in by:
            r = by[n]
            out.append(f"generator under 5% of the build at {n:,} events: {r['generator_share']:.1%} "
                       f"({'met' if r['generator_share'] < 0.05 else 'NOT met'}); all hook work "
                       f"(with linking names and 'Mentioned in'): {r['hook_share']:.1%}")
            out.append(f"build within 1.15x of plain MkDocs at {n:,} events, one process: {r['ratio']:.3f}x "
                       f"({'met' if r['ratio'] <= 1.15 else 'NOT met'})")
            rss = r["peak_rss_mib"] / r["plain_peak_rss_mib"]
            out.append(f"peak memory at {n:,} events: {r['peak_rss_mib']:,.0f} MiB against plain MkDocs' "
                       f"{r['plain_peak_rss_mib']:,.0f} MiB, {rss:.2f}x" + (
                           f" ({'met' if rss <= 1.6 else 'NOT met'}: within 1.6x)" if n == 10000 else ""))
    if 1000 in by and 10000 in by:
        grow = by[10000]["build_s"] / by[1000]["build_s"]
        gen = by[10000]["generator_s"] / by[1000]["generator_s"]
        cpu = by[10000]["generator_cpu_s"] / by[1000]["generator_cpu_s"]
        out.append(f"linear growth, 10,000 events at most 11x 1,000: build {grow:.1f}x "
                   f"({'met' if grow <= 11 else 'NOT met'}); the generator's CPU time {cpu:.1f}x; its wall time "
                   f"{gen:.1f}x, from {by[1000]['generator_s']:.2f} s to {by[10000]['generator_s']:.2f} s")
    small, large = min(by), max(by)
    if small != large:
        weight = by[large]["event_page_kib"] / by[small]["event_page_kib"]
        out.append(f"event page at {large:,} events within 10% of {small:,}: {weight:.3f}x "
                   f"({'met' if abs(weight - 1) <= 0.10 else 'NOT met'})")
    big = by[large]
    out.append(f"no page over 500 KB at {large:,} events: largest {big['largest_page_kib'] * 1.024:.0f} KB, "
               f"{big['largest_page']} ({'met' if big['largest_page_kib'] * 1024 <= 500_000 else 'NOT met'}); "
               "the print edition's page, the whole explainer on one page to print, is left out of this goal: "
               + (f"{big['print_page_kib'] * 1.024:,.0f} KB" if big.get("print_page_kib") else "not built"))
    for r in rows:
        if r.get("pdf_s") is not None:
            out.append(f"print edition PDF at {int(r['events']):,} events: {r['pdf_s']:.1f} s on top of the build, "
                       f"{r['pdf_kib']:,.0f} KiB, {r['pdf_pages'] or '?'} pages (build, ratio and peak RSS leave it out)")
    searched = [r for r in rows if r.get("offline_search_s") is not None]
    for r in searched:
        out.append(f"offline copy's search from file:// at {int(r['events']):,} events: results after "
                   f"{r['offline_search_s']:.1f} s (search index {r['search_index_kib'] / 1024:.1f} MiB)")
    return out


def markdown(rows: Sequence[Row], extra: Mapping[str, Any], about: Mapping[str, Any]) -> str:
    head = "| " + " | ".join(c[0] for c in COLUMNS) + " |\n|" + "---:|" * len(COLUMNS) + "\n"
    body = "".join("| " + " | ".join(_cell(r, key, fmt) for _, key, fmt in COLUMNS) + " |\n" for r in rows)
    folder = extra.get("serve_folder")
    serve = f"- `make serve` has MkDocs write the site it serves into {folder} (memory)\n" if folder else ""
    serve += "".join(
        f"- `{'make' if folder else 'mkdocs'} serve` {where}: from saving one event's YAML file (its title) to the "
        "rebuilt page loaded in "
        f"Chromium, median of {len(extra[key + '_all'])} saves {extra[key + '_s']:.2f} s "
        f"({', '.join(f'{s:.2f}' for s in extra[key + '_all'])}); goal {goal:.1f} s "
        f"({'met' if extra[key + '_s'] <= goal else 'NOT met'})\n"
        for key, where, goal in (("serve_flagship", "on the flagship", 1.0),
                                 ("serve_reload", f"at {extra.get('serve_events', 0):,} events", 2.0))
        if key + "_all" in extra
    )
    serve += "".join(
        f"- `mkdocs serve` {where}, the site written to disk (MkDocs' default temporary folder): median "
        f"{extra[key + '_s']:.2f} s ({', '.join(f'{s:.2f}' for s in extra[key + '_all'])})\n"
        for key, where in (("serve_disk_flagship", "on the flagship"),
                           ("serve_disk_reload", f"at {extra.get('serve_events', 0):,} events"))
        if key + "_all" in extra
    )
    if "serve_plain_all" in extra:
        serve += (
            f"- plain MkDocs + Material serving the same {extra.get('serve_events', 0):,}-event site's generated "
            f"pages as ordinary Markdown files: from saving the event's page (a line added) to it loaded in "
            f"Chromium, median {extra['serve_plain_s']:.2f} s "
            f"({', '.join(f'{s:.2f}' for s in extra['serve_plain_all'])}): what MkDocs itself takes for a save\n"
        )
    if "serve_measured" in extra:
        serve += f"- `mkdocs serve` measured {extra['serve_measured']} (`make bench-serve`); the builds above earlier\n"
    return (
        f"# Benchmarks\n\nMeasured by `make bench` (scripts/bench/) on {about['date']}.\n\n"
        f"Machine: {about['machine']}.\n\n"
        f"Synthetic explainers (scripts/bench/synth.py, seeded): each event has a summary, a body, 2–4 actors, a "
        "place, two terms, a source and a quote; one actor per 10 events, one term per 20, one place per 25, one "
        f"source per 10. Times are medians of {about['runs']} runs, ours and plain MkDocs interleaved. "
        "Everything runs in one process. **generator**: wall time the build spends in the explainer plugin's "
        "on_config and on_files (load, validate, model, render every page, make the data files), timed from "
        "outside the plugin (scripts/bench/timed.py); **generator CPU**: the CPU time of the same; "
        "**hook, all**: every event of the plugin, with linking names and filling \"Mentioned in\" lists; **plain "
        "MkDocs**: the same generated Markdown written to disk as ordinary pages, built by MkDocs + Material "
        "with the same navigation; **ratio**: our build over plain. **build** and **peak RSS** are the site alone "
        "(the plugin's `pdf: false`), the product plain MkDocs makes too; one more build makes the print edition "
        "as well: **PDF** is the time WeasyPrint takes for it (logged by the plugin), its size and its pages, "
        "**build with PDF** and **peak RSS with PDF** that whole build. Page sizes are the built HTML (**largest "
        "page** leaves out the print edition's page, given apart as **print page**); the search "
        f"index is search/search_index.json; the offline copy is built as the flagship's (scripts/offline.py), "
        f"and its search is tried in Chromium from file:// with the network cut, typing \"{about['word']}\".\n\n"
        + head + body + "\n## Goals\n\n" + "".join(f"- {g}\n" for g in goals(rows)) + serve
    )
