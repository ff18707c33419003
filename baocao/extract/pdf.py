"""PDF input: the pdfplumber text layer where it is usable, else a 300-DPI render for OCR."""

from __future__ import annotations

import atexit
import io
import logging
import math
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdftypes import PDFStream, resolve1
from PIL import Image

from baocao.datamodel import PageContent, TableGrid
from baocao.errors import DocumentError, PageError
from baocao.extract import textlayer
from baocao.extract.blank import REASON as BLANK
from baocao.extract.handwriting import inks
from baocao.extract.legacy import legacy_bytes_in_pdfminer
from baocao.extract.prepare import MAX_PAGE_PIXELS, check_page_shape
from baocao.extract.scan import read_scan
from baocao.extract.table_text import text_tables

log = logging.getLogger(__name__)

DPI = 300
# The colour render that tells pen and seal inks from print: a pen's colour holds at a
# quarter of the pixels (a ballpoint's median blue is the same at 100 DPI as at 300).
INK_DPI = 150
# A bound archive volume is a few thousand pages at most; 100,000 tiny pages is an attack
# on every loop over pages.
MAX_PAGES = 5_000
# The drawing instructions of one page, inflated: a full page of text is well under 1 MB;
# a 1 MB file whose page inflates to 1 GB would take gigabytes to parse or draw.
MAX_CONTENT_BYTES = 64 << 20
# A page smaller than this (points, 1 inch) a side holds nothing to read.
MIN_PAGE_POINTS = 72
# The images one page draws are decoded whole by PDFium, whatever the size they are drawn
# at: no more pixels in all than an image file may hold (an A3 sheet scanned at 600 DPI is
# 70 megapixels). A CCITT or JBIG2 image of 60,000 × 60,000 pixels fits in a few KB.
MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS
# PDFium draws forms (XObjects) nested up to 40 deep; their images count too.
MAX_FORM_DEPTH = 40
# A worker reads one page of a file at a time, often many of one file in turn. pdfminer
# lists a file's pages anew each time it opens the file (0.27 s for 2,000 pages, far longer
# than reading a blank page), so the file stays open between its pages: for a REOPEN_SHARE
# of them, at most REOPEN_MOST (each page costs then about 6 ms of listing, and what
# pdfminer keeps of the objects read, a scan's image on each page, stays small), and at most
# KEEP_OPEN files at a time (the pages of two documents come interleaved).
REOPEN_SHARE, REOPEN_MOST = 1 / 40, 50
KEEP_OPEN = 2


