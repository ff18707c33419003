"""The written forms of figures in Vietnamese report text, one named pattern each, with an
example of what it matches: numbers, ranges, money, percentages, counts, qualifiers,
directions, and the numbers that are no figures (names, labels, phone numbers)."""


from __future__ import annotations

import regex

# Words after which a number is a name or a position, not a quantity. "năm" is not here:
# "mỗi năm 5 cuộc" counts five audits a year; years are told apart by YEAR instead.
LABEL_WORDS = r"""
    (?<!\p{L})(?i:
        đi[eêềếểễệ]u | khoản | chương | (?<!danh[ ])mục | phần | phụ[ ]lục | biểu | bảng
                                         # "Điều 3", OCR's "Điểu 44", "Điêu 37"; "khoản 2"
      | (?<!thí[ ])điểm                      # "điểm 2 khoản 1", not "thí điểm 05 mô hình"
      | trang | page | p\.                                                # "Page 62", "P. 62"
      | dự[ ]án | tiểu[ ]dự[ ]án | đề[ ]án | chương[ ]trình               # "Dự án 2"
      | quyết[ ]định | nghị[ ]định | nghị[ ]quyết | thông[ ]tư | chỉ[ ]thị
      | công[ ]văn | luật | (?<!(?:tổng|dân)[ ])số     # "số 12", not "tổng số 35", "dân số 1,2"
      | giai[ ]đoạn | niên[ ]độ | khóa | khoá | đợt | thứ | quận | phường  # "giai đoạn 2"
      | hạng | top                     # a rank: "xếp hạng 11/34 tỉnh", "Top 30 tỉnh"
      | (?<!(?:mỗi|hàng|bình[ ]quân)[ ])                  # "thôn 5", not "mỗi lớp 30 học viên"
        (?:thôn | tổ | ấp | khu[ ]phố | khóm | xóm | đội | lớp | khu | lô | kỳ[ ]họp | phòng
          | quốc[ ]lộ | tỉnh[ ]lộ | huyện[ ]lộ | đường | đường[ ](?:tỉnh|huyện|xã) | km
          | ban[ ]chỉ[ ]đạo | tầng | tổ[ ]dân[ ]phố | khu[ ]dân[ ]cư | dân[ ]phố
          | ban | cụm)                                   # "Ban 4", "Cụm 3": a unit's name
      | (?<!(?:mỗi|hàng)[ ])(?:ngày | tháng | quý)           # "tháng 6", not "mỗi tháng 3"
      | chính[ ]quy[eêềếểễệ]n(?:[ ]địa[ ]phương)?  # the two-tier model: "chính quyền địa phương
                                                 # 02 cấp", its tone OCR lost: "chính quyên"
      | (?-i:(?:Kế|KẾ)[ ](?:hoạch|HOẠCH))        # a plan's name "Kế hoạch 123", not the target
                                                 # in "so với kế hoạch 120 hộ"
    )[ ]*
"""

# A dash between two numbers: hyphen, en dash, em dash, minus. Example: "5—10%".
DASH = "[-–—−]"
# Marks OCR puts where it could not read a digit: "#350", "2§00", "1¡5", "]20".
OCR_MARK = r"[#*@&~^|\\_§¡¿\[\]œŒ¦¶¤¢£¥¬]"

# Five digits or more with no group dots, and no money or percent after them, are a code (a
# certificate serial, an account, an ID card), never a count: Vietnamese writes "12.345 hộ".
# Examples: "123456" in "AB 123456 cấp ngày…", "1234567890" in "số tài khoản 1234567890";
# not "12.345", "2.500,5", "12000,5 người", nor an amount written without dots: "12000 triệu
# đồng", "150000 đồng", "250000 USD".
CODE_DIGITS = r"\d{5,}(?![.,]?\d)(?![ ]*(?:triệu|tỷ|tỉ|nghìn|ngàn|đồng|đ\b|USD|VND|%))"

# Where a quantity may open: not glued to a word, a number or a code, not the second end of a
# range or date, not a label's number. Examples: "320" in "đạt 320 triệu"; not "12" in "QĐ12",
# "14/6", "1.4.2", "NĐ-12", "2016-2020", "(13-12)", "Điều 12", "tháng 12".
QUANTITY_LEFT = rf"""
    (?<![\p{{L}}\p{{N}}/.,])            # glued on the left: "QĐ12", "14/6", "1.4.2"
    (?<!{OCR_MARK})                     # OCR's mark for a digit it could not read: "#350"
    (?<!\p{{N}}[ ]?{DASH}[ ]?)          # second end of a range or date: "2016-2020", "13-12"
    (?<!\p{{L}}{DASH})                  # code suffix: "NĐ-12"
    (?<!{LABEL_WORDS})                  # a label's number: "Điều 113", "khoản 2"
    (?!{CODE_DIGITS})                   # a serial, account or ID: "AB 123456", "1234567890"
"""


