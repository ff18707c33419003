"""What a heading is made of, shared by reports' and acts' outlines: its numbering schemes,
the section kinds its words name (also through OCR damage), and the candidate it makes."""

from __future__ import annotations

from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from baocao.vietnamese.text import fold

# Headings are short: a numbered paragraph longer than this is a list item in running text.
MAX_HEADING_WORDS = 32


MAX_UNNUMBERED_WORDS = 12


# Heading numbering, one named group per scheme. Examples:
#   roman  "II. KẾT QUẢ THỰC HIỆN"         arabic "2. Những khó khăn cần tháo gỡ",
#   arabic "1.4.2 Những tồn tại, sai sót…"  arabic "2.4. Một số đề xuất, kiến nghị…",
#   paren  "(3) Kinh nghiệm thực tiễn:"     letter "a) Về kinh phí",  upper "A. PHẦN MỞ ĐẦU"
HEADING_NUMBER = regex.compile(
    r"""^(?:[._]+\s*)?                        # OCR dirt before the number: ".__8. Hiệp hội"
    (?:
        (?P<roman>[IVXLC][IVXLC1lH|]{0,4}      # OCR reads "III." as "I1I." or "IHI."
          | [1l](?=[1l|]*[IVXH])[IVXLCH1l|]{1,4})\.  # or as "1H.", "1I." (not "11.")
      | (?P<arabic>\d{1,2}\.(?:\d{1,2}\.?){0,4}  # "2.", "2.4.", "1.4.2"
          | \d{1,2}(?:\.\d{1,2}){1,4})           # but not a bare count: "35 HTX được…"
      | \((?P<paren>\d{1,2})\)
      | (?P<letter>[a-zđ])\)
      | (?P<upper>[A-Z])\.
    )\s+(?=[\p{Lu}\p{Lt}])""",
    regex.VERBOSE,
)


# Kind keywords, matched on accent-folded lower-case text ("Khó khăn" → "kho khan"), so a
# lost or wrong diacritic does not matter ("Kinh nghiệm thưc hiện", "Nhung kho khan").
# Example: "2. Những khó khăn cần tháo gỡ" → difficulties; "(3) Kinh nghiệm thực tiễn:" → lessons.
KIND_KEYWORDS: dict[str, list[str]] = {
    "achievements": ["ket qua", "nhung mat lam duoc", "thanh tuu"],
    "difficulties": ["kho khan", "han che", "ton tai", "vuong mac", "bat cap", "sai sot",
                     "yeu kem", "chua lam duoc", "chua dat", "chua hoan thanh"],
    "causes": ["nguyen nhan"],
    "lessons": ["kinh nghiem", "bai hoc"],
    "solutions": ["giai phap", "bien phap"],
    "recommendations": ["kien nghi", "de xuat", "de nghi"],
    "plans": ["phuong huong", "nhiem vu", "ke hoach", "muc tieu", "to chuc thuc hien"],
}


# Plan words are common inside other headings ("kinh phí bổ sung có mục tiêu"), so they
# name a kind only when the heading opens with them: "Phương hướng, nhiệm vụ năm 2024".
OPENING_ONLY = {"plans"}


# Words a heading may open with before its kind word: "Những khó khăn", "Một số giải pháp".
OPENERS = ("nhung", "mot so", "cac")


# Letters OCR may get wrong in a keyword of this length or more: one edit ("nghlem").
FUZZY_MIN_LENGTH = 7


# A table-of-contents line: dot leaders (then a page number, which OCR may garble).
# Examples: "I. Kết quả đạt được .......... 3", "2. Khó khăn, hạn chế …… 5",
# "III. Bài học kinh nghiệm .......... Bà :"
TOC_LINE = regex.compile(r"\.{4,}|…{2,}|(?:\.\s){3,}")


# An entry of a list, never a heading, after its number: a document referred to ("(1) Báo cáo
# số 36/BC-HĐTĐ ngày…", "1. Nghị quyết số 39/2011/NQ-HĐND…", "(2) Dự thảo Quyết định…") or
# a person with a title ("3. Ông Nguyễn Văn An – Phó Giám đốc Sở…"). Matched on the text
# after the number; the document kinds folded.
REFERENCE = regex.compile(
    r"^(?:bao cao|quyet dinh|nghi quyet|nghi dinh|thong tu|cong van|ke hoach|to trinh|chi thi"
    r"|thong bao|luat|van ban)\s+(?:so\s*:?\s*)?\d|^du thao\s"
)
PERSON = regex.compile(r"^(?:Ông|Bà|Đồng chí|Đ/c)\s+\p{Lu}")


def list_entry(body: str) -> bool:
    """Whether a numbered paragraph's text after its number is a list's entry: a document
    referred to or a person named, not a heading (in capitals it is a heading)."""
    return not body.isupper() and bool(REFERENCE.match(fold(body)) or PERSON.match(body))


@dataclass
class Heading:
    index: int  # position in the document's paragraph list
    text: str
    scheme: str
    kinds: list[str]
    inline: bool = False  # a run-in label opening a running paragraph
    label: str | None = None  # the printed numbering
    page: int | None = None  # set for a heading told by its capitals: the page it stands on
    styled: bool = False  # an unnumbered heading told by its type: bold or larger
    # a numbered point in plain type ("a) Lập kế hoạch…"), not a section's title: naming no
    # kind itself, it takes its parent's, or "plans" when it gives a task (`task`)
    point: bool = False
    task: bool = False


