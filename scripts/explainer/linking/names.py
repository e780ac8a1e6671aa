"""Names and aliases as one pattern: `Matcher(entities).find(text)` yields each match and its entity.

Matching rules: names and aliases are matched as whole words (Unicode-aware, any script),
case-insensitively, longest first, with any run of white space standing for a space. An alias
written entirely in capitals (an acronym such as EU, US, KGB, США) matches only in capitals,
so the alias "US" never links the pronoun "us"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

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
                    raise AmbiguousAlias(
                        f"{ent.path}: aliases: expected a name or alias used by one entry only, "
                        f"found {name!r} also in {other.path}"
                    )
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
