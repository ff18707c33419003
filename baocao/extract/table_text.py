"""Ruled tables from a PDF's text layer: pdfplumber's line-based table finder, turned
into a grid of cells with spans (a merged header cell covers several grid positions).

pdfplumber's "text" strategy finds a "table" on every page of running text (aligned words
in justified paragraphs), so unruled tables are found from the word boxes by
table_aligned's stricter rule instead."""

from __future__ import annotations

from bisect import bisect_left

import pdfplumber
from pdfplumber.utils import extract_text

from baocao.datamodel import Box, TableCell, TableGrid, Word
from baocao.extract.table_aligned import aligned_tables
from baocao.vietnamese.text import normalize

# Table finder settings: ruling lines only, snapping the double strokes Word draws.
SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
            "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}
# A filled rectangle thicker than this (points) both ways is shading behind text (Word's
# paragraph shading), not a rule: its edges would cut cells in two.
RULE_THICKNESS = 2.0
# Cell edges closer than this (points) are one grid line.
EDGE_TOLERANCE = 1.5


def text_tables(page: pdfplumber.page.Page) -> list[TableGrid]:
    """The ruled tables of a text-layer page as cell grids, then its unruled tables of
    aligned number columns (outside the ruled ones); [] where it has none."""
    ruled = _ruled_tables(page) if page.rects or page.lines else []
    words = [Word(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"] - w["x0"]),
                  float(w["bottom"] - w["top"])) for w in page.extract_words()]
    free = [w for w in words if not any(_inside(_box(w), t.bbox, 2.0) for t in ruled)]
    return ruled + aligned_tables(free, "text")


def _box(w: Word) -> Box:
    return Box(w.left, w.top, w.left + w.width, w.top + w.height)


def _ruled_tables(page: pdfplumber.page.Page) -> list[TableGrid]:
    """The tables pdfplumber's line finder sees, outer ones only, as cell grids."""
    ruled = page.filter(_is_rule_or_text)
    found = [t for t in ruled.find_tables(SETTINGS) if len(t.cells) >= 4]
    outer = [t for t in found if not any(o is not t and _inside(t.bbox, o.bbox) for o in found)]
    grids = [_grid(page, [Box(*map(float, c)) for c in t.cells]) for t in outer]
    return [g for g in grids if g is not None]


def _is_rule_or_text(obj: dict) -> bool:
    """Keep everything but shading: filled, unstroked rectangles thick both ways."""
    if obj.get("object_type") != "rect":
        return True
    thick = (float(obj["x1"]) - float(obj["x0"]) > RULE_THICKNESS
             and float(obj["bottom"]) - float(obj["top"]) > RULE_THICKNESS)
    return not (thick and obj.get("fill") and not obj.get("stroke"))


def _inside(inner: tuple, outer: tuple, slack: float = 1.0) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def edges(values: list[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    """Distinct grid lines from many cell edges: values within `tolerance` are one line."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(lines: list[float], v: float) -> int:
    """The grid line nearest to v."""
    i = bisect_left(lines, v)
    if i == len(lines) or (i > 0 and v - lines[i - 1] < lines[i] - v):
        i -= 1
    return i


def _grid(page: pdfplumber.page.Page, boxes: list[Box]) -> TableGrid | None:
    """Cells placed on the grid of distinct edges, with their text; None when what was
    found is a framed paragraph (one column with text), not a table."""
    xs = edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = edges([b[1] for b in boxes] + [b[3] for b in boxes])
    placed = []
    for box in boxes:
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        if c1 > c0 and r1 > r0:
            placed.append([r0, c0, r1, c1, box, _cell_text(page, box)])
    placed = drop_empty_lines(placed, axis=1)
    placed = drop_empty_lines(placed, axis=0)
    if not placed:
        return None
    n_rows = max(p[2] for p in placed)
    n_cols = max(p[3] for p in placed)
    if n_rows < 2 or n_cols < 2:
        return None
    cells = [TableCell(r0, c0, text, r1 - r0, c1 - c0, box)
             for r0, c0, r1, c1, box, text in sorted(placed, key=lambda p: (p[0], p[1]))]
    bbox = Box(min(b.left for b in boxes), min(b.top for b in boxes),
               max(b.right for b in boxes), max(b.bottom for b in boxes))
    return TableGrid(n_rows, n_cols, cells, "full", bbox, "text")


def drop_empty_lines(placed: list[list], axis: int) -> list[list]:
    """Remove grid columns (axis 1) or rows (axis 0) in which no cell has text: slivers
    between doubled rules, the empty margin column of a framed paragraph. Each entry is
    [r0, c0, r1, c1, ...] in grid-line indices; spans over a removed line shrink."""
    lo, hi = (1, 3) if axis == 1 else (0, 2)
    n = max((p[hi] for p in placed), default=0)
    for j in range(n - 1, -1, -1):
        if any(p[-1] for p in placed if p[lo] == j and p[hi] == j + 1):
            continue
        placed = [p for p in placed if not (p[lo] == j and p[hi] == j + 1)]
        for p in placed:
            p[lo] -= p[lo] > j
            p[hi] -= p[hi] > j
    return placed


def _cell_text(page: pdfplumber.page.Page, box: Box) -> str:
    """The characters whose centre lies in the cell, wrapped lines joined by one space."""
    x0, top, x1, bottom = box
    chars = [c for c in page.chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
             and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    if not chars:
        return ""
    text = extract_text(chars, x_tolerance=1.5, y_tolerance=3)
    return normalize(" ".join(text.split()))
