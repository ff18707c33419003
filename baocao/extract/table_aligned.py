"""Tables without rules (a yearbook's whitespace-aligned columns), from word boxes of a
text layer or of OCR: only a block of lines whose numbers stand apart from the text in
columns with shared right edges is taken, so running text never becomes a table (a
missed table costs less than an invented one)."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from baocao.datamodel import Box, TableCell, TableGrid, Word
from baocao.vietnamese.text import normalize

# Sizes relative to the median word height, so one rule fits pixels and PDF points.
# Words further apart than this are in different cells (justified text stretches its word
# spaces to about one height).
CELL_GAP = 2.0
# Right edges of one number column agree within this.
EDGE_TOLERANCE = 0.6
# Two table lines are at most this far apart (top to top).
MAX_PITCH = 2.6
# Lines whose middles are this close are one visual line.
SAME_LINE = 0.5
# Numeric lines a table needs: with two number columns or more, and with one.
MIN_ROWS, MIN_ROWS_ONE_COLUMN = 3, 5
# Header lines looked for above the first numeric line.
MAX_HEADER_LINES = 2
# A number as printed: sign, thousands groups or plain digits, decimals, percent.
NUMBER = re.compile(r"^[-−–]?(\d{1,3}([.,]\d{3})+|\d+)([.,]\d+)?%?$")
# Printed in a number column for "no data".
NO_DATA = frozenset({"-", "–", "—", "x", "..."})


@dataclass
class Chunk:
    """Words of one line close enough to be one cell."""

    words: list[Word]

    @property
    def left(self) -> float:
        return self.words[0].left

    @property
    def right(self) -> float:
        return max(w.left + w.width for w in self.words)

    @property
    def text(self) -> str:
        return normalize(" ".join(w.text for w in self.words))

    @property
    def numeric(self) -> bool:
        return len(self.words) == 1 and bool(NUMBER.match(self.words[0].text))


@dataclass
class Row:
    """A visual line cut into chunks."""

    top: float
    bottom: float
    chunks: list[Chunk]
    numbers: list[Chunk] = field(default_factory=list)  # chunks standing in number columns


def aligned_tables(words: list[Word], source: str) -> list[TableGrid]:
    """The unruled tables among a page's words (source "text" or "ocr"); [] for none."""
    words = [w for w in words if any(ch.isalnum() for ch in w.text) or w.text in NO_DATA]
    if not words:
        return []
    height = statistics.median(w.height for w in words) or 1.0
    rows = [_chunked(line, height) for line in _lines(words, height)]
    tables, i = [], 0
    while i < len(rows):
        found = _block(rows, i, height)
        if found is None:
            i += 1
            continue
        start, end, edges, label_right = found
        tables.append(_grid(rows, (start, end), edges, label_right, height, source))
        i = end
    return tables


