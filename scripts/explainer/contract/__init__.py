"""The data contract: every kind of file, its fields and their rules. One source of truth for the
validator (load), the JSON Schemas, the new-file skeletons and the editors' guide."""

from __future__ import annotations

from .kinds import KIND_BY_NAME, KINDS, Kind

__all__ = ["KINDS", "KIND_BY_NAME", "Kind"]
