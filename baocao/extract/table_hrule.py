"""Tables ruled with horizontal lines only on a page image (a rule above the table, one
under its header, one at its foot): the band between the outer rules is cut into columns
at the vertical white channels that run through all of it, and into rows where every
column's text pauses. The cells are read by table_ocr like those of a ruled table."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from baocao.datamodel import Box
from baocao.extract.table_grid import (
    FoundTable,
    GridCell,
    PageInk,
    Rule,
    _rules,
    _rules_mask,
    page_ink,
)

# A table rule is at least this share of the page width.
RULE_SHARE = 1 / 4
# Rules of one table start and end within this share of the page width of each other.
ENDS_SHARE = 0.03
# At least this many rules stacked (top, under the header, foot): two alone can be the
# frame of a note or two underlines.
MIN_RULES = 3
# A white channel at least this wide (px at 300 DPI, about 2.5 mm) between columns; words
# of a line are 10–20 px apart.
COL_GAP = 30
# Lines of one cell are closer than this (px) in every column; rows are further apart;
# and closer than this share of the table's usual gap between lines in a column. A tone
# mark stands off its letter by less than SPECK_GAP.
BLOCK_GAP = 18
ROW_GAP_SHARE = 0.6
SPECK_GAP = 6
# Ink blobs this small (px) are specks and dots, left out when the layout is measured.
SPECK_AREA = 50
# Ink lower than this share of a tall letter's height is no letter of its own (a speck, a
# dot, a tone mark, a comma).
SHORT_SHARE = 0.4
# Rule pixels and their blur around them (px) are cleared before the layout is measured.
RULE_MARGIN = 9
# A band this close (px) to a rule belongs to the rule, not to a row.
RULE_SLACK = 8


def find_hrule_tables(image: Image.Image, ruled: list[FoundTable],
                      page: PageInk | None = None) -> list[FoundTable]:
    """The horizontally ruled tables of a page image outside the fully ruled `ruled` ones."""
    page = page or page_ink(image)
    height, width = page.ink.shape
    horizontal = _long_rules(page, ruled)
    long_rows = np.flatnonzero((horizontal > 0).sum(axis=1) >= width * RULE_SHARE)
    if len(_closed([(int(y), int(y) + 1) for y in long_rows], RULE_MARGIN)) < MIN_RULES:
        return []  # the cheap test: not three long rules on the page
    rules = [r for r in _rules(horizontal, (0, 0, width, height), 0)
             if r.hi - r.lo >= width * RULE_SHARE and not _in_tables(r, ruled)]
    tables = []
    for group in _stacks(rules, width * ENDS_SHARE):
        table = _table(_layout_ink(page.ink, horizontal, group), group, horizontal)
        if table is not None:
            tables.append(table)
    return tables


def _long_rules(page: PageInk, ruled: list[FoundTable]) -> np.ndarray:
    """The runs at least RULE_SHARE of the page wide outside the ruled tables. Bridging
    and opening along rows work on each row alone, so only the rows with that much of the
    page's shorter runs in them are worked on: the same pixels at a fraction of the cost."""
    width = page.ink.shape[1]
    length = max(40, int(width * RULE_SHARE))
    rows = np.flatnonzero(np.count_nonzero(page.horizontal, axis=1) >= length)
    out = np.zeros(page.horizontal.shape, np.uint8)
    if len(rows):
        out[rows] = _rules_mask(page.ink[rows], length, axis=0)
    for t in ruled:  # the rules of the ruled tables are theirs
        x0, y0, x1, y1 = t.bbox
        out[max(0, y0 - RULE_MARGIN): y1 + RULE_MARGIN, max(0, x0): x1] = 0
    return out


def _in_tables(rule: Rule, tables: list[FoundTable]) -> bool:
    """Whether a rule lies within (or on the frame of) one of the tables."""
    for t in tables:
        x0, y0, x1, y1 = t.bbox
        if y0 - RULE_MARGIN <= rule.pos <= y1 + RULE_MARGIN and rule.lo < x1 and rule.hi > x0:
            return True
    return False


def _stacks(rules: list[Rule], slack: float) -> list[list[Rule]]:
    """Runs of rules, top to bottom, that start and end at the same places."""
    groups: list[list[Rule]] = []
    for rule in sorted(rules, key=lambda r: r.pos):
        last = groups[-1][-1] if groups else None
        if last and abs(last.lo - rule.lo) <= slack and abs(last.hi - rule.hi) <= slack:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return [g for g in groups if len(g) >= MIN_RULES]


def _layout_ink(ink: np.ndarray, horizontal: np.ndarray, group: list[Rule]) -> np.ndarray:
    """Ink of letters only between a stack's outer rules (zero elsewhere on the page):
    rules and specks cleared."""
    y0, y1 = int(group[0].pos), int(group[-1].pos) + 1
    text = np.zeros(ink.shape, np.uint8)
    band = ink[y0:y1].copy()
    rules = cv2.dilate(horizontal[y0:y1], np.ones((RULE_MARGIN, RULE_MARGIN), np.uint8))
    band[rules > 0] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(band)
    small = np.zeros(n, bool)
    small[1:] = stats[1:, cv2.CC_STAT_AREA] < SPECK_AREA
    band[small[labels]] = 0
    text[y0:y1] = band
    return text


