"""Figures in Vietnamese report text: money amounts, percentages and counts.

Numbers are read the Vietnamese way ("." groups thousands, "," marks decimals). A figure is
emitted only when its written form leaves no doubt: a wrong value is worse than a missing one.

Amounts are in đồng (unit "VND") or in US dollars (unit "USD": "2,3 triệu USD", "đô la Mỹ").
A range ("từ 5 đến 10 triệu đồng", "5-10%", "3 - 5 xã") is one figure with `value_low` and
`value_high`; `value` is its low end. Its `raw` starts at the low number: "từ" stays out of it,
as the qualifier before a number does ("trên 300 doanh nghiệp" → raw "300 doanh nghiệp",
qualifier "trên"), so `raw` always opens with a digit and is always text[start:end].
A single figure has value_low == value_high == value. A range whose low end exceeds its high
end, or whose ends are two years, is no figure at all. Numbers shaped like telephone or fax
numbers are never figures. Qualifiers (see QUALIFIER) are lower-cased; a scale word broken over
a line is kept with one space ("triệu\nđồng" → scale "triệu đồng"), raw keeps the break.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from baocao.datamodel import FigureMatch

# Words after which a number is a name or a position, not a quantity. "năm" is not here:
# "mỗi năm 5 cuộc" counts five audits a year; years are told apart by YEAR instead.
LABEL_WORDS = r"""
    (?<!\p{L})(?i:
        điều | khoản | điểm | chương | mục | phần | phụ[ ]lục | biểu | bảng  # "Điều 113"
      | trang | page | p\.                                                # "Page 62", "P. 62"
      | dự[ ]án | tiểu[ ]dự[ ]án | đề[ ]án | chương[ ]trình               # "Dự án 2"
      | quyết[ ]định | nghị[ ]định | nghị[ ]quyết | thông[ ]tư | chỉ[ ]thị
      | công[ ]văn | luật | (?<!tổng[ ])số                       # "số 12", not "tổng số 35"
      | giai[ ]đoạn | niên[ ]độ | khóa | khoá | đợt | thứ | quận | phường  # "giai đoạn 2"
      | (?<!(?:mỗi|hàng)[ ])(?:ngày | tháng | quý)           # "tháng 6", not "mỗi tháng 3"
    )[ ]*
