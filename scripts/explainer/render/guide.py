"""What the editors' guide shows, generated so it cannot drift: every field of the data contract, and every
kind of error message as the validator words it (contract/messages.py, made from contract/examples.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..contract.jsonschema import describe, file_name
from ..contract.kinds import KINDS, Kind
from ..contract.messages import MESSAGES
from ..contract.overlays import LISTS, TRANSLATABLE
from ..contract.rules import Field, ListOf, Record
from ..contract.skeleton import skeleton


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
    translatable: tuple[str, ...] = ()  # the fields a translation (<id>.<lang>.yml) may hold


EXAMPLE_IDS = {
    "events": "2021-03-29-ship-refloated",
    "actors": "harbour-master",
    "places": "port-said",
    "glossary": "dredging",
    "sources": "example-news-2021-03-29",
    "timelines": "the-blockage",
    "maps": "the-canal",
    "facts": "canal-length",
}


def contract() -> list[KindDoc]:
    return [
        KindDoc(
            k,
            tuple(rows(k.record.fields)),
            file_name(k),
            EXAMPLE_IDS.get(k.name, "example"),
            skeleton(k, EXAMPLE_IDS.get(k.name, "example")),
            tuple(p.replace(".", "[]." if p.split(".")[0] in LISTS else ".") for p in TRANSLATABLE[k.name]),
        )
        for k in KINDS
    ]


@dataclass(frozen=True)
class ErrorDoc:
    message: str  # exactly what the check prints
    wrote: str  # the line the message points at ('' when the problem is the file itself)
    meaning: str


def error_messages() -> tuple[ErrorDoc, ...]:
    """The table of messages made by `explainer schemas --guide-messages` (contract/messages.py)."""
    return tuple(ErrorDoc(*row) for row in MESSAGES)
