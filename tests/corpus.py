"""The corpus of broken inputs: each a small mutation of the fixture explainer and the exact message.

Used by tests/test_validation.py (through the core) and tests/test_broken_inputs.py (through the
commands an editor runs: check, build, serve)."""
from __future__ import annotations

EV = "events/2021-03-29-ship-refloated.yml"
GOOD_EVENT = (
    "title: The ship is refloated\n"  # line 1
    "date: '2021-03-29'\n"  # 2
    "summary: Tugs free the ship.\n"  # 3
    "actors: [ever-given]\n"  # 4
    "sources: [bbc-2021-03-29]\n"  # 5
)


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
     f"docs/{EV}:2: date: expected a month from 01 to 12, found '2021-13'"),
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



BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(97 + i)}: &{chr(97 + i)} [{','.join(['*' + chr(96 + i)] * 9)}]\n" for i in range(1, 9))
DEEP = "title:\n" + "".join("  " * (i + 1) + "k:\n" for i in range(30)) + "  " * 31 + "v\n"

# Cases that need bytes, or several files: (name, file, content as bytes, expected message)
RAW_CASES = [
    ("latin-1", EV, GOOD_EVENT.encode() + b"body: caf\xe9\n",
     f"docs/{EV}:6: expected UTF-8 text, found byte 0xe9 (save the file as UTF-8)"),
    ("utf-16", EV, GOOD_EVENT.encode("utf-16"),
     f"docs/{EV}:1: expected UTF-8 text, found byte 0xff (save the file as UTF-8)"),
    ("billion-laughs", EV, BILLION_LAUGHS.encode(),
     f"docs/{EV}:2: expected plain YAML, found an alias (*name): anchors and aliases are not allowed"),
    ("many-megabytes", EV, GOOD_EVENT.encode() + b"body: " + b"x" * 3_000_000 + b"\n",
     f"docs/{EV}: expected a file under 1000 KB, found 3000 KB"),
    ("deep-nesting", EV, DEEP.encode(), f"docs/{EV}:22: expected at most 20 levels of nesting, found more"),
    ("deep-flow-nesting", EV, b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n",
     f"docs/{EV}:1: expected valid YAML, found a syntax error: exceeded maximum nesting depth"),
    ("bad-file-name", "events/Big_Event.yml", GOOD_EVENT.encode(),
     "docs/events/Big_Event.yml: expected a file name of lowercase letters, digits and single hyphens (the id), found 'Big_Event'"),
    ("yaml-ending", "events/x.yaml", GOOD_EVENT.encode(),
     "docs/events/x.yaml: expected the ending .yml, found .yaml (rename to x.yml)"),
    ("bom-and-crlf-are-fine-but-field-wrong", EV, b"\xef\xbb\xbf" + GOOD_EVENT.replace("\n", "\r\n").encode() + b"colour: red\r\n",
     f"docs/{EV}:6: colour: unknown field (allowed: title, date, end, approximate, display_date, summary, body, actors, places, terms, tags, sources, quotes)"),
]
