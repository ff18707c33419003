"""What a figure measures, where and when: subject phrase, places and year from its sentence.

The sentence is tagged once with underthesea (words, part of speech, named entities); the
subject is read off the tags around the figure with a few rules a reader would use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

# Tags of nouns: common, proper, classifier, unit, abbreviation, borrowed.
NOUN_TAGS = {"N", "Np", "Nc", "Nu", "Ny", "Nb"}
# Tags a subject phrase may hold besides nouns: verbs, adjectives, pronouns ("chi" is P).
CONTENT_TAGS = NOUN_TAGS | {"V", "A", "P"}
# Tags that end a phrase: punctuation, conjunctions, prepositions.
BOUNDARY_TAGS = {"CH", "C", "Cc", "E"}
# Words a subject never ends on: the link or verb that joins it to its figure, qualifiers.
# Example: "kinh phí hỗ trợ là 320 triệu đồng" → "kinh phí hỗ trợ".
LINK_WORDS = {
    "là", "đạt", "chiếm", "còn", "mới", "được", "có", "bằng", "tăng", "giảm", "với",
    "khoảng", "trên", "hơn", "gần", "đã", "đang", "sẽ", "thấp", "cao", "chỉ", "tổng cộng",
    "lên", "xuống", "tới", "đến", "từ", "gồm", "cho", "về", "thu hồi", "giao",
    "ước", "ước đạt", "ước tính", "dự kiến", "tương đương", "xấp xỉ", "ít nhất", "vào khoảng",
    "hằng năm", "hàng năm",
}
# Words that stand between a subject and its figure, skipped back to the subject.
# Example: "giá trị sản xuất … năm 2023 ước đạt 15.600 tỷ đồng" → "giá trị sản xuất …".
# Not verbs whose object the figure is: "UBND tỉnh giao 500 triệu đồng" names no subject.
# Qualifiers that a subject may end on are skipped too: "mức hỗ trợ tối đa", "tăng bình quân".
LEAD_INS = (LINK_WORDS - {"có", "với", "gồm", "cho", "về", "thu hồi", "giao"}) | {
    "tối thiểu", "tối đa", "bình quân", "trung bình"}
# Verbs the tagger takes for nouns, never a subject ("Bồ trí" is OCR for "Bố trí").
VERB_NOUNS = {"ước đạt", "ước tính", "dự kiến", "bố trí", "bồ trí", "cắt giảm", "thu hôi"}
# Nouns that head what an amount or a percentage measures.
# Example: "nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu đồng".
MEASURE_HEADS = {
    "kinh phí", "vốn", "nguồn vốn", "ngân sách", "số tiền", "tiền", "chi phí", "doanh thu",
    "giá trị", "dự toán", "tỷ lệ", "tỉ lệ", "lợi nhuận", "thu nhập", "nguồn", "tốc độ",
    "năng suất", "công suất", "sản lượng", "doanh số", "kim ngạch", "mức", "tiềm năng",
    "chi",  # "chi thường xuyên 20.269trđ", tagged as a pronoun
}
# Prepositions that open an adjunct of place, owner or beneficiary, not the measured noun:
# "vốn đối ứng của các cơ sở trên 28,6 tỷ đồng" measures "vốn đối ứng".
ADJUNCT_PREPS = {"của", "trên", "tại", "ở", "cho", "trong", "đến", "từ", "đối với", "theo",
                 "giữa", "ngoài", "vào", "qua", "về", "thuộc"}
# Words that open a clause qualifying the head; a subject over MAX_SUBJECT_WORDS is cut before
# them: "Tỷ lệ sản phẩm thuộc danh mục …" → "Tỷ lệ sản phẩm".
RELATIVE_WORDS = {"thuộc", "được", "có", "do", "mà", "đã", "đang"}
# What ends an amount or a percentage: its unit ("đồng", "trđ", "%") or scale ("tỷ").
UNIT_WORDS = {"%", "đồng", "trđ", "tr.đ", "tỷ", "triệu", "nghìn", "ngàn", "usd", "kwh"}
# Nouns of place or field: what a figure is for, not what it measures.
PLACE_WORDS = {"địa bàn", "lĩnh vực", "khu vực", "vùng"}
# Counted nouns that name an event or group and take the verb after them.
# Example: "6 cuộc bình chọn" → "cuộc bình chọn", "3 lớp tập huấn" → "lớp tập huấn".
CLASSIFIERS = {"cuộc", "lớp", "đợt", "buổi", "lượt", "khóa", "khoá", "chuyến"}
# Administrative words that open a place name: "huyện Lục Ngạn", "tỉnh Bắc Giang".
ADMIN_WORDS = {"tỉnh", "huyện", "xã", "thành phố", "thị xã", "quận", "phường", "thị trấn",
               "thôn", "làng", "bản", "TP", "TP."}
# A year the sentence states. Examples: "năm 2017", "Năm 2023"; not "14/6/2017".
YEAR = regex.compile(r"(?<![\p{L}\d/.-])(?i:năm)\s+((?:19|20)\d\d)(?![\d/])")
MAX_SUBJECT_WORDS = 10
# A year standing alone: "2023".
YEAR_WORD = regex.compile(r"(?:19|20)\d\d")
# OCR debris glued to a word's ends: "_ phí", "“vốn".
STRAY = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


@dataclass(frozen=True)
class _Token:
    text: str
    tag: str
    entity: str
    start: int
    end: int


@dataclass
class FigureContext:
    """Subject phrase, places and year of one figure."""

    subject: str | None
    locations: list[str]
    year: int | None


def describe(sentence: str, start: int, end: int, kind: str, unit: str) -> FigureContext:
    """The context of the figure at sentence[start:end] (offsets within the sentence)."""
    tokens = _tag(sentence)
    before = [t for t in tokens if t.end <= start]
    after = [t for t in tokens if t.start >= end]
    if kind == "count":
        subject = _count_subject(unit, after)
    else:
        subject = _measure_subject(before)
        if kind == "percent":
            subject = _with_comparison(subject, after)
    year = YEAR.search(sentence)
    return FigureContext(subject, _locations(tokens), int(year.group(1)) if year else None)


@lru_cache(maxsize=256)
def _tag(sentence: str) -> tuple[_Token, ...]:
    """underthesea's tags, each word placed back on its characters in the sentence."""
    from underthesea import ner  # loaded on first use: worker processes never need it

    out = []
    pos = 0
    for word, tag, _chunk, entity in ner(sentence):
        letters = word.replace(" ", "")
        while pos < len(sentence) and sentence[pos].isspace():
            pos += 1
        begin, seen = pos, 0
        while pos < len(sentence) and seen < len(letters):  # the tagger may add/drop spaces
            seen += not sentence[pos].isspace()
            pos += 1
        out.append(_Token(word, tag, entity, begin, pos))
    return tuple(out)