def _digits(prefix: str) -> str:
    """A number strictly in Vietnamese format, its groups named `prefix`int and `prefix`dec."""
    return rf"""
    (?P<{prefix}int>\d{{1,3}}(?:\.\d{{3}})+|\d+)  # "70.000.000", "1.250", "320", "02"
    (?:,(?P<{prefix}dec>\d+))?                  # decimals: ",1" in "12.492,1"
    (?![\p{{N}}/]|[.,]\p{{N}}|{OCR_MARK})       # glued on the right: "14/6", "1.25", "2§00"
    """


# The first end of a range or a date, which is no number of its own. Example: "2021" in
# "2021–2025", "13" in "13-12", "5" in "5-10%" (read as a range by RANGE instead).
RANGE_FOLLOWS = rf"(?![ ]?{DASH}[ ]?\p{{N}})"

# A number standing alone, strictly in Vietnamese format, where its place allows a quantity.
# Examples: "320", "02", "1.250", "70.000.000", "12.492,1"; not "1.4.2", "14/6/2017",
# "2016-2020", "(13-12)", "NĐ-CP", "QĐ12", "1.25", "Điều 113", "tháng 6".
NUMBER = regex.compile(
    QUANTITY_LEFT + _digits("") + RANGE_FOLLOWS,
    regex.VERBOSE,
)

# Where a number may open at all: a digit not inside another number or word. Only here are
# RANGE and NUMBER tried. Example: "3" in "có 35 xã", not "5" in it nor "2" in "QĐ2". A digit
# right after a word and a slash (group "slash") may open a count joined to the count before
# it (see SLASH_NUMBER): "873" in "bắt giữ 461 vụ/873 đối tượng".
NUMBER_START = regex.compile(r"(?<![\p{L}\p{N}/.,])\d|(?P<slash>(?<=\p{L}/)\d)", regex.VERBOSE)

# A count after a slash, which reports use to join two counts of one thing seen two ways:
# "873" in "bắt giữ 461 vụ/873 đối tượng", "137" in "14 hồ sơ phi địa giới/137 hồ sơ nộp
# trực tuyến"; not a code ("QĐ/12345"), and not the base of a rate, a power of ten:
# "1.000" in "3,5 bác sĩ/1.000 dân" (see figures._slash_count).
SLASH_NUMBER = regex.compile(
    rf"(?!{CODE_DIGITS})" + _digits("") + RANGE_FOLLOWS,
    regex.VERBOSE,
)
POWER_OF_TEN = regex.compile(r"10*")

# Space between the words of one figure: blanks, or a line break the layout put there.
# Examples: " " in "320 triệu đồng", "\n" in "12.492,1 triệu\nđồng".
GAP = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"

# The scale words of money, longest first. Examples: "nghìn tỷ", "tỷ", "triệu", "nghìn".
SCALE_WORD = rf"(?:(?:nghìn|ngàn){GAP}(?:tỷ|tỉ)|tỷ|tỉ|triệu|nghìn|ngàn)(?!\p{{L}})"

# Two numbers that make one range: a dash, or "đến"/"tới" (with "từ" before, kept out of the
# span), or "và" after "giữa". The low end may carry its own scale word or unit. Examples:
# "5-10", "5 – 10", "5—10", "5 đến 10", "1,5 đến 2", "500 triệu đến 1", "50.000đ-100.000",
# "1000 đồng đến 2000", "5% đến 10", "giữa 5 và 10"; not "1-2-3", "13-12-2020", "5-10/12".
RANGE = regex.compile(
    QUANTITY_LEFT
    + _digits("low_")
    + rf"""
    (?: {GAP}(?P<low_mult>{SCALE_WORD})(?P<low_money>{GAP}(?:đồng|VNĐ|VND))?  # "500 triệu"
      | [ ]?(?P<low_pct>%)                                                  # "7% - 8%"
      | (?P<low_money>[ ]?(?:đ|₫)|{GAP}(?:đồng|VNĐ|VND))(?!\p{{L}})            # "50.000đ-"
    )?
    (?P<join>[ ]?{DASH}[ ]?|{GAP}(?:đến|tới|và){GAP})  # "5-10", "5—10", "5 đến 10", "5 và 10"
    """
    + _digits("high_")
    + RANGE_FOLLOWS,
    regex.VERBOSE,
)

