"""A page image to page content: prepare it, OCR it with the segmentation mode that suits
the page, and record every setting, so a researcher can see where each number came from.

Ruled tables are found before the page OCR and painted white on the copy the page OCR
reads: their cells are read one by one (table_ocr), and reading them twice would cost a
table page twice the OCR. Unruled tables are found afterwards in the page's word boxes."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from baocao.datamodel import Line, PageContent, TableGrid, Word
from baocao.extract import tesseract
from baocao.extract.blank import REASON as BLANK
from baocao.extract.blank import is_blank
from baocao.extract.handwriting import Inks, mark_handwriting, moved, without_seals
from baocao.extract.missed import missed_lines
from baocao.extract.prepare import (
    Prepared,
    orientation,
    page_dpi,
    prepare,
    straighten,
    turn_upright,
)
from baocao.extract.reread import reread_numbers
from baocao.extract.table_aligned import aligned_tables
from baocao.extract.table_grid import FoundTable, find_tables, may_hold_tables, page_ink
from baocao.extract.table_hrule import find_hrule_tables
from baocao.extract.table_ocr import read_aligned, read_table

# Tesseract's fully automatic segmentation (3) suits report pages; a page it reads poorly
# (a form, a table, a page of short lines) is read again as one uniform block (6) and the
# better reading kept.
PSM_PAGE = 3
PSM_BLOCK = 6
RETRY_BELOW_CONFIDENCE = 70.0
# A table page with fewer words than this left around its tables is not read again.
FEW_WORDS = 12
# Pixels around a found table also painted white (its frame's blur, a rule's end).
TABLE_MARGIN = 6
# Dark enough to be ink; blank rows (and columns at the sides) kept around the ink when the
# page OCR reads a table page cut short: a paragraph break's worth.
INK_GREY, BLANK_KEPT = 128, 30
# A page whose rows with ink (and their margins) are at most this share of its height is
# read cut short: nearly all of it was table.
SQUEEZE_BELOW = 1 / 4


def read_scan(image: Image.Image, page_no: int, dpi: int | None,
              coloured: Inks | None = None) -> PageContent:
    """OCR one page image (raises PageError when Tesseract fails on it); a blank page is
    recorded as such, unread. `coloured`: the page's pen and seal inks (handwriting.inks of
    the page in colour), to tell handwriting and seals from print; None: no colour."""
    looked_at = page_dpi(image.size, dpi)
    if is_blank(image, looked_at):
        return PageContent(page_no, "blank", [], image.width, image.height, dpi=looked_at,
                           reason=BLANK)
    prepared, found = ruled_tables(prepare(image, dpi))
    page = _read(replace(prepared, steps=list(prepared.steps)), found, page_no, coloured)
    if (prepared.slant and prepared.skew == 0.0 and page.rotation == prepared.turn
            and _level_tables(page.lines, prepared)):
        prepared = straighten(prepared)  # an unruled table: its rows lie level only so
        page = _read(prepared, _tables_in(prepared.image), page_no, coloured)
    return page


def ruled_tables(prepared: Prepared) -> tuple[Prepared, list[FoundTable]]:
    """The page's ruled tables, and the page they were found on: put level when it is
    slightly askew and tables ruled only across show once it lies level (rows must)."""
    if not may_hold_tables(prepared.image):
        return prepared, []
    found = _ruled(prepared.image)
    if prepared.slant and not any(t.ruling == "full" for t in found):
        level = straighten(prepared)
        level_found = _ruled(level.image)
        if level_found:
            return level, level_found
    return prepared, found


def _level_tables(lines: list[Line], prepared: Prepared) -> bool:
    """Whether the words of a slightly askew page, put level, hold an unruled table."""
    width, height = prepared.image.size
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), prepared.slant, 1.0)
    level = []
    for w in (w for line in lines for w in line.words):
        x, y = turn @ np.array([w.left + w.width / 2, w.top + w.height / 2, 1.0])
        level.append(replace(w, left=x - w.width / 2, top=y - w.height / 2))
    return bool(aligned_tables(level, "ocr"))


def _read(prepared: Prepared, found: list[FoundTable], page_no: int,
          coloured: Inks | None) -> PageContent:
    """The prepared page read: seals taken out, page OCR (turned or as one block when it
    reads poorly), missed lines, handwriting, numbers read again, the tables' cells."""
    if coloured is not None:  # under the OCR's boxes, and the seals' red taken out
        coloured = moved(coloured, prepared.image.size, prepared.turn, prepared.skew)
        cleaned = without_seals(prepared.image, coloured)
        if cleaned is not prepared.image:
            prepared.image = cleaned
            prepared.steps.append("seal ink removed")
            found = _tables_in(prepared.image)
    lines, conf = _page_ocr(prepared.image, found, PSM_PAGE)
    psm = PSM_PAGE
    if _doubtful(lines, conf, found):  # upside down? (OSD only when in doubt)
        turn = orientation(prepared.image)
        if turn:
            turned = turn_upright(prepared.image, turn)
            turned_found = _tables_in(turned)
            turned_lines, turned_conf = _page_ocr(turned, turned_found, PSM_PAGE)
            if _quality(turned_lines, turned_conf) > _quality(lines, conf):
                lines, conf, prepared.image = turned_lines, turned_conf, turned
                found = turned_found
                prepared.steps.append(f"rotate {turn}°")
                prepared.turn = (prepared.turn + turn) % 360  # turns commute with the deskew
                if coloured is not None:
                    coloured = moved(coloured, turned.size, turn, 0.0)
    if _doubtful(lines, conf, found):
        block_lines, block_conf = _page_ocr(prepared.image, found, PSM_BLOCK)
        if _quality(block_lines, block_conf) > _quality(lines, conf):
            lines, conf, psm = block_lines, block_conf, PSM_BLOCK
    lines = _with_missed(lines, prepared.image, found, coloured)
    lines = reread_numbers(mark_handwriting(lines, prepared.image, coloured), prepared.image)
    tables = [read_table(prepared.image, t) for t in found] + _unruled(lines, prepared.image)
    tables.sort(key=lambda t: t.bbox[1])
    return PageContent(
        page_no, "ocr", lines, prepared.image.width, prepared.image.height, conf, prepared.dpi,
        engine=f"tesseract {tesseract.check_tesseract()}", language=tesseract.LANG, psm=psm,
        preprocessing="; ".join(prepared.steps) or "none", tables=tables,
        rotation=prepared.turn, skew=prepared.skew, scale=prepared.scale,
    )


