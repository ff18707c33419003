"""The text of a found table's cells, each cell read on its own: page-wide OCR reads rules
as characters and runs neighbouring cells together. The cells are pasted, rules cleared,
one under another into a single strip image that Tesseract reads once (a Tesseract run
costs a process start: one per cell would cost more than the page)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

import cv2
import numpy as np
import regex
from PIL import Image

from baocao.datamodel import Box, TableCell, TableGrid
from baocao.extract import tesseract
from baocao.extract.table_grid import FoundTable, GridCell
from baocao.extract.table_lines import NO_DATA, NUMBER
from baocao.vietnamese.text import normalize

# The strip is read as one uniform block of text lines.
PSM_STRIP = 6
# White between cells in the strip and around each crop (px at 300 DPI).
GAP, MARGIN = 24, 10
# Pixels at a cell's sides left out (where the rules and their blur lie).
INSET = 6
# Pixels around a rule cleared with it (its blur).
RULE_BLUR = 2
# A cell with fewer dark pixels than this is empty: specks, the end of a rule.
MIN_INK = 40
# Dark enough to be ink in a crop.
INK_GREY = 140
# Characters a cell never holds once its rules are cleared: Tesseract's reading of a "1",
# an "I" or a rule's remains. Which was printed cannot be told, so the cell is kept as read
# but no surer than this.
MISREAD, MISREAD_CONFIDENCE = frozenset("|¦"), 30.0
# Ink left in a crop that is no letter: a rule's edge (this thin, longer than a letter) or
# a speck (this small) this far from any other ink; letters, commas and tone marks touch
# or nearly touch their word.
THIN, RUN, SPECK, LONELY = 6, 40, 60, 40


@dataclass
class Slot:
    """Where one cell's crop lies in the strip (y range)."""

    cell: GridCell
    top: int
    bottom: int


def read_table(image: Image.Image, table: FoundTable) -> TableGrid:
    """The table as a TableGrid with each cell's OCR text and lowest word confidence."""
    area, origin = _without_rules(image, table)
    crops = {id(cell): _crop(area, cell, origin) for cell in table.cells}
    strip, slots = _strip([(cell, crops[id(cell)]) for cell in table.cells
                           if crops[id(cell)] is not None])
    words: dict[int, list] = {id(slot.cell): [] for slot in slots}
    if slots:
        lines, _ = tesseract.ocr_image(strip, psm=PSM_STRIP)
        for line in lines:
            for word in line.words:
                slot = _slot_of(slots, word.top + word.height / 2)
                if slot is not None:
                    words[id(slot.cell)].append(word)
    cells = _read_numbers_again([_cell(cell, words.get(id(cell), [])) for cell in table.cells],
                                {id(c): crops[id(c)] for c in table.cells}, table.cells)
    n_rows, n_cols = len(table.ys) - 1, len(table.xs) - 1
    ruling = "horizontal" if table.ruling == "horizontal" else "full"
    return TableGrid(n_rows, n_cols, cells, ruling, table.bbox, "ocr")


def read_aligned(image: Image.Image, grid: TableGrid) -> TableGrid:
    """An unruled table found in the page OCR's words read again cell by cell, as a ruled
    one is: the page reading runs a column's figures together or misreads them in the
    company of its neighbours. Its columns and rows part midway between their words; what
    the box cuts through (see _cut) keeps the page's reading."""
    xs = _cuts(grid, "col", grid.n_cols)
    ys = _cuts(grid, "row", grid.n_rows)
    cells = [GridCell(c.row, c.col, c.row_span, c.col_span,
                      Box(round(xs[c.col]), round(ys[c.row]), round(xs[c.col + c.col_span]),
                          round(ys[c.row + c.row_span]))) for c in grid.cells]
    rules = np.zeros((image.height, image.width), np.uint8)
    found = read_table(image, FoundTable(xs, ys, cells, rules, ruling="none"))
    page = {(c.row, c.col): c for c in grid.cells}
    kept = [page[c.row, c.col] if _cut(page[c.row, c.col], c) else c for c in found.cells]
    return replace(found, cells=kept, ruling="none", bbox=grid.bbox)


def _cut(read: TableCell, again: TableCell) -> bool:
    """Whether the page's reading of a cell is to be kept: its words run past the box the
    cell was read again in (a heading wider than its column's figures), or the box held
    only a "no data" dash too small to read alone."""
    if read.bbox is None or again.bbox is None:
        return False
    if read.text in NO_DATA and not again.text:
        return True
    return read.bbox.left < again.bbox.left - INSET or read.bbox.right > again.bbox.right + INSET


