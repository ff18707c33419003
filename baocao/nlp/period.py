"""The period a figure covers, read from its sentence: the nearest period written in its own
clause, else before it in the sentence, else its section's heading, else the document's.
Periods are months ("2024-01".."2024-09") or days ("2023-10-31"), as SDMX writes them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from baocao.vietnamese.text import fold_chars

YEAR_ = r"((?:19|20)\d\d)"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Forms of a period, matched on the folded sentence (no diacritics, lower case), longest first.
# "9 tháng đầu năm 2024", "6 tháng cuối năm 2023", "6 tháng năm 2023".
MONTHS_OF_YEAR = regex.compile(
    rf"\b(?P<n>\d{{1,2}})\s+thang\s+(?P<side>dau\s+|cuoi\s+)?(?:nam\s+)?{YEAR_}\b")
# "Quý I/2024", "quý II năm 2024", "quý 3/2023".
QUARTER = regex.compile(rf"\bquy\s+(?P<q>iv|i{{1,3}}|[1-4])\s*(?:/|nam\s+)\s*{YEAR_}\b")
# "tháng 10/2023", "tháng 10 năm 2023".
MONTH = regex.compile(rf"\bthang\s+(?P<m>1[0-2]|0?[1-9])\s*(?:/|nam\s+)\s*{YEAR_}\b")
# Running to a day: "lũy kế đến 31/10/2023", "tính đến ngày 31/10/2023", "đến hết ngày
# 30/6/2024".
UNTIL_DAY = regex.compile(
    r"\b(?:luy\s+ke\s+|tinh\s+)?den\s+(?:het\s+)?(?:ngay\s+)?"
    rf"(?P<d>[0-3]?\d)\s*/\s*(?P<m>1[0-2]|0?[1-9])\s*/\s*{YEAR_}\b")
# Several years: "giai đoạn 2016–2020", "Trong 03 năm 2021-2023", "2021 - 2025",
# "từ năm 2016 đến năm 2020", "các năm 2021, 2022".
YEARS = regex.compile(
    rf"(?:\btu\s+(?:nam\s+)?{YEAR_}\s+den\s+(?:nam\s+)?{YEAR_}\b"
    rf"|\b{YEAR_}\s*[-–—]\s*{YEAR_}\b)")
# Years listed: "vào các năm 2016, 2018 và 2020" covers 2016 to 2020.
YEAR_LIST = regex.compile(rf"\bcac\s+nam\s+{YEAR_}(?:\s*,\s*(?:19|20)\d\d)*\s*(?:,|va)\s*"
                          rf"(?:nam\s+)?{YEAR_}\b")
# One year: "năm 2023", "Năm 2023"; not a date's year ("14/6/2017").
ONE_YEAR = regex.compile(rf"(?<![\d/.])\bnam\s+{YEAR_}\b(?![\d/])")
# What a percentage or amount is compared with is no period of its own: "so với năm 2022",
# "so với cùng kỳ năm 2022", "so với kế hoạch năm 2025", "so cùng kỳ", "gấp 2 lần năm 2020".
COMPARED = regex.compile(r"\b(?:so\s+voi|so|bang|gap\s+\S+\s+lan)\s+(?:cung\s+ky\s+)?"
                         r"(?:(?:ke\s+hoach|du\s+toan|chi\s+tieu)\s+)?"
                         rf"(?:nam\s+)?(?:{YEAR_}\b|nam\s+truoc\b|cung\s+ky\b)")
# A target year is no period reported on: "đến năm 2030", "phấn đấu đến năm 2025".
UNTIL_YEAR = regex.compile(rf"\b(?:den|toi)\s+nam\s+{YEAR_}\b")
# A period running to now, its end not written: "Từ đầu năm 2026 đến nay", "Từ năm 2010 cho
# đến nay", "từ năm 2016 tới nay".
UNTIL_NOW = regex.compile(rf"\btu\s+(?:dau\s+)?(?:nam\s+)?{YEAR_}\s+(?:cho\s+)?(?:den|toi)"
                          r"\s+(?:nay|thoi\s+diem\s+nay)\b")
# What may stand between a figure and its period after it: "50% vào năm 2030".
LINK = regex.compile(r"\s*(?:(?:vào|trong|của|tại)\s+)?", regex.I)
# What ends a clause: a period in another clause is less likely the figure's.
CLAUSE_END = regex.compile(r"[,;:]")


@dataclass(frozen=True)
class Period:
    """A period: its first and last month or day (ISO), and where it is written."""

    start: str | None
    end: str | None  # None: running to the time of writing ("từ đầu năm 2026 đến nay")
    at: int = 0  # where it is written in its text
    stop: int = 0


def _months(year: int, first: int, last: int) -> tuple[str, str | None]:
    return f"{year}-{first:02d}", f"{year}-{last:02d}"


def periods(text: str) -> list[Period]:
    """Every period written in a text, with where; what is compared with and target years
    left out. Example: "năm 2023 ước đạt 15.600 tỷ đồng, tăng 8,4% so với năm 2022" → 2023."""
    folded = fold_chars(text).lower()
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in COMPARED.finditer(folded)]
    spans = [(m.start(), m.end()) for m in YEARS.finditer(folded)]  # "từ … đến năm 2020"
    taken += [(m.start(), m.end()) for m in UNTIL_YEAR.finditer(folded)
              if not any(a <= m.start() < b for a, b in spans)]
    found: list[Period] = []

    def free(m: regex.Match) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    def add(m: regex.Match, start: str | None, end: str) -> None:
        found.append(Period(start, end, m.start(), m.end()))
        taken.append((m.start(), m.end()))

    for m in filter(free, UNTIL_NOW.finditer(folded)):
        add(m, f"{m[1]}-01", None)
    for m in filter(free, MONTHS_OF_YEAR.finditer(folded)):
        year, n = int(m[3]), int(m["n"])
        if 1 <= n <= 12:
            first, last = (13 - n, 12) if m["side"] and "cuoi" in m["side"] else (1, n)
            add(m, *_months(year, first, last))
    for m in filter(free, QUARTER.finditer(folded)):
        q = ROMAN[m["q"]]
        add(m, *_months(int(m[2]), 3 * q - 2, 3 * q))
    for m in filter(free, UNTIL_DAY.finditer(folded)):
        year, month, day = int(m[3]), int(m["m"]), int(m["d"])
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            add(m, None, f"{year}-{month:02d}-{day:02d}")
    for m in filter(free, MONTH.finditer(folded)):
        add(m, *_months(int(m[2]), int(m["m"]), int(m["m"])))
    for m in filter(free, YEARS.finditer(folded)):
        first, last = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
        if first < last <= first + 20:
            add(m, f"{first}-01", f"{last}-12")
    for m in filter(free, YEAR_LIST.finditer(folded)):
        if int(m[1]) < int(m[2]) <= int(m[1]) + 20:
            add(m, f"{m[1]}-01", f"{m[2]}-12")
    for m in filter(free, ONE_YEAR.finditer(folded)):
        add(m, *_months(int(m[1]), 1, 12))
    return sorted(found, key=lambda p: p.at)


def figure_period(sentence: str, start: int, end: int) -> Period | None:
    """The period of the figure at sentence[start:end]: one right after it, else the nearest
    before it in its clause, else after it in its clause, else the nearest before it.
    Example: "từ 3,4 tỷ đồng năm 2021 xuống còn 2,3 tỷ đồng năm
    2023" gives 2,3 tỷ the year 2023, not 2021."""
    found = periods(sentence)
    if not found:
        return None

    def same_clause(p: Period) -> bool:
        a, b = (p.stop, start) if p.stop <= start else (end, p.at)
        return not CLAUSE_END.search(sentence, a, b)

    def right_after(p: Period) -> bool:  # "2,3 tỷ đồng năm 2023", "50% vào năm 2030"
        return p.at >= end and LINK.fullmatch(sentence[end:p.at]) is not None

    after = [p for p in found if right_after(p)]
    if after:
        return after[0]
    near = [p for p in found if p.stop <= start and same_clause(p)]
    if near:
        return near[-1]
    later = [p for p in found if p.at >= end and same_clause(p)]  # "20% … trong năm 2025"
    if later:
        return later[0]
    before = [p for p in found if p.stop <= start]
    return max(before, key=lambda p: p.stop) if before else None


def heading_period(headings: list[str]) -> Period | None:
    """The period the nearest heading names ("IV. Phương hướng, nhiệm vụ năm 2024"), the
    innermost heading first."""
    for heading in headings:
        found = periods(heading)
        if found:
            return found[-1]
    return None


def year_period(first: int | None, last: int | None) -> Period | None:
    """The document's period from its first and last year (read off its title)."""
    if first is None or last is None:
        return None
    return Period(f"{first}-01", f"{last}-12")
