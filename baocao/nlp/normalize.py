"""Text normalisation at the boundary: every string downstream is NFC with plain spaces."""

from __future__ import annotations

import unicodedata

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


def fold(text: str) -> str:
    """Lower-case without diacritics ("Khó khăn" → "kho khan"), to match damaged headings."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
