"""Compiled templates kept between runs (explainer/templating.py): reused when the source is unchanged,
compiled again when it changes, and never in the way when the cache cannot be written."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from explainer import templating


def env(templates: Path, cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache, autoescape=True)


def test_compiled_once_then_loaded(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "c").mkdir()
    (tmp_path / "t" / "a.j2").write_text("Hello {{ name }}", encoding="utf-8")
    cache = templating._Cache(str(tmp_path / "c"))
    assert env(tmp_path / "t", cache).get_template("a.j2").render(name="<x>") == "Hello &lt;x&gt;"
    assert len(list((tmp_path / "c").iterdir())) == 1
    assert env(tmp_path / "t", cache).get_template("a.j2").render(name="y") == "Hello y"
    (tmp_path / "t" / "a.j2").write_text("Bye {{ name }}", encoding="utf-8")  # an edited template
    assert env(tmp_path / "t", cache).get_template("a.j2").render(name="y") == "Bye y"


def test_a_full_disk_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.j2").write_text("Hello", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "dump_bytecode", full)
    assert env(tmp_path / "t", templating._Cache(str(tmp_path))).get_template("a.j2").render() == "Hello"


def test_no_private_temporary_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsafe(self: object) -> str:
        raise RuntimeError("Cache directory is not safe")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "_get_default_cache_dir", unsafe)
    assert templating.bytecode_cache() is None
