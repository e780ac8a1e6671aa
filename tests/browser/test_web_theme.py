"""Our copies of Material's templates are Material's files plus the listed changes and nothing else, so an
upgrade of Material that changes them fails here (re-copy, re-apply, re-check) instead of silently
dropping upstream fixes."""
from __future__ import annotations

from pathlib import Path

import material
import pytest

MATERIAL = Path(material.__file__).parent / "templates"
OURS = Path(__file__).resolve().parents[2] / "scripts" / "explainer" / "theme"
CHANGES: dict[str, list[tuple[str, str]]] = {
    "base.html": [(' id="__drawer" autocomplete="off">', ' id="__drawer">'),
                  (' id="__search" autocomplete="off">', ' id="__search">')],
    "partials/copyright.html": [("""    Made with
    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">
      Material for MkDocs
    </a>
""", "    {{ config.extra.x_made_with }}\n")],
    "partials/header.html": [
        ('<label class="md-header__button md-icon" for="__drawer">',
         '<label class="md-header__button md-icon" for="__drawer" tabindex="0" title="{{ lang.t(\'nav\') }}">'),
        ('<label class="md-header__button md-icon" for="__search">',
         '<label class="md-header__button md-icon" for="__search" tabindex="0" title="{{ lang.t(\'search\') }}">'),
        ('aria-label="{{ config.site_name }}"', 'aria-label="{{ config.site_name | e }}"')],
    "partials/search.html": [('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
                             (' autocorrect="off"', "")],
    "partials/source.html": [(' data-md-component="source"', ""),
                             ("{{ config.repo_name }}", "{{ config.repo_name | e }}")],
    "partials/toc.html": [("""    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      {{ title }}
    </label>""", """    {% if page in nav.pages %}
      <label class="md-nav__title" for="__toc">
        <span class="md-nav__icon md-icon"></span>
        {{ title }}
      </label>
    {% else %}
      <div class="md-nav__title">{{ title }}</div>
    {% endif %}""")],
}


def _body(template: str) -> str:
    """The template without its leading {#- ... -#} comment."""
    return template.split("-#}\n", 1)[1] if template.startswith("{#-") else template


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_is_material_plus_our_changes(name: str) -> None:
    expected = _body((MATERIAL / name).read_text(encoding="utf-8"))
    for old, new in CHANGES[name]:
        assert expected.count(old) == 1, f"Material's {name} changed: {old!r} is not there once"
        expected = expected.replace(old, new)
    assert _body((OURS / name).read_text(encoding="utf-8")) == expected


def test_every_override_is_listed() -> None:
    copies = {p.relative_to(OURS).as_posix() for p in OURS.rglob("*.html")} - {"main.html"}
    assert copies == set(CHANGES)
