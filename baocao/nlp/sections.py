"""Report outline: numbered headings found among paragraphs, levels, and section kinds."""

from __future__ import annotations

import regex

from baocao.datamodel import PageText, Paragraph, Section
from baocao.nlp.acts import (
    act_headings,
    act_title,
    document_title,
    opens_with_task,
    point_kinds,
)
from baocao.nlp.headings import (
    HEADING_NUMBER,
    MAX_HEADING_WORDS,
    MAX_UNNUMBERED_WORDS,
    TOC_LINE,
    Heading,
    bullet_label,
    classify,
    list_entry,
    opens_with_kind,
)
from baocao.nlp.items import BULLET, ENUMERATION
from baocao.nlp.looks import SMALLEST, Look, body_size, look, printed_lines, styled_headings
from baocao.nlp.numbering import (
    PARTS,
    outline_levels,
    repair_letter_numbers,
    repair_misread_labels,
)
from baocao.vietnamese.text import fold


def tag_sections(pages: list[PageText]) -> tuple[list[Section], list[int]]:
    """Build the document's sections; also return, per paragraph, the innermost section id.

    Text before the first heading (often continued from a previous page) is a section
    with no heading, kind "other", level 0.
    """
    paragraphs = [p for page in pages for p in page.paragraphs]
    continued = _continued(pages)
    # the title lines of the documents the file holds: the act's or report's own, a report
    # or resolution drafted in a submission, a list or an appendix attached
    titles = {i: t for i, p in enumerate(paragraphs) if i not in continued
              and (t := document_title(p))}
    act = any(act_title(paragraphs[i]) for i in titles if i < 40)
    body = body_size(paragraphs)
    looks = [look(p, body) for p in paragraphs]
    if act:  # an act (decision, directive, notice, submission): its own outline
        headings = act_headings(paragraphs, continued, titles, looks)
    else:
        numbered = [lk for p, lk in zip(paragraphs, looks, strict=True)
                    if HEADING_NUMBER.match(p.text)]
        plain_is_item = styled_headings(numbered)
        headings = []
        for i, p in enumerate(paragraphs):
            if i in titles:
                headings.append(Heading(i, titles[i], "title", []))
            # a paragraph cut by the page break can only be a point run into the text
            elif (h := _heading(i, p, looks[i], plain_is_item)) and (
                    i not in continued or h.inline):
                headings.append(h)
    # clauses quoted from another text ("Điều 113 Hiến pháp quy định: “1. … 2. … ”") are none
    quoted = _quoted(paragraphs)
    headings = [h for h in headings if h.index not in quoted]
    repair_letter_numbers(headings)
    repair_misread_labels(headings)
    # Before the first numbered heading stands the title block ("BÁO CÁO / Kết quả thực
    # hiện…"): an unnumbered line there is a heading only when it ends with ":".
    first_numbered = next(
        (h.index for h in headings if h.scheme not in ("unnumbered", "title")), None)
    block = _title_block_pages(paragraphs)
    # a heading told by its type only counts once running text has begun (above it, bold
    # and large lines are the title block's) and with text after it (not a signer's name)
    running = next((i for i, (p, lk) in enumerate(zip(paragraphs, looks, strict=True))
                    if p.n_lines >= 3 and not lk.bold), len(paragraphs))
    headings = [
        h for h in headings
        if h.scheme != "unnumbered" or h.text.endswith(":")
        or (first_numbered is not None and h.index > first_numbered)
        # capitals past the first page's title block: "PHẦN THỨ HAI" opening page 3
        or (h.page is not None and h.page > paragraphs[0].page_no)
        # a kind heading on a page with no title block: "KHÓ KHĂN, VƯỚNG MẮC" opening a
        # page of a compilation, "Khó khăn" alone on its line
        or (h.kinds and paragraphs[h.index].page_no not in block)
        or (h.styled and running < h.index < len(paragraphs) - 1
            and not SIGNATURE_LINE.search(fold(paragraphs[h.index - 1].text)))
    ]
    levels = outline_levels([h.scheme for h in headings])

    sections: list[Section] = []
    owner: list[int] = [0] * len(paragraphs)
    at_headings = {h.index for h in headings}
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
        if heading.point and not heading.kinds:
            kind = _point_kind(heading, parent)
        elif heading.task and _gives_task(parent):
            kind = "plans"
        if heading.point:
            end = _point_end(paragraphs, heading.index, end, continued, at_headings)
        body = paragraphs[heading.index + 1 : end]
        if heading.inline:  # the paragraph the label opens is the section's text
            body = paragraphs[heading.index : end]
        section = _section(
            len(sections), heading.text, kind, heading.kinds, level,
            body, paragraphs[heading.index],
        )
        section.inline, section.label = heading.inline, heading.label
        section.parent_id = parent.section_id if parent else None
        if kind == "other" and parent is not None:
            section.inherited_kind = parent.inherited_kind
        sections.append(section)
        stack.append(section)
        next_heading = headings[n + 1].index if n + 1 < len(headings) else len(paragraphs)
        for i in range(heading.index, next_heading):  # past a point's end: its section's
            owner[i] = section.section_id if i < end or parent is None else parent.section_id
    return sections, owner


