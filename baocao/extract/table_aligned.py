"""Tables without rules (a yearbook's whitespace-aligned columns), from word boxes of a
text layer or of OCR: only a block of lines whose numbers stand apart from the text in
columns with shared right edges is taken, so running text never becomes a table (a
missed table costs less than an invented one)."""

from __future__ import annotations

import statistics
from dataclasses import replace

from baocao.datamodel import Box, TableCell, TableGrid, Word
from baocao.extract.table_heading import header_rows, heading_of
from baocao.extract.table_lines import (
    CELL_GAP,
    EDGE_TOLERANCE,
    NO_DATA,
    Chunk,
    Row,
    chunked,
    inked,
    lines_of,
)
from baocao.vietnamese.text import normalize

# Two table lines are at most this far apart (top to top).
MAX_PITCH = 2.6
# Numeric lines a table needs: with two number columns or more, and with one.
MIN_ROWS, MIN_ROWS_ONE_COLUMN = 3, 5
# Header lines looked for above the first numeric line.
MAX_HEADER_LINES = 6
# A column headed right of the numbers with nothing under it has a heading of a few words.
NOTE_WORDS = 3


def aligned_tables(words: list[Word], source: str) -> list[TableGrid]:
    """The unruled tables among a page's words (source "text" or "ocr"); [] for none."""
    words = [w for w in words if inked(w.text) or w.text in NO_DATA]
    if not words:
        return []
    height = statistics.median(w.height for w in words) or 1.0
    rows = [chunked(line, height) for line in lines_of(words, height)]
    tables, i = [], 0
    while i < len(rows):
        found = _block(rows, i, height)
        if found is None:
            i += 1
            continue
        first, body, end, edges, label_right = found
        tables.append(_grid(rows, (first, body, end), edges, label_right, height, source))
        i = end
    return tables


def _stray(chunk: Chunk, edges: list[float], height: float) -> bool:
    """A dash or dot of a speck between columns: a no-data mark not at a column's edge."""
    return chunk.text in NO_DATA and all(abs(chunk.right - e) > EDGE_TOLERANCE * height
                                         for e in edges)


def _block(rows: list[Row], start: int, height: float
           ) -> tuple[int, int, int, list[float], float] | None:
    """(first row, first body row, end, number column right edges, label column right end)
    of the table whose numbers start at rows[start], header lines above included; None
    when none does."""
    if not rows[start].numbers:
        return None
    lefts = {c.right: c.left for c in rows[start].numbers}  # column edge: its leftmost
    end, numeric = start + 1, 1
    for i in range(start + 1, len(rows)):
        row = rows[i]
        if row.top - rows[i - 1].top > MAX_PITCH * height:
            break
        grown = _grown(row, lefts, height) if row.numbers else None
        if grown is not None:
            numeric, end, lefts = numeric + 1, i + 1, grown
        elif _misread(row, sorted(lefts), _first_left(rows, start, i), height):
            end = i + 1  # its cells are read again one by one
        elif not _between(row, sorted(lefts), _first_left(rows, start, i), height):
            break  # else a group label ("Địa phương tăng cao") or a cell misread as no
            # number, kept if numbers follow
    lefts.update(_dash_columns(rows[start:end], lefts, height))
    edges = sorted(lefts)
    need = MIN_ROWS if len(edges) >= 2 else MIN_ROWS_ONE_COLUMN
    if numeric < need:
        return None
    labels = [c.right for r in rows[start:end] for c in r.chunks
              if c.right < _first_left(rows, start, end) and c.text not in NO_DATA]
    label_right = max(labels, default=float("-inf"))
    if any(not _place_all(rows[k], edges, label_right, height) for k in range(start, end)):
        return None
    edges = edges + _notes_column(rows, start, edges, height)
    first, body, label_right = _header_start(rows, start, edges, label_right,
                                             _first_left(rows, start, end), height)
    return first, body, end, edges, label_right


def _notes_column(rows: list[Row], start: int, edges: list[float], height: float
                  ) -> list[float]:
    """[its right end] for a column headed right of the number columns with nothing under
    it ("Ghi chú"), [] for none: a header line heading number columns whose last words
    stand clear right of them. A unit line alone right of the table heads nothing."""
    tol = EDGE_TOLERANCE * height
    ends = []
    for k in range(start, max(0, start - MAX_HEADER_LINES - 2), -1):
        if not _close(rows, k, height):
            break
        words = [w for c in rows[k - 1].chunks for w in c.words]
        right = [w for w in words if w.left > edges[-1] + tol]
        heads = {_edge(w.left + w.width, edges) for w in words
                 if w.left + w.width <= edges[-1] + tol and w.left > edges[0] - 3 * tol}
        if right and len(right) <= NOTE_WORDS and len(heads) >= 2:
            ends.append(max(w.left + w.width for w in right))
    return [max(ends)] if ends else []


