"""`mkdocs serve` latency: from saving one YAML file (an event's title) to the rebuilt page shown in Chromium,
which has the page open as an editor's browser would: MkDocs' live-reload script waits for the rebuild and
reloads the page; the time is taken when the reloaded page that shows the new title has loaded. On a copy of the
flagship and on a synthetic explainer; five saves each, the median."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .offline import ARGS, CHROMIUM
from .synth import generate

EDITS = 5
MEMORY = Path("/dev/shm")  # where `make serve` has MkDocs write the site it serves, when it has 1 GiB free


def in_memory(env: dict[str, str]) -> dict[str, str]:
    """`env` as `make serve` runs `mkdocs serve`: its temporary folder (the site served) in memory when the
    Makefile's rule finds room, else as it is."""
    import os

    if os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free >= 1 << 30:
        return {**env, "TMPDIR": str(MEMORY)}
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (loopback only)
            return str(r.read().decode("utf-8"))
    except OSError:
        return ""


def _retitle(original: str, marker: str) -> str:
    """A YAML file with `marker` as its title (its first line)."""
    return "\n".join([f"title: {marker}", *original.splitlines()[1:]]) + "\n"


def _add_line(original: str, marker: str) -> str:
    """A Markdown page with `marker` as a paragraph of its own at its end."""
    return f"{original}\n\n{marker}\n"


def _content(tab: Any) -> str:
    """The page's HTML; if the live-reload script is reloading it again just then, once that has loaded."""
    from playwright.sync_api import Error

    for _ in range(100):
        try:
            return str(tab.content())
        except Error:  # "the page is navigating": MkDocs' script may reload twice for one rebuild
            tab.wait_for_load_state("load")
    return ""


def latency(
    config: Path, page: str, source: Path, env: dict[str, str], edits: int = EDITS, edit: Callable[[str, str], str] = _retitle
) -> list[float]:
    """Seconds from each save of `source` (`edit` puts a new marker into it) to Chromium having loaded `page`
    again with the marker in it."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    original = source.read_text(encoding="utf-8")
    try:
        deadline = time.monotonic() + 600
        while "<html" not in _get(url):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            tab = browser.new_page()
            tab.goto(url)
            time.sleep(2)
            results = []
            for i in range(edits):
                marker = f"Edited title {i} {time.time_ns()}"
                start = time.perf_counter()
                with tab.expect_navigation(timeout=600_000):  # the live-reload script reloads the page
                    source.write_text(edit(original, marker), encoding="utf-8")
                while marker not in _content(tab):  # a reload for an earlier save: wait for the next
                    with tab.expect_navigation(timeout=600_000):
                        pass
                results.append(time.perf_counter() - start)
                time.sleep(1.5)
            browser.close()
        return results
    finally:
        source.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=30)


def synthetic_latency(root: Path, n_events: int, env: dict[str, str]) -> list[float]:
    config = generate(root, n_events)
    return latency(config, f"bench-{n_events}/events/event-00001/", root / "docs" / "events" / "event-00001.yml", env)


def plain_latency(root: Path, n_events: int, env: dict[str, str]) -> list[float]:
    """The same at `n_events` for plain MkDocs + Material serving the same generated pages as ordinary Markdown
    files (run.plain_project): the same save, a line added to the event's page. What MkDocs itself takes."""
    from .run import plain_project

    generate(root / "ours", n_events)
    config = plain_project(root / "ours", root / "plain")
    source = root / "plain" / "docs" / "events" / "event-00001.md"
    return latency(config, "bench-plain/events/event-00001/", source, env, edit=_add_line)


def flagship_latency(repo: Path, work: Path, env: dict[str, str]) -> list[float]:
    """On a copy of the flagship (docs/ and mkdocs.yml; `watch: scripts` points back at the code): its first
    event in the default language."""
    shutil.copytree(repo / "docs", work / "docs")
    shutil.copy(repo / "mkdocs.yml", work / "mkdocs.yml")
    (work / "scripts").symlink_to(repo / "scripts")
    site_url = re.search(r"^site_url: *(\S+)", (work / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    path = urlsplit(site_url.group(1)).path.lstrip("/") if site_url else ""
    source = next(p for p in sorted((work / "docs" / "events").glob("*.yml")) if p.stem.count(".") == 0)
    return latency(work / "mkdocs.yml", f"{path}events/{source.stem}/", source, env)
