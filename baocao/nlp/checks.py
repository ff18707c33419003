"""Consistency flags: figures a researcher should check against the page before using them.

A report that states an amount and its share of a total ("12.492,1 triệu đồng (chiếm tỷ lệ
26,3% so với tổng kinh phí …)") implies that total; when the report also states the total,
the two must agree within the rounding of the written numbers. A figure OCR read with low
confidence is flagged too, unless a second reading of its digits agrees. Flags never change a
value: they say where to look.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from baocao.datamodel import Figure, Flag, PageText
from baocao.vietnamese.text import fold

# Lowest word confidence (0–100) of a figure read by OCR below which it is flagged. On the
# samples and the development set every figure found scores 81–96; the misread numbers
# ("20.269trđì).", "16.125,5trở;") scored 0 and 22.
MIN_FIGURE_CONFIDENCE = 70

# What stands between an amount and its share. Examples: "12.492,1 triệu đồng (chiếm tỷ
# lệ 26,3%", "giải ngân 3.420 triệu đồng, đạt 88,8% kế hoạch", "1.200 triệu đồng, bằng 60%"
SHARE_LINK = regex.compile(r"^\s*[,(]?\s*(?:chiếm|bằng|đạt)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*$")
# A share that is part of a whole: it cannot pass 100%. Example: "(chiếm tỷ lệ 26,3%"
PART_OF_WHOLE = regex.compile(r"chiếm")
# The total a share is of, after the percentage. Example: "26,3% so với tổng kinh phí
# thực hiện trong toàn tỉnh)" → "tổng kinh phí thực hiện trong toàn tỉnh"
TOTAL_NAME = regex.compile(r"^\s*(?:so\s+với|trên|của)?\s*(?P<name>tổng(?:\s+\p{L}+)+)")
# "tổng" as a total, before a stated amount; not "tổng kết" (review), "tổng hợp"
# (compile), "tổng thể" (overall), "Tổng cục" (General Department).
# Example: "Năm 2022, tổng kinh phí khuyến công được giao là 5.650 triệu đồng"
TOTAL_WORD = regex.compile(r"(?i)\btổng\b(?!\s+(?:kết|hợp|thể|quát|cục))")
# A share's total is compared with totals stated elsewhere in the document only when its
# name is this specific (in syllables): "tổng kinh phí" alone could be any total. Elsewhere,
# a total is an amount whose words before it hold that name.
MIN_TOTAL_NAME_WORDS = 4


def check_figures(texts: list[PageText], figures: list[Figure]
                  ) -> tuple[list[Figure], list[Flag]]:
    """The figures again, each with its flags and implied total set, and the flags with their
    reasons; the figures given are left as they were."""
    flags: list[Flag] = []
    for f in figures:
        # a second reading of its digits from the page that agrees vouches for them
        if f.confidence is not None and f.confidence < MIN_FIGURE_CONFIDENCE \
                and not f.reread_agrees:
            flags.append(Flag(f.figure_id, "low_confidence",
                              f"OCR read '{f.raw}' with confidence {f.confidence:.0f} "
                              f"(below {MIN_FIGURE_CONFIDENCE}): check it on the page"))
    pages = {t.page_no: t.text for t in texts}
    clauses = [_clause(figures, i, pages.get(f.page_no, "")) for i, f in enumerate(figures)]
    shares = _shares(pages, figures, clauses)
    for share in shares:
        flags.extend(_check_share(share))
    flags.extend(_compare_totals(shares, figures, clauses))
    implied = {s.percent.figure_id: s.total for s in shares}
    named = {f.figure_id: list(f.flags) for f in figures}
    for flag in flags:
        if flag.flag not in named[flag.figure_id]:
            named[flag.figure_id].append(flag.flag)
    checked = [replace(f, implied_total=implied.get(f.figure_id, f.implied_total),
                       flags=named[f.figure_id]) for f in figures]
    return checked, flags


class _Share:
    """An amount, the percentage of a total it is, and the total that implies."""

    def __init__(self, amount: Figure, percent: Figure, name: str | None, part: bool,
                 stated: Figure | None):
        self.amount, self.percent, self.name, self.part, self.stated = (
            amount, percent, name, part, stated)
        low, high = _interval(amount)
        p_low, p_high = _interval(percent)
        self.low = low / (p_high / 100)
        self.high = high / (p_low / 100) if p_low > 0 else float("inf")
        self.total = amount.value / (percent.value / 100)


def _clause(figures: list[Figure], i: int, text: str) -> str:
    """The words before figures[i], back to the figure before it in its sentence or to the
    sentence's start. Example: "Năm 2022, tổng kinh phí được giao là " before "5.650 …"."""
    f = figures[i]
    start = max(text.find(f.sentence, max(0, f.end - len(f.sentence))), 0)
    if i and figures[i - 1].page_no == f.page_no and figures[i - 1].end > start:
        start = figures[i - 1].end
    return text[start:f.start]


