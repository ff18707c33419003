"""Ruled tables on a prepared page image (greyscale, 300 DPI): ruling lines found by
morphology, their positions made into a grid, and merged cells (grid boxes with no rule
between them) made into spanning cells. The text of the cells is table_ocr's work."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from baocao.datamodel import Box

# Ink: darker than its neighbourhood (block size, offset); the faint ink of a phone photo's
# rules (lower offset) is used only to tell whether a found grid box side is ruled.
INK_BLOCK, INK_OFFSET, FAINT_OFFSET = 31, 12, 4
# A rule piece this long (px) along a box side counts for that side.
SIDE_PIECE = 40
# A rule that does not end on crossing rules is kept when it is at least this share of the
# table's width (or height): faint phone-photo rules fade out before their ends.
LONG_SHARE = 0.4
# A horizontal rule is at least this share of the page width; a vertical one at least this
# share of the page height (a one-line cell is about 60 px high at 300 DPI; letters 40).
H_RULE_SHARE, V_RULE_SHARE = 1 / 10, 1 / 60
# Gaps this long (px) in a dashed or faint rule are bridged before rules are looked for
# (more would join the letters of a word into a "rule").
BRIDGE = 9
# Stacked letters and text runs along a box side must not join: vertical rules and side
# checks bridge only this much.
SMALL_GAP = 3
# A rule ends on a crossing rule (or the table's edge) within this many pixels; one that
# does not is an underline or a letter stroke.
END_SLACK = 40
# Rule positions closer than this (px) are one grid line (bent photos, doubled strokes);
# a row of one printed line is about 70 px high at 300 DPI.
LINE_TOLERANCE = 28
# A rule runs along a box side when it covers this share of the side.
SIDE_COVER = 0.2
# A faint rule covering this share of a table's width is a row line all the same.
FAINT_ROW_COVER = 0.3
# Grid lines closer than this (px) hold no row of text between them.
MIN_ROW = 36
# Ink pixels of rules on a page without any table: below this the page costs no more.
MIN_RULE_PIXELS = 2_000
# Runs this long (px) and longer are found from running sums rather than by erosion.
LONG_KERNEL = 128
# Faint ink is looked at this far (px) around the rule regions: more than the threshold's
# block, the bridging, a side piece and a rule's tolerance together.
FAINT_MARGIN = 128
# The cheap look for a table's rules: a copy this many times smaller, its ink threshold
# (block, offset), and a rule at least this share of the page width (a table's side rules
# span a fifth of the page at least; title underlines a tenth).
LOOK_SCALE, LOOK_BLOCK, LOOK_OFFSET, LOOK_SHARE = 4, 15, 10, 1 / 5
# Rules this close to all four edges of the page (share of its width and height) are the
# scanner's edge or a frame drawn round the page, not a table: printed tables keep margins.
PAGE_EDGE = 0.01


@dataclass
class Rule:
    """One ruling line: its position across (y of a horizontal rule) and its extent."""

    pos: float
    lo: float
    hi: float


@dataclass
class GridCell:
    """A cell of a found grid: place, spans and pixel box."""

    row: int
    col: int
    row_span: int
    col_span: int
    box: Box  # in pixels of the page image


@dataclass
class FoundTable:
    """A ruled table on the image: its grid lines, cells and the masks of its rules."""

    xs: list[float]
    ys: list[float]
    cells: list[GridCell]
    rules: np.ndarray  # the page's rule pixels (255), to be cleared before OCR
    ruling: str = "full"  # "horizontal": rows and columns found from the white between text

    @property
    def bbox(self) -> Box:
        return Box(round(self.xs[0]), round(self.ys[0]), round(self.xs[-1]), round(self.ys[-1]))


@dataclass
class PageInk:
    """A page's ink and its long horizontal runs: found once, read by both table finders."""

    gray: np.ndarray
    ink: np.ndarray
    horizontal: np.ndarray  # runs at least H_RULE_SHARE of the page width (255)


