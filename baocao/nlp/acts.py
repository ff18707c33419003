"""The outline of an act (quyết định, chỉ thị, thông báo, tờ trình): its title line, its
articles ("Điều 3."), chapters, and numbered or lettered points, standing alone or run in at
the start of a paragraph ("2. Sở Tài chính:"), with their kinds by meaning."""

from __future__ import annotations

from dataclasses import replace

import regex

from baocao.datamodel import Paragraph
from baocao.nlp.headings import (
    HEADING_NUMBER,
    MAX_UNNUMBERED_WORDS,
    TOC_LINE,
    Heading,
    bullet_label,
    classify,
    list_entry,
    opens_with_kind,
)
from baocao.nlp.looks import Look, printed_lines
from baocao.vietnamese.text import fold

# The title line of an administrative act, standing alone in capitals, maybe closed by a
# colon. Examples: "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "CHỈ THỊ", "THÔNG BÁO", "TỜ TRÌNH",
# "QUYẾT NGHỊ:". Matched on folded text without spaces, so OCR accents ("QUYÉT ĐỊNH") and
# spaces ("QUY ÉT ĐỊNH") do not matter.
ACT_TITLE = regex.compile(r"^(?:quyetdinh|chithi|thongbao|totrinh|quyetnghi):?$")


# A title closing the date line it was joined to. Example: "Số: 47/QĐ-UBND Quảng Ngãi, ngày
# 17 tháng 01 năm 2025 QUYẾT ĐỊNH" → "QUYẾT ĐỊNH"
DATED_TITLE = regex.compile(r"\d{4}\s+(?P<title>\p{Lu}+(?:\s+\p{Lu}+){0,2}\s*:?)$")


# Words holding a digit at a line's start. Example: "A64 " in "A64 KẾ HOẠCH".
STRAY_BEFORE = regex.compile(r"^(?:\S*\d\S*\s+)+")


# The title under which an act's articles stand (as ACT_TITLE is matched): a decision's, a
# resolution's. Examples: "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"; not "TỜ TRÌNH", whose
# "Điều 1." lines quote a draft.
ENACTING = regex.compile(r"^(?:quyetdinh|quyetnghi):?$")


# An article of a legal act and its number. Examples: "Điều 3.", "Điều 2. Tổ chức thực hiện"
ARTICLE = regex.compile(r"^(?P<label>Điều\s+\d{1,3}\s*[.:])\s*")


# A chapter or a part of a legal act. Examples: "Chương II", "Mục 1. QUY ĐỊNH CHUNG"
LEGAL_PART = regex.compile(r"^(?:Chương\s+[IVXLC\d]+|Mục\s+\d{1,2})\b\.?")


# An enumeration word opening a point in an act. Examples: "Thứ nhất, …", "Thứ hai: …"
ENUMERATION_LABEL = regex.compile(
    r"^(?P<label>Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[:,]"
)


# Words that make a numbered point of an act a task given (kind "plans"), found in its
# label part ("giao", to assign, is told from its look-alikes by ASSIGNS). Examples:
# "2. Giao Sở Xây dựng…", "1. Yêu cầu Thủ trưởng…", "6. UBND các huyện
# chịu trách nhiệm:", "4. Sở Tài nguyên và Môi trường chủ trì, phối hợp…", "a) Tiếp tục
# tập trung lãnh đạo…", "b) Tăng cường kỷ luật…" (an instruction opening with its verb).
TASK_WORDS = (
    "yeu cau", "lap ke hoach", "ban hanh", "uu tien", "bo tri",
    "chiu trach nhiem", "chu tri", "to chuc thuc hien", "phoi hop",
    "tiep tuc", "tang cuong", "thuc hien", "day manh", "khan truong", "nghien cuu",
    "theo doi", "tap trung", "thuong xuyen", "doi moi", "cung co", "chu dong",
    "ra soat", "trien khai", "xay dung", "nang cao", "huong dan", "kiem tra",
    "tich cuc", "tham muu", "quan triet", "theo chuc nang",
)
# Verbs that give a task only when a point opens with them ("7. Báo cáo kết quả … đúng thời
# hạn", "2. Tổ chức truyền thông…", "b) Chỉ đạo Văn phòng…"): elsewhere they are nouns
# ("báo cáo số 12", "các cơ quan, tổ chức", "Ban Chỉ đạo").
OPENING_TASKS = ("bao cao", "to chuc", "dam bao", "bao dam", "chi dao")


