"""JSON Schemas for editors' YAML tooling, made from the same rules the validator parses with (kinds.py).

`explainer schemas` writes one `<kind>.schema.json` per kind and the VS Code settings that apply them; a test
regenerates this repository's and fails on any difference, so they never drift from the validator."""

from __future__ import annotations

import json
from typing import Any

from .kinds import KINDS, Kind
from .overlays import OVERLAYS
from .rules import Bool, Date, ListOf, Number, Pattern, Record, Ref, Rule, Text

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "urn:explainer:schema:v1:"
FOLDER_NAME = "schemas"


def file_name(kind: Kind) -> str:
    return f"{kind.singular}.schema.json"


def describe(rule: Rule) -> str:
    """What a value of this rule looks like, in an editor's words."""
    if isinstance(rule, Text):
        return ("Markdown text" if rule.markdown else "plain text") + f" (at most {rule.max_length:,} characters)"
    if isinstance(rule, Date):
        return "a date: YYYY-MM-DD, YYYY-MM or YYYY"
    if isinstance(rule, Bool):
        return "true or false"
    if isinstance(rule, Number):
        return f"a number from {rule.minimum:g} to {rule.maximum:g}"
    if isinstance(rule, Ref):
        return f"the id of a file in {rule.kind}/"
    if isinstance(rule, Pattern):
        return rule.what if not rule.choices or len(rule.choices) > 12 else "one of " + ", ".join(rule.choices)
    if isinstance(rule, ListOf):
        least = f"at least {rule.min_items} item{'s' * (rule.min_items != 1)}" if rule.min_items else "items"
        return f"a list of {least}, each {describe(rule.item)}"
    if isinstance(rule, Record):
        names = ", ".join(f.name for f in rule.fields)
        if rule.shorthand is not None:
            return f"{describe(rule.shorthand)}, or a mapping {{{names}}}"
        return f"a mapping {{{names}}}"
    return "a value"


def _described(schema: dict[str, Any], rule: Rule) -> dict[str, Any]:
    """Fill empty descriptions (fields without a doc) with what the value looks like, depth first."""
    if isinstance(rule, ListOf):
        schema = {**schema, "items": _described(schema["items"], rule.item)}
        if rule.unique and isinstance(rule.item, (Pattern, Ref, Text)):  # the validator refuses repeated text
            schema["uniqueItems"] = True
    if isinstance(rule, Record):
        if "anyOf" in schema:
            return {**schema, "anyOf": [schema["anyOf"][0], _described(schema["anyOf"][1], Record(rule.fields))]}
        props = {}
        for f in rule.fields:
            prop = _described(schema["properties"][f.name], f.rule)
            parts = [f.doc] if f.doc else []
            parts += ["required" if f.required else "optional", describe(f.rule)]
            prop["description"] = ". ".join(p[:1].upper() + p[1:] for p in parts) + "."
            props[f.name] = prop
        schema = {**schema, "properties": props}
    return schema


def kind_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one file of `kind`, from the same Record the validator parses with."""
    body = _described(kind.record.schema(), kind.record)
    return {
        "$schema": DRAFT,
        "$id": f"{ID_BASE}{kind.singular}",
        "title": f"Explainer {kind.singular} (docs/{kind.name}/<id>.yml)",
        "description": (
            f"One {kind.singular} of an explainer. The file name without .yml is its id: lowercase "
            "letters, digits and single hyphens. Generated from the explainer package's data contract; do not edit."
        ),
        **body,
    }


def overlay_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a translation of `kind` (docs/<kind>/<id>.<lang>.yml): its translatable fields only."""
    record = OVERLAYS[kind.name]
    body = _described(record.schema(), record)
    return {
        "$schema": DRAFT,
        "$id": f"{ID_BASE}{kind.singular}.overlay",
        "title": f"Explainer {kind.singular} translation (docs/{kind.name}/<id>.<lang>.yml)",
        "description": (
            f"The translation of one {kind.singular} into another language of the explainer: only its translatable "
            f"fields ({', '.join(f.name for f in record.fields)}); everything else comes from docs/{kind.name}/<id>.yml. "
            "Generated from the explainer package's data contract; do not edit."
        ),
        **body,
    }


def overlay_file_name(kind: Kind) -> str:
    return f"{kind.singular}.overlay.schema.json"


def encode(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_files() -> dict[str, str]:
    """File name -> content of every kind's schema."""
    return {
        **{file_name(k): encode(kind_schema(k)) for k in KINDS},
        **{overlay_file_name(k): encode(overlay_schema(k)) for k in KINDS},
    }


def vscode_settings(schema_folder: str, docs_folders: tuple[str, ...] = ("docs",)) -> str:
    """.vscode/settings.json for the YAML language server: each kind's files checked against its schema."""
    mapping = {
        f"{schema_folder}/{file_name(k)}": [f"{d}/{k.name}/*.yml" for d in docs_folders]
        + [f"!{d}/{k.name}/*.*.yml" for d in docs_folders]
        for k in KINDS
    }
    mapping |= {
        f"{schema_folder}/{overlay_file_name(k)}": [f"{d}/{k.name}/*.*.yml" for d in docs_folders] for k in KINDS
    }
    settings = {
        "yaml.schemas": mapping,
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
