"""The explainer core: load -> validate -> model -> render. Knows nothing of MkDocs."""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
