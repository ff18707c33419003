"""Report outline: numbered headings found among paragraphs, levels, and section kinds."""

from __future__ import annotations

from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from baocao.datamodel import PageText, Paragraph, Section
from baocao.vietnamese.text import fold

# Headings are short: a numbered paragraph longer than this is a list item in running text.
MAX_HEADING_WORDS = 32
MAX_UNNUMBERED_WORDS = 12

# Heading numbering, one named group per scheme. Examples:
#   roman  "II. KẾT QUẢ THỰC HIỆN"         arabic "2. Những khó khăn cần tháo gỡ",
#   arabic "1.4.2 Những tồn tại, sai sót…"  arabic "2.4. Một số đề xuất, kiến nghị…",
#   paren  "(3) Kinh nghiệm thực tiễn:"     letter "a) Về kinh phí",  upper "A. PHẦN MỞ ĐẦU"
HEADING_NUMBER = regex.compile(
    r"""^(?:
        (?P<roman>[IVXLC][IVXLC1lH|]{0,4})\.   # OCR reads "III." as "I1I." or "IHI."
      | (?P<arabic>\d{1,2}(?:\.\d{1,2}){0,4})\.?
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
                     "yeu kem"],
    "causes": ["nguyen nhan"],
    "lessons": ["kinh nghiem", "bai hoc"],
    "solutions": ["giai phap", "bien phap"],
    "recommendations": ["kien nghi", "de xuat", "de nghi"],
    "plans": ["phuong huong", "nhiem vu", "ke hoach", "muc tieu"],
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


@dataclass
class _Heading:
    index: int  # position in the document's paragraph list
    text: str
    scheme: str
    kinds: list[str]


def tag_sections(pages: list[PageText]) -> tuple[list[Section], list[int]]:
    """Build the document's sections; also return, per paragraph, the innermost section id.

    Text before the first heading (often continued from a previous page) is a section
    with no heading, kind "other", level 0.
    """
    paragraphs = [p for page in pages for p in page.paragraphs]
    continued = _continued(pages)
    headings = [
        h for i, p in enumerate(paragraphs) if i not in continued and (h := _heading(i, p))
    ]
    _repair_letter_numbers(headings)
    # Before the first numbered heading stands the title block ("BÁO CÁO / Kết quả thực
    # hiện…"): an unnumbered line there is a heading only when it ends with ":".
    first_numbered = next((h.index for h in headings if h.scheme != "unnumbered"), None)
    headings = [
        h for h in headings
        if h.scheme != "unnumbered" or h.text.endswith(":")
        or (first_numbered is not None and h.index > first_numbered)
    ]
    levels = _levels([h.scheme for h in headings])

    sections: list[Section] = []
    owner: list[int] = [0] * len(paragraphs)
    first = headings[0].index if headings else len(paragraphs)
    if first > 0:
        sections.append(_section(0, None, "other", [], 0, paragraphs[:first], paragraphs[0]))
    stack: list[Section] = []
    for n, (heading, level) in enumerate(zip(headings, levels, strict=True)):
        # the section runs to the next heading of the same or higher level
        later = zip(headings[n + 1 :], levels[n + 1 :], strict=True)
        end = next((h.index for h, lv in later if lv <= level), len(paragraphs))
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        kind = heading.kinds[0] if heading.kinds else "other"
        section = _section(
            len(sections), heading.text, kind, heading.kinds, level,
            paragraphs[heading.index + 1 : end], paragraphs[heading.index],
        )
        section.parent_id = parent.section_id if parent else None
        if kind == "other" and parent is not None:
            section.inherited_kind = parent.inherited_kind
        sections.append(section)
        stack.append(section)
        next_heading = headings[n + 1].index if n + 1 < len(headings) else len(paragraphs)
        for i in range(heading.index, next_heading):
            owner[i] = section.section_id
    return sections, owner


# Capital letters OCR reads in place of a digit: a bold "4." comes out as "A.".
LETTER_DIGITS = {"A": 4, "S": 5, "B": 8, "G": 6, "Z": 2, "O": 0, "I": 1, "T": 7}


def _repair_letter_numbers(headings: list[_Heading]) -> None:
    """ "1.", "2.", "3.", then "A.": the fourth sibling misread, not a new A./B. scheme.
    Repaired only when the letter's digit is exactly the next number in the sequence."""
    last_number = None
    for heading in headings:
        number = regex.match(r"(\d{1,2})\.?\s", heading.text)
        if heading.scheme == "arabic0" and number:
            last_number = int(number.group(1))
        elif heading.scheme == "upper" and last_number is not None:
            if LETTER_DIGITS.get(heading.text[0]) == last_number + 1:
                heading.scheme = "arabic0"
                last_number += 1
        elif heading.scheme == "roman":
            last_number = None


def _continued(pages: list[PageText]) -> set[int]:
    """Paragraphs cut by a page break: the next page opens in lower case, mid-sentence."""
    out: set[int] = set()
    index = -1
    for page, following in zip(pages, [*pages[1:], None], strict=True):
        index += len(page.paragraphs)
        opens_lower = bool(following and following.paragraphs) and (
            following.paragraphs[0].text[:1].islower()
        )
        if page.paragraphs and opens_lower:
            out.add(index)
    return out


def _section(
    section_id: int, heading: str | None, kind: str, kinds: list[str], level: int,
    body: list[Paragraph], head: Paragraph,
) -> Section:
    last = body[-1] if body else head
    return Section(
        section_id=section_id,
        kind=kind,
        heading=heading,
        level=level,
        page_start=head.page_no,
        page_end=last.page_no,
        text="\n".join(p.text for p in body),
        inherited_kind=kind,
        kinds=kinds,
    )


def classify(heading: str) -> list[str]:
    """Every section kind a heading names, in the order it names them; a keyword damaged
    by OCR (one wrong letter in a long word: "kinh nghlem") still counts."""
    words = fold(HEADING_NUMBER.sub("", heading, count=1)).split()
    words = [w.strip(".,:;()“”\"") for w in words]
    found: dict[str, int] = {}
    for kind, keywords in KIND_KEYWORDS.items():
        for keyword in keywords:
            at = _find_words(words, keyword.split())
            if at is None or (kind in OPENING_ONLY and not _opens(words, at)):
                continue
            found[kind] = min(found.get(kind, at), at)
    return sorted(found, key=found.__getitem__)


def _find_words(words: list[str], keyword: list[str]) -> int | None:
    """Position of the keyword's words in the heading, exactly or with one OCR slip."""
    n = len(keyword)
    target = " ".join(keyword)
    for i in range(len(words) - n + 1):
        candidate = " ".join(words[i : i + n])
        if candidate == target:
            return i
        if len(target) >= FUZZY_MIN_LENGTH and Levenshtein.distance(candidate, target) <= 1:
            return i
    return None


def _opens(words: list[str], at: int) -> bool:
    prefix = " ".join(words[:at])
    return prefix == "" or prefix in OPENERS


def _heading(index: int, paragraph: Paragraph) -> _Heading | None:
    text = paragraph.text
    words = len(text.split())
    if TOC_LINE.search(text):
        return None
    match = HEADING_NUMBER.match(text)
    if match:
        if words > MAX_HEADING_WORDS or paragraph.n_lines > 3 or ";" in text:
            return None
        scheme = match.lastgroup or ""
        if scheme == "arabic":
            scheme = f"arabic{match.group('arabic').count('.')}"
        return _Heading(index, text, scheme, classify(text))
    # An unnumbered heading: a short line opening with a kind word, not ending a sentence.
    if (
        _opens_with_kind(text)
        and words <= MAX_UNNUMBERED_WORDS
        and paragraph.n_lines == 1
        and text[:1].isupper()
        and not text.endswith((".", ";", ","))
    ):
        return _Heading(index, text, "unnumbered", classify(text))
    return None


def _opens_with_kind(text: str) -> bool:
    """Whether a line opens with a kind word, first or after "Những"/"Một số"/"Các"."""
    words = [w.strip(".,:;()") for w in fold(text).split()]
    starts = {0} | {
        len(o.split()) for o in OPENERS if " ".join(words[: len(o.split())]) == o
    }
    head = words[: max(starts) + 3]  # a keyword has at most three words
    return any(
        _find_words(head, keyword.split()) in starts
        for keywords in KIND_KEYWORDS.values() for keyword in keywords
    )


def _levels(schemes: list[str]) -> list[int]:
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
            stack.append(scheme)
        levels.append(len(stack))
    return levels


def _arabic_depth(scheme: str) -> int:
    return int(scheme.removeprefix("arabic")) if scheme.startswith("arabic") else -1
