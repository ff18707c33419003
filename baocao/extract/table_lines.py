"""A page's words as lines cut into chunks, a chunk the words of one table cell: the first
step of finding a table without rules (table_aligned.py). Sizes are relative to the median
word height, so one rule fits pixels and PDF points."""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field

from baocao.datamodel import Word
from baocao.vietnamese.text import normalize

# Sizes relative to the median word height, so one rule fits pixels and PDF points.
# Words further apart than this are in different cells (justified text stretches its word
# spaces to about one height).
CELL_GAP = 2.0
# Two numbers further apart than this are in different cells: a number holds no space, and
# a yearbook's narrow columns leave less than a height between bold figures.
NUMBER_GAP = 0.6
# Right edges of one number column agree within this.
EDGE_TOLERANCE = 0.6
# Lines whose middles are this close are one visual line.
SAME_LINE = 0.5
# A number as printed: sign, thousands groups or plain digits, decimals, percent.
NUMBER = re.compile(r"^[-−–]?(\d{1,3}([.,]\d{3})+|\d+)([.,]\d+)?%?$")
# Printed in a number column for "no data".
NO_DATA = frozenset({"-", "–", "—", "x", "...", "…"})
# A year heading a row ("2017"), no figure of it.
YEAR = re.compile(r"^(?:19|20)\d\d$")


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


def inked(text: str) -> bool:
    """Whether a word has a digit or a letter: not a speck read as a mark (":", "ˆ", "'")."""
    return any(ch.isdigit() or unicodedata.category(ch) in ("Lu", "Ll") for ch in text)


def number_like(text: str) -> bool:
    """A number, perhaps with a speck read at an end ("99,57.", "- 102,89")."""
    return bool(NUMBER.match(text.strip(".,:;'\"`-–—")))


def lines_of(words: list[Word], height: float) -> list[list[Word]]:
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


def chunked(line: list[Word], height: float) -> Row:
    """A line cut where words stand further apart than a cell gap; its number chunks are
    the numeric ones after the first chunk (a line's own leading number is no column)."""
    chunks = [Chunk([line[0]])]
    for w in line[1:]:
        gap = w.left - chunks[-1].right
        both = all(number_like(t) or t in NO_DATA for t in (w.text, chunks[-1].words[-1].text))
        if gap > CELL_GAP * height or (both and gap > NUMBER_GAP * height):
            chunks.append(Chunk([w]))
        else:
            chunks[-1].words.append(w)
    numbers = [c for c in chunks[1:] if c.numeric]
    if len(numbers) < 2 and chunks[0].numeric and len(chunks) > 1 and not YEAR.match(
            chunks[0].text):  # "2017  8,19  …  …": a year heads its row
        numbers = [c for c in chunks if c.numeric]
    return Row(min(w.top for w in line), max(w.top + w.height for w in line), chunks,
               numbers if (len(numbers) >= 2 or (numbers and len(chunks) >= 2)) else [])
