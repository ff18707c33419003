"""What a number counts: "22 xã", "1.846 tổ chức", "4.500 con", "15 TTHC", "12 chuyên mục".

Counts are open-vocabulary: a number followed by a noun is a count. Known count nouns and
Vietnamese classifiers are taken at once; an upper-case abbreviation is a kind of thing
("HTX", "TTHC"); any other word is asked of underthesea's part-of-speech tagger, on the
number and the few words after it, and taken only when it is a common noun that is a word of
the language (OCR garbage is not). Closed lists say
what is never counted: units of measure, time, frequency, ranks and scores, money.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from baocao.vietnamese.syllables import is_vietnamese_syllable
from baocao.vietnamese.text import fold

# Nouns provincial reports count, as they follow the number: taken without asking the tagger,
# and matched longest first ("hợp tác xã" before "xã"), in any case ("02 Chương trình").
COUNT_NOUNS = [
    "cuộc", "sản phẩm", "xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố", "tỉnh",
    "thôn", "cấp", "chức năng", "nhiệm vụ", "doanh nghiệp", "cơ sở", "hộ", "hộ gia đình",
    "người", "lao động", "đề án", "dự án", "tiểu dự án", "lớp", "mô hình", "làng nghề",
    "hợp tác xã", "tổ hợp tác", "đơn vị", "chương trình", "hội chợ", "hội nghị", "hội thảo",
    "đoàn", "đoàn viên", "hội viên", "xã viên", "thành viên", "lượt", "học viên", "cán bộ",
    "công chức", "viên chức", "cơ quan", "trường", "công trình", "hạng mục", "cụm công nghiệp",
    "khu công nghiệp", "gian hàng", "nhãn hiệu", "tiêu chí", "văn bản", "báo cáo", "kiến nghị",
    "hồ sơ", "vụ", "trường hợp", "buổi", "chuyến", "trang trại", "nhà máy", "cửa hàng", "chợ",
    "tổ chức", "chi hội", "chuyên mục", "tổ công tác", "đối tượng", "căn nhà", "ngôi nhà",
    "tin", "bài", "thủ tục", "học sinh", "bệnh nhân", "cá nhân", "tập thể", "điểm trường",
    "quyết định", "nhân khẩu", "hộ nghèo", "hộ cận nghèo", "căn hộ", "công nhân",
    "nghị quyết", "nghị định", "thông tư", "chỉ thị", "giao dịch",
    "UBND cấp xã", "UBND cấp huyện", "UBND cấp tỉnh",  # "35 UBND cấp xã" (UBND alone: no)
]
# Kinds of document: counted ("ban hành 36 Nghị quyết"), but one followed by "số" or by its
# number is a citation, the number before it an article's: "Điều 37 Nghị định số 27/2022".
DOCUMENT_NOUNS = {"quyết định", "nghị quyết", "nghị định", "thông tư", "chỉ thị"}
CITED = regex.compile(r"[ ]+(?:(?i:số)(?!\p{L})|\d)")
# Nouns that may carry an upper-case abbreviation naming the kind: "35 cơ sở CNNT".
QUALIFIED_NOUNS = {"cơ sở", "sản phẩm", "doanh nghiệp", "thủ tục"}
# Classifiers: what follows them is a thing counted one by one. Example: "4.500 con gia súc".
CLASSIFIERS = {"con", "cái", "chiếc", "căn", "ngôi", "tấm", "quyển", "cuốn", "bức", "tờ",
               "suất", "bộ"}
# First words after a number that are never what it counts. Examples: "5 ha", "3 năm",
# "3 lần", "4 sao", "10 điểm", "40 tuổi", "2 đồng hồ", "5 trăm".
NOT_COUNTED = {
    # units of measure
    "ha", "héc", "hécta", "hecta", "tấn", "tạ", "yến", "kg", "g", "gam", "km", "m", "mét",
    "cm", "mm", "m2", "m3", "km2", "lít", "l", "ml", "mw", "kw", "kwh", "gw", "w", "v", "kv",
    "độ", "sào", "mẫu", "thước", "inch", "teu", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "trăm",
    "chục", "vạn", "đồng", "đ", "usd", "vnd", "vnđ", "euro", "phần trăm", "lượng", "chỉ",
    # time
    "năm", "tháng", "ngày", "giờ", "phút", "giây", "quý", "tuần", "thế", "thập", "tiếng",
    "mùa", "đêm", "sáng", "chiều", "tối", "hôm", "buổi sáng", "nhiệm kỳ", "kỳ", "khóa", "khoá",
    "niên", "học kỳ",
    # frequency, rank, score, age, share
    "lần", "thứ", "hạng", "bậc", "điểm", "sao", "tuổi", "phần",
}
# A noun the tagger may call so: common noun, classifier, abbreviation, borrowed noun.
COUNTED_TAGS = {"N", "Nc", "Ny", "Nb"}

# A known noun may follow "tổng số" or "tổng" (OCR: "tông"), the whole it is: "156 tổng số
# hồ sơ", "370.320 tông hồ sơ" count hồ sơ.
_KNOWN = regex.compile(
    r"(?:[ ]+(?i:t[ổô]ng)(?:[ ]+số)?)?"
    r"[ ]+(?P<noun>(?i:"
    + "|".join(r"[ ]+".join(map(regex.escape, n.split()))
               for n in sorted(COUNT_NOUNS, key=len, reverse=True))
    + r"))(?!\p{L})"
)
# An upper-case abbreviation after a counted noun or alone. Examples: "CNNT", "TTHC", "HTX".
_ABBREVIATION = regex.compile(r"[ ]+(?P<abbr>\p{Lu}[\p{Lu}\p{N}]{1,7})(?![\p{L}\p{N}])")
# Document types and units written in capitals: "12 QĐ", "5 MW" are no counts.
NOT_ABBREVIATIONS = {"QĐ", "NĐ", "TT", "CP", "BC", "TB", "CT", "KH", "NQ", "CV", "TTR", "UBND",
                     "HĐND", "MW", "KW", "KWH", "GW", "HA", "KM", "KG", "USD", "VND", "VNĐ",
                     "CM", "MM", "TR", "TEU", "OCOP"}
# A Roman numeral is a heading's number, not a kind of thing: "2 II".
ROMAN = regex.compile(r"[IVXLC]+")
# Known nouns of two syllables or more by their folded form ("ho so" → "hồ sơ"), the longest
# in syllables, and a word of letters (see damaged_noun_at).
_FOLDED = {fold(n): n for n in COUNT_NOUNS if " " in n}
_LONGEST = max(len(n.split()) for n in _FOLDED.values())
_WORD = regex.compile(r"\p{L}+")
# The next word after a number, with up to three more for the tagger's context.
_NEXT_WORD = regex.compile(r"[ ]+(?P<word>\p{L}+)(?P<more>(?:[ ]+\p{L}+){0,3})")


def count_noun_at(text: str, pos: int, open_vocabulary: bool = True
                  ) -> tuple[str, int] | None:
    """The noun counted by the number ending at `pos`, as written, and where it ends; only
    the known nouns unless `open_vocabulary`."""
    known = _KNOWN.match(text, pos)
    if known is not None:
        end = known.end()
        if known.group("noun").lower() in DOCUMENT_NOUNS and CITED.match(text, end):
            return None
        if known.group("noun").lower() in QUALIFIED_NOUNS:
            abbr = _ABBREVIATION.match(text, end)
            if abbr is not None and abbr.group("abbr") not in NOT_ABBREVIATIONS:
                end = abbr.end()
        return _words(text[known.start("noun"):end]), end
    if not open_vocabulary:
        return None
    abbr = _ABBREVIATION.match(text, pos)
    if abbr is not None:
        word = abbr.group("abbr")
        if word in NOT_ABBREVIATIONS or ROMAN.fullmatch(word) or is_vietnamese_syllable(word):
            return None  # "6 THÁNG" is a heading in capitals, not an abbreviation
        return abbr.group("abbr"), abbr.end()
    nxt = _NEXT_WORD.match(text, pos)
    if nxt is None or not nxt.group("word").islower():
        return None
    word, more = nxt.group("word"), nxt.group("more").split()
    if word in NOT_COUNTED or (more and f"{word} {more[0]}" in NOT_COUNTED):
        return None
    if word in CLASSIFIERS:
        return word, nxt.end("word")
    noun = _tagged_noun(nxt.group("word") + nxt.group("more"))
    if noun is None or noun.split()[0] in NOT_COUNTED:
        return None
    if not all(map(is_vietnamese_syllable, noun.split())) or noun.lower() not in _lexicon():
        return None  # OCR's "ứriệu" for "triệu", "hen ương" for "Trung ương": no words
    start = nxt.start("word")
    if not text.startswith(noun, start):
        return None
    return noun, start + len(noun)


def damaged_noun_at(text: str, pos: int) -> tuple[str, int] | None:
    """A known noun of two syllables or more that OCR wrote with a wrong or lost tone mark
    ("hô sơ", "hỗ sơ" for "hồ sơ"), as the noun it must be, and where it ends: only where
    the text also writes the noun whole, and never when the words as written are themselves
    a word ("công nhận" is no "công nhân")."""
    words: list[regex.Match] = []  # the words one blank apart, from the number on
    for word in _WORD.finditer(text, pos, min(len(text), pos + 40)):
        if len(words) == _LONGEST or word.start() != (words[-1].end() if words else pos) + 1:
            break
        words.append(word)
    for n in range(len(words), 1, -1):
        written = " ".join(w.group() for w in words[:n])
        noun = _FOLDED.get(fold(written))
        if noun is not None and written.lower() not in _lexicon() and _whole(noun).search(text):
            end = words[n - 1].end()
            if noun in DOCUMENT_NOUNS and CITED.match(text, end):
                return None
            return noun, end
    return None


@lru_cache(maxsize=256)
def _whole(noun: str) -> regex.Pattern:
    """The noun written whole, as a word of its own, in any case."""
    return regex.compile(rf"(?<!\p{{L}})(?i:{regex.escape(noun)})(?!\p{{L}})")


@lru_cache(maxsize=4096)
def _tagged_noun(words: str) -> str | None:
    """The first word (as underthesea segments it) of `words` after a number, when the tagger
    takes it for a common noun; None otherwise. Example: "chuyên mục về" → "chuyên mục"."""
    from underthesea import pos_tag  # loaded on first use: worker processes never need it

    tagged = pos_tag(f"5 {words}")
    if len(tagged) < 2 or tagged[0][0] != "5":
        return None
    word, tag = tagged[1]
    return word if tag in COUNTED_TAGS else None


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """The words of Vietnamese (74,000, the list underthesea ships): a noun the tagger
    proposes must be one, so that OCR garbage the tagger calls a noun is not counted."""
    import underthesea

    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines())


def _words(written: str) -> str:
    """Words as written, with repeated blanks made one space."""
    return " ".join(written.split())
