"""Figures in Vietnamese report text: money amounts, percentages and counts.

Numbers are read the Vietnamese way ("." groups thousands, "," marks decimals). A figure is
emitted only when its written form leaves no doubt: a wrong value is worse than a missing one.

Amounts are in đồng (unit "VND") or in US dollars (unit "USD": "2,3 triệu USD", "đô la Mỹ").
A range ("từ 5 đến 10 triệu đồng", "5-10%", "3 - 5 xã") is one figure with `value_low` and
`value_high`; `value` is its low end. Its `raw` starts at the low number: "từ" stays out of it,
as the qualifier before a number does ("trên 300 doanh nghiệp" → raw "300 doanh nghiệp",
qualifier "trên"), so `raw` opens with a digit (or its sign) and is always text[start:end].
A single figure has value_low == value_high == value. A range whose low end exceeds its high
end, or whose ends are two years, is no figure at all. Numbers shaped like telephone or fax
numbers are never figures. Qualifiers (see QUALIFIER) are lower-cased; a scale word broken over
a line is kept with one space ("triệu\nđồng" → scale "triệu đồng"), raw keeps the break.

A compound amount "2 tỷ 500 triệu đồng" is one figure (2.500.000.000). A sign glued to a
percentage or an amount is part of its value ("giảm -2,3%" → -2,3). "22/22 xã" and "37 trên
tổng số 63 tỉnh" are counts of a total (`of_total`); "2,5 nghìn lao động" is 2.500. A word of
direction before a number is kept in `change` ("tăng", "giảm còn"). A number split by a blank
("1 234"), glued to an OCR mark ("2§00") or made of zeros only ("00") is in doubt: no figure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import regex

from baocao.datamodel import FigureMatch
from baocao.nlp.counts import count_noun_at, damaged_noun_at
from baocao.nlp.figure_forms import (
    AMOUNT_UNIT,
    AND_NEXT,
    BARE_SCALE,
    BETWEEN,
    CHANGE,
    CHANGE_REACH,
    CLAUSE_END,
    COMPOUND,
    COUNT_LABEL,
    COUNT_SCALE,
    FRACTION,
    FROM_BEFORE,
    LABEL_BROKEN,
    LABEL_COLON,
    LEADING_GROUPS,
    MONEY_WORDS,
    MULTIPLIERS,
    NUMBER,
    NUMBER_START,
    OCR_GROUPS,
    OUT_OF_TOTAL,
    PER_UNIT,
    PERCENT_UNIT,
    PHONE,
    PIECE_BEFORE,
    POWER_OF_TEN,
    QUALIFIER,
    QUALIFIER_REACH,
    RANGE,
    SENTENCE_END,
    SLASH_NEXT,
    SLASH_NUMBER,
    SPLIT_BEFORE,
    UNIT_RANGE_JOIN,
    WHOLE_AMOUNT,
    WHOLE_AMOUNT_REACH,
    WORD_CHAR,
    YEAR,
    ZEROS,
)


@dataclass(frozen=True)
class _Unit:
    """What follows a number: the figure's kind, unit, factor to apply and the scale as written."""

    kind: str
    unit: str
    factor: int
    scale: str | None
    end: int
    repaired: bool = False  # a money unit OCR damaged, accepted from its sentence
    extra: int = 0  # the rest of a compound amount: 500 triệu in "2 tỷ 500 triệu đồng"
    from_label: bool = False  # a count's noun read off the label before a colon


def find_figures(text: str) -> list[FigureMatch]:
    """All amounts, percentages and counts in `text`: read left to right, so sorted and disjoint."""
    phones = [m.span() for m in PHONE.finditer(text) if _is_phone(m.group())]
    found: list[FigureMatch] = []
    taken = 0  # end of the last figure or refused range: nothing in it is read again
    for digit in NUMBER_START.finditer(text):
        start = digit.start()
        if start < taken or (phones and any(a <= start < b for a, b in phones)):
            continue
        if digit.group("slash") is not None:
            joined = _slash_count(text, start, found)
            if joined is not None:
                found.append(joined)
                taken = joined.end
            continue
        fraction = FRACTION.match(text, start) if SLASH_NEXT.match(text, start) else None
        if fraction is not None:
            figure = _fraction_at(text, fraction)
            if figure is not None:
                found.append(figure)
            taken = fraction.end()
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
        figures = _figures_at(text, number) if number is not None else []
        if len(figures) == 1:
            figures = _with_unit_range(text, figures[0])
        if figures:
            found.extend(figures)
            taken = figures[-1].end
    return found