def _point_end(paragraphs: list[Paragraph], start: int, end: int, continued: set[int],
               at_headings: set[int]) -> int:
    """Where a point run into the text ends: it holds its paragraph, the page's continuation,
    the items and points under it; the next paragraph of running text is its section's again
    ("Qua các hoạt động trên, …" after "3. Về hỗ trợ thông tin thị trường…")."""
    for i in range(start + 1, end):
        text = paragraphs[i].text
        if i - 1 in continued or i in at_headings or BULLET.match(text) or ENUMERATION.match(
                text):
            continue
        return i
    return end


# Kinds a point in its section shares whatever it says: a task described among a report's
# results ("a) Tăng cường công tác…" under "1. Kết quả đạt được") is a result.
SHARED_KINDS = ("achievements", "difficulties", "causes", "lessons", "solutions")
# A section of an plan's aims ("I. MỤC ĐÍCH, YÊU CẦU"): its points say what is sought, they
# give no task. Matched on the folded heading.
AIMS = regex.compile(r"\b(?:muc dich|yeu cau)\b")


def _point_kind(point: Heading, parent: Section | None) -> str:
    """The kind of a point naming none: its section's where the section's kind is one that
    all its points share; "plans" where it gives a task; else its section's kind."""
    inherited = parent.inherited_kind if parent else "other"
    if inherited in SHARED_KINDS:
        return inherited
    if point.task and _gives_task(parent):
        return "plans"
    return inherited


def _gives_task(parent: Section | None) -> bool:
    """Whether a point or title of this section that reads as a task gives one: not among a
    report's results or difficulties (what was done, what went wrong), not among a plan's
    aims."""
    if parent is None:
        return True
    return parent.inherited_kind not in SHARED_KINDS and not (
        parent.heading and AIMS.search(fold(parent.heading)))


# A lettered item opening a page: a new paragraph in lower case, no sentence cut by the page
# break. Example: "a) Khẩn trương hoàn thành…" after "2. Giao Văn phòng UBND tỉnh:".
LETTERED_ITEM = regex.compile(r"^\p{Ll}\)\s")


# A quotation runs over at most this many paragraphs; an opening mark left unclosed longer
# is OCR's or a typist's stray, not a quotation.
MAX_QUOTED = 8


def _quoted(paragraphs: list[Paragraph]) -> set[int]:
    """Paragraphs within a quotation of whole paragraphs: opened at the start of an earlier
    one ("“1. Hội đồng nhân dân là…") and closed in a later one (“… ở địa phương”."): the
    numbered clauses of a law a report quotes. Quotes inside a sentence are left alone."""
    out: set[int] = set()
    for i, paragraph in enumerate(paragraphs):
        if not paragraph.text.lstrip().startswith("“") or "”" in paragraph.text:
            continue
        for j in range(i + 1, min(i + 1 + MAX_QUOTED, len(paragraphs))):
            if "“" in paragraphs[j].text:
                break
            if "”" in paragraphs[j].text:
                out.update(range(i + 1, j + 1))
                break
    return out


def _continued(pages: list[PageText]) -> set[int]:
    """Paragraphs cut by a page break: the next page opens in lower case, mid-sentence."""
    out: set[int] = set()
    index = -1
    for page, following in zip(pages, [*pages[1:], None], strict=True):
        index += len(page.paragraphs)
        opens_lower = bool(following and following.paragraphs) and (
            following.paragraphs[0].text[:1].islower()
            and not LETTERED_ITEM.match(following.paragraphs[0].text)
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
        body=body,
        inherited_kind=kind,
        kinds=kinds,
    )