"""

# Where a quantity may open: not glued to a word, a number or a code, not the second end of a
# range or date, not a label's number. Examples: "320" in "đạt 320 triệu"; not "12" in "QĐ12",
# "14/6", "1.4.2", "NĐ-12", "2016-2020", "(13-12)", "Điều 12", "tháng 12".
QUANTITY_LEFT = rf"""
    (?<![\p{{L}}\p{{N}}/.,])            # glued on the left: "QĐ12", "14/6", "1.4.2"
    (?<![#*@&~^|\\_])                   # OCR's mark for a digit it could not read: "#350"
    (?<!\p{{N}}[ ]?[-–][ ]?)            # second end of a range or date: "2016-2020", "13-12"
    (?<!\p{{L}}[-–])                    # code suffix: "NĐ-12"
    (?<!{LABEL_WORDS})                  # a label's number: "Điều 113", "khoản 2"
"""


def _digits(prefix: str) -> str:
    """A number strictly in Vietnamese format, its groups named `prefix`int and `prefix`dec."""
    return rf"""
    (?P<{prefix}int>\d{{1,3}}(?:\.\d{{3}})+|\d+)  # "70.000.000", "1.250", "320", "02"
    (?:,(?P<{prefix}dec>\d+))?                  # decimals: ",1" in "12.492,1"
    (?![\p{{N}}/]|[.,]\p{{N}})                  # glued on the right: "14/6", "1.25", "1.2500"
    """


# The first end of a range or a date, which is no number of its own. Example: "2021" in
# "2021–2025", "13" in "13-12", "5" in "5-10%" (read as a range by RANGE instead).
RANGE_FOLLOWS = r"(?![ ]?[-–][ ]?\p{N})"

# A number standing alone, strictly in Vietnamese format, where its place allows a quantity.
# Examples: "320", "02", "1.250", "70.000.000", "12.492,1"; not "1.4.2", "14/6/2017",
# "2016-2020", "(13-12)", "NĐ-CP", "QĐ12", "1.25", "Điều 113", "tháng 6".
NUMBER = regex.compile(
    QUANTITY_LEFT + _digits("") + RANGE_FOLLOWS,
    regex.VERBOSE,
)

# Where a number may open at all: a digit not inside another number or word. Only here are
# RANGE and NUMBER tried. Example: "3" in "có 35 xã", not "5" in it nor "2" in "QĐ2".
NUMBER_START = regex.compile(r"(?<![\p{L}\p{N}/.,])\d", regex.VERBOSE)

# Space between the words of one figure: blanks, or a line break the layout put there.
# Examples: " " in "320 triệu đồng", "\n" in "12.492,1 triệu\nđồng".
GAP = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"

# The scale words of money, longest first. Examples: "nghìn tỷ", "tỷ", "triệu", "nghìn".
SCALE_WORD = rf"(?:(?:nghìn|ngàn){GAP}(?:tỷ|tỉ)|tỷ|tỉ|triệu|nghìn|ngàn)(?!\p{{L}})"

# Two numbers that make one range: a dash, or "đến"/"tới" (with "từ" before, kept out of the
# span). The low end may carry its own scale word. Examples: "5-10", "5 – 10", "5 đến 10",
# "1,5 đến 2", "500 triệu đến 1"; not "1-2-3", "13-12-2020", "5-10/12".
RANGE = regex.compile(
    QUANTITY_LEFT
    + _digits("low_")
    + rf"""
    (?:{GAP}(?P<low_mult>{SCALE_WORD}))?        # "500 triệu" in "500 triệu đến 1 tỷ đồng"
    (?:[ ]?[-–][ ]?|{GAP}(?:đến|tới){GAP})      # "5-10", "5 – 10", "5 đến 10"
    """
    + _digits("high_")
    + RANGE_FOLLOWS,
    regex.VERBOSE,
)

# Thousands groups that OCR split with a space after the dot, glued back to a number.
# Example: ". 492,1" after "12" in "12. 492,1 triệu đồng".
OCR_GROUPS = regex.compile(
    r"""
    (?P<groups>\.[ ]\d{3}(?:\.[ ]?\d{3})*)   # ". 492", ". 125. 500"
    (?:,(?P<dec>\d+))?                       # ",1"
    (?![\p{N}/]|[.,]\p{N})
    """,
    regex.VERBOSE,
)
# What may stand before such split groups: a first group of one to three digits.
# Example: "12" in "12. 492,1"; not "2017" in "năm 2017. 123 triệu đồng".
LEADING_GROUPS = regex.compile(r"\d{1,3}(?:\.\d{3})*", regex.VERBOSE)

# US dollars, written as the code or in words. Examples: "USD", "đô la Mỹ", "đô-la Mỹ".
DOLLARS = r"(?P<usd>USD|(?i:đô[ -]?la[ ]+mỹ))"

# Money after a number. Only "trđ" and "đ" may be glued to the number; "đồng" opening another
# word ("3 đồng chí") is not money.
# Examples: "140trđ", "5 tr.đ", "70.000đ", "320 triệu đồng", "1,5 tỷ đồng", "1,2 nghìn tỷ đồng",
# "500 nghìn đồng", "70.000.000 đồng", "2.000.000 VNĐ", "2,3 triệu USD", "15.000 USD",
# "5 triệu đô la Mỹ", "12.492,1 triệu\nđồng".
AMOUNT_UNIT = regex.compile(
    rf"""
    (?: [ ]?(?P<scale>(?P<mult>tr)\.?đ)                     # "140trđ", "5 tr.đ"
      | [ ]?(?P<scale>đ)(?!\))                               # "70.000đ", not the list letter "đ)"
      | {GAP}(?P<scale>
            (?P<mult>{SCALE_WORD})
            {GAP}(?:đồng|đ|VNĐ|VND|{DOLLARS})                # "320 triệu đồng", "2,3 triệu USD"
        )
      | {GAP}(?P<scale>đồng|VNĐ|VND|{DOLLARS})               # "70.000.000 đồng", "15.000 USD"
    )
    (?!\p{{L}})
    (?!{GAP}(?:chí|bào|thời|bộ|ý|nghiệp|hương|loạt|hồ)(?!\p{{L}}))  # "đồng chí", "đồng hồ"
    """,
    regex.VERBOSE,
)

# A scale word without "đồng": money only after a money word in the same sentence (see
# MONEY_WORDS), and only when no counted thing follows. Example: "kinh phí 320 triệu cho đề án";
# not "3 triệu lao động", "5 tỷ lệ" (and "2,3 triệu USD" is read by AMOUNT_UNIT).
BARE_SCALE = regex.compile(
    rf"""
    {GAP}(?P<scale>(?P<mult>(?:nghìn|ngàn)[ ]+(?:tỷ|tỉ)|tỷ|tỉ|triệu))(?!\p{{L}})
    (?=[ ]*(?:
        \p{{P}} | \n | \Z
      | (?:cho|để|và|là|từ|so|với|trong|của|thì|nhưng|tăng|giảm|đạt|bằng|chiếm|theo|được|đã
          |gồm|năm|trên|mỗi|hàng|bình[ ]quân)(?!\p{{L}})
    ))
    """,
    regex.VERBOSE,
)

# Words that make a bare scale word money. Example: "kinh phí hỗ trợ", "vốn", "số tiền".
MONEY_WORDS = regex.compile(
    r"""
    (?<!\p{L})(?i:
        kinh[ ]phí | vốn | ngân[ ]sách | số[ ]tiền | tiền | tổng[ ]chi | chi[ ]phí | hỗ[ ]trợ
      | giá[ ]trị | doanh[ ]thu | thu[ ]nhập | lợi[ ]nhuận | đầu[ ]tư | dự[ ]toán
      | quyết[ ]toán | giải[ ]ngân | thu[ ]hồi | nộp | lương
    )(?!\p{L})
    """,
    regex.VERBOSE,
)

# The end of a sentence, so that a money word is looked for in the number's own sentence.
# Example: ". " in "đạt 5 tỷ đồng. Kinh phí".
SENTENCE_END = regex.compile(r"[.!?;](?=\s) | \n", regex.VERBOSE)

# The factor of each scale word, in đồng (or dollars).
MULTIPLIERS: dict[str, int] = {
    "nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỉ": 10**12,
    "tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "tr": 10**6, "nghìn": 10**3, "ngàn": 10**3,
}

# A percentage sign after a number, "%" after at most one blank or line break.
# Examples: "52,8%", "52,8 %", "52,8\n%", "30 phần trăm"; not "52,8   %".
PERCENT_UNIT = regex.compile(rf"\s?%|{GAP}phần{GAP}trăm(?!\p{{L}})", regex.VERBOSE)

# Nouns and classifiers that provincial reports count, as they follow the number.
COUNT_NOUNS = [
    "cuộc", "sản phẩm", "xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố", "tỉnh",
    "thôn", "cấp", "chức năng", "nhiệm vụ", "doanh nghiệp", "cơ sở", "hộ", "hộ gia đình",
    "người", "lao động", "đề án", "dự án", "tiểu dự án", "lớp", "mô hình", "làng nghề",
    "hợp tác xã", "tổ hợp tác", "đơn vị", "chương trình", "hội chợ", "hội nghị", "hội thảo",
    "đoàn", "đoàn viên", "hội viên", "xã viên", "thành viên", "lượt", "học viên", "cán bộ",
    "công chức", "viên chức", "cơ quan", "trường", "công trình", "hạng mục", "cụm công nghiệp",
    "khu công nghiệp", "gian hàng", "nhãn hiệu", "tiêu chí", "văn bản", "báo cáo", "kiến nghị",
    "hồ sơ", "vụ", "trường hợp", "buổi", "chuyến", "trang trại", "nhà máy", "cửa hàng", "chợ",
]
# Nouns that may carry an upper-case abbreviation naming the kind: "35 cơ sở CNNT".
QUALIFIED_NOUNS = {"cơ sở", "sản phẩm", "doanh nghiệp"}


def _noun_pattern(noun: str) -> str:
    """One lexicon entry as a whole-word pattern, with its abbreviation where it may have one."""
    words = "[ ]+".join(regex.escape(w) for w in noun.split())
    if noun not in QUALIFIED_NOUNS:
        return rf"{words}(?!\p{{L}})"
    return rf"{words}(?!\p{{L}})(?:[ ]+\p{{Lu}}[\p{{Lu}}\p{{N}}]+(?![\p{{L}}\p{{N}}]))?"


# A counted noun after an integer, longest noun first ("hợp tác xã" before "xã").
# Examples: "6 cuộc bình chọn" → "cuộc", "111 sản phẩm", "02 xã", "35 cơ sở CNNT", "3 lớp tập huấn".
COUNT_UNIT = regex.compile(
    r"[ ]+(?P<noun>"
    + "|".join(_noun_pattern(n) for n in sorted(COUNT_NOUNS, key=len, reverse=True))
    + ")",
    regex.VERBOSE,
)

# A word right before a number (or before the "từ" of a range) that bounds or approximates it;
# longest first. Examples: "trên 300 doanh nghiệp", "khoảng 1,5 tỷ đồng", "trên dưới 50%",
# "khoảng từ 5 đến 10 triệu đồng"; not "cao hơn 5%" (a difference), "cấp trên 3 văn bản",
# "nêu trên 2 xã", "5 trên 10 xã" (five out of ten). "hầu hết" quantifies a noun, not a number:
# "hầu hết 12 huyện" is all but a few of exactly twelve, so it is no qualifier.
QUALIFIER = regex.compile(
    rf"""
    (?<!\p{{L}})
    (?P<q>(?i:
        trên[ ]dưới | gần[ ]như | không[ ]quá | không[ ]dưới | chưa[ ]đến | chưa[ ]tới
      | ít[ ]nhất | tối[ ]thiểu | tối[ ]đa | xấp[ ]xỉ | khoảng | gần
      | (?<!(?:cao|thấp|nhiều|ít|lớn|nhỏ)[ ])hơn                 # "hơn 300", not "cao hơn 5%"
      | (?<!(?:cấp|nêu|kể|bên|phía|ở|\p{{N}})[ ])trên         # not "cấp trên", "5 trên 10"
      | (?<!(?:cấp|bên|phía|ở)[ ])dưới                          # not "cấp dưới 5 tỷ đồng"
    ))
    {GAP}(?:(?i:từ){GAP})?\Z
    """,
    regex.VERBOSE,
)
# How far back from a number a qualifier may start: "không dưới từ " is 14 characters.
QUALIFIER_REACH = 24

# A telephone or fax number: digit groups opened by a trunk "0" or "+84"; _is_phone then counts
# its digits. Examples: "0204.3854.123", "0204 3854 123", "024.3826.1234", "0912 345 678",
# "0912345678", "(024) 3826 1234", "+84 912 345 678"; not "02 xã", "012 345".
PHONE = regex.compile(
    r"""
    (?<![\p{L}\p{N}.,/])
    (?: \+84[ .-]?\(?0?\d{1,3}\)? | \(0\d{1,3}\) | 0\d{2,3} )   # "+84 912", "(024)", "0204"
    (?: [ .-]?\d{2,4} ){1,4}                                    # " 3854", ".123"
    (?![\p{N}]|[.,]\p{N})
    """,
    regex.VERBOSE,
)

# Any letter or digit: a line holding only marks before a number opens a list item ("3. ", "(2) ").
WORD_CHAR = regex.compile(r"[\p{L}\p{N}]", regex.VERBOSE)

# An undotted four-digit number from 1900 to 2099 is a year: "Năm 2017 tỉnh có…" is no count.
YEAR = regex.compile(r"(?:19|20)\d\d", regex.VERBOSE)


@dataclass(frozen=True)
class _Unit:
    """What follows a number: the figure's kind, unit, factor to apply and the scale as written."""

    kind: str
    unit: str
    factor: int
    scale: str | None
    end: int


def find_figures(text: str) -> list[FigureMatch]:
    """All amounts, percentages and counts in `text`: read left to right, so sorted and disjoint."""
    phones = [m.span() for m in PHONE.finditer(text) if _is_phone(m.group())]
    found: list[FigureMatch] = []
    taken = 0  # end of the last figure or refused range: nothing in it is read again
    for digit in NUMBER_START.finditer(text):
        start = digit.start()
        if start < taken or (phones and any(a <= start < b for a, b in phones)):
            continue
        rng = RANGE.match(text, start)
        if rng is not None:
            figure, end = _range_at(text, rng)
            if end > start:
                taken = end
                if figure is not None:
                    found.append(figure)
                continue
        number = NUMBER.match(text, start)
        figure = _figure_at(text, number) if number is not None else None
        if figure is not None:
            found.append(figure)
            taken = figure.end
    return found


def _figure_at(text: str, number: regex.Match) -> FigureMatch | None:
    """Read the unit after one number and decide what figure, if any, it makes."""
    start, end = number.span()
    digits, dec = number.group("int"), number.group("dec")

    glued = None
    if dec is None and LEADING_GROUPS.fullmatch(digits) and not _opens_line(text, start):
        glued = OCR_GROUPS.match(text, end)
    if glued is not None:  # "12. 492,1 triệu đồng": only as money, never as a list number
        unit = _money_at(text, glued.end())
        if unit is not None:
            value = _decimal(digits + glued.group("groups"), glued.group("dec")) * unit.factor
            return _figure(text, start, unit, value, value)

    unit = _unit_at(text, end, start)
    if unit is None or (unit.kind == "count" and (dec is not None or YEAR.fullmatch(digits))):
        return None
    value = _decimal(digits, dec) * unit.factor
    return _figure(text, start, unit, value, value)


def _range_at(text: str, rng: regex.Match) -> tuple[FigureMatch | None, int]:
    """The range figure at `rng` and where its text ends; the end is its start when no unit follows.

    A range with a unit but refused (low above high, two years, a decimal count) still ends there,
    so that its high end is not read as a figure of its own.
    """
    start = rng.start()
    unit = _unit_at(text, rng.end(), start)
    if unit is None:
        return None, start
    refused: tuple[FigureMatch | None, int] = None, unit.end
    low_dec, high_dec = rng.group("low_dec"), rng.group("high_dec")
    low_year = low_dec is None and YEAR.fullmatch(rng.group("low_int")) is not None
    high_year = high_dec is None and YEAR.fullmatch(rng.group("high_int")) is not None
    if low_year and high_year:  # "2016 - 2020 doanh nghiệp" is a period
        return refused
    if unit.kind == "count" and (low_year or high_year or low_dec or high_dec):
        return refused
    low_mult = rng.group("low_mult")
    if low_mult is not None and unit.kind != "amount":
        return refused
    # "500 triệu đến 1 tỷ đồng": each end has its own scale; "5 đến 10 triệu": one for both
    low_factor = MULTIPLIERS[_words(low_mult)] if low_mult else unit.factor
    low = _decimal(rng.group("low_int"), rng.group("low_dec")) * low_factor
    high = _decimal(rng.group("high_int"), rng.group("high_dec")) * unit.factor
    if low > high:
        return refused
    return _figure(text, start, unit, low, high), unit.end


def _money_at(text: str, pos: int) -> _Unit | None:
    """The money unit written right after a number ending at `pos`, if any."""
    unit = AMOUNT_UNIT.match(text, pos)
    if unit is None:
        return None
    currency = "USD" if unit.group("usd") else "VND"
    return _Unit("amount", currency, _factor(unit), _words(unit.group("scale")), unit.end())


def _unit_at(text: str, pos: int, start: int) -> _Unit | None:
    """The unit after a number ending at `pos` (opening at `start`): money, percent, or a noun."""
    money = _money_at(text, pos)
    if money is not None:
        return money
    unit = BARE_SCALE.match(text, pos)
    if unit is not None and _after_money_word(text, start):
        return _Unit("amount", "VND", _factor(unit), _words(unit.group("scale")), unit.end())
    unit = PERCENT_UNIT.match(text, pos)
    if unit is not None:
        return _Unit("percent", "%", 1, None, unit.end())
    unit = COUNT_UNIT.match(text, pos)
    if unit is not None:
        return _Unit("count", _words(unit.group("noun")), 1, None, unit.end())
    return None


def _figure(text: str, start: int, unit: _Unit, low: Decimal, high: Decimal) -> FigureMatch:
    """The figure from `start` to the unit's end with its two ends, already scaled; value is low."""
    return FigureMatch(unit.kind, float(low), unit.unit, text[start : unit.end], start, unit.end,
                       unit.scale, _qualifier(text, start), float(low), float(high))


def _factor(unit: regex.Match) -> int:
    """The factor of the scale word in a money unit: 1 when there is none ("70.000 đồng")."""
    mult = unit.group("mult")
    return MULTIPLIERS[_words(mult)] if mult else 1


def _words(written: str) -> str:
    """Words as written, with a line break or repeated blanks between them made one space."""
    return " ".join(written.split())


def _qualifier(text: str, start: int) -> str | None:
    """The qualifier right before the number at `start` ("trên", "khoảng"…), in lower case."""
    found = QUALIFIER.search(text, max(0, start - QUALIFIER_REACH), start)
    return _words(found.group("q").lower()) if found else None


def _is_phone(run: str) -> bool:
    """True when a digit run has the nine or ten digits of a Vietnamese number after its trunk."""
    digits = "".join(c for c in run if c.isdigit())
    national = digits[2:] if run.startswith("+") else digits
    return 9 <= len(national.removeprefix("0")) <= 10


def _decimal(digits: str, dec: str | None) -> Decimal:
    """Exact value of a Vietnamese number from its integer groups and decimal digits."""
    whole = digits.replace(".", "").replace(" ", "")
    return Decimal(f"{whole}.{dec}") if dec else Decimal(whole)


def _opens_line(text: str, start: int) -> bool:
    """True when only marks stand before the number on its line: a list number like "3. "."""
    line_start = text.rfind("\n", 0, start) + 1
    return WORD_CHAR.search(text, line_start, start) is None


def _after_money_word(text: str, start: int) -> bool:
    """True when a money word stands shortly before `start` in the same sentence."""
    window = text[max(0, start - 80) : start]
    ends = list(SENTENCE_END.finditer(window))
    sentence = window[ends[-1].end() :] if ends else window
    return MONEY_WORDS.search(sentence) is not None
