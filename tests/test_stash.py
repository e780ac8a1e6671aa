"""HTML kept out of Markdown (render/stash.py): a page converted with its HTML blocks as tokens, then expanded,
is the page Markdown makes of the whole text; what Markdown might change stays in."""
from __future__ import annotations

import markdown
import pytest

from explainer.build import build_explainer
from explainer.generator import Language, generate
from explainer.i18n import translations
from explainer.render.stash import Stash, anchor_ids, expand, stash_blocks
from helpers import FIXTURE, FLAGSHIP_LANGUAGES, ROOT

# the Markdown extensions of the flagship's mkdocs.yml (the starter's are the same)
EXTENSIONS = ["toc", "tables", "attr_list", "admonition"]
CONFIGS = {"toc": {"permalink": True}}


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(text)


def stashed(text: str) -> tuple[str, list[str]]:
    stash = Stash()
    stash.items = []
    return stash_blocks(text, stash), stash.items


def assert_same_html(text: str) -> tuple[str, list[str]]:
    tokens, fragments = stashed(text)
    assert expand(tokens, fragments) == text  # the Markdown is whole again
    assert expand(convert(tokens), fragments) == convert(text)  # and so is the page Markdown makes of it
    return tokens, fragments


EDITIONS = [(FIXTURE / "docs", ()), *(pytest.param(ROOT / "docs", (lang,), marks=pytest.mark.slow) for lang in FLAGSHIP_LANGUAGES)]  # the flagship: slow


@pytest.mark.parametrize(("docs", "edition"), EDITIONS, ids=["suez", *FLAGSHIP_LANGUAGES])
def test_every_generated_page_converts_the_same(docs, edition) -> None:  # type: ignore[no-untyped-def]
    model = build_explainer(docs, languages=FLAGSHIP_LANGUAGES if edition else ())
    lang = edition[0] if edition and edition[0] != FLAGSHIP_LANGUAGES[0] else ""
    language = Language(lang, translations(lang)) if lang else Language()
    pages = generate(model.editions[lang] if lang else model, language=language).pages
    kept = 0
    for page in pages:
        text, heavy = page.parts()
        whole = expand(text, heavy)
        tokens, fragments = assert_same_html(whole)
        kept += len(fragments)
        if page.src.startswith(("events/", "actors/")):  # nothing but headings and tokens is left to Markdown
            assert "<div" not in tokens and "<dl" not in tokens, page.src
    assert kept > 5 * len(pages)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('<p class="a">One</p>\n\n## Two\n\n<div>\n<p>x</p>\n</div>\n', 2),
        ("<div>\n<pre><code>a\n\nb\n</code></pre>\n\n<p>c</p>\n</div>\n\ntext", 1),  # blank lines inside a block
        ('<dl class="x">\n <dt>a</dt> <dd>b</dd>\n</dl>\n<p>c</p>', 1),  # two blocks, no blank line
        ("<div>a</div>\ntext after it, no blank line", 0),  # Markdown makes a paragraph of the text
        ("<span>inline</span> at the start of a paragraph", 0),  # not a block-level tag
        ("<div>\n<p>never closed</p>\n\n## Heading", 0),
        ("<h3>Month</h3>\n<ul>\n<li>a</li>\n</ul>\n", 1),  # one element after another: one block
        ("<h3>Month</h3>\n<ul>\n<li>a</li>\n</ul>\ntext after it", 0),
        ("<h3>Month</h3>\n<div>\n<p>never closed</p>\n\n## Heading", 0),
        ("<h3>Month</h3>\n</ul>\n", 0),  # a stray end tag after an element
        ("<p>a</p>\n\n\n\n<p>b</p>\n\n", 2),  # runs of blank lines
        ("<!--x-frag:0--> and text", 0),
        ("<div>a</div> text after it on its line, *emphasis*\n", 0),
        ("<div>\n<p>a</p>\n</div></div>\n\n<div>b</div>", 1),  # a stray end tag: that block stays in
        ('<div markdown="1">\n*x*\n</div>', 0),  # md_in_html, if an explainer turns it on, converts inside
    ],
)
def test_blocks_are_kept_only_where_markdown_copies_them(text: str, kept: int) -> None:
    _, fragments = assert_same_html(text)
    assert len(fragments) == kept


def test_tokens_inside_blocks_are_expanded() -> None:
    stash = Stash()
    stash.items = []
    svg = stash.keep("<svg><text>map</text></svg>")
    page = '<figure class="x-map">\n{}\n</figure>\n\n## After\n'
    text = stash_blocks(page.format(svg), stash)
    assert len(stash.items) == 2  # the drawing, and the figure around its token
    assert expand(convert(text), stash.items) == convert(page.format(expand(svg, stash.items)))


def test_without_a_stash_the_text_is_left_as_it_is() -> None:
    text = "<div>\n<p>a</p>\n</div>\n"
    assert stash_blocks(text, Stash()) == text


def test_anchor_ids_are_those_mkdocs_finds_in_raw_html() -> None:
    html = (
        '<h2 id="letter-a">A</h2><li class="x-event" id="event-1" data-tags="x">'
        '<a name="old-style">x</a><p data-id="not-an-anchor">id="not-a-tag"</p><span id="a&amp;b"></span>'
    )
    assert anchor_ids([html]) == {"letter-a", "event-1", "old-style", "a&b"}
