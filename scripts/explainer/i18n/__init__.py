"""The generator's own words in each language: gettext catalogues (i18n/<lang>.po), read with Babel when an
edition is built; and the languages' names, as their speakers write them."""

from __future__ import annotations

import gettext
import io
from importlib.resources import files

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "explainer"


def catalogue_text(lang: str) -> str | None:
    """The catalogue of `lang` as shipped with the package, or None."""
    path = files(__package__).joinpath(f"{lang}.po")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def translations(lang: str) -> gettext.NullTranslations:
    """The generator's words in `lang` (English, the words as written, when there is no catalogue)."""
    text = catalogue_text(lang)
    if text is None:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.StringIO(text), locale=lang, domain=DOMAIN))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def language_name(lang: str) -> str:
    """The language's own name for itself: English, Українська, Беларуская."""
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:]
