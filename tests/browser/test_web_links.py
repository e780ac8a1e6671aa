"""A crawl of every page, online and offline, finds no broken link, anchor or asset, and no asset from
another host; the offline copy has no folder links or root-absolute paths (they break from disk)."""
from __future__ import annotations

from sitecheck import Site
from webcase import Builds


def test_no_broken_link_in_the_site(builds: Builds) -> None:
    problems = Site(builds.site, builds.prefix).problems()
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_no_broken_link_in_the_offline_copy(builds: Builds) -> None:
    problems = Site(builds.offline, offline=True).problems()
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:40])
