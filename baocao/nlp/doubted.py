"""Where a page's reading of a number is in doubt, and what a title block's date keeps of
its day and month then: a number written by hand, read otherwise a second time, or read
with little confidence is not taken for a typed one."""

from __future__ import annotations

from datetime import date

import regex

from baocao.datamodel import Paragraph, Word

# A day or month read with confidence: 1 or 2 digits standing apart. Example: " 15 "
CLEAN_DAY = regex.compile(r"\s+(\d{1,2})\s+")
# A number read with less confidence than this is doubted (a typed "412/BC-SCT" reads at
# about 90, a handwritten "214" beside it at 8).
DOUBTED_CONFIDENCE = 80.0


def doubted_numbers(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Where the page's text holds a word with a digit that may not say what is printed:
    written by hand, read with other digits the second time, or read with little
    confidence (OCR words only: the text layer's are what is printed)."""
    return [(a, b) for p in paragraphs for a, b, w in p.words
            if w.conf is not None and any(ch.isdigit() for ch in w.text) and _doubted(w)]


def _doubted(word: Word) -> bool:
    """Written by hand, read with other digits the second time, or with little confidence."""
    digits = "".join(ch for ch in word.text if ch.isdigit())
    return bool(word.handwritten) or (word.reread is not None and word.reread != digits) or (
        word.conf is not None and word.conf < DOUBTED_CONFIDENCE)


def read_date(when: regex.Match, doubted: list[tuple[int, int]]
              ) -> tuple[str | None, str | None, list[str]]:
    """The date as far as it was read with confidence: "2025-01-17" (day), "2025-01"
    (month) when the handwritten day was not, "2025" (year); an impossible one is left out.
    Also the parts written there that were not read as typed digits ("day", "month")."""
    year = int(when["y"])
    day, month = (_clean(when, part, doubted) for part in ("d", "m"))
    unread = [name for name, part, clean in (("day", "d", day), ("month", "m", month))
              if not clean and when[part].strip()]
    if not month or not 1 <= int(month[1]) <= 12:
        return f"{year:04d}", "year", unread
    if not day:
        return f"{year:04d}-{int(month[1]):02d}", "month", unread
    full = _iso_date(year, int(month[1]), int(day[1]))
    return (full, "day", unread) if full else (None, None, unread)


def _clean(when: regex.Match, part: str, doubted: list[tuple[int, int]]
           ) -> regex.Match | None:
    """The day or month as typed digits standing apart, none where they are in doubt."""
    if in_doubt(when.span(part), doubted):
        return None
    return CLEAN_DAY.fullmatch(f" {when[part]} ")


def in_doubt(span: tuple[int, int], doubted: list[tuple[int, int]]) -> bool:
    """Whether a piece of the text overlaps a number the page read with doubt."""
    return any(a < span[1] and span[0] < b for a, b in doubted)


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # "ngày 31 tháng 2": a misread digit; no date rather than a wrong one
        return None
