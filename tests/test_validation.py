"""Every rule of the data contract: a broken copy of a valid explainer and the exact message."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus import CASES, EV, GOOD_EVENT
from explainer.build import build_explainer
from explainer.problems import ExplainerError


def problems(docs: Path) -> list[str]:
    try:
        build_explainer(docs)
    except ExplainerError as err:
        return [str(p) for p in err.problems]
    return []


def test_fixture_is_valid(project: Path) -> None:
    assert problems(project / "docs") == []


@pytest.mark.parametrize("name,file,content,expected", CASES, ids=[c[0] for c in CASES])
def test_rule(project: Path, name: str, file: str, content: str, expected: str) -> None:
    (project / "docs" / file).write_text(content, encoding="utf-8")
    assert expected in problems(project / "docs")


def test_bad_encoding(project: Path) -> None:
    (project / "docs" / EV).write_bytes(GOOD_EVENT.encode() + b"body: caf\xe9\n")
    assert problems(project / "docs") == [
        f"docs/{EV}:6: expected UTF-8 text, found byte 0xe9 (save the file as UTF-8)"]


def test_bad_file_name(project: Path) -> None:
    (project / "docs" / "events" / "Big_Event.yml").write_text(GOOD_EVENT, encoding="utf-8")
    assert problems(project / "docs") == [
        "docs/events/Big_Event.yml: expected a file name of lowercase letters, digits and single hyphens (the id), found 'Big_Event'"]


def test_yaml_ending(project: Path) -> None:
    (project / "docs" / "events" / "x.yaml").write_text(GOOD_EVENT, encoding="utf-8")
    assert problems(project / "docs") == ["docs/events/x.yaml: expected the ending .yml, found .yaml (rename to x.yml)"]


def test_alias_claimed_twice(project: Path) -> None:
    (project / "docs" / "actors" / "sca-board.yml").write_text("name: SCA board\nkind: group\naliases: [SCA]\n")
    assert problems(project / "docs") == [
        "docs/actors/suez-canal-authority.yml: aliases: expected a name or alias used by one entry only, "
        "found 'SCA' also in docs/actors/sca-board.yml (aliases: 'SCA')"]


def test_name_claimed_by_an_actor_and_a_term(project: Path) -> None:
    (project / "docs" / "glossary" / "ever-given.yml").write_text("term: ever  given\nshort: A ship.\n")
    assert problems(project / "docs") == [
        "docs/glossary/ever-given.yml: term: expected a name or alias used by one entry only, "
        "found 'ever  given' also in docs/actors/ever-given.yml (name: 'Ever Given')"]


def test_missing_docs_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nothing") == ["docs: expected a folder with the explainer's files, found none"]


def test_all_problems_in_one_run(project: Path) -> None:
    docs = project / "docs"
    (docs / EV).write_text(GOOD_EVENT.replace("[ever-given]", "[nobody]") + "colour: red\n")
    (docs / "places" / "suez.yml").write_text("name: Suez\nkind: city\nlat: 99\nlon: 32.5\n")
    found = problems(docs)
    assert len(found) == 3
    assert found == sorted(found)


def test_unquoted_and_quoted_dates_are_the_same(project: Path) -> None:
    docs = project / "docs"
    (docs / EV).write_text(GOOD_EVENT.replace("'2021-03-29'", "2021-03-29"))
    a = build_explainer(docs).events["2021-03-29-ship-refloated"].date
    (docs / EV).write_text(GOOD_EVENT)
    assert build_explainer(docs).events["2021-03-29-ship-refloated"].date == a
