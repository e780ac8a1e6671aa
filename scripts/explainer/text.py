"""Plain text as editors write it and readers see it: cleaning, folding for comparison, shortening."""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
LIMIT = 160  # characters: what result pages and link previews show before they cut


def clean_text(text: str) -> str:
    """Drop control characters that no editor means (and that could confuse later stages)."""
    return CONTROL.sub("", text)


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names in any script."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text).strip()


# The Cyrillic alphabets of Ukrainian, Belarusian and Russian merged into one order that is each one's own.
CYRILLIC_ORDER = "абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя"
_COLLATE = {ord(c): chr(0xE000 + i) for i, c in enumerate(CYRILLIC_ORDER)}  # private-use: after Latin, in order


def collation_key(text: str) -> str:
    """A key to sort names as readers of the language expect: case and accents ignored, and Cyrillic in its
    alphabet's order (і, ї, є, ґ, ў in their places, not after я as their code points would put them)."""
    text = unicodedata.normalize("NFC", text.casefold()).translate(_COLLATE)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\ue000-\ue0ff]+|_", " ", text).split())


SENTENCE_ENDS = (".", "!", "?", "…")


def end_sentence(text: str) -> str:
    """The text with a full stop, unless it ends with one of its own ("2 груд. 2020 р.", "Why now?")."""
    return text if text.endswith(SENTENCE_ENDS) else text + "."


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence; one longer than `limit` characters cut at a word, with an ellipsis."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[^\s\w]*[A-Z\u0400-\u04ff0-9])", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else shorten(sentence, limit)


def shorten(text: str, limit: int = LIMIT) -> str:
    """One line of at most `limit` characters: whole sentences where they fit, else cut at a word."""
    text = re.sub(r"\s+", " ", clean_text(text)).strip()
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?](?= )", text[:limit])]
    if ends and ends[-1] >= limit // 3:  # whole sentences read better than a cut one
        return text[: ends[-1]]
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–—-") + "…"


def count(n: int, noun: str, plural: str = "") -> str:
    """'1 event', '2 events'; `plural` for nouns that do not take an s."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
