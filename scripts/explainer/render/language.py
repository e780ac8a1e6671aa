"""What an edition's pages need of their language: the generator's own words translated (gettext, from the
catalogues in i18n/), and texts without a translation marked as what they are: the default language's words
(`lang="en"`), with a short notice for the reader."""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Mapping
from typing import Any

import jinja2
from babel import Locale, UnknownLocaleError
from markupsafe import Markup, escape

from ..quotes import paragraph_locator
from ..text import SENTENCE_ENDS, clean_text
from ..translate import Fallback
from .calendar import Calendar

UNTRANSLATED = "x-untranslated"
TRAILING_TAGS = re.compile(r"(?:<[^>]*>|\s)+$")


def ends_sentence(value: object) -> bool:
    """Whether text (or HTML) already ends with its own full stop: "2 груд. 2020 р.", "Ibid."."""
    return TRAILING_TAGS.sub("", str(value)).endswith(SENTENCE_ENDS)


def full_stop(value: str) -> Markup:
    """The `full_stop` filter: a full stop after the text, unless it ends with one (no "2020 р..")."""
    text = Markup(value) if isinstance(value, Markup) else escape(value)
    return text if ends_sentence(text) else text + Markup(".")


def no_double_stop(message: str, values: dict[str, Any]) -> str:
    """The message without its full stop after a value that ends with one of its own."""
    for key, value in values.items():
        if isinstance(value, str) and ends_sentence(value):
            message = message.replace(f"%({key})s.", f"%({key})s")
    return message


@functools.lru_cache(maxsize=16)
def territories(code: str) -> Mapping[str, str]:
    """Country names (by ISO code) in a language, as CLDR writes them; none for an unknown language."""
    try:
        return dict(Locale.parse(code).territories)
    except (UnknownLocaleError, ValueError):
        return {}


class Language:
    def __init__(self, code: str = "", translations: gettext.NullTranslations | None = None) -> None:
        self.code = code
        self.translations = translations or gettext.NullTranslations()
        self.gettext = self.translations.gettext
        self.calendar = Calendar(code)

    def catalogue(self) -> dict[Any, Any] | None:
        """The edition's translated words, as gettext holds them (None in the default edition)."""
        return getattr(self.translations, "_catalog", None)  # GNUTranslations' own table

    def install(self, env: jinja2.Environment) -> None:
        """`_()` and `ngettext()` in templates, as Jinja's new-style gettext gives them (the message is trusted
        markup, the values are escaped), as plain functions: they need no template context, which makes them
        cheaper on pages that call them thousands of times."""
        gettext, ngettext = self.translations.gettext, self.translations.ngettext

        def _(message: str, **values: Any) -> Markup:
            return Markup(no_double_stop(gettext(message), values)) % values  # always formatted, as Jinja's

        def plural(singular: str, plural: str, num: int, **values: Any) -> Markup:
            return Markup(no_double_stop(ngettext(singular, plural, num), values)) % {"num": num, **values}

        env.globals.update(_=_, gettext=_, ngettext=plural)
        env.filters["full_stop"] = full_stop

    def country(self, code: str) -> str:
        """The `country` filter: a country's name in the edition's language (English in the default edition),
        as CLDR writes it ("Belarus", "Білорусь"); the code itself when CLDR does not know it."""
        return territories(self.code or "en").get(code, code)

    def language_name(self, code: str) -> str:
        """The `language_name` filter: a language's name in the edition's language (CLDR), or its code."""
        try:
            return str(Locale.parse(self.code or "en").languages.get(code.replace("-", "_").split("_")[0], code))
        except (UnknownLocaleError, ValueError):
            return code

    def text(self, value: Any) -> Any:
        """The `text` filter: plain text as written; untranslated text in a span that says its language."""
        if isinstance(value, Fallback):
            return Markup('<span lang="{}" class="{}">{}</span>').format(value.lang, UNTRANSLATED, clean_text(value))
        return clean_text(value)

    def locator(self, value: Any) -> Any:
        """The `locator` filter: where in a source a claim or quote is. An edition writes one that names
        paragraphs ("paragraph 6") in its own words; any other is shown as the editor wrote it, marked (`text`)."""
        if not isinstance(value, Fallback):
            return self.text(value)
        named = paragraph_locator(value)
        if named is None:  # the editor's words: an edition cannot translate them, so no "not yet translated"
            return Markup('<span lang="{}">{}</span>').format(value.lang, clean_text(value))
        form, first, last = named
        _ = self.gettext
        words = {
            "one": _("paragraph %(first)s"),
            "range": _("paragraphs %(first)s–%(last)s"),
            "pair": _("paragraphs %(first)s and %(last)s"),
            "last": _("last paragraph"),
        }[form]
        return escape(words % {"first": first, "last": last} if form != "last" else words)

    @staticmethod
    def lang_attr(value: Any) -> Markup:
        """The `lang_attr` filter: ` lang="en"` for words an edition shows in the default language (a tag)."""
        return Markup(' lang="{}"').format(value.lang) if isinstance(value, Fallback) else Markup("")

    def field(self, value: str, html: Markup, inline: bool) -> Markup:
        """An editor's Markdown field as rendered; untranslated, wrapped in an element that says its language."""
        if not isinstance(value, Fallback):
            return html
        tag = "span" if inline else "div"
        return Markup(f'<{tag} lang="{escape(value.lang)}" class="{UNTRANSLATED}">{html}</{tag}>')

    def notice(self, whole: bool = False) -> str:
        """A short notice for the reader that (part of) the page is shown in the default language."""
        _ = self.gettext
        said = (
            _("This page is not yet translated: it is shown in English.")
            if whole
            else _("Parts of this page are not yet translated: they are shown in English.")
        )
        note = escape(said)
        return f'<p class="x-untranslated-note x-nolink x-nomention" data-search-exclude>{note}</p>\n'

    def with_notice(self, markdown: str) -> str:
        """The page with a notice under its heading when part of it is shown untranslated."""
        if f'class="{UNTRANSLATED}"' not in markdown:
            return markdown
        head, sep, rest = markdown.partition("</h1>\n")
        return f"{head}{sep}{self.notice()}{rest}" if sep else self.notice() + markdown

    def untranslated_page(self, html: str, default: str) -> str:
        """A hand-written page that has no translation: its HTML marked as the default language's, noticed."""
        return f'{self.notice(whole=True)}<div lang="{escape(default)}" class="{UNTRANSLATED}">\n{html}\n</div>'
