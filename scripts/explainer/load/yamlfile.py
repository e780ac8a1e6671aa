"""Parse one YAML file's bytes into a node tree with line marks, refusing anything beyond plain YAML."""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 50_000
ALIAS_MESSAGE = "expected plain YAML, found an alias (*name): anchors and aliases are not allowed"
PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def parse_yaml(raw: bytes, shown: str) -> tuple[Node | None, list[Problem]]:
    """Parse a file's bytes (shown to editors as `shown`); return its root node or the problems found."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(shown, 0, "", f"expected a file under {MAX_BYTES // 1000} KB, found {len(raw) // 1000} KB")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, "", f"expected UTF-8 text, found byte 0x{raw[exc.start]:02x} (save the file as UTF-8)")
        ]
    text = text.removeprefix("\ufeff")
    try:
        docs = list(yaml.compose_all(text, Loader=Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(shown, line, "", f"expected valid YAML, found a syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 0, "", f"expected valid YAML, found: {str(exc).splitlines()[0]}")]
    if "*" in text:
        alias = next((e for e in yaml.parse(text, Loader=Loader) if isinstance(e, yaml.AliasEvent)), None)
        if alias is not None:
            return None, [Problem(shown, alias.start_mark.line + 1 if alias.start_mark else 0, "", ALIAS_MESSAGE)]
    docs = [d for d in docs if d is not None]
    if not docs:
        return None, [Problem(shown, 1, "", "expected a mapping of fields, found an empty file")]
    if len(docs) > 1:
        return None, [
            Problem(shown, docs[1].start_mark.line + 1, "", "expected one YAML document, found several (remove '---')")
        ]
    problems = _check_plain(docs[0], shown)
    return (None if problems else docs[0]), problems


def _check_plain(root: Node, shown: str) -> list[Problem]:
    """Refuse tags, anchors/aliases, merge keys, excessive depth and size."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            return [Problem(shown, line, "", ALIAS_MESSAGE)]
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            return [Problem(shown, line, "", f"expected at most {MAX_NODES} values in one file, found more")]
        if depth > MAX_DEPTH:
            return [Problem(shown, line, "", f"expected at most {MAX_DEPTH} levels of nesting, found more")]
        if node.tag not in PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(Problem(shown, line, "", f"expected plain YAML, found the tag {tag!r} (remove it)"))
            continue
        if isinstance(node, MappingNode):
            stack.extend((n, depth + 1) for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend((n, depth + 1) for n in node.value)
    return problems


def scalar_text(node: Node) -> str | None:
    """The text an editor typed for a scalar, or None for anything else."""
    return node.value if isinstance(node, ScalarNode) else None
