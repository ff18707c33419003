"""Figures in Vietnamese report text: money amounts, percentages and counts.

Numbers follow the Vietnamese format ("." groups thousands, "," marks decimals).
A figure is emitted only when its form leaves no doubt: a wrong value in the table is
worse than a missing one.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from baocao.datamodel import FigureMatch

# A number standing alone: not glued to a letter, a digit, "/" or a list/date mark on
# its left, nor followed by more digits or a "/" (dates, document numbers).
# Examples: "320", "12.492,1", "1.250", "52,8", "02"; not "2017" in "14/6/2017".
_LEFT = r"(?<![\p{L}\p{N}/.,\-–])"
_RIGHT = r"(?![\p{N}/]|[.,]\p{N})"

# Vietnamese number, strict: groups of exactly three digits after each thousands dot.
# Examples: "1.250" → 1250, "12.492,1" → 12492.1, "52,8" → 52.8
NUMBER = rf"{_LEFT}(?P<int>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,(?P<dec>\d+))?{_RIGHT}"

# The same, tolerating the space OCR puts after a thousands dot, for amounts only.
# Example: "12. 492,1 triệu đồng" → 12492.1 triệu đồng
NUMBER_OCR = rf"{_LEFT}(?P<int>\d{{1,3}}(?:\.[ ]?\d{{3}})+|\d+)(?:,(?P<dec>\d+))?{_RIGHT}"

# Money scale words and their factor in đồng (or in USD), longest first.
# Examples: "triệu đồng", "trđ" (triệu đồng), "tỷ đồng", "VNĐ", "đ" in "70.000đ".
SCALES: dict[str, tuple[int, str]] = {
    "nghìn tỷ đồng": (10**12, "VND"), "ngàn tỷ đồng": (10**12, "VND"),
    "nghìn tỉ đồng": (10**12, "VND"), "tỷ đồng": (10**9, "VND"), "tỉ đồng": (10**9, "VND"),
    "triệu đồng": (10**6, "VND"), "tr.đ": (10**6, "VND"), "trđ": (10**6, "VND"),
    "nghìn đồng": (10**3, "VND"), "ngàn đồng": (10**3, "VND"),
    "triệu USD": (10**6, "USD"), "tỷ USD": (10**9, "USD"), "USD": (1, "USD"),
    "VNĐ": (1, "VND"), "VND": (1, "VND"), "đồng": (1, "VND"), "đ": (1, "VND"),
}
# A scale word without "đồng" is money only after a money word (see MONEY_CONTEXT).
BARE_SCALES: dict[str, int] = {"nghìn tỷ": 10**12, "tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6}


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# An amount: number, optional space, money scale, then no further letter.
# Examples: "320 triệu đồng", "140trđ", "16.125,5trđ", "70.000.000 đồng", "1,5 tỷ đồng".
AMOUNT = regex.compile(
    rf"{NUMBER_OCR}[ ]?(?P<scale>{_alternation(list(SCALES))})(?!\p{{L}})"
)
# "đồng" opening another word is not money. Example: "3 đồng chí", "2 đồng thời".
NOT_MONEY_DONG = regex.compile(r"[ ](?:chí|bào|thời|bộ|ý|hành|nghiệp)(?!\p{L})")

# Money words that make "320 triệu" an amount when they stand shortly before it.
MONEY_CONTEXT = regex.compile(
    r"(?:kinh phí|vốn|ngân sách|số tiền|tổng chi|chi phí|hỗ trợ|giá trị|doanh thu|"
    r"đầu tư|dự toán|quyết toán|thu hồi|tiền)\b[^.;\n]{0,60}$",
    regex.IGNORECASE,
)

# A percentage. Examples: "52,8%", "52,8 %", "15 phần trăm".
PERCENT = regex.compile(rf"{NUMBER}[ ]?(?P<sign>%|phần trăm(?!\p{{L}}))")

# Nouns and classifiers that reports count, as written after the number.
COUNT_NOUNS = [
    "cuộc", "sản phẩm", "xã", "huyện", "tỉnh", "cấp", "chức năng", "doanh nghiệp", "cơ sở",
    "hộ", "người", "lao động", "đề án", "dự án", "lớp", "mô hình", "làng nghề",
    "hợp tác xã", "đơn vị", "chương trình", "hội chợ", "đoàn", "lượt", "học viên",
    "cán bộ", "thôn", "cụm công nghiệp", "gian hàng", "hội nghị", "buổi", "văn bản",
    "công trình", "cơ sở sản xuất", "hộ gia đình", "tổ hợp tác", "lượt người", "nhóm",
    "thiết bị", "máy móc", "dây chuyền", "đợt", "khóa", "cửa hàng", "phường", "thị trấn",
]
# A count: an integer, a space, the counted noun (with an upper-case abbreviation that
# qualifies it, "35 cơ sở CNNT"), then no further letter of the same word.
# Examples: "6 cuộc bình chọn" → 6 cuộc, "111 sản phẩm", "02 xã", "1.250 lao động".
COUNT = regex.compile(
    rf"{_LEFT}(?P<int>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?![\p{{N}}/]|[.,]\p{{N}})"
    rf"[ ](?P<noun>(?:{_alternation(COUNT_NOUNS)})(?:[ ]\p{{Lu}}{{2,}}(?!\p{{L}}))?)(?!\p{{L}})"
)


# A word that makes the next number a label, not a quantity. Examples: "Điều 113",
# "khoản 2", "Quyết định số 12", "tháng 6", "Dự án 2", "giai đoạn 2". ("năm" is handled
# with YEAR: "mỗi năm 5 cuộc" counts five audits a year.)
LABEL_BEFORE = regex.compile(
    r"(?<!\p{L})(?:tháng|ngày|quý|điều|khoản|mục|số|phụ lục|dự án|giai đoạn|trang|page)"
    r"[ ]?$",
    regex.IGNORECASE,
)
# An undotted four-digit number from 1900 to 2099 is a year: "2017 tỉnh" is not a count.
YEAR = regex.compile(r"(?:19|20)\d\d")


def _is_label(text: str, figure: FigureMatch) -> bool:
    return bool(LABEL_BEFORE.search(text[max(0, figure.start - 12) : figure.start]))


# A bare scale amount, not followed by a counted noun. Example: "kinh phí 320 triệu",
# but not "3 triệu lao động".
BARE_AMOUNT = regex.compile(
    rf"{NUMBER_OCR}[ ](?P<scale>{_alternation(list(BARE_SCALES))})(?!\p{{L}})"
    rf"(?![ ](?:{_alternation([*COUNT_NOUNS, 'dân', 'lượt'])})(?!\p{{L}}))"
)


def _value(match: regex.Match) -> Decimal:
    digits = regex.sub(r"[. ]", "", match.group("int"))
    dec = match.group("dec") if "dec" in match.groupdict() else None
    return Decimal(f"{digits}.{dec}") if dec else Decimal(digits)


def find_figures(text: str) -> list[FigureMatch]:
    """All amounts, percentages and counts in `text`, sorted, spans exact, none overlapping."""
    found: list[FigureMatch] = []
    for m in AMOUNT.finditer(text):
        if m.group("scale") == "đồng" and NOT_MONEY_DONG.match(text, m.end()):
            continue
        factor, unit = SCALES[m.group("scale")]
        found.append(_figure(m, "amount", _value(m) * factor, unit, m.group("scale")))
    for m in BARE_AMOUNT.finditer(text):
        if MONEY_CONTEXT.search(text[max(0, m.start() - 80) : m.start()]):
            factor = BARE_SCALES[m.group("scale")]
            found.append(_figure(m, "amount", _value(m) * factor, "VND", m.group("scale")))
    for m in PERCENT.finditer(text):
        found.append(_figure(m, "percent", _value(m), "%", None))
    for m in COUNT.finditer(text):
        if YEAR.fullmatch(m.group("int")):  # "Năm 2017 tỉnh có…"
            continue
        noun = regex.sub(r"\s+", " ", m.group("noun"))
        found.append(_figure(m, "count", _value(m), noun, None))
    return _without_overlaps([f for f in found if not _is_label(text, f)])


def _figure(m: regex.Match, kind: str, value: Decimal, unit: str, scale: str | None):
    return FigureMatch(kind, float(value), unit, m.group(0), m.start(), m.end(), scale)


def _without_overlaps(found: list[FigureMatch]) -> list[FigureMatch]:
    """Where two readings overlap keep the longer one (an amount over a count inside it)."""
    kept: list[FigureMatch] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept
