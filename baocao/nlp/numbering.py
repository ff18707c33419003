"""Heading numbers: a label OCR misread repaired by its neighbours ("1H." between "II." and
"IV."; a bold "4." read "A."), and each heading's level from the order its numbering scheme
first appears in, as a reader infers them."""

from __future__ import annotations

from collections.abc import Callable

import regex

from baocao.nlp.headings import Heading

# Schemes of parts, above any numbered or lettered point wherever they first appear.
PARTS = ("title", "part", "upper", "roman")
# Roman numbers as headings print them, for a misread one repaired.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")


def repair_misread_labels(headings: list[Heading]) -> None:
    """A label OCR misread in a numbered sequence ("II.", "1H.", "IV."; "1.", "7.", "3.") is
    the one its neighbours leave for it: the number after the one before, when the one after
    follows it. Roman parts are counted through the document, points within their part."""
    for scheme, value in (("roman", _roman_value), ("arabic0", _arabic_value)):
        run: list[Heading] = []
        for heading in [*headings, None]:
            if heading is not None and heading.scheme == scheme:
                run.append(heading)
                continue
            if heading is None or heading.scheme in PARTS:
                _repair_run(run, value, scheme)
                run = []


def _repair_run(run: list[Heading], value: Callable[[str | None], int | None], scheme: str
                ) -> None:
    for before, heading, after in zip(run, run[1:], run[2:], strict=False):
        a, b, c = value(before.label), value(heading.label), value(after.label)
        if a is not None and c == a + 2 and b != a + 1:
            number = a + 1
            heading.label = (ROMAN[number - 1] if scheme == "roman" and number <= len(ROMAN)
                             else f"{number}") + "."


def _roman_value(label: str | None) -> int | None:
    text = (label or "").rstrip(".")
    return ROMAN.index(text) + 1 if text in ROMAN else None


def _arabic_value(label: str | None) -> int | None:
    text = (label or "").rstrip(".")
    return int(text) if text.isdigit() else None


# Capital letters OCR reads in place of a digit: a bold "4." comes out as "A.".
LETTER_DIGITS = {"A": 4, "S": 5, "B": 8, "G": 6, "Z": 2, "O": 0, "I": 1, "T": 7}


def repair_letter_numbers(headings: list[Heading]) -> None:
    """ "1.", "2.", "3.", then "A.": the fourth sibling misread, not a new A./B. scheme.
    Repaired only when the letter's digit is exactly the next number in the sequence, and
    the letter does not follow its own letter: "A. …", "1." … "7.", then "B." is the second
    part, not item 8; and "A.", "B.", then "C." is the third part, not Roman 100."""
    last_number = None
    last_letter = None
    for heading in headings:
        number = regex.match(r"(\d{1,2})\.?\s", heading.text)
        letter = heading.text[0]
        follows = last_letter is not None and ord(letter) == ord(last_letter) + 1
        if heading.scheme == "roman" and follows and regex.match(r"[A-Z]\.", heading.text):
            heading.scheme = "upper"
        if heading.scheme == "arabic0" and number:
            last_number = int(number.group(1))
        elif heading.scheme == "upper" and follows:
            last_letter, last_number = letter, None
        elif heading.scheme == "upper" and last_number is not None:
            if LETTER_DIGITS.get(letter) == last_number + 1:
                heading.scheme = "arabic0"
                last_number += 1
            else:
                last_letter = letter
        elif heading.scheme == "upper":
            last_letter = letter
        elif heading.scheme == "roman":
            last_number = None


def outline_levels(schemes: list[str]) -> list[int]:
    """Levels from the order numbering schemes first appear, as a reader infers them."""
    stack: list[str] = []
    levels = []
    for scheme in schemes:
        if scheme in stack:
            del stack[stack.index(scheme) + 1 :]
        else:
            # "1.5" after "1.4.2.1": deeper Arabic numbering closes before a shallower one
            deeper = [i for i, s in enumerate(stack) if _arabic_depth(s) > _arabic_depth(scheme)]
            if scheme.startswith("arabic") and deeper:
                del stack[deeper[0] :]
            # a Roman part is never a point's child: "1. …" in a preamble, then "II. NỘI DUNG"
            under = [i for i, s in enumerate(stack) if s not in PARTS]
            if scheme in PARTS and under:
                del stack[under[0] :]
            stack.append(scheme)
        levels.append(len(stack))
    return levels


def _arabic_depth(scheme: str) -> int:
    return int(scheme.removeprefix("arabic")) if scheme.startswith("arabic") else -1