# Words that give a task wherever they stand in a point ("10. Bộ Công an giao Cục Cảnh sát…",
# "2. Sở Tài chính chủ trì…"); on folded text, so "giao" (assign) is told from "Sở Giao thông",
# "Sở Giáo dục", "giao dịch", "giao lưu".
ASSIGNS = regex.compile(
    r"\b(?:giao(?!\s+(?:thong|duc|dich|luu|ket|nhan|vien|trinh|an|hoa|tiep)\b)"
    r"|chiu trach nhiem|chu tri|yeu cau)\b")


def _has_task(text: str) -> bool:
    """Whether folded text holds a word of TASK_WORDS or assigns a task."""
    return any(f" {w} " in f" {text} " for w in TASK_WORDS) or bool(ASSIGNS.search(text))


# Words opening a request to other bodies (kind "recommendations"). Example: "5. Đề nghị Ủy
# ban MTTQ Việt Nam tỉnh…"
REQUEST_WORDS = ("de nghi", "kien nghi", "de xuat")


# The title line of any other document a file holds, the same way: a report, a plan or a
# resolution drafted in a submission, a list or an appendix attached. Examples: "BÁO CÁO",
# "KẾ HOẠCH", "NGHỊ QUYẾT", "DANH SÁCH", "PHỤ LỤC", "Phụ lục II".
DOCUMENT_TITLE = regex.compile(
    r"^(?:baocao|kehoach|nghiquyet|dean|danhsach|phuluc(?:[ivx\d]{1,4})?):?$")
# An appendix's title, in capitals or not. Example: "Phụ lục", "Phụ lục 02".
APPENDIX = regex.compile(r"^Phụ lục(?:\s+[IVX\d]{1,4})?$")


def _unspaced(text: str) -> str:
    return fold(text).replace(" ", "")


def document_title(paragraph: Paragraph) -> str | None:
    """The title line of an act (`act_title`) or of another document the file holds: a
    report, a plan, a resolution, a list, an appendix ("BÁO CÁO", "Phụ lục")."""
    if title := act_title(paragraph):
        return title
    if APPENDIX.match(paragraph.text):
        return paragraph.text
    return act_title(paragraph, DOCUMENT_TITLE)


def act_title(paragraph: Paragraph, titles: regex.Pattern[str] = ACT_TITLE) -> str | None:
    """The act's title standing on its own printed line in capitals: the whole paragraph
    ("QUYẾT ĐỊNH:") or its last line, under the date line it was joined to ("Số: 47/QĐ-UBND
    Quảng Ngãi, ngày 17 tháng 01 năm 2025" / "QUYẾT ĐỊNH")."""
    lines = printed_lines(paragraph)
    last = lines[-1] if lines else paragraph.text
    if not lines:  # no boxes: the capitals closing a date line
        dated = DATED_TITLE.search(paragraph.text)
        last = dated.group("title") if dated else last
    # what stands before the title on its line with a digit in it is a mark, not a word: a
    # number written in by hand ("A64 KẾ HOẠCH")
    for text in (STRAY_BEFORE.sub("", paragraph.text), STRAY_BEFORE.sub("", last)):
        words = text.split()
        # matched without spaces: OCR may glue a title's words or split one ("NGHỊQUYẾT",
        # "QUY ÉT ĐỊNH")
        if 0 < len(words) <= 3 and text.isupper() and titles.match(_unspaced(text)):
            return text
    return None