# A range whose two ends each carry the unit, the high end with a bound word, after a figure
# opened by "từ": what follows the low end up to the high end's number. Example: " đến dưới "
# in "từ 200 con đến dưới 1.000 con", " đến " in "từ 5 tỷ đồng đến 10 tỷ đồng".
UNIT_RANGE_JOIN = regex.compile(
    rf"{GAP}(?:đến|tới){GAP}(?:(?P<bound>dưới|trên|hơn|không[ ]quá|gần){GAP})?(?=\p{{N}})",
    regex.IGNORECASE,
)
# "từ" right before the low end of such a range. Example: "từ " in "quy mô từ 200 con".
FROM_BEFORE = regex.compile(r"(?<!\p{L})(?i:từ)[ ]+\Z")


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
DOLLARS = r"(?P<usd>USD|usd|(?i:đô[ -]?la(?:[ ]+mỹ)?)(?!\p{L}))"

# Money after a number. Only "trđ" and "đ" may be glued to the number; "đồng" opening another
# word ("3 đồng chí") is not money.
# A damaged "đồng" after a scale word is money only in a sentence about money (see
# MONEY_WORDS) or as a rate ("60 triệu đông/hộ"); the figure says its unit was repaired.
# Examples: "140trđ", "5 tr.đ", "70.000đ", "2 tỷ.đ", "60 triệu đông", "5.000₫",
# "320 triệu đồng", "1,5 tỷ đồng", "1,2 nghìn tỷ đồng",
# "500 nghìn đồng", "70.000.000 đồng", "2.000.000 VNĐ", "2,3 triệu USD", "15.000 USD",
# "5 triệu đô la Mỹ", "12.492,1 triệu\nđồng".
AMOUNT_UNIT = regex.compile(
    rf"""
    (?: [ ]?(?P<scale>(?P<mult>tr)\.?(?:đồng|đ))            # "140trđ", "5 tr.đ", "5 tr.đồng"
      | [ ]?(?P<scale>(?P<mult>tỷ|tỉ)\.(?:đồng|đ))          # "2 tỷ.đ"
      | [ ]?(?P<scale>đ|₫)(?!\))                            # "70.000đ", not the list letter "đ)"
      | {GAP}(?P<scale>
            (?P<mult>{SCALE_WORD})
            {GAP}(?:đồng|đ|VNĐ|VND|vnđ|vnd|₫|{DOLLARS})      # "320 triệu đồng", "2,3 triệu USD"
        )
      | {GAP}(?P<scale>                                      # OCR's "triệu đông", "triệu động":
            (?P<mult>{SCALE_WORD}){GAP}(?P<damaged>đông|động|dong)  # money only in a money
        )(?!{GAP}(?:vật|lực|viên|cơ|đất|thái|tác|bằng|nam|bắc|đúc|đảo|dược)(?!\p{{L}}))
      | {GAP}(?P<scale>đồng|VNĐ|VND|vnđ|vnd|{DOLLARS})       # "70.000.000 đồng", "15.000 USD"
    )
    (?!\p{{L}})
    (?!{GAP}(?:chí|bào|thời|bộ|ý|nghiệp|hương|loạt|hồ)(?!\p{{L}}))  # "đồng chí", "đồng hồ"
    """,
    regex.VERBOSE,
)

# A rate per something after a money unit: "/hộ" in "60 triệu đông/hộ" (money for certain).
PER_UNIT = regex.compile(r"/\p{L}")

