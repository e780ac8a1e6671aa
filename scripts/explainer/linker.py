"""Link the first mention of every actor, place and glossary term in a page's HTML.

Pure core: no MkDocs. `Linker(model, directory_urls).link_html(html, page_src)` returns the
rewritten HTML and the (kind, id) of every entity the page mentions (see `htmlwalk` for where
text is linked and where mentions are not counted).

Matching rules: names and aliases are matched as whole words (Unicode-aware, any script),
case-insensitively, longest first, with any run of white space standing for a space. An alias
written entirely in capitals (an acronym such as EU, US, KGB, США) matches only in capitals,
so the alias "US" never links the pronoun "us"."""
from __future__ import annotations

import functools
import html as htmllib
import posixpath
import re
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, NamedTuple

import nh3

from .htmltags import OFF_SITE
from .htmlwalk import autolink
from .model import Explainer
from .render.markup import clean_text, render_markdown
from .render.urls import page_url, relative_url, root_prefix

# Word characters: \w (letters and digits of every script) plus the combining marks that \w leaves out
# (accents, Cyrillic titlo, Hebrew points, Arabic harakat) and the zero-width (non-)joiners.
WORD = r"\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
APOSTROPHES = "'\u2019\u02bc"


@dataclass(frozen=True)
class Entity:
    """Something a name can link to: an actor, place or term, with its page and tooltip."""

    kind: str  # "actors" | "places" | "glossary" (the page folder)
    id: str
    path: str  # the YAML file, for error messages
    name: str
    tip: str  # plain-text tooltip
    names: tuple[str, ...]  # name first, then aliases

    @functools.cached_property
    def src(self) -> str:  # worked out once: the linker asks for it at every link and name
        return f"{self.kind}/{self.id}.md"


class AmbiguousAlias(ValueError):
    """Two entries claim the same name or alias."""


class Match(NamedTuple):
    start: int
    end: int
    entity: Entity


def key(text: str) -> str:
    """The lookup key of a name as matched: case-folded, white space and apostrophes unified."""
    text = re.sub(r"\s+", " ", text.strip()).casefold()
    return re.sub(f"[{APOSTROPHES}]", "'", text)


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _atoms(name: str) -> list[str]:
    """A name as regex atoms: a run of white space is any white space, an apostrophe any apostrophe;
    letters of an acronym match in capitals only."""
    atoms: list[str] = []
    acronym = _is_acronym(name)
    for ch in name.strip():
        if ch.isspace():
            if atoms[-1:] != [r"\s+"]:
                atoms.append(r"\s+")
        elif ch in APOSTROPHES:
            atoms.append(f"[{APOSTROPHES}]")
        elif acronym and ch.isalpha():
            atoms.append(f"(?-i:{re.escape(ch)})")
        else:
            atoms.append(re.escape(ch.lower() if len(ch.lower()) == 1 else ch))
    return atoms


def _trie_pattern(names: list[str]) -> str:
    """One alternation shaped as a trie, so each position tries a few first letters rather than every
    name; a longer name is tried before a shorter one that it extends."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for name in names:
        node = trie
        for atom in _atoms(name):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if "" in node:
            return f"(?:{'|'.join(branches)})?" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return emit(trie)


class Matcher:
    """Finds names and aliases in plain text; each match resolves to one entity."""

    def __init__(self, entities: list[Entity]) -> None:
        owners: dict[str, Entity] = {}
        for ent in entities:
            for name in ent.names:
                k = key(name)
                if not k:
                    continue
                other = owners.setdefault(k, ent)
                if other is not ent and other.src != ent.src:
                    raise AmbiguousAlias(f"{ent.path}: aliases: expected a name or alias used by one entry only, "
                                         f"found {name!r} also in {other.path}")
        self.owners: Mapping[str, Entity] = owners
        names = sorted({n.strip() for e in entities for n in e.names if n.strip()})
        body = _trie_pattern(names)
        self.pattern = re.compile(f"(?<![{WORD}])(?:{body})(?![{WORD}])", re.IGNORECASE) if names else None

    def find(self, text: str) -> Iterator[Match]:
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            ent = self.owners.get(key(m.group()))
            if ent is not None:
                yield Match(m.start(), m.end(), ent)


def plain(markdown_text: str) -> str:
    """An editor's Markdown field as one line of plain text."""
    text = htmllib.unescape(nh3.clean(str(render_markdown(markdown_text)), tags=set()))
    return re.sub(r"\s+", " ", text).strip()


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def first_sentence(text: str, limit: int = 200) -> str:
    sentence = re.split(r"(?<=[.!?])\s+(?=[^\s\w]*[A-Z\u0400-\u04ff0-9])", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def entities(model: Explainer) -> list[Entity]:
    """Every actor, place and term, with the short text its links show as a tooltip."""
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
        out.append(Entity("glossary", t.id, t.path, t.term, first_sentence(one_line(t.short), 300), (t.term, *t.aliases)))
    return out


class Linked(NamedTuple):
    html: str
    mentions: tuple[tuple[str, str], ...]  # (kind, id) in order of first mention


class Linker:
    """Links the first mention of each entity on a page; reports what the page mentions."""

    def __init__(self, model: Explainer, directory_urls: bool = True) -> None:
        self.entities = entities(model)
        self.matcher = Matcher(self.entities)
        self.directory_urls = directory_urls
        self._by_url = {_norm(page_url(e.src, directory_urls)): e for e in self.entities}
        self._targets: dict[tuple[str, str], Entity | None] = {}  # (page's folder, href) -> target
        self._bases: dict[str, tuple[str, str]] = {}  # page -> its folder, and the climb to the root
        # What a recurring element holds (htmlwalk), by its HTML and context: walked once per build.
        self.walked: dict[tuple[str, Any], tuple[Any, ...] | None] = {}

    def href(self, page_src: str, entity: Entity) -> str:
        return relative_url(page_src, entity.src, self.directory_urls)

    def target_of(self, page_src: str, href: str) -> Entity | None:
        """The entity whose page an existing link points to, if any."""
        if href[:1] == "#":
            return None
        where = self._bases.get(page_src)
        if where is None:
            here = page_url(page_src, self.directory_urls)
            where = self._bases[page_src] = (here if here.endswith("/") or not here else posixpath.dirname(here),
                                             root_prefix(page_src, self.directory_urls))
        base, prefix = where
        rest = href[len(prefix):]
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
