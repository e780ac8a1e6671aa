"""Broken files, one for each kind of mistake, with what each message means and what to do. Running the
validator on them (`explainer schemas --guide-messages`) gives the editors' guide its table of messages
(messages.py); a test checks that the table is what the validator says today."""

from __future__ import annotations

# A small valid explainer: the broken examples below refer to its entries.
BASE = {
    "sources/example-news.yml": "title: Ship runs aground\npublisher: Example News\ndate: '2021-03-23'\n",
    "actors/harbour-authority.yml": "name: Harbour Authority\nkind: organisation\naliases: [HA]\n",
    "places/port-city.yml": "name: Port City\nkind: city\nlat: 30.0\nlon: 32.5\n",
    "glossary/dredging.yml": "term: Dredging\nshort: Digging out the bed of a waterway.\n",
}
EVENT = "title: The ship is refloated\ndate: '2021-03-29'\nsummary: Tugs free the ship.\nsources: [example-news]\n"

# (file under docs/, content, what it means and what to do)
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "events/missing-title.yml",
        EVENT.replace("title: The ship is refloated\n", ""),
        "A field every file of this kind needs is absent. Add it; the line given is where the mapping starts.",
    ),
    (
        "events/unknown-field.yml",
        EVENT + "titel: Refloated\n",
        "The field name is not part of the data contract, often a typo. Use the suggested name, or see the "
        "field list of this kind above.",
    ),
    (
        "events/repeated-field.yml",
        EVENT + "title: Refloated again\n",
        "The same field is written twice in one file; YAML would silently keep only one. Delete one of them.",
    ),
    (
        "events/date-form.yml",
        EVENT.replace("'2021-03-29'", "29/03/2021"),
        "Dates are written year first: 2021-03-29, or 2021-03 when only the month is known, or 2021.",
    ),
    (
        "events/impossible-date.yml",
        EVENT.replace("'2021-03-29'", "2021-02-30"),
        "The date is well formed but does not exist in the calendar. Check the day and month.",
    ),
    (
        "events/end-before-date.yml",
        EVENT + "end: '2021-03-01'\n",
        "A period ends before it starts. Swap the dates or correct one of them.",
    ),
    (
        "events/unknown-actor.yml",
        EVENT + "actors: [harbor-authority]\n",
        "No file has this id. Ids are file names without .yml; the closest existing id, name or alias is "
        "suggested. Fix the spelling, or create the missing file with explainer new.",
    ),
    (
        "events/unknown-place.yml",
        EVENT + "places: [atlantis]\n",
        "No file has this id and nothing is close to it. Create docs/places/atlantis.yml (explainer new place "
        "atlantis) or remove the reference.",
    ),
    (
        "events/no-sources.yml",
        EVENT.replace("[example-news]", "[]"),
        "Every event cites at least one source. Add the id of a file in sources/.",
    ),
    (
        "events/not-a-list.yml",
        EVENT + "actors: harbour-authority\n",
        "This field holds a list, even of one item. Write [harbour-authority] or put each item on its own "
        "line starting with '- '.",
    ),
    (
        "events/repeated-item.yml",
        EVENT + "actors: [harbour-authority, harbour-authority]\n",
        "The same id appears twice in one list. Delete the repeat.",
    ),
    (
        "events/not-text.yml",
        EVENT.replace("summary: Tugs free the ship.", "summary: ''"),
        "A text field is empty (or holds a list or a yes/no value). Write the text, or delete the field if "
        "it is optional.",
    ),
    (
        "events/too-long.yml",
        EVENT.replace("The ship is refloated", "A very long headline " * 25),
        "Plain-text fields have a length limit (headlines must fit on a line). Shorten the text; longer "
        "accounts go in Markdown fields such as body.",
    ),
    (
        "events/not-yes-no.yml",
        EVENT + "approximate: maybe\n",
        "The field is a yes/no value. Write true or false (without quotes).",
    ),
    (
        "events/bad-tag.yml",
        EVENT + "tags: [Big Ship]\n",
        "Tags and ids are slugs: lowercase ASCII letters, digits and single hyphens. Write big-ship.",
    ),
    (
        "actors/wrong-kind.yml",
        "name: Ever Given\nkind: ship\n",
        "The field accepts a fixed set of values, listed in the message. Pick the closest one.",
    ),
    (
        "actors/wrong-country.yml",
        "name: Osama Rabie\nkind: person\ncountry: EGY\n",
        "Countries are two-letter ISO 3166-1 codes in capitals: EG, not EGY or Egypt.",
    ),
    (
        "actors/unsafe-link.yml",
        "name: Port Board\nkind: organisation\nlinks:\n  - {title: Home page, url: www.example.org}\n",
        "Web addresses must be complete, starting with https:// (or http://, mailto:); other schemes are "
        "refused so that no link can run code.",
    ),
    (
        "actors/name-taken.yml",
        "name: Harbour Board\nkind: organisation\naliases: [HA]\n",
        "Each name or alias links to one entry only, so the same words cannot point at two pages. Remove "
        "it from one of the files.",
    ),
    (
        "places/out-of-range.yml",
        "name: Port Said\nkind: city\nlat: 131.3\nlon: 32.3\n",
        "Latitude runs from -90 to 90 and longitude from -180 to 180 (decimal degrees, WGS84). Latitude "
        "and longitude may have been swapped.",
    ),
    (
        "timelines/selects-nothing.yml",
        "title: The blockage\n",
        "A timeline needs a list of events, or from/to dates or tags that select them.",
    ),
    (
        "events/yaml-syntax.yml",
        EVENT + "tags: [ships\n",
        "The file is not valid YAML: often an unclosed bracket or quote, or a colon followed by a space "
        "inside unquoted text. Look at the line given and the one before it; quote text containing ': '.",
    ),
    (
        "events/yaml-tag.yml",
        EVENT + "body: !!binary aGVsbG8=\n",
        "YAML tags (starting with !) are refused: the files hold plain text, numbers, lists and mappings only.",
    ),
    (
        "events/yaml-alias.yml",
        EVENT + "actors: &who [harbour-authority]\nplaces: *who\n",
        "YAML anchors (&) and aliases (*) are refused: write each value out in full.",
    ),
    (
        "events/two-documents.yml",
        EVENT + "---\ntitle: Another\n",
        "One file holds one entry: remove the --- line and move the second entry to a file of its own.",
    ),
    (
        "events/empty.yml",
        "",
        "The file is empty. Fill it in (explainer new writes a file with every field) or delete it.",
    ),
    (
        "events/Refloated_Ship.yml",
        EVENT,
        "The file name is the id: rename the file using lowercase letters, digits and single hyphens.",
    ),
    ("events/refloated.yaml", EVENT, "Files end in .yml. Rename the file."),
    (
        "events/latin-1.yml",
        "title: Caf\xe9 closed\n",
        "The file is saved in another encoding. Save it as UTF-8 (every editor offers this).",
    ),
)
