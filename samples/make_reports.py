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
TITLE_PT = 10.0  # the two-column title block is set a little smaller, as in real reports
STEP = round(px(BODY_PT) * LEADING)  # one text row, in pixels
LEFT, RIGHT = round(MARGIN_MM * MM), PAGE_W - round(MARGIN_MM * MM)
TOP = round(MARGIN_MM * MM) + px(BODY_PT)  # baseline of the first row
ROWS = (PAGE_H - round(MARGIN_MM * MM) - TOP) // STEP + 1  # rows per page
LEFT_COL, RIGHT_COL = LEFT + round(31 * MM), LEFT + round(111 * MM)  # title column centres

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


def paragraph_rows(text: str, fnt_name: str, para: int, indent: bool = True) -> list[Row]:
    """A justified paragraph with a first-line indent (headings, text, bullets alike)."""
    ind = INDENT_MM * MM if indent else 0
    lines = wrap(text, font(fnt_name), RIGHT - LEFT - ind, RIGHT - LEFT)
    return [
        [Line(t, fnt_name, LEFT + (ind if i == 0 else 0), "justify", para)]
        if i < len(lines) - 1
        else [Line(t, fnt_name, LEFT + (ind if i == 0 else 0), "left", para)]
        for i, t in enumerate(lines)
    ]


def title_rows(r: Report, next_para: int) -> tuple[list[Row], int]:
    """Page 1 title block; paragraphs numbered in reading order (left column first)."""
    nat = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    p = iter(range(next_para, next_para + 8))
    t = TITLE_PT
    if r.stacked:
        mid = PAGE_W / 2
        rows: list[Row] = [
            [Line(nat[0], "bold", mid, "center", next(p), t)],
            [Line(nat[1], "bold", mid, "center", next(p), t, True)],
            [],
            [Line(r.agency[0], "regular", mid, "center", next(p), t)],
            [Line(r.agency[1], "bold", mid, "center", next(p), t, True)],
            [
                Line(f"Số: {r.number}", "regular", LEFT, "left", next(p), t),
                Line(r.place_date, "italic", RIGHT, "right", next(p), t),
            ],
        ]
    else:
        ag0, ag1, num, nat0, nat1, date = (next(p) for _ in range(6))
        rows = [
            [
                Line(r.agency[0], "regular", LEFT_COL, "center", ag0, t),
                Line(nat[0], "bold", RIGHT_COL, "center", nat0, t),
            ],
            [
                Line(r.agency[1], "bold", LEFT_COL, "center", ag1, t, True),
                Line(nat[1], "bold", RIGHT_COL, "center", nat1, t, True),
            ],
            [
                Line(f"Số: {r.number}", "regular", LEFT_COL, "center", num, t),
                Line(r.place_date, "italic", RIGHT_COL, "center", date, t),
            ],
        ]
    report_no, title_no = next(p), next(p)
    rows += [[], [Line("BÁO CÁO", "bold", PAGE_W / 2, "center", report_no)]]
    for line in wrap(r.title, font("bold"), 140 * MM, 140 * MM):
        rows.append([Line(line, "bold", PAGE_W / 2, "center", title_no)])
    return rows + [[]], title_no + 1


