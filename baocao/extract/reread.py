"""Numbers read a second time: each OCR word that is written as a number is cut out of the
page, enlarged where its letters are small, cleaned to black on white, and read again with
only digits and number marks allowed. A number both readings agree on is trusted; one they
do not ("7025" read again as "2025", a handwritten "899" as "299") is not.

The crops of a page are stacked into one image, one per row, and read in one Tesseract
run: a run per word would cost about 0.4 s each, a page's OCR several seconds."""

from __future__ import annotations

import cv2
import numpy as np
import regex
from PIL import Image

from baocao.datamodel import Line, Word
from baocao.errors import PageError
from baocao.extract import tesseract

# A word written as a number, punctuation around it allowed: what is read again.
# Examples: "2.870", "94,2%", "13/3/2025", "(1)", "2025,", "7025"
NUMBER_WORD = regex.compile(r"\(?\d[\d.,/%-]*\)?[.,;:]?")
# Longer than this it is no number a reader needs checked (a serial, a code).
MAX_CHARS = 16
# Each crop is at least this tall (pixels) once enlarged: Tesseract reads best letters of
# 20–40 pixels, and a footnote's digits are smaller.
MIN_HEIGHT = 48
# Pixels kept around a word's box, and white between two crops on the stacked image.
PAD, GAP = 2, 40


def reread_numbers(lines: list[Line], page: Image.Image) -> list[Line]:
    """The lines with the `reread` of each number word set to the digits its second reading
    found ("" where it found none); other words unchanged. Where the second reading fails
    the lines stay as they were: the page's own reading stands."""
    picked = [(i, j) for i, line in enumerate(lines) for j, w in enumerate(line.words)
              if len(w.text) <= MAX_CHARS and NUMBER_WORD.fullmatch(w.text)]
    if not picked:
        return lines
    grey = page.convert("L")
    sheet, rows = _sheet([_crop(grey, lines[i].words[j]) for i, j in picked])
    try:
        chars = tesseract.read_digits(sheet)
    except PageError:
        return lines
    found = [""] * len(rows)
    for char, _, top, _, bottom in chars:
        middle = (top + bottom) / 2
        for k, (start, end) in enumerate(rows):
            if start - GAP / 2 <= middle < end + GAP / 2:
                if char.isdigit():
                    found[k] += char
                break
    readings = {place: digits for place, digits in zip(picked, found, strict=True)}
    out = []
    for i, line in enumerate(lines):
        words = [_with(w, readings[i, j]) if (i, j) in readings else w
                 for j, w in enumerate(line.words)]
        out.append(Line(line.text, line.x0, line.x1, line.top, line.bottom, words))
    return out


def _with(word: Word, reread: str) -> Word:
    return Word(word.text, word.left, word.top, word.width, word.height, word.conf,
                word.bold, word.italic, word.size, reread, word.handwritten)


def _crop(grey: Image.Image, word: Word) -> np.ndarray:
    """The word's box on the page, black on white (Otsu's threshold within the box: a faded
    scan keeps its thin strokes), enlarged to MIN_HEIGHT where it is smaller."""
    box = (max(0, int(word.left) - PAD), max(0, int(word.top) - PAD),
           int(word.left + word.width) + PAD, int(word.top + word.height) + PAD)
    # the threshold is found on the box with a letter's height of paper around it: a lone
    # digit's own box holds too little paper to tell ink from it
    around = int(word.height)
    wide = (max(0, box[0] - around), max(0, box[1] - around), box[2] + around, box[3] + around)
    level, _ = cv2.threshold(np.asarray(grey.crop(wide)), 0, 255,
                             cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, crop = cv2.threshold(np.asarray(grey.crop(box)), level, 255, cv2.THRESH_BINARY)
    if crop.shape[0] < MIN_HEIGHT:
        scale = MIN_HEIGHT / crop.shape[0]
        crop = cv2.resize(crop, (max(1, round(crop.shape[1] * scale)), MIN_HEIGHT),
                          interpolation=cv2.INTER_CUBIC)
    return crop


def _sheet(crops: list[np.ndarray]) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The crops stacked one per row on a white sheet, and the rows they stand on."""
    width = max(c.shape[1] for c in crops) + 2 * GAP
    height = sum(c.shape[0] + GAP for c in crops) + GAP
    sheet = np.full((height, width), 255, np.uint8)
    rows, y = [], GAP
    for crop in crops:
        sheet[y:y + crop.shape[0], GAP:GAP + crop.shape[1]] = crop
        rows.append((y, y + crop.shape[0]))
        y += crop.shape[0] + GAP
    return Image.fromarray(sheet), rows
