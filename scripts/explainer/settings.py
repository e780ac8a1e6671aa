"""What the plugin reads of MkDocs' configuration and of the environment MkDocs runs in."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def shown_docs(docs: Path, config: MkDocsConfig) -> str:
    """The docs folder as editors see it in messages: relative to mkdocs.yml's folder (normally "docs")."""
    try:
        return docs.resolve().relative_to(Path(config.config_file_path or "mkdocs.yml").resolve().parent).as_posix()
    except ValueError:
        return str(docs)


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH, for reproducible data files (the environment MkDocs runs in)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None
