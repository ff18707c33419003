"""Numbers in table cells, read the table's way: Vietnamese format ("." groups thousands,
"," marks decimals) unless a column's own cells prove English format ("2,096,584,751").
A number whose separators could be read either way and whose column does not tell is left
unread: a wrong value is worse than none."""

from __future__ import annotations

from collections import Counter
from typing import Literal

import regex

NumberFormat = Literal["vi", "en"]


# A cell that is one number and nothing else, maybe signed, maybe a percentage. Examples:
# "6,74", "12.492,1", "2,096,584,751", "0,8%", "-1.250", "95 %", "0.0331%"; not "83,1/100",
# "763 cây", "62/63", "(1)".
CELL_NUMBER = regex.compile(
    r"^(?P<sign>[-−]?)\s*(?P<number>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"\s*(?P<percent>%)?$"
)


def cell_number(text: str) -> tuple[str, bool, bool] | None:
    """The number a cell holds as written, whether it is a percentage, whether it is signed;
    None when the cell is not one number."""
    match = CELL_NUMBER.match(" ".join(text.split()))
    if match is None:
        return None
    return match["number"], bool(match["percent"]), bool(match["sign"])


def vote(number: str) -> tuple[NumberFormat | None, bool]:
    """Which format a written number proves, and whether the proof is strong: several
    separators of one kind are thousands ("1.234.567" Vietnamese, "2,096,584" English), two
    kinds put the decimal last; one separator before other than three digits is a decimal
    (weak: "6,74" Vietnamese, "0.0331" English); before exactly three digits, nothing."""
    dots, commas = number.count("."), number.count(",")
    if dots and commas:
        return ("vi" if number.rfind(",") > number.rfind(".") else "en"), True
    if dots > 1:
        return "vi", True
    if commas > 1:
        return "en", True
    if dots + commas == 1:
        head, tail = regex.split(r"[.,]", number)
        if len(tail) != 3 or head == "0":
            return ("vi" if commas else "en"), False
    return None, False


# Share of a column's votes one format needs to win over a misread separator or two.
MAJORITY = 0.75


def column_format(numbers: list[str]) -> NumberFormat | None:
    """A column's format: what three in four of its strong votes say, else of its weak ones;
    None when they are split or none is cast."""
    for strong in (True, False):
        votes = Counter(f for f, s in map(vote, numbers) if f is not None and s is strong)
        if votes:
            fmt, n = votes.most_common(1)[0]
            return fmt if n >= MAJORITY * sum(votes.values()) else None
    return None


def parse(number: str, fmt: NumberFormat | None) -> float | None:
    """The value of a written number in the given format; None when the format is unknown
    and the separators could be read either way ("1.250": 1250 or 1,25)."""
    dots, commas = number.count("."), number.count(",")
    if dots and commas:
        decimal = "," if number.rfind(",") > number.rfind(".") else "."
    elif dots > 1 or commas > 1:
        decimal = "," if dots > 1 else "."
    elif dots + commas == 1:
        head, tail = regex.split(r"[.,]", number)
        if len(tail) != 3 or head == "0":
            decimal = "," if commas else "."
        elif fmt is None:
            return None
        else:
            decimal = "," if fmt == "vi" else "."
    else:
        return float(number)
    thousands = "." if decimal == "," else ","
    return float(number.replace(thousands, "").replace(decimal, "."))
