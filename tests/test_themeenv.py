"""The theme's environments, made again quickly (themeenv.py): the same static files as MkDocs finds, an
installed theme's folder listed once, the compiled templates kept."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from explainer import themeenv
from explainer.load import listed
from explainer.themeenv import Listed, ThemeEnvs
from helpers import FIXTURE


def test_the_listing_is_jinjas_without_hidden_paths(tmp_path: Path) -> None:
    for name in ("main.html", "partials/a.html", ".icons/x/y.svg", "assets/.hidden.js", "assets/app.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    everything = jinja2.FileSystemLoader(str(tmp_path)).list_templates()
    assert sorted(listed(str(tmp_path), False, hidden=True)) == everything
    assert sorted(listed(str(tmp_path), False, hidden=False)) == ["assets/app.js", "main.html", "partials/a.html"]


def test_an_installed_folder_is_listed_once_another_at_every_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own, package = tmp_path / "overrides", tmp_path / "site-packages" / "theme"
    for folder in (own, package):
        folder.mkdir(parents=True)
        (folder / "main.html").write_text("x", encoding="utf-8")
    monkeypatch.setattr(themeenv, "installed", lambda folder: folder == str(package))
    listings: dict[str, list[str]] = {}
    assert Listed([str(own), str(package)], listings).list_templates() == ["main.html"]
    (own / "new.css").write_text("x", encoding="utf-8")
    (package / "later.css").write_text("x", encoding="utf-8")  # (a package does not change while installed)
    assert Listed([str(own), str(package)], listings).list_templates() == ["main.html", "new.css"]
    assert list(listings) == [str(package)]


def test_mkdocs_finds_the_same_theme_files_and_the_templates_stay_compiled() -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    found = []
    envs = ThemeEnvs(jinja2.FileSystemBytecodeCache())
    for quick in (False, True, True):
        config = load_config(str(FIXTURE / "mkdocs.yml"))
        if quick:
            envs.hand(config.theme)
            envs.hand(config.theme)  # once only
        env = config.theme.get_env()
        files = Files([])
        files.add_files_from_theme(env, config)
        found.append(sorted(f.src_uri for f in files))
        assert (type(env.loader) is Listed, env.bytecode_cache is envs.compiled) == (quick, quick)
    assert found[0] == found[1] == found[2]
    assert len(found[0]) > 20 and not [name for name in found[0] if "/." in name or name.startswith(".")]
    assert any(name.endswith(".js") for name in found[0])