def _grown(row: Row, lefts: dict[float, float], height: float) -> dict[float, float] | None:
    """The number columns (right edge: leftmost start) with this line's numbers in them:
    each on a known column's edge, or a column of its own where the lines above had a
    misread cell ("10/2" for "3.572"), clear of the known ones and not the line's label;
    None when one is neither."""
    tol = EDGE_TOLERANCE * height
    out = dict(lefts)
    for c in row.numbers:
        edge = min(out, key=lambda e: abs(e - c.right))
        if abs(edge - c.right) <= tol:
            out[edge] = min(out[edge], c.left)
        elif all(c.left > e + tol or c.right < left - tol for e, left in out.items()) and (
                c is not row.chunks[0]):
            out[c.right] = c.left
        else:
            return None
    return out


def _between(row: Row, edges: list[float], first_left: float, height: float) -> bool:
    """Whether each chunk of a line lies left of the number columns or in one of them."""
    tol = EDGE_TOLERANCE * height
    return all(c.right < first_left or _stray(c, edges, height)
               or (abs(_edge(c.right, edges) - c.right) <= tol
                   and c.left >= first_left - CELL_GAP * height)
               for c in row.chunks)


def _dash_columns(rows: list[Row], lefts: dict[float, float], height: float
                  ) -> dict[float, float]:
    """Columns of "no data" marks alone ("Nhà hộ sinh": "-" down the page): marks ending
    together in MIN_ROWS lines or more, clear of the number columns; a speck's dash stands
    alone."""
    tol = EDGE_TOLERANCE * height
    marks = sorted((c.right, c.left) for r in rows for c in r.chunks[1:] if c.text in NO_DATA
                   and all(abs(c.right - e) > tol for e in lefts))
    out: dict[float, float] = {}
    group: list[tuple[float, float]] = []
    for mark in [*marks, (float("inf"), float("inf"))]:
        if group and mark[0] - group[0][0] > tol:
            if len(group) >= MIN_ROWS:
                right, left = max(r for r, _ in group), min(x for _, x in group)
                if all(left > e + tol or right < x - tol for e, x in lefts.items()):
                    out[right] = left
            group = []
        group.append(mark)
    return out


def _misread(row: Row, edges: list[float], first_left: float, height: float) -> bool:
    """A row whose label is read and whose figures the page reading ran together into
    something else ("Chỉ số giá đô la Mỹ  TUIY¿C 10c 102032 1U2,// …"): a label, then
    digits within the number columns and nowhere else."""
    tol = EDGE_TOLERANCE * height
    label, *rest = row.chunks
    return (label.right < first_left and bool(rest)
            and all(c.left >= first_left - CELL_GAP * height and c.right <= edges[-1] + tol
                    for c in rest)
            and any(ch.isdigit() for c in rest for ch in c.text))


def _edge(right: float, edges: list[float]) -> float:
    """The known column edge a right end lies on."""
    return min(edges, key=lambda e: abs(e - right))


def _first_left(rows: list[Row], start: int, stop: int) -> float:
    """Where the leftmost number column begins, over the numeric rows so far."""
    return min((c.left for r in rows[start:stop] for c in r.numbers), default=float("inf"))


def _place_all(row: Row, edges: list[float], label_right: float, height: float
               ) -> dict[int, list[Chunk]]:
    """Chunks by column (0: labels, k: the k-th number column); {} when a chunk ends past
    the last column or runs across a column line from the labels (a caption, a line of
    running text). A chunk across a column line right of the labels is a misread cell
    ("Š 1Á sÚ"): it goes where its middle is."""
    tol = EDGE_TOLERANCE * height
    placed: dict[int, list[Chunk]] = {}
    for chunk in row.chunks:
        if _stray(chunk, edges, height) and chunk is not row.chunks[0]:
            continue
        col = next((k for k, e in enumerate(edges, start=1) if chunk.right <= e + tol), None)
        if col is None:
            return {}
        if chunk.right <= label_right + tol:
            col = 0
        elif chunk.left <= (edges[col - 2] if col > 1 else label_right):
            if chunk.left <= label_right:
                return {}
            mid = (chunk.left + chunk.right) / 2
            col = next(k for k, e in enumerate(edges, start=1) if mid <= e + tol)
        placed.setdefault(col, []).append(chunk)
    return placed