def _slash_count(text: str, start: int, found: list[FigureMatch]) -> FigureMatch | None:
    """"461 vụ/873 đối tượng": the count after a slash, when a count stands before it in the
    same sentence and a counted noun follows it; never the base of a rate ("/1.000 dân")."""
    if not found or found[-1].kind != "count" or found[-1].end is None \
            or SENTENCE_END.search(text, found[-1].end, start):
        return None
    number = SLASH_NUMBER.match(text, start)
    if number is None or number.group("dec") is not None \
            or POWER_OF_TEN.fullmatch(number.group("int").replace(".", "")) \
            or YEAR.fullmatch(number.group("int")):
        return None
    unit = _unit_at(text, number.end(), start)
    if unit is None or unit.kind != "count" or unit.factor != 1:
        return None
    value = _decimal(number.group("int"), None)
    return _figure(text, start, unit, value, value)


def _with_unit_range(text: str, low: FigureMatch) -> list[FigureMatch]:
    """"từ 200 con đến dưới 1.000 con": one range figure when both ends carry the same unit
    (kind, unit and scale); else the figure alone, its high end read on its own as before."""
    join = UNIT_RANGE_JOIN.match(text, low.end)
    if join is None or not FROM_BEFORE.search(text, max(0, low.start - 8), low.start):
        return [low]
    number = NUMBER.match(text, join.end())
    ends = _figures_at(text, number) if number is not None else []
    if len(ends) != 1:
        return [low]
    high = ends[0]
    same = (high.kind, high.unit, high.scale) == (low.kind, low.unit, low.scale)
    if not same or low.value_low is None or high.value_high is None \
            or low.value_low > high.value_high or low.value_low != low.value_high \
            or high.value_low != high.value_high:
        return [low]
    return [replace(low, raw=text[low.start:high.end], end=high.end,
                    value_high=high.value_high)]


def _figures_at(text: str, number: regex.Match) -> list[FigureMatch]:
    """The figure a number makes with the unit after it (or after the number that follows it
    with "và": "5 và 2 hợp tác xã" gives two); none when in doubt."""
    start, end = number.span()
    digits, dec = number.group("int"), number.group("dec")
    if (dec is None and ZEROS.fullmatch(digits)) or (
        len(digits) == 3 and SPLIT_BEFORE.search(text, max(0, start - 2), start)
    ) or PIECE_BEFORE.search(text, max(0, start - 5), start):
        return []
    glued = None
    if dec is None and LEADING_GROUPS.fullmatch(digits) and not _opens_line(text, start):
        glued = OCR_GROUPS.match(text, end)
    if glued is not None:  # "12. 492,1 triệu đồng", "15. 000 hộ": never a list number
        unit = _unit_at(text, glued.end(), start)
        if unit is not None and unit.kind != "percent" and (
            unit.kind == "amount" or glued.group("dec") is None
        ):
            value = _decimal(digits + glued.group("groups"), glued.group("dec")) * unit.factor
            return [_figure(text, start, unit, value, value)]
    unit = _unit_at(text, end, start, countable=dec is None and not YEAR.fullmatch(digits))
    if unit is None:
        return _without_unit(text, number)
    if unit.extra and dec is not None:  # "2,5 tỷ 300 triệu đồng": no such amount
        return []
    value = _decimal(digits, dec) * unit.factor + unit.extra
    if unit.kind == "count" and (value != int(value) or (unit.factor == 1 and (
            dec is not None or YEAR.fullmatch(digits)))):
        return []
    total = OUT_OF_TOTAL.match(text, end) if unit.kind == "count" else None
    return [_figure(text, start, unit, value, value)] if total is None else []


def _without_unit(text: str, number: regex.Match) -> list[FigureMatch]:
    """A number with no unit of its own: a part of a total ("37 trên tổng số 63 tỉnh"), the
    first of two sharing a unit ("5 và 2 xã"), or a count labelled before a colon."""
    start, end = number.span()
    digits, dec = number.group("int"), number.group("dec")
    if dec is not None or YEAR.fullmatch(digits):
        return []
    total = OUT_OF_TOTAL.match(text, end)
    if total is not None:
        noun = count_noun_at(text, total.end())
        if noun is not None and int(_decimal(digits, None)) <= int(
                _decimal(total.group("whole"), None)):
            unit = _Unit("count", noun[0], 1, None, noun[1])
            return [_figure(text, start, unit, _decimal(digits, None), _decimal(digits, None),
                            of_total=_decimal(total.group("whole"), None))]
    joined = AND_NEXT.match(text, end)
    if joined is not None:
        second = NUMBER.match(text, joined.end())
        after = _figures_at(text, second) if second is not None else []
        if after and after[0].kind in ("count", "percent") and after[0].scale is None:
            unit = _Unit(after[0].kind, after[0].unit, 1, None, end)
            value = _decimal(digits, None)
            return [_figure(text, start, unit, value, value), *after]
    unit = _label_unit(text, start, end)
    if unit is not None:
        value = _decimal(digits, None)
        return [_figure(text, start, unit, value, value)]
    return []


