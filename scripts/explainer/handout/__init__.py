"""The print edition as one document: the hand-written story put into the generated print page, its links
turned into links inside the document (links.py), and the PDF made from it with WeasyPrint (pdf.py).
No MkDocs here: the plugin hands over page addresses and HTML."""

from __future__ import annotations

from .links import Handout, anchor
from .pdf import PdfUnavailable, document, make_pdf, require_weasyprint, write_pdf

__all__ = ["Handout", "PdfUnavailable", "anchor", "document", "make_pdf", "require_weasyprint", "write_pdf"]
