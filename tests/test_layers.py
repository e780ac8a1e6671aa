"""Rules of the package's shape that import-linter does not see (make lint checks the import layers):
only `load` reads files, no module keeps mutable state at module level, the plugin stays small."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGE = ROOT / "scripts" / "explainer"
TOOLS = {"plugin.py", "editions.py", "settings.py", "catalogues.py", "cli.py", "scaffold.py", "messages.py", "__main__.py"}  # above the core
PACKAGE_DATA = {"i18n"}  # reads the package's own catalogues, as Jinja reads its templates
READERS = {"open", "read_text", "read_bytes", "scandir", "iterdir", "glob", "rglob", "walk", "listdir", "stat"}
CORE = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in TOOLS | PACKAGE_DATA | {"load"})


def _calls(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            names.add(f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else "")
    return names


@pytest.mark.parametrize("path", CORE, ids=[str(p.relative_to(PACKAGE)) for p in CORE])
def test_only_load_reads_files(path: Path) -> None:
    found = _calls(ast.parse(path.read_text(encoding="utf-8"))) & READERS
    assert not found, f"{path.relative_to(ROOT)} reads files ({', '.join(sorted(found))}): only explainer.load may"


MUTABLE = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_mutable_module_state(path: Path) -> None:
    """Module-level names hold constants (tuples, frozensets, compiled patterns, functions), never a dict, list
    or set that a build could change and the next build would see; no `global` statement anywhere."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        name = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target) if value else ""
        if isinstance(value, MUTABLE) and name not in ("__all__",) and not name.isupper():
            pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno}: module-level mutable {name!r}")
        if isinstance(value, MUTABLE) and name.isupper() and isinstance(value, (ast.List, ast.Set, ast.ListComp, ast.SetComp)):
            pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno}: constant {name!r} is a list or set: use a tuple or frozenset")
    assert not any(isinstance(n, ast.Global) for n in ast.walk(tree)), f"{path.relative_to(ROOT)} uses `global`"


def test_plugin_reads_on_two_screens_and_never_forks() -> None:
    text = (PACKAGE / "plugin.py").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for banned in ("os.fork", "gc.freeze", "gc.disable", "multiprocessing"):
            assert banned not in source, f"{path.relative_to(ROOT)} uses {banned}"


def test_flagship_languages_match_mkdocs_yml() -> None:
    from explainer.load import site_settings
    from helpers import FLAGSHIP_LANGUAGES

    assert tuple(site_settings(ROOT / "mkdocs.yml")["languages"].split(",")) == FLAGSHIP_LANGUAGES
