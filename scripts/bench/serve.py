"""`mkdocs serve` latency: from saving one YAML file to the rebuilt page being served."""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .synth import generate


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


def reload_latency(root: Path, n_events: int, env: dict[str, str], edits: int = 3) -> float:
    config = generate(root, n_events)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/bench-{n_events}/events/event-00001/"
    try:
        deadline = time.monotonic() + 600
        while "<html" not in _get(url):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.5)
        source = root / "docs" / "events" / "event-00001.yml"
        original = source.read_text(encoding="utf-8")
        results = []
        for i in range(edits):
            marker = f"Edited title {i} {time.time_ns()}"
            lines = original.splitlines()
            lines[0] = f"title: {marker}"
            start = time.perf_counter()
            source.write_text("\n".join(lines) + "\n", encoding="utf-8")
            while marker not in _get(url):
                if time.perf_counter() - start > 600:
                    raise SystemExit("edit never showed up")
                time.sleep(0.05)
            results.append(time.perf_counter() - start)
            time.sleep(1)
        return statistics.median(results)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