def _heading(index: int, paragraph: Paragraph, looks: Look, plain_is_item: bool = False
             ) -> Heading | None:
    text = paragraph.text
    words = len(text.split())
    if TOC_LINE.search(text):
        return None
    match = HEADING_NUMBER.match(text)
    if match:
        scheme = match.lastgroup or ""
        if scheme == "arabic":
            depth = len(regex.findall(r"\d+", match.group("arabic"))) - 1  # "2.4." → 1
            scheme = f"arabic{depth}"
        label = match.group(0).strip().lstrip("._ ")
        if list_entry(text[match.end():]):
            return None  # "(1) Báo cáo số 36/BC-HĐTĐ…", "2. Ông Nguyễn Văn An – …"
        lead = _lead_label(text, looks, match.end())
        if lead is not None:  # "3. Kiến nghị, đề xuất:" in bold, then plain text
            return Heading(index, lead, scheme, classify(lead), inline=True, label=label)
        if looks.bold and words <= 2 * MAX_HEADING_WORDS and ";" not in text:
            return Heading(index, text, scheme, classify(text), label=label)
        if paragraph.n_lines == 1 and text.endswith(";"):
            return None  # an entry of a list: "1. Phường Nghĩa Chánh, thành phố Quảng Ngãi;"
        if words > MAX_HEADING_WORDS or paragraph.n_lines > 3 or ";" in text:
            return _run_in(index, paragraph, scheme, label, match.end())
        # an item in plain type among headings set in bold: a point of the text
        if plain_is_item and looks.opens_styled is False and scheme not in PARTS:
            return _run_in(index, paragraph, scheme, label, match.end())
        kinds = classify(text)
        # a title in plain type naming no kind may give a task, by its opening verb: "b) Lập
        # kế hoạch thực hiện Chương trình hằng năm"; not "1. Về xây dựng…" (a topic)
        task = scheme not in PARTS and not kinds and opens_with_task(text)
        return Heading(index, text, scheme, kinds, label=label, task=task)
    if _set_in_capitals(paragraph):
        return Heading(index, text, "unnumbered", classify(text), page=paragraph.page_no)
    if _set_apart(paragraph, looks):
        return Heading(index, text, "unnumbered", classify(text), styled=True)
    if labelled := bullet_label(index, text, paragraph.n_lines):
        return labelled  # "- Khó khăn, vướng mắc:", "+ Nguyên nhân: do…"
    # An unnumbered heading: a short line opening with a kind word, not ending a sentence.
    if (
        opens_with_kind(text)
        and words <= MAX_UNNUMBERED_WORDS
        and paragraph.n_lines == 1
        and text[:1].isupper()
        and not text.endswith((".", ";", ","))
    ):
        return Heading(index, text, "unnumbered", classify(text))
    return None


# Lines in capitals that are never headings, on folded text: signature lines ("TM. ỦY BAN
# NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC"), "NƠI NHẬN", the national motto ("CỘNG HÒA XÃ
# HỘI CHỦ NGHĨA VIỆT NAM") and issuing bodies of a title block ("SỞ CÔNG THƯƠNG", "UBND TỈNH
# ĐỒNG THÁP").
SIGNATURE_LINE = regex.compile(
    r"^(?:tm|kt|tl|tuq|q)\.|^(?:pho )?(?:chu tich|giam doc|truong ban|chanh van phong)$"
    r"|^noi nhan|^cong hoa|^doc lap|^(?:uy ban|ubnd|so|ban|phong|cuc|chi cuc|hoi dong"
    r"|van phong|bo|tong cuc)\b"
)


# A run-in label of a report's numbered paragraph: the words up to a colon that comes
# before the first sentence ends. Example: "2. Sở Kế hoạch và Đầu tư:" opening "2. Sở Kế
# hoạch và Đầu tư: chủ trì, phối hợp…".
MAX_LABEL_WORDS = 40
# A bold or italic label opening a numbered paragraph is at most this long.
MAX_RUN_IN_WORDS = 12
# Words of a point's heading where its printed lines are not known.
POINT_HEADING_WORDS = 20


