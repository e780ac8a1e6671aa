"""The print edition as a tagged PDF (PDF/UA-1) made with WeasyPrint, from the print page's HTML and the
project's own print stylesheet only (Material's layout CSS breaks WeasyPrint's pagination). The same HTML and
SOURCE_DATE_EPOCH give the same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .links import Handout

STYLESHEET = Path(__file__).with_name("print.css")
PAPER = {"a4": "A4", "letter": "letter"}
INSTALL = (
    "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
    " (WeasyPrint needs Pango and HarfBuzz; or set `pdf: false` for the explainer plugin)"
)
_env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
_DOCUMENT = _env.from_string(
    """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
{% if description %}<meta name="description" content="{{ description }}">
{% endif %}{% if created %}<meta name="dcterms.created" content="{{ created }}">
<meta name="dcterms.modified" content="{{ created }}">
{% endif %}<meta name="generator" content="explainer">
<style>@page { size: {{ paper }}; }</style>
</head>
<body>
{{ content }}
</body>
</html>
"""
)


class PdfUnavailable(Exception):
    """WeasyPrint cannot run here (its system libraries are missing): the message says what to install."""


def require_weasyprint() -> Any:
    """The weasyprint module, or PdfUnavailable with a one-line instruction."""
    try:
        import weasyprint
    except (ImportError, OSError) as err:  # OSError: Pango or HarfBuzz not found
        raise PdfUnavailable(f"the PDF needs WeasyPrint and its libraries ({err}): {INSTALL}") from None
    return weasyprint


def document(
    content: str, *, title: str, lang: str, description: str = "", epoch: int | None = None, paper: str = "a4"
) -> str:
    """The standalone HTML the PDF is made from: the print page's content (HTML, already safe) and metadata."""
    created = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if epoch is not None else ""
    return _DOCUMENT.render(
        content=Markup(content),
        title=title,
        lang=lang or "en",
        description=description,
        created=created,
        paper=PAPER.get(paper, "A4"),
    )


def make_pdf(html: str, base_url: str) -> bytes:
    """The PDF of `document()`'s HTML: PDF/UA-1 (tagged, title shown, language set), fonts embedded."""
    weasyprint = require_weasyprint()
    pdf: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))],
        pdf_variant="pdf/ua-1",
        pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),  # same HTML, same bytes
    )
    return pdf


def write_pdf(handout: Handout, site_dir: str, options: Any, theme: Any) -> str:
    """The print edition as `options.pdf` in `site_dir` (`options`: render/page.py's Options; `theme`: MkDocs'
    theme config, for its language); says what it made."""
    started = time.perf_counter()
    lang = theme.get("language") or "en"
    html = document(
        handout.print_html,
        title=handout.title or options.site_name,
        lang=lang,
        epoch=options.epoch,
        description=options.description,
        paper=options.paper,
    )
    folder = Path(site_dir)
    pdf = make_pdf(html, base_url=(folder / "print").resolve().as_uri() + "/")
    (folder / options.pdf).write_bytes(pdf)
    return f"{options.pdf}: {len(pdf) // 1024} KiB in {time.perf_counter() - started:.1f} s"
