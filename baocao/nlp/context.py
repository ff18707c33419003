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
# Words linking a subject to its figure, dropped from the subject's end.
# Example: "kinh phí hỗ trợ là 320 triệu đồng" → "kinh phí hỗ trợ".
LINK_WORDS = {
    "là", "đạt", "chiếm", "còn", "mới", "được", "có", "bằng", "tăng", "giảm", "với",
    "khoảng", "trên", "hơn", "gần", "đã", "đang", "sẽ", "thấp", "cao", "chỉ", "tổng cộng",
    "lên", "xuống", "tới", "đến", "từ", "gồm", "cho", "về", "thu hồi", "giao",
}
# Nouns that head what an amount or a percentage measures.
# Example: "nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu đồng".
MEASURE_HEADS = {
    "kinh phí", "vốn", "nguồn vốn", "ngân sách", "số tiền", "tiền", "chi phí", "doanh thu",
    "giá trị", "dự toán", "tỷ lệ", "tỉ lệ", "lợi nhuận", "thu nhập", "nguồn",
}
# Counted nouns that name an event or group and take the verb after them.
# Example: "6 cuộc bình chọn" → "cuộc bình chọn", "3 lớp tập huấn" → "lớp tập huấn".
CLASSIFIERS = {"cuộc", "lớp", "đợt", "buổi", "lượt", "khóa", "khoá", "chuyến"}
# Administrative words that open a place name: "huyện Lục Ngạn", "tỉnh Bắc Giang".
ADMIN_WORDS = {"tỉnh", "huyện", "xã", "thành phố", "thị xã", "quận", "phường", "thị trấn",
               "thôn", "làng", "bản", "TP", "TP."}
# A year the sentence states. Examples: "năm 2017", "Năm 2023"; not "14/6/2017".
YEAR = regex.compile(r"(?<![\p{L}\d/.-])(?i:năm)\s+((?:19|20)\d\d)(?![\d/])")
MAX_SUBJECT_WORDS = 8


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


def _phrase(tokens: list[_Token]) -> str | None:
    words = [t.text for t in tokens]
    return " ".join(words) if words else None


def _trim(tokens: list[_Token]) -> list[_Token]:
    """Drop linking words and non-content words from both ends of a phrase."""
    while tokens and (tokens[-1].text.lower() in LINK_WORDS or tokens[-1].tag not in CONTENT_TAGS):
        tokens = tokens[:-1]
    while tokens and (tokens[0].text.lower() in LINK_WORDS or tokens[0].tag not in CONTENT_TAGS):
        tokens = tokens[1:]
    return tokens


def _measure_subject(before: list[_Token]) -> str | None:
    """The phrase before an amount or percentage, back to the start of its clause."""
    clause: list[_Token] = []
    for token in reversed(before):
        if token.tag in BOUNDARY_TAGS or token.tag == "M":
            break
        clause.insert(0, token)
    heads = [i for i, t in enumerate(clause) if t.text.lower() in MEASURE_HEADS]
    if heads:
        first = heads[0]
        while first > 0 and clause[first - 1].tag in NOUN_TAGS - {"Nu"}:  # "nguồn", "tổng"
            first -= 1
        clause = clause[first:]
    return _phrase(_trim(clause)[-MAX_SUBJECT_WORDS:])


def _with_comparison(subject: str | None, after: list[_Token]) -> str | None:
    """"26,3% so với tổng kinh phí thực hiện": the percentage is of that total."""
    words = [t.text.lower() for t in after[:2]]
    if words != ["so", "với"]:
        return subject
    base = []
    for token in after[2:]:
        if token.tag in BOUNDARY_TAGS or token.tag not in CONTENT_TAGS:
            break
        base.append(token)
    target = _phrase(base[:MAX_SUBJECT_WORDS])
    if target is None:
        return subject
    return f"{subject} so với {target}" if subject else f"so với {target}"


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
