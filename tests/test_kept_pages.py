"""Pages and calendar entries kept across `mkdocs serve` rebuilds (kept.py, render/pages.py KEPT_TEMPLATES,
export/ics.py): after any edit, what the generator gives with what the last build kept is what it gives from
scratch, page for page and file for file; and unchanged pages are in fact kept, not made again."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from explainer.build import build_explainer
from explainer.generator import Generated, Kept, Language, Options, generate
from explainer.i18n import translations
from explainer.render.keys import KEPT_FRAGMENTS, KEPT_TEMPLATES
from helpers import FIXTURE, FLAGSHIP_LANGUAGES, ROOT

TEMPLATES = ROOT / "scripts" / "explainer" / "render" / "templates"
OPTIONS = Options(site_name="Kept", site_url="https://example.org/kept/", epoch=1_600_000_000)


class Counted(Kept):
    """Kept, counting what it had to make."""

    def __init__(self) -> None:
        super().__init__()
        self.made = 0

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        def counted() -> Any:
            self.made += 1
            return make()

        return super().get(key, counted)


def everything(out: Generated) -> dict[str, Any]:
    return {p.src: p.markdown() for p in out.pages} | {path: make() for path, make in out.data}


def edition(docs: Path, lang: str, languages: tuple[str, ...]) -> tuple[Any, Language]:
    model = build_explainer(docs, languages=languages)
    return (model.editions[lang], Language(lang, translations(lang))) if lang else (model, Language())


def first(docs: Path, folder: str, lang: str = "") -> Path:
    """The folder's first YAML file: in an edition, its first translation (the words the edition shows)."""
    return sorted(p for p in (docs / folder).glob(f"*.{lang}.yml" if lang else "*.yml") if lang or "." not in p.stem)[0]


def retitle(folder: str, old: str, new: str) -> Callable[[Path, str], None]:
    def edit(docs: Path, lang: str) -> None:
        path = first(docs, folder, lang)
        text = path.read_text(encoding="utf-8")
        assert re.search(rf"^{old}:", text, re.M), path
        path.write_text(re.sub(rf"^{old}:.*$", f"{old}: Edited {old}", text, count=1, flags=re.M), encoding="utf-8")

    return edit


def delete_event(docs: Path, lang: str) -> None:
    for path in (docs / "events").glob(first(docs, "events").stem + ".*"):
        path.unlink()


def add_event(docs: Path, lang: str) -> None:
    text = re.sub(r"^(end|display_date):.*\n", "", first(docs, "events").read_text(encoding="utf-8"), flags=re.M)
    text = re.sub(r"^date:.*$", "date: '2099-01-01'", text, count=1, flags=re.M)
    (docs / "events" / "2099-01-01-added.yml").write_text(text, encoding="utf-8")


def _redate(docs: Path, lang: str) -> None:
    path = first(docs, "events")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^date:.*$", "date: '2098-06-01'", text, count=1, flags=re.M), encoding="utf-8")


EDITS = {
    "event title": retitle("events", "title", "Edited"),
    "event summary": retitle("events", "summary", "Edited"),
    "event date": _redate,
    "actor name": retitle("actors", "name", ""),
    "place name": retitle("places", "name", ""),
    "term definition": retitle("glossary", "short", ""),
    "source title": retitle("sources", "title", ""),
    "timeline title": retitle("timelines", "title", ""),
    "event deleted": delete_event,
    "event added": add_event,
}


def check(project: Path, tmp_path: Path, edit: Callable[[Path, str], None], lang: str, languages: tuple[str, ...]) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(project / "docs", docs)
    kept = Counted()
    model, language = edition(docs, lang, languages)
    before = everything(generate(model, OPTIONS, language, kept=kept))
    again = Counted()  # nothing changed: a second build makes nothing it kept
    again.__dict__.update(kept.__dict__, made=0)
    assert everything(generate(model, OPTIONS, language, kept=again)) == before
    assert again.made == 0
    edit(docs, lang)
    model, language = edition(docs, lang, languages)
    kept.made = 0
    kept_now = everything(generate(model, OPTIONS, language, kept=kept))
    fresh = everything(generate(model, OPTIONS, language))
    assert kept_now.keys() == fresh.keys()
    assert [k for k in fresh if kept_now[k] != fresh[k]] == []
    assert kept_now != before  # the edit shows
    whole = Counted()
    everything(generate(model, OPTIONS, language, kept=whole))
    assert 0 < kept.made < whole.made  # some pages were made again, and not every one


