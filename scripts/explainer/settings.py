"""What the plugin reads of MkDocs' configuration and of the environment MkDocs runs in."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .render.assets import EXTRA_CSS, EXTRA_JS, STYLESHEET, STYLESHEET_FILE
from .render.page import Options
from .sourcing import placeholder

THEME_DIR = Path(__file__).parent / "theme"


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


def slug(config: MkDocsConfig, site_url: str | None = None) -> str:
    """A file-name-safe name for the explainer: `extra.slug`, else the last part of the site address's path,
    else the config's folder name (`site_url`: the site's public address, when config.site_url is an edition's)."""
    address: str = (config.site_url or "") if site_url is None else site_url
    path = urlsplit(address).path.strip("/")
    name = str(config.extra.get("slug") or path.rsplit("/", 1)[-1] or Path(config.config_file_path).parent.name)
    name = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return name or "explainer"


def site_options(config: MkDocsConfig, root_url: str, pdf: bool, paper: str = "a4") -> Options:
    """What the core needs to know of the site (`root_url`: the public address of the default edition;
    `pdf`: the print edition's PDF is made, as <slug>.pdf, on `paper`)."""
    name = f"{slug(config, root_url)}.pdf" if pdf else ""
    epoch = source_date_epoch()
    url, about = config.site_url or "", config.site_description or ""
    return Options(config.use_directory_urls, config.site_name, url, epoch, pdf=name, paper=paper, description=about)


def use_theme(config: MkDocsConfig, gettext: Callable[[str], str] = str) -> None:
    """Our theme folder (over Material's), stylesheet and scripts, once though a config may be built again; no
    header or "Edit" link to a placeholder repository (one that leads nowhere); and, in the edition's words
    (`gettext`), the footer's credit (Material writes it in English only; `extra: {generator: false}` leaves it
    out) and the tooltip of the headings' permanent links."""
    made_with = gettext('Made with <a href="%(href)s" target="_blank" rel="noopener">Material for MkDocs</a>')
    config.extra["x_made_with"] = Markup(made_with) % {"href": "https://squidfunk.github.io/mkdocs-material/"}
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink") and "permalink_title" not in toc:  # the ¶ link's tooltip
        toc["permalink_title"] = gettext("Permanent link")
    if config.repo_url and placeholder(config.repo_url):
        config.repo_url = config.repo_name = config.edit_uri = None
    if str(THEME_DIR) not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.extra_css.extend([STYLESHEET, *(name for name, _ in EXTRA_CSS)])
        config.extra_javascript.extend(name for name, _ in EXTRA_JS)


def theme_files(config: MkDocsConfig) -> list[File]:
    """The stylesheet and scripts use_theme names, as files of the site."""
    files = [File.generated(config, STYLESHEET, abs_src_path=str(STYLESHEET_FILE))]
    return files + [File.generated(config, name, abs_src_path=str(path)) for name, path in EXTRA_CSS + EXTRA_JS]
