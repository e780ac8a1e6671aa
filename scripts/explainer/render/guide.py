"""What the editors' guide shows, generated so it cannot drift: every field of the data contract (from
schema.py) and every kind of error message, produced by running the real validator on broken examples."""
from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..build import build_explainer
from ..problems import ExplainerError, Problem
from ..rules import Field, ListOf, Record
from ..schema import KINDS, Kind
from ..schemas import describe, file_name
from ..skeleton import skeleton


@dataclass(frozen=True)
class Row:
    name: str  # dotted path: quotes[].by
    required: bool
    what: str  # what the value looks like
    doc: str  # what it is for

    def sentence(self) -> str:
        doc, what = self.doc, self.what
        if doc.lower() in what.lower():  # 'id of a file in sources/' says no more than the rule does
            doc = ""
        return " ".join(part[:1].upper() + part[1:] + "." for part in (doc, what) if part)


def rows(fields: tuple[Field, ...], prefix: str = "") -> list[Row]:
    out = []
    for f in fields:
        out.append(Row(prefix + f.name, f.required, describe(f.rule), f.doc))
        rule = f.rule.item if isinstance(f.rule, ListOf) else f.rule
        if isinstance(rule, Record):
            out += rows(rule.fields, f"{prefix}{f.name}{'[]' if isinstance(f.rule, ListOf) else ''}.")
    return out


@dataclass(frozen=True)
class KindDoc:
    kind: Kind
    rows: tuple[Row, ...]
    schema: str  # file name in schemas/
    example_id: str
    skeleton: str


EXAMPLE_IDS = {"events": "2021-03-29-ship-refloated", "actors": "harbour-master", "places": "port-said",
               "glossary": "dredging", "sources": "example-news-2021-03-29", "timelines": "the-blockage",
               "maps": "the-canal", "facts": "canal-length"}


def contract() -> list[KindDoc]:
    return [KindDoc(k, tuple(rows(k.record.fields)), file_name(k), EXAMPLE_IDS.get(k.name, "example"),
                    skeleton(k, EXAMPLE_IDS.get(k.name, "example"))) for k in KINDS]


# A small valid explainer: the broken examples below refer to its entries.
BASE = {
    "sources/example-news.yml": "title: Ship runs aground\npublisher: Example News\ndate: '2021-03-23'\n",
    "actors/harbour-authority.yml": "name: Harbour Authority\nkind: organisation\naliases: [HA]\n",
    "places/port-city.yml": "name: Port City\nkind: city\nlat: 30.0\nlon: 32.5\n",
    "glossary/dredging.yml": "term: Dredging\nshort: Digging out the bed of a waterway.\n",
}
EVENT = "title: The ship is refloated\ndate: '2021-03-29'\nsummary: Tugs free the ship.\nsources: [example-news]\n"

