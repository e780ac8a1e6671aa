"""Static checks of a built site folder: every link, anchor and asset resolves, and nothing comes from
another host. Works for the public site (directory URLs, served under site_url's path) and for the
offline copy (files opened from disk: no directory links, no root-absolute paths)."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ASSET_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
               ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href"), ("use", "href"),
               ("image", "xlink:href"), ("use", "xlink:href"), ("input", "src"), ("track", "src")}
ASSET_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
PAGE_ORIGIN = "http://site.invalid"  # a stand-in origin to resolve links against
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass
class Parsed:
    """What one HTML file links to and which fragment targets it has."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, bool]] = field(default_factory=list)  # (tag, url, is_asset)
    meta: dict[str, str] = field(default_factory=dict)  # name or property -> content
    canonical: str = ""
    json_ld: list[str] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self._script_ld = False
        self._h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("id",) + (("name",) if tag == "a" else ()):
            if a.get(key):
                self.out.ids.add(a[key])
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if "canonical" in rels:
                self.out.canonical = a.get("href", "")
            elif a.get("href"):
                self.out.links.append((tag, a["href"], bool(rels & ASSET_LINK_RELS)))
        elif tag in ("a", "area") and "href" in a:
            self.out.links.append((tag, a["href"], False))
        for attr in ("href", "xlink:href", "src", "data"):
            if (tag, attr) in ASSET_ATTRS and a.get(attr):
                self.out.links.append((tag, a[attr], True))
        if tag == "meta" and ("name" in a or "property" in a):
            self.out.meta[a.get("name") or a.get("property", "")] = a.get("content", "")
        if tag == "script" and a.get("type") == "application/ld+json":
            self._script_ld = True
            self.out.json_ld.append("")
        if tag == "h1":
            self._h1 = True
            self.out.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_ld = False
        if tag == "h1":
            self._h1 = False

    def handle_data(self, data: str) -> None:
        if self._script_ld:
            self.out.json_ld[-1] += data
        if self._h1:
            self.out.h1[-1] += data


def parse(path: Path) -> Parsed:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.out


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


class Site:
    """A built site folder. `prefix` is the URL path it is served under ("/x/" for site_url .../x/)."""

    def __init__(self, root: Path, prefix: str = "/", offline: bool = False) -> None:
        self.root, self.prefix, self.offline = root, prefix, offline
        self._parsed: dict[Path, Parsed] = {}

    def parsed(self, path: Path) -> Parsed:
        if path not in self._parsed:
            self._parsed[path] = parse(path)
        return self._parsed[path]

    def url_of(self, path: Path) -> str:
        return PAGE_ORIGIN + self.prefix + path.relative_to(self.root).as_posix()

    def target(self, url: str) -> Path | None | str:
        """The file a same-site URL names; None if it is outside the site; a message if it is unusable."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if not path.startswith(self.prefix):
            return None
        rel = path[len(self.prefix):]
        if rel == "" or rel.endswith("/"):
            if self.offline:
                return "links to a folder: from disk that opens a folder listing, not the page"
            rel += "index.html"
        return self.root / posixpath.normpath(rel) if rel else self.root / "index.html"

    def problems(self) -> list[str]:
        """Every broken link, anchor or asset, every asset from another host, over all HTML and CSS files."""
        found: list[str] = []
        for page in html_files(self.root):
            here = self.url_of(page)
            for tag, href, asset in self.parsed(page).links:
                problem = self._check(here, href, asset)
                if problem:
                    found.append(f"{page.relative_to(self.root)}: <{tag}> {href}: {problem}")
        for sheet in sorted(self.root.rglob("*.css")):
            for _, ref in CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
                problem = self._check(self.url_of(sheet), ref.strip(), True)
                if problem:
                    found.append(f"{sheet.relative_to(self.root)}: url({ref}): {problem}")
        return found

    def _check(self, here: str, href: str, asset: bool) -> str:
        href = href.strip()
        scheme = urlsplit(href).scheme.lower()
        if scheme in ("data", "mailto", "tel", "javascript") or href in ("", "#"):
            return ""
        if scheme in ("http", "https") or href.startswith("//"):
            return "an asset from another host" if asset else ""
        if scheme:
            return f"unexpected URL scheme {scheme!r}"
        if self.offline and href.startswith("/"):
            return "a root-absolute path: from disk it points at the root of the file system"
        url = urljoin(here, href)
        target = self.target(url)
        if target is None:
            return "outside the site"
        if isinstance(target, str):
            return target
        if target.is_dir():
            if self.offline or not (target / "index.html").is_file():
                return "a folder, not a file"
            target = target / "index.html"
        if not target.is_file():
            return "no such file"
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.parsed(target).ids:
            return f"no element with id {fragment!r} in {target.relative_to(self.root)}"
        return ""
