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


def read_page(source: Path | bytes, index: int) -> PageContent:
    """Page `index` (0-based) of a document open_document accepted, read on its own from
    the file or its bytes, so that pages can be read in parallel by workers."""
    from baocao.extract.image import read_image_page
    from baocao.extract.pdf import read_pdf_page

    if isinstance(source, bytes):
        head = source[:1024]
    else:
        with source.open("rb") as fh:
            head = fh.read(1024)
    return read_pdf_page(source, index) if b"%PDF-" in head else read_image_page(source, index)


def page_count(path: Path) -> int:
    """Pages in a file, for the progress bar; 0 when it cannot be opened (processing will
    record why)."""
    import pypdfium2 as pdfium
    from PIL import Image

    try:
        with path.open("rb") as fh:
            is_pdf = b"%PDF-" in fh.read(1024)
        if is_pdf:
            pdf = pdfium.PdfDocument(str(path))
            try:
                return len(pdf)
            finally:
                pdf.close()
        with Image.open(path) as image:
            return getattr(image, "n_frames", 1)
    except Exception:
        return 0
