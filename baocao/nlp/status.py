"""Whether a figure is done, estimated, planned, aimed at or asked for, and what a percentage
is compared with, from the words of its sentence: the cue nearest before it in its clause,
else before it in its sentence; a request anywhere before it makes it one."""

from __future__ import annotations

import regex

STATUSES = ("actual", "estimate", "plan", "target", "request")
COMPARED_TO = ("same_period", "plan", "previous", "share")

# Asking for it: "Đề nghị Bộ Công Thương … bố trí … khoảng 2.500 triệu đồng", "kiến nghị",
# "đề xuất", "xin bổ sung 500 triệu đồng".
# Not the noun of something already asked and answered: "theo đề nghị của Sở", "thực hiện
# các kiến nghị sau thanh tra".
REQUEST = regex.compile(
    r"(?<!\b(?:theo|các|những|thực\s+hiện|xử\s+lý)\s+)"
    r"\b(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất|xin\s+(?:bổ\s+sung|cấp|hỗ\s+trợ|bố\s+trí))\b"
    r"(?!\s+(?:sau|của|tại)\b)")
# Estimated: "ước đạt 15.600 tỷ đồng", "ước thực hiện", "ước tính", "dự ước"; not a treaty
# ("công ước", "hiệp ước") nor "mong ước".
ESTIMATE = regex.compile(r"(?<!\b(?:công|hiệp|quy|mong|điều)\s+)\b(?:dự\s+)?ước\b")
# Aimed at: "phấn đấu đạt 50 sản phẩm", "mục tiêu …", "chỉ tiêu …" (not "chi tiêu",
# spending); not transfers "bổ sung có mục tiêu" nor "chương trình mục tiêu quốc gia".
TARGET = regex.compile(r"\b(?:phấn\s+đấu|(?<!\bcó\s+)mục\s+tiêu(?!\s+quốc\s+gia)|chỉ\s+tiêu)\b")
# Planned or allotted: "kế hoạch khuyến công năm 2023 với tổng kinh phí 6.850 triệu đồng",
# "dự toán", "được giao", "phân bổ cho tỉnh", "bố trí", "dự kiến", "sẽ"; not a plan's number
# ("Kế hoạch số 12/KH-UBND"), a plan carried out ("giải ngân kế hoạch vốn", "hoàn thành kế
# hoạch"), nor "giao thông", "giao dịch".
PLAN = regex.compile(
    r"\b(?:(?<!\b(?:giải\s+ngân|hoàn\s+thành|vượt|so\s+với|theo)\s+)kế\s+hoạch(?!\s+số\b)"
    r"|dự\s+toán|dự\s+kiến|phân\s+bổ|bố\s+trí|sẽ"
    r"|giao(?!\s+(?:thông|dịch|lưu|kết|nhận|tiếp|hữu|thoa|diện|ban)\b))\b")
# Done: "đã giải ngân 5.380 triệu đồng", "thực chi", "quyết toán", "thực hiện kế hoạch …"
# (carrying a plan out), "thực hiện được". Weaker than the cues above in the same clause
# only by distance: the nearest cue wins.
ACTUAL = regex.compile(
    r"\b(?:đã|giải\s+ngân|thực\s+chi|quyết\s+toán|thực\s+hiện\s+(?:được|(?:các\s+|của\s+)?"
    r"kế\s+hoạch(?:\s+số)?))\b")
CUES = (("estimate", ESTIMATE), ("target", TARGET), ("plan", PLAN), ("actual", ACTUAL))
# What a percentage is compared with is no status of its figure: "đạt 106% kế hoạch năm",
# "bằng 93,7% dự toán", "so với kế hoạch", "so với cùng kỳ".
COMPARISON = regex.compile(
    r"(?:%|\bphần\s+trăm)\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)"
    r"[^,;.]*|\bso\s+với\s+(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|cùng\s+kỳ)")
