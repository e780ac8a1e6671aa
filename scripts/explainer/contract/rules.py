"""Small composable validators over YAML nodes; each also describes itself as JSON Schema."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

import pycountry
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..dates import parse_date
from ..problems import Problem, describe

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL_RE = re.compile(r'^(https?://[^\s/?#"<>\\`]+[^\s"<>\\`]*|mailto:[^\s@"<>\\`]+@[^\s@"<>\\`]+)$', re.IGNORECASE)
COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)
INT_TAG, FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
BOOL_TAG, NULL_TAG = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Reference:
    """A pointer from one file to an id of some kind, checked once everything is loaded."""

    kind: str
    id: str
    path: str
    line: int
    field: str


@dataclass
class Context:
    """Where we are (file shown to editors) and what we found so far."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def error(self, node: Node, where: str, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, where, message))


class Rule(Protocol):
    def parse(self, node: Node, ctx: Context, where: str) -> Any: ...
    def schema(self) -> dict[str, Any]: ...


def _found(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "nothing"
    return describe(node.value)


@dataclass(frozen=True)
class Text:
    """Plain text (or Markdown when `markdown`); YAML numbers and dates are taken as typed."""

    markdown: bool = False
    max_length: int = 20_000

    def parse(self, node: Node, ctx: Context, where: str) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag == NULL_TAG or node.tag == BOOL_TAG or not node.value.strip():
            kind = "Markdown text" if self.markdown else "text"
            ctx.error(node, where, f"expected {kind}, found {_found(node)}")
            return None
        if len(node.value) > self.max_length:
            ctx.error(node, where, f"expected at most {self.max_length} characters, found {len(node.value)}")
            return None
        return str(node.value).strip()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}


