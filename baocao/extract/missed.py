"""Lines of print the page OCR passed over: a signer's name under a seal and a signature
("Trần Phước Hiền" below the seal's ring) is often taken for part of a picture by
Tesseract's page layout. Ink shaped like a line of text that no word of the page reading
covers is read again on its own, with the seal's red and the pen's blue taken out; what it
reads is kept only when it is confident Vietnamese words without a digit (a wrong number
is worse than a missing one)."""

from __future__ import annotations

import statistics

import cv2
import numpy as np
import regex
from PIL import Image

from baocao.datamodel import Line, Word
from baocao.errors import PageError
from baocao.extract import tesseract
from baocao.extract.handwriting import PEN_MIN, SEAL_MIN, Inks
from baocao.vietnamese.syllables import is_vietnamese_syllable
from baocao.vietnamese.text import normalize

# Darker than this (0–255) is ink; the search runs on a copy this many times smaller.
INK_GREY, SHRINK = 140, 2
# Pixels around each word the page reading found, left out of the search.
AROUND_WORD = 4
# A line of text: its height this share of the page's letter height, its width at least
# this many letter heights, and this share of its box inked.
LINE_HEIGHT = (0.5, 1.8)
MIN_WIDTH = 3.0
INK_SHARE = (0.08, 0.5)
# At most this many lines are read again on a page (the widest first): each costs a run.
MAX_LINES = 4
# Tesseract's mode for one line of text.
PSM_LINE = 7
# What is kept: words read with this mean confidence, at least two of them Vietnamese
# syllables (quotes and commas around them aside), none of them holding a digit.
MIN_CONFIDENCE = 70.0
MIN_SYLLABLES = 2
DIGIT = regex.compile(r"\d")


def missed_lines(lines: list[Line], page: Image.Image, found: Inks | None) -> list[Line]:
    """The lines of print on the page that no word of `lines` covers, read on their own."""
    heights = [w.height for line in lines for w in line.words if w.text.isalpha()]
    if not heights:
        return []
    letter = statistics.median(heights)
    grey = np.array(page.convert("L"))
    if found is not None:  # the seal's and the pen's ink are no print
        grey[(found.seal >= SEAL_MIN) | (found.pen >= PEN_MIN)] = 255
    out = []
    for box in _unread(grey, lines, letter)[:MAX_LINES]:
        line = _read(grey, box, letter)
        if line is not None:
            out.append(line)
    return out


def _unread(grey: np.ndarray, lines: list[Line], letter: float
            ) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of ink shaped like a line of text that no word of
    the page reading covers, the widest first."""
    ink = (grey[::SHRINK, ::SHRINK] < INK_GREY).astype(np.uint8)
    for line in lines:
        for w in line.words:
            top, left = (max(0, int(v - AROUND_WORD) // SHRINK) for v in (w.top, w.left))
            bottom = int(w.top + w.height + AROUND_WORD) // SHRINK + 1
            right = int(w.left + w.width + AROUND_WORD) // SHRINK + 1
            ink[top:bottom, left:right] = 0
    small = letter / SHRINK
    joined = cv2.dilate(ink, np.ones((1, max(3, int(small * 0.5))), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    boxes = []
    for x, y, w, h, _ in stats[1:n]:
        if not (LINE_HEIGHT[0] * small <= h <= LINE_HEIGHT[1] * small and w >= MIN_WIDTH * small):
            continue
        share = ink[y:y + h, x:x + w].mean()
        if INK_SHARE[0] <= share <= INK_SHARE[1]:
            boxes.append((x * SHRINK, y * SHRINK, (x + w) * SHRINK, (y + h) * SHRINK))
    return sorted(boxes, key=lambda b: b[0] - b[2])


def _read(grey: np.ndarray, box: tuple[int, int, int, int], letter: float) -> Line | None:
    """One unread line read on its own, as a line of the page; None where what is read is
    not confident Vietnamese words."""
    margin = int(letter * 0.3)
    left, top = max(0, box[0] - margin), max(0, box[1] - margin)
    crop = Image.fromarray(grey[top:box[3] + margin, left:box[2] + margin])
    try:
        read, _ = tesseract.ocr_image(crop, psm=PSM_LINE)
    except PageError:
        return None
    words = [w for line in read for w in line.words]
    texts = [normalize(w.text).strip("“”\"'‘’,.;:") for w in words]
    confs = [w.conf or 0.0 for w in words]
    if (not words or sum(confs) / len(confs) < MIN_CONFIDENCE
            or any(DIGIT.search(t) for t in texts)
            or sum(is_vietnamese_syllable(t) for t in texts) < MIN_SYLLABLES):
        return None
    placed = [Word(w.text, w.left + left, w.top + top, w.width, w.height, w.conf)
              for w in words]
    return Line(" ".join(w.text for w in placed), min(w.left for w in placed),
                max(w.left + w.width for w in placed), min(w.top for w in placed),
                max(w.top + w.height for w in placed), placed)
