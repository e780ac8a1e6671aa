"""The message catalogues of the generator's own words (`explainer catalogues`): every string the page
templates and the renderer mark for translation, gathered with Babel, and merged into i18n/<lang>.po for each
language the package ships (new messages empty, gone ones dropped). A test checks each catalogue is complete."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po, write_po

from .export import WORDS as DOWNLOAD_WORDS
from .i18n import DOMAIN
from .linking.mentions import GROUPS
from .render.assets import DEFAULT_NAV
from .render.maps import MAP_LABELS
from .render.pages import KIND_LABELS, KIND_WORDS, ROLE_LABELS

PACKAGE = Path(__file__).parent
LANGUAGES = ("uk", "be")  # the catalogues the package ships
TEMPLATES = ("render/templates", "linking/templates")
ENGLISH_ONLY = ("guide.md.j2", "sourcing.md.j2")  # the editors' guide stays in English
PYTHON = (
    "render/pages.py",
    "render/language.py",
    "render/meta.py",
    "render/maps.py",
    "render/timeline/listing.py",
    "generator.py",
    "settings.py",
)
JINJA_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "newstyle_gettext": "true",
}


def _found() -> Iterator[tuple[str, str | tuple[str, ...], str]]:
    """(message id, or (singular, plural)), where it is)."""
    for folder in TEMPLATES:
        for path in sorted((PACKAGE / folder).glob("*.j2")):
            if path.name in ENGLISH_ONLY:
                continue
            with path.open("rb") as f:
                for line, message, _comments, _context in extract(
                    "jinja2.ext.babel_extract", f, DEFAULT_KEYWORDS, options=JINJA_OPTIONS
                ):
                    yield f"{folder}/{path.name}:{line}", message, ""
    for name in PYTHON:
        with (PACKAGE / name).open("rb") as f:
            for line, message, _comments, _context in extract("python", f, DEFAULT_KEYWORDS):
                yield f"{name}:{line}", message, ""
    for label in (
        *KIND_LABELS.values(),
        *KIND_WORDS.values(),
        *ROLE_LABELS.values(),
        *MAP_LABELS,
        *(title for title, _ in DEFAULT_NAV),
        "Home",
        "Pages",
        *(label for _, label in GROUPS),
    ):
        yield "labels", label, ""
    for title, about, about_plural in DOWNLOAD_WORDS.values():
        yield "downloads", title, ""
        yield "downloads", (about, about_plural), ""


def template() -> Catalog:
    """Every message to translate, as a catalogue without translations."""
    catalog = Catalog(domain=DOMAIN, project="explainer", charset="utf-8")
    for where, message, _ in _found():
        path, _, line = where.rpartition(":")
        catalog.add(message, locations=[(path, int(line))] if line.isdigit() else [(where, 0)])
    return catalog


def update(languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Merge the messages into each i18n/<lang>.po; return how many each still lacks."""
    pot, missing = template(), {}
    for lang in languages:
        path = PACKAGE / "i18n" / f"{lang}.po"
        catalog = (
            read_po(io.StringIO(path.read_text("utf-8")), locale=lang, domain=DOMAIN)
            if path.exists()
            else Catalog(locale=lang, domain=DOMAIN, project="explainer", charset="utf-8")
        )
        catalog.update(pot, no_fuzzy_matching=True)
        buffer = io.BytesIO()
        write_po(
            buffer,
            catalog,
            omit_header=False,
            sort_output=True,
            width=120,
            ignore_obsolete=True,
            include_previous=False,
        )
        path.write_bytes(buffer.getvalue())
        missing[lang] = sum(1 for m in catalog if m.id and not translated(m.string))
    return missing


def translated(string: object) -> bool:
    """A message's translation is there (every plural form of it)."""
    if isinstance(string, str):
        return bool(string)
    return isinstance(string, (tuple, list)) and all(string)