# Where a clause ends: what a cue says holds to the next comma or semicolon.
CLAUSE = regex.compile(r"[,;:]|\s[-–]\s")

# The percentage's comparison, read just after it. Examples: "tăng 8,4% so với cùng kỳ",
# "so cùng kỳ năm trước"; "đạt 106% kế hoạch năm", "bằng 93,7% dự toán", "đạt 62% mục tiêu";
# "tăng 5% so với năm trước", "so với năm 2022".
SAME_PERIOD = regex.compile(r"^\s*(?:\(\s*)?(?:so\s+(?:với\s+)?)?cùng\s+kỳ\b")
AGAINST_PLAN = regex.compile(
    r"^\s*(?:\(\s*)?(?:so\s+với\s+)?(?:kế\s+hoạch|KH\b|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)")
PREVIOUS = regex.compile(r"^\s*(?:\(\s*)?so\s+(?:với\s+)?(?:năm\s+(?P<year>(?:19|20)\d\d)|"
                         r"năm\s+trước|năm\s+liền\s+trước)\b")
# A share of a whole: "chiếm 26,3%", "chiếm khoảng 40%", "7.503 người …, trong đó có khoảng
# 80% …"; "30% tổng số", "75,2% trên tổng".
SHARE_BEFORE = regex.compile(r"\b(?:chiếm|trong\s+đó(?:\s+có)?)(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ|khoảng"
                            r"|gần|trên|hơn))?\s*$", regex.I)
SHARE_AFTER = regex.compile(r"^\s*(?:trên\s+|của\s+|so\s+với\s+)?tổng\b")


def _masked(text: str) -> str:
    """The text with its comparisons blanked out, offsets kept."""
    return COMPARISON.sub(lambda m: " " * len(m[0]), text)


def figure_status(sentence: str, start: int) -> str | None:
    """The status its own words give the figure starting at sentence[start], or None where
    they give none (the section or document then tells). Example: "Đề nghị … bố trí kinh phí
    … năm 2024 khoảng 2.500 triệu đồng" → request."""
    before = _masked(sentence[:start].lower())
    if REQUEST.search(before):
        return "request"
    clause_start = max((m.end() for m in CLAUSE.finditer(before)), default=0)
    for scope in (before[clause_start:], before[:clause_start]):
        found = [(m.end(), -m.start(), status) for status, cue in CUES
                 for m in cue.finditer(scope)]
        if found:  # the nearest; of two ending together, the longer ("thực hiện kế hoạch")
            return max(found)[2]
    return None


def default_status(section_kind: str | None, doc_type: str | None, kind: str = "amount"
                   ) -> str:
    """What a figure whose words give no status is: an amount in recommendations asked for,
    planned in plans, a plan's or decision's figure planned, else done (a submission reports
    what was done before it asks: its requests say "đề nghị"; a recommendation's count is
    mostly background: "Ngân sách nước ta gồm 4 cấp")."""
    if section_kind == "recommendations" and kind == "amount":
        return "request"
    if section_kind == "plans":
        return "plan"
    if (doc_type or "").lower() in ("kế hoạch", "quyết định"):
        return "plan"
    return "actual"


def compared_to(sentence: str, start: int, end: int, year: int | None = None) -> str | None:
    """What the percentage at sentence[start:end] is compared with; None where its words do
    not say. `year`: the last year of its period, to tell "so với năm 2022" (the previous
    year) from a base year further back."""
    after, before = sentence[end:end + 80], sentence[max(0, start - 40):start]
    if SAME_PERIOD.match(after):
        return "same_period"
    if AGAINST_PLAN.match(after):
        return "plan"
    previous = PREVIOUS.match(after)
    if previous:
        if previous["year"] is None:
            return "previous"
        return "previous" if year is not None and int(previous["year"]) == year - 1 else None
    if SHARE_BEFORE.search(before) or SHARE_AFTER.match(after):
        return "share"
    return None
