"""An edition's records: the base records with a language's translations laid over them. A translatable text
left untranslated keeps the default language's words as a `Fallback` (a str that knows its language), so the
pages can mark it (lang="en") and tell the reader it is not yet translated."""

from __future__ import annotations

from typing import Any

from .contract.overlays import LISTS, TRANSLATABLE


class Fallback(str):
    """Text shown in the default language because no translation exists yet."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Fallback:
        made = super().__new__(cls, text)
        made.lang = lang
        return made


def localize(
    records: dict[str, dict[str, dict[str, Any]]], overlays: dict[str, dict[str, dict[str, Any]]], default: str
) -> dict[str, dict[str, dict[str, Any]]]:
    """Every record with its translation laid over it; what has none marked as a fallback in `default`."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for kind, items in records.items():
        paths = TRANSLATABLE.get(kind, ())
        if kind == "sources":  # a publication's title stays as published: only an editor's [description] is translated
            out[kind] = {
                ident: _source(rec, overlays.get(kind, {}).get(ident, {}), default) for ident, rec in items.items()
            }
            continue
        out[kind] = {
            ident: _marked(_lay(rec, overlays.get(kind, {}).get(ident, {}), paths, default), default)
            for ident, rec in items.items()
        }
    return out


def _marked(value: Any, default: str) -> Any:
    """Words an edition shows but cannot translate, in the default language: where in a source a claim or quote
    is (a `locator`: "paragraph 6") and an event's `tags` (ids, such as "protest"). Marked as fallbacks, so that
    the page says which language they are in."""
    if isinstance(value, dict):
        return {
            k: Fallback(v, default)
            if k == "locator" and isinstance(v, str) and v
            else tuple(Fallback(t, default) for t in v)
            if k == "tags" and isinstance(v, (list, tuple))
            else _marked(v, default)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return type(value)(_marked(v, default) for v in value)
    return value


def _source(base: dict[str, Any], over: dict[str, Any], default: str) -> dict[str, Any]:
    if "title" in over:
        return {**base, "title": over["title"]}
    made_up = str(base.get("title", "")).startswith("[")
    return {**base, "title": Fallback(base["title"], default)} if made_up else base


def _lay(base: dict[str, Any], over: dict[str, Any], paths: tuple[str, ...], default: str) -> dict[str, Any]:
    rec = dict(base)
    nested: dict[str, list[str]] = {}
    for path in paths:
        top, _, rest = path.partition(".")
        nested.setdefault(top, []).extend([rest] if rest else [])
    for name, inner in nested.items():
        if name == "aliases":  # a translation adds the names its language uses
            if base.get(name) or over.get(name):
                rec[name] = tuple(dict.fromkeys((*(base.get(name) or ()), *(over.get(name) or ()))))
        elif name not in base:
            continue
        elif not inner:
            rec[name] = over[name] if name in over else Fallback(base[name], default)
        elif name in LISTS:
            items = over.get(name) or ()
            rec[name] = tuple(
                _lay(b, items[i] if i < len(items) else {}, tuple(inner), default) for i, b in enumerate(base[name])
            )
            if name == "quotes":  # a translated quote keeps the words as published, one click away
                rec[name] = tuple(
                    {**q, "original": b["text"]} if q["text"] != b["text"] else q for q, b in zip(rec[name], base[name])
                )
        elif isinstance(base[name], dict):
            rec[name] = _lay(base[name], over.get(name) or {}, tuple(inner), default)
    return rec