# A turn in a heading: what follows it is what the heading is about. Example: "Kết quả đạt
# được, tuy nhiên vẫn còn những tồn tại, hạn chế" → difficulties first. On folded words.
CONTRAST = regex.compile(r"\b(?:tuy nhien|van con|nhung con|song con|ben canh do)\b")
# A word that says the kind words after it are not there: "Không có khó khăn, vướng mắc".
NEGATION = "khong"
NEGATION_REACH = 4  # words it reaches forward, in its own clause


def classify(heading: str) -> list[str]:
    """Every section kind a heading names, what it turns to after a contrast first ("… tuy
    nhiên vẫn còn hạn chế"), else in the order it names them; a kind said not to be there
    ("không có khó khăn") is none. A keyword damaged by OCR (one wrong letter in a long word:
    "kinh nghlem") still counts."""
    words = fold(HEADING_NUMBER.sub("", heading, count=1)).split()
    words = [w.strip(".,:;()“”\"") for w in words]
    turn = CONTRAST.search(" ".join(words))
    turn_at = len(" ".join(words)[: turn.start()].split()) if turn else len(words)
    found: dict[str, tuple[bool, int]] = {}
    for kind, keywords in KIND_KEYWORDS.items():
        for keyword in keywords:
            at = find_words(words, keyword.split())
            if at is None or (kind in OPENING_ONLY and not opens_at(words, at)):
                continue
            clause = turn_at if at >= turn_at else 0
            if NEGATION in words[max(clause, at - NEGATION_REACH):at]:
                continue
            place = (at < turn_at, at)
            found[kind] = min(found.get(kind, place), place)
    return sorted(found, key=found.__getitem__)


def find_words(words: list[str], keyword: list[str]) -> int | None:
    """Position of the keyword's words in the heading, exactly or with one OCR slip."""
    n = len(keyword)
    target = " ".join(keyword)
    for i in range(len(words) - n + 1):
        candidate = " ".join(words[i : i + n])
        if candidate == target:
            return i
        if (len(target) >= FUZZY_MIN_LENGTH and Levenshtein.distance(candidate, target) <= 1
                and same_initials(words[i : i + n], keyword)):
            return i
    return None


def same_initials(words: list[str], keyword: list[str]) -> bool:
    """An OCR slip keeps each word's first letter: "nghlem" is "nghiem", but "dai hoc"
    (đại học) is not "bai hoc" (bài học)."""
    return all(w[:1] == k[:1] for w, k in zip(words, keyword, strict=True))


def opens_at(words: list[str], at: int) -> bool:
    prefix = " ".join(words[:at])
    return prefix == "" or prefix in OPENERS


def opens_with_kind(text: str) -> bool:
    """Whether a line opens with a kind word, first or after "Những"/"Một số"/"Các"."""
    words = [w.strip(".,:;()") for w in fold(text).split()]
    starts = {0} | {
        len(o.split()) for o in OPENERS if " ".join(words[: len(o.split())]) == o
    }
    head = words[: max(starts) + 3]  # a keyword has at most three words
    return any(
        find_words(head, keyword.split()) in starts
        for keywords in KIND_KEYWORDS.values() for keyword in keywords
    )


# A kind label led by a bullet and closed by a colon, alone on its line ("- Khó khăn, vướng
# mắc:") or run in at the start of its paragraph ("+ Nguyên nhân: do nguồn vốn…"); not "-
# Khó khăn về vốn đối ứng của các cơ sở;" (no colon).
BULLET_LABEL = regex.compile(
    r"^(?P<dash>[-–+•])\s*(?P<label>\p{Lu}[^;.:]{0,100}):(?P<rest>.*)$", regex.DOTALL)
MAX_LABEL_WORDS = 12


# A kind named alone on a bullet's line, no colon: "- Giải pháp", "+ Kinh nghiệm".
BULLET_KIND = regex.compile(r"^(?P<dash>[-–+•])\s*(?P<label>\p{Lu}[^;.:,]{0,60})$")
MAX_BARE_WORDS = 6


def bullet_label(index: int, text: str, n_lines: int) -> Heading | None:
    """A bullet's label naming a section kind opens a section: a heading when it stands
    alone (with its colon or, short, without: "- Giải pháp"), a run-in one (inline) when its
    text follows. "+" and "•" sit under "-"."""
    bare = BULLET_KIND.match(text)
    if (bare and n_lines == 1 and len(bare["label"].split()) <= MAX_BARE_WORDS
            and opens_with_kind(bare["label"])):
        scheme = "plus" if bare["dash"] in "+•" else "dash"
        return Heading(index, text, scheme, classify(bare["label"]), label=bare["dash"])
    match = BULLET_LABEL.match(text)
    if (match is None or len(match["label"].split()) > MAX_LABEL_WORDS
            or not opens_with_kind(match["label"])):
        return None
    scheme = "plus" if match["dash"] in "+•" else "dash"
    kinds = classify(match["label"])
    if not match["rest"].strip():
        return Heading(index, text, scheme, kinds, label=match["dash"]) if n_lines <= 2 \
            else None
    return Heading(index, text[: match.end("label") + 1], scheme, kinds, inline=True,
                   label=match["dash"])