def _cuts(grid: TableGrid, axis: str, n: int) -> list[float]:
    """Lines between the columns (or rows) of a table of word boxes: midway between the
    last ink of one and the first of the next; the outer ones a margin outside the ink."""
    lo, hi = ("left", "right") if axis == "col" else ("top", "bottom")
    boxes = [(getattr(c, axis), c.bbox, c.text) for c in grid.cells
             if c.bbox is not None and (c.col_span if axis == "col" else c.row_span) == 1]
    # a column starts where its figures do: a speck read with one ("- 102,89") is no start,
    # nor a line the page reading ran across columns ("99,57 99,57. 99,57- 99,57")
    clean = [(i, b) for i, b, text in boxes if axis == "row" or NUMBER.match(text)]
    boxes = [(i, b, text) for i, b, text in boxes if axis == "row" or i == 0
             or (b.right - b.left) <= RUN_ON * _median_width(boxes, i)]
    numbered = {i for i, _ in clean}
    starts = {k: min((getattr(b, lo) for i, b in (clean if k in numbered else
                                                   [(i, b) for i, b, _ in boxes]) if i == k),
                     default=None) for k in range(n)}
    ends = {k: max((getattr(b, hi) for i, b, _ in boxes if i == k), default=None)
            for k in range(n)}
    outer = (getattr(grid.bbox, lo) - MARGIN, getattr(grid.bbox, hi) + MARGIN)
    cuts = [max(0.0, outer[0])]
    for k in range(1, n):
        before = max((e for i, e in ends.items() if i < k and e is not None), default=cuts[-1])
        after = min((s for i, s in starts.items() if i >= k and s is not None), default=before)
        cuts.append(max(cuts[-1] + 1, (before + after) / 2))
    cuts.append(max(cuts[-1] + 1, outer[1]))
    return cuts


def _median_width(boxes: list[tuple[int, Box, str]], col: int) -> float:
    return statistics.median(b.right - b.left for i, b, _ in boxes if i == col)


# A cell read as a number: digits with their separators, a sign, a percent sign.
NUMBER_CELL = regex.compile(r"^[-−]?\s*\d[\d.,\s]*%?$")
# A cell this many times its column's usual width is a line read across columns.
RUN_ON = 1.8
# Specks read beside a number: marks standing alone or at its ends that no number has
# there (a minus sign stays: taking it off would change the value).
SPECKS = regex.compile(r"""(?:^|(?<=\s))[.,:;'"`ˆ^_~!]+(?:\s+|$)"""  # alone: "' 100,24"
                       r"""|(?<=\d)[.,:;'"`ˆ^_~!]+$"""  # at its end: "100,61.", "3.572!."
                       r"""|^['"`ˆ^_~.]+(?=\d)""")  # at its start: "\"101,19"
# A number the two readings disagree on is no surer than this (under the figures' 70).
DISAGREED_CONFIDENCE = 40.0


def _read_numbers_again(cells: list[TableCell], crops: dict[int, np.ndarray | None],
                        grid: list[GridCell]) -> list[TableCell]:
    """The cells with those that hold a number read a second time, in a strip of numbers
    alone (the words of other cells sway Tesseract: on a phone photo it read "380,500,000"
    as "360,500,000" among them, with a confidence of 94, and rightly among numbers). Where
    the digits of the two readings differ, the number-strip reading is kept and doubted:
    a wrong number is worse than a doubted one."""
    chosen = [(cell, g, crops[id(g)]) for cell, g in zip(cells, grid, strict=True)
              if NUMBER_CELL.match(cell.text) and crops[id(g)] is not None]
    if not chosen:
        return cells
    strip, slots = _strip([(g, crop) for _, g, crop in chosen])
    lines, _ = tesseract.ocr_image(strip, psm=PSM_STRIP)
    again: dict[int, str] = {}
    for line in lines:
        for word in line.words:
            slot = _slot_of(slots, word.top + word.height / 2)
            if slot is not None:
                again[id(slot.cell)] = again.get(id(slot.cell), "") + word.text
    doubted: dict[int, TableCell] = {}
    for cell, g, _ in chosen:
        second = normalize(again.get(id(g), ""))
        if _digits(second) != _digits(cell.text):
            doubted[id(cell)] = replace(
                cell, text=second if NUMBER_CELL.match(second) else cell.text,
                confidence=min(cell.confidence or 100.0, DISAGREED_CONFIDENCE))
    return [doubted.get(id(cell), cell) for cell in cells]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _without_rules(image: Image.Image, table: FoundTable) -> tuple[np.ndarray, tuple[int, int]]:
    """The table's part of the page with its rules (and their blur) cleared, and where that
    part's corner lies on the page: the rest of the page is not copied."""
    gray = np.asarray(image.convert("L"))
    x0, y0, x1, y1 = table.bbox
    x0, y0 = max(0, x0 - RULE_BLUR), max(0, y0 - RULE_BLUR)
    x1, y1 = x1 + RULE_BLUR + 1, y1 + RULE_BLUR + 1
    area = gray[y0:y1, x0:x1].copy()
    blur = np.ones((2 * RULE_BLUR + 1, 2 * RULE_BLUR + 1), np.uint8)
    area[cv2.dilate(table.rules[y0:y1, x0:x1], blur) > 0] = 255
    return area, (x0, y0)