def toc_row(text: str, page: int, para: int) -> tuple[Row, str]:
    """A contents line: title, dot leaders, page number flush right; returns its gold text."""
    fnt, num = font("regular"), str(page)
    room = RIGHT - LEFT - fnt.getlength(f"{text}  {num}")
    dots = "." * int(room // fnt.getlength("."))
    return [
        Line(f"{text} {dots}", "regular", LEFT, "left", para),
        Line(num, "regular", RIGHT, "right", para),
    ], f"{text} {dots} {num}"


@dataclass
class Layout:
    """Pages of rows, plus for every block its gold paragraph id."""

    pages: list[list[Row]]
    block_para: list[int]
    texts: dict[int, str]  # gold text of paragraphs whose text differs from the drawn lines


def lay_out(r: Report, blocks: list[Block], toc_pages: dict[str, int]) -> Layout:
    """Place the title block, body and signature on pages; headings keep with the next line."""
    rows, para = title_rows(r, 0)
    pages: list[list[Row]] = [rows]
    block_para, texts = [], {}

    def room() -> int:
        return ROWS - len(pages[-1])

    for i, b in enumerate(blocks):
        block_para.append(para)
        if b.kind == "toc":
            page = toc_pages.get(b.text.split(" ")[0], 0)
            row, texts[para] = toc_row(b.text, page, para)
            rows = [row]
        elif b.kind == "center":
            rows = [[Line(b.text, "bold", PAGE_W / 2, "center", para)]]
        elif b.kind == "heading":
            style = "bold" if b.level <= 2 else "italic"
            rows = paragraph_rows(b.text, style, para)
        else:
            rows = paragraph_rows(b.text, "regular", para)
        para += 1
        keep = len(rows) + 1 if b.kind in ("heading", "center") and i + 1 < len(blocks) else 1
        if room() < keep:
            pages.append([])
        for row in rows:
            if not room():
                pages.append([])
            pages[-1].append(row)

    sig = [[]]
    for k, text in enumerate(r.signature):
        sig += [[]] * 3 if k == len(r.signature) - 1 else []  # room for the signature
        sig.append([Line(text, "bold", RIGHT - 40 * MM, "center", para + k)])
    if room() < len(sig):
        pages.append([])
    pages[-1] += sig
    return Layout(pages, block_para, texts)


# --- rendering -----------------------------------------------------------------------------


def running_header(r: Report) -> str:
    """Small header on pages 2+, as word processors print it."""
    return f"Báo cáo số {r.number} - {r.agency[1].title()} {r.agency[0].split('TỈNH ')[-1]}"


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
        y = TOP + k * STEP
        for ln in row:
            fnt = font(ln.font, ln.pt)
            if ln.align == "justify":
                draw_justified(draw, fnt, ln.x, y, ln.text, RIGHT - ln.x)
                continue
            anchor = {"left": "ls", "center": "ms", "right": "rs"}[ln.align]
            draw.text((round(ln.x), y), ln.text, font=fnt, fill=0, anchor=anchor)
            if ln.underline:
                half = fnt.getlength(ln.text) * 0.3
                draw.line((ln.x - half, y + 22, ln.x + half, y + 22), fill=0, width=3)
    draw.text((PAGE_W // 2, PAGE_H - round(20 * MM)), str(n), font=font("regular"), anchor="ms")
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
    texts, page_of, row_pages = [], {}, []  # page_of: para id -> page of its first line
    for n, rows in enumerate(lay.pages, start=1):
        paras: dict[int, list[str]] = {}
        for row in rows:
            for ln in row:
                paras.setdefault(ln.para, []).append(ln.text)
            row_pages.append((n, {ln.para for ln in row}))
        for p in paras:
            page_of.setdefault(p, n)
        texts.append("\n".join(lay.texts.get(p, " ".join(paras[p])) for p in sorted(paras)))

    def last_page_before(para: int) -> int:
        """Page of the last non-empty row before the first row of paragraph `para`."""
        prev = 1
        for n, ids in row_pages:
            if para in ids:
                return prev
            prev = n if ids else prev
        raise AssertionError(para)

    sections, items, heading, enum = [], [], None, None
    heads = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading"]
    for k, (i, b) in enumerate(heads):
        nxt = next((j for j, h in heads[k + 1 :] if h.level <= b.level), None)
        end = len(lay.pages) if nxt is None else last_page_before(lay.block_para[nxt])
        start = page_of[lay.block_para[i]]
        sections.append(
            {"heading": b.text, "kind": b.section_kind, "level": b.level,
             "page_start": start, "page_end": end}
        )  # fmt: skip
    for i, b in enumerate(blocks):
        m = marker(b.text) if b.kind == "para" else None
        if b.kind == "heading":
            heading, enum = b.text, None
        elif m in ("Thứ nhất", "Một là"):
            enum = len(items)
        elif m is None:
            enum = None
        if m:
            parent = enum if m in "-+" and enum is not None else None
            items.append(
                {"section": heading, "marker": m, "text": b.text,
                 "page": page_of[lay.block_para[i]], "parent": parent}
            )  # fmt: skip
    return {
        "file": f"{r.stem}.pdf",
        "n_pages": len(lay.pages),
        "text": texts,
        "sections": sections,
        "items": items,
    }


def build(r: Report) -> tuple[bytes, dict]:
    """Lay out (twice: the contents lines need the final page numbers), render, gold."""
    blocks = parse(r.body)
    lay = lay_out(r, blocks, {})
    for _ in range(2):
        toc = {}
        for i, b in enumerate(blocks):
            if b.kind == "heading" and b.level == 1:
                para = lay.block_para[i]
                toc[b.text.split(" ")[0]] = next(
                    n for n, rows in enumerate(lay.pages, 1) for row in rows
                    if any(ln.para == para for ln in row)
                )  # fmt: skip
        lay = lay_out(r, blocks, toc)
    data = gold(r, blocks, lay)
    assert 3 <= data["n_pages"] <= 4, f"{r.stem}: {data['n_pages']} pages"
    rng = np.random.default_rng(r.rng_seed)
    jpegs = []
    for n, rows in enumerate(lay.pages, start=1):
        skew = round(float(rng.uniform(-0.7, 0.7)), 2)
        jpegs.append(jpeg_bytes(simulate_scan(render_page(r, rows, n), skew, r.rng_seed + n)))
    return scan_pdf(jpegs), data


def check_fonts(reports: list[Report]) -> None:
    """Fail loudly instead of drawing tofu boxes if a font lacks a Vietnamese glyph."""
    text = "".join(nfc(r.body + r.title + r.place_date + "".join(r.agency)) for r in reports)
    for path in FONTS.values():
        cmap = TTFont(path).getBestCmap()
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
        assert not missing, f"{path} has no glyph for {''.join(missing)}"


def main() -> None:
    """Render the six reports and write their gold."""
    check_fonts(REPORTS)
    (OUT / "gold").mkdir(parents=True, exist_ok=True)
    for r in REPORTS:
        pdf, data = build(r)
        (OUT / f"{r.stem}.pdf").write_bytes(pdf)
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        (OUT / "gold" / f"{r.stem}.json").write_text(text, encoding="utf-8")
        print(f"{r.stem}.pdf: {data['n_pages']} pages, {len(pdf) / 1024:.0f} KiB")


# --- the reports ---------------------------------------------------------------------------

REPORTS: list[Report] = []

if __name__ == "__main__":
    main()