def _header_start(rows: list[Row], start: int, edges: list[float], label_right: float,
                  first_left: float, height: float) -> tuple[int, int, float]:
    """(first header line, first body line, label column's right end) above the first
    numeric line rows[start]: the label-only lines right above it are group labels of the
    body ("TỶ SUẤT CHUNG"), the up to MAX_HEADER_LINES lines above those that head the
    number columns are the header (a caption or unit line runs past the last column or
    across the label column and stops the search). With no header, neither: the last line
    of a paragraph above is no group label."""
    body = start
    while (body > 0 and start - body < MAX_HEADER_LINES and _close(rows, body, height)
           and all(c.right < first_left - CELL_GAP * height for c in rows[body - 1].chunks)):
        body -= 1
    label_right = max([label_right] + [c.right for r in rows[body:start] for c in r.chunks])
    first = body
    while first > 0 and body - first < MAX_HEADER_LINES and _close(rows, first, height):
        if heading_of(rows[first - 1], edges, label_right, height) is None:
            break
        first -= 1
    heads = any(col > 0 for r in rows[first:body]
                for col in heading_of(r, edges, label_right, height) or {})
    return (first, body, label_right) if heads else (start, start, label_right)


def _close(rows: list[Row], k: int, height: float) -> bool:
    """Whether line k-1 is near enough above line k to be of the same table."""
    return rows[k].top - rows[k - 1].top <= MAX_PITCH * height


def _grid(rows: list[Row], span: tuple[int, int, int], edges: list[float],
          label_right: float, height: float, source: str) -> TableGrid:
    """Cells of rows[first:end]: header lines joined into header rows (a line with a cell
    over several columns is a row of its own), then a row a body line, a label wrapped
    onto the next line (it goes on in lower case) joined to its row."""
    first, body, end = span
    n_cols = len(edges) + 1
    headings = [heading_of(rows[k], edges, label_right, height) or {} for k in range(first, body)]
    placed_body = [_place_all(row, edges, label_right, height) for row in rows[body:end]]
    starts = [min((c.left for p in placed_body for c in p.get(k, [])), default=edges[k - 1])
              for k in range(1, len(edges) + 1)]
    header = header_rows(rows[first:body + 1], headings, starts, edges, label_right, height)
    cells: list[TableCell] = []
    for r, group in enumerate(header):
        placed: dict[int, tuple[int, list[Chunk]]] = {}
        for heading in group:
            for col, (n, chunks) in heading.items():
                have = placed.get(col, (1, []))
                placed[col] = (max(have[0], n), have[1] + chunks)
        col = 0
        while col < n_cols:
            n, chunks = placed.get(col, (1, []))
            n = max(1, min(n, n_cols - col))
            cells.append(replace(_cell(r, col, chunks, source), col_span=n))
            col += n
    lines = _joined(rows[body:end], edges, label_right, height)
    for r, group in enumerate(lines, start=len(header)):
        by_col: dict[int, list[Chunk]] = {}
        for row in group:
            for col, chunks in _place_all(row, edges, label_right, height).items():
                by_col.setdefault(col, []).extend(chunks)
        for c in range(n_cols):
            cells.append(_cell(r, c, by_col.get(c, []), source))
    words = [w for row in rows[first:end] for c in row.chunks for w in c.words]
    bbox = Box(min(w.left for w in words), min(w.top for w in words),
               max(w.left + w.width for w in words), max(w.top + w.height for w in words))
    return TableGrid(len(header) + len(lines), n_cols, cells, "none", bbox,  # type: ignore[arg-type]
                     source)


def _joined(rows: list[Row], edges: list[float], label_right: float, height: float
            ) -> list[list[Row]]:
    """Body lines as rows: a line that only goes on with the label of the line above (its
    label starts in lower case or closes a bracket the line above opened, no numbers) or
    whose numbers the label-only line above it began ("Tháng 12 năm báo cáo so với" /
    "tháng 12 năm trước  104,92 …") is joined."""
    out: list[list[Row]] = []
    for row in rows:
        placed = _place_all(row, edges, label_right, height)
        label = " ".join(c.text for c in placed.get(0, []))
        above = " ".join(c.text for r in out[-1] for c in r.chunks if c.right <= label_right
                         ) if out else ""
        open_bracket = above.count("(") > above.count(")")
        goes_on = bool(out) and (label[:1].islower() or open_bracket) and _close_rows(
            out[-1][-1], row, height)
        if goes_on and (set(placed) == {0} or not any(r.numbers for r in out[-1])):
            out[-1].append(row)
        else:
            out.append([row])
    return out


def _close_rows(above: Row, row: Row, height: float) -> bool:
    return row.top - above.top <= MAX_PITCH * height


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
