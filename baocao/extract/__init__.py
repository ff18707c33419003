"""extract/: page text out of PDFs and images (text layer or Tesseract OCR).

It stands on vietnamese/ and datamodel only: nothing here knows of nlp/ or pipelines/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from baocao.datamodel import PageContent
from baocao.errors import DocumentError
from baocao.extract.files import (
    PDF_SUFFIXES,
    READABLE_IMAGES,
    SUPPORTED_SUFFIXES,
    check_regular,
    head,
    is_pdf,
    is_regular,
    sniff,
)

__all__ = ["SUPPORTED_SUFFIXES", "open_document", "page_count", "page_images", "read_page"]


def open_document(path: Path) -> tuple[int, Iterator[PageContent]]:
    """Check what the file really is, then return its page count and a stream of pages.

    Raises DocumentError with a readable reason when the file cannot be read at all.
    """
    from baocao.extract.image import open_image
    from baocao.extract.pdf import open_pdf
    from baocao.extract.tesseract import limit_threads

    limit_threads()
    check_regular(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"unsupported file type '{suffix or path.name}': baocao reads PDF, PNG, JPEG and TIFF"
        )
    first = head(path)
    if not first:
        raise DocumentError("empty file (0 bytes)")
    kind = sniff(first)
    if kind == "PDF":
        return open_pdf(path)
    if suffix in PDF_SUFFIXES:
        raise DocumentError("not a PDF: the file is named .pdf but does not start with %PDF-")
    if kind is not None and kind not in READABLE_IMAGES:
        raise DocumentError(f"not what its name says: a {kind} file named {suffix}; baocao "
                            "reads PDF, PNG, JPEG and TIFF")
    return open_image(path)


def read_page(source: Path | bytes, index: int) -> PageContent:
    """Page `index` (0-based) of a document open_document accepted, read on its own from
    the file or its bytes, so that pages can be read in parallel by workers."""
    from baocao.extract.image import read_image_page
    from baocao.extract.pdf import read_pdf_page
    from baocao.extract.tesseract import limit_threads

    limit_threads()
    return read_pdf_page(source, index) if is_pdf(source) else read_image_page(source, index)


def page_count(path: Path) -> int:
    """Pages in a file, for the progress bar; 0 when it cannot be opened (processing will
    record why)."""
    import pypdfium2 as pdfium

    if not is_regular(path):  # a FIFO would block here
        return 0
    try:
        if is_pdf(path):
            pdf = pdfium.PdfDocument(str(path))
            try:
                return len(pdf)
            finally:
                pdf.close()
        with Image.open(path) as image:
            return getattr(image, "n_frames", 1)
    except Exception:
        return 0


def page_images(path: Path, n_pages: int, width: int) -> dict[int, Image.Image]:
    """Pages 1…n_pages of a file as greyscale images `width` pixels wide, for people to look
    at (review pages), not for OCR."""
    from baocao.extract.pdf import render_width
    from baocao.extract.prepare import check_page_shape

    if is_pdf(path):
        return render_width(path, n_pages, width)
    out = {}
    with Image.open(path) as image:
        for i in range(min(getattr(image, "n_frames", 1), n_pages)):
            image.seek(i)
            check_page_shape(*image.size)
            frame = image.convert("L")
            height = round(frame.height * width / frame.width)
            out[i + 1] = frame.resize((width, height))
    return out
