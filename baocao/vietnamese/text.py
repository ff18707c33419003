"""Vietnamese text at the boundary: NFC with plain spaces, and folding without diacritics."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex

# Horizontal whitespace of any kind (NBSP, thin space, tabs) collapses to one space.
# Example: "12.492,1\u00a0triệu  đồng" → "12.492,1 triệu đồng"
HSPACE = regex.compile(r"[\p{Zs}\t]+")
# Characters with no meaning in report text (zero-width joiners, soft hyphens, BOM).
INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")


def normalize(text: str) -> str:
    """NFC, invisible characters dropped, runs of spaces collapsed, lines stripped."""
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    return "\n".join(HSPACE.sub(" ", line).strip() for line in text.split("\n"))


def raw_text(lines: Iterable[str]) -> str:
    """A page's lines as extracted, each normalized: what pages.raw_text keeps."""
    return "\n".join(normalize(line) for line in lines)


def fold(text: str) -> str:
    """Lower-case without diacritics ("Khó khăn" → "kho khan"), to match damaged headings."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def fold_chars(text: str, lower: bool = True) -> str:
    """fold() one character at a time, so that text[i] and fold_chars(text)[i] are the same
    letter: a match found in the folded text is sliced out of the original.
    Example: "Đồng Tháp" → "dong thap" (lower=False: "Dong Thap")."""
    return "".join(_fold_char(ch, lower) for ch in text)


@lru_cache(maxsize=8192)
def _fold_char(ch: str, lower: bool) -> str:
    base = unicodedata.normalize("NFD", ch)[:1] or ch  # the letter without its marks
    if base in "đĐ":  # a letter of its own, not d with a mark: NFD keeps it
        base = "d" if base == "đ" else "D"
    if lower and len(base.lower()) == 1:
        base = base.lower()
    return base
