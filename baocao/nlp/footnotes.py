"""Footnotes at the foot of a text-layer page: told from the body by their marker and their
smaller type, so that they neither run into the body's last paragraph nor give a heading."""

from __future__ import annotations

import statistics

import regex

from baocao.datamodel import Line

# A footnote opens with its marker, which the text layer gives as superscript digits (see
# extract/textlayer.py). Example: "¹" in "¹ Mô hình “Công khai thủ tục hành chính số”…".
FOOTNOTE_MARKER = regex.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# Footnotes are set smaller than the body: below this share of its size (10 pt under 14 pt).
FOOTNOTE_SIZE = 0.9


def split_footnotes(lines: list[Line]) -> tuple[list[Line], list[list[Line]]]:
    """The page's lines without its footnotes, and the footnotes, one list of lines each:
    from the first line that opens with a marker, when it and every line after it are set
    smaller than the lines above. Only a text layer gives type sizes: a scan keeps its lines."""
    sizes = [_line_size(line) for line in lines]
    for n, line in enumerate(lines):
        above = [s for s in sizes[:n] if s is not None]
        if not FOOTNOTE_MARKER.match(line.text) or not above:
            continue
        body = statistics.median(above)
        if all(s is not None and s < FOOTNOTE_SIZE * body for s in sizes[n:]):
            notes: list[list[Line]] = []
            for note_line in lines[n:]:
                if FOOTNOTE_MARKER.match(note_line.text) or not notes:
                    notes.append([note_line])
                else:
                    notes[-1].append(note_line)
            return lines[:n], notes
    return lines, []


def _line_size(line: Line) -> float | None:
    """The type size most of a line's words are set in; None where the page gives none."""
    sizes = [w.size for w in line.words if w.size]
    return statistics.median(sizes) if sizes else None