def _crop(area: np.ndarray, cell: GridCell, origin: tuple[int, int]) -> np.ndarray | None:
    """The cell's ink, cut tight with a white margin; None when the cell is empty."""
    (left, top, right, bottom), (dx, dy) = cell.box, origin
    inner = area[top - dy + INSET: bottom - dy - INSET, left - dx + INSET: right - dx - INSET]
    if inner.size == 0 or np.count_nonzero(inner < INK_GREY) < MIN_INK:
        return None  # empty before the strays go: empty after
    inner = _without_strays(inner)
    dark = (inner < INK_GREY).view(np.uint8)
    if cv2.countNonZero(dark) < MIN_INK:
        return None
    x, y, w, h = cv2.boundingRect(dark)
    tight = _whitened(inner[y: y + h, x: x + w])
    return cv2.copyMakeBorder(tight, MARGIN, MARGIN, MARGIN, MARGIN, cv2.BORDER_CONSTANT,
                              value=255)


def _without_strays(inner: np.ndarray) -> np.ndarray:
    """The crop with rule edges and lone specks painted white (Tesseract reads them as
    quotes, bars and dots)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats((inner < INK_GREY).astype(np.uint8))
    boxes = [tuple(int(v) for v in stats[i, :5]) for i in range(1, n)]
    out = inner.copy()
    for i, (x, y, w, h, area) in enumerate(boxes, start=1):
        rule = (h <= THIN and w > RUN) or (w <= THIN and h > RUN)
        lone = area < SPECK and not any(
            j != i and _near((x, y, w, h), other[:4]) for j, other in enumerate(boxes, 1))
        if rule or lone:
            out[labels == i] = 255
    return out


def _near(a: tuple, b: tuple) -> bool:
    """Whether two boxes (x, y, w, h) lie within LONELY pixels of each other."""
    dx = max(0, max(a[0], b[0]) - min(a[0] + a[2], b[0] + b[2]))
    dy = max(0, max(a[1], b[1]) - min(a[1] + a[3], b[1] + b[3]))
    return dx <= LONELY and dy <= LONELY


def _whitened(crop: np.ndarray) -> np.ndarray:
    """The crop with its paper made white: grey paper boxes on the white strip would make
    Tesseract's global threshold split paper from paper and read the boxes as ink."""
    paper = float(np.percentile(crop, 75))
    if paper <= INK_GREY:
        return crop
    scaled = crop.astype(np.float32) * (255.0 / paper)
    return np.clip(scaled, 0, 255).astype(np.uint8)


def _strip(crops: list[tuple[GridCell, np.ndarray]]) -> tuple[Image.Image, list[Slot]]:
    """The crops one under another, left-aligned, with white gaps between them."""
    if not crops:
        return Image.new("L", (1, 1), 255), []
    width = max(c.shape[1] for _, c in crops) + 2 * GAP
    height = sum(c.shape[0] for _, c in crops) + GAP * (len(crops) + 1)
    strip = np.full((height, width), 255, np.uint8)
    slots, y = [], GAP
    for cell, crop in crops:
        strip[y: y + crop.shape[0], GAP: GAP + crop.shape[1]] = crop
        slots.append(Slot(cell, y, y + crop.shape[0]))
        y += crop.shape[0] + GAP
    return Image.fromarray(strip), slots


def _slot_of(slots: list[Slot], y: float) -> Slot | None:
    """The slot a word's middle falls in (gaps included half way), if any."""
    for slot in slots:
        if slot.top - GAP / 2 <= y < slot.bottom + GAP / 2:
            return slot
    return None


def _cell(cell: GridCell, words: list) -> TableCell:
    """A TableCell from its OCR words, in Tesseract's reading order; a number's specks
    ("100,61." "' 100,24") taken off, its confidence then capped: a dot in the wrong place
    is a speck, but the number is one a person should glance at."""
    text = normalize(" ".join(w.text for w in words))
    confs = [w.conf for w in words if w.conf is not None]
    conf = min(confs) if confs else None
    if conf is not None and any(ch in MISREAD for ch in text):
        conf = min(conf, MISREAD_CONFIDENCE)
    bare = SPECKS.sub("", text).strip()
    if (bare != text and NUMBER_CELL.match(bare) and regex.search(r"\d[.,]\d", bare)
            and not regex.search(r"\d\s+\d", bare)):  # "2." is an ordinal as printed
        text, conf = bare, min(conf if conf is not None else 100.0, DISAGREED_CONFIDENCE)
    return TableCell(cell.row, cell.col, text, cell.row_span, cell.col_span,
                     Box(*map(float, cell.box)), conf)