def may_hold_tables(image: Image.Image) -> bool:
    """Whether a page may hold a ruled table: two long horizontal rules one above the other
    (a table's top and foot), looked for on a copy a quarter the size that keeps each
    block's darkest pixel (a faint rule survives). A page of text, its short underlines side
    by side, costs no more than this look."""
    gray = np.asarray(image.convert("L"))
    small = cv2.resize(cv2.erode(gray, np.ones((LOOK_SCALE, LOOK_SCALE), np.uint8)),
                       (gray.shape[1] // LOOK_SCALE, gray.shape[0] // LOOK_SCALE),
                       interpolation=cv2.INTER_NEAREST)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                LOOK_BLOCK, LOOK_OFFSET)
    ink = cv2.dilate(ink, np.ones((3, 1), np.uint8))  # a rule 1° askew stays one run
    length = max(10, int(small.shape[1] * LOOK_SHARE))
    runs = _rules_mask(ink, length, axis=0, gap=2)
    n, _, stats, _ = cv2.connectedComponentsWithStats(runs)
    spans = [(x, x + w) for x, _, w, _ in stats[1:, :4]]
    return any(min(a1, b1) - max(a0, b0) >= length  # two rules one above the other
               for i, (a0, a1) in enumerate(spans) for b0, b1 in spans[i + 1:])


def page_ink(image: Image.Image) -> PageInk:
    """The ink and horizontal rule runs of a page image: the cheap test's whole cost."""
    gray = np.asarray(image.convert("L"))
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                INK_BLOCK, INK_OFFSET)
    horizontal = _rules_mask(ink, max(40, int(ink.shape[1] * H_RULE_SHARE)), axis=0)
    return PageInk(gray, ink, horizontal)


def find_tables(image: Image.Image, page: PageInk | None = None) -> list[FoundTable]:
    """The fully ruled tables on a page image, top to bottom; [] when it has no rules."""
    page = page or page_ink(image)
    horizontal = page.horizontal
    if cv2.countNonZero(horizontal) < MIN_RULE_PIXELS:  # the cheap test: no long rules
        return []
    height, width = horizontal.shape
    vertical = _rules_mask(page.ink, max(40, int(height * V_RULE_SHARE)), axis=1,
                           gap=SMALL_GAP)
    rules = cv2.bitwise_or(horizontal, vertical)
    joined = cv2.dilate(rules, np.ones((BRIDGE * 2, BRIDGE * 2), np.uint8))
    regions = [Box(x, y, x + w, y + h) for x, y, w, h in _boxes(joined)
               if w >= width / 5 and h >= height / 40
               and not _round_the_page(Box(x, y, x + w, y + h), width, height)]
    if not regions:  # rules, but none spanning a table's size: faint ink not needed
        return []
    sides = _sides(page.gray, regions)
    tables = []
    for box in regions:
        table = _table_in(horizontal, vertical, sides, box)
        if table is not None:
            tables.append(FoundTable(table[0], table[1], table[2], rules))
    return sorted(tables, key=lambda t: t.ys[0])


def _round_the_page(box: Box, width: int, height: int) -> bool:
    """Whether rules run along all four edges of the page (see PAGE_EDGE)."""
    dx, dy = width * PAGE_EDGE, height * PAGE_EDGE
    return (box[0] <= dx and box[1] <= dy and box[2] >= width - dx
            and box[3] >= height - dy)


def _sides(gray: np.ndarray, regions: list[Box]
           ) -> tuple[np.ndarray, np.ndarray]:
    """Rule pieces in faint ink (horizontal, vertical) around the regions, zero elsewhere:
    only there are box sides looked for, and FAINT_MARGIN more makes them the same as
    found on the whole page."""
    height, width = gray.shape
    x0 = max(0, min(r[0] for r in regions) - FAINT_MARGIN)
    y0 = max(0, min(r[1] for r in regions) - FAINT_MARGIN)
    x1 = min(width, max(r[2] for r in regions) + FAINT_MARGIN)
    y1 = min(height, max(r[3] for r in regions) + FAINT_MARGIN)
    faint = cv2.adaptiveThreshold(np.ascontiguousarray(gray[y0:y1, x0:x1]), 255,
                                  cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                  INK_BLOCK, FAINT_OFFSET)
    sides = (np.zeros(gray.shape, np.uint8), np.zeros(gray.shape, np.uint8))
    for axis, side in enumerate(sides):
        side[y0:y1, x0:x1] = _rules_mask(faint, SIDE_PIECE, axis=axis, gap=SMALL_GAP)
    return sides


