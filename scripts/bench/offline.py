"""The offline copy of a synthetic explainer: built as the flagship's is (scripts/offline.py), then its search
tried in Chromium from file:// (type a word, wait for results)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


def offline_copy(root: Path, env: dict[str, str]) -> tuple[Path, Path, float]:
    """Build root/dist/<slug>-offline/ and its zip from root/mkdocs.offline.yml; (folder, zip, seconds)."""
    dist = root / "dist"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "-f", str(root / "mkdocs.offline.yml"),
                           "-o", str(dist)], env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"offline build failed for {root}:\n{proc.stderr[-3000:]}")
    folder = next(p for p in dist.glob("*-offline") if p.is_dir())
    return folder, folder.with_suffix(".zip"), seconds


def search_seconds(folder: Path, word: str, timeout_s: float = 300) -> float | None:
    """Open the offline copy's home page from disk with the network cut, type `word` into the search box:
    seconds until results show, or None if none do (or no Chromium and Playwright to try with)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_context(offline=True).new_page()
            page.goto((folder / "index.html").as_uri())
            page.locator("input.md-search__input").click()
            start = time.perf_counter()
            page.keyboard.type(word)
            page.locator(".md-search-result__list a.md-search-result__link").first.wait_for(
                state="visible", timeout=timeout_s * 1000)
            return time.perf_counter() - start
        except Error:
            return None
        finally:
            browser.close()


if __name__ == "__main__":  # python -m bench.offline <explainer root> <word>
    built, archive, took = offline_copy(Path(sys.argv[1]), {**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    print(f"{built} ({archive.stat().st_size / 2**20:.1f} MiB zip, {took:.1f} s)")
    print("search:", search_seconds(built, sys.argv[2]))