def act_headings(
    paragraphs: list[Paragraph], continued: set[int], titles: dict[int, str],
    looks: list[Look] | None = None,
) -> list[Heading]:
    """The outline of an act: its title lines, its articles ("Điều 3."), chapters, numbered
    and lettered points, block or run-in. Numbered points inside an article run into its
    text are its clauses (and lists such as "1. Phường …;"), not sections."""
    headings: list[Heading] = []
    in_article = False
    enacting = False  # past a title that enacts articles: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"
    # in a titled article, the scheme of its points standing alone ("1. Sở Tài nguyên và Môi
    # trường chịu trách nhiệm:"): only they and the points under them are sections there,
    # not its clauses run on in the text ("1. Sở Tài chính chịu trách nhiệm toàn diện…")
    titled, holder = False, None

    def keep(heading: Heading | None) -> None:
        nonlocal holder
        if heading is None:
            return
        if titled and not heading.inline:
            holder = heading.scheme
        elif titled and (holder is None or heading.scheme == holder):
            return
        headings.append(heading)

    for i, paragraph in enumerate(paragraphs):
        if i in titles:
            headings.append(Heading(i, titles[i], "title", [], label=None))
            in_article = titled = False
            enacting = bool(ENACTING.match(_unspaced(titles[i])))
            continue
        if TOC_LINE.search(paragraph.text):
            continue
        text = paragraph.text
        article = ARTICLE.match(text)
        if article and not enacting:
            continue  # an article quoted or listed: "Nghị quyết gồm 2 điều: Điều 1. Bãi bỏ…;"
        if article:
            headings.append(_article(i, paragraph, article.group("label")))
            # clauses run on in an article's text; a titled article ("Điều 2. Tổ chức thực
            # hiện") holds points as sections do
            in_article = headings[-1].inline
            titled, holder = not in_article, None
            continue
        if LEGAL_PART.match(text) and paragraph.n_lines <= 2 and not text.endswith("."):
            headings.append(Heading(i, text, "part", classify(text), label=text.split(".")[0]))
            in_article = titled = False
            continue
        if in_article:
            continue
        if labelled := bullet_label(i, text, paragraph.n_lines):
            headings.append(labelled)  # "+ Nguyên nhân:" opening its paragraph
            continue
        match = HEADING_NUMBER.match(text)
        enumeration = ENUMERATION_LABEL.match(text)
        misread = MISREAD_NUMBER.match(text) if match is None else None
        if misread is not None:
            keep(_misread_point(i, paragraph, misread, headings, paragraphs[i + 1 : i + 20]))
            continue
        if match is None and enumeration is None:
            continue
        if match is not None:
            scheme = match.lastgroup or ""
            if scheme == "arabic":
                depth = len(regex.findall(r"\d+", match.group("arabic"))) - 1
                scheme = f"arabic{depth}"
            label, label_end = match.group(0).strip().lstrip("._ "), match.end()
        else:
            scheme, label = "enumeration", enumeration.group("label")
            label_end = enumeration.end()
        keep(_point(i, paragraph, scheme, label, label_end, cut=i in continued,
                    looks=looks[i] if looks else None))
    return headings


# A point label OCR misread: a lettered point's letter read as a digit or a foreign letter
# ("8) Tiếp tục…" for "a)", "ø) Củng cố…" for "g)"), a number's dot read as a comma
# ("5, Đối với các dự án…"). Repaired only from the neighbouring points' labels.
MISREAD_NUMBER = regex.compile(
    r"^(?:(?P<letter>[^\s\p{Lu}a-zđ])\)|(?P<number>\d{1,2}),)\s+(?=\p{Lu})"
)