def _shares(pages: dict[int, str], figures: list[Figure], clauses: list[str]) -> list[_Share]:
    """Every amount followed by its share of a total in the same sentence."""
    out = []
    for i, (a, p) in enumerate(zip(figures, figures[1:], strict=False)):
        if not (a.kind == "amount" and p.kind == "percent" and a.page_no == p.page_no
                and a.sentence == p.sentence and _exact(a) and _exact(p) and p.value > 0):
            continue
        text = pages.get(a.page_no, "")
        between = text[a.end:p.start]
        if not SHARE_LINK.match(between):
            continue
        name = TOTAL_NAME.match(text[p.end:p.end + 120])
        share = _Share(a, p, name["name"] if name else None, bool(PART_OF_WHOLE.search(between)),
                       _stated_total(figures, i, clauses))
        out.append(share)
    return out


def _stated_total(figures: list[Figure], i: int, clauses: list[str]) -> Figure | None:
    """The nearest amount before figures[i] in its sentence that the text calls a total
    ("tổng kinh phí khuyến công được giao là 5.650 triệu đồng")."""
    a = figures[i]
    for j in range(i - 1, -1, -1):
        f = figures[j]
        if f.page_no != a.page_no or f.sentence != a.sentence:
            break
        if (f.kind == "amount" and f.unit == a.unit and _exact(f)
                and TOTAL_WORD.search(clauses[j])):
            return f
    return None


def _check_share(share: _Share) -> list[Flag]:
    """A part over 100% of its whole; a total stated in the same sentence that disagrees."""
    out = []
    p = share.percent
    if share.part and p.value > 100:
        out.append(Flag(p.figure_id, "share_over_100",
                        f"'{p.raw}' is said to be part of a total: it cannot be over 100%",
                        share.amount.figure_id))
    t = share.stated
    if t is not None and not _agrees(t, share):
        out += _mismatch(share, t)
    return out


def _compare_totals(shares: list[_Share], figures: list[Figure], clauses: list[str]
                    ) -> list[Flag]:
    """A share's total against the same total stated, or implied, elsewhere in the document:
    the same name ("tổng kinh phí thực hiện trong toàn tỉnh") and the same year."""
    out = []
    named = [s for s in shares if s.name and len(s.name.split()) >= MIN_TOTAL_NAME_WORDS]
    for s in named:
        name = fold(s.name)
        for f, clause in zip(figures, clauses, strict=True):
            if (f.kind == "amount" and f.unit == s.amount.unit and _exact(f)
                    and f is not s.amount and f is not s.stated and f.year == s.percent.year
                    and name in fold(clause) and not _agrees(f, s)):
                out += _mismatch(s, f)
    for i, s in enumerate(named):
        for other in named[i + 1:]:
            if (fold(s.name) == fold(other.name) and s.percent.year == other.percent.year
                    and s.amount.unit == other.amount.unit
                    and (s.high < other.low or other.high < s.low)):
                detail = (f"'{s.percent.raw}' and '{other.percent.raw}' of '{s.name}' imply "
                          f"totals {_money(s.total)} and {_money(other.total)}")
                out.append(Flag(s.percent.figure_id, "total_mismatch", detail,
                                other.percent.figure_id))
                out.append(Flag(other.percent.figure_id, "total_mismatch", detail,
                                s.percent.figure_id))
    return out


def _mismatch(share: _Share, stated: Figure) -> list[Flag]:
    detail = (f"'{share.amount.raw}' at '{share.percent.raw}' implies a total of "
              f"{_money(share.total)}, but the report states '{stated.raw}'")
    return [Flag(share.percent.figure_id, "total_mismatch", detail, stated.figure_id),
            Flag(stated.figure_id, "total_mismatch", detail, share.percent.figure_id)]


def _agrees(total: Figure, share: _Share) -> bool:
    """The stated total lies within what the share implies, given how both were rounded."""
    low, high = _interval(total)
    return high >= share.low and low <= share.high


def _exact(f: Figure) -> bool:
    """A single number as written: no 'khoảng', 'trên'…, no range."""
    return f.qualifier is None and f.value_low == f.value_high


# The number as written in a figure. Examples: "12.492,1" in "12.492,1 triệu đồng", "26,3"
NUMBER = regex.compile(r"\d+(?:\.\d{3})*(?:,(\d+))?")


def _interval(f: Figure) -> tuple[float, float]:
    """The values the written figure stands for: '26,3%' is anything from 26.25 to 26.35,
    '3.420 triệu đồng' anything from 3.419,5 to 3.420,5 triệu."""
    m = NUMBER.search(f.raw)
    if not m:
        return f.value, f.value
    written = float(m.group().replace(".", "").replace(",", "."))
    decimals = len(m[1]) if m[1] else 0
    scale = f.value / written if written else 1.0
    half = 0.5 * 10 ** -decimals * scale
    return f.value - half, f.value + half


def _money(vnd: float) -> str:
    """An amount in triệu đồng written the Vietnamese way: 47498479087 → '47.498,5 triệu đồng'."""
    text = f"{vnd / 1e6:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{text} triệu đồng"