def _clean(token: _Token) -> str:
    """The word without OCR debris glued to it: "_ phí" → "phí"."""
    return STRAY.sub("", token.text)


def _phrase(tokens: list[_Token]) -> str | None:
    words = [w for w in (_clean(t) for t in tokens) if w]
    return " ".join(words) if words else None


def _trim(tokens: list[_Token]) -> list[_Token]:
    """Drop linking words and non-content words from both ends of a phrase."""

    def loose(t: _Token) -> bool:
        word = _clean(t).lower()
        return word in LINK_WORDS or t.tag not in CONTENT_TAGS or not word

    while tokens and loose(tokens[-1]):
        tokens = tokens[:-1]
    while tokens and (loose(tokens[0]) or _clean(tokens[0]).lower() in VERB_NOUNS):
        tokens = tokens[1:]
    return tokens


def _is_year(tokens: list[_Token], i: int) -> bool:
    """tokens[i] is the year of "năm 2023"."""
    return bool(0 < i < len(tokens) and YEAR_WORD.fullmatch(tokens[i].text)
                and tokens[i - 1].text.lower() == "năm")


def _is_unit(token: _Token) -> bool:
    return token.tag == "Nu" or token.text.lower() in UNIT_WORDS or token.text.endswith("trđ")


def _is_hard_boundary(tokens: list[_Token], i: int) -> bool:
    """What ends a clause: punctuation, a conjunction, another number or unit (not "năm 2023")."""
    token = tokens[i]
    if _is_year(tokens, i) or (token.text.lower() == "năm" and _is_year(tokens, i + 1)):
        return False
    if token.tag in {"CH", "C", "Cc", "M"} or not any(c.isalnum() for c in token.text):
        return True
    return _has_digit(token) or _is_unit(token)


def _skip_lead_ins(tokens: list[_Token], i: int) -> int:
    """Back from the figure over its linking words, adverbs and time ("năm 2022 ước đạt")."""
    while i > 0:
        word = tokens[i - 1].text.lower()
        if word in LEAD_INS or tokens[i - 1].tag == "R" or word == ":":
            i -= 1
        elif _is_year(tokens, i - 1):
            i -= 2
        elif word == "năm" and i > 1 and tokens[i - 2].text.lower() in {"mỗi", "hằng", "hàng"}:
            i -= 2
        else:
            break
    return i


