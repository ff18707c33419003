"""Running headers and footers: the lines at a page's top and bottom that repeat from page
to page (a report's name, "Trang 3/12", a page number) and are no part of its text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from baocao.datamodel import Line, PageContent
from baocao.vietnamese.text import fold, normalize

# Lines looked at for running headers at the top and footers at the bottom of a page.
EDGE_LINES = 3

# A running header naming the page. Example: "Page 62 - Tai lieu Khuyen cong OK (13-12)"
RUNNING_PAGE_HEADER = regex.compile(r"^(?:page|trang)\s+\d{1,4}\s*[-–—:|]", regex.IGNORECASE)
# A page label. Examples: "P. 62", "Tr. 5", "Trang 12"
PAGE_LABEL = regex.compile(r"^(?:p\.|tr\.|trang|page)\s*\d{1,4}$", regex.IGNORECASE)
# A bare page number, maybe between dashes. Examples: "61", "- 61 -"
PAGE_NUMBER = regex.compile(r"^[-–—]?\s*\d{1,4}\s*[-–—]?$")
# A continuation page's running header naming the report itself, alone on its line.
# Example: "Báo cáo số 318/BC-UBND ngày 05/12/2022" (not the title block's "Số: 318/BC-UBND")
REPORT_REFERENCE = regex.compile(
    r"^(?:báo cáo|kế hoạch|tờ trình|đề án)\s+số\s*:?\s*\d+/[\p{L}\d.-]+"
    r"(?:,?\s+ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4})?$",
    regex.IGNORECASE,
)
# A navigation strip of page numbers. Example: "51 52 53 54 55 56 57 58 59 60 61"
NAV_STRIP = regex.compile(r"^\d{1,4}(?:\s+\d{1,4}){3,}$")


def _edge_key(text: str) -> str:
    """Compare edge lines without digits and accents, so "Page 61 …" repeats "Page 62 …"."""
    return regex.sub(r"\d+", "#", fold(text))


# An edge line this short (words) is page furniture even when its numbers change:
# "Trang 3/12", "Lần 2".
FURNITURE_WORDS = 3


def edge_keys(page: PageContent) -> dict[str, tuple[str, ...]]:
    """The lines at the page's top and bottom as `repeated_edge_lines` compares them: each
    without digits and accents, with the numbers it holds."""
    keys: dict[str, tuple[str, ...]] = {}
    for line in page.lines[:EDGE_LINES] + page.lines[-EDGE_LINES:]:
        text = normalize(line.text)
        keys[_edge_key(text)] = tuple(regex.findall(r"\d+", fold(text)))
    return keys


def repeated_edge_lines(pages: Iterable[dict[str, tuple[str, ...]]]) -> set[str]:
    """Lines standing at the top or bottom of at least two pages (their `edge_keys`) are
    running headers/footers: the same line, or the same apart from one number (a page
    number: "Page 61 …", "Page 62 …"), or a short furniture-like line. Content lines that
    only share their words ("1. Kết quả thực hiện năm 2022" / "2. Kết quả thực hiện năm
    2023", "Tổng kinh phí thực hiện là 150/320 triệu đồng." / "… 200/450 …") are not."""
    seen: dict[str, set[tuple[str, ...]]] = {}
    counts: Counter[str] = Counter()
    for keys in pages:
        counts.update(keys.keys())
        for key, numbers in keys.items():
            seen.setdefault(key, set()).add(numbers)
    return {key for key, n in counts.items()
            if n >= 2 and len(key) > 3 and _page_numbered(key, seen[key])}


def _page_numbered(key: str, numbers: set[tuple[str, ...]]) -> bool:
    """The occurrences differ in at most one number, or the line is short; a sentence
    ("… là 150/320 triệu đồng.") repeats as a header only word for word."""
    if len(numbers) == 1 or len(key.split()) <= FURNITURE_WORDS:
        return True
    if key.endswith((".", ";")):
        return False
    rows = list(numbers)
    varying = [i for i in range(len(rows[0])) if len({r[i] for r in rows}) > 1]
    return len(varying) <= 1


def _is_edge_line(text: str, repeated: set[str]) -> bool:
    # a speck read as a lone letter beside the label ("P.62 š") does not hide it
    text = " ".join(t for t in text.split() if len(t) > 1 or not t.isalpha())
    return bool(
        RUNNING_PAGE_HEADER.match(text)
        or PAGE_LABEL.match(text)
        or PAGE_NUMBER.match(text)
        or NAV_STRIP.match(text)
        or REPORT_REFERENCE.match(text)
        or _is_page_sequence(text)
        or _edge_key(text) in repeated
    )


def _is_page_sequence(text: str) -> bool:
    """A navigation strip OCR damaged at its ends ("Sh) 9L 52 53 54 … 60 G61"): most tokens
    are page numbers, and most neighbours among them count up by one."""
    tokens = text.split()
    numbers = [int(t) for t in tokens if t.isdecimal() and len(t) <= 4]
    if len(numbers) < 5 or len(numbers) < 0.6 * len(tokens):
        return False
    steps = sum(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False))
    return steps >= 0.7 * (len(numbers) - 1)


def split_edges(
    lines: list[Line], repeated: set[str]
) -> tuple[list[str], list[str], list[Line]]:
    """Peel header lines off the top and footer lines off the bottom of the page."""
    start = 0
    while start < min(EDGE_LINES, len(lines)) and _is_edge_line(lines[start].text, repeated):
        start += 1
    end = len(lines)
    while end > max(start, len(lines) - EDGE_LINES) and _is_edge_line(
        lines[end - 1].text, repeated
    ):
        end -= 1
    header = [line.text for line in lines[:start]]
    footer = [line.text for line in lines[end:]]
    return header, footer, lines[start:end]
