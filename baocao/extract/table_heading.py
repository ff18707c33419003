"""The header over an unruled table's figures: each header line's headings by the column
they stand over (a heading over several columns spans them), and the lines grouped into
header rows: a heading over the headings under it ("Năm học", "Trong đó") and a
column-number line are rows of their own, a heading's wrapped lines are one."""

from __future__ import annotations

import re
import statistics

from baocao.datamodel import Word
from baocao.extract.table_lines import EDGE_TOLERANCE, NO_DATA, NUMBER_GAP, Chunk, Row
from baocao.vietnamese.text import fold

# A dash or dot in a header read this unsurely is a speck between two headings.
STRAY_CONFIDENCE = 30
# A line this far (heights) above the next is a header row of its own, not a wrapped
# heading's first line (those overlap the single-line headings centred beside them).
STACKED = 0.2
# A heading over the headings of several columns ("Trong đó", "Chia ra", "Phân theo giới
# tính", "Năm học"), folded.
GROUP_HEADING = re.compile(r"^(?:trong do|chia ra|chia theo|phan theo|bao gom|nam hoc)\b")
# The unit line above a table ("Đơn vị tính: Ha", "ĐVT: %"): never a header.
UNIT_LINE = re.compile(r"^(?:đơn vị|đvt)\b", re.IGNORECASE)

Heading = dict[int, tuple[int, list[Chunk]]]  # first column: (columns spanned, chunks)


def header_rows(lines: list[Row], headings: list[Heading], starts: list[float],
                edges: list[float], label_right: float, height: float) -> list[list[Heading]]:
    """The header lines' headings grouped into header rows (see the module's docstring);
    `lines` are the header lines and the first body line, `starts` where the number
    columns' figures start, `edges` where they end."""
    header: list[list[Heading]] = []
    opened: tuple[int, int] | None = None  # the columns a group heading stands over
    for k, heading in enumerate(headings):
        line = lines[k]
        below = headings[k + 1] if k + 1 < len(headings) else {}
        lone = (len(heading) == 1 and min(heading) > 0 and sum(c > 0 for c in below) >= 2
                and lines[k + 1].top - line.bottom >= STACKED * height
                and not any(min(heading) in h for h in headings[:k]))  # no heading's 2nd line
        groups = [c for c, (_, chunks) in heading.items()
                  if c > 0 and GROUP_HEADING.match(fold(" ".join(x.text for x in chunks)))]
        if lone or groups:  # a heading over the headings under it: a header row of its own
            col = groups[0] if groups else min(heading)
            a, b = _over(heading[col][1], starts, edges, col)
            heading = {**{c: v for c, v in heading.items() if c < a or c > b},
                       a: (b - a + 1, heading[col][1])}
        under = opened is not None and any(opened[0] <= c <= opened[1] for c in heading)
        numbering = _numbering(heading) or (k > 0 and _numbering(headings[k - 1]))
        if not header or lone or groups or under or numbering:
            header.append([])
            opened = None
        if lone or groups:
            opened = (a, b)
        header[-1].append(heading)
    return header


def heading_of(row: Row, edges: list[float], label_right: float, height: float
               ) -> Heading | None:
    """A header line's pieces by first column, with the columns each spans: words by the
    column their middle is in, a phrase running on across a column line without a cell's
    gap spanning both. None when a chunk runs past the last column, starts in the label
    column and runs into a number column (a caption), or is the unit line."""
    tol = EDGE_TOLERANCE * height
    bounds = [label_right, *edges]
    pieces: list[tuple[int, int, list[Word]]] = []  # first column, last column, words
    for chunk in row.chunks:
        if chunk.right > edges[-1] + tol or UNIT_LINE.match(chunk.text):
            return None
        if chunk.left <= label_right and chunk.right > label_right + tol:
            return None
        for w in chunk.words:
            if w.text in NO_DATA and (w.conf or 0) < STRAY_CONFIDENCE:
                continue  # a speck between two headings
            mid = w.left + w.width / 2
            col = next((k for k, e in enumerate(bounds) if mid <= e + tol), len(edges))
            last = pieces[-1] if pieces else None
            if last and last[1] == col:
                last[2].append(w)
            elif last and col > last[1] and w.left - _right(last[2]) <= NUMBER_GAP * height:
                pieces[-1] = (last[0], col, last[2] + [w])
            else:
                pieces.append((col, col, [w]))
    return {first: (last - first + 1, [Chunk(words)]) for first, last, words in pieces}


def _right(words: list[Word]) -> float:
    return max(w.left + w.width for w in words)


def _numbering(heading: Heading) -> bool:
    """A line numbering the columns from 1 at the first: "(1) (2) (3)", "1 2 3", "A B 1 2";
    on a photocopy with a mark misread among them ("N - 2 3 4 h 5"). Months wrapped under
    "Tháng" ("7 8 9 10 11 12") count from elsewhere."""
    texts = {col: " ".join(c.text for c in chunks).strip("() ")
             for col, (_, chunks) in heading.items()}
    letters = sum(1 for t in texts.values() if len(t) == 1 and t.isupper())
    counted = {col: int(t) for col, t in texts.items() if t.isdigit() and len(t) <= 2}
    return (len(texts) >= 3 and len(counted) >= max(2, 0.6 * len(texts))
            and all(n == col + 1 - letters for col, n in counted.items()))


def _over(piece: list[Chunk], starts: list[float], edges: list[float], col: int
          ) -> tuple[int, int]:
    """The number columns (first, last) a lone heading centred over several spans ("Năm
    học" over five school years): the widest run about its own column centred where it
    is; `starts` are where the columns' figures start, `edges` where they end."""
    words = [w for c in piece for w in c.words]
    mid = (min(w.left for w in words) + _right(words)) / 2
    gaps = [b - a for a, b in zip(edges, edges[1:], strict=False)]
    pitch = statistics.median(gaps) if gaps else edges[0] - starts[0]
    best = (col, col)
    for a in range(1, col + 1):
        for b in range(col, len(edges) + 1):
            centred = abs((starts[a - 1] + edges[b - 1]) / 2 - mid) <= pitch / 3
            if centred and b - a > best[1] - best[0]:
                best = (a, b)
    return best
