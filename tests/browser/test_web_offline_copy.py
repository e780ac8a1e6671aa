"""The offline copy as delivered: a folder with index.html at its top and a reproducible zip of it."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from mkdocs.config import load_config
from webcase import Builds

from offline import OfflineError, check, lost_plugins, slug, write_zip

ROOT = Path(__file__).resolve().parents[2]


def test_the_zip_holds_the_folder_with_index_html_on_top(builds: Builds) -> None:
    name = builds.offline.name
    assert builds.archive.name == f"{name}.zip" and name.endswith("-offline")
    with zipfile.ZipFile(builds.archive) as zf:
        entries = zf.namelist()
        assert entries == sorted(entries)
        assert f"{name}/index.html" in entries and f"{name}/search/search_index.js" in entries
        assert {i.date_time for i in zf.infolist()} == {zf.infolist()[0].date_time}
        files = sorted(p.relative_to(builds.offline).as_posix() for p in builds.offline.rglob("*") if p.is_file())
        assert entries == [f"{name}/{f}" for f in files]
        assert zf.read(f"{name}/index.html") == (builds.offline / "index.html").read_bytes()
    assert (builds.offline / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    assert not [e for e in entries if e.endswith((".map", "/404.html", "/sitemap.xml"))]


def test_the_zip_is_reproducible(builds: Builds, tmp_path: Path) -> None:
    write_zip(builds.offline, tmp_path / "a.zip", "x", 1700000000)
    write_zip(builds.offline, tmp_path / "b.zip", "x", 1700000000)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


GOOD = {"use_directory_urls": "use_directory_urls: false\n", "plugins": "plugins:\n  offline: {}\n",
        "extra": "extra:\n  polyfills: [assets/vendor/iframe-worker/shim.js]\n", "theme": ""}
BAD = [("use_directory_urls", "use_directory_urls: true\n", "use_directory_urls"),
       ("plugins", "plugins:\n  search: {}\n", "offline plugin"),
       ("theme", "theme:\n  name: material\n  features: [navigation.instant]\n", "navigation.instant"),
       ("extra", "extra:\n  polyfills: [https://unpkg.com/iframe-worker/shim]\n", "polyfills")]


@pytest.mark.parametrize(("key", "bad", "complaint"), BAD, ids=[b[0] for b in BAD])
def test_configs_that_would_break_from_disk_are_refused(project: Path, key: str, bad: str, complaint: str) -> None:
    site_config = project / "mkdocs.yml"
    site_config.write_text(site_config.read_text().replace("plugins:\n  - search\n  - explainer\n", "plugins:\n  search: {}\n  explainer: {}\n"))
    offline_config = project / "mkdocs.offline.yml"
    offline_config.write_text("INHERIT: mkdocs.yml\n" + "".join(GOOD.values()))
    check(load_config(str(offline_config)))
    offline_config.write_text("INHERIT: mkdocs.yml\n" + "".join({**GOOD, key: bad}.values()))
    with pytest.raises(OfflineError, match=complaint):
        check(load_config(str(offline_config)))


def test_plugins_of_the_site_are_not_lost_offline(project: Path) -> None:
    offline_config = project / "mkdocs.offline.yml"
    offline_config.write_text("INHERIT: mkdocs.yml\n" + "".join(GOOD.values()))
    assert lost_plugins(offline_config, load_config(str(offline_config))) == ["explainer", "material/search"]  # a list in mkdocs.yml
    site_config = project / "mkdocs.yml"
    site_config.write_text(site_config.read_text().replace("plugins:\n  - search\n  - explainer\n", "plugins:\n  search: {}\n  explainer: {}\n"))
    assert lost_plugins(offline_config, load_config(str(offline_config))) == []


def test_the_slug_comes_from_the_site_address(builds: Builds) -> None:
    config = load_config(str(ROOT / "mkdocs.offline.yml"))
    assert slug(config) == builds.offline.name.removesuffix("-offline") == "belarus-ukraine-2020"
