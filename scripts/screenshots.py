"""Screenshots of each page type at 1280 and 375 px, online (over HTTP) and offline (file://), to look at.

    python scripts/screenshots.py [--site site] [--dist dist] [--out build/screenshots]

Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) with Playwright; every request to another
host is aborted and reported. Writes <out>/<mode>-<type>-<width>.png and prints the list."""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Route, sync_playwright

from explainer.urls import page_url

PAGE_TYPES = {"home": "index.md", "timeline": "timeline.md", "event": "events/*", "actor": "actors/*",
              "place": "places/*", "map": "map.md", "glossary": "glossary.md", "term": "glossary/*",
              "source": "sources/*", "data": "data.md", "about": "about.md", "404": "404.html"}
WIDTHS = (1280, 375)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


def choose(site: Path) -> dict[str, str]:
    """Page type -> docs path; for a folder of pages, its largest page."""
    chosen = {}
    for kind, src in PAGE_TYPES.items():
        if src.endswith("/*"):
            pages = list((site / src[:-2]).glob("*/index.html"))
            if pages:
                chosen[kind] = f"{src[:-2]}/{max(pages, key=lambda p: p.stat().st_size).parent.name}.md"
        elif kind == "404" or (site / page_url(src, True) / "index.html").is_file():
            chosen[kind] = src
    return chosen


def serve(root: Path, prefix: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def send_head(self) -> Any:
            rel = urlsplit(self.path).path.removeprefix(prefix)
            target = root / rel
            if not (target.is_file() or (target / "index.html").is_file()):
                body = (root / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)
                return None
            self.path = "/" + rel
            return super().send_head()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"


def _route(route: Route, *, local: str, page_url: str, outside: list[str]) -> None:
    """Let requests to the local server (or the disk) through; abort and note any other."""
    if route.request.url.startswith((local, "data:", "blob:")):
        route.continue_()
    else:
        outside.append(f"{page_url}: {route.request.url}")
        route.abort()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="for site_url's path")
    args = parser.parse_args(argv)
    offline = sorted(p.resolve() for p in args.dist.glob("*-offline") if p.is_dir())
    if not args.site.is_dir() or not offline:
        print(f"screenshots: build first (make site): need {args.site}/ and {args.dist}/*-offline/", file=sys.stderr)
        return 1
    site_url = (yaml.safe_load(args.config.read_text()) or {}).get("site_url") or "/"
    prefix = urlsplit(site_url).path or "/"
    httpd, base = serve(args.site, prefix)
    args.out.mkdir(parents=True, exist_ok=True)
    pages = choose(args.site)
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=ARGS)
        for mode in ("online", "offline"):
            for kind, src in pages.items():
                if kind == "404":
                    if mode == "offline":
                        continue
                    url = base + "no-such-page/"
                elif mode == "online":
                    url = base + page_url(src, True)
                else:
                    url = (offline[0] / (page_url(src, False))).as_uri()
                local = "file:" if mode == "offline" else base.split(prefix)[0]
                for width in WIDTHS:
                    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")

                    context.route("**/*", functools.partial(_route, local=local, page_url=url, outside=outside))
                    page = context.new_page()
                    page.goto(url, wait_until="networkidle")
                    shot = args.out / f"{mode}-{kind}-{width}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    print(shot)
                    context.close()
        browser.close()
    httpd.shutdown()
    for line in outside:
        print(f"screenshots: blocked a request to another host: {line}", file=sys.stderr)
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