# The letters of lettered points, in the Vietnamese order: no f, j, w, z; đ after d.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _misread_point(
    index: int, paragraph: Paragraph, misread: regex.Match[str], before: list[Heading],
    after: list[Paragraph],
) -> Heading | None:
    """A point whose label OCR misread, kept when its neighbours tell the label: the
    number after the previous point's ("4." then "5,"), the letter after the previous
    lettered point's ("e)" then "ø)" is "g)"), or "a)" right under a numbered point. A
    digit ("8)") is a misread letter only when the next letter's point follows ("b)");
    otherwise it is a list of its own ("1) …", "2) …")."""
    text = paragraph.text
    last = before[-1] if before else None
    if misread.group("number"):
        previous = [h for h in before if h.scheme == "arabic0" and h.label]
        number = int(misread.group("number"))
        if not previous or previous[-1].label != f"{number - 1}.":
            return None
        repaired = f"{number}." + text[misread.end("number") + 1 :]
        return _point(index, replace(paragraph, text=repaired), "arabic0", f"{number}.",
                      len(f"{number}.") + 1)
    if last is None:
        return None
    if last.scheme == "letter" and last.label and last.label[0] in POINT_LETTERS[:-1]:
        letter = POINT_LETTERS[POINT_LETTERS.index(last.label[0]) + 1]
    elif last.scheme.startswith("arabic") or last.scheme == "roman":
        letter = "a"
    else:
        return None
    following = POINT_LETTERS[POINT_LETTERS.index(letter) + 1] + ")"
    if misread.group("letter").isdigit() and not any(
            p.text.startswith(following) for p in after):
        return None
    repaired = f"{letter})" + text[misread.end("letter") + 1 :]
    return _point(index, replace(paragraph, text=repaired), "letter", f"{letter})", 3)


# A point of an act standing alone is at most this long; a longer one is running text.
MAX_BLOCK_POINT_WORDS = 48


# The label part of a run-in point ends at a colon this many words in, at most.
MAX_LABEL_WORDS = 40


def _article(index: int, paragraph: Paragraph, label: str) -> Heading:
    """"Điều 2. Tổ chức thực hiện" alone on its line is a block heading; "Điều 3. Quyết định
    này có hiệu lực…" is a run-in label, "Điều 3." the heading."""
    text = paragraph.text
    label = " ".join(label.split())
    short = paragraph.n_lines == 1 and len(text.split()) <= MAX_UNNUMBERED_WORDS
    if short and not text.endswith((".", ";")) and text != label:
        return Heading(index, text, "article", _act_kinds(text), label=label)
    return Heading(index, label, "article", [], inline=True, label=label)


def _point(
    index: int, paragraph: Paragraph, scheme: str, label: str, label_end: int,
    cut: bool = False, looks: Look | None = None,
) -> Heading | None:
    """A numbered or lettered point of an act: a block heading when it stands alone
    ("6. UBND các huyện, thị xã, thành phố chịu trách nhiệm:"), otherwise a run-in label:
    the part up to its colon ("4. Sở Kế hoạch và Đầu tư:") or its first printed line.
    A paragraph cut by the page break (`cut`) can only be a run-in point."""
    text = paragraph.text
    words = text.split()
    if text.endswith(";") and paragraph.n_lines == 1:
        return None  # an item of a list: "1. Phường Nghĩa Chánh, thành phố Quảng Ngãi;"
    if list_entry(text[label_end:]):
        return None  # "1. Nghị quyết số 39/2011/NQ-HĐND…", "(1) Báo cáo số 36/BC-…"
    if looks is not None and looks.lead_end is not None and looks.lead_end > label_end:
        lead = text[: looks.lead_end].strip()  # the label in bold, then plain text
        if lead.endswith((":", ".")) and len(lead.split()) <= MAX_LABEL_WORDS:
            return Heading(index, lead, scheme, _act_kinds(lead), inline=True, label=label)
    if (looks is not None and looks.bold and not cut and ";" not in text
            and len(words) <= 2 * MAX_BLOCK_POINT_WORDS):
        return Heading(index, text, scheme, _act_kinds(text), label=label)
    if (not cut and len(words) <= MAX_BLOCK_POINT_WORDS and paragraph.n_lines <= 3
            and not text.endswith((".", ";")) and ";" not in text):
        return Heading(index, text, scheme, _act_kinds(text), label=label)
    if paragraph.n_lines == 1 and text.endswith(".") and not cut:
        return None  # a one-line list item: "7. Xã Ba Trang, huyện Ba Tơ."
    colon = text.find(":")
    sentence = regex.search(r"[.;](?:\s|$)", text[label_end:])
    sentence_end = label_end + sentence.start() if sentence else len(text)
    if 0 < colon < sentence_end and len(text[:colon].split()) <= MAX_LABEL_WORDS:
        heading = meaning = text[: colon + 1]
    else:
        lines = printed_lines(paragraph)
        heading = lines[0] if lines else " ".join(words[:20])
        # its kind is read from its first sentence, not from where the line breaks: "5. Sở
        # Giáo dục…, Sở Văn hóa… theo chức" / "năng, nhiệm vụ…"
        meaning = text[:sentence_end]
    return Heading(index, heading, scheme, _act_kinds(meaning), inline=True, label=label)


