"""Build six scanned, multi-page synthetic provincial reports (and their gold).

Each report is data at the bottom of this file: a title block and its body as blocks
(headings, paragraphs, bullets, a table of contents). The script lays the blocks out itself
(line wrapping with the font's metrics to a 16 cm text width, page breaks when a page is
full), so it knows where every line lands; it renders the pages with make_samples.py's scan
look and derives the gold from the same layout.

Deterministic: fixed seeds, fixed PDF dates and IDs, so re-running gives byte-identical files.
Run from the repository root: `.venv/bin/python samples/make_reports.py`.
"""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_samples import (  # noqa: E402  (make_samples lives next to this script)
    BODY_PT,
    HEADER_PT,
    INDENT_MM,
    LEADING,
    MARGIN_MM,
    MM,
    PAGE_H,
    PAGE_W,
    draw_justified,
    jpeg_bytes,
    new_pdf,
    nfc,
    px,
    simulate_scan,
)

OUT = Path(__file__).resolve().parent / "reports"
FONTS = {
    "regular": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "bold": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "italic": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
}
NUMERAL_TRACKING = 4  # pixels between the characters of "III.", see draw_line
TITLE_PT = 10.0  # the two-column title block is set a little smaller, as in real reports
STEP = round(px(BODY_PT) * LEADING)  # one text row, in pixels
LEFT, RIGHT = round(MARGIN_MM * MM), PAGE_W - round(MARGIN_MM * MM)
TOP = round(MARGIN_MM * MM) + px(BODY_PT)  # baseline of the first row
ROWS = (PAGE_H - round(MARGIN_MM * MM) - TOP) // STEP + 1  # rows per page
LEFT_COL, RIGHT_COL = LEFT + round(31 * MM), LEFT + round(111 * MM)  # title column centres

KINDS = (
    "achievements",
    "difficulties",
    "causes",
    "lessons",
    "solutions",
    "recommendations",
    "plans",
    "other",
)
# Heading numbering schemes; the order in which a report first uses them gives the levels.
SCHEMES = {
    "roman": r"[IVX]+\.",
    "arabic": r"\d{1,2}\.",
    "paren": r"\(\d{1,2}\)",
    "letter": r"[a-zđ]\)",
}
# Item markers as the gold names them: "Thứ hai:" is a "Thứ nhất" item, "Ba là," a "Một là".
MARKERS = {
    "Thứ nhất": r"Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy):",
    "Một là": r"(?:Một|Hai|Ba|Bốn|Năm|Sáu) là,",
    "-": r"- ",
    "+": r"\+ ",
    "•": r"• ",
}
# Never wrap so that a line starts with one of these: it would read as a bullet or heading.
NO_LINE_START = re.compile(r"[-+•–]|\(?\d{1,2}[.)]|[IVX]+\.|[a-zđ]\)")


@dataclass(frozen=True)
class Report:
    """One synthetic report: its title block and body (see `parse` for the body format)."""

    stem: str
    agency: tuple[str, str]  # issuing body, two lines: "UBND TỈNH BẮC GIANG", "SỞ CÔNG THƯƠNG"
    number: str  # "412/BC-SCT"
    place_date: str
    title: str
    signature: tuple[str, ...]  # signer's titles, then the name
    stacked: bool  # title block stacked in one column instead of two
    rng_seed: int
    body: str
    # gold document metadata, written by hand (see baocao/nlp/metadata.py)
    province: str  # as the report names it: "Bắc Giang"
    province_2025: str  # the province it lies in since the 2025 mergers: "Bắc Ninh"
    issuer: str  # "Sở Công Thương", "Ủy ban nhân dân tỉnh Thái Bình"
    date: str  # ISO date of issue
    period: str  # what the title says it reports on: "năm 2023"
    years: tuple[int, int]  # first and last year of that period


@dataclass
class Block:
    """A paragraph of the body. `kind` is "heading", "para", "toc" or "center"."""

    kind: str
    text: str
    section_kind: str = ""  # headings only
    level: int = 0  # headings only


@dataclass(frozen=True)
class Line:
    """Text placed on a row. `para` ties the pieces of one gold paragraph together."""

    text: str
    font: str
    x: float
    align: str = "left"  # "left", "justify" (to RIGHT), "center" or "right"
    para: int | None = None
    pt: float = BODY_PT
    underline: bool = False


Row = list[Line]


def parse(body: str) -> list[Block]:
    """Blocks are separated by blank lines; wrapped source lines are joined with spaces.

    "@kind I. HEADING" is a heading of that section kind, "~ II. Title" a table-of-contents
    line (its page number is filled in from the layout) and "^ TEXT" a centred bold line.
    """
    blocks = []
    for chunk in body.strip().split("\n\n"):
        text = nfc(" ".join(chunk.split()))
        if text.startswith("@"):
            kind, text = text[1:].split(" ", 1)
            assert kind in KINDS, f"unknown section kind {kind!r}"
            blocks.append(Block("heading", text, kind))
        elif text[:2] in ("~ ", "^ "):
            blocks.append(Block("toc" if text[0] == "~" else "center", text[2:]))
        else:
            blocks.append(Block("para", text))
    schemes: list[str] = []
    for b in blocks:
        if b.kind == "heading":
            scheme = next(s for s, rx in SCHEMES.items() if re.match(rx + " ", b.text))
            schemes += [] if scheme in schemes else [scheme]
            b.level = schemes.index(scheme) + 1
    return blocks


def marker(text: str) -> str | None:
    """The gold marker of an enumeration item or bullet, or None for running text."""
    return next((m for m, rx in MARKERS.items() if re.match(rx, text)), None)


# --- layout --------------------------------------------------------------------------------

_fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}


def font(name: str, pt: float = BODY_PT) -> ImageFont.FreeTypeFont:
    """Cached font at the render size."""
    if (name, pt) not in _fonts:
        _fonts[name, pt] = ImageFont.truetype(FONTS[name], px(pt))
    return _fonts[name, pt]


def wrap(text: str, fnt: ImageFont.FreeTypeFont, first: float, rest: float) -> list[str]:
    """Greedy line breaking at spaces; `first`/`rest` are the available widths in pixels."""
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        width = first if not lines else rest
        if not cur or fnt.getlength(trial) <= width or NO_LINE_START.fullmatch(w):
            cur = trial
        else:
            lines.append(cur)
            cur = w
    lines.append(cur)
    for i, line in enumerate(lines):
        assert fnt.getlength(line) <= (first if i == 0 else rest), f"overfull: {line!r}"
    return lines


