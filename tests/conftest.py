"""Shared fixtures: the second explainer (tests/fixtures/suez) copied into a temporary folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "suez"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the small fixture explainer (mkdocs.yml and docs/)."""
    dest = tmp_path / "suez"
    shutil.copytree(FIXTURE, dest)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text().replace("../../../scripts/mkdocs_hook.py", str(ROOT / "scripts" / "mkdocs_hook.py")))
    return dest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current renderer output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def build_site(config_file: Path, site_dir: Path, **overrides: object) -> list[str]:
    """Build a real MkDocs site with strict=True; return the warnings it logged (the caller asserts them)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
        build(config)
    finally:
        logger.removeHandler(handler)
    return records
