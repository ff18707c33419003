"""A page image to page content: prepare it, OCR it with the segmentation mode that suits
the page, and record every setting, so a researcher can see where each number came from."""

from __future__ import annotations

from PIL import Image

from baocao.datamodel import PageContent
from baocao.extract import tesseract
from baocao.extract.prepare import orientation, prepare, turn_upright

# Tesseract's fully automatic segmentation (3) suits report pages; a page it reads poorly
# (a form, a table, a page of short lines) is read again as one uniform block (6) and the
# better reading kept.
PSM_PAGE = 3
PSM_BLOCK = 6
RETRY_BELOW_CONFIDENCE = 70.0


def read_scan(image: Image.Image, page_no: int, dpi: int | None) -> PageContent:
    """OCR one page image (raises PageError when Tesseract fails on it)."""
    prepared = prepare(image, dpi)
    lines, conf = tesseract.ocr_image(prepared.image, psm=PSM_PAGE)
    psm = PSM_PAGE
    if conf is None or conf < RETRY_BELOW_CONFIDENCE:  # upside down? (OSD only when in doubt)
        turn = orientation(prepared.image)
        if turn:
            turned = turn_upright(prepared.image, turn)
            turned_lines, turned_conf = tesseract.ocr_image(turned, psm=PSM_PAGE)
            if _quality(turned_lines, turned_conf) > _quality(lines, conf):
                lines, conf, prepared.image = turned_lines, turned_conf, turned
                prepared.steps.append(f"rotate {turn}°")
    if conf is None or conf < RETRY_BELOW_CONFIDENCE:
        block_lines, block_conf = tesseract.ocr_image(prepared.image, psm=PSM_BLOCK)
        if _quality(block_lines, block_conf) > _quality(lines, conf):
            lines, conf, psm = block_lines, block_conf, PSM_BLOCK
    return PageContent(
        page_no, "ocr", lines, prepared.image.width, prepared.image.height, conf, prepared.dpi,
        engine=f"tesseract {tesseract.check_tesseract()}", language=tesseract.LANG, psm=psm,
        preprocessing="; ".join(prepared.steps) or "none",
    )


def _quality(lines: list, conf: float | None) -> float:
    """Confident words read: a reading that is surer of as many words wins."""
    return sum(1 for line in lines for w in line.words if (w.conf or 0) >= 60) + (conf or 0) / 100