def balanced_wrap(text: str, fnt: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Centred titles: narrow the measure while the line count holds, so lines even out."""
    n = len(wrap(text, fnt, width, width))
    while len(wrap(text, fnt, width - MM, width - MM)) == n:
        width -= MM
    return wrap(text, fnt, width, width)


def paragraph_rows(text: str, fnt_name: str, para: int) -> list[Row]:
    """A justified paragraph with a first-line indent (headings, text, bullets alike)."""
    ind = INDENT_MM * MM
    lines = wrap(text, font(fnt_name), RIGHT - LEFT - ind, RIGHT - LEFT)
    last = len(lines) - 1
    return [
        [Line(t, fnt_name, LEFT + (0 if i else ind), "left" if i == last else "justify", para)]
        for i, t in enumerate(lines)
    ]


def title_rows(r: Report) -> tuple[list[Row], int]:
    """Page 1 title block, and the number of gold paragraphs in it.

    Each line is its own paragraph, numbered top to bottom and, in a row of two columns,
    left before right (the order Tesseract reads them in); a wrapped title is one paragraph.
    """
    nat = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    p = iter(range(8))
    t = TITLE_PT
    if r.stacked:
        mid = PAGE_W / 2
        rows: list[Row] = [
            [Line(nat[0], "bold", mid, "center", next(p), t)],
            [Line(nat[1], "bold", mid, "center", next(p), t, underline=True)],
            [],
            [Line(r.agency[0], "regular", mid, "center", next(p), t)],
            [Line(r.agency[1], "bold", mid, "center", next(p), t, underline=True)],
            [
                Line(f"Số: {r.number}", "regular", LEFT, "left", next(p), t),
                Line(r.place_date, "italic", RIGHT, "right", next(p), t),
            ],
        ]
    else:
        rows = [
            [
                Line(r.agency[0], "regular", LEFT_COL, "center", next(p), t),
                Line(nat[0], "bold", RIGHT_COL, "center", next(p), t),
            ],
            [
                Line(r.agency[1], "bold", LEFT_COL, "center", next(p), t, underline=True),
                Line(nat[1], "bold", RIGHT_COL, "center", next(p), t, underline=True),
            ],
            [
                Line(f"Số: {r.number}", "regular", LEFT_COL, "center", next(p), t),
                Line(r.place_date, "italic", RIGHT_COL, "center", next(p), t),
            ],
        ]
    report_no, title_no = next(p), next(p)
    rows += [[], [Line("BÁO CÁO", "bold", PAGE_W / 2, "center", report_no)]]
    for line in balanced_wrap(r.title, font("bold"), 140 * MM):
        rows.append([Line(line, "bold", PAGE_W / 2, "center", title_no)])
    return rows + [[]], title_no + 1


@dataclass
class Layout:
    """Pages of rows, plus for every block its gold paragraph id."""

    pages: list[list[Row]]
    block_para: list[int]


def block_rows(b: Block, para: int, toc_pages: dict[str, int]) -> list[Row]:
    """The rows of one body block."""
    if b.kind == "toc":  # a short dot leader, as long ones garble Tesseract's reading
        page = toc_pages.get(b.text.split(" ")[0], 0)
        return [[Line(f"{b.text} .......... {page}", "regular", LEFT, "left", para)]]
    if b.kind == "center":  # a blank row above it
        return [[], [Line(b.text, "bold", PAGE_W / 2, "center", para)]]
    style = "regular" if b.kind == "para" else "bold" if b.level <= 2 else "italic"
    return paragraph_rows(b.text, style, para)


def lay_out(r: Report, blocks: list[Block], toc_pages: dict[str, int]) -> Layout:
    """Place the title block, body and signature on pages.

    Headings (and a run of headings) stay on the page of the first line that follows them;
    paragraphs split wherever the page is full.
    """
    rows, para = title_rows(r)
    pages: list[list[Row]] = [rows]
    block_para = list(range(para, para + len(blocks)))
    body = [block_rows(b, p, toc_pages) for b, p in zip(blocks, block_para, strict=True)]

    keep = 0  # rows that must go on the current page together
    for i, rows in enumerate(body):
        if not keep:
            j = i
            while j < len(blocks) - 1 and blocks[j].kind in ("heading", "center"):
                j += 1
            keep = sum(len(x) for x in body[i:j]) + 1
            if ROWS - len(pages[-1]) < keep:
                pages.append([])
        for row in rows:
            if len(pages[-1]) == ROWS:
                pages.append([])
            pages[-1].append(row)
            keep = max(keep - 1, 0)

    para = block_para[-1] + 1
    sig: list[Row] = [[]]
    for k, text in enumerate(r.signature):
        sig += [[]] * 3 if k == len(r.signature) - 1 else []  # room for the signature
        sig.append([Line(text, "bold", RIGHT - 40 * MM, "center", para + k)])
    if ROWS - len(pages[-1]) < len(sig):
        pages.append([])
    pages[-1] += sig
    return Layout(pages, block_para)


def first_pages(lay: Layout) -> dict[int, int]:
    """Paragraph id -> page of its first line."""
    first: dict[int, int] = {}
    for n, rows in enumerate(lay.pages, start=1):
        for row in rows:
            for ln in row:
                first.setdefault(ln.para, n)
    return first


def heading_pages(blocks: list[Block], lay: Layout) -> dict[str, int]:
    """Page of each part heading by its numeral ("II." -> 2), for the contents lines."""
    first = first_pages(lay)
    return {
        b.text.split(" ")[0]: first[lay.block_para[i]]
        for i, b in enumerate(blocks)
        if b.kind == "heading" and b.level == 1
    }


# --- rendering -----------------------------------------------------------------------------


def running_header(r: Report) -> str:
    """Small header on pages 2+: "Báo cáo số 412/BC-SCT ngày 15/12/2023"."""
    d, m, y = re.findall(r"\d+", r.place_date)
    return f"Báo cáo số {r.number} ngày {int(d):02d}/{int(m):02d}/{y}"


def draw_line(draw: ImageDraw.ImageDraw, ln: Line, y: int) -> None:
    """Draw one placed line. A leading Roman numeral gets a little letter spacing: DejaVu
    Serif's slab serifs join "III." into a blob that Tesseract reads as "II." or "IH."."""
    fnt, x, text = font(ln.font, ln.pt), ln.x, ln.text
    numeral = re.match(r"[IVX]+\.(?= )", text) if ln.align in ("left", "justify") else None
    if numeral:
        for i, ch in enumerate(numeral.group()):
            x += NUMERAL_TRACKING if i else 0
            draw.text((round(x), y), ch, font=fnt, fill=0, anchor="ls")
            x += fnt.getlength(ch)
        text = text[numeral.end() :]  # " rest of the heading"
    if ln.align == "justify":
        draw_justified(draw, fnt, x, y, text, RIGHT - x)
        return
    anchor = {"left": "ls", "center": "ms", "right": "rs"}[ln.align]
    draw.text((round(x), y), text, font=fnt, fill=0, anchor=anchor)
    if ln.underline:
        half = fnt.getlength(text) * 0.3
        draw.line((x - half, y + 22, x + half, y + 22), fill=0, width=3)


def render_page(r: Report, rows: list[Row], n: int) -> Image.Image:
    """Typeset one page on white A4 at 300 DPI (greyscale)."""
    img = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(img)
    if n > 1:
        small = font("italic", HEADER_PT)
        y = round(16 * MM)
        draw.text((PAGE_W / 2, y), running_header(r), font=small, fill=0, anchor="ms")
        draw.line((LEFT, y + 20, RIGHT, y + 20), fill=0, width=2)
    for k, row in enumerate(rows):
        for ln in row:
            draw_line(draw, ln, TOP + k * STEP)
    y = PAGE_H - round(20 * MM)
    draw.text((PAGE_W // 2, y), str(n), font=font("regular"), fill=0, anchor="ms")
    return img


def scan_pdf(jpegs: list[bytes]) -> bytes:
    """Image-only PDF: one full-page 300 DPI JPEG per page, no text layer."""
    pdf = new_pdf()
    pdf.set_creator("baocao samples/make_reports.py")
    for data in jpegs:
        pdf.add_page()
        pdf.image(io.BytesIO(data), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


# --- gold ----------------------------------------------------------------------------------


def gold(r: Report, blocks: list[Block], lay: Layout) -> dict:
    """Page texts, sections and items, all read off the layout that was rendered."""
    texts, page_of, row_pages = [], first_pages(lay), []
    for n, rows in enumerate(lay.pages, start=1):
        paras: dict[int, list[str]] = {}
        for row in rows:
            for ln in row:
                paras.setdefault(ln.para, []).append(ln.text)
            row_pages.append((n, {ln.para for ln in row}))
        texts.append("\n".join(" ".join(paras[p]) for p in sorted(paras)))

    def last_page_before(para: int) -> int:
        """Page of the last non-empty row before the first row of paragraph `para`."""
        prev = 1
        for n, ids in row_pages:
            if para in ids:
                return prev
            prev = n if ids else prev
        raise AssertionError(para)

    # the title line "BÁO CÁO" heads the outline, as an act's title line does (level 1, the
    # whole report); the headings sit under it
    sections = [{"heading": "BÁO CÁO", "kind": "other", "level": 1, "page_start": 1,
                 "page_end": len(lay.pages)}]
    items, heading, enum = [], None, None
    heads = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading"]
    for k, (i, b) in enumerate(heads):
        nxt = next((j for j, h in heads[k + 1 :] if h.level <= b.level), None)
        end = len(lay.pages) if nxt is None else last_page_before(lay.block_para[nxt])
        start = page_of[lay.block_para[i]]
        sections.append(
            {
                "heading": b.text,
                "kind": b.section_kind,
                "level": b.level + 1,
                "page_start": start,
                "page_end": end,
            }
        )
        # a numbered paragraph of running text under it is a point of it: run in, headed by
        # its first printed line, of its kind, one level down, as long as its paragraph
        following = heads[k + 1][0] if k + 1 < len(heads) else len(blocks)
        for j in range(i + 1, following):
            para = lay.block_para[j]
            if blocks[j].kind == "para" and any(
                    re.match(rx + " ", blocks[j].text) for rx in SCHEMES.values()):
                first = next(" ".join(ln.text for ln in row if ln.para == para)
                             for rows in lay.pages for row in rows
                             if any(ln.para == para for ln in row))
                pages = [n for n, ids in row_pages if para in ids]
                sections.append({"heading": first, "kind": b.section_kind,
                                 "level": b.level + 2, "page_start": pages[0],
                                 "page_end": pages[-1]})
    for i, b in enumerate(blocks):
        m = marker(b.text) if b.kind == "para" else None
        if b.kind == "heading":
            heading, enum = b.text, None
        elif m in ("Thứ nhất", "Một là"):
            enum = len(items)
        elif m is None:
            enum = None
        if m:
            parent = enum if m in ("-", "+") else None
            page = page_of[lay.block_para[i]]
            items.append(
                {"section": heading, "marker": m, "text": b.text, "page": page, "parent": parent}
            )
    return {
        "file": f"{r.stem}.pdf",
        "n_pages": len(lay.pages),
        "text": texts,
        "sections": sections,
        "items": items,
        "metadata": {
            "province": r.province, "province_2025": r.province_2025, "issuer": r.issuer,
            "title": r.title, "doc_number": r.number, "doc_date": r.date, "period": r.period,
            "year_start": r.years[0], "year_end": r.years[1],
        },
    }


def settled_layout(r: Report, blocks: list[Block]) -> Layout:
    """Lay out until the contents lines carry the final page numbers."""
    toc: dict[str, int] = {}
    lay = lay_out(r, blocks, toc)
    while heading_pages(blocks, lay) != toc:
        toc = heading_pages(blocks, lay)
        lay = lay_out(r, blocks, toc)
    return lay


def build(r: Report) -> tuple[bytes, dict]:
    """Lay out, render, make gold."""
    blocks = parse(r.body)
    lay = settled_layout(r, blocks)
    data = gold(r, blocks, lay)
    assert 3 <= data["n_pages"] <= 4, f"{r.stem}: {data['n_pages']} pages"
    last = {ln.para for row in lay.pages[-1] for ln in row}
    assert last & set(lay.block_para), f"{r.stem}: the last page holds only the signature"
    rng = np.random.default_rng(r.rng_seed)
    jpegs = []
    for n, rows in enumerate(lay.pages, start=1):
        skew = round(float(rng.uniform(-0.7, 0.7)), 2)
        jpegs.append(jpeg_bytes(simulate_scan(render_page(r, rows, n), skew, r.rng_seed + n)))
    return scan_pdf(jpegs), data


def check_text(reports: list[Report]) -> None:
    """Fail loudly on text not in NFC (the gold is NFC) or a glyph missing from a font."""
    text = "".join(r.title + r.place_date + "".join(r.agency + r.signature) for r in reports)
    assert text == nfc(text), "title block or signature not in NFC"
    text += "".join(nfc(r.body) for r in reports)
    for path in FONTS.values():
        cmap = TTFont(path).getBestCmap()
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
        assert not missing, f"{path} has no glyph for {''.join(missing)}"


def main() -> None:
    """Render the six reports and write their gold; with --gold-only, lay them out and write
    the gold alone (the PDFs are left as they are)."""
    check_text(REPORTS)
    (OUT / "gold").mkdir(parents=True, exist_ok=True)
    for r in REPORTS:
        if "--gold-only" in sys.argv:
            data = gold(r, parse(r.body), settled_layout(r, parse(r.body)))
            text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
            (OUT / "gold" / f"{r.stem}.json").write_text(text, encoding="utf-8")
            continue
        pdf, data = build(r)
        assert len(pdf) < 2_500_000, f"{r.stem}: {len(pdf)} bytes"
        (OUT / f"{r.stem}.pdf").write_bytes(pdf)
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        (OUT / "gold" / f"{r.stem}.json").write_text(text, encoding="utf-8")
        print(f"{r.stem}.pdf: {data['n_pages']} pages, {len(pdf) / 1024:.0f} KiB")


# --- the reports ---------------------------------------------------------------------------

REPORTS = [
    Report(
        stem="report_1_bac_giang",
        agency=("UBND TỈNH BẮC GIANG", "SỞ CÔNG THƯƠNG"),
        number="412/BC-SCT",
        place_date="Bắc Giang, ngày 15 tháng 12 năm 2023",
        title=(
            "Kết quả thực hiện Chương trình khuyến công năm 2023 và phương hướng, nhiệm vụ năm 2024"
        ),
        signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thắng"),
        stacked=False,
        rng_seed=101,
        province="Bắc Giang",
        province_2025="Bắc Ninh",
        issuer="Sở Công Thương",
        date="2023-12-15",
        period="năm 2023",
        years=(2023, 2023),
        body="""
Thực hiện Nghị định số 45/2012/NĐ-CP ngày 21/5/2012 của Chính phủ về khuyến công; Quyết định số
1881/QĐ-TTg ngày 24/11/2020 của Thủ tướng Chính phủ phê duyệt Chương trình khuyến công quốc gia
giai đoạn 2021-2025; Kế hoạch số 36/KH-UBND ngày 20/02/2023 của UBND tỉnh Bắc Giang về khuyến
công năm 2023, Sở Công Thương báo cáo kết quả thực hiện Chương trình khuyến công năm 2023 và
phương hướng, nhiệm vụ năm 2024 như sau:

^ MỤC LỤC

~ I. Kết quả thực hiện năm 2023

~ II. Tồn tại, hạn chế và nguyên nhân

~ III. Bài học kinh nghiệm

~ IV. Phương hướng, nhiệm vụ năm 2024

~ V. Đề xuất, kiến nghị

@achievements I. KẾT QUẢ THỰC HIỆN NĂM 2023

@other 1. Công tác chỉ đạo, điều hành và tuyên truyền

Ngay từ đầu năm, Sở Công Thương đã tham mưu UBND tỉnh ban hành kế hoạch khuyến công năm 2023 với
tổng kinh phí 6.850 triệu đồng, trong đó kinh phí khuyến công quốc gia là 2.100 triệu đồng, kinh
phí khuyến công địa phương là 4.750 triệu đồng. Trung tâm Khuyến công và Tư vấn phát triển công
nghiệp đã phối hợp với UBND các huyện, thị xã, thành phố rà soát nhu cầu, hướng dẫn các cơ sở
công nghiệp nông thôn xây dựng hồ sơ đề án theo đúng quy định.

Công tác thông tin, tuyên truyền được đẩy mạnh với nhiều hình thức phong phú: phát sóng 12
chuyên mục “Khuyến công Bắc Giang” trên Đài Phát thanh và Truyền hình tỉnh; đăng tải 48 tin, bài
trên Cổng thông tin điện tử của Sở; in và phát hành 1.500 cuốn bản tin khuyến công đến các xã,
phường, thị trấn và các cơ sở công nghiệp nông thôn trên địa bàn tỉnh.

@achievements 2. Kết quả thực hiện các đề án khuyến công

Năm 2023, toàn tỉnh đã triển khai 35 đề án khuyến công, đạt 106% kế hoạch năm, với tổng kinh phí
hỗ trợ là 6.420 triệu đồng, giải ngân đạt 93,7% kế hoạch vốn được giao. Các đề án được triển
khai theo 02 nội dung chính là: 1. Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất; 2.
Hỗ trợ phát triển sản phẩm công nghiệp nông thôn tiêu biểu và xúc tiến thương mại. Kết quả cụ
thể như sau:

@other (1) Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến

Hỗ trợ 18 cơ sở công nghiệp nông thôn ứng dụng máy móc, thiết bị tiên tiến vào sản xuất với tổng
kinh phí hỗ trợ là 3.240 triệu đồng, thu hút vốn đối ứng của các cơ sở trên 28,6 tỷ đồng. Các đề
án tập trung vào các ngành chế biến nông sản, thực phẩm, sản xuất đồ gỗ, cơ khí và vật liệu xây
dựng, góp phần nâng cao năng suất lao động, chất lượng sản phẩm và tạo việc làm ổn định cho 420
lao động, trong đó:

- Lĩnh vực chế biến nông sản, thực phẩm: 9 đề án, kinh phí hỗ trợ 1.620 triệu đồng, tập trung
tại các huyện Lục Ngạn, Lục Nam và Yên Thế;

- Lĩnh vực sản xuất đồ gỗ, mây tre đan: 5 đề án, kinh phí hỗ trợ 920 triệu đồng;

- Lĩnh vực cơ khí, vật liệu xây dựng: 4 đề án, kinh phí hỗ trợ 700 triệu đồng.

@other (2) Hỗ trợ phát triển sản phẩm công nghiệp nông thôn tiêu biểu

Tổ chức thành công Hội nghị bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2023
với 86 sản phẩm của 52 cơ sở tham gia, trong đó có 38 sản phẩm được công nhận và 12 sản phẩm
được lựa chọn tham gia bình chọn cấp khu vực, kinh phí thực hiện là 450 triệu đồng. Hỗ trợ 14 cơ
sở tham gia hội chợ, triển lãm trong và ngoài tỉnh để giới thiệu, quảng bá sản phẩm, qua đó ký
kết được nhiều hợp đồng tiêu thụ với giá trị khoảng 3,2 tỷ đồng.

@other (3) Hỗ trợ xây dựng mô hình trình diễn và đào tạo nghề

Hỗ trợ xây dựng 02 mô hình trình diễn kỹ thuật về chế biến vải thiều sấy khô và sản xuất gạch
không nung với kinh phí 1.150 triệu đồng; tổ chức 06 lớp đào tạo nghề, truyền nghề cho 210 học
viên, trong đó 85% học viên có việc làm ổn định sau khi kết thúc khóa học.

@other 3. Đánh giá chung

Hoạt động khuyến công năm 2023 cơ bản hoàn thành các chỉ tiêu kế hoạch đề ra. Kinh phí khuyến
công tuy không lớn nhưng đã phát huy vai trò “vốn mồi”, khuyến khích các cơ sở mạnh dạn đầu tư
đổi mới công nghệ, mở rộng sản xuất; giá trị sản xuất công nghiệp nông thôn năm 2023 ước đạt
15.600 tỷ đồng, tăng 8,4% so với năm 2022.

@difficulties II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN

@difficulties 1. Tồn tại, hạn chế

- Nguồn kinh phí khuyến công còn hạn chế so với nhu cầu thực tế của các cơ sở công nghiệp nông
thôn; mức hỗ trợ cho mỗi đề án chưa đủ sức thu hút các doanh nghiệp có quy mô lớn tham gia.

- Một số đề án ứng dụng máy móc, thiết bị triển khai chậm, phải điều chỉnh thời gian thực hiện;
tiến độ giải ngân có thời điểm chưa đáp ứng yêu cầu.

- Công tác theo dõi, đánh giá hiệu quả sau hỗ trợ của các đề án chưa được thực hiện thường
xuyên.

@causes 2. Nguyên nhân

Giá nguyên vật liệu đầu vào tăng cao, thị trường tiêu thụ thu hẹp khiến nhiều cơ sở gặp khó khăn
về tài chính, không đủ vốn đối ứng để thực hiện đề án. Bên cạnh đó, đội ngũ cán bộ làm công tác
khuyến công cấp huyện còn mỏng, chủ yếu làm việc kiêm nhiệm nên chưa dành nhiều thời gian cho
việc hướng dẫn, theo dõi các cơ sở.

@lessons III. BÀI HỌC KINH NGHIỆM

Thứ nhất: Làm tốt công tác khảo sát, lựa chọn đối tượng thụ hưởng

- Bám sát định hướng phát triển kinh tế - xã hội của tỉnh và từng địa phương để lựa chọn các đề
án có tính lan tỏa, ưu tiên các cơ sở có sản phẩm chủ lực, sản phẩm có thị trường tiêu thụ ổn
định.

- Phối hợp chặt chẽ với UBND cấp huyện, cấp xã trong việc giới thiệu, thẩm định năng lực của cơ
sở trước khi đưa vào kế hoạch.

Thứ hai: Nâng cao chất lượng xây dựng và thẩm định đề án

- Hướng dẫn cơ sở hoàn thiện hồ sơ ngay từ khâu đăng ký, tránh phải điều chỉnh nhiều lần trong
quá trình thực hiện.

- Thẩm định kỹ về công nghệ, thiết bị và khả năng đối ứng vốn của cơ sở.

Thứ ba: Tăng cường công tác kiểm tra, giám sát việc thực hiện đề án, kịp thời tháo gỡ khó khăn,
vướng mắc cho các cơ sở và thực hiện nghiệm thu, thanh quyết toán đúng quy định.

@plans IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024

@plans 1. Mục tiêu

Phấn đấu năm 2024 triển khai khoảng 38 đề án khuyến công với tổng kinh phí dự kiến 7,2 tỷ đồng;
hỗ trợ 20 cơ sở ứng dụng máy móc, thiết bị tiên tiến; tổ chức bình chọn sản phẩm công nghiệp
nông thôn tiêu biểu cấp tỉnh và hỗ trợ 15 cơ sở tham gia hội chợ, triển lãm.

@plans 2. Nhiệm vụ và giải pháp chủ yếu

- Tiếp tục tuyên truyền sâu rộng các chính sách khuyến công đến các cơ sở công nghiệp nông thôn;
đổi mới nội dung, hình thức tuyên truyền trên các nền tảng số.

- Tập trung hỗ trợ các cơ sở sản xuất sản phẩm chủ lực của tỉnh như chế biến vải thiều, gà đồi
Yên Thế, mỳ Chũ và các sản phẩm đồ gỗ mỹ nghệ.

- Nâng cao năng lực cho đội ngũ cán bộ làm công tác khuyến công, nhất là cán bộ cấp huyện, cấp
xã.

@recommendations V. ĐỀ XUẤT, KIẾN NGHỊ

- Đề nghị Bộ Công Thương tiếp tục quan tâm, bố trí kinh phí khuyến công quốc gia cho tỉnh Bắc
Giang năm 2024 khoảng 2.500 triệu đồng để hỗ trợ các đề án điểm.

- Đề nghị UBND tỉnh xem xét nâng mức hỗ trợ tối đa cho các đề án ứng dụng máy móc, thiết bị lên
500 triệu đồng/đề án cho phù hợp với tình hình thực tế.

Trên đây là báo cáo kết quả thực hiện Chương trình khuyến công năm 2023 và phương hướng, nhiệm
vụ năm 2024 của Sở Công Thương tỉnh Bắc Giang./.
""",
    ),
    Report(
        stem="report_2_thai_binh",
        agency=("ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH"),
        number="187/BC-UBND",
        place_date="Thái Bình, ngày 26 tháng 10 năm 2020",
        title=(
            "Tổng kết Chương trình khuyến công giai đoạn 2016-2020 và phương hướng, nhiệm vụ "
            "giai đoạn 2021-2025"
        ),
        signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Minh Tuấn"),
        stacked=True,
        rng_seed=202,
        province="Thái Bình",
        province_2025="Hưng Yên",
        issuer="Ủy ban nhân dân tỉnh Thái Bình",
        date="2020-10-26",
        period="giai đoạn 2016-2020",
        years=(2016, 2020),
        body="""
Thực hiện Công văn số 5236/BCT-CTĐP ngày 15/7/2020 của Bộ Công Thương về việc tổng kết Chương
trình khuyến công giai đoạn 2016-2020, UBND tỉnh Thái Bình báo cáo kết quả thực hiện như sau:

@achievements I. Kết quả thực hiện Chương trình khuyến công giai đoạn 2016-2020

@other 1. Công tác ban hành cơ chế, chính sách

Trên cơ sở Nghị định số 45/2012/NĐ-CP của Chính phủ và Quyết định số 1288/QĐ-TTg ngày 01/8/2014
của Thủ tướng Chính phủ, UBND tỉnh đã ban hành Chương trình khuyến công tỉnh Thái Bình giai đoạn
2016-2020 và Quy định quản lý, sử dụng kinh phí khuyến công địa phương. Hằng năm, Sở Công Thương
chủ động xây dựng kế hoạch, hướng dẫn các huyện, thành phố đăng ký đề án, bảo đảm hoạt động
khuyến công được triển khai đồng bộ, đúng đối tượng.

@achievements 2. Kết quả thực hiện các nội dung hỗ trợ cơ sở công nghiệp nông thôn ứng dụng máy
móc, thiết bị và chuyển giao công nghệ

Giai đoạn 2016-2020, tổng kinh phí khuyến công thực hiện trên địa bàn tỉnh là 38,5 tỷ đồng,
trong đó kinh phí khuyến công quốc gia 12,8 tỷ đồng, kinh phí khuyến công địa phương 25,7 tỷ
đồng; đã hỗ trợ 164 đề án, thu hút vốn đối ứng của các cơ sở trên 420 tỷ đồng. Kết quả nổi bật
như sau:

- Hỗ trợ 96 cơ sở ứng dụng máy móc, thiết bị tiên tiến vào sản xuất với kinh phí 21,6 tỷ đồng,
tập trung vào các ngành dệt may, chế biến nông sản, cơ khí và sản xuất hàng thủ công mỹ nghệ;

- Hỗ trợ xây dựng 08 mô hình trình diễn kỹ thuật với kinh phí 4,2 tỷ đồng;

- Tổ chức 42 lớp đào tạo nghề cho 1.260 lao động, trên 80% học viên có việc làm sau đào tạo;

- Hỗ trợ đầu tư hạ tầng kỹ thuật cho 05 cụm công nghiệp với kinh phí 3,5 tỷ đồng.

@other 3. Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu

Tỉnh đã tổ chức 03 kỳ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh vào các năm
2016, 2018 và 2020 với 312 sản phẩm tham gia, trong đó 145 sản phẩm được công nhận cấp tỉnh, 38
sản phẩm đạt giải cấp khu vực và 07 sản phẩm được công nhận cấp quốc gia. Nhiều sản phẩm như
chiếu cói Hới, bánh cáy làng Nguyễn, chạm bạc Đồng Xâm đã khẳng định được thương hiệu trên thị
trường trong nước và xuất khẩu.

@difficulties II. Những tồn tại, hạn chế

Một là, kinh phí khuyến công còn thấp so với nhu cầu; bình quân mỗi năm chỉ đáp ứng được khoảng
45% số đề án do các cơ sở đăng ký, mức hỗ trợ cho từng đề án còn nhỏ nên chưa tạo được sức lan
tỏa mạnh.

Hai là, các đề án chủ yếu tập trung vào hỗ trợ máy móc, thiết bị; các nội dung tư vấn, hỗ trợ
liên kết sản xuất và phát triển thương hiệu chưa được quan tâm đúng mức.

Ba là, một số cơ sở sau khi được hỗ trợ chưa duy trì, phát huy được hiệu quả đầu tư; thị trường
tiêu thụ sản phẩm thiếu ổn định, nhất là trong năm 2020 do ảnh hưởng của dịch Covid-19.

@causes III. Nguyên nhân của những tồn tại, hạn chế

Phần lớn các cơ sở công nghiệp nông thôn có quy mô nhỏ, năng lực tài chính và quản trị hạn chế
nên khó đáp ứng điều kiện về vốn đối ứng. Nguồn ngân sách địa phương còn nhiều khó khăn, trong
khi lực lượng cán bộ làm công tác khuyến công ở cấp huyện, cấp xã còn thiếu, chủ yếu kiêm nhiệm
và chưa được đào tạo chuyên sâu.

@plans IV. Phương hướng, nhiệm vụ giai đoạn 2021-2025

@plans 1. Mục tiêu

Phấn đấu giai đoạn 2021-2025 hỗ trợ khoảng 180 đề án khuyến công với tổng kinh phí dự kiến 45 tỷ
đồng; tốc độ tăng giá trị sản xuất công nghiệp nông thôn bình quân đạt 9 - 10%/năm; tạo việc làm
mới cho khoảng 3.000 lao động.

@plans 2. Nhiệm vụ trọng tâm

- Tiếp tục hỗ trợ các cơ sở ứng dụng máy móc, thiết bị tiên tiến, ưu tiên các ngành nghề truyền
thống và sản phẩm có lợi thế của tỉnh;

- Đẩy mạnh hỗ trợ xây dựng thương hiệu, phát triển thị trường và xúc tiến thương mại cho các sản
phẩm công nghiệp nông thôn tiêu biểu;

- Hỗ trợ đầu tư hạ tầng các cụm công nghiệp, thu hút các cơ sở sản xuất vào hoạt động theo quy
hoạch.

@solutions 3. Giải pháp thực hiện

Tăng cường sự phối hợp giữa Sở Công Thương với các sở, ngành và UBND các huyện, thành phố trong
việc lựa chọn, thẩm định và giám sát đề án; đa dạng hóa nguồn lực, lồng ghép kinh phí khuyến
công với các chương trình xây dựng nông thôn mới, Chương trình mỗi xã một sản phẩm để nâng cao
hiệu quả hỗ trợ.

@recommendations V. Kiến nghị, đề xuất

Đề nghị Bộ Công Thương tăng mức phân bổ kinh phí khuyến công quốc gia cho tỉnh Thái Bình giai
đoạn 2021-2025, ưu tiên các đề án điểm có tính lan tỏa; sớm trình Chính phủ sửa đổi, bổ sung
Nghị định số 45/2012/NĐ-CP cho phù hợp với tình hình thực tế.

Trên đây là báo cáo tổng kết thực hiện Chương trình khuyến công giai đoạn 2016-2020 của UBND
tỉnh Thái Bình, kính gửi Bộ Công Thương tổng hợp./.
""",
    ),
    Report(
        stem="report_3_nghe_an",
        agency=("UBND TỈNH NGHỆ AN", "SỞ CÔNG THƯƠNG"),
        number="1856/BC-SCT",
        place_date="Nghệ An, ngày 28 tháng 11 năm 2022",
        title=(
            "Kết quả thực hiện Chương trình quốc gia về sử dụng năng lượng tiết kiệm và hiệu "
            "quả trên địa bàn tỉnh Nghệ An năm 2022"
        ),
        signature=("GIÁM ĐỐC", "Hồ Sỹ Lâm"),
        stacked=False,
        rng_seed=303,
        province="Nghệ An",
        province_2025="Nghệ An",
        issuer="Sở Công Thương",
        date="2022-11-28",
        period="năm 2022",
        years=(2022, 2022),
        body="""
Thực hiện Luật Sử dụng năng lượng tiết kiệm và hiệu quả năm 2010; Quyết định số 280/QĐ-TTg ngày
13/3/2019 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia về sử dụng năng lượng tiết
kiệm và hiệu quả giai đoạn 2019-2030; Kế hoạch số 112/KH-UBND ngày 25/02/2022 của UBND tỉnh Nghệ
An, Sở Công Thương báo cáo kết quả thực hiện năm 2022 như sau:

@achievements I. KẾT QUẢ ĐẠT ĐƯỢC

@other 1. Công tác tuyên truyền, nâng cao nhận thức

Sở Công Thương đã phối hợp với Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh xây dựng 10
chuyên mục, 36 tin, bài về sử dụng năng lượng tiết kiệm và hiệu quả; tổ chức 04 hội nghị tập
huấn cho 320 lượt cán bộ quản lý, kỹ thuật của các doanh nghiệp; phát hành 2.000 tờ rơi, sổ tay
hướng dẫn tiết kiệm điện đến các hộ gia đình, trường học và công sở.

@other 2. Quản lý các cơ sở sử dụng năng lượng trọng điểm

Năm 2022, trên địa bàn tỉnh có 42 cơ sở sử dụng năng lượng trọng điểm, tăng 05 cơ sở so với năm
2021. Sở đã hướng dẫn các cơ sở xây dựng kế hoạch sử dụng năng lượng hằng năm và báo cáo thực
hiện theo quy định; đến nay đã có 38 cơ sở nộp báo cáo, đạt 90,5%. Qua kiểm tra, 29 cơ sở đã
thực hiện kiểm toán năng lượng bắt buộc, 24 cơ sở đã bố trí người quản lý năng lượng có chứng
chỉ.

@other 3. Hỗ trợ kiểm toán năng lượng, xây dựng mô hình quản lý năng lượng và chuyển đổi thị
trường cho các sản phẩm, thiết bị tiết kiệm năng lượng

Từ nguồn kinh phí của Chương trình, Sở Công Thương đã hỗ trợ 06 doanh nghiệp thực hiện kiểm toán
năng lượng với kinh phí 540 triệu đồng; hỗ trợ 02 doanh nghiệp xây dựng hệ thống quản lý năng
lượng theo tiêu chuẩn ISO 50001 với kinh phí 380 triệu đồng. Kết quả kiểm toán cho thấy tiềm
năng tiết kiệm năng lượng của các doanh nghiệp từ 8% đến 15%, tương đương khoảng 4,6 triệu kWh
điện mỗi năm.

Bên cạnh đó, Sở đã phối hợp với Công ty Điện lực Nghệ An vận động các hộ gia đình thay thế
12.500 bóng đèn sợi đốt bằng đèn LED, lắp đặt 350 hệ thống đun nước nóng bằng năng lượng mặt
trời. Tổng sản lượng điện tiết kiệm được năm 2022 ước đạt 98,4 triệu kWh, tương đương 2,31% tổng
điện thương phẩm, vượt chỉ tiêu 2% do UBND tỉnh giao.

@other 4. Kiểm tra việc dán nhãn năng lượng và áp dụng hiệu suất năng lượng tối thiểu

Sở đã phối hợp với Cục Quản lý thị trường tỉnh kiểm tra 85 cửa hàng kinh doanh thiết bị điện,
điện tử tại thành phố Vinh, thị xã Cửa Lò và các huyện Diễn Châu, Quỳnh Lưu; qua kiểm tra đã
phát hiện 07 cơ sở kinh doanh sản phẩm không dán nhãn năng lượng theo quy định, xử phạt vi phạm
hành chính với tổng số tiền 42 triệu đồng. Tỷ lệ sản phẩm thuộc danh mục bắt buộc được dán nhãn
năng lượng trên thị trường đạt khoảng 92%.

@difficulties II. KHÓ KHĂN, VƯỚNG MẮC

Bên cạnh những kết quả đạt được, việc thực hiện Chương trình năm 2022 còn gặp một số khó khăn,
vướng mắc chủ yếu sau:

Thứ nhất: Nhận thức của một bộ phận doanh nghiệp về sử dụng năng lượng tiết kiệm chưa đầy đủ

- Nhiều doanh nghiệp vẫn coi kiểm toán năng lượng là thủ tục hành chính, chưa quan tâm thực hiện
các giải pháp được đề xuất sau kiểm toán;

- Một số cơ sở sử dụng năng lượng trọng điểm chưa chấp hành nghiêm chế độ báo cáo, chưa bố trí
người quản lý năng lượng theo quy định.

Thứ hai: Nguồn lực thực hiện Chương trình còn hạn chế

- Kinh phí bố trí cho Chương trình năm 2022 chỉ đạt 1.200 triệu đồng, bằng 60% nhu cầu;

- Chưa có cán bộ chuyên trách về tiết kiệm năng lượng tại Sở và các huyện, thị xã, thành phố;

- Giá các thiết bị tiết kiệm năng lượng như máy biến tần, động cơ hiệu suất cao, hệ thống điện
mặt trời áp mái còn cao so với khả năng tài chính của doanh nghiệp nhỏ và vừa, trong khi các
ngân hàng thương mại chưa có gói tín dụng ưu đãi riêng cho các dự án tiết kiệm năng lượng.

Thứ ba: Chế tài xử lý vi phạm trong lĩnh vực sử dụng năng lượng tiết kiệm và hiệu quả chưa đủ
sức răn đe, mức xử phạt còn thấp so với chi phí đầu tư cải tạo, thay thế thiết bị.

@solutions III. GIẢI PHÁP VÀ KIẾN NGHỊ

@solutions 1. Giải pháp

- Tiếp tục đẩy mạnh công tác tuyên truyền, phổ biến các mô hình tiết kiệm năng lượng hiệu quả,
nhân rộng các điển hình trong doanh nghiệp và cộng đồng;

- Tăng cường kiểm tra việc chấp hành quy định của các cơ sở sử dụng năng lượng trọng điểm; kiên
quyết xử lý các trường hợp vi phạm;

- Lồng ghép nội dung tiết kiệm năng lượng vào Chương trình khuyến công, ưu tiên hỗ trợ các đề án
ứng dụng thiết bị có hiệu suất năng lượng cao.

@recommendations 2. Kiến nghị

- Đề nghị Bộ Công Thương sớm ban hành định mức tiêu hao năng lượng cho các ngành chế biến gỗ,
sản xuất vật liệu xây dựng và chế biến thực phẩm;

- Đề nghị UBND tỉnh bố trí kinh phí thực hiện Chương trình năm 2023 là 2.000 triệu đồng để hỗ
trợ kiểm toán năng lượng cho 10 doanh nghiệp.

Trên đây là báo cáo kết quả thực hiện Chương trình quốc gia về sử dụng năng lượng tiết kiệm và
hiệu quả năm 2022 của Sở Công Thương Nghệ An./.
""",
    ),
    Report(
        stem="report_4_quang_nam",
        agency=("UBND TỈNH QUẢNG NAM", "SỞ CÔNG THƯƠNG"),
        number="95/BC-SCT",
        place_date="Quảng Nam, ngày 22 tháng 3 năm 2024",
        title=(
            "Sơ kết 03 năm thực hiện Chương trình khuyến công tỉnh Quảng Nam giai đoạn 2021-2025"
        ),
        signature=("GIÁM ĐỐC", "Lê Thị Thu Hà"),
        stacked=False,
        rng_seed=404,
        province="Quảng Nam",
        province_2025="Đà Nẵng",
        issuer="Sở Công Thương",
        date="2024-03-22",
        period="03 năm thực hiện giai đoạn 2021-2025",
        years=(2021, 2023),
        body="""
^ MỤC LỤC

~ I. Kết quả thực hiện giai đoạn 2021-2023

~ II. Những hạn chế, vướng mắc

~ III. Bài học kinh nghiệm

~ IV. Nhiệm vụ, giải pháp giai đoạn 2024-2025

~ V. Kiến nghị

Thực hiện Quyết định số 1881/QĐ-TTg ngày 24/11/2020 của Thủ tướng Chính phủ phê duyệt Chương
trình khuyến công quốc gia giai đoạn 2021-2025; Quyết định số 2154/QĐ-UBND ngày 12/8/2021 của
UBND tỉnh Quảng Nam ban hành Chương trình khuyến công tỉnh Quảng Nam giai đoạn 2021-2025, Sở
Công Thương báo cáo sơ kết 03 năm thực hiện như sau:

@achievements I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2023

@other 1. Công tác ban hành văn bản, chỉ đạo, điều hành

Sở Công Thương đã tham mưu UBND tỉnh trình HĐND tỉnh ban hành Nghị quyết quy định nội dung, mức
chi hỗ trợ cho hoạt động khuyến công trên địa bàn tỉnh; hằng năm ban hành kế hoạch khuyến công
và hướng dẫn các địa phương triển khai thực hiện. Trung tâm Khuyến công và Tư vấn phát triển
công nghiệp Quảng Nam đã phối hợp chặt chẽ với UBND các huyện, thị xã, thành phố trong việc khảo
sát, lựa chọn cơ sở thụ hưởng.

@achievements 2. Kết quả thực hiện các nội dung khuyến công

Trong 03 năm 2021-2023, tổng kinh phí khuyến công đã thực hiện là 27,4 tỷ đồng, trong đó kinh
phí khuyến công quốc gia 8,6 tỷ đồng, kinh phí khuyến công địa phương 18,8 tỷ đồng; đã hỗ trợ
112 đề án, đạt 62% mục tiêu của cả giai đoạn. Kết quả thực hiện từng nội dung như sau:

@other a) Về đào tạo nghề, truyền nghề và nâng cao năng lực quản lý cho các cơ sở công nghiệp
nông thôn ở khu vực miền núi

Tổ chức 18 lớp đào tạo nghề, truyền nghề mây tre đan, dệt thổ cẩm, chế biến dược liệu cho 540
học viên là người đồng bào dân tộc thiểu số tại các huyện Nam Trà My, Tây Giang, Đông Giang và
Phước Sơn, kinh phí 1.620 triệu đồng; tổ chức 06 khóa tập huấn nâng cao năng lực quản lý cho 280
lượt chủ cơ sở.

@other b) Về hỗ trợ ứng dụng máy móc, thiết bị tiên tiến

Hỗ trợ 64 cơ sở ứng dụng máy móc, thiết bị tiên tiến vào sản xuất với kinh phí 15,2 tỷ đồng, thu
hút vốn đối ứng 186 tỷ đồng. Sau khi được hỗ trợ, năng suất lao động của các cơ sở tăng bình
quân 25 - 30%, nhiều cơ sở đã mở rộng quy mô, tạo việc làm cho khoảng 1.150 lao động địa phương.

@other c) Về phát triển sản phẩm công nghiệp nông thôn tiêu biểu

Tổ chức 02 kỳ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh với 146 sản phẩm dự
thi, công nhận 72 sản phẩm; trong đó 18 sản phẩm đạt giải cấp khu vực miền Trung - Tây Nguyên và
04 sản phẩm đạt cấp quốc gia, điển hình như sâm Ngọc Linh chế biến, nước mắm Cửa Khe và đèn lồng
Hội An.

@other d) Về kinh phí

Tỷ lệ giải ngân kinh phí khuyến công địa phương năm 2021 đạt 86,4%, năm 2022 đạt 94,2% và năm
2023 đạt 97,8%. Kinh phí được sử dụng đúng mục đích, đúng đối tượng, thanh quyết toán theo quy
định.

@other 3. Đánh giá tác động của Chương trình

Chương trình khuyến công đã góp phần quan trọng vào phát triển công nghiệp nông thôn của tỉnh;
giá trị sản xuất công nghiệp nông thôn năm 2023 đạt 12.350 tỷ đồng, tăng 21% so với năm 2020.
Nhiều làng nghề truyền thống được khôi phục và phát triển gắn với du lịch, nhất là tại thành phố
Hội An và huyện Điện Bàn.

@difficulties II. NHỮNG HẠN CHẾ, VƯỚNG MẮC

- Kinh phí khuyến công quốc gia phân bổ cho tỉnh giảm dần qua các năm, từ 3,4 tỷ đồng năm 2021
xuống còn 2,3 tỷ đồng năm 2023;

- Các cơ sở ở khu vực miền núi chủ yếu là hộ kinh doanh nhỏ, khó đáp ứng điều kiện vốn đối ứng
và hồ sơ thanh quyết toán;

- Thủ tục thanh toán kinh phí hỗ trợ còn phức tạp, nhiều cơ sở phải bổ sung hồ sơ nhiều lần, làm
chậm tiến độ giải ngân.

Bên cạnh đó, việc kiểm tra, đánh giá hiệu quả sau hỗ trợ chưa được thực hiện thường xuyên; một
số đề án đào tạo nghề chưa gắn với tiêu thụ sản phẩm nên sau đào tạo, số học viên duy trì được
nghề còn thấp, nhất là nghề dệt thổ cẩm và mây tre đan tại các huyện vùng cao.

@lessons III. BÀI HỌC KINH NGHIỆM

Một là, phải có sự lãnh đạo, chỉ đạo sát sao của cấp ủy, chính quyền các cấp, cụ thể:

+ Đưa chỉ tiêu phát triển công nghiệp nông thôn vào nghị quyết, kế hoạch phát triển kinh tế - xã
hội hằng năm của địa phương;

+ Phân công rõ trách nhiệm của từng cơ quan, đơn vị trong việc triển khai, kiểm tra các đề án.

Hai là, việc xây dựng kế hoạch phải xuất phát từ nhu cầu thực tế của cơ sở:

+ Khảo sát kỹ năng lực sản xuất, thị trường tiêu thụ của cơ sở trước khi đưa vào kế hoạch;

+ Ưu tiên các đề án gắn với chuỗi giá trị và sản phẩm chủ lực của địa phương.

Ba là, chú trọng công tác kiểm tra, giám sát và đánh giá hiệu quả sau hỗ trợ để kịp thời điều
chỉnh nội dung, mức hỗ trợ cho phù hợp.

Bốn là, phát huy vai trò của các hiệp hội ngành nghề, các doanh nghiệp đầu tàu trong việc liên
kết, bao tiêu sản phẩm cho các cơ sở công nghiệp nông thôn, nhất là các cơ sở ở vùng sâu, vùng
xa.

@plans IV. NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2024-2025

@plans 1. Mục tiêu đến năm 2025

Phấn đấu đến hết năm 2025 hỗ trợ thêm 70 đề án khuyến công với tổng kinh phí khoảng 19,5 tỷ
đồng, hoàn thành 100% mục tiêu của Chương trình; đào tạo nghề cho khoảng 400 lao động nông thôn;
phấn đấu có thêm 20 sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh và
05 sản phẩm đạt cấp khu vực.

@plans 2. Nhiệm vụ, giải pháp chủ yếu

- Tập trung hỗ trợ các cơ sở ở khu vực miền núi, vùng đồng bào dân tộc thiểu số; phát triển sản
phẩm từ dược liệu, nông lâm sản đặc trưng của địa phương;

- Đẩy mạnh chuyển đổi số trong hoạt động khuyến công, hỗ trợ các cơ sở tham gia sàn thương mại
điện tử;

- Tăng cường phối hợp với các chương trình mục tiêu quốc gia để lồng ghép nguồn lực.

- Nâng cao chất lượng công tác thẩm định, nghiệm thu đề án; thực hiện công khai, minh bạch kết
quả lựa chọn cơ sở thụ hưởng trên Cổng thông tin điện tử của Sở.

@recommendations V. KIẾN NGHỊ

Đề nghị Bộ Công Thương quan tâm tăng kinh phí khuyến công quốc gia cho tỉnh Quảng Nam trong năm
2024 và 2025, ưu tiên các đề án tại 06 huyện miền núi; đơn giản hóa hồ sơ, thủ tục thanh quyết
toán đối với các cơ sở là hộ kinh doanh.

Đề nghị UBND tỉnh tiếp tục bố trí kinh phí khuyến công địa phương năm 2024 và năm 2025 mỗi năm
tối thiểu 7 tỷ đồng; chỉ đạo các sở, ngành và UBND các huyện, thị xã, thành phố phối hợp chặt
chẽ với Sở Công Thương trong việc triển khai các đề án khuyến công trên địa bàn.

Trên đây là báo cáo sơ kết 03 năm thực hiện Chương trình khuyến công giai đoạn 2021-2025 của Sở
Công Thương tỉnh Quảng Nam./.
""",
    ),
    Report(
        stem="report_5_dong_thap",
        agency=("UBND TỈNH ĐỒNG THÁP", "SỞ CÔNG THƯƠNG"),
        number="245/BC-SCT",
        place_date="Đồng Tháp, ngày 10 tháng 12 năm 2019",
        title="Kết quả thực hiện Chương trình xúc tiến thương mại năm 2019 và kế hoạch năm 2020",
        signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Quốc Hùng"),
        stacked=True,
        rng_seed=505,
        province="Đồng Tháp",
        province_2025="Đồng Tháp",
        issuer="Sở Công Thương",
        date="2019-12-10",
        period="năm 2019",
        years=(2019, 2019),
        body="""
Thực hiện Quyết định số 72/2010/QĐ-TTg ngày 15/11/2010 của Thủ tướng Chính phủ ban hành Quy chế
xây dựng, quản lý và thực hiện Chương trình xúc tiến thương mại quốc gia; Quyết định số
58/QĐ-UBND-HC ngày 18/01/2019 của UBND tỉnh Đồng Tháp phê duyệt Chương trình xúc tiến thương mại
năm 2019, Sở Công Thương báo cáo kết quả thực hiện như sau:

@achievements I. Kết quả thực hiện năm 2019

Năm 2019, Sở Công Thương được giao chủ trì thực hiện 12 đề án xúc tiến thương mại với tổng kinh
phí 3.850 triệu đồng, đến ngày 30/11/2019 đã hoàn thành 11 đề án, giải ngân 3.420 triệu đồng,
đạt 88,8% kế hoạch. Kết quả thực hiện các nhiệm vụ trọng tâm như sau:

1. Về xúc tiến thương mại thị trường trong nước, Sở Công Thương đã tổ chức và hỗ trợ các doanh
nghiệp của tỉnh tham gia 15 hội chợ, triển lãm, phiên chợ hàng Việt tại Thành phố Hồ Chí Minh,
Hà Nội, Cần Thơ và các tỉnh Tây Nguyên với 210 gian hàng; doanh số bán hàng và giá trị hợp đồng
ký kết đạt trên 18,5 tỷ đồng.

2. Năm 2019, tỉnh đã tổ chức thành công Hội chợ Thương mại - Nông nghiệp Đồng Tháp với 350 gian
hàng của 220 doanh nghiệp trong và ngoài tỉnh, thu hút khoảng 85.000 lượt khách tham quan, mua
sắm; đồng thời tổ chức 02 đoàn doanh nghiệp đi khảo sát thị trường tại Nhật Bản và Hàn Quốc, ký
kết 06 biên bản ghi nhớ về tiêu thụ xoài, sen và sản phẩm chế biến từ cá tra.

3. Về hỗ trợ thông tin thị trường và thương mại điện tử, Sở đã duy trì chuyên mục xúc tiến
thương mại trên Cổng thông tin điện tử, đăng tải 240 tin về giá cả, thị trường; hỗ trợ 45 doanh
nghiệp, hợp tác xã đưa sản phẩm lên các sàn thương mại điện tử và tổ chức 03 lớp tập huấn kỹ
năng bán hàng trực tuyến cho 180 học viên.

Qua các hoạt động trên, kim ngạch xuất khẩu của tỉnh năm 2019 ước đạt 1.050 triệu USD, tăng 7,6%
so với năm 2018; nhiều sản phẩm chủ lực như xoài cát Hòa Lộc, sen Đồng Tháp, nem Lai Vung đã mở
rộng được thị trường tiêu thụ.

Bên cạnh đó, Sở Công Thương đã phối hợp với các sở, ngành tổ chức nhiều hoạt động kết nối cung
cầu, cụ thể:

- Tổ chức 04 hội nghị kết nối giữa doanh nghiệp sản xuất của tỉnh với các hệ thống phân phối
Saigon Co.op, Big C, Bách hóa Xanh, đưa thêm 35 sản phẩm của tỉnh vào bán tại các siêu thị;

- Hỗ trợ 20 hợp tác xã xây dựng bộ nhận diện thương hiệu, thiết kế bao bì, nhãn mác và đăng ký
mã số, mã vạch cho sản phẩm, kinh phí 380 triệu đồng;

- Phối hợp tổ chức Lễ hội Xoài Đồng Tháp năm 2019 tại huyện Cao Lãnh, thu hút trên 30.000 lượt
khách tham quan.

@difficulties II. Khó khăn, hạn chế và nguyên nhân

@difficulties 1. Khó khăn, hạn chế

Thứ nhất: Kinh phí dành cho hoạt động xúc tiến thương mại còn hạn chế

- Mức hỗ trợ cho doanh nghiệp tham gia hội chợ ở nước ngoài chưa đủ hấp dẫn, chỉ bằng khoảng 30%
chi phí thực tế;

- Chưa có nguồn kinh phí riêng để xây dựng và quảng bá thương hiệu cho các sản phẩm chủ lực của
tỉnh.

Thứ hai: Năng lực tham gia xúc tiến thương mại của doanh nghiệp còn yếu

- Phần lớn doanh nghiệp, hợp tác xã có quy mô nhỏ, chưa có bộ phận chuyên trách về thị trường;

- Sản phẩm chưa đáp ứng các tiêu chuẩn về chất lượng, bao bì, truy xuất nguồn gốc của thị trường
xuất khẩu.

@causes 2. Nguyên nhân

Ngân sách của tỉnh còn nhiều khó khăn nên chưa bố trí đủ kinh phí theo nhu cầu; sự phối hợp giữa
các đơn vị làm công tác xúc tiến thương mại, xúc tiến đầu tư và xúc tiến du lịch chưa chặt chẽ,
một số hoạt động còn trùng lặp.

@plans III. Phương hướng, nhiệm vụ năm 2020

Năm 2020, Sở Công Thương tiếp tục triển khai Chương trình xúc tiến thương mại với 14 đề án, tổng
kinh phí dự kiến 4,2 tỷ đồng, tập trung vào các nhiệm vụ sau:

- Hỗ trợ doanh nghiệp tham gia 12 hội chợ trong nước và 03 hội chợ quốc tế, ưu tiên các thị
trường Trung Quốc, Nhật Bản, Hàn Quốc và EU;

- Tổ chức Tuần lễ xoài Đồng Tháp tại Thành phố Hồ Chí Minh và các hoạt động kết nối cung cầu với
các hệ thống phân phối lớn;

- Đẩy mạnh ứng dụng thương mại điện tử, hỗ trợ doanh nghiệp xây dựng mã số vùng trồng và truy
xuất nguồn gốc sản phẩm.

@recommendations IV. Đề xuất, kiến nghị

- Đề nghị Bộ Công Thương tiếp tục hỗ trợ tỉnh Đồng Tháp tổ chức các đề án thuộc Chương trình xúc
tiến thương mại quốc gia năm 2020, nhất là hoạt động xúc tiến xuất khẩu xoài và sen;

- Đề nghị UBND tỉnh bổ sung 500 triệu đồng cho hoạt động xây dựng thương hiệu sản phẩm chủ lực
của tỉnh.

Trên đây là báo cáo kết quả thực hiện Chương trình xúc tiến thương mại năm 2019 và kế hoạch năm
2020 của Sở Công Thương tỉnh Đồng Tháp./.
""",
    ),
    Report(
        stem="report_6_lao_cai",
        agency=("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"),
        number="318/BC-UBND",
        place_date="Lào Cai, ngày 05 tháng 12 năm 2022",
        title="Kết quả thực hiện công tác khuyến công năm 2022 và kế hoạch năm 2023",
        signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"),
        stacked=False,
        rng_seed=606,
        province="Lào Cai",
        province_2025="Lào Cai",
        issuer="Ủy ban nhân dân tỉnh Lào Cai",
        date="2022-12-05",
        period="năm 2022",
        years=(2022, 2022),
        body="""
Thực hiện Công văn số 1785/CTĐP-KC ngày 15/11/2022 của Cục Công Thương địa phương về việc báo
cáo kết quả hoạt động khuyến công năm 2022, UBND tỉnh Lào Cai báo cáo như sau:

@achievements I. KẾT QUẢ THỰC HIỆN CÔNG TÁC KHUYẾN CÔNG NĂM 2022 TRÊN ĐỊA BÀN TỈNH LÀO CAI

@other 1. Công tác tham mưu, hướng dẫn

UBND tỉnh đã chỉ đạo Sở Công Thương xây dựng và triển khai Kế hoạch khuyến công năm 2022 ngay từ
đầu năm; hướng dẫn UBND các huyện, thị xã, thành phố tuyên truyền chính sách khuyến công đến các
cơ sở công nghiệp nông thôn, đặc biệt là các cơ sở ở vùng cao, vùng đồng bào dân tộc thiểu số.

@achievements 2. Kết quả thực hiện các đề án khuyến công

Năm 2022, tổng kinh phí khuyến công được giao là 5.650 triệu đồng, đã thực hiện 20 đề án, giải
ngân 5.380 triệu đồng, đạt 95,2% kế hoạch. Kết quả cụ thể như sau:

@other (1) Đề án khuyến công quốc gia

Thực hiện 03 đề án với tổng kinh phí 1.450 triệu đồng, cụ thể:

@other a) Hỗ trợ ứng dụng máy móc, thiết bị

Hỗ trợ 02 cơ sở chế biến chè tại huyện Bắc Hà và thị xã Sa Pa đầu tư dây chuyền sấy, sao chè với
kinh phí 1.100 triệu đồng; sau hỗ trợ, công suất chế biến của các cơ sở tăng 35%, sản phẩm chè
Shan tuyết đã đạt chứng nhận hữu cơ.

@other b) Hỗ trợ tổ chức hội chợ và bình chọn sản phẩm

Tổ chức Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc tại thành phố Lào Cai với
180 gian hàng của 120 doanh nghiệp, cơ sở, kinh phí 350 triệu đồng.

@other (2) Đề án khuyến công địa phương

Thực hiện 17 đề án với kinh phí 4.200 triệu đồng, trong đó:

+ Hỗ trợ 11 cơ sở ứng dụng máy móc, thiết bị trong chế biến nông lâm sản, dược liệu và sản xuất
vật liệu xây dựng, kinh phí 2.860 triệu đồng;

+ Tổ chức 04 lớp đào tạo nghề dệt thổ cẩm, chạm bạc cho 120 học viên người Dao, người Mông, kinh
phí 640 triệu đồng;

+ Hỗ trợ 02 mô hình trình diễn kỹ thuật sản xuất rượu ngô Bản Phố và chế biến tinh dầu quế, kinh
phí 700 triệu đồng.

@achievements II. NHỮNG MẶT LÀM ĐƯỢC, TỒN TẠI VÀ NGUYÊN NHÂN

@achievements 1. Những mặt làm được

Các đề án khuyến công được triển khai đúng tiến độ, đúng đối tượng, góp phần hình thành một số
sản phẩm chủ lực gắn với lợi thế vùng cao như chè Shan tuyết, tinh dầu quế, dược liệu. Giá trị
sản xuất công nghiệp nông thôn năm 2022 ước đạt 2.870 tỷ đồng, tăng 11,5% so với năm 2021; thu
hút khoảng 650 lao động vào làm việc tại các cơ sở được hỗ trợ.

@difficulties 2. Tồn tại, hạn chế

- Số lượng đề án khuyến công còn ít so với nhu cầu, chủ yếu tập trung ở thành phố Lào Cai và các
huyện vùng thấp;

- Nhiều cơ sở ở vùng cao chưa tiếp cận được chính sách khuyến công do hạn chế về thông tin và
năng lực lập hồ sơ;

- Một số sản phẩm sau khi được hỗ trợ chưa có thị trường tiêu thụ ổn định.

@causes 3. Nguyên nhân

Một là, địa hình chia cắt, giao thông đi lại khó khăn, chi phí vận chuyển cao làm giảm sức cạnh
tranh của sản phẩm công nghiệp nông thôn.

Hai là, các cơ sở có quy mô nhỏ, thiếu vốn đối ứng; trình độ của người lao động, nhất là lao
động người dân tộc thiểu số, còn hạn chế.

Ba là, đội ngũ cán bộ làm công tác khuyến công cấp huyện còn kiêm nhiệm, thường xuyên thay đổi
nên chưa chủ động trong việc hướng dẫn cơ sở.

@plans III. KẾ HOẠCH NĂM 2023

Năm 2023, tỉnh Lào Cai dự kiến thực hiện 24 đề án khuyến công với tổng kinh phí 6,8 tỷ đồng, tập
trung vào các nội dung sau:

- Hỗ trợ 14 cơ sở ứng dụng máy móc, thiết bị tiên tiến, ưu tiên chế biến chè, dược liệu, tinh
dầu quế và nông sản đặc sản vùng cao;

- Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2023 và lựa chọn sản
phẩm tham gia bình chọn cấp khu vực;

- Đào tạo nghề cho 150 lao động người dân tộc thiểu số gắn với giải quyết việc làm tại chỗ.

@recommendations IV. KIẾN NGHỊ

Đề nghị Bộ Công Thương xem xét bố trí kinh phí khuyến công quốc gia năm 2023 cho tỉnh Lào Cai
khoảng 2.000 triệu đồng, ưu tiên các đề án hỗ trợ cơ sở tại các huyện nghèo Si Ma Cai, Mường
Khương và Bắc Hà; có cơ chế hỗ trợ cao hơn đối với cơ sở ở vùng đặc biệt khó khăn.

Trên đây là báo cáo kết quả thực hiện công tác khuyến công năm 2022 và kế hoạch năm 2023 của
UBND tỉnh Lào Cai./.
""",
    ),
]

if __name__ == "__main__":
    main()
