"""PDF input: the pdfplumber text layer where it is usable, else a 300-DPI render for OCR."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from PIL import Image

from baocao.datamodel import Line, PageContent, Word
from baocao.errors import DocumentError, PageError
from baocao.extract import tesseract
from baocao.extract.image import MAX_PAGE_PIXELS

DPI = 300
# A page's text layer is trusted when it has at least this many letters…
MIN_LETTERS = 20
# …and this share of its characters are letters, digits, spaces or ordinary punctuation.
MIN_CLEAN_SHARE = 0.9


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
    return n_pages, _pages(path, pdf)


def _pages(path: Path, pdf: pdfium.PdfDocument) -> Iterator[PageContent]:
    plumber = _open_plumber(path)
    try:
        for i in range(len(pdf)):
            yield _page(pdf, plumber, i)
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()


def read_pdf_page(source: Path | bytes, i: int) -> PageContent:
    """Page i alone (a worker's task when pages are read side by side), from the file or
    from its bytes (a cluster worker that cannot see the file)."""
    pdf = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    plumber = _open_plumber(source)
    try:
        return _page(pdf, plumber, i)
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()


def _open_plumber(source: Path | bytes) -> pdfplumber.PDF | None:
    """pdfminer is stricter than PDFium; when it cannot parse the file every page is OCRed."""
    try:
        return pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    except Exception:
        return None


def _page(pdf: pdfium.PdfDocument, plumber: pdfplumber.PDF | None, i: int) -> PageContent:
    page_no = i + 1
    try:
        lines, width, height = _text_layer(plumber, i)
        if _usable(lines):
            return PageContent(page_no, "text", lines, width, height)
        image = render(pdf, i)
        lines, conf = tesseract.ocr_image(image)
        return PageContent(page_no, "ocr", lines, image.width, image.height, conf, DPI)
    except PageError as exc:
        return PageContent(page_no, "ocr", [], 0, 0, error=str(exc))
    except pdfium.PdfiumError as exc:
        return PageContent(page_no, "ocr", [], 0, 0, error=f"page cannot be rendered: {exc}")


def _text_layer(plumber: pdfplumber.PDF | None, i: int) -> tuple[list[Line], float, float]:
    if plumber is None:
        return [], 0, 0
    try:
        page = plumber.pages[i]
        raw = page.extract_text_lines(strip=True, return_chars=True)
        width, height = float(page.width), float(page.height)
        page.close()
    except Exception:  # a broken content stream: fall back to OCR for this page
        return [], 0, 0
    lines = [
        Line(
            text=unicodedata.normalize("NFC", r["text"]),
            x0=float(r["x0"]),
            x1=float(r["x1"]),
            top=float(r["top"]),
            bottom=float(r["bottom"]),
            words=_words(r["text"], [c for c in r["chars"] if c["text"].strip()]),
        )
        for r in raw
        if r["text"].strip()
    ]
    return lines, width, height


def _words(text: str, chars: list[dict]) -> list[Word]:
    """Split a text-layer line into words with boxes: pdfplumber's line text has the spaces
    (often absent from the PDF itself), its chars have the boxes, in the same order."""
    words: list[Word] = []
    boxes = iter(chars)
    for token in text.split():
        run = [next(boxes, None) for _ in token]
        run = [c for c in run if c is not None]
        if not run:
            break
        x0, x1 = min(c["x0"] for c in run), max(c["x1"] for c in run)
        top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
        words.append(Word(unicodedata.normalize("NFC", token), float(x0), float(top),
                          float(x1 - x0), float(bottom - top)))
    return words


def _usable(lines: list[Line]) -> bool:
    """A text layer is used only when it holds real text, not (cid:…) junk or a stray label."""
    text = "".join(line.text for line in lines)
    if "(cid:" in text or "\ufffd" in text:
        return False
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return False
    clean = sum(
        ch.isalnum() or ch.isspace() or unicodedata.category(ch)[0] in "PS" for ch in text
    )
    return clean / len(text) >= MIN_CLEAN_SHARE


def render(pdf: pdfium.PdfDocument, i: int, dpi: int = DPI) -> Image.Image:
    """Render one page in greyscale at `dpi`, refusing pages too large to be a real page."""
    page = pdf[i]
    try:
        width_pt, height_pt = page.get_size()
        scale = dpi / 72
        if width_pt * height_pt * scale * scale > MAX_PAGE_PIXELS:
            raise PageError(
                f"page is too large to be a report page "
                f"({width_pt / 72 * 2.54:.0f} × {height_pt / 72 * 2.54:.0f} cm)"
            )
        return page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()
