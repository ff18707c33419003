"""extract/: page text out of PDFs and images (text layer or Tesseract OCR)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from baocao.datamodel import PageContent
from baocao.errors import DocumentError

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES


def open_document(path: Path) -> tuple[int, Iterator[PageContent]]:
    """Check what the file really is, then return its page count and a stream of pages.

    Raises DocumentError with a readable reason when the file cannot be read at all.
    """
    from baocao.extract.image import open_image
    from baocao.extract.pdf import open_pdf

    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"unsupported file type '{suffix or path.name}': baocao reads PDF, PNG, JPEG and TIFF"
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        raise DocumentError("empty file (0 bytes)")
    if b"%PDF-" in head:
        return open_pdf(path)
    if suffix in PDF_SUFFIXES:
        raise DocumentError("not a PDF: the file is named .pdf but does not start with %PDF-")
    return open_image(path)


def read_page(path: Path, index: int) -> PageContent:
    """Page `index` (0-based) of a document open_document accepted, read on its own, so
    that pages can be read in parallel by worker processes."""
    from baocao.extract.image import read_image_page
    from baocao.extract.pdf import read_pdf_page

    with path.open("rb") as fh:
        is_pdf = b"%PDF-" in fh.read(1024)
    return read_pdf_page(path, index) if is_pdf else read_image_page(path, index)
