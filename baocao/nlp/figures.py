"""Figures in Vietnamese report text: money amounts, percentages and counts.

Numbers are read the Vietnamese way ("." groups thousands, "," marks decimals). A figure is
emitted only when its written form leaves no doubt: a wrong value is worse than a missing one.
"""

from __future__ import annotations

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

# A number standing alone, strictly in Vietnamese format, where its place allows a quantity.
# Examples: "320", "02", "1.250", "70.000.000", "12.492,1"; not "1.4.2", "14/6/2017",
# "2016-2020", "(13-12)", "NĐ-CP", "QĐ12", "1.25", "Điều 113", "tháng 6".
NUMBER = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}/.,])            # glued on the left: "QĐ12", "14/6", "1.4.2"
    (?<!\p{{N}}[ ]?[-–][ ]?)            # second end of a range or date: "2016-2020", "13-12"
    (?<!\p{{L}}[-–])                    # code suffix: "NĐ-12"
    (?<!{LABEL_WORDS})                  # a label's number: "Điều 113", "khoản 2"
    (?P<int>\d{{1,3}}(?:\.\d{{3}})+|\d+)  # "70.000.000", "1.250", "320", "02"
    (?:,(?P<dec>\d+))?                  # decimals: ",1" in "12.492,1"
    (?![\p{{N}}/]|[.,]\p{{N}})          # glued on the right: "14/6", "1.4.2", "1.25", "1.2500"
    (?![ ]?[-–][ ]?\p{{N}})             # first end of a range or date: "2021–2025", "13-12"
    """,
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

# Money after a number. Only "trđ" and "đ" may be glued to the number; "đồng" opening another
# word ("3 đồng chí") is not money.
# Examples: "140trđ", "5 tr.đ", "70.000đ", "320 triệu đồng", "1,5 tỷ đồng", "1,2 nghìn tỷ đồng",
# "500 nghìn đồng", "70.000.000 đồng", "2.000.000 VNĐ".
AMOUNT_UNIT = regex.compile(
    r"""
    (?: [ ]?(?P<scale>(?P<mult>tr)\.?đ)                     # "140trđ", "5 tr.đ"
      | [ ]?(?P<scale>đ)(?!\))                               # "70.000đ", not the list letter "đ)"
      | [ ]+(?P<scale>
            (?P<mult>(?:nghìn|ngàn)[ ]+(?:tỷ|tỉ)|tỷ|tỉ|triệu|nghìn|ngàn)
            [ ]+(?:đồng|đ|VNĐ|VND)                             # "320 triệu đồng", "1,5 tỷ đ"
        )
      | [ ]+(?P<scale>đồng|VNĐ|VND)                            # "70.000.000 đồng"
    )
    (?!\p{L})
    (?![ ]+(?:chí|bào|thời|bộ|ý|nghiệp|hương|loạt)(?!\p{L}))  # "đồng chí", "đồng thời"
    """,
    regex.VERBOSE,
)

# A scale word without "đồng": money only after a money word in the same sentence (see
# MONEY_WORDS), and only when no counted thing follows. Example: "kinh phí 320 triệu cho đề án";
# not "3 triệu lao động", "2,3 triệu USD", "5 tỷ lệ".
BARE_SCALE = regex.compile(
    r"""
    [ ]+(?P<scale>(?P<mult>(?:nghìn|ngàn)[ ]+(?:tỷ|tỉ)|tỷ|tỉ|triệu))(?!\p{L})
    (?=[ ]*(?:
        \p{P} | \n | \Z
      | (?:cho|để|và|là|từ|so|với|trong|của|thì|nhưng|tăng|giảm|đạt|bằng|chiếm|theo|được|đã
          |gồm|năm|trên|mỗi|hàng|bình[ ]quân)(?!\p{L})
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

# The factor of each scale word, in đồng.
MULTIPLIERS: dict[str, int] = {
    "nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỉ": 10**12,
    "tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "tr": 10**6, "nghìn": 10**3, "ngàn": 10**3,
}

# A percentage sign after a number. Examples: "52,8%", "52,8 %", "30 phần trăm".
PERCENT_UNIT = regex.compile(r"[ ]?%|[ ]+phần[ ]+trăm(?!\p{L})", regex.VERBOSE)

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

# Any letter or digit: a line holding only marks before a number opens a list item ("3. ", "(2) ").
WORD_CHAR = regex.compile(r"[\p{L}\p{N}]", regex.VERBOSE)

# An undotted four-digit number from 1900 to 2099 is a year: "Năm 2017 tỉnh có…" is no count.
YEAR = regex.compile(r"(?:19|20)\d\d", regex.VERBOSE)


def find_figures(text: str) -> list[FigureMatch]:
    """All amounts, percentages and counts in `text`: read left to right, so sorted and disjoint."""
    found: list[FigureMatch] = []
    for number in NUMBER.finditer(text):
        if found and number.start() < found[-1].end:
            continue
        figure = _figure_at(text, number)
        if figure is not None:
            found.append(figure)
    return found


def _figure_at(text: str, number: regex.Match) -> FigureMatch | None:
    """Read the unit after one number and decide what figure, if any, it makes."""
    start, end = number.span()
    digits, dec = number.group("int"), number.group("dec")

    glued = None
    if dec is None and LEADING_GROUPS.fullmatch(digits) and not _opens_line(text, start):
        glued = OCR_GROUPS.match(text, end)
    if glued is not None:  # "12. 492,1 triệu đồng": only as money, never as a list number
        unit = AMOUNT_UNIT.match(text, glued.end())
        if unit is not None:
            value = _decimal(digits + glued.group("groups"), glued.group("dec"))
            return _amount(text, start, unit, value)

    value = _decimal(digits, dec)
    unit = AMOUNT_UNIT.match(text, end)
    if unit is not None:
        return _amount(text, start, unit, value)
    unit = BARE_SCALE.match(text, end)
    if unit is not None and _after_money_word(text, start):
        return _amount(text, start, unit, value)
    unit = PERCENT_UNIT.match(text, end)
    if unit is not None:
        return FigureMatch("percent", float(value), "%", text[start : unit.end()], start,
                           unit.end())
    unit = COUNT_UNIT.match(text, end)
    if unit is not None and dec is None and not YEAR.fullmatch(digits):
        noun = " ".join(unit.group("noun").split())
        return FigureMatch("count", float(value), noun, text[start : unit.end()], start,
                           unit.end())
    return None


def _amount(text: str, start: int, unit: regex.Match, value: Decimal) -> FigureMatch:
    """An amount in đồng, from the number's value and the scale word after it."""
    mult = unit.group("mult")
    factor = MULTIPLIERS[" ".join(mult.split())] if mult else 1
    return FigureMatch("amount", float(value * factor), "VND", text[start : unit.end()], start,
                       unit.end(), unit.group("scale"))


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