def _label_unit(text: str, start: int, end: int) -> _Unit | None:
    """The counted noun in a label before a colon, "Tổng số hồ sơ tiếp nhận: 112", or
    before "là" in the same clause, "Tổng số nhiệm vụ được giao là 123"."""
    colon = LABEL_COLON.search(text, max(0, start - 4), start)
    if colon is None or CLAUSE_END.match(text, end) is None:
        return None
    line = text.rfind("\n", 0, start) + 1
    labels = list(COUNT_LABEL.finditer(text, line, start))
    if not labels:
        return None
    label = labels[-1] if colon.group("is") else labels[0]
    if ":" in text[label.end():start].rstrip()[:-1] or (
            colon.group("is") and LABEL_BROKEN.search(text, label.end(), colon.start())):
        return None  # "Số hộ nghèo giảm 50 hộ, còn lại là 3": the label is another's
    noun = count_noun_at(text, label.end(), open_vocabulary=False)  # not "Mã số thuế: 43…"
    if noun is None:
        return None
    return _Unit("count", noun[0], 1, None, end, from_label=True)


def _fraction_at(text: str, fraction: regex.Match) -> FigureMatch | None:
    """"22/22 xã": a count of a total, when a counted noun follows and the part is no more
    than the whole."""
    part = _decimal(fraction.group("part"), None)
    whole = _decimal(fraction.group("whole"), None)
    if not 0 < whole or part > whole or YEAR.fullmatch(fraction.group("whole")):
        return None
    noun = count_noun_at(text, fraction.end())
    if noun is None:
        return None
    unit = _Unit("count", noun[0], 1, None, noun[1])
    return _figure(text, fraction.start(), unit, part, part, of_total=whole)


def _range_at(text: str, rng: regex.Match) -> tuple[FigureMatch | None, int]:
    """The range figure at `rng` and where its text ends; the end is its start when no unit follows.

    A range with a unit but refused (low above high, two years, a decimal count) still ends there,
    so that its high end is not read as a figure of its own.
    """
    start = rng.start()
    if rng.group("join").strip() == "và" and not BETWEEN.search(text, max(0, start - 8), start):
        return None, start  # "5 và 10 xã" is two figures, "giữa 5 và 10 xã" one range
    unit = _unit_at(text, rng.end(), start)
    if unit is None:
        return None, start
    low_pct, low_money = rng.group("low_pct"), rng.group("low_money")
    if (low_pct and unit.kind != "percent") or (low_money and unit.kind != "amount"):
        return None, start  # "5% - 10 xã": two figures of their own
    refused: tuple[FigureMatch | None, int] = None, unit.end
    if unit.extra:  # "1 đến 2 tỷ 500 triệu đồng": in doubt
        return refused
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
    # "500 triệu đến 1 tỷ đồng": each end has its own scale; "5 đến 10 triệu": one for both;
    # "50.000đ-100.000đ": each end in đồng
    low_factor = MULTIPLIERS[_words(low_mult)] if low_mult else 1 if low_money else unit.factor
    low = _decimal(rng.group("low_int"), rng.group("low_dec")) * low_factor
    high = _decimal(rng.group("high_int"), rng.group("high_dec")) * unit.factor
    if low > high:
        return refused
    return _figure(text, start, unit, low, high, signed=False), unit.end


def _money_at(text: str, pos: int, start: int) -> _Unit | None:
    """The money unit written right after a number ending at `pos`, if any."""
    compound = COMPOUND.match(text, pos)
    if compound is not None and MULTIPLIERS[compound["big"]] > MULTIPLIERS[compound["mid"]]:
        return _compound(compound)
    unit = AMOUNT_UNIT.match(text, pos)
    if unit is None:
        return None
    repaired = unit.group("damaged") is not None
    if repaired and not (_after_money_word(text, start) or PER_UNIT.match(text, unit.end())
                         or _after_whole_amount(text, start)):
        return None
    currency = "USD" if unit.group("usd") else "VND"
    return _Unit("amount", currency, _factor(unit), _words(unit.group("scale")), unit.end(),
                 repaired=repaired)


