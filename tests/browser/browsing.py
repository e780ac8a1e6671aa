"""Playwright helpers: a local web server for the public site, and one recorded visit of a page.

A visit cuts the network: over HTTP every request to another host than the local server is aborted,
from file:// every request that is not a file. Each such request is recorded, as are console errors,
script errors, failed local requests, axe-core violations and sideways scrolling."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LOCAL_SCHEMES = {"data", "blob", "about"}
_AXE = Axe()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix` (site_url's path), and 404.html with status 404 like a real host."""

    prefix = "/"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def send_head(self) -> Any:
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix):]
        target = Path(self.translate_path(self.path))
        if not (target.is_file() or (target / "index.html").is_file()):
            return self._not_found()
        return super().send_head()

    def _not_found(self) -> Any:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 with a free port; `base` is the site's address."""

    def __init__(self, root: Path, prefix: str) -> None:
        handler = type("Handler", (_Handler,), {"prefix": prefix})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@dataclass
class Visit:
    """What one page did when opened in Chromium."""

    url: str
    status: int = 0
    h1: str = ""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)  # "rule (impact): n nodes, e.g. selector"
    overflow_px: int = 0


def is_local(url: str, origin: str) -> bool:
    """Whether a request stays on the machine: the local server (online) or the disk (offline)."""
    scheme = urlsplit(url).scheme
    if scheme in LOCAL_SCHEMES:
        return True
    return url.startswith("file:") if origin == "file:" else url.startswith(origin + "/")


@contextlib.contextmanager
def open_page(browser: Browser, url: str, origin: str, width: int = 1280, height: int = 900) -> Iterator[tuple[Page, Visit]]:
    """A fresh context (no service workers, network cut to `origin`: "file:" or the server's), the page
    loaded, and its Visit record, filled in while the page stays open."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    visit = Visit(url)

    def route(r: Route) -> None:
        if is_local(r.request.url, origin):
            r.continue_()
        else:
            note(r.request)
            r.abort()

    def note(request: Request) -> None:
        if not is_local(request.url, origin) and request.url not in visit.outside_requests:
            visit.outside_requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            visit.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_failed(request: Request) -> None:
        if is_local(request.url, origin):
            visit.failed_requests.append(f"{request.url}: {request.failure}")

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", note)
    page.on("console", on_console)
    page.on("pageerror", lambda err: visit.page_errors.append(str(err)))
    page.on("requestfailed", on_failed)
    page.on("response", lambda r: r.status >= 400 and r.url != url and visit.failed_requests.append(f"{r.url}: HTTP {r.status}"))
    try:
        response = page.goto(url, wait_until="load")
        visit.status = response.status if response else 0
        page.wait_for_load_state("networkidle")
        heading = page.locator("article h1").first
        visit.h1 = heading.inner_text().strip() if heading.count() and heading.is_visible() else ""
        visit.overflow_px = int(page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        yield page, visit
    finally:
        context.close()


def run_axe(page: Page) -> list[str]:
    """axe-core's violations (WCAG 2.0-2.2 A and AA, and best practices), one line per rule."""
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    lines = []
    for v in results.response["violations"]:
        nodes = v["nodes"]
        example = ", ".join(" ".join(map(str, n["target"])) for n in nodes[:3])
        lines.append(f"{v['id']} ({v['impact']}): {len(nodes)} node(s), e.g. {example} - {v['help']}")
    return lines


# Focus rings and skip links fade in: check the state they settle in, not the first frame of a transition.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
MARK_FOCUSABLE = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, ' +
                   'iframe, [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]';
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.tabIndex < 0 || el.disabled || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    el.dataset.kb = String(n++);
  }
  return n;
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                   r.top < innerHeight && r.left < innerWidth;
  // Not clipped away: inside every ancestor that clips (overflow other than visible, or an <svg> viewport).
  let clipped = false;
  for (let a = el.parentElement; a && a !== document.body && !clipped; a = a.parentElement) {
    const cs = getComputedStyle(a);
    if (a.tagName.toLowerCase() !== 'svg' && cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
    const c = a.getBoundingClientRect();
    clipped = r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom;
  }
  const shown = !clipped;
  return {kb: el.dataset.kb ?? null, ring, onScreen: onScreen && shown,
          visible: el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
          what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '')};
}"""


def keyboard_problems(page: Page) -> list[str]:
    """Tab through the page once: what never gets focus, and focus that is invisible or has no ring."""
    page.add_style_tag(content=NO_MOTION)
    expected = page.evaluate(MARK_FOCUSABLE)
    reached: set[str] = set()
    problems: list[str] = []
    for _ in range(expected + 10):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if now is None:
            break  # focus left the page: one full round done
        if now["kb"] is not None:
            if now["kb"] in reached:
                break
            reached.add(now["kb"])
        if not (now["visible"] and now["onScreen"]):
            problems.append(f"focus on something not visible: {now['what']}")
        elif not now["ring"]:
            problems.append(f"no focus ring: {now['what']}")
    missed = page.evaluate(
        "(reached) => [...document.querySelectorAll('[data-kb]')].filter(el => !reached.includes(el.dataset.kb))"
        ".map(el => el.outerHTML.slice(0, 120))", sorted(reached))
    problems += [f"never reached with Tab: {html}" for html in missed]
    return problems
