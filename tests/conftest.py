"""Shared fixtures: the second explainer (tests/fixtures/suez) copied into a temporary folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE, ROOT, build_site  # noqa: F401  (re-exported for older imports)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the small fixture explainer (mkdocs.yml and docs/)."""
    dest = tmp_path / "suez"
    shutil.copytree(FIXTURE, dest)
    return dest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current renderer output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


HEAVY_FIXTURES = {"builds", "server", "served", "serving", "flagship", "synthetic", "site"}  # each builds a whole site or more


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that builds the flagship or a synthetic explainer (through a fixture) is slow: `make test` runs
    it, the quick loop (`-m "not browser and not slow"`) leaves it out."""
    for item in items:
        if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