def _previous_figure(tokens: list[_Token], i: int) -> int | None:
    """Where the amount or percentage ending at tokens[i - 1] starts, if one does."""
    if i == 0 or not _is_unit(tokens[i - 1]):
        return None
    j, found = i, None
    while j > 0 and (_is_unit(tokens[j - 1]) or _has_digit(tokens[j - 1])
                     or (tokens[j - 1].text == "-" and found is not None)):
        j -= 1
        found = j if _has_digit(tokens[j]) else found
    if found is None or _is_year(tokens, found):
        return None
    return found


def _has_digit(token: _Token) -> bool:
    return any(c.isdigit() for c in token.text)


def _measure_subject(before: list[_Token]) -> str | None:
    """The noun phrase an amount or percentage measures, read back from the figure:
    over its linking words ("ước đạt", "là", "khoảng"), past adjuncts of place or owner
    ("của các cơ sở"), to the measured noun ("vốn đối ứng")."""
    i = _skip_lead_ins(before, len(before))
    if i == 0:
        return None
    prev = before[i - 1]
    if prev.text == "(":  # "vốn đối ứng ngân sách huyện (tối thiểu 5%)"
        return _measure_subject(before[: i - 1])
    # Nothing between this figure and the one before: the same subject goes on.
    # Example: "X đạt 12.350 tỷ đồng, tăng 21%", "từ 3,4 tỷ đồng năm 2021 xuống còn 2,3 tỷ đồng".
    tail = i - 1 if prev.text in {",", "và"} else i
    earlier = _previous_figure(before, tail)
    if earlier is not None:
        return _measure_subject(before[:earlier])
    j = _clause_start(before, i)
    phrase = _headed(before, j, i)
    if phrase is not None:
        return _phrase(phrase)
    if j > 0 and before[j - 1].text == "," and all(t.tag in NOUN_TAGS for t in before[j:i]):
        # A clause with no subject of its own, or only a list item after a comma, measures the
        # measure named before the comma: "Mức hỗ trợ … chưa đủ hấp dẫn, chỉ bằng khoảng 30%",
        # "nâng mức hỗ trợ tối đa cho các đề án ứng dụng máy móc, thiết bị lên 500 triệu đồng".
        phrase = _headed(before, _clause_start(before, j - 1), j - 1)
        if phrase:
            return _phrase(phrase)
    chunks = _chunks(before[j:i])
    if not chunks:
        return None
    if prev.tag == "V":  # "Đề nghị UBND tỉnh bổ sung 500 triệu đồng": the figure is its object
        return None
    n = len(chunks) - 1
    while n >= 0 and chunks[n][0] in ADJUNCT_PREPS:
        n -= 1
    if n < 0:
        return None
    tokens = chunks[n][1]
    start = 0
    for k, token in enumerate(tokens):  # "cho thấy tiềm năng …": after the verb that governs it
        if token.tag == "V" and (k == 0 or tokens[k - 1].tag in {"V", "R"}):
            start = k + 1
    phrase = _cut(_trim(tokens[start:]))
    if not phrase or _is_place(phrase[0]):
        return None
    return _phrase(phrase)


def _clause_start(before: list[_Token], i: int) -> int:
    while i > 0 and not _is_hard_boundary(before, i - 1):
        i -= 1
    return i


def _headed(before: list[_Token], j: int, i: int) -> list[_Token] | None:
    """The phrase from the measure head in before[j:i] ("tổng kinh phí hỗ trợ"), [] where the
    head opens no phrase; None where the clause has no head."""
    chunks = _chunks(before[j:i])
    headed = [n for n, (_, tokens) in enumerate(chunks) if any(map(_is_head, tokens))]
    if not headed:
        return None
    tokens = chunks[headed[-1]][1]
    first = next(n for n, t in enumerate(tokens) if _is_head(t))
    while first > 0 and _extends_head(tokens[first - 1]):  # "nguồn", "tổng"
        first -= 1
    phrase = _cut(_trim(tokens[first:]))
    if phrase and tokens[first] is before[j] and j > 0 and before[j - 1].text == "và":
        phrase = _coordinated(before, j - 1) + phrase
    return phrase


def _chunks(clause: list[_Token]) -> list[tuple[str | None, list[_Token]]]:
    """The clause split at prepositions and at "năm 2023": (the preposition, its words)."""
    chunks: list[tuple[str | None, list[_Token]]] = [(None, [])]
    for k, token in enumerate(clause):
        if token.tag == "E":
            chunks.append((token.text.lower(), []))
        elif _is_year(clause, k) or (token.text.lower() == "năm" and _is_year(clause, k + 1)):
            if chunks[-1][0] != "năm" or chunks[-1][1]:
                chunks.append(("năm", []))
        else:
            chunks[-1][1].append(token)
    return [(intro, tokens) for intro, tokens in chunks if _trim(tokens)]


