"""The files the plugin hands MkDocs: the generated pages (their HTML blocks kept aside, render/stash.py), the
theme's files and the data files; the YAML files and the sources' archived texts are left out of the site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .contract import KIND_BY_NAME
from .generator import Generated
from .settings import theme_files


def add_files(files: Files, config: MkDocsConfig, out: Generated) -> dict[str, tuple[str, ...]]:
    """Add what `out` makes to `files`; returns each generated page's HTML kept out of Markdown."""
    for file in files:  # the YAML files are offered as one zip on the data page, not copied one by one; the
        # sources' archived texts (sources/<id>.txt) are for the checks only, never published
        folder = file.src_uri.split("/")[0]
        if folder in KIND_BY_NAME and (file.src_uri.endswith(".yml") or folder == "sources"):
            file.inclusion = InclusionLevel.EXCLUDED
    kept = {}
    for page in out.pages:
        if files.get_file_from_path(page.src) is None:  # a hand-written page of the same name wins
            text, kept[page.src] = page.parts()  # its HTML goes back in after Markdown (render/stash.py)
            file = File.generated(config, page.src, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
            file.edit_uri = page.edit_path or None
            files.append(file)
    for theme_file in theme_files(config):
        files.append(theme_file)
    for name, make in out.data:
        if files.get_file_from_path(name) is None:  # a hand-made file of the same name wins
            files.append(File.generated(config, name, content=make()))
    return kept
