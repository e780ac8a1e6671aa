"""Names linked in a page's HTML, and the 'Mentioned in' lists they feed."""

from __future__ import annotations

from .linker import Linked, Linker
from .mentions import Mentions
from .names import AmbiguousAlias

__all__ = ["AmbiguousAlias", "Linked", "Linker", "Mentions"]