def _table(text: np.ndarray, group: list[Rule], horizontal: np.ndarray
           ) -> FoundTable | None:
    """The grid between a stack of rules; None when it has no two columns and two rows.
    Columns are where the body's text parts (a header's long headings may run close to
    their neighbours'), and where the header alone parts over white body (an empty "Ghi
    chú" column); a heading across a column line spans both columns."""
    x0, x1 = int(min(r.lo for r in group)), int(max(r.hi for r in group))
    y0, y1, head = int(group[0].pos), int(group[-1].pos), int(group[1].pos)
    tall = _tall(text[y0:y1, x0:x1])
    if tall is None:
        return None
    xs = _columns(tall[head - y0:], tall[:head - y0], x0)
    if xs is None:
        return None
    letters = np.zeros(text.shape, bool)  # specks pause no row
    letters[y0:y1, x0:x1] = tall
    gap = _row_gap(letters, xs, head, y1)
    ys = [float(y0)]
    for top, bottom in zip(group, group[1:], strict=False):
        ys.extend(_rows(letters, xs, int(top.pos), int(bottom.pos), gap))
        ys.append(bottom.pos)
    if len(ys) < 4:  # a header row and at least two body rows
        return None
    n_head = ys.index(float(group[1].pos))
    cells = []
    for r in range(len(ys) - 1):
        c = 0
        while c < len(xs) - 1:
            span = 1
            while r < n_head and c + span < len(xs) - 1 and _crossed(
                    text, xs[c + span], ys[r], ys[r + 1]):
                span += 1
            cells.append(GridCell(r, c, 1, span, Box(round(xs[c]), round(ys[r]),
                                                     round(xs[c + span]), round(ys[r + 1]))))
            c += span
    return FoundTable(xs, ys, cells, horizontal, ruling="horizontal")


def _tall(band: np.ndarray) -> np.ndarray | None:
    """The band's ink as tall as letters: a photocopy's toner dot in a channel would cut it
    in two and make a column of nothing. None when the band has no ink."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats((band > 0).view(np.uint8))
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    if len(heights) == 0:
        return None
    low = np.zeros(n, bool)
    low[1:] = heights < SHORT_SHARE * np.median(heights[heights >= np.median(heights)])
    return (labels > 0) & ~low[labels]


def _columns(body: np.ndarray, header: np.ndarray, x0: int) -> list[float] | None:
    """Column lines at the middle of the body's white channels, and of the header's where
    the body is white throughout; None for fewer than two columns."""
    body_white = ~body.any(axis=0)
    head_white = ~header.any(axis=0) if header.size else body_white
    width = len(body_white)
    cuts = [(a + b) / 2 for a, b in _runs(body_white & head_white)
            if b - a >= COL_GAP and a > 0 and b < width]
    cuts += [(a + b) / 2 for a, b in _runs(body_white)
             if b - a >= COL_GAP and a > 0 and b < width
             and not any(a <= c <= b for c in cuts)]  # under headings that run close
    for a, b in _runs(body_white):  # white under headings at the sides: an empty column
        if b - a >= COL_GAP and (a == 0 or b == width):
            inked = [(i, j) for i, j in _runs(~head_white[a:b]) if j - i >= COL_GAP // 3]
            if inked:
                gap = [(i, j) for i, j in _runs(head_white[a:b]) if j - i >= COL_GAP
                       and i > 0 and j < b - a]
                side = (gap[-1] if a == 0 else gap[0]) if gap else None
                if side is not None:
                    cuts.append(a + (side[0] + side[1]) / 2)
    if not cuts:
        return None
    return [float(x0)] + [x0 + c for c in sorted(cuts)] + [float(x0 + width)]


def _crossed(text: np.ndarray, x: float, top: float, bottom: float) -> bool:
    """Whether a heading's ink runs across a column line within a header row."""
    strip = text[int(top) + RULE_SLACK: int(bottom) - RULE_SLACK, int(x) - 2: int(x) + 3]
    return bool(strip.size) and bool((strip > 0).any())


def _row_gap(text: np.ndarray, xs: list[float], top: int, bottom: int) -> int:
    """The gap (px) under which lines are one cell's: BLOCK_GAP, or less where the body's
    rows stand closer (a 150-DPI scan's rows stand closer than a clean scan's)."""
    gaps = []
    for left, right in zip(xs, xs[1:], strict=False):
        inked = (text[top + RULE_SLACK: bottom - RULE_SLACK, int(left): int(right)] > 0
                 ).any(axis=1)
        runs = _closed(_runs(inked), SPECK_GAP)
        gaps += [b[0] - a[1] for a, b in zip(runs, runs[1:], strict=False)]
    if not gaps:
        return BLOCK_GAP
    return min(BLOCK_GAP, max(SPECK_GAP, int(ROW_GAP_SHARE * np.median(gaps))))


def _rows(text: np.ndarray, xs: list[float], top: int, bottom: int, gap: int) -> list[float]:
    """Row lines between two rules: where the text blocks of all columns pause for more
    than `gap` (lines of one cell are closer than the rows are)."""
    blocks = []
    for left, right in zip(xs, xs[1:], strict=False):
        inked = (text[top + RULE_SLACK: bottom - RULE_SLACK, int(left): int(right)] > 0
                 ).any(axis=1)
        blocks.extend(_closed(_runs(inked), gap))
    bands: list[list[int]] = []
    for a, b in sorted(blocks):
        if bands and a <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], b)
        else:
            bands.append([a, b])
    return [top + RULE_SLACK + (bands[i][1] + bands[i + 1][0]) / 2 for i in range(len(bands) - 1)]


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=False))


def _closed(runs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Runs joined across gaps up to `gap`."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a - out[-1][1] <= gap:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
