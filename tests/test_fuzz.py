"""Property: any YAML an editor could write ends in a valid model or located problems, never a crash."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.build import build_explainer
from explainer.problems import ExplainerError
from helpers import FIXTURE, ROOT

FLAGSHIP = ROOT / "docs"
SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(max_size=40), st.sampled_from(["2020-11-26", "2020-13", "2020-02-30", "1e400", "-.inf", "null", "~",
                                           "NO", "yes", "0x1F", "javascript:alert(1)", "<script>", "lukashenko"]),
)
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=6)), max_leaves=25)


def outcome(docs: Path) -> None:
    try:
        build_explainer(docs)
    except ExplainerError as err:
        for p in err.problems:
            assert p.path.startswith("docs/"), p
            assert str(p).startswith(p.path)


@SETTINGS
@given(data=documents, kind=st.sampled_from(["events", "actors", "places", "glossary", "sources", "timelines",
                                             "maps", "facts"]))
def test_random_documents(tmp_path_factory, data: object, kind: str) -> None:
    docs = tmp_path_factory.mktemp("fuzz") / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    (docs / kind).mkdir(exist_ok=True)
    (docs / kind / "fuzzed.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outcome(docs)


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_random_bytes(tmp_path_factory, raw: bytes) -> None:
    docs = tmp_path_factory.mktemp("fuzz") / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    (docs / "events" / "fuzzed.yml").write_bytes(raw)
    outcome(docs)


def _flagship_files() -> list[Path]:
    return sorted(FLAGSHIP.glob("*/*.yml"))


@pytest.mark.slow
@SETTINGS
@given(index=st.integers(0, 10_000), position=st.integers(0, 10_000), edit=st.sampled_from(
    ["delete-line", "duplicate-line", "insert", "truncate", "indent", "swap-colon"]),
    text=st.text(max_size=20))
def test_mutations_of_the_flagship(tmp_path_factory, index: int, position: int, edit: str, text: str) -> None:
    docs = tmp_path_factory.mktemp("fuzz") / "docs"
    shutil.copytree(FLAGSHIP, docs)
    files = _flagship_files()
    target = docs / files[index % len(files)].relative_to(FLAGSHIP)
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    i = position % max(len(lines), 1)
    if edit == "delete-line":
        del lines[i]
    elif edit == "duplicate-line":
        lines.insert(i, lines[i])
    elif edit == "insert":
        lines.insert(i, text + "\n")
    elif edit == "truncate":
        lines = lines[:i]
    elif edit == "indent":
        lines[i] = "   " + lines[i]
    else:
        lines[i] = lines[i].replace(":", " -", 1)
    target.write_text("".join(lines), encoding="utf-8")
    outcome(docs)
