"""A new YAML file for an editor to fill in, generated from the data contract (schema.py).

Required fields are written out empty, so `explainer check` points at each one until it is filled in;
optional fields are written as comments, each with what it holds."""

from __future__ import annotations

from ..dates import parse_date
from .jsonschema import describe
from .kinds import Kind
from .rules import Field, ListOf, Record, Text


def _note(f: Field) -> str:
    what = f.doc or describe(f.rule)
    return f"# {'required' if f.required else 'optional'}: {what}"


def _record(fields: tuple[Field, ...], indent: str, first: str = "") -> list[str]:
    """Lines of a mapping; `first` replaces the indent of its first line (for '- ' list items)."""
    lines: list[str] = []
    for f in fields:
        lead = first if first and not lines else indent
        lines += _field(f, lead, indent)
    return lines


def _field(f: Field, lead: str, indent: str) -> list[str]:
    """A field's lines: written out when required, commented out when optional."""
    rule = f.rule
    if isinstance(rule, Record) and rule.shorthand is None:
        body = _record(rule.fields, indent + "  ")
        lines = [f"{lead}{f.name}:  {_note(f)}", *body]
    elif isinstance(rule, ListOf) and isinstance(rule.item, Record) and rule.item.shorthand is None:
        body = _record(rule.item.fields, indent + "    ", first=indent + "  - ")
        lines = [f"{lead}{f.name}:  {_note(f)}", *body]
    elif isinstance(rule, ListOf):
        lines = [f"{lead}{f.name}:  {_note(f)}", f"{indent}  - "]
    elif isinstance(rule, Text) and rule.markdown:  # a folded block: the text goes on the lines below, indented
        lines = [f"{lead}{f.name}: >-  {_note(f)}"] + ([f"{indent}  "] if f.required else [])
    else:
        lines = [f"{lead}{f.name}:  {_note(f)}"]
    if f.required:
        return [line.rstrip() for line in lines]
    return [_comment_out(line, indent) for line in lines]


def _comment_out(line: str, indent: str) -> str:
    """'  key: x' -> '  # key: x', keeping the line's indentation so uncommenting restores it."""
    if line.lstrip().startswith("#"):
        return line.rstrip()
    return (indent + "# " + line[len(indent) :]).rstrip()


def skeleton(kind: Kind, ident: str) -> str:
    """The text of docs/<kind>/<ident>.yml with every field of the contract."""
    lines = [
        f"# {kind.singular.capitalize()} '{ident}' (docs/{kind.name}/{ident}.yml).",
        "# Fill in each required field; to use an optional one, remove its '# '. Check with: explainer check",
        "# Every field and error message is explained in the editors' guide (guide page of the site).",
        *_record(kind.record.fields, ""),
    ]
    date = parse_date(ident[:10]) if ident[10:11] in ("", "-") else None
    if kind.name == "events" and date and not isinstance(date, str) and date.precision == "day":
        lines = [
            f"date: '{date.iso()}'  # required: YYYY-MM-DD, YYYY-MM or YYYY (taken from the id)"
            if line.startswith("date:")
            else line
            for line in lines
        ]
    return "\n".join(lines) + "\n"
