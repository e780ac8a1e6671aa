"""Archived source texts: quotes verified word for word (typography aside), paragraph locators checked, copied
wording flagged, the texts never published; and the sourcing report."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from explainer import sourcing
from explainer.build import build_explainer
from explainer.model import Event
from explainer.problems import ExplainerError
from explainer.quotes import Archive, closest, copied_runs, found_in, normal, paragraphs_named, shingles
from helpers import FLAGSHIP_LANGUAGES, ROOT, build_site

TEXT = """Suez Canal: Ever Given container ship freed after a week

BBC News, 29 March 2021

---

The giant container ship that has been blocking the Suez Canal for almost a week has been freed.

The canal authority's chairman, Osama Rabie, said: “We have pulled the ship out — and traffic will resume.”

Tugboats sounded their horns in celebration as the vessel was moved out of the channel on Monday afternoon.
"""
EVENT = "docs/events/2021-03-29-ship-refloated.yml"


def archived(project: Path, quote: str, locator: str = "") -> Path:
    (project / "docs" / "sources" / "bbc-2021-03-29.txt").write_text(TEXT, encoding="utf-8")
    event = project / EVENT
    extra = f"    locator: {locator}\n" if locator else ""
    event.write_text(event.read_text(encoding="utf-8") + f"quotes:\n  - by: osama-rabie\n    text: {quote!r}\n"
                     f"    source: bbc-2021-03-29\n{extra}", encoding="utf-8")
    return event


@pytest.mark.parametrize("quote", [
    "We have pulled the ship out — and traffic will resume.",  # exactly
    "we have pulled the ship out - and traffic will resume.",  # first letter, dash
    "We have pulled the ship out … traffic will resume",  # words left out
    "We have pulled   the ship [...] traffic will resume.",  # spaces, bracketed ellipsis
    "the giant container ship that has been blocking the Suez Canal",
])
def test_typographic_differences_are_ignored(project: Path, quote: str) -> None:
    archived(project, quote)
    model = build_explainer(project / "docs")
    (q,) = model.events["2021-03-29-ship-refloated"].quotes
    assert q.checked


def test_a_quote_changed_by_one_word_is_an_error_at_its_line(project: Path) -> None:
    event = archived(project, "We have pulled the boat out — and traffic will resume.")
    line = event.read_text(encoding="utf-8").splitlines().index(
        "    text: 'We have pulled the boat out — and traffic will resume.'") + 1
    with pytest.raises(ExplainerError) as err:
        build_explainer(project / "docs")
    (problem,) = err.value.problems
    assert str(problem) == (
        f"{EVENT}:{line}: quotes[0].text: not found in the text of source 'bbc-2021-03-29' "
        "(docs/sources/bbc-2021-03-29.txt); closest passage: "
        "\"We have pulled the ship out - and traffic will resume.\"")


def test_paragraph_locators_count_the_body(project: Path) -> None:
    archived(project, "We have pulled the ship out", "paragraph 2")
    assert build_explainer(project / "docs").events["2021-03-29-ship-refloated"].quotes[0].checked
    (project / EVENT).write_text((project / EVENT).read_text(encoding="utf-8").replace("paragraph 2", "paragraph 3"),
                                 encoding="utf-8")
    with pytest.raises(ExplainerError) as err:
        build_explainer(project / "docs")
    assert [p.message for p in err.value.problems] == [
        "expected the paragraph the quote is in (docs/sources/bbc-2021-03-29.txt has 3), found 'paragraph 3': "
        "the quote is in paragraph 2"]


def test_quotes_without_an_archived_text_are_shown_unchecked(project: Path) -> None:
    event = project / EVENT
    event.write_text(event.read_text(encoding="utf-8") + "quotes:\n  - by: osama-rabie\n    text: Anything.\n"
                     "    source: bbc-2021-03-29\n", encoding="utf-8")
    model = build_explainer(project / "docs")
    assert not model.events["2021-03-29-ship-refloated"].quotes[0].checked
    lines = {line.what: line.items for line in sourcing.report(model)}
    assert lines["quotes not checked against an archived text"] == ("2021-03-29-ship-refloated (bbc-2021-03-29)",)


def test_a_record_kept_between_builds_has_its_quotes_checked_again(project: Path) -> None:
    """`mkdocs serve` keeps each unchanged file's checked record; a quote's mark follows the archived text."""
    from explainer.kept import Same
    from explainer.load import FileCache

    archived(project, "We have pulled the ship out")
    cache, same, text = FileCache(), Same(), project / "docs" / "sources" / "bbc-2021-03-29.txt"

    def event() -> Event:
        return build_explainer(project / "docs", cache=cache, same=same).events["2021-03-29-ship-refloated"]

    first = event()
    assert first.quotes[0].checked
    assert event() is first  # its file unchanged: the model's event is the very same object (kept.Same)
    text.unlink()
    assert not event().quotes[0].checked  # the same record, but no longer checked: made again
    text.write_text(TEXT, encoding="utf-8")
    assert event().quotes[0].checked


def test_a_text_with_no_source_file_is_an_error(project: Path) -> None:
    (project / "docs" / "sources" / "no-such-source.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExplainerError, match="docs/sources/no-such-source.txt: expected the archived text of a "
                                             "source, found no docs/sources/no-such-source.yml"):
        build_explainer(project / "docs")


def test_copied_wording_warns_and_a_strict_build_fails(project: Path, tmp_path: Path) -> None:
    archived(project, "We have pulled the ship out")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTugboats sounded their horns in celebration as the vessel "
                    "was moved, the BBC reported. “The giant container ship that has been blocking the Suez "
                    "Canal” is a quotation.\n", encoding="utf-8")
    model = build_explainer(project / "docs")
    (warning,) = model.warnings
    assert str(warning) == ("docs/index.md: expected your own words, found 11 words of source 'bbc-2021-03-29' "
                            "(docs/sources/bbc-2021-03-29.txt, paragraph 3) outside quotation marks: \"tugboats sounded their horns in celebration as the vessel "
                            "was moved\" (quote them, or rewrite)")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", "docs"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and f"warning: {warning}" in result.stderr
    with pytest.raises(Abort, match="warnings in strict mode"):
        build_site(project / "mkdocs.yml", tmp_path / "site")


def test_archived_texts_are_never_published(project: Path, tmp_path: Path) -> None:
    archived(project, "We have pulled the ship out", "paragraph 2")
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site) == []  # and no warning about the .txt file
    assert not list(site.rglob("bbc-2021-03-29.txt"))
    everything = b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".zip")
    assert b"sounded their horns" not in everything
    with zipfile.ZipFile(io.BytesIO((site / "data" / "yaml-files.zip").read_bytes())) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".txt")]
    page = (site / "events" / "2021-03-29-ship-refloated" / "index.html").read_text(encoding="utf-8")
    assert "checked word for word against the source’s archived text" in page
    assert (site / "guide" / "sourcing" / "index.html").is_file()


@pytest.mark.slow  # builds a whole site
def test_placeholder_repository_gives_no_edit_links(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  features: [content.action.edit]\n")
    config.write_text(text + "repo_url: https://github.com/example/explainers\nedit_uri: edit/main/docs/\n",
                      encoding="utf-8")
    assert build_site(config, tmp_path / "placeholder") == []
    page = (tmp_path / "placeholder" / "events" / "2021-03-29-ship-refloated" / "index.html").read_text("utf-8")
    assert "github.com/example" not in page and "md-content__button" not in page
    config.write_text(text + "repo_url: https://github.com/newsroom/suez\nedit_uri: edit/main/docs/\n",
                      encoding="utf-8")
    assert build_site(config, tmp_path / "real") == []
    page = (tmp_path / "real" / "events" / "2021-03-29-ship-refloated" / "index.html").read_text("utf-8")
    assert 'href="https://github.com/newsroom/suez/edit/main/docs/events/2021-03-29-ship-refloated.yml"' in page
    assert 'href="https://github.com/newsroom/suez"' in page  # the header's repository link


def test_the_sourcing_report_counts_what_is_missing(project: Path) -> None:
    model = build_explainer(project / "docs")
    lines = {line.what: line.items for line in sourcing.report(model, {"site_url": "https://explainers.example.org/x/",
                                                                      "repo_url": ""})}
    assert lines["placeholder addresses (example.org, github.com/example)"] == (
        "site_url: https://explainers.example.org/x/",)
    assert set(lines["events resting on a single source"]) <= set(model.events)
    assert all(isinstance(v, tuple) for v in lines.values()) and len(lines) == 8
    assert sourcing.placeholder("https://www.example.com/a") and not sourcing.placeholder("https://examples.org")


def test_the_flagship_quotes_citing_the_article_are_all_checked() -> None:
    model = build_explainer(ROOT / "docs", languages=FLAGSHIP_LANGUAGES)
    citing = [q for e in model.events.values() for q in e.quotes if q.source == "edm-17-172"]
    assert len(citing) >= 16 and all(q.checked for q in citing)
    assert model.warnings == ()


def test_matching_helpers() -> None:
    assert normal("“A”  —\n‘b’") == "\"A\" - 'b'"
    archive = Archive.of(TEXT)
    assert len(archive.paragraphs) == 3 and paragraphs_named("last paragraph", archive) == (3,)
    assert paragraphs_named("paragraphs 1–2", archive) == (1, 2) and paragraphs_named("paras. 1 and 3", archive) == (1, 3)
    assert paragraphs_named("background section", archive) is None
    assert found_in("the giant", archive.text) and not found_in("the enormous", archive.text)
    assert closest("Tugboats sounded horns", archive).startswith("Tugboats sounded their horns")
    words = shingles(TEXT)
    assert copied_runs("As “tugboats sounded their horns in celebration as the vessel was moved”, fine.", words) == []
