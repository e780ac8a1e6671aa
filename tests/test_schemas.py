"""Editors' tools from the data contract: JSON Schema files, the editor setting, the new-file skeleton and
the guide page. Each comes from schema.py; these tests fail when one drifts from the validator."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from explainer.build import build_explainer
from explainer.contract.examples import EXAMPLES
from explainer.contract.jsonschema import file_name, kind_schema, overlay_schema, schema_files, vscode_settings
from explainer.contract.kinds import KINDS, Kind
from explainer.contract.skeleton import skeleton
from explainer.generator import render_pages
from explainer.messages import message_rows
from explainer.problems import ExplainerError
from explainer.render.guide import contract, error_messages
from explainer.scaffold import REPO_SETTINGS
from helpers import FIXTURE, ROOT

SCHEMAS = ROOT / "schemas"


class Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as YAML 1.2 and the editors' YAML language server do."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validator(kind: Kind) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / file_name(kind)).read_text(encoding="utf-8")))


def test_committed_schemas_are_regenerated_exactly() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert committed == schema_files(), "schemas/ differs from schema.py: run `make schemas`"


def test_vscode_settings_map_every_kind_to_its_schema() -> None:
    text = (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8")
    assert text == vscode_settings(*REPO_SETTINGS), "run `make schemas`"
    mapping = json.loads(text)["yaml.schemas"]
    for kind in KINDS:
        globs = mapping[f"./schemas/{file_name(kind)}"]
        assert f"docs/{kind.name}/*.yml" in globs
        assert (ROOT / "schemas" / file_name(kind)).is_file()


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_schema_is_valid_and_described(kind: Kind) -> None:
    schema = kind_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"] and schema["title"]
    assert set(schema["properties"]) == {f.name for f in kind.record.fields}
    assert schema["required"] == [f.name for f in kind.record.fields if f.required]
    assert all(p["description"] for p in schema["properties"].values())


def all_files() -> list[tuple[Kind, Path]]:
    return [(k, p) for docs in (ROOT / "docs", FIXTURE / "docs", FIXTURE.parent / "suez-uk" / "docs") for k in KINDS
            for p in sorted((docs / k.name).glob("*.yml"))]


@pytest.mark.parametrize("kind,path", all_files(), ids=lambda x: x.name if isinstance(x, Path) else "")
def test_every_valid_file_passes_its_schema(kind: Kind, path: Path) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    schema = overlay_schema(kind) if "." in path.stem else kind_schema(kind)  # a translation: <id>.<lang>.yml
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


BROKEN = [  # (kind, YAML) that both the validator and the schema refuse
    ("events", "title: t\ndate: '2021-03-29'\nsummary: s\nsources: [a-source]\ntitel: typo\n"),
    ("events", "date: '2021-03-29'\nsummary: s\nsources: [a-source]\n"),
    ("events", "title: t\ndate: 29/03/2021\nsummary: s\nsources: [a-source]\n"),
    ("events", "title: t\ndate: '2021-03-29'\nsummary: s\nsources: []\n"),
    ("events", "title: t\ndate: '2021-03-29'\nsummary: s\nsources: [a-source]\ntags: [Big Ship]\n"),
    ("events", "title: t\ndate: '2021-03-29'\nsummary: s\nsources: [{source: a-source, page: 3}]\n"),
    ("actors", "name: n\nkind: ship\n"),
    ("actors", "name: n\nkind: person\ncountry: EGY\n"),
    ("actors", "name: n\nkind: person\nlinks: [{title: t, url: 'javascript:x'}]\n"),
    ("places", "name: n\nkind: city\nlat: 129.9\nlon: 1\n"),
    ("places", "name: n\nkind: city\nlat: north\nlon: 1\n"),
    ("sources", "title: t\npublisher: p\nkind: tweet\n"),
    ("glossary", "term: t\nshort: s\nsee_also: [a-b, a-b]\n"),
]


@pytest.mark.parametrize("kind_name,text", BROKEN)
def test_schema_refuses_what_the_validator_refuses(project: Path, kind_name: str, text: str) -> None:
    kind = next(k for k in KINDS if k.name == kind_name)
    assert list(validator(kind).iter_errors(yaml.load(text, Loader=Yaml12Loader)))
    (project / "docs" / kind_name / "broken-example.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ExplainerError) as err:
        build_explainer(project / "docs")
    assert any("broken-example.yml" in str(p) for p in err.value.problems)


def uncomment(text: str) -> str:
    """What an editor does to use every optional field: remove the '# ' before each commented field."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^(\s*)# (.*)$", line)
        out.append(m[1] + m[2] if m and re.match(r"^\s*(- )?[a-z_]+:|^\s*-\s*$", m[2]) else line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_skeleton_lists_every_field_and_only_asks_for_the_required_ones(project: Path, kind: Kind) -> None:
    text = skeleton(kind, "new-entry")
    for f in kind.record.fields:
        assert re.search(rf"^(# )?{re.escape(f.name)}:", text, re.M), f.name
    data: dict[str, Any] = yaml.load(text, Loader=Yaml12Loader)
    assert set(data) == {f.name for f in kind.record.fields if f.required}
    uncommented = uncomment(uncomment(text))  # twice: optional fields inside optional fields
    assert set(yaml.load(uncommented, Loader=Yaml12Loader)) == {f.name for f in kind.record.fields}
    (project / "docs" / kind.name).mkdir(exist_ok=True)
    (project / "docs" / kind.name / "new-entry.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ExplainerError) as err:
        build_explainer(project / "docs")
    mine = [p for p in err.value.problems if p.path.endswith(f"{kind.name}/new-entry.yml")]
    assert {p.field.split("[")[0] for p in mine} >= {f.name for f in kind.record.fields if f.required}
    assert all(p.message.endswith(("found nothing", "found ''", "found none")) for p in mine), mine  # only blanks


def test_skeleton_takes_the_date_from_an_event_id() -> None:
    event = next(k for k in KINDS if k.name == "events")
    assert "date: '2021-03-29'" in skeleton(event, "2021-03-29-ship-refloated")
    assert "date: '" not in skeleton(event, "2021-02-30-no-such-day")


def test_error_catalogue_is_what_the_validator_prints() -> None:
    """The guide's table (contract/messages.py, made by `make schemas`) is what the validator says today."""
    assert [(e.message, e.wrote, e.meaning) for e in error_messages()] == message_rows(), "run `make schemas`"
    found = error_messages()
    assert len(found) == len(EXAMPLES)  # every broken example still produces a message
    for (name, _, meaning), e in zip(EXAMPLES, found):
        assert e.message.startswith(f"docs/{name}"), (name, e.message)
        assert e.meaning == meaning


def test_guide_page_documents_every_field_and_every_message() -> None:
    pages = {p.src: p for p in render_pages(build_explainer(FIXTURE / "docs"))}
    guide = pages["guide.md"].markdown
    assert pages["guide.md"].title == "Editors' guide"
    for doc in contract():
        assert f"docs/{doc.kind.name}/&lt;id&gt;.yml" in guide
        for row in doc.rows:
            assert f"<code>{row.name}</code>" in guide, row.name
    for e in error_messages():
        assert f"<code>{e.message}</code>".replace("'", "&#39;") in guide