@dataclass(frozen=True)
class Date:
    def parse(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag in (NULL_TAG, BOOL_TAG):
            ctx.error(node, where, f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found {_found(node)}")
            return None
        result = parse_date(node.value)
        if isinstance(result, str):
            ctx.error(node, where, f"{result}, found {describe(node.value)}")
            return None
        return result

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


@dataclass(frozen=True)
class Bool:
    def parse(self, node: Node, ctx: Context, where: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on", "y")
        ctx.error(node, where, f"expected true or false, found {_found(node)}")
        return None

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Number:
    minimum: float
    maximum: float

    def parse(self, node: Node, ctx: Context, where: str) -> float | None:
        if not (isinstance(node, ScalarNode) and node.tag in (INT_TAG, FLOAT_TAG)):
            ctx.error(node, where, f"expected a number from {self.minimum:g} to {self.maximum:g}, found {_found(node)}")
            return None
        try:
            value = float(node.value.replace("_", ""))
        except ValueError:
            value = float("nan")
        if not self.minimum <= value <= self.maximum:
            ctx.error(node, where, f"expected a number from {self.minimum:g} to {self.maximum:g}, found {node.value}")
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Pattern:
    """Text matching a regular expression, described to editors as `what`."""

    regex: re.Pattern[str]
    what: str
    choices: tuple[str, ...] = ()

    def parse(self, node: Node, ctx: Context, where: str) -> str | None:
        text = (
            str(node.value).strip() if isinstance(node, ScalarNode) and node.tag not in (NULL_TAG, BOOL_TAG) else None
        )
        if text is None or not self.regex.match(text) or (self.choices and text not in self.choices):
            ctx.error(node, where, f"expected {self.what}, found {_found(node)}")
            return None
        return text

    def schema(self) -> dict[str, Any]:
        if self.choices:
            return {"enum": list(self.choices)}
        return {"type": "string", "pattern": self.regex.pattern}


def Choice(*values: str) -> Pattern:
    return Pattern(re.compile(r"^.*$"), "one of " + ", ".join(values), values)


SLUG = Pattern(ID_RE, "a slug of lowercase letters, digits and single hyphens")
URL = Pattern(URL_RE, "a web address starting with http://, https:// or mailto:")
COUNTRY = Pattern(
    re.compile(r"^[A-Z]{2}$"), "an ISO 3166-1 alpha-2 country code such as BY or UA", tuple(sorted(COUNTRIES))
)


@dataclass(frozen=True)
class Ref:
    """An id of another file of `kind`; checked after loading, with a suggestion."""

    kind: str

    def parse(self, node: Node, ctx: Context, where: str) -> str | None:
        value = SLUG.parse(node, ctx, where)
        if value is not None:
            ctx.references.append(Reference(self.kind, value, ctx.path, node.start_mark.line + 1, where))
        return value

    def schema(self) -> dict[str, Any]:
        return SLUG.schema()


@dataclass(frozen=True)
class ListOf:
    item: Rule
    min_items: int = 0
    unique: bool = True

    def parse(self, node: Node, ctx: Context, where: str) -> tuple[Any, ...] | None:
        if not isinstance(node, SequenceNode):
            ctx.error(node, where, f"expected a list, found {_found(node)}")
            return None
        if len(node.value) < self.min_items:
            ctx.error(
                node,
                where,
                f"expected at least {self.min_items} item{'s' * (self.min_items > 1)}, found {len(node.value)}",
            )
        items, seen = [], set()
        for i, child in enumerate(node.value):
            value = self.item.parse(child, ctx, f"{where}[{i}]")
            if self.unique and isinstance(value, str):
                if value in seen:
                    ctx.error(child, f"{where}[{i}]", f"expected each item once, found {value!r} again")
                    continue
                seen.add(value)
            if value is not None:
                items.append(value)
        return tuple(items)

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema(), "minItems": self.min_items}


@dataclass(frozen=True)
class Field:
    name: str
    rule: Rule
    required: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Record:
    """A mapping with known fields; unknown and duplicate keys are refused."""

    fields: tuple[Field, ...]
    shorthand: Rule | None = None  # a bare scalar accepted in place of the mapping (e.g. a source id)
    shorthand_field: str = ""
    fixed: tuple[str, ...] = ()  # in a translation: the base file's fields that are not translated

    def parse(self, node: Node, ctx: Context, where: str) -> dict[str, Any] | None:
        if self.shorthand is not None and isinstance(node, ScalarNode):
            value = self.shorthand.parse(node, ctx, where)
            return None if value is None else {self.shorthand_field: value}
        if not isinstance(node, MappingNode):
            ctx.error(node, where, f"expected a mapping of fields, found {_found(node)}")
            return None
        known = {f.name: f for f in self.fields}
        out: dict[str, Any] = {}
        lines: dict[str, int] = {}
        prefix = f"{where}." if where else ""
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key in self.fixed:
                ctx.error(
                    key_node,
                    f"{prefix}{key}",
                    f"expected only translatable fields ({', '.join(known)}), "
                    f"found {key!r}: it comes from the base file",
                )
                continue
            if key is None or key not in known:
                close = _closest(str(key), list(known))
                hint = f"; did you mean {close!r}?" if close else f" (allowed: {', '.join(known)})"
                ctx.error(key_node, f"{prefix}{key}", f"unknown field{hint}")
                continue
            if key in lines:
                ctx.error(
                    key_node, f"{prefix}{key}", f"expected each field once, found it again (first on line {lines[key]})"
                )
                continue
            lines[key] = key_node.start_mark.line + 1
            if value_node.tag == NULL_TAG and not known[key].required:
                continue
            value = known[key].rule.parse(value_node, ctx, f"{prefix}{key}")
            if value is not None:
                out[key] = value
        for f in self.fields:
            if f.required and f.name not in lines:
                ctx.error(node, f"{prefix}{f.name}", "required field is missing")
        out["_line"] = node.start_mark.line + 1
        out["_lines"] = lines
        return out

    def schema(self) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {f.name: {**f.rule.schema(), "description": f.doc} for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
        }
        if self.shorthand is not None:
            return {"anyOf": [self.shorthand.schema(), obj]}
        return obj


def _closest(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None
