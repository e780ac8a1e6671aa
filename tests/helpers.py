"""Shared test helpers (import them from here, not from conftest: tests/geo has its own conftest)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "suez"


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


FLAGSHIP_LANGUAGES = ("en", "uk", "be")  # mkdocs.yml's explainer: languages