QUICK = ("event title",)  # the others are slow tests (the quick loop stays under a minute)


@pytest.mark.parametrize("edit", [e if e in QUICK else pytest.param(e, marks=pytest.mark.slow) for e in EDITS])
def test_what_was_kept_is_what_a_fresh_build_gives(edit: str, tmp_path: Path) -> None:
    check(FIXTURE, tmp_path, EDITS[edit], "", ())


@pytest.mark.slow  # models the flagship twice per edit
@pytest.mark.parametrize("edit", ["event title", "actor name", "term definition", "event added"])
@pytest.mark.parametrize("lang", ["", "uk"])
def test_the_flagship_and_its_editions_after_an_edit_are_what_a_fresh_build_gives(
    edit: str, lang: str, tmp_path: Path
) -> None:
    check(ROOT, tmp_path, EDITS[edit], lang, FLAGSHIP_LANGUAGES)


def test_kept_templates_read_no_event_their_context_does_not_hold() -> None:
    """A kept page is keyed by its context and the model but its events: so none of its templates (nor what
    they import) may reach the model's events, files or other editions."""
    reach = re.compile(r"\bm\.(events|events_of|quotes_by|files|editions|geometries|counts)\b|\bm\[")
    seen, todo = set(), [*KEPT_TEMPLATES, *KEPT_FRAGMENTS]  # (a fragment reads its own event, `e`)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        todo += re.findall(r'(?:import|include|extends) "([^"]+)"', text)
        # m[kind]: an actor's, place's or term's name (x.names; a source's "also cited on", cited_by holds no event)
        safe = text.replace("m[kind if kind != 'glossary' else 'terms']", "").replace("m[kind][ident]", "")
        found = [line for line in safe.splitlines() if reach.search(line)]
        assert found == [], f"{name} reads the model's events: {found}"
    assert {"_macros.j2", "_timeline.j2", "_event_item.j2", "_index_line.j2"} <= seen


def test_an_editions_changed_words_make_its_pages_again() -> None:
    """The catalogue (i18n/<lang>.po) is read at every build, and `mkdocs serve` watches it in this repository:
    a kept page is keyed by the edition's words, not only its language code."""
    import copy

    model = build_explainer(FIXTURE / "docs")
    kept, words = Kept(), translations("uk")
    everything(generate(model, OPTIONS, Language("uk", words), kept=kept))
    changed = copy.copy(words)
    changed._catalog = {**words._catalog, "Cite this page": "Нові слова"}  # type: ignore[attr-defined]
    language = Language("uk", changed)
    now = everything(generate(model, OPTIONS, language, kept=kept))
    assert now == everything(generate(model, OPTIONS, language))
    assert any("Нові слова" in str(text) for text in now.values())


def test_a_page_the_navigation_lists_by_another_spelling_keeps_its_title(tmp_path: Path) -> None:
    """converted.make_pages makes pages MkDocs would make without a title; one the nav lists (even as
    ./page.md, which MkDocs reads as page.md) is left to MkDocs, which gives it the nav's title."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel, get_files
    from mkdocs.structure.nav import get_navigation

    from explainer.converted import KeptPage, make_pages

    (tmp_path / "docs").mkdir()
    for name in ("index.md", "hidden.md", "other.md"):
        (tmp_path / "docs" / name).write_text(f"# {name}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nnot_in_nav: |\n  hidden.md\n  other.md\nnav:\n  - index.md\n  - Nav Title: ./hidden.md\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    make_pages(files, config)
    nav = get_navigation(files, config)
    assert nav.items[1].title == "Nav Title"
    assert not isinstance(files.get_file_from_path("hidden.md").page, KeptPage)
    other = files.get_file_from_path("other.md")
    assert other.inclusion is InclusionLevel.NOT_IN_NAV and isinstance(other.page, KeptPage)