# A compound amount: a larger scale word, then a smaller one, then đồng. Examples:
# "2 tỷ 500 triệu đồng", "1 tỷ 250 triệu 500 nghìn đồng", "3 triệu 500 nghìn đồng".
COMPOUND = regex.compile(
    rf"""
    {GAP}(?P<big>tỷ|tỉ|triệu)(?!\p{{L}})
    {GAP}(?P<n2>\d{{1,3}}){GAP}(?P<mid>triệu|nghìn|ngàn)(?!\p{{L}})
    (?:{GAP}(?P<n3>\d{{1,3}}){GAP}(?:nghìn|ngàn)(?!\p{{L}}))?
    {GAP}(?P<currency>đồng|đ|VNĐ|VND)(?!\p{{L}})
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

# An amount written whole, a scale word and "đồng": a damaged "tỷ đông" in the same sentence
# after it is money too. Example: "7,623 tỷ đồng" before "(Dự án 2: 3,683 tỷ đông;".
WHOLE_AMOUNT = regex.compile(rf"\d{GAP}{SCALE_WORD}{GAP}đồng(?!\p{{L}})")
# How far back in its sentence such an amount is looked for.
WHOLE_AMOUNT_REACH = 400

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

# A count with a scale word before what it counts: "2,5 nghìn lao động", "1,7 triệu lượt".
COUNT_SCALE = regex.compile(r"[ ]+(?P<mult>nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L})")

# A count of a total, as "X/Y noun" or "X trên (tổng số) Y noun". Examples: "22/22 xã",
# "14/17 huyện", "37 trên tổng số 63 tỉnh", "5 trên 10 xã", OCR's "03/ 124 đơn vị" (a blank
# after the slash); not "14/6" (a date: no noun follows, or X > Y), "27/ 11/2024".
FRACTION = regex.compile(
    QUANTITY_LEFT
    + r"(?P<part>\d{1,3}(?:\.\d{3})+|\d+)/[ ]?(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)"
    + rf"(?![\p{{N}}/]|[.,]\p{{N}}|{OCR_MARK})",
    regex.VERBOSE,
)
# A cheap look for the "/" of a fraction before the full pattern is tried.
SLASH_NEXT = regex.compile(r"[\d.]+/[ ]?\d")
OUT_OF_TOTAL = regex.compile(
    r"[ ]+trên[ ]+(?:tổng[ ]+số[ ]+)?(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?![\p{N}/]|[.,]\p{N})")

# Two numbers sharing the unit after the second: "5 và 2 hợp tác xã", "15 hoặc 20%".
AND_NEXT = regex.compile(rf"{GAP}(?:và|hoặc){GAP}(?=\d)")
# "giữa" before a range joined by "và": "giữa 5 và 10 triệu đồng".
BETWEEN = regex.compile(r"(?<!\p{L})(?i:giữa)[ ]+\Z")

# A count whose noun stands in the label before a colon, or before "là", in a report's list
# or sentence. Examples: "Tổng số hồ sơ tiếp nhận: 112", "Số hộ được hỗ trợ: 25", "Tổng số
# nhiệm vụ được giao là 123"; the number ends its clause.
COUNT_LABEL = regex.compile(r"(?<!\p{L})(?i:tổng[ ]số|số[ ]lượng|số)(?=[ ])")
LABEL_COLON = regex.compile(r"(?::|(?<!\p{L})(?P<is>là))[ ]*\Z")
# What may not stand between a label and its "là": another number or a clause's end, which
# would make the label another figure's. Example: "," in "Số hộ nghèo giảm 50 hộ, còn lại là".
LABEL_BROKEN = regex.compile(r"[\p{N},;:()]")
CLAUSE_END = regex.compile(r"[ ]*(?:[.;,)]|\n|\Z)")

# A number split by a blank after a digit: "234" in "có 1 234 hộ" is part of another number.
SPLIT_BEFORE = regex.compile(r"\d[ ]\Z")
# Any number after a short number and a blank is a piece of one OCR split or misread: "79" in
# "quá hạn 125 79 hồ sơ" (printed "12.579"); not "15" in "năm 2024 15 xã".
PIECE_BEFORE = regex.compile(r"(?<![\p{N}/.,])\d{1,3}[ ]\Z")
# A run of zeros is no value: OCR junk such as "00 %".
ZEROS = regex.compile(r"0{2,}")

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
      | không[ ]hơn | không[ ]vượt[ ]quá | không[ ]ít[ ]hơn
      | ít[ ]nhất | tối[ ]thiểu | tối[ ]đa | xấp[ ]xỉ | khoảng | gần
      | (?<!(?:cao|thấp|nhiều|ít|lớn|nhỏ)[ ])hơn                 # "hơn 300", not "cao hơn 5%"
      | (?<!(?<!\p{{L}})(?:cấp|nêu|kể|bên|phía|ở|\p{{N}})[ ])trên  # not "cấp trên", "5 trên 10"
      | (?<!(?<!\p{{L}})(?:cấp|bên|phía|ở)[ ])dưới               # not "cấp dưới 5 tỷ đồng"
    ))
    {GAP}(?:(?i:từ){GAP})?\Z
    """,
    regex.VERBOSE,
)
# How far back from a number a qualifier may start: "không vượt quá từ " is 18 characters.
QUALIFIER_REACH = 24
# A word of direction before a number, with a qualifier or "từ" between. Examples: "tăng
# 12,3%", "giảm còn 4,12%", "tăng khoảng 5%", "đạt 88,8%"; not "tăng cường 5 xã".
CHANGE = regex.compile(
    r"""
    (?<!\p{L})
    (?P<c>(?i:tăng(?:[ ](?:lên|thêm))? | giảm(?:[ ](?:xuống|còn|đi))? | còn | đạt))
    [ ]+(?:(?i:khoảng|gần|hơn|trên|dưới|xấp[ ]xỉ|từ)[ ]+)?[-−]?\Z
    """,
    regex.VERBOSE,
)
CHANGE_REACH = 32

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


