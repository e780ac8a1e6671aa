"""Shared test helpers (import them from here, not from conftest: tests/geo has its own conftest)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "suez"


@contextmanager
def mkdocs_warnings() -> Iterator[list[str]]:
    """The warnings MkDocs (and the plugin) log while the block runs (the caller asserts them)."""
    import logging

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler, logger = Collect(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def build_site(config_file: Path, site_dir: Path, **overrides: object) -> list[str]:
    """Build a real MkDocs site with strict=True; return the warnings it logged (the caller asserts them)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with mkdocs_warnings() as records:
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides))
    return records


FLAGSHIP_LANGUAGES = ("en", "uk", "be")  # mkdocs.yml's explainer: languages
