"""Report outline: numbered headings found among paragraphs, levels, and section kinds."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from baocao.datamodel import PageText, Paragraph, Section
from baocao.nlp.normalize import fold

# Headings are short: a numbered paragraph longer than this is a list item in running text.
MAX_HEADING_WORDS = 32
MAX_UNNUMBERED_WORDS = 12

# Heading numbering, one named group per scheme. Examples:
#   roman  "II. KẾT QUẢ THỰC HIỆN"         arabic "2. Những khó khăn cần tháo gỡ",
#   arabic "1.4.2 Những tồn tại, sai sót…"  arabic "2.4. Một số đề xuất, kiến nghị…",
#   paren  "(3) Kinh nghiệm thực tiễn:"     letter "a) Về kinh phí",  upper "A. PHẦN MỞ ĐẦU"
HEADING_NUMBER = regex.compile(
    r"""^(?:
        (?P<roman>[IVXLC]{1,5})\.
      | (?P<arabic>\d{1,2}(?:\.\d{1,2}){0,4})\.?
      | \((?P<paren>\d{1,2})\)
      | (?P<letter>[a-zđ])\)
      | (?P<upper>[A-Z])\.
    )\s+(?=[\p{Lu}\p{Lt}])""",
    regex.VERBOSE,
)

# Kind keywords, matched on accent-folded lower-case text ("Khó khăn" → "kho khan").
# Example: "2. Những khó khăn cần tháo gỡ" → difficulties; "(3) Kinh nghiệm thực tiễn:" → lessons.
KIND_KEYWORDS: dict[str, str] = {
    "achievements": r"ket qua (?:dat duoc|thuc hien)|nhung mat lam duoc|thanh tuu|ket qua",
    "difficulties": r"kho khan|han che|ton tai|vuong mac|bat cap|sai sot|yeu kem",
    "causes": r"nguyen nhan",
    "lessons": r"kinh nghiem|bai hoc",
    "solutions": r"giai phap|bien phap",
    "recommendations": r"kien nghi|de xuat|de nghi",
    # Plan words are common inside other headings ("kinh phí bổ sung có mục tiêu"), so
    # they name a kind only when the heading opens with them: "Phương hướng, nhiệm vụ năm 2024".
    "plans": r"^(?:(?:nhung|mot so|cac) )?(?:phuong huong|nhiem vu|ke hoach|muc tieu)",
}
KIND_PATTERNS = {
    kind: regex.compile(rf"(?:^|\b)(?:{words})\b") for kind, words in KIND_KEYWORDS.items()
}


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
    """Every section kind a heading names, in the order it names them."""
    text = fold(HEADING_NUMBER.sub("", heading, count=1))
    found = [(m.start(), kind) for kind, pat in KIND_PATTERNS.items() if (m := pat.search(text))]
    return [kind for _, kind in sorted(found)]


def _heading(index: int, paragraph: Paragraph) -> _Heading | None:
    text = paragraph.text
    words = len(text.split())
    match = HEADING_NUMBER.match(text)
    if match:
        if words > MAX_HEADING_WORDS or paragraph.n_lines > 3 or ";" in text:
            return None
        scheme = match.lastgroup or ""
        if scheme == "arabic":
            scheme = f"arabic{match.group('arabic').count('.')}"
        return _Heading(index, text, scheme, classify(text))
    # An unnumbered heading: a short line naming a kind, not ending a sentence.
    kinds = classify(text)
    if (
        kinds
        and words <= MAX_UNNUMBERED_WORDS
        and paragraph.n_lines == 1
        and text[:1].isupper()
        and not text.endswith((".", ";", ","))
        and fold(text).startswith(_KIND_OPENERS)
    ):
        return _Heading(index, text, "unnumbered", kinds)
    return None


# Unnumbered headings open with the kind word itself ("Kinh nghiệm thực hiện:").
_KIND_OPENERS = (
    "ket qua", "nhung ket qua", "nhung mat", "kho khan", "nhung kho khan", "han che",
    "ton tai", "nhung ton tai", "vuong mac", "nguyen nhan", "kinh nghiem", "bai hoc",
    "giai phap", "bien phap", "kien nghi", "de xuat", "de nghi", "phuong huong",
    "nhiem vu", "ke hoach",
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