def _run_in(index: int, paragraph: Paragraph, scheme: str, label: str, label_end: int
            ) -> Heading | None:
    """A numbered paragraph that is running text, a point of it: run in (inline), headed by
    its label up to a colon ("2. Sở Kế hoạch và Đầu tư:") or else its first printed line. A
    part's number (Roman, "A.") opening running text heads it only with a label."""
    text = paragraph.text
    colon = text.find(":", label_end)
    sentence = regex.search(r"[.;](?:\s|$)", text[label_end:])
    sentence_end = label_end + sentence.start() if sentence else len(text)
    if 0 < colon < sentence_end and len(text[:colon].split()) <= MAX_LABEL_WORDS:
        heading = meaning = text[: colon + 1]
    elif scheme in PARTS:
        return None
    else:
        lines = printed_lines(paragraph)
        heading = lines[0] if lines else " ".join(text.split()[:POINT_HEADING_WORDS])
        meaning = text[:sentence_end]  # its kind is read from its first sentence
    kinds, task = point_kinds(meaning)
    return Heading(index, heading, scheme, kinds, inline=True, label=label, point=True,
                   task=task)


# A title block's lines (folded): the motto, the number, the place and date, a type line.
# Examples: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 412/BC-SCT", "…, ngày 15 tháng 12
# năm 2023", "BÁO CÁO".
TITLE_BLOCK_LINE = regex.compile(
    r"cong hoa xa hoi|doc lap\s*-?\s*tu do|^so\s*:|ngay\s+\S{0,3}\s*thang\s+\S{0,3}\s*nam\s+\d"
    r"|^(?:bao cao|ke hoach|to trinh|de an|quyet dinh|thong bao|chi thi|nghi quyet)\s*:?$"
)
# Paragraphs looked at from a page's top for its title block.
TITLE_BLOCK_REACH = 12


def _title_block_pages(paragraphs: list[Paragraph]) -> set[int]:
    """Pages whose first paragraphs hold a title block: there a kind word opening a line
    may be the report's title ("Kết quả thực hiện…"), not a heading."""
    pages: set[int] = set()
    seen: dict[int, int] = {}
    for paragraph in paragraphs:
        n = seen[paragraph.page_no] = seen.get(paragraph.page_no, 0) + 1
        if n <= TITLE_BLOCK_REACH and TITLE_BLOCK_LINE.search(fold(paragraph.text)):
            pages.add(paragraph.page_no)
    return pages


def _set_in_capitals(paragraph: Paragraph) -> bool:
    """A short line standing alone in capitals reads as a heading without a number:
    "KẾT QUẢ THỰC HIỆN", "PHẦN THỨ HAI"; not a signature line or the national motto."""
    text = paragraph.text
    letters = [c for c in text if c.isalpha()]
    return (
        paragraph.n_lines == 1
        and 2 <= len(text.split()) <= MAX_UNNUMBERED_WORDS
        and len(letters) >= 6
        and all(c.isupper() for c in letters)
        and not text.endswith((".", ";", ","))
        and not SIGNATURE_LINE.search(fold(text).lstrip("_.-–— "))
    )


def _lead_label(text: str, looks: Look, label_end: int) -> str | None:
    """The label a numbered paragraph opens with in bold or italic type, before plain text:
    "3. Kiến nghị, đề xuất:" in "3. Kiến nghị, đề xuất: Trung tâm kính đề xuất…"."""
    if looks.lead_end is None or looks.lead_end <= label_end:
        return None
    lead = text[: looks.lead_end].strip()
    if len(lead.split()) > MAX_RUN_IN_WORDS or not lead.endswith((":", ".")):
        return None
    return lead


def _set_apart(paragraph: Paragraph, looks: Look) -> bool:
    """A short line alone in bold or in larger type reads as a heading without a number:
    "Kết quả đạt được" in bold; not a sentence, a signature line, or a small table cell."""
    text = paragraph.text
    return (
        bool(looks.bold or looks.larger)
        and paragraph.n_lines == 1
        and 2 <= len(text.split()) <= MAX_UNNUMBERED_WORDS
        and text[:1].isupper()
        and (looks.size_ratio is None or looks.size_ratio >= SMALLEST)
        and not text.endswith((".", ";", ","))
        and not SIGNATURE_LINE.search(fold(text).lstrip("_.-–— "))
        and not ENUMERATION.match(text)  # "Thứ nhất: Nâng cao…" in bold is a point
    )
