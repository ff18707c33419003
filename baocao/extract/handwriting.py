"""Words written by hand on a scan: the number and day filled in by pen in a title block, a
note in the margin. What OCR reads of them is never a typed value.

Two marks of a pen, each measured against the typed text around it:
- ink colour: blue or violet ballpoint against the page's black (or grey) print, on a colour
  scan; red is left out, since that is the seal's ink;
- digit height: a number written by hand stands taller than the typed digits of its line
  ("Số: 44 /CT-UBND … ngày 11 tháng 9 năm 2024": the typed "2024" is the yardstick).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import regex
from PIL import Image

from baocao.datamodel import Line, Word

# A pixel darker than this (0–255) on the page OCR read is ink.
INK_GREY = 170
# How much bluer than red and green a pixel is ("pen"): black or grey print on a colour scan
# stays under about 10; blue ballpoint reads 20–40.
PEN_MIN = 16
# How much redder than green and blue a pixel of a seal's ink is.
SEAL_MIN = 40
# A word is in pen ink when the median pen of its ink is this far above the page's own ink:
# a scan with a blue cast tints its print too.
PEN_ABOVE_PAGE = 12
# Fewer ink pixels than this in a word's box: too little to judge its colour.
MIN_INK = 40
# A run of digits alone (a handwritten "44"), and a typed yardstick on its line: three or more
# digits, nothing glued to them (a comma's tail would make it taller). Examples: "44", "2024"
DIGITS = regex.compile(r"\d{1,6}")
YARDSTICK = regex.compile(r"\d{3,}")
# A typed yardstick is read with this confidence at least.
YARDSTICK_CONF = 90.0
# Digits this much taller than the typed digits of their line are handwritten: typed digits
# of one font stand within 4 % of each other, handwritten ones 15–30 % taller.
TALLER = 1.1


@dataclass(frozen=True, slots=True)
class Inks:
    """Where a colour page has coloured ink, one value (0–255) per pixel: `pen`, how much
    bluer than red and green (ballpoint, violet ink); `seal`, how much redder than green and
    blue (a seal's ink, an incoming-mail stamp)."""

    pen: np.ndarray
    seal: np.ndarray


def inks(image: Image.Image) -> Inks | None:
    """The coloured inks of a page image, or None for a page with no colour (greyscale, or a
    colour scan of black print only)."""
    if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return None
    rgb = np.asarray(image.convert("RGB"))
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    # saturating uint8 arithmetic: no wider copy of a 300-DPI page
    pen = cv2.subtract(blue, cv2.max(red, green))
    seal = cv2.subtract(red, cv2.max(green, blue))
    if pen.max() < PEN_MIN and seal.max() < SEAL_MIN:
        return None
    return Inks(pen, seal)


def moved(found: Inks, size: tuple[int, int], turn: int, skew: float) -> Inks:
    """The inks of the page image as read (at any resolution), moved as the page was
    prepared for OCR (turned `turn` degrees clockwise, then `skew` degrees counter-clockwise
    about its centre: neither depends on the scale) and brought to `size`, the prepared
    image's, so that they lie under the OCR's word boxes."""
    return Inks(_moved(found.pen, size, turn, skew), _moved(found.seal, size, turn, skew))


def _moved(channel: np.ndarray, size: tuple[int, int], turn: int, skew: float) -> np.ndarray:
    quarter = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
               270: cv2.ROTATE_90_COUNTERCLOCKWISE}.get(turn % 360)
    if quarter is not None:
        channel = cv2.rotate(channel, quarter)
    if skew:
        h, w = channel.shape
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
        channel = cv2.warpAffine(channel, matrix, (w, h), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    if (channel.shape[1], channel.shape[0]) != size:
        channel = cv2.resize(channel, size, interpolation=cv2.INTER_LINEAR)
    return channel


def without_seals(page: Image.Image, found: Inks) -> Image.Image:
    """The page (greyscale, as OCR reads it) with the seals' red ink made paper: a seal over
    a signer's name, an incoming-mail stamp over a title, read as letters, would break the
    lines they cross. Black print under the red stays: it is dark, not red."""
    seal = found.seal >= SEAL_MIN
    if not seal.any():
        return page
    grey = np.array(page.convert("L"))
    grey[seal] = 255
    return Image.fromarray(grey)


def mark_handwriting(lines: list[Line], page: Image.Image, found: Inks | None
                     ) -> list[Line]:
    """The lines with each word's `handwritten` set: True in pen ink or a digit run taller
    than its line's typed digits, False otherwise; None where nothing could be judged (a
    word with no digit on a page with no colour)."""
    grey = np.asarray(page.convert("L"))
    pen = found.pen if found is not None else None
    page_pen = _page_pen(grey, pen)
    out = []
    for line in lines:
        typed = {i: _ink_height(w, grey) for i, w in enumerate(line.words)
                 if YARDSTICK.fullmatch(w.text) and (w.conf or 0) >= YARDSTICK_CONF}
        words = [_judged(w, grey, pen, page_pen, [h for j, h in typed.items() if j != i])
                 for i, w in enumerate(line.words)]
        out.append(Line(line.text, line.x0, line.x1, line.top, line.bottom, words))
    return out


def _judged(word: Word, grey: np.ndarray, pen: np.ndarray | None, page_pen: float,
            typed: list[float]) -> Word:
    """The word with `handwritten` set (a new Word: the OCR's own is left as it was), given
    the heights of the other typed digit runs of its line (none: its height is not judged)."""
    verdict: bool | None = None
    if pen is not None:
        verdict = _in_pen(word, grey, pen, page_pen)
    if DIGITS.fullmatch(word.text):
        typed = [h for h in typed if h > 0]
        taller = bool(typed) and _ink_height(word, grey) > TALLER * min(typed)
        verdict = bool(verdict) or taller
    return Word(word.text, word.left, word.top, word.width, word.height, word.conf,
                word.bold, word.italic, word.size, word.reread, verdict)


def _ink_height(word: Word, grey: np.ndarray) -> float:
    """The height of the word's glyphs: the ink blobs in its box that cross the box's middle
    row. Tesseract's box of a lone digit may reach into the next line ("2" boxed 47 px high
    where its glyph is 30)."""
    top, left = max(0, int(word.top)), max(0, int(word.left))
    ink = (grey[top:int(word.top + word.height), left:int(word.left + word.width)]
           < INK_GREY).astype(np.uint8)
    if ink.size == 0:
        return 0.0
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    middle = ink.shape[0] / 2
    spans = [(y, y + h) for _, y, _, h, _ in stats[1:n] if y <= middle <= y + h]
    return float(max(b for _, b in spans) - min(a for a, _ in spans)) if spans else 0.0


def _page_pen(grey: np.ndarray, pen: np.ndarray | None) -> float:
    """The median pen of the page's ink, on every fourth pixel: the print's own tint."""
    if pen is None:
        return 0.0
    ink = grey[::4, ::4] < INK_GREY
    return float(np.median(pen[::4, ::4][ink])) if ink.any() else 0.0


def _in_pen(word: Word, grey: np.ndarray, pen: np.ndarray, page_pen: float) -> bool:
    """Whether most of the word's ink is blue or violet, well above the page's print."""
    top, left = max(0, int(word.top)), max(0, int(word.left))
    bottom, right = int(word.top + word.height), int(word.left + word.width)
    ink = grey[top:bottom, left:right] < INK_GREY
    if ink.sum() < MIN_INK:
        return False
    level = float(np.median(pen[top:bottom, left:right][ink]))
    return level >= PEN_MIN and level - page_pen >= PEN_ABOVE_PAGE