def _is_head(token: _Token) -> bool:
    """A measure noun, alone or as the tagger glues it to "tổng": "Tổng sản lượng"."""
    word = _clean(token).lower()
    return word in MEASURE_HEADS or word.removeprefix("tổng ") in MEASURE_HEADS


def _extends_head(token: _Token) -> bool:
    return (token.tag in NOUN_TAGS - {"Nu"} and _clean(token).lower() not in VERB_NOUNS
            and not _is_head(token))


def _is_place(token: _Token) -> bool:
    """A phrase opening on a place or field ("Điện Quan", "lĩnh vực BVMT") is not a measure."""
    word = _clean(token)
    return (token.tag == "Np" or (token.tag == "Ny" and not word.isupper())
            or word in ADMIN_WORDS or word.lower() in PLACE_WORDS)


def _cut(tokens: list[_Token]) -> list[_Token]:
    """A phrase within MAX_SUBJECT_WORDS, cut before the clause that qualifies its head;
    a phrase that does not open on a noun is no subject."""
    if len(tokens) > MAX_SUBJECT_WORDS:
        at = next((k for k, t in enumerate(tokens) if k and t.text.lower() in RELATIVE_WORDS),
                  MAX_SUBJECT_WORDS)
        tokens = _trim(tokens[: min(at, MAX_SUBJECT_WORDS)])
    if not tokens or (tokens[0].tag not in NOUN_TAGS and not _is_head(tokens[0])):
        return []
    return tokens


def _coordinated(before: list[_Token], i: int) -> list[_Token]:
    """ "doanh số bán hàng và giá trị hợp đồng ký kết đạt trên 18,5 tỷ đồng": a measure joined
    by "và" (before[i]) to the one the figure follows is measured with it."""
    j = i
    while j > 0 and not _is_hard_boundary(before, j - 1) and before[j - 1].tag != "E":
        j -= 1
    first = _trim(before[j:i])
    if first and first[0] is before[j] and _is_head(first[0]):
        return [*first, before[i]]
    return []


def _with_comparison(subject: str | None, after: list[_Token]) -> str | None:
    """"26,3% so với tổng kinh phí thực hiện": the percentage is of that total."""
    words = [t.text.lower() for t in after[:2]]
    if subject is None or words != ["so", "với"]:
        return subject
    base: list[_Token] = []
    rest = after[2:]
    for k, token in enumerate(rest):
        if _is_year(rest, k + 1):  # "so với năm 2021"
            base += rest[k : k + 2]
            break
        if token.tag in BOUNDARY_TAGS or token.tag not in CONTENT_TAGS:
            break
        base.append(token)
    target = _phrase(base[:MAX_SUBJECT_WORDS])
    if target is None:
        return subject
    return f"{subject} so với {target}"


def _count_subject(unit: str, after: list[_Token]) -> str:
    """The counted noun, with the activity it names for event classifiers ("cuộc bình chọn")."""
    if unit in CLASSIFIERS and after and after[0].tag == "V" and after[0].text not in LINK_WORDS:
        return f"{unit} {after[0].text}"
    return unit


def _locations(tokens: tuple[_Token, ...]) -> list[str]:
    """Places the tagger finds, kept only when they hold a proper name ("huyện Lục Ngạn"),
    not an acronym or a year it mistook for one ("sản phẩm CNNT", "năm 2017")."""
    places: list[str] = []
    current: list[_Token] = []
    spans: list[list[_Token]] = []
    for i, token in enumerate(tokens):
        if token.entity == "B-LOC" or (token.entity == "I-LOC" and not current):
            if current:
                spans.append(current)
            current = [token]
            if i > 0 and tokens[i - 1].text in ADMIN_WORDS and tokens[i - 1].entity == "O":
                current.insert(0, tokens[i - 1])
        elif token.entity == "I-LOC":
            current.append(token)
        else:
            if current:
                spans.append(current)
            current = []
    if current:
        spans.append(current)
    for span in spans:
        while span and span[0].text not in ADMIN_WORDS and span[0].tag != "Np":
            span = span[1:]  # "UBND huyện Bảo Yên" → "huyện Bảo Yên"
        named = [t for t in span if t.tag == "Np" and not t.text.isupper()]
        if named:
            place = " ".join(t.text for t in span)
            if place not in places:
                places.append(place)
    return places