def _boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(x, y, w, h) of each 8-connected blob of a mask, from its outer contour: the boxes
    of connectedComponentsWithStats, in its order (an outer contour starts at its blob's
    first pixel in raster order), at a thirtieth of its cost on a page."""
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    outer = [c for c, h in zip(contours, hierarchy[0], strict=True) if h[3] < 0]
    outer.sort(key=lambda c: (int(c[0, 0, 1]), int(c[0, 0, 0])))
    return [cv2.boundingRect(c) for c in outer]


def _rules_mask(ink: np.ndarray, length: int, axis: int, gap: int = BRIDGE) -> np.ndarray:
    """Pixels of straight runs at least `length` long along rows (axis 0) or columns,
    gaps up to `gap` bridged."""
    bridge = (gap, 1) if axis == 0 else (1, gap)
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones(bridge[::-1], np.uint8))
    return _opened(closed, length, axis)


def _opened(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """The mask's runs at least `length` long along rows (axis 0) or columns. A long run
    is found from running sums (a window wholly inked, then the windows' union): their
    cost does not grow with the length, as OpenCV's erosion's does."""
    kernel = (length, 1) if axis == 0 else (1, length)
    if length < LONG_KERNEL:
        return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones(kernel[::-1], np.uint8))
    # Only a row (column) with `length` inked pixels, or inked at an end (which the border
    # repeats), can hold such a run, and each row's runs are its own: the sums run over those
    # rows alone, on a text page under half of them.
    along = mask if axis == 0 else mask.T
    inked_lines = np.flatnonzero(
        (cv2.reduce(mask, 1 - axis, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel() >= 255 * length)
        | (along[:, 0] > 0) | (along[:, -1] > 0))
    runs = np.zeros_like(mask)
    if len(inked_lines) == 0:
        return runs
    lines = mask[inked_lines] if axis == 0 else mask[:, inked_lines]
    inked = cv2.boxFilter(lines // 255, cv2.CV_16U, kernel, normalize=False,
                          borderType=cv2.BORDER_REPLICATE)
    whole = (inked == length).view(np.uint8)
    covered = cv2.boxFilter(whole, cv2.CV_16U, kernel, normalize=False,
                            borderType=cv2.BORDER_REPLICATE)
    if axis == 0:
        runs[inked_lines] = cv2.compare(covered, 0, cv2.CMP_GT)
    else:
        runs[:, inked_lines] = cv2.compare(covered, 0, cv2.CMP_GT)
    return runs


def _rules(mask: np.ndarray, box: Box, axis: int) -> list[Rule]:
    """The rules in one region as positions with extents, near ones merged."""
    x0, y0, x1, y1 = box
    found = []
    for x, y, w, h in _boxes(np.ascontiguousarray(mask[y0:y1, x0:x1])):
        if axis == 0:
            found.append(Rule(y0 + y + h / 2, x0 + x, x0 + x + w))
        else:
            found.append(Rule(x0 + x + w / 2, y0 + y, y0 + y + h))
    merged: list[Rule] = []
    for rule in sorted(found, key=lambda r: r.pos):
        last = merged[-1] if merged else None
        if last is not None and rule.pos - last.pos <= LINE_TOLERANCE:
            a, b = last.hi - last.lo, rule.hi - rule.lo
            last.pos = (last.pos * a + rule.pos * b) / (a + b or 1)
            last.lo, last.hi = min(last.lo, rule.lo), max(last.hi, rule.hi)
        else:
            merged.append(rule)
    return merged


def _table_in(horizontal: np.ndarray, vertical: np.ndarray, sides: tuple[np.ndarray, ...],
              box: Box) -> tuple[list[float], list[float], list[GridCell]] | None:
    """Grid lines and cells of a region of rules; None when the rules make no table (an
    underline, a frame, a seal)."""
    rows, cols = _rules(horizontal, box, 0), _rules(vertical, box, 1)
    width, height = box[2] - box[0], box[3] - box[1]
    cols = _meeting(cols, [r.pos for r in rows] + [box[1], box[3]], height * LONG_SHARE)
    rows = _meeting(rows, [c.pos for c in cols] + [box[0], box[2]], width * LONG_SHARE)
    long_rows = [r for r in rows if r.hi - r.lo >= width / 2]
    long_cols = [c for c in cols if c.hi - c.lo >= height / 2]
    if len(long_rows) < 2 or len(long_cols) < 2:
        return None
    ys = _with_frame([r.pos for r in rows], box[1], box[3])
    ys = _without_slivers(_with_faint_rows(sides[0], box, ys))
    xs = _with_frame([c.pos for c in cols], box[0], box[2])
    if len(ys) < 3 or len(xs) < 3:
        return None
    return xs, ys, _cells(*sides, xs, ys)


def _meeting(rules: list[Rule], crossings: list[float], long: float) -> list[Rule]:
    """The rules whose both ends lie on a crossing rule or an edge of the table, and the
    long ones."""
    def near(v: float) -> bool:
        return any(abs(v - c) <= END_SLACK for c in crossings)
    return [r for r in rules if r.hi - r.lo >= long or (near(r.lo) and near(r.hi))]


def _with_faint_rows(faint: np.ndarray, box: Box, ys: list[float]) -> list[float]:
    """Row lines added where a faint rule (too broken to be found as one) still runs
    along much of the table's width."""
    x0, y0, x1, y1 = box
    band = cv2.dilate(faint[y0:y1, x0:x1], np.ones((5, 1), np.uint8))
    cover = (band > 0).mean(axis=1)
    added = list(ys)
    for y in np.argsort(-cover):
        if cover[y] < FAINT_ROW_COVER:
            break
        if all(abs(y0 + y - v) > LINE_TOLERANCE for v in added):
            added.append(float(y0 + y))
    return sorted(added)


def _without_slivers(lines: list[float]) -> list[float]:
    """Grid lines without those too close to the previous one to hold a line of text."""
    out: list[float] = []
    for v in lines:
        if out and v - out[-1] < MIN_ROW:
            if len(out) == 1:
                out[0] = v  # a sliver above the first row: the frame's doubled top
            continue
        out.append(v)
    return out


def _with_frame(positions: list[float], start: float, end: float) -> list[float]:
    """Grid lines with the region's own edges added where no rule runs along them (a frame
    side cut off by the page edge or too faint to find)."""
    lines = sorted(positions)
    if not lines or lines[0] - start > LINE_TOLERANCE:
        lines.insert(0, float(start))
    if lines[-1] < end - LINE_TOLERANCE:
        lines.append(float(end))
    return lines


def _cells(horizontal: np.ndarray, vertical: np.ndarray, xs: list[float], ys: list[float]
           ) -> list[GridCell]:
    """Grid boxes joined where no rule separates them, as spanning cells."""
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not _ruled(vertical, xs[c + 1], ys[r], ys[r + 1], axis=1):
                parent[find(r * n_cols + c + 1)] = find(r * n_cols + c)
            if r + 1 < n_rows and not _ruled(horizontal, ys[r + 1], xs[c], xs[c + 1], axis=0):
                parent[find((r + 1) * n_cols + c)] = find(r * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    cells, covered = [], set()
    for boxes in sorted(groups.values()):
        r0, c0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        r1, c1 = max(b[0] for b in boxes) + 1, max(b[1] for b in boxes) + 1
        spots = {(r, c) for r in range(r0, r1) for c in range(c0, c1)}
        if spots & covered:  # not a rectangle clear of the others (an L of boxes round
            continue  # another's corner, on a photocopy): its boxes become cells below
        covered |= spots
        box = Box(round(xs[c0]), round(ys[r0]), round(xs[c1]), round(ys[r1]))
        cells.append(GridCell(r0, c0, r1 - r0, c1 - c0, box))
    for r in range(n_rows):  # boxes left out above become cells of their own
        for c in range(n_cols):
            if (r, c) not in covered:
                covered.add((r, c))
                cells.append(GridCell(r, c, 1, 1, Box(round(xs[c]), round(ys[r]),
                                                      round(xs[c + 1]), round(ys[r + 1]))))
    return sorted(cells, key=lambda cell: (cell.row, cell.col))


def _ruled(mask: np.ndarray, pos: float, lo: float, hi: float, axis: int) -> bool:
    """Whether a rule runs along most of the side from lo to hi at `pos`."""
    margin = (hi - lo) / 4
    a, b = int(lo + margin), int(hi - margin)
    p0, p1 = max(0, int(pos - LINE_TOLERANCE)), int(pos + LINE_TOLERANCE) + 1
    band = mask[p0:p1, a:b] if axis == 0 else mask[a:b, p0:p1].T
    if band.size == 0:
        return True
    return float((band.max(axis=0) > 0).mean()) >= SIDE_COVER
