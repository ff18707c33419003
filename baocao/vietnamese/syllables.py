"""Vietnamese written syllables: the check behind deciding whether a text layer, a legacy
conversion or an OCR repair gave Vietnamese."""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks after NFD: sắc, huyền, hỏi, ngã, nặng.
TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Nuclei that may end the syllable or take a final consonant, those that need one, those that
# end it (their last vowel is a glide).
_NUCLEUS_ANY = "oa|oe|uê|uy|oo|a|e|ê|i|o|ô|ơ|u|ư|y"
_NUCLEUS_CLOSED = "uyê|iê|yê|uô|ươ|oă|uâ|ă|â"
_NUCLEUS_OPEN = (
    "iêu|yêu|oai|oay|oao|oeo|uôi|ươi|ươu|uây|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi"
    "|ua|uơ|ui|ưa|ưi|ưu"
)
_CODA = "ng|nh|ch|c|m|n|p|t"
_SYLLABLE = re.compile(
    f"{_ONSET}(?:(?:{_NUCLEUS_OPEN})|(?:{_NUCLEUS_CLOSED})(?:{_CODA})|(?:{_NUCLEUS_ANY})(?:{_CODA})?)"
)
WORD = re.compile(r"[^\W\d_]+")


def is_vietnamese_syllable(word: str) -> bool:
    """One written syllable: onset, vowel nucleus, final consonant, at most one tone mark, and
    only sắc or nặng before a stop (c, ch, p, t)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    if _SYLLABLE.fullmatch(bare) is None:
        return False
    stop = bare.endswith(("c", "ch", "p", "t"))
    return not (stop and tones and tones[0] not in ("\u0301", "\u0323"))


def vietnamese_syllable_share(text: str) -> float:
    """Share of the words (letter runs) of `text` that are Vietnamese syllables: a check that a
    conversion gave Vietnamese, not another kind of garbage."""
    words = WORD.findall(unicodedata.normalize("NFC", text))
    if not words:
        return 0.0
    return sum(map(is_vietnamese_syllable, words)) / len(words)


