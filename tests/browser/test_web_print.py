"""The print edition as readers get it: the PDF inside the offline copy and beside it in dist/, and the print
page printed from the browser (A4 and US Letter) with no site chrome and no page break inside an event."""

from __future__ import annotations

import zipfile

import pytest
from browsing import LocalServer, open_page
from playwright.sync_api import Browser
from pypdf import PdfReader
from webcase import Builds

pytestmark = pytest.mark.browser
SLUG = "belarus-ukraine-2020"


def test_the_offline_copy_holds_the_pdf_and_dist_gets_it(builds: Builds) -> None:
    inside = builds.offline / f"{SLUG}.pdf"
    assert PdfReader(inside).pages
    assert f"{builds.offline.name}/{SLUG}.pdf" in zipfile.ZipFile(builds.archive).namelist()
    assert (builds.archive.parent / f"{SLUG}.pdf").read_bytes() == inside.read_bytes()
    assert (builds.offline / "uk" / f"{SLUG}.pdf").is_file() and (builds.offline / "be" / f"{SLUG}.pdf").is_file()
    assert f'href="{SLUG}.pdf"' in (builds.offline / "data.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_print_page_prints_without_the_site_chrome(builds: Builds, server: LocalServer, browser: Browser,
                                                       paper: str) -> None:
    with open_page(browser, server.base + "print/", server.origin) as (page, visit):
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".x-print__pdf", ".md-footer"):
            assert not page.locator(chrome).first.is_visible(), chrome
        assert page.locator(".x-print__event").count() == 18
        assert page.locator("#story h2").first.is_visible()
        breaks = page.eval_on_selector(".x-print__event", "e => getComputedStyle(e).breakInside")
        assert breaks == "avoid"
        pdf = page.pdf(format=paper, print_background=True)
        assert pdf.startswith(b"%PDF-") and len(pdf) > 50_000
        assert visit.outside_requests == [] and visit.page_errors == []
