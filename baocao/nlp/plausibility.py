"""How far each figure can be trusted, and what the text proves is no figure at all.

A figure's trust (0–1) starts from the lowest OCR confidence of its words (text layer: 1),
rises when a second reading of its digits from the page agrees, and falls when that reading
disagrees with a first reading OCR was unsure of, when it is handwritten, or when its value is
implausible: a percentage over 1.000
with no "gấp"/"lần", a year-like number carrying its neighbour's unit, a count with decimals,
a number with a stray mark before it ("4, l 2%"). Below TO_CHECK_BELOW it is `to_check`:
flagged, and left out of totals until a person confirms it. Where the text proves a number is
no figure of its own (a year after "năm" that took a neighbour's unit), `mend` drops it: a
value known wrong is never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from baocao.datamodel import Figure, FigureMatch, Flag, PageText, Word
from baocao.nlp.checks import MIN_FIGURE_CONFIDENCE

# Trust below which a figure is to_check: the OCR confidence under which it was already
# flagged low_confidence (nlp/checks.py), on the same 0–1 scale.
TO_CHECK_BELOW = MIN_FIGURE_CONFIDENCE / 100
# The trust of a figure whose digits a second reading from the page gives again, whatever
# OCR's own confidence; and the most a doubted figure keeps.
AGREED = 0.95
DOUBTED = 0.3
# OCR confidence from which the first reading outweighs a second one that disagrees: the
# second reader (digits only, on the word cut out) misreads clean serif print ("540" as
# "5940", "500" as "900"). On wilddev, realdev and the samples, of 29 number words read at 90
# or more that the two readings gave differently, the first was right on 26 (one of the three
# was "7025" after "năm", which `mend` drops); under 90 the second often was. Such a figure
# stays in totals, trusted no more than SURE_READ.
SURE_READ = 90

# The word "năm" (year) right before a number: what follows is a year, whatever unit it took
# from a neighbour; not "mỗi năm 5 cuộc" (five a year). Example: "trong năm " before "7025
# và 50%" (OCR's 7025 for 2025).
YEAR_WORD = regex.compile(r"(?<!\p{L})(?<!(?:mỗi|hằng|hàng|một)[ ])(?i:năm)[ ]+\Z")
# Four digits with no group dot and nothing else: a year, or OCR's misreading of one, when it
# holds a unit it took from a neighbour ("7025 và 50%"). Vietnamese groups counts: "1.500".
BARE_YEAR = regex.compile(r"\d{4}")
# A lone mark OCR makes of a digit ("l", "I", "|", "!") between an earlier digit and the
# number: the number is the tail of a damaged one. Example: "4, l " before "2%" in "chiếm tỷ
# lệ 4, l 2%" (an italic "4,12%").
STRAY_BEFORE = regex.compile(r"\d[.,]?[ ]?[lI|!][ ]?\Z")
# "gấp" or "lần": a multiple, where a percentage over 1.000 may be meant. Example: "tăng
# 1.250% (gấp 13,5 lần)".
MULTIPLE = regex.compile(r"(?<!\p{L})(?i:gấp|lần)(?!\p{L})")
# What stands in one figure's reach on the left: enough for the patterns above.
REACH = 16
DIGIT = regex.compile(r"\d")


def mend(text: str, matches: list[FigureMatch]) -> list[FigureMatch]:
    """The figures found in `text` less what the text proves is no figure: a year after "năm"
    that took a neighbour's unit; the matches are left as they were. (A fraction OCR split,
    "03/ 124 đơn vị", is read whole by nlp/figures.py.)"""
    return [m for m in matches if not (
        BARE_YEAR.fullmatch(m.raw) and YEAR_WORD.search(text[max(0, m.start - REACH):m.start]))]


def second_reading(words: Sequence[Word]) -> tuple[str | None, bool | None, bool | None]:
    """What a figure's words say of it beyond OCR's first reading: their digits read again
    (joined), whether every word holding digits gave the same digits again (None: not all were
    re-read and none disagreed), whether any of them is handwritten (None: unknown)."""
    numbers = [w for w in words if DIGIT.search(w.text)]
    # a second reading that gave nothing (a lone digit often comes back empty) says nothing
    reread = [w for w in numbers if w.reread]
    joined = " ".join(w.reread for w in reread if w.reread) or None
    agrees: bool | None = None
    if any(_digits(w.reread or "") != _digits(w.text) for w in reread):
        agrees = False
    elif reread and len(reread) == len(numbers):
        agrees = True
    known = [w.handwritten for w in words if w.handwritten is not None]
    return joined, agrees, (any(known) if known else None)


def _digits(text: str) -> str:
    return "".join(DIGIT.findall(text))


def weigh_figures(texts: list[PageText], figures: list[Figure]
                  ) -> tuple[list[Figure], list[Flag]]:
    """The figures again, each with its trust and to_check set, and a to_check flag saying why
    for each one in doubt; the figures given are left as they were."""
    pages = {t.page_no: t.text for t in texts}
    out, flags = [], []
    for f in figures:
        reasons = doubts(f, pages.get(f.page_no, ""))
        trust = _trust(f, bool(reasons))
        to_check = trust < TO_CHECK_BELOW
        if to_check:
            if f.confidence is not None and f.confidence < MIN_FIGURE_CONFIDENCE \
                    and not f.reread_agrees:
                reasons.insert(0, f"OCR read it with confidence {f.confidence:.0f}")
            flags.append(Flag(f.figure_id, "to_check",
                              f"'{f.raw}' is left out of totals until a person confirms it: "
                              + "; ".join(reasons)))
        out.append(replace(f, trust=round(trust, 2), to_check=to_check,
                           flags=[*f.flags, "to_check"] if to_check else list(f.flags)))
    return out, flags


def doubts(f: Figure, text: str) -> list[str]:
    """Why the figure's value is in doubt beyond OCR's confidence: its second reading, its
    handwriting, an implausible value no agreeing second reading vouches for."""
    out = []
    if f.reread_agrees is False and not _surely_read(f):
        out.append(f"a second reading of its digits gives '{f.reread}'")
    if f.handwritten:
        out.append("it is written by hand")
    if not f.reread_agrees:
        out += implausible(f)
    if f.start is not None and STRAY_BEFORE.search(text, max(0, f.start - REACH), f.start):
        # the second reading of its own words cannot tell whether the mark belongs to it
        out.append("a stray mark stands between it and the digits before it, so it may be "
                   "the tail of a damaged number")
    return out


def implausible(f: Figure) -> list[str]:
    """What makes a figure's value unlikely as read."""
    out = []
    if f.kind == "percent" and f.value > 1000 and not MULTIPLE.search(f.sentence or ""):
        out.append("a percentage over 1000 with no 'gấp' or 'lần'")
    if f.table_id is None and f.unit_from != "label" and BARE_YEAR.fullmatch(f.raw):
        out.append("a year-like number carrying the unit of its neighbour")
    if f.kind == "count" and f.value != int(f.value):
        out.append("a count with decimals")
    return out


def _surely_read(f: Figure) -> bool:
    return f.confidence is None or f.confidence >= SURE_READ


def _trust(f: Figure, doubted: bool) -> float:
    """OCR's confidence (1 for the text layer), raised by an agreeing second reading, capped
    by a disagreeing one and by any doubt."""
    trust = 1.0 if f.confidence is None else f.confidence / 100
    if f.reread_agrees:
        trust = max(trust, AGREED)
    elif f.reread_agrees is False:
        trust = min(trust, SURE_READ / 100)
    return min(trust, DOUBTED) if doubted else trust
