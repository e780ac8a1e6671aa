"""The words a map writes, in one language: English as the geometry file and this package write them, unless the
caller passes its own (translated) ones. The geo layer translates nothing: the caller does, and passes the words.

Formats use %-style named placeholders, like the caller's gettext catalogues: `%(name)s`, `%(km)s`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from . import theme


@dataclass(frozen=True)
class MapWords:
    kinds: Mapping[str, str] = field(default_factory=lambda: dict(theme.KIND_LABELS))  # legend row per marker kind
    approximate: str = "Approximate location"  # the legend row of the dashed ring
    approximate_marker: str = "%(name)s (approximate location)"  # a marker's tooltip when its place is approximate
    km: str = "%(km)s km"  # the scale bar's label
    countries: Mapping[str, str] = field(default_factory=dict)  # ISO code -> name, over the geometry file's names
    borders: Mapping[str, str] = field(default_factory=dict)  # border id -> name, over the geometry file's names

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind) or theme.KIND_LABELS[kind]

    def country(self, iso: str, name: str) -> str:
        """The name to write of a country the geometry file calls `name`."""
        return self.countries.get(iso) or name

    def border(self, border_id: str, name: str) -> str:
        return self.borders.get(border_id) or name

    def marker_title(self, name: str, approximate: bool) -> str:
        return self.approximate_marker % {"name": name} if approximate else name

    def distance(self, km: int) -> str:
        return self.km % {"km": km}


ENGLISH = MapWords()
