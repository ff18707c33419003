"""Post-OCR clean-up that changes only what it can justify: a word Tesseract misread into
something that is no Vietnamese syllable, mended into one that is; a digit misread as a
letter only where digits on both sides leave no doubt. pages.raw_text keeps the original."""

from __future__ import annotations

import re

import regex

from baocao.vietnamese.syllables import WORD, is_vietnamese_syllable

# Letters Vietnamese never uses that OCR gives for one it does: Icelandic eth for đ
# ("ðồng" → "đồng"), and the like.
LOOKALIKES = str.maketrans({"ð": "đ", "Ð": "Đ", "ƌ": "đ"})
# A letter between two digits inside a number: "1l2", "12.4l2", "2O20" (l, I, | for 1;
# O, o for 0). Digits on both sides, with at most a thousands dot or decimal comma between.
DIGIT_LOOKALIKE = regex.compile(r"(?<=\d[.,]?)[lI|Oo](?=[.,]?\d)")
_DIGIT_OF = {"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"}


def repair_ocr(text: str) -> str:
    """The line with unmistakable OCR misreadings mended; same length, same words."""
    text = DIGIT_LOOKALIKE.sub(lambda m: _DIGIT_OF[m.group()], text)
    return WORD.sub(_mend_word, text)


def _mend_word(match: re.Match) -> str:
    word = match.group()
    if is_vietnamese_syllable(word):
        return word
    mended = word.translate(LOOKALIKES)
    return mended if mended != word and is_vietnamese_syllable(mended) else word