# (file under docs/, content, what it means and what to do)
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("events/missing-title.yml", EVENT.replace("title: The ship is refloated\n", ""),
     "A field every file of this kind needs is absent. Add it; the line given is where the mapping starts."),
    ("events/unknown-field.yml", EVENT + "titel: Refloated\n",
     "The field name is not part of the data contract, often a typo. Use the suggested name, or see the "
     "field list of this kind above."),
    ("events/repeated-field.yml", EVENT + "title: Refloated again\n",
     "The same field is written twice in one file; YAML would silently keep only one. Delete one of them."),
    ("events/date-form.yml", EVENT.replace("'2021-03-29'", "29/03/2021"),
     "Dates are written year first: 2021-03-29, or 2021-03 when only the month is known, or 2021."),
    ("events/impossible-date.yml", EVENT.replace("'2021-03-29'", "2021-02-30"),
     "The date is well formed but does not exist in the calendar. Check the day and month."),
    ("events/end-before-date.yml", EVENT + "end: '2021-03-01'\n",
     "A period ends before it starts. Swap the dates or correct one of them."),
    ("events/unknown-actor.yml", EVENT + "actors: [harbor-authority]\n",
     "No file has this id. Ids are file names without .yml; the closest existing id, name or alias is "
     "suggested. Fix the spelling, or create the missing file with make new."),
    ("events/unknown-place.yml", EVENT + "places: [atlantis]\n",
     "No file has this id and nothing is close to it. Create docs/places/atlantis.yml (make new KIND=place "
     "ID=atlantis) or remove the reference."),
    ("events/no-sources.yml", EVENT.replace("[example-news]", "[]"),
     "Every event cites at least one source. Add the id of a file in sources/."),
    ("events/not-a-list.yml", EVENT + "actors: harbour-authority\n",
     "This field holds a list, even of one item. Write [harbour-authority] or put each item on its own "
     "line starting with '- '."),
    ("events/repeated-item.yml", EVENT + "actors: [harbour-authority, harbour-authority]\n",
     "The same id appears twice in one list. Delete the repeat."),
    ("events/not-text.yml", EVENT.replace("summary: Tugs free the ship.", "summary: ''"),
     "A text field is empty (or holds a list or a yes/no value). Write the text, or delete the field if "
     "it is optional."),
    ("events/too-long.yml", EVENT.replace("The ship is refloated", "A very long headline " * 25),
     "Plain-text fields have a length limit (headlines must fit on a line). Shorten the text; longer "
     "accounts go in Markdown fields such as body."),
    ("events/not-yes-no.yml", EVENT + "approximate: maybe\n",
     "The field is a yes/no value. Write true or false (without quotes)."),
    ("events/bad-tag.yml", EVENT + "tags: [Big Ship]\n",
     "Tags and ids are slugs: lowercase ASCII letters, digits and single hyphens. Write big-ship."),
    ("actors/wrong-kind.yml", "name: Ever Given\nkind: ship\n",
     "The field accepts a fixed set of values, listed in the message. Pick the closest one."),
    ("actors/wrong-country.yml", "name: Osama Rabie\nkind: person\ncountry: EGY\n",
     "Countries are two-letter ISO 3166-1 codes in capitals: EG, not EGY or Egypt."),
    ("actors/unsafe-link.yml", "name: Port Board\nkind: organisation\nlinks:\n"
     "  - {title: Home page, url: www.example.org}\n",
     "Web addresses must be complete, starting with https:// (or http://, mailto:); other schemes are "
     "refused so that no link can run code."),
    ("actors/name-taken.yml", "name: Harbour Board\nkind: organisation\naliases: [HA]\n",
     "Each name or alias links to one entry only, so the same words cannot point at two pages. Remove "
     "it from one of the files."),
    ("places/out-of-range.yml", "name: Port Said\nkind: city\nlat: 131.3\nlon: 32.3\n",
     "Latitude runs from -90 to 90 and longitude from -180 to 180 (decimal degrees, WGS84). Latitude "
     "and longitude may have been swapped."),
    ("timelines/selects-nothing.yml", "title: The blockage\n",
     "A timeline needs a list of events, or from/to dates or tags that select them."),
    ("events/yaml-syntax.yml", EVENT + "tags: [ships\n",
     "The file is not valid YAML: often an unclosed bracket or quote, or a colon followed by a space "
     "inside unquoted text. Look at the line given and the one before it; quote text containing ': '."),
    ("events/yaml-tag.yml", EVENT + "body: !!binary aGVsbG8=\n",
     "YAML tags (starting with !) are refused: the files hold plain text, numbers, lists and mappings only."),
    ("events/yaml-alias.yml", EVENT + "actors: &who [harbour-authority]\nplaces: *who\n",
     "YAML anchors (&) and aliases (*) are refused: write each value out in full."),
    ("events/two-documents.yml", EVENT + "---\ntitle: Another\n",
     "One file holds one entry: remove the --- line and move the second entry to a file of its own."),
    ("events/empty.yml", "",
     "The file is empty. Fill it in (make new writes a file with every field) or delete it."),
    ("events/Refloated_Ship.yml", EVENT,
     "The file name is the id: rename the file using lowercase letters, digits and single hyphens."),
    ("events/refloated.yaml", EVENT, "Files end in .yml. Rename the file."),
    ("events/latin-1.yml", "title: Caf\xe9 closed\n",
     "The file is saved in another encoding. Save it as UTF-8 (every editor offers this)."),
)


@dataclass(frozen=True)
class ErrorDoc:
    message: str  # exactly what the check prints
    wrote: str  # the line the message points at ('' when the problem is the file itself)
    meaning: str


def _write(docs: Path, name: str, content: str) -> None:
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("latin-1") if "latin-1" in name else content.encode("utf-8"))


@functools.lru_cache(maxsize=1)
def error_messages() -> tuple[ErrorDoc, ...]:
    """Run the validator once on a small explainer holding every broken example; keep what it says."""
    problems: list[Problem] = []
    try:
        with tempfile.TemporaryDirectory(prefix="explainer-guide-") as tmp:
            docs = Path(tmp) / "docs"
            for name, content in (*BASE.items(), *((n, c) for n, c, _ in EXAMPLES)):
                _write(docs, name, content)
            build_explainer(docs, shown_root="docs")
    except ExplainerError as err:
        problems = err.problems
    except OSError:  # no writable temporary folder: the guide goes without its table of messages
        return ()
    out = []
    for name, content, meaning in EXAMPLES:
        found = [p for p in problems if p.path == f"docs/{name}"]
        if found:
            p = found[0]
            lines = content.splitlines()
            line = lines[min(p.line, len(lines)) - 1] if p.line and lines else ""
            leaf = p.field.rsplit(".", 1)[-1].split("[")[0]
            wrote = line if leaf in line else ""  # the line itself, unless the field is absent from it
            out.append(ErrorDoc(str(p), wrote if len(wrote) <= 80 else wrote[:77] + "...", meaning))
    return tuple(out)