def _compound(m: regex.Match) -> _Unit:
    """"2 tỷ 500 triệu đồng": the first number's factor is the big scale word, and the rest is
    added on as a fraction of it, so the figure stays one value."""
    rest = int(m["n2"]) * MULTIPLIERS[m["mid"]] + int(m["n3"] or 0) * 1000
    return _Unit("amount", "VND", MULTIPLIERS[m["big"]], _words(m.group()), m.end(), extra=rest)


def _unit_at(text: str, pos: int, start: int, countable: bool = True) -> _Unit | None:
    """The unit after a number ending at `pos` (opening at `start`): money, percent, or a noun
    (only when the number may count: no year, no decimals)."""
    money = _money_at(text, pos, start)
    if money is not None:
        return money
    unit = BARE_SCALE.match(text, pos)
    if unit is not None and _after_money_word(text, start):
        return _Unit("amount", "VND", _factor(unit), _words(unit.group("scale")), unit.end())
    unit = PERCENT_UNIT.match(text, pos)
    if unit is not None:
        return _Unit("percent", "%", 1, None, unit.end())
    scale = COUNT_SCALE.match(text, pos)
    if scale is not None:
        noun = count_noun_at(text, scale.end())
        if noun is None:
            return None
        return _Unit("count", noun[0], MULTIPLIERS[scale["mult"]], scale["mult"], noun[1])
    noun = count_noun_at(text, pos) if countable else None
    if noun is not None:
        return _Unit("count", noun[0], 1, None, noun[1])
    noun = damaged_noun_at(text, pos) if countable else None
    if noun is not None:  # OCR's "hô sơ" for "hồ sơ": the noun it must be, said repaired
        return _Unit("count", noun[0], 1, None, noun[1], repaired=True)
    return None


def _figure(text: str, start: int, unit: _Unit, low: Decimal, high: Decimal,
            of_total: Decimal | None = None, signed: bool = True) -> FigureMatch:
    """The figure from `start` to the unit's end with its two ends, already scaled; value is
    low. A sign glued before a percentage or an amount is part of it: "giảm -2,3%"."""
    if signed and unit.kind != "count" and _signed(text, start):
        start, low, high = start - 1, -low, -high
    return FigureMatch(unit.kind, float(low), unit.unit, text[start : unit.end], start, unit.end,
                       unit.scale, _qualifier(text, start), float(low), float(high),
                       of_total=None if of_total is None else float(of_total),
                       change=_change(text, start), unit_repaired=unit.repaired,
                       unit_from="label" if unit.from_label else None)


def _signed(text: str, start: int) -> bool:
    """A minus sign glued before the number, itself after a blank or a bracket mid-line: "-5%"
    in "giảm -5%"; not a bullet "-5%" opening a line, nor "2016-2020"."""
    return (start >= 2 and text[start - 1] in "-−" and text[start - 2] in " (:\t")


def _change(text: str, start: int) -> str | None:
    """The word of direction before the number ("tăng", "giảm còn"), in lower case."""
    found = CHANGE.search(text, max(0, start - CHANGE_REACH), start)
    return _words(found.group("c").lower()) if found else None


def _factor(unit: regex.Match) -> int:
    """The factor of the scale word in a money unit: 1 when there is none ("70.000 đồng")."""
    mult = unit.group("mult")
    return MULTIPLIERS[_words(mult).removesuffix(".")] if mult else 1


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


def _after_whole_amount(text: str, start: int) -> bool:
    """True when an amount written whole ("7,623 tỷ đồng") stands before `start` in its
    sentence: a damaged "tỷ đông" after it is money too."""
    window = text[max(0, start - WHOLE_AMOUNT_REACH) : start]
    ends = list(SENTENCE_END.finditer(window))
    return WHOLE_AMOUNT.search(window, ends[-1].end() if ends else 0) is not None


def _after_money_word(text: str, start: int) -> bool:
    """True when a money word stands shortly before `start` in the same sentence."""
    window = text[max(0, start - 80) : start]
    ends = list(SENTENCE_END.finditer(window))
    sentence = window[ends[-1].end() :] if ends else window
    return MONEY_WORDS.search(sentence) is not None
