"""Scaffolding: `explainer new` writes a file to fill in and refuses bad or taken ids; `explainer new-site`
starts an explainer that builds at once and refers to nothing outside its folder."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from explainer.build import build_explainer
from explainer.contract.kinds import KINDS
from explainer.problems import ExplainerError
from helpers import ROOT, build_site


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainer", *args], capture_output=True, text=True, timeout=120)


def test_new_file_is_written_then_filled_in(project: Path) -> None:
    docs = project / "docs"
    result = run("new", "event", "2021-03-30-traffic-resumes", "--docs", str(docs))
    assert result.returncode == 0, result.stderr
    path = docs / "events" / "2021-03-30-traffic-resumes.yml"
    assert f"wrote {path}" in result.stdout
    text = path.read_text(encoding="utf-8")
    with pytest.raises(ExplainerError) as err:  # the blanks are reported until they are filled in
        build_explainer(docs)
    assert {p.field.split("[")[0] for p in err.value.problems} == {"title", "summary", "sources"}
    filled = (text.replace("title:  #", "title: Traffic resumes  #", 1)
              .replace("summary: >-  # required: one short paragraph (Markdown)\n",
                       "summary: >-  # required: one short paragraph (Markdown)\n  Ships pass again.", 1)
              .replace("sources:  # required: at least one source id or {source, locator, quote}\n  -",
                       "sources:\n  - bbc-2021-03-29", 1))
    path.write_text(filled, encoding="utf-8")
    model = build_explainer(docs)
    assert model.events["2021-03-30-traffic-resumes"].title == "Traffic resumes"
    assert model.events["2021-03-30-traffic-resumes"].date.iso() == "2021-03-30"  # taken from the id


@pytest.mark.parametrize("kind", ["actor", "place", "term", "glossary", "source", "timeline", "map", "fact"])
def test_every_kind_can_be_created(project: Path, kind: str) -> None:
    result = run("new", kind, "new-one", "--docs", str(project / "docs"))
    assert result.returncode == 0, result.stderr
    assert len(list((project / "docs").glob("*/new-one.yml"))) == 1


@pytest.mark.parametrize("kind,ident,expected", [
    ("event", "2021-03-23-ever-given-runs-aground", "already exists; choose another id or edit that file"),
    ("actor", "Ever_Given", "expected an id of lowercase letters, digits and single hyphens, found 'Ever_Given'"),
    ("actor", "double--hyphen", "expected an id of lowercase letters, digits and single hyphens"),
    ("actor", "../escape", "expected an id of lowercase letters, digits and single hyphens"),
    ("ship", "x", "unknown kind 'ship'; expected one of event, actor, place, term"),
    ("event", "", "expected an id of lowercase letters, digits and single hyphens, found ''"),
])
def test_new_file_refuses(project: Path, kind: str, ident: str, expected: str) -> None:
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    result = run("new", kind, ident, "--docs", str(project / "docs"))
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before  # nothing written


def test_new_file_refuses_a_missing_docs_folder(tmp_path: Path) -> None:
    result = run("new", "event", "x", "--docs", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "expected the explainer's docs folder" in result.stderr


def test_new_site_builds_at_once(tmp_path: Path) -> None:
    target = tmp_path / "my-explainer"
    result = run("new-site", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "mkdocs.yml").is_file() and (target / "docs" / "index.md").is_file()
    model = build_explainer(target / "docs")
    for kind in KINDS:  # one example of each kind
        assert len(list((target / "docs" / kind.name).glob("*.yml"))) == 1, kind.name
    assert len(model.events) == len(model.actors) == len(model.places) == len(model.terms) == 1
    assert build_site(target / "mkdocs.yml", tmp_path / "site") == []
    for page in ("index.html", "timeline/index.html", "map/index.html", "guide/index.html", "data/index.html",
                 "data/events.json", "data/yaml-files.zip"):
        assert (tmp_path / "site" / page).is_file(), page
    settings = json.loads((target / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (target / schema).resolve().is_file() and globs[0].startswith("docs/")
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["plugins"] == ["search", "explainer"]
    for path in target.rglob("*"):  # nothing points back into this checkout
        assert path.is_dir() or str(ROOT) not in path.read_text(encoding="utf-8"), path


def test_new_site_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("new-site", str(tmp_path))
    assert result.returncode == 1 and "already exists and is not empty" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    assert run("new-site").returncode == 2  # argparse: the folder is required


def test_makefile_offers_new_and_new_site() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nnew: " in makefile and "explainer new " in makefile
    assert "\nnew-site: " in makefile and "explainer new-site " in makefile
