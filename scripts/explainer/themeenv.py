"""The theme's Jinja environment, made again quickly. MkDocs makes a new one at every build, compiling again
every template it renders, and lists every file of the theme's folders to find the static files it copies:
Material's folder holds 14,000 files, nearly all of them icons in hidden folders, which MkDocs then leaves out
(its filter drops every hidden path). At 220 pages that listing was a tenth of a rebuild under `mkdocs serve`.

So the plugin hands the theme a `get_env` (on_config, `ThemeEnvs.hand`) that gives each environment the
compiled templates kept on the plugin, and a loader that lists an installed theme's folder once per process,
without its hidden files and folders: a folder inside an installed package does not change while it is
installed. A project's own theme folder (`custom_dir`) and any folder outside the installed packages are
listed at every build, as MkDocs lists them."""

from __future__ import annotations

import sysconfig
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import jinja2

from .load import listed


def installed(folder: str) -> bool:
    """Whether `folder` is in an installed package (a theme that does not change while it is installed)."""
    return any(folder.startswith(str(sysconfig.get_path(key))) for key in ("purelib", "platlib"))


class Listed(jinja2.FileSystemLoader):
    """MkDocs' loader, with the listing of installed folders kept in `listings` (folder -> names)."""

    def __init__(self, searchpath: Any, listings: dict[str, list[str]]) -> None:
        super().__init__(searchpath)
        self.listings = listings

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if not installed(folder):
                found.update(listed(folder, self.followlinks, hidden=True))
                continue
            if folder not in self.listings:
                self.listings[folder] = listed(folder, self.followlinks, hidden=False)
            found.update(self.listings[folder])
        return sorted(found)


C = TypeVar("C", bound=jinja2.BytecodeCache)


class ThemeEnvs(Generic[C]):
    """What makes the theme's environments quicker to make again, kept for the process: the compiled templates
    and the listings of installed folders."""

    def __init__(self, compiled: C) -> None:
        self.compiled = compiled
        self.listings: dict[str, list[str]] = {}  # an installed folder -> its templates, listed once

    def hand(self, theme: Any) -> None:
        """Give `theme` (MkDocs' Theme) a get_env whose environments have the compiled templates and a `Listed`
        loader (once: a configuration may be seen again)."""
        make: Callable[[], jinja2.Environment] = theme.get_env
        if getattr(make, "quicker", False):
            return

        def get_env() -> jinja2.Environment:
            env = make()
            if type(env.loader) is jinja2.FileSystemLoader:  # MkDocs' own (another's is left as it is)
                env.loader = Listed(env.loader.searchpath, self.listings)
            env.bytecode_cache = self.compiled
            return env

        get_env.quicker = True  # type: ignore[attr-defined]
        theme.get_env = get_env
