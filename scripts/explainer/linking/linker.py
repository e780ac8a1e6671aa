"""Link the first mention of every actor, place and glossary term in a page's HTML.

Pure core: no MkDocs. `Linker(model, directory_urls).link_html(html, page_src)` returns the
rewritten HTML and the (kind, id) of every entity the page mentions (see `walk` for where
text is linked and where mentions are not counted, `names` for how names are matched)."""

from __future__ import annotations

import posixpath
import re
from typing import NamedTuple

from ..model import Explainer
from ..prose import Prose
from ..text import first_sentence, one_line
from ..urls import page_url, relative_url, root_prefix
from .names import AmbiguousAlias, Entity, Matcher, key
from .tags import OFF_SITE, Open
from .walk import Step, autolink


def entities(model: Explainer) -> list[Entity]:
    """Every actor, place and term, with the short text its links show as a tooltip."""
    plain = Prose().plain
    out = []
    for a in model.actors.values():
        where = f"{a.kind.capitalize()}{', ' + a.country if a.country else ''}"
        tip = one_line(a.role) if a.role else first_sentence(plain(a.summary)) if a.summary else where
        out.append(Entity("actors", a.id, a.path, a.name, tip, (a.name, *a.aliases)))
    for p in model.places.values():
        where = f"{p.kind.capitalize()}{', ' + p.country if p.country else ''}"
        tip = first_sentence(plain(p.summary)) if p.summary else where
        out.append(Entity("places", p.id, p.path, p.name, tip, (p.name, *p.aliases)))
    for t in model.terms.values():
        out.append(
            Entity("glossary", t.id, t.path, t.term, first_sentence(one_line(t.short), 300), (t.term, *t.aliases))
        )
    return out


class Linked(NamedTuple):
    html: str
    mentions: tuple[tuple[str, str], ...]  # (kind, id) in order of first mention


class Linker:
    """Links the first mention of each entity on a page; reports what the page mentions."""

    def __init__(self, model: Explainer, directory_urls: bool = True, earlier: Linker | None = None) -> None:
        """`earlier`: a linker of an earlier build (`mkdocs serve`), whose matcher (one regular expression of every
        name: the costly part) and links looked up serve again if the entities are the same."""
        self.entities = entities(model)
        same = (
            earlier
            if earlier and (earlier.entities, earlier.directory_urls) == (self.entities, directory_urls)
            else None
        )
        self.matcher: Matcher = same.matcher if same else Matcher(self.entities)
        self.directory_urls: bool = directory_urls
        self._by_url: dict[str, Entity] = (
            same._by_url if same else {_norm(page_url(e.src, directory_urls)): e for e in self.entities}
        )
        # (page's folder, href) -> target; page -> its folder, and the climb to the root
        self._targets: dict[tuple[str, str], Entity | None] = same._targets if same else {}
        self._bases: dict[str, tuple[str, str]] = same._bases if same else {}
        # What a recurring element holds (htmlwalk), by its HTML and context: walked once per build.
        self.walked: dict[tuple[str, Open, str], tuple[Step, ...] | None] = {}

    def href(self, page_src: str, entity: Entity) -> str:
        return relative_url(page_src, entity.src, self.directory_urls)

    def target_of(self, page_src: str, href: str) -> Entity | None:
        """The entity whose page an existing link points to, if any."""
        if href[:1] == "#":
            return None
        where = self._bases.get(page_src)
        if where is None:
            here = page_url(page_src, self.directory_urls)
            where = self._bases[page_src] = (
                here if here.endswith("/") or not here else posixpath.dirname(here),
                root_prefix(page_src, self.directory_urls),
            )
        base, prefix = where
        rest = href[len(prefix) :]
        # A link that climbs to the root first reads the same from every page: look it up once.
        key = ("", rest) if href.startswith(prefix) and "../" not in rest else (base, href)
        if key not in self._targets:
            path = re.split(r"[?#]", key[1], maxsplit=1)[0]
            found = None if OFF_SITE.match(href) else self._by_url.get(_norm(posixpath.join(key[0], path)))
            self._targets[key] = found
        return self._targets[key]

    def link_html(self, html: str, page_src: str, editor_links: bool = True) -> Linked:
        """Link first mentions in a page's HTML. `editor_links`: the page is hand-written, so its
        existing links to entity pages count as mentions (on generated pages, only those in editor
        Markdown fields do)."""
        return Linked(*autolink(html, page_src, self, editor_links))


def _norm(url: str) -> str:
    url = posixpath.normpath(url or ".")
    return "" if url == "." else url


__all__ = ["AmbiguousAlias", "Entity", "Linked", "Linker", "Matcher", "entities", "key"]