def _lines(words: list[Word], height: float) -> list[list[Word]]:
    """Words grouped into visual lines, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top + w.height / 2):
        mid = w.top + w.height / 2
        if lines and abs(mid - _mid(lines[-1])) <= SAME_LINE * height:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.left) for line in lines]


def _mid(line: list[Word]) -> float:
    return statistics.median(w.top + w.height / 2 for w in line)


def _chunked(line: list[Word], height: float) -> Row:
    """A line cut where words stand further apart than a cell gap; its number chunks are
    the numeric ones after the first chunk (a line's own leading number is no column)."""
    chunks = [Chunk([line[0]])]
    for w in line[1:]:
        if w.left - chunks[-1].right > CELL_GAP * height:
            chunks.append(Chunk([w]))
        else:
            chunks[-1].words.append(w)
    numbers = [c for c in chunks[1:] if c.numeric]
    if len(numbers) < 2 and chunks[0].numeric and len(chunks) > 1:
        numbers = [c for c in chunks if c.numeric]
    return Row(min(w.top for w in line), max(w.top + w.height for w in line), chunks,
               numbers if (len(numbers) >= 2 or (numbers and len(chunks) >= 2)) else [])


def _block(rows: list[Row], start: int, height: float
           ) -> tuple[int, int, list[float], float] | None:
    """(first row, end, number column right edges, label column right end) of the table
    whose body starts at rows[start], header lines above included; None when none does."""
    if not rows[start].numbers:
        return None
    edges = sorted(c.right for c in rows[start].numbers)
    end, numeric = start + 1, 1
    for i in range(start + 1, len(rows)):
        row = rows[i]
        if row.top - rows[i - 1].top > MAX_PITCH * height:
            break
        if row.numbers and _fits(row, edges, height):
            numeric, end = numeric + 1, i + 1
            edges = sorted(set(edges) | {_edge(c.right, edges) for c in row.numbers})
        elif not _between(row, edges, _first_left(rows, start, i), height):
            break  # else a group label ("Địa phương tăng cao") or a cell misread as no
            # number, kept if numbers follow
    need = MIN_ROWS if len(edges) >= 2 else MIN_ROWS_ONE_COLUMN
    if numeric < need:
        return None
    labels = [c.right for r in rows[start:end] for c in r.chunks
              if c.right < _first_left(rows, start, end) and c.text not in NO_DATA]
    label_right = max(labels, default=float("-inf"))
    if any(not _place_all(rows[k], edges, label_right, height) for k in range(start, end)):
        return None
    return _header_start(rows, start, edges, label_right, height), end, edges, label_right


def _fits(row: Row, edges: list[float], height: float) -> bool:
    """Whether every number chunk of the row ends on a known column edge."""
    return all(any(abs(c.right - e) <= EDGE_TOLERANCE * height for e in edges)
               for c in row.numbers)


def _between(row: Row, edges: list[float], first_left: float, height: float) -> bool:
    """Whether each chunk of a line lies left of the number columns or in one of them."""
    tol = EDGE_TOLERANCE * height
    return all(c.right < first_left or (abs(_edge(c.right, edges) - c.right) <= tol
                                        and c.left >= first_left - CELL_GAP * height)
               for c in row.chunks)


def _edge(right: float, edges: list[float]) -> float:
    """The known column edge a right end lies on."""
    return min(edges, key=lambda e: abs(e - right))


def _first_left(rows: list[Row], start: int, stop: int) -> float:
    """Where the leftmost number column begins, over the numeric rows so far."""
    return min((c.left for r in rows[start:stop] for c in r.numbers), default=float("inf"))


def _place_all(row: Row, edges: list[float], label_right: float, height: float
               ) -> dict[int, list[Chunk]]:
    """Chunks by column (0: labels, k: the k-th number column); {} when a chunk ends past
    the last column or runs across a column line (a caption, a line of running text)."""
    tol = EDGE_TOLERANCE * height
    placed: dict[int, list[Chunk]] = {}
    for chunk in row.chunks:
        col = next((k for k, e in enumerate(edges, start=1) if chunk.right <= e + tol), None)
        if col is None:
            return {}
        if chunk.right <= label_right + tol:
            col = 0
        elif chunk.left <= (edges[col - 2] if col > 1 else label_right):
            return {}
        placed.setdefault(col, []).append(chunk)
    return placed


def _header_start(rows: list[Row], start: int, edges: list[float], label_right: float,
                  height: float) -> int:
    """The first of up to MAX_HEADER_LINES lines right above the body that fit its columns
    (a caption or unit line runs past the last column and stops the search)."""
    first = start
    while first > 0 and start - first < MAX_HEADER_LINES:
        row = rows[first - 1]
        if rows[first].top - row.top > MAX_PITCH * height:
            break
        if not _place_all(row, edges, label_right, height):
            break
        first -= 1
    return first


def _grid(rows: list[Row], span: tuple[int, int], edges: list[float], label_right: float,
          height: float, source: str) -> TableGrid:
    """Cells of rows[first:end]: the header lines above the first numeric row as one row."""
    first, end = span
    body = next(k for k in range(first, end) if rows[k].numbers)
    groups = ([rows[first:body]] if body > first else []) + [[r] for r in rows[body:end]]
    n_cols = len(edges) + 1
    cells = []
    for r, group in enumerate(groups):
        by_col: dict[int, list[Chunk]] = {}
        for row in group:
            for col, chunks in _place_all(row, edges, label_right, height).items():
                by_col.setdefault(col, []).extend(chunks)
        for c in range(n_cols):
            cells.append(_cell(r, c, by_col.get(c, []), source))
    words = [w for row in rows[first:end] for c in row.chunks for w in c.words]
    bbox = Box(min(w.left for w in words), min(w.top for w in words),
               max(w.left + w.width for w in words), max(w.top + w.height for w in words))
    return TableGrid(len(groups), n_cols, cells, "none", bbox, source)  # type: ignore[arg-type]


def _cell(row: int, col: int, chunks: list[Chunk], source: str) -> TableCell:
    """One cell from its chunks (lines joined by a space), with its lowest confidence."""
    words = [w for c in chunks for w in c.words]
    text = normalize(" ".join(c.text for c in chunks))
    if not words:
        return TableCell(row, col, "")
    box = Box(min(w.left for w in words), min(w.top for w in words),
              max(w.left + w.width for w in words), max(w.top + w.height for w in words))
    confs = [w.conf for w in words if w.conf is not None]
    return TableCell(row, col, text, bbox=box,
                     confidence=min(confs) if confs and source == "ocr" else None)