def _with_missed(lines: list[Line], image: Image.Image, found: list[FoundTable],
                 coloured: Inks | None) -> list[Line]:
    """The page's lines with those the page reading passed over (see extract/missed.py), each
    in its place from the top; the tables' cells are read on their own and left out."""
    page = Image.fromarray(_without(image, found)) if found else image
    missed = missed_lines(lines, page, coloured)
    out = list(lines)
    for line in missed:
        at = next((i for i, ln in enumerate(out) if ln.top > line.top), len(out))
        out.insert(at, line)
    return out


def _doubtful(lines: list[Line], conf: float | None, found: list[FoundTable]) -> bool:
    """Whether the page reading is poor enough to try again; not where the tables were
    nearly all the page held (the few words left, a page number, say nothing)."""
    if found and sum(len(line.words) for line in lines) < FEW_WORDS:
        return False
    return conf is None or conf < RETRY_BELOW_CONFIDENCE


def _tables_in(image: Image.Image) -> list[FoundTable]:
    """The ruled tables of a page image, after the cheap look says it may hold some."""
    return _ruled(image) if may_hold_tables(image) else []


def _ruled(image: Image.Image) -> list[FoundTable]:
    """The ruled tables of a page image: fully ruled ones, then horizontally ruled ones."""
    page = page_ink(image)
    ruled = find_tables(image, page)
    return ruled + find_hrule_tables(image, ruled, page)


def _page_ocr(image: Image.Image, found: list[FoundTable], psm: int
              ) -> tuple[list[Line], float | None]:
    """The page OCR of what lies outside the tables, painted white. On a page nearly all
    table the blank bands are cut short, so Tesseract reads a far smaller image (the words
    keep their places on the page); on others the reading would change for little gain."""
    if not found:
        return tesseract.ocr_image(image, psm=psm)
    page = _without(image, found)
    dark = page < INK_GREY
    rows = _kept(dark.any(axis=1))
    if len(rows) == 0:
        return [], None  # nothing but the tables
    if len(rows) > page.shape[0] * SQUEEZE_BELOW:
        return tesseract.ocr_image(Image.fromarray(page), psm=psm)
    cols = np.flatnonzero(dark.any(axis=0))
    left, right = max(0, cols[0] - BLANK_KEPT), cols[-1] + 1 + BLANK_KEPT
    lines, conf = tesseract.ocr_image(Image.fromarray(page[rows, left:right]), psm=psm)
    return [_placed(line, rows, left) for line in lines], conf


def _without(image: Image.Image, tables: list[FoundTable]) -> np.ndarray:
    """A copy of the page with the tables painted white."""
    page = np.array(image.convert("L"))
    for table in tables:
        x0, y0, x1, y1 = table.bbox
        page[max(0, y0 - TABLE_MARGIN): y1 + TABLE_MARGIN,
             max(0, x0 - TABLE_MARGIN): x1 + TABLE_MARGIN] = 255
    return page


def _kept(inked: np.ndarray) -> np.ndarray:
    """The rows of a page kept: those with ink and BLANK_KEPT blank ones on each side of
    them; none when nothing is inked."""
    near = np.convolve(inked.astype(np.int32), np.ones(2 * BLANK_KEPT + 1, np.int32), "same")
    return np.flatnonzero(near > 0)


def _placed(line: Line, rows: np.ndarray, left: int) -> Line:
    """A line read on the cut page put back at its place on the page."""
    def y(v: float) -> float:
        return float(rows[min(max(int(v), 0), len(rows) - 1)])

    words = [Word(w.text, w.left + left, y(w.top), w.width, y(w.top + w.height - 1) + 1 - y(w.top),
                  w.conf) for w in line.words]
    return Line(line.text, line.x0 + left, line.x1 + left, y(line.top), y(line.bottom - 1) + 1,
                words)


def _unruled(lines: list[Line], image: Image.Image) -> list[TableGrid]:
    """Whitespace-aligned tables among the page's OCR words, their cells read again one by
    one on the page image."""
    return [read_aligned(image, grid)
            for grid in aligned_tables([w for line in lines for w in line.words], "ocr")]


def _quality(lines: list, conf: float | None) -> float:
    """Confident words read: a reading that is surer of as many words wins."""
    return sum(1 for line in lines for w in line.words if (w.conf or 0) >= 60) + (conf or 0) / 100
