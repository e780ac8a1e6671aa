"""Every rule of the data contract: a broken copy of a valid explainer and the exact message."""
from __future__ import annotations

from pathlib import Path

import pytest

from explainer.build import build_explainer
from explainer.problems import ExplainerError

EV = "events/2021-03-29-ship-refloated.yml"
GOOD_EVENT = (
    "title: The ship is refloated\n"  # line 1
    "date: '2021-03-29'\n"  # 2
    "summary: Tugs free the ship.\n"  # 3
    "actors: [ever-given]\n"  # 4
    "sources: [bbc-2021-03-29]\n"  # 5
)


def problems(docs: Path) -> list[str]:
    try:
        build_explainer(docs)
    except ExplainerError as err:
        return [str(p) for p in err.problems]
    return []


def test_fixture_is_valid(project: Path) -> None:
    assert problems(project / "docs") == []


CASES = [
    # (file, content, expected message)
    ("missing-title", EV, GOOD_EVENT.replace("title: The ship is refloated\n", ""),
     f"docs/{EV}:1: title: required field is missing"),
    ("unknown-field", EV, GOOD_EVENT + "titel: x\n",
     f"docs/{EV}:6: titel: unknown field; did you mean 'title'?"),
    ("duplicate-key", EV, GOOD_EVENT + "title: again\n",
     f"docs/{EV}:6: title: expected each field once, found it again (first on line 1)"),
    ("bad-date-form", EV, GOOD_EVENT.replace("'2021-03-29'", "29/03/2021"),
     f"docs/{EV}:2: date: expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found '29/03/2021'"),
    ("impossible-date", EV, GOOD_EVENT.replace("'2021-03-29'", "2021-02-30"),
     f"docs/{EV}:2: date: expected a real calendar date, but February 2021 has no day 30, found '2021-02-30'"),
    ("bad-month", EV, GOOD_EVENT.replace("'2021-03-29'", "'2021-13'"),
     f"docs/{EV}:2: date: expected a month from 01 to 12, found 13, found '2021-13'"),
    ("end-before-date", EV, GOOD_EVENT + "end: '2021-03-01'\n",
     f"docs/{EV}:6: end: expected a date not before date (2021-03-29), found 2021-03-01"),
    ("unknown-actor", EV, GOOD_EVENT.replace("[ever-given]", "[ever-given, rabie]"),
     f"docs/{EV}:4: actors[1]: unknown actor 'rabie'; did you mean 'osama-rabie'?"),
    ("unknown-actor-by-alias", EV, GOOD_EVENT.replace("[ever-given]", "[sca]"),
     f"docs/{EV}:4: actors[0]: unknown actor 'sca'; did you mean 'suez-canal-authority'?"),
    ("unknown-place", EV, GOOD_EVENT + "places: [atlantis]\n",
     f"docs/{EV}:6: places[0]: unknown place 'atlantis' (no file places/atlantis.yml)"),
    ("unknown-term", EV, GOOD_EVENT + "terms: [dredge]\n",
     f"docs/{EV}:6: terms[0]: unknown term 'dredge'; did you mean 'dredging'?"),
    ("unknown-source", EV, GOOD_EVENT.replace("[bbc-2021-03-29]", "[bbc-2021-03-28]"),
     f"docs/{EV}:5: sources[0]: unknown source 'bbc-2021-03-28'; did you mean 'bbc-2021-03-29'?"),
    ("no-sources", EV, GOOD_EVENT.replace("[bbc-2021-03-29]", "[]"),
     f"docs/{EV}:5: sources: expected at least 1 item, found 0"),
    ("sources-not-list", EV, GOOD_EVENT.replace("[bbc-2021-03-29]", "bbc-2021-03-29"),
     f"docs/{EV}:5: sources: expected a list, found 'bbc-2021-03-29'"),
    ("citation-unknown-field", EV, GOOD_EVENT.replace("[bbc-2021-03-29]", "\n  - {source: bbc-2021-03-29, page: 3}"),
     f"docs/{EV}:6: sources[0].page: unknown field (allowed: source, locator, quote)"),
    ("quote-unknown-speaker", EV, GOOD_EVENT + "quotes:\n  - {by: nobody, text: hi, source: bbc-2021-03-29}\n",
     f"docs/{EV}:7: quotes[0].by: unknown actor 'nobody' (no file actors/nobody.yml)"),
    ("quote-missing-text", EV, GOOD_EVENT + "quotes:\n  - {by: osama-rabie, source: bbc-2021-03-29}\n",
     f"docs/{EV}:7: quotes[0].text: required field is missing"),
    ("duplicate-in-list", EV, GOOD_EVENT.replace("[ever-given]", "[ever-given, ever-given]"),
     f"docs/{EV}:4: actors[1]: expected each item once, found 'ever-given' again"),
    ("title-not-text", EV, GOOD_EVENT.replace("title: The ship is refloated", "title: [a, b]"),
     f"docs/{EV}:1: title: expected text, found a list"),
    ("empty-summary", EV, GOOD_EVENT.replace("summary: Tugs free the ship.", "summary: ''"),
     f"docs/{EV}:3: summary: expected Markdown text, found ''"),
    ("approximate-not-bool", EV, GOOD_EVENT + "approximate: maybe\n",
     f"docs/{EV}:6: approximate: expected true or false, found 'maybe'"),
    ("bad-tag-slug", EV, GOOD_EVENT + "tags: [Big Ship]\n",
     f"docs/{EV}:6: tags[0]: expected a slug of lowercase letters, digits and single hyphens, found 'Big Ship'"),
    ("actor-kind", "actors/ever-given.yml", "name: Ever Given\nkind: ship\n",
     "docs/actors/ever-given.yml:2: kind: expected one of person, organisation, state, group, found 'ship'"),
    ("country-code", "actors/osama-rabie.yml", "name: Osama Rabie\nkind: person\ncountry: EGY\n",
     "docs/actors/osama-rabie.yml:3: country: expected an ISO 3166-1 alpha-2 country code such as BY or UA, found 'EGY'"),
    ("country-unknown", "actors/osama-rabie.yml", "name: Osama Rabie\nkind: person\ncountry: XX\n",
     "docs/actors/osama-rabie.yml:3: country: expected an ISO 3166-1 alpha-2 country code such as BY or UA, found 'XX'"),
    ("link-url-scheme", "actors/suez-canal-authority.yml",
     "name: Suez Canal Authority\nkind: organisation\nlinks:\n  - {title: x, url: 'javascript:alert(1)'}\n",
     "docs/actors/suez-canal-authority.yml:4: links[0].url: expected a web address starting with http://, https:// or mailto:, found 'javascript:alert(1)'"),
    ("lat-range", "places/suez.yml", "name: Suez\nkind: city\nlat: 129.9\nlon: 32.5\n",
     "docs/places/suez.yml:3: lat: expected a number from -90 to 90, found 129.9"),
    ("lon-text", "places/suez.yml", "name: Suez\nkind: city\nlat: 29.9\nlon: east\n",
     "docs/places/suez.yml:4: lon: expected a number from -180 to 180, found 'east'"),
    ("place-kind", "places/suez.yml", "name: Suez\nkind: town\nlat: 29.9\nlon: 32.5\n",
     "docs/places/suez.yml:2: kind: expected one of city, checkpoint, site, region, found 'town'"),
    ("see-also", "glossary/dredging.yml", "term: Dredging\nshort: Digging.\nsee_also: [tide]\n",
     "docs/glossary/dredging.yml:3: see_also[0]: unknown term 'tide'; did you mean 'spring-tide'?"),
    ("term-short-missing", "glossary/spring-tide.yml", "term: Spring tide\n",
     "docs/glossary/spring-tide.yml:1: short: required field is missing"),
    ("source-url", "sources/bbc-2021-03-29.yml", "title: x\npublisher: y\nurl: ftp://example.org/\n",
     "docs/sources/bbc-2021-03-29.yml:3: url: expected a web address starting with http://, https:// or mailto:, found 'ftp://example.org/'"),
    ("source-kind", "sources/bbc-2021-03-29.yml", "title: x\npublisher: y\nkind: tweet\n",
     "docs/sources/bbc-2021-03-29.yml:3: kind: expected one of article, statement, document, broadcast, dataset, found 'tweet'"),
    ("timeline-unknown-event", "timelines/blockage.yml", "title: t\nevents: [2021-03-23-ever-given-runs-agroun]\n",
     "docs/timelines/blockage.yml:2: events[0]: unknown event '2021-03-23-ever-given-runs-agroun'; did you mean '2021-03-23-ever-given-runs-aground'?"),
    ("timeline-no-selection", "timelines/blockage.yml", "title: t\n",
     "docs/timelines/blockage.yml:1: events: expected a list of events, or from/to dates or tags to select them, found none"),
    ("era-backwards", "timelines/blockage.yml", "title: t\ntags: [blockage]\neras:\n  - {title: x, from: '2021-03', to: '2021-02'}\n",
     "docs/timelines/blockage.yml:4: eras[0].to: expected a date not before from (2021-03), found 2021-02"),
    ("python-tag", EV, GOOD_EVENT + "body: !!python/object/apply:os.system ['true']\n",
     f"docs/{EV}:6: expected plain YAML, found the tag '!!python/object/apply:os.system' (remove it)"),
    ("alias", EV, GOOD_EVENT.replace("summary: Tugs free the ship.", "summary: &s Tugs free the ship.") + "body: *s\n",
     f"docs/{EV}:6: expected plain YAML, found an alias (*name): anchors and aliases are not allowed"),
    ("syntax", EV, GOOD_EVENT + "body: [unclosed\n",
     f"docs/{EV}:7: expected valid YAML, found a syntax error: did not find expected ',' or ']'"),
    ("not-mapping", EV, "- just\n- a list\n",
     f"docs/{EV}:1: expected a mapping of fields, found a list"),
    ("empty-file", EV, "",
     f"docs/{EV}: expected a mapping of fields, found an empty file".replace(f"{EV}:", f"{EV}:1:")),
    ("two-documents", EV, GOOD_EVENT + "---\ntitle: x\n",
     f"docs/{EV}:7: expected one YAML document, found several (remove '---')"),
]


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
