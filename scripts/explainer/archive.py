"""Checks against the sources' archived texts (docs/sources/<id>.txt): every quote citing a source that has one
is found in it (quotes.py says how exactly), a paragraph locator names the paragraph it is in, and prose that
repeats a run of the text's words outside quotation marks is flagged as copied wording."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .load import Loaded
from .problems import Problem
from .quotes import Archive, closest, copied_runs, found_in, paragraphs_named, shingles

PROSE = {
    "events": ("title", "summary", "body"),
    "actors": ("role", "summary"),
    "places": ("summary",),
    "glossary": ("short", "definition"),
    "timelines": ("summary",),
    "maps": ("summary",),
    "facts": ("summary", "explanation"),
}


def _line(record: dict[str, Any], field: str) -> int:
    return int(record.get("_lines", {}).get(field, record.get("_line", 0)))


def quoted(loaded: Loaded) -> Iterator[tuple[dict[str, Any], str, dict[str, Any], str, str]]:
    """Every quote and citation that quotes words: (record, field path, item, words, source id)."""
    for records in loaded.records.values():
        for rec in records.values():
            for i, q in enumerate(rec.get("quotes") or ()):
                if isinstance(q, dict) and q.get("text") and q.get("source"):
                    yield rec, f"quotes[{i}]", q, q["text"], q["source"]
            lists = [("sources", rec.get("sources"))]
            lists += [(f"figures[{j}].sources", f.get("sources")) for j, f in enumerate(rec.get("figures") or ())]
            for name, items in lists:
                for i, c in enumerate(items or ()):
                    if isinstance(c, dict) and c.get("quote") and c.get("source"):
                        yield rec, f"{name}[{i}]", c, c["quote"], c["source"]


def check_quotes(loaded: Loaded) -> list[Problem]:
    """Problems for quotes not in their source's text; each quote found is marked `_checked` for the model."""
    archives = {ident: Archive.of(text) for ident, text in loaded.texts.items()}
    problems = []
    for rec, where, item, words, source in quoted(loaded):
        item["_checked"] = False  # (set at every build: the record may be the one the last build checked)
        archive = archives.get(source)
        if archive is None:
            continue
        field = f"{where}.{'text' if 'text' in item else 'quote'}"
        shown = f"{rec['_path'].rsplit('/', 2)[0]}/sources/{source}.txt"
        if not found_in(words, archive.text):
            near = closest(words, archive)
            problems.append(
                Problem(
                    rec["_path"],
                    _line(item, "text" if "text" in item else "quote"),
                    field,
                    f"not found in the text of source {source!r} ({shown})"
                    + (f'; closest passage: "{near}"' if near else ""),
                )
            )
            continue
        named = paragraphs_named(item.get("locator") or "", archive)
        if named and not any(
            0 < n <= len(archive.paragraphs) and found_in(words, archive.paragraphs[n - 1]) for n in named
        ):
            where_found = [n for n, p in enumerate(archive.paragraphs, 1) if found_in(words, p)]
            found = f"paragraph {where_found[0]}" if where_found else "across paragraphs"
            problems.append(
                Problem(
                    rec["_path"],
                    _line(item, "locator"),
                    f"{where}.locator",
                    f"expected the paragraph the quote is in ({shown} has "
                    f"{len(archive.paragraphs)}), found {item['locator']!r}: the quote is in {found}",
                )
            )
            continue
        item["_checked"] = True
    return problems


def copied_wording(loaded: Loaded) -> list[Problem]:
    """Warnings for prose that repeats a run of an archived text's words outside quotation marks."""
    if not loaded.texts:
        return []
    runs = {ident: shingles(text) for ident, text in loaded.texts.items()}
    archives = {ident: Archive.of(text) for ident, text in loaded.texts.items()}
    found = []
    prose = [
        (rec["_path"], _line(rec, f), f, rec[f])
        for kind, fields in PROSE.items()
        for rec in loaded.records.get(kind, {}).values()
        for f in fields
        if isinstance(rec.get(f), str)
    ]
    prose += [(path, 0, "", text) for path, text in loaded.pages.items()]
    for path, line, field, text in prose:
        for ident, words in runs.items():
            for run in copied_runs(text, words):
                found.append(
                    Problem(
                        path,
                        line,
                        field,
                        f"expected your own words, found {len(run.split())} words of source {ident!r} "
                        f'({_where(run, archives[ident], path, ident)}) outside quotation marks: "{run}" '
                        "(quote them, or rewrite)",
                    )
                )
    return found


def _where(run: str, archive: Archive, path: str, ident: str) -> str:
    """Where in the archived text a copied run stands: its file, and its paragraph when the text has them."""
    shown = f"{path.split('/', 1)[0]}/sources/{ident}.txt"
    first = " ".join(run.split()[:8])
    for n, paragraph in enumerate(archive.paragraphs, 1):
        if first in " ".join(w.lower() for w in paragraph.replace("’", "'").split()):
            return f"{shown}, paragraph {n}"
    return shown