def open_pdf(path: Path) -> tuple[int, Iterator[PageContent]]:
    """Open a PDF (raising DocumentError if it cannot be) and stream its pages one at a time."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise DocumentError("encrypted PDF: it needs a password to open") from exc
        reason = msg.removeprefix("Failed to load document ").strip(" .()")
        raise DocumentError(f"corrupt PDF ({reason})") from exc
    n_pages = len(pdf)
    if n_pages == 0:
        pdf.close()
        raise DocumentError("corrupt PDF: it has no pages")
    if n_pages > MAX_PAGES:
        pdf.close()
        raise DocumentError(f"too many pages for one document: {n_pages} (limit {MAX_PAGES}; "
                            "split the volume)")
    return n_pages, _pages(path, pdf)


def _pages(path: Path, pdf: pdfium.PdfDocument) -> Iterator[PageContent]:
    plumber = _open_plumber(path)
    try:
        for i in range(len(pdf)):
            yield _page(pdf, plumber, i)
    finally:
        pdf.close()
        _close_plumber(plumber)


def read_pdf_page(source: Path | bytes, i: int) -> PageContent:
    """Page i alone (a worker's task when pages are read side by side), from the file or
    from its bytes (a cluster worker that cannot see the file)."""
    if not isinstance(source, bytes):
        opened = _opened(source)
        return _page(opened.pdf, opened.plumber, i)
    opened = _Open(pdfium.PdfDocument(source), _open_plumber(source))
    try:
        return _page(opened.pdf, opened.plumber, i)
    finally:
        opened.close()


@dataclass
class _Open:
    """A PDF open in a worker, for its pages read one at a time."""

    pdf: pdfium.PdfDocument
    plumber: pdfplumber.PDF | None
    pages_read: int = 0

    def close(self) -> None:
        self.pdf.close()
        _close_plumber(self.plumber)

    def worn(self) -> bool:
        """Whether it has served its share of the file's pages."""
        return self.pages_read >= min(REOPEN_MOST, max(1, int(len(self.pdf) * REOPEN_SHARE)))


_open_files: dict[tuple, _Open] = {}  # by the file's path and identity, the latest last


@atexit.register
def _close_open_files() -> None:
    """Closed before the interpreter ends, not by PDFium's finaliser (which warns)."""
    while _open_files:
        _open_files.popitem()[1].close()


def _opened(path: Path) -> _Open:
    """The file open (again, if it has changed since it was opened or its share of pages is
    served)."""
    stat = path.stat()
    key = (str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    opened = _open_files.pop(key, None)
    if opened is not None and opened.worn():
        opened.close()
        opened = None
    if opened is None:
        while len(_open_files) >= KEEP_OPEN:
            _open_files.pop(next(iter(_open_files))).close()
        opened = _Open(pdfium.PdfDocument(str(path)), _open_plumber(path))
    opened.pages_read += 1
    _open_files[key] = opened
    return opened


def _open_plumber(source: Path | bytes) -> pdfplumber.PDF | None:
    """pdfminer is stricter than PDFium; when it cannot parse the file every page is OCRed."""
    try:
        return pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    except Exception:
        return None


def _close_plumber(plumber: pdfplumber.PDF | None) -> None:
    """Close the file alone: pdfplumber's own close lists every page again to close each
    (0.3 s for 2,000 pages); the pages read were closed when read, the rest is let go."""
    if plumber is not None:
        plumber.stream.close()


def _page(pdf: pdfium.PdfDocument, plumber: pdfplumber.PDF | None, i: int) -> PageContent:
    page_no = i + 1
    try:
        _check_content_size(plumber, i)
        records, width, height, image_cover, tables = _text_layer(plumber, i)
        verdict, lines = textlayer.judge(records, image_cover)
        if verdict.use:  # tables of a legacy-encoded layer are left out: their text is raw
            return PageContent(page_no, verdict.source, lines, width, height,
                               encoding=verdict.encoding, reason=verdict.reason,
                               text_score=verdict.score,
                               tables=tables if verdict.source == "text" else [])
        page = _empty(pdf, i) or _scanned(pdf, i)
        reason = "; ".join(r for r in (verdict.reason, page.reason) if r)  # and why blank
        return replace(page, reason=reason, text_score=verdict.score)
    except PageError as exc:
        return PageContent(page_no, "ocr", [], 0, 0, error=str(exc), retryable=exc.retryable)
    except MemoryError:
        return PageContent(page_no, "ocr", [], 0, 0, error="out of memory reading this page",
                           retryable=True)
    except pdfium.PdfiumError as exc:
        return PageContent(page_no, "ocr", [], 0, 0, error=f"page cannot be rendered: {exc}")


def _scanned(pdf: pdfium.PdfDocument, i: int) -> PageContent:
    """Page i read by OCR: rendered in greyscale for Tesseract (pdfium's own grey, which
    OCR was tuned on) and in colour, at INK_DPI, for the pen ink of handwriting and the
    seals' red, the colour page let go once its inks are found."""
    coloured = inks(render(pdf, i, INK_DPI, colour=True))
    return read_scan(render(pdf, i), i + 1, DPI, coloured)


def _empty(pdf: pdfium.PdfDocument, i: int) -> PageContent | None:
    """Page i recorded blank, unrendered, when it has nothing to draw: no content, no
    annotations (a volume's blank pages, as a PDF writer leaves them); None otherwise."""
    page = pdf[i]
    try:
        if pdfium_c.FPDFPage_CountObjects(page.raw) or pdfium_c.FPDFPage_GetAnnotCount(page.raw):
            return None
        width, height = (math.ceil(side * DPI / 72) for side in page.get_size())  # as rendered
    finally:
        page.close()
    return PageContent(i + 1, "blank", [], width, height, dpi=DPI, reason=BLANK)


def _text_layer(plumber: pdfplumber.PDF | None, i: int
                ) -> tuple[list[dict], float, float, float, list[TableGrid]]:
    """pdfplumber's text lines (with their chars and fonts), the page size, the share
    of the page that images cover, and the page's ruled tables."""
    if plumber is None:
        return [], 0, 0, 0, []
    try:
        with legacy_bytes_in_pdfminer():  # TCVN3 has ư at byte 0xAD, which pdfminer reads as " "
            return _layer_of(plumber.pages[i])
    except Exception:  # a broken content stream: fall back to OCR for this page
        return [], 0, 0, 0, []


def _layer_of(page: pdfplumber.page.Page
              ) -> tuple[list[dict], float, float, float, list[TableGrid]]:
    records = page.extract_text_lines(strip=True, return_chars=True)
    width, height = float(page.width), float(page.height)
    covered = sum(max(0.0, float(im["x1"]) - float(im["x0"]))
                  * max(0.0, float(im["bottom"]) - float(im["top"])) for im in page.images)
    try:
        tables = text_tables(page) if records else []
    except Exception:  # odd drawing on the page: its text is still good
        tables = []
    page.close()
    return records, width, height, min(1.0, covered / (width * height or 1)), tables


def render(pdf: pdfium.PdfDocument, i: int, dpi: int = DPI, width: int | None = None,
           colour: bool = False) -> Image.Image:
    """Render one page at `dpi` (or `width` pixels wide), refusing pages too large to be a
    real page: the one place PDF pages become images. In greyscale, unless `colour`: the
    page OCR reads is rendered in colour, so that pen ink can be told from print."""
    page = pdf[i]
    try:
        width_pt, height_pt = page.get_size()
        size = f"{width_pt / 72 * 2.54:.1f} × {height_pt / 72 * 2.54:.1f} cm"
        if min(width_pt, height_pt) < MIN_PAGE_POINTS:
            raise PageError(f"page too small to be a report page ({size})")
        scale = width / width_pt if width else dpi / 72
        try:
            check_page_shape(round(width_pt * scale), round(height_pt * scale))
        except PageError as exc:
            raise PageError(f"page cannot be a report page ({size}): {exc}") from None
        _check_images(page)
        return page.render(scale=scale, grayscale=not colour).to_pil()
    finally:
        page.close()


def _check_images(page: pdfium.PdfPage) -> None:
    """Refuse a page whose images hold more than MAX_IMAGE_PIXELS, from the sizes their
    dictionaries declare (inline images' too), before PDFium decodes any of them."""
    total, largest = 0, (0, 0)
    for image in page.get_objects([pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=MAX_FORM_DEPTH):
        try:
            width, height = image.get_px_size()
        except pdfium.PdfiumError:  # no size: PDFium will not draw it either
            continue
        total += width * height
        largest = max(largest, (width, height), key=lambda size: size[0] * size[1])
        if total > MAX_IMAGE_PIXELS:
            what = (f"image too large to decode: {largest[0]} × {largest[1]} pixels"
                    if largest[0] * largest[1] == total else "images too large to decode")
            raise PageError(f"{what}, {total // 1_000_000} megapixels (baocao decodes at most "
                            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels of images a page; "
                            "a decompression bomb?)")


def _check_content_size(plumber: pdfplumber.PDF | None, i: int) -> None:
    """Refuse a page whose content streams inflate past MAX_CONTENT_BYTES, counting them in
    chunks (never holding them) before pdfminer or PDFium parse them whole."""
    if plumber is None:
        return
    try:
        streams = [resolve1(ref) for ref in plumber.pages[i].page_obj.contents or []]
    except Exception:  # pdfminer cannot read the page: the text layer step says so
        return
    total = 0
    for stream in streams:
        if isinstance(stream, PDFStream):
            total += _inflated_size(stream, MAX_CONTENT_BYTES - total)
        if total > MAX_CONTENT_BYTES:
            raise PageError(f"page content too large: its drawing instructions inflate past "
                            f"the limit of {MAX_CONTENT_BYTES >> 20} MB (a decompression "
                            "bomb?)")


def _inflated_size(stream: PDFStream, limit: int) -> int:
    """Bytes a content stream holds once inflated, counted up to just past `limit`."""
    raw = stream.rawdata if stream.rawdata is not None else stream.data or b""
    filters = [str(getattr(f, "name", f)) for f, _ in stream.get_filters()]
    if not filters or filters[0] not in ("FlateDecode", "Fl"):
        return len(raw)
    inflate, size, rest = zlib.decompressobj(), 0, raw
    while rest and size <= limit:
        try:
            size += len(inflate.decompress(rest, 1 << 20))
        except zlib.error:  # broken data: pdfminer decides what it makes of it
            return size
        rest = inflate.unconsumed_tail
    return size


def render_width(path: Path, n_pages: int, width: int) -> dict[int, Image.Image]:
    """Pages 1…n_pages rendered `width` pixels wide, for people to look at; a page that
    cannot be a page (a decompression bomb, a strip) is left out, the others shown."""
    pdf = pdfium.PdfDocument(str(path))
    images = {}
    try:
        for i in range(min(len(pdf), n_pages)):
            try:
                images[i + 1] = render(pdf, i, width=width)
            except PageError as exc:
                log.warning("%s page %d not shown: %s", path, i + 1, exc)
        return images
    finally:
        pdf.close()
