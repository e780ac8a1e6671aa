"""The MkDocs plugin as MkDocs and other engines load it: the entry point, its options, two builds in one
process with nothing carried over, errors as MkDocs reports them, and ProperDocs building the same site."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from explainer.plugin import ExplainerPlugin
from helpers import ROOT, build_site


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_entry_point_names_the_plugin_class() -> None:
    (found,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "explainer"]
    assert found.load() is ExplainerPlugin


@pytest.mark.slow
def test_two_builds_in_one_process_are_identical(project: Path, tmp_path: Path) -> None:
    """The same plugin instance builds twice (as `mkdocs serve` does): nothing of the first build is left
    in the second, and an edit between them shows, with the mentions of the old text gone."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    first = tree(tmp_path / "site")
    build(config)
    assert tree(tmp_path / "site") == first
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nShips waited off Ismailia.\n", encoding="utf-8")
    build(config)
    assert tree(tmp_path / "site") != first
    fresh = tmp_path / "fresh"
    assert build_site(project / "mkdocs.yml", fresh) == []
    assert tree(tmp_path / "site") == tree(fresh)  # the rebuild is what a fresh process makes


@pytest.mark.slow  # builds a whole site
def test_options_turn_off_navigation_and_linking(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert build_site(config, tmp_path / "on") == []
    config.write_text(text.replace("  - explainer\n", "  - explainer:\n      navigation: false\n      link_names: false\n"),
                      encoding="utf-8")
    assert build_site(config, tmp_path / "off") == []
    on = (tmp_path / "on" / "events" / "index.html").read_text(encoding="utf-8")
    off = (tmp_path / "off" / "events" / "index.html").read_text(encoding="utf-8")
    assert "x-autolink" in (tmp_path / "on" / "index.html").read_text(encoding="utf-8")
    assert "x-autolink" not in (tmp_path / "off" / "index.html").read_text(encoding="utf-8")
    assert 'href="../timeline/"' in on.split('class="md-tabs')[0] + on.split("md-nav--primary")[1][:4000]
    assert "Editors' guide" in on and "Editors&#39; guide" not in off.split("md-nav--primary")[1][:200]


def test_a_wrong_option_is_a_configuration_error(project: Path, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - explainer\n", "  - explainer:\n      navigation: maybe\n"),
                      encoding="utf-8")
    with pytest.raises(Abort, match="configuration error"):
        load_config(str(config), site_dir=str(tmp_path / "site"), strict=True)
    assert "Config value 'plugins': Plugin 'explainer' option 'navigation': Expected type: <class 'bool'> but " \
           "received: <class 'str'>" in caplog.text


def test_editors_mistakes_abort_with_every_problem_located(project: Path, tmp_path: Path) -> None:
    event = next((project / "docs" / "events").glob("*.yml"))
    event.write_text(event.read_text(encoding="utf-8") + "titel: typo\n", encoding="utf-8")
    (project / "docs" / "actors" / "Bad_Name.yml").write_text("name: X\nkind: person\n", encoding="utf-8")
    with pytest.raises(Abort) as err:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    report = str(err.value)
    assert f"docs/events/{event.name}:" in report and "titel: unknown field" in report
    assert "docs/actors/Bad_Name.yml: expected a file name" in report
    assert "Traceback" not in report and not (tmp_path / "site").exists()


@pytest.mark.skipif(shutil.which("properdocs", path=str(Path(sys.executable).parent)) is None,
                    reason="ProperDocs is in requirements-test.txt")
@pytest.mark.slow
def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    """The flagship under ProperDocs (the maintained fork of MkDocs 1.6): the same files, byte for byte,
    except the generator meta tag each engine writes into every page."""
    bin_dir = Path(sys.executable).parent
    for tool, out in (("mkdocs", "m"), ("properdocs", "p")):
        proc = subprocess.run([str(bin_dir / tool), "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
                               "-d", str(tmp_path / out)], capture_output=True, text=True, timeout=600,
                              env={"PATH": str(bin_dir), "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)})
        assert proc.returncode == 0, proc.stderr
    mk, pd = tree(tmp_path / "m"), tree(tmp_path / "p")
    assert sorted(mk) == sorted(pd)
    differ = [name for name in mk if mk[name] != pd[name]]
    assert differ and all(name.endswith(".html") for name in differ)
    for name in differ:
        a = (tmp_path / "m" / name).read_text(encoding="utf-8").splitlines()
        b = (tmp_path / "p" / name).read_text(encoding="utf-8").splitlines()
        changed = [(x, y) for x, y in zip(a, b) if x != y]
        assert len(a) == len(b) and len(changed) == 1, name
        (x, y), = changed
        assert 'name="generator"' in x and 'name="generator"' in y, (name, x, y)