def _act_kinds(heading: str) -> list[str]:
    """Kinds of a point of an act, by what it does: a request to other bodies
    (recommendations), a task given (plans), else the kinds its words name; a heading that
    only names its addressee ("1. Cục Thuế tỉnh:") or a topic is "other"."""
    article = ARTICLE.match(heading)
    body = heading[article.end():] if article else HEADING_NUMBER.sub("", heading, count=1)
    words = [w.strip(".,:;()“”\"") for w in fold(body).split()]
    words = [w for w in words if w]
    text = " ".join(words)
    if any(text.startswith(w) for w in REQUEST_WORDS):
        return ["recommendations"]
    if words[:2] == ["doi", "voi"]:  # "Đối với các nội dung kiến nghị, đề xuất…"
        return ["recommendations"] if any(w in text for w in REQUEST_WORDS) else []
    if opens_with_kind(body):
        return classify(body)  # "1. Kết quả thực hiện": the kind it opens with
    # a heading in capitals names a topic ("II. MỤC ĐÍCH, QUAN ĐIỂM XÂY DỰNG NGHỊ QUYẾT")
    if not body.isupper() and (_has_task(text) or opens_with_task(heading)):
        return ["plans"]
    return classify(heading)


def opens_with_task(heading: str) -> bool:
    """Whether a heading opens with a task's verb ("b) Lập kế hoạch thực hiện…"), not with a
    topic ("1. Về xây dựng…")."""
    text = " ".join(fold(HEADING_NUMBER.sub("", heading, count=1)).split())
    return bool(ASSIGNS.match(text)) or any(
        text.startswith(f"{w} ") or text == w for w in (*TASK_WORDS, *OPENING_TASKS))


def point_kinds(heading: str) -> tuple[list[str], bool]:
    """What a report's plain numbered point says of its own kind: the kinds it opens with or
    a request to other bodies (recommendations), and whether it gives a task: it opens with
    a task's verb or assigns one (ASSIGNS), not said as done ("đã"). Its section decides the
    rest (nlp/sections.py)."""
    body = HEADING_NUMBER.sub("", heading, count=1)
    words = [w.strip(".,:;()“”\"") for w in fold(body).split()]
    text = " ".join(w for w in words if w)
    if any(text.startswith(w) for w in REQUEST_WORDS):
        return ["recommendations"], False
    if opens_with_kind(body):
        return classify(heading), False
    done = regex.search(r"(?<!\p{L})đã(?!\p{L})", body.lower()) is not None
    task = not done and (opens_with_task(heading) or bool(ASSIGNS.search(text)))
    return [], task
