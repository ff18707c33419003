"""Blank pages: whether a page image holds anything to read, judged before any OCR.

The backs of sheets scanned with a volume, separator sheets, a page with only a stamp
showing through from the other side or a scanner's speckle: Tesseract takes a second or
more to read nothing on each. The test errs one way only: a page with any mark the size of
a small digit on it is read, a page number alone included."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

# The page is looked at at this resolution, its ink kept whole: each pixel the darkest of
# those it stands for, so a thin stroke is never averaged away.
INK_DPI = 75
# Ink is this many grey levels darker than the paper around it (the lightest within
# PAPER_MM): print, stamps and handwriting are 100–255 darker; text showing through from
# the back of the sheet, JPEG noise, uneven light and the paper's grain 10–60.
INK_CONTRAST = 80
PAPER_MM = 5.0
# A mark is ink at least this long one way: the digit of a page number in 9-point type is
# 2.2 mm tall; dust and toner specks are under 1.5 mm.
MIN_MARK_MM = 2.0
# Ink touching the image's edge, or lying wholly within this of it, is the scanner's: its
# borders, the shadow of the sheet's edge. Printed text keeps 10 mm or more from the edge
# of the sheet.
EDGE_MM = 5.0
REASON = "blank page: no ink to read (not OCRed)"


def is_blank(image: Image.Image, dpi: int) -> bool:
    """Whether the page image (at `dpi`) has no mark of ink on it that could be text."""
    grey = image if image.mode == "L" else image.convert("L")
    low, high = grey.getextrema()
    if high - low < INK_CONTRAST:  # one even shade: a white (or black) page
        return True
    page, dpi = _reduced(np.asarray(grey), dpi)
    mm = dpi / 25.4  # pixels a millimetre
    side = round(PAPER_MM * mm) | 1
    paper = cv2.dilate(page, np.ones((side, side), np.uint8))
    ink = (cv2.subtract(paper, page) >= INK_CONTRAST).astype(np.uint8)
    _, _, boxes, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    x, y, w, h = (boxes[1:, k] for k in range(4))
    height, width = page.shape
    edge = round(EDGE_MM * mm)
    marks = ((np.maximum(w, h) >= MIN_MARK_MM * mm)
             & (x > 0) & (y > 0) & (x + w < width) & (y + h < height)  # not touching it
             & (x + w > edge) & (y + h > edge) & (x < width - edge) & (y < height - edge))
    return not marks.any()


def _reduced(page: np.ndarray, dpi: int) -> tuple[np.ndarray, float]:
    """The page at about INK_DPI, each pixel the darkest of the block it stands for."""
    k = max(1, round(dpi / INK_DPI))
    if k == 1:
        return page, float(dpi)
    return cv2.erode(page, np.ones((k, k), np.uint8))[k // 2::k, k // 2::k], dpi / k
