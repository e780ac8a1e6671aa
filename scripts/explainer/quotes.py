"""Quotes checked against a source's archived text, and prose checked for wording copied from it.

A quote must appear in the text word for word. Only typographic differences are ignored: curly and
straight quotes and apostrophes, the kind of dash, runs of white space and line breaks, the case of
the first letter, and an ellipsis (… ... […] [...]) standing for words left out."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "‚": "'",
        "′": "'",
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
        "\u00ad": None,
    }
)
ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")  # quoted words are not copied wording
WORD = re.compile(r"\w+(?:['’]\w+)*")
COPIED_WORDS = 8  # this many consecutive words of a source's text, outside quotation marks, are copied wording


def normal(text: str) -> str:
    """The text with typographic differences removed (quotes, dashes, white space)."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = re.sub(r"\s*-\s*", lambda m: " - " if m.group().strip() != m.group() else "-", text)
    return re.sub(r"\s+", " ", text).strip()


HEADER_END = re.compile(r"^-{3,}[ \t]*$", re.M)  # a header (title, publication details) may end with a --- line


@dataclass(frozen=True)
class Archive:
    """A source's archived text, ready to search: normalised whole, and by paragraph (blank-line separated,
    counted after the header when a --- line ends one)."""

    text: str
    paragraphs: tuple[str, ...]

    @classmethod
    def of(cls, raw: str) -> Archive:
        raw = raw.replace("\r\n", "\n")
        rule = HEADER_END.search(raw)
        header, body = (raw[: rule.start()], raw[rule.end() :]) if rule else ("", raw)
        paragraphs = tuple(normal(p) for p in re.split(r"\n\s*\n", body) if p.strip())
        return cls(" ".join((normal(header), *paragraphs)).strip(), paragraphs if len(paragraphs) > 1 else ())


def _pattern(quote: str) -> re.Pattern[str] | None:
    """The quote as a pattern: its parts in order, anything between them where it leaves words out."""
    parts = [p for p in ELLIPSIS.split(normal(quote)) if p.strip(" .,;:")]
    if not parts:
        return None
    escaped = [re.escape(p.strip()) for p in parts]
    first = escaped[0]
    if first[:1].isalpha():  # the first letter in either case: a quote may start mid-sentence
        first = f"[{first[0].upper()}{first[0].lower()}]{first[1:]}"
    return re.compile(".*?".join([first, *escaped[1:]]), re.S)


def found_in(quote: str, text: str) -> bool:
    pattern = _pattern(quote)
    return pattern is not None and pattern.search(text) is not None


def closest(quote: str, archive: Archive, width: int = 160) -> str:
    """The passage of the text most like the quote, for an editor to compare (at most `width` characters)."""
    q, text = normal(ELLIPSIS.sub(" ", quote)), archive.text
    matcher = difflib.SequenceMatcher(None, text, q, autojunk=False)
    a, b, size = matcher.find_longest_match(0, len(text), 0, len(q))
    if size == 0:
        return ""
    start = max(0, a - b)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + max(len(q), 40))
    end = text.find(" ", end) if text.find(" ", end) > 0 else len(text)
    passage = text[start:end].strip("\"' ")
    return passage if len(passage) <= width else passage[: width - 1].rstrip() + "…"


PARAGRAPH = re.compile(r"^\s*(?:para(?:graph)?s?\.?|¶)\s*(\d+)(?:\s*(?:–|-|to|and|,)\s*(\d+))?\s*$", re.I)


def paragraph_locator(locator: str) -> tuple[str, int, int] | None:
    """What a locator naming paragraphs says, as (form, first, last): ('one', 4, 4) for 'paragraph 4',
    ('range', 3, 4) for 'paras. 3–4', ('pair', 1, 3) for 'paragraphs 1 and 3', ('last', 0, 0) for 'last
    paragraph'; None for any other locator ('recital (3)', 'background section')."""
    if locator.strip().lower() in ("last paragraph", "final paragraph"):
        return ("last", 0, 0)
    m = PARAGRAPH.match(locator)
    if not m:
        return None
    first = int(m.group(1))
    last = int(m.group(2) or first)
    if "and" in locator or "," in locator:
        return ("pair", first, last)
    return ("one", first, first) if last == first else ("range", first, max(first, last))


def paragraphs_named(locator: str, archive: Archive) -> tuple[int, ...] | None:
    """The paragraph numbers (1-based) a locator names, or None when it names none or the text has no
    paragraphs."""
    named = paragraph_locator(locator)
    if not archive.paragraphs or named is None:
        return None
    form, first, last = named
    if form == "last":
        return (len(archive.paragraphs),)
    return (first, last) if form == "pair" else tuple(range(first, last + 1))


def copied_runs(prose: str, archive_words: frozenset[tuple[str, ...]]) -> list[str]:
    """Runs of COPIED_WORDS or more consecutive words of the prose (outside quotation marks) that appear in the
    archived text (lower case)."""
    runs: list[str] = []
    for piece in QUOTED.split(prose):
        words = [m.group().lower().replace("’", "'") for m in WORD.finditer(normal(piece))]
        hits = [tuple(words[i : i + COPIED_WORDS]) in archive_words for i in range(len(words) - COPIED_WORDS + 1)]
        current: list[int] = []
        for i, hit in enumerate(hits):
            if hit:
                current = current or [i]
                current.append(i + COPIED_WORDS)
            elif current:
                runs.append(" ".join(words[current[0] : current[-1]]))
                current = []
        if current:
            runs.append(" ".join(words[current[0] : current[-1]]))
    return runs


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of COPIED_WORDS words of an archived text (lower case)."""
    words = [m.group().lower().replace("’", "'") for m in WORD.finditer(normal(text))]
    return frozenset(tuple(words[i : i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1))
