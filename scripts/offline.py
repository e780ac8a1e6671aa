"""Build the offline copy of an explainer: a folder and a zip that work when opened from disk (file://).

    python scripts/offline.py [-f mkdocs.offline.yml] [-o dist]

The config (see mkdocs.offline.yml) inherits the site's mkdocs.yml and adds Material's offline plugin,
no directory URLs and the local search worker shim. Output, for the slug <name> (`extra.slug`, else the
last part of site_url's path, else the config's folder name):
  dist/<name>-offline/      the site, index.html at its top (double-click it)
  dist/<name>-offline.zip   that folder, entries sorted, timestamps from SOURCE_DATE_EPOCH (or a constant)
Both are built aside and swapped in, so a failed build keeps the previous copy."""
from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from explainer.settings import slug

DEFAULT_EPOCH = 1606348800  # 2020-11-26 00:00 UTC: any fixed instant makes the zip reproducible
DROPPED = ("404.html", "sitemap.xml", "sitemap.xml.gz")  # nobody reaches them from disk; sitemap lists .html URLs
DROPPED_PATTERNS = ("*.js.map", "*.css.map")  # source maps: only developer tools read them, and they double the zip


class OfflineError(Exception):
    """The offline config cannot give a working offline copy."""




def check(config: MkDocsConfig) -> None:
    """Refuse configs whose copy would break on file://."""
    if "material/offline" not in config.plugins and "offline" not in config.plugins:
        raise OfflineError("the offline plugin is not enabled: add `plugins: {offline: {}}` to the offline config")
    if config.use_directory_urls:
        raise OfflineError("use_directory_urls must be false: from disk a folder link opens a folder listing")
    features = config.theme.get("features") or []
    if "navigation.instant" in features:
        raise OfflineError("navigation.instant does not work from file://: list theme.features without it")
    if not any("iframe-worker" in str(p) and "://" not in str(p) for p in config.extra.get("polyfills", [])):
        raise OfflineError("extra.polyfills must name the local iframe-worker shim, or Material fetches it from a CDN")


def lost_plugins(config_file: Path, config: MkDocsConfig) -> list[str]:
    """Plugins of the inherited site config that the offline config dropped. INHERIT merges mappings but
    replaces lists: with `plugins:` as a list in mkdocs.yml, the offline config's plugins replace them all."""
    found = re.search(r"(?m)^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(#.*)?$", config_file.read_text(encoding="utf-8"))
    if not found:
        return []
    site = load_config(str(config_file.parent / found[1]))
    return sorted(set(site.plugins) - set(config.plugins))


def build_offline(config_file: Path, site_dir: Path) -> MkDocsConfig:
    """A strict MkDocs build of the offline variant into `site_dir` (emptied first)."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    check(config)
    lost = lost_plugins(config_file, config)
    if lost:
        raise OfflineError(f"plugins of the site missing offline: {', '.join(lost)}; write `plugins:` in the "
                           "inherited config as a mapping (`search: {}`), not a list, so INHERIT adds to it")
    build(config)
    for folder in (site_dir, *(p for p in site_dir.iterdir() if p.is_dir() and (p / "sitemap.xml").exists())):
        for name in DROPPED:  # at the root and in each language edition's folder
            (folder / name).unlink(missing_ok=True)
    for pattern in DROPPED_PATTERNS:
        for path in site_dir.rglob(pattern):
            path.unlink()
    return config


def write_zip(folder: Path, zip_path: Path, root: str, epoch: int) -> int:
    """Zip `folder` as `root/...`: sorted entries, one fixed timestamp, fixed modes. Returns the file count."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{root}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix, so the modes above are read as such
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return len(files)


def make_offline(config_file: Path, dist: Path, epoch: int | None = None) -> tuple[Path, Path]:
    """Build dist/<name>-offline/ and dist/<name>-offline.zip; return both paths."""
    dist.mkdir(parents=True, exist_ok=True)
    staging = dist / ".offline.new"
    shutil.rmtree(staging, ignore_errors=True)
    config = build_offline(config_file, staging)
    name = f"{slug(config)}-offline"
    if epoch is None:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or DEFAULT_EPOCH)
    zip_new = dist / f".{name}.zip.new"
    write_zip(staging, zip_new, name, epoch)
    folder, archive = dist / name, dist / f"{name}.zip"
    old = dist / ".offline.old"
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    zip_new.replace(archive)
    shutil.rmtree(old, ignore_errors=True)
    pdf = folder / f"{slug(config)}.pdf"  # the print edition (the explainer plugin's), beside the copy
    if pdf.exists():
        shutil.copyfile(pdf, dist / pdf.name)
    return folder, archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.offline.yml"))
    parser.add_argument("-o", "--dist", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    try:
        folder, archive = make_offline(args.config_file, args.dist)
    except OfflineError as err:
        print(f"{args.config_file}: {err}", file=sys.stderr)
        return 1
    except (Abort, MkDocsException) as err:
        print(f"offline: build failed: {err}", file=sys.stderr)
        return 1
    size = archive.stat().st_size / 1024
    print(f"offline: built {folder}/ and {archive} ({size:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
