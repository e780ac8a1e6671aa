"""Build an explainer's public site aside, then swap it in, then its offline copy (scripts/offline.py).

    python scripts/build_site.py [-f mkdocs.yml] [-d site] [--offline mkdocs.offline.yml] [--dist dist]

A failed build, or one killed half-way, leaves the previous site/ and offline copy exactly as they were:
MkDocs writes into a hidden sibling folder, which replaces the old one only once the build succeeded."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def build_aside(config: Path, site: Path) -> int:
    new, old = site.with_name(f".{site.name}.new"), site.with_name(f".{site.name}.old")
    shutil.rmtree(new, ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(new)],
                            check=False)
    if result.returncode != 0:
        shutil.rmtree(new, ignore_errors=True)
        print(f"site: the build failed; {site}/ is unchanged", file=sys.stderr)
        return result.returncode
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site: built into {site}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-d", "--site", type=Path, default=Path("site"))
    parser.add_argument("--offline", type=Path, help="offline config (INHERITs the site's); none: no offline copy")
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    code = build_aside(args.config, args.site)
    if code or args.offline is None:
        return code
    offline = Path(__file__).with_name("offline.py")
    return subprocess.run([sys.executable, str(offline), "-f", str(args.offline), "-o", str(args.dist)],
                          check=False, env=os.environ).returncode


if __name__ == "__main__":
    sys.exit(main())
