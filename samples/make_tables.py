"""Build the printed-table sample set (and its cell-level gold) in samples/tables/.

Eight files, each one report page (one file two pages) with a caption ("Biểu 02: ..."), a
unit line ("Đơn vị tính: ..."), a printed table and a line or two of running text:

- `a_laocai_thu_ngansach_ruled_scan.pdf`   fully ruled, two-row merged header, TT I/II/1/2,
  "Trong đó:" row, wrapped cells, "Tổng cộng (I+II)" row (300 DPI scan, skew +0.4°)
- `b_binhdinh_khuyencong_hrules_scan.pdf`  horizontal rules only (top, under header, bottom)
- `c_grdp_quy1_2023_borderless_scan.pdf`   borderless, yearbook-style aligned columns
- `d_binhthuan_hhdn_chi_2pages_scan.pdf`   a table over two pages, "Biểu 03 (tiếp theo)" with
  the header repeated on page 2
- `e_pci2024_landscape_scan.pdf`           landscape page, 8 columns, two-row header
- `f_bacninh_thu_ngansach_150dpi_scan.pdf` rough 150-DPI scan of a ruled table
- `g_khanhhoa_binhchon_ruled_digital.pdf`  born-digital (text layer), ruled, two-row header
- `h_tangtruong_quy1_2023_unruled_digital.pdf` born-digital, whitespace-aligned, no rules

Every figure and nearly all wording come from published sources named in
samples/tables/SOURCES.md (provincial newspapers and portals quoting provincial
departments, GSO and VCCI figures, and a provincial association's financial report); the
page layout (title block, "Biểu" number) is composed here.

The page is laid out once, in millimetres, as a list of drawing operations (text at a
baseline, rule lines); the scans are those operations drawn with Pillow at 300 DPI and then
given a light scan look, the born-digital PDFs are the same operations written with fpdf2.
The gold (samples/tables/gold/<stem>.json, format of shared/realtables/gold) is generated
from the same table data, and `check()` at the end re-verifies it: every grid position
covered exactly once, numeric values re-parse from their text, header flags, and the
"Tổng cộng"/group rows equal the sums of their component rows where the source says so.

Deterministic (fixed seeds, fixed PDF dates). Run from the repository root:
`.venv/bin/python samples/make_tables.py`.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import numpy as np
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
OUT = HERE / "tables"
GOLD = OUT / "gold"
FONTS = {
    "regular": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "bold": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "italic": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
    "bolditalic": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf",
}
DPI = 300
PT_MM = 25.4 / 72
JPEG_QUALITY = 75
PDF_DATE = datetime(2025, 6, 1, 0, 0, 0, tzinfo=timezone.utc)
CREATOR = "baocao samples/make_tables.py"
BODY_PT = 11.5
TABLE_PT = 10.0
LEFT_MM, RIGHT_MM, TOP_MM = 25.0, 15.0, 18.0


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# --- text metrics --------------------------------------------------------------------------


@cache
def _metric_font(style: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[style], 1000)


def text_mm(text: str, pt: float, style: str = "regular") -> float:
    """Advance width of a line in millimetres (DejaVu Serif metrics, as fpdf2 and Pillow use)."""
    return _metric_font(style).getlength(text) / 1000 * pt * PT_MM


def wrap(text: str, width_mm: float, pt: float, style: str) -> list[str]:
    """Greedy word wrap; the lines joined with one space give the text back."""
    words = text.split(" ")
    lines: list[str] = []
    cur = ""
    for w in words:
        trial = w if not cur else cur + " " + w
        if cur and text_mm(trial, pt, style) > width_mm:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur or not lines:
        lines.append(cur)
    return lines


# --- drawing operations --------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    x: float  # mm: left edge, centre or right edge by align
    y: float  # mm: baseline
    text: str
    pt: float
    style: str = "regular"
    align: str = "left"


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    w: float = 0.25  # line width in mm


@dataclass
class Page:
    landscape: bool = False
    ops: list = field(default_factory=list)

    @property
    def size(self) -> tuple[float, float]:
        return (297.0, 210.0) if self.landscape else (210.0, 297.0)


# --- tables --------------------------------------------------------------------------------


@dataclass
class C:
    """One printed cell: its text exactly as printed, spans, and how it is set."""

    text: str
    rs: int = 1
    cs: int = 1
    style: str = ""  # "", "bold", "italic", "bolditalic"; "" = the row's default
    align: str = ""  # "", "left", "center", "right"; "" = the column's default
    indent: float = 0.0  # mm


@dataclass
class TableSpec:
    widths: list[float]  # mm per column
    aligns: list[str]  # default alignment per column for body cells
    header: list[list]  # header rows (cells as C or str)
    body: list[list]
    rules: str  # "full", "horizontal", "none"
    label_cols: tuple[int, ...] = (0,)  # STT/TT columns: never numeric
    pt: float = TABLE_PT
    bold_rows: tuple[int, ...] = ()  # body row indexes set in bold


def as_cell(c) -> C:
    return c if isinstance(c, C) else C(str(c))


def grid_cells(rows: list[list], n_cols: int) -> list[tuple[int, int, C]]:
    """(row, col, cell) with HTML-style placement: each cell goes to the next free column."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        col = 0
        for c in map(as_cell, row):
            while (r, col) in taken:
                col += 1
            out.append((r, col, c))
            for rr in range(r, r + c.rs):
                for cc in range(col, col + c.cs):
                    taken.add((rr, cc))
            col += c.cs
        if col > n_cols:
            raise ValueError(f"row {r} has {col} columns, table has {n_cols}")
    return out


PAD_X, PAD_Y = 1.6, 1.3


def layout_table(page: Page, t: TableSpec, x0: float, y0: float) -> float:
    """Add the table's operations to the page, top edge at y0; returns the bottom edge."""
    rows = t.header + t.body
    n_cols, n_head = len(t.widths), len(t.header)
    cells = grid_cells(rows, n_cols)
    xs = [x0]
    for w in t.widths:
        xs.append(xs[-1] + w)
    lead = t.pt * PT_MM * 1.32
    pad_y = PAD_Y if t.rules != "none" else 0.7

    def style_of(r: int, c: C) -> str:
        if c.style:
            return c.style
        if r < n_head:
            return "bold" if t.rules != "none" else "bolditalic"
        return "bold" if (r - n_head) in t.bold_rows else "regular"

    placed = []
    heights = [0.0] * len(rows)
    for r, col, c in cells:
        width = xs[col + c.cs] - xs[col] - 2 * PAD_X - c.indent
        lines = wrap(c.text, width, t.pt, style_of(r, c)) if c.text else [""]
        need = len(lines) * lead + 2 * pad_y
        placed.append((r, col, c, lines, need))
        if c.rs == 1:
            heights[r] = max(heights[r], need)
    for r, _col, c, _lines, need in placed:  # row-spanning cells: grow the last spanned row
        if c.rs > 1:
            have = sum(heights[r : r + c.rs])
            if need > have:
                heights[r + c.rs - 1] += need - have
    ys = [y0]
    for h in heights:
        ys.append(ys[-1] + h)

    asc = t.pt * PT_MM * 0.76  # DejaVu cap height-ish: baseline offset from the line top
    for r, col, c, lines, _ in placed:
        top, bottom = ys[r], ys[r + c.rs]
        left, right = xs[col], xs[col + c.cs]
        block = len(lines) * lead
        y = top + (bottom - top - block) / 2 + (lead - t.pt * PT_MM) / 2 + asc
        align = c.align or ("center" if r < n_head else t.aligns[col])
        for ln in lines:
            if ln:
                x = {
                    "left": left + PAD_X + c.indent,
                    "center": (left + right) / 2,
                    "right": right - PAD_X,
                }[align]
                page.ops.append(Text(x, y, ln, t.pt, style_of(r, c), align))
            y += lead
        c.__dict__["_box"] = (r, col)

    if t.rules == "full":
        x_l, x_r = xs[0], xs[-1]
        page.ops.append(Rule(x_l, ys[0], x_r, ys[0]))
        page.ops.append(Rule(x_l, ys[-1], x_r, ys[-1]))
        page.ops.append(Rule(x_l, ys[0], x_l, ys[-1]))
        page.ops.append(Rule(x_r, ys[0], x_r, ys[-1]))
        for r, col, c, _, _ in placed:  # each cell's right and bottom edges
            rgt, bot = xs[col + c.cs], ys[r + c.rs]
            if col + c.cs < n_cols:
                page.ops.append(Rule(rgt, ys[r], rgt, bot, 0.2))
            if r + c.rs < len(rows):
                page.ops.append(Rule(xs[col], bot, rgt, bot, 0.2))
    elif t.rules == "horizontal":
        page.ops.append(Rule(xs[0], ys[0], xs[-1], ys[0], 0.35))
        page.ops.append(Rule(xs[0], ys[n_head], xs[-1], ys[n_head], 0.25))
        page.ops.append(Rule(xs[0], ys[-1], xs[-1], ys[-1], 0.35))
    return ys[-1]


# --- Vietnamese numbers --------------------------------------------------------------------

VN_NUM = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?%?$|^-?\d+(?:,\d+)?%?$")


def parse_vn(text: str) -> float | None:
    t = text.strip()
    if not VN_NUM.match(t):
        return None
    v = float(t.rstrip("%").replace(".", "").replace(",", "."))
    return int(v) if v == int(v) and "," not in t else v


def fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --- page furniture ------------------------------------------------------------------------


def title_block(page: Page, left_lines: tuple[str, str], pt: float = 11.0) -> float:
    """UBND TỈNH … / agency (left) and the national motto (right); returns the next y."""
    w, _ = page.size
    right_edge = w - RIGHT_MM
    lc = LEFT_MM + 33.0
    rc = right_edge - 47.0
    y = TOP_MM + pt * PT_MM
    step = pt * PT_MM * 1.45
    page.ops.append(Text(lc, y, left_lines[0], pt, "regular", "center"))
    page.ops.append(Text(rc, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pt - 0.5, "bold", "center"))
    y += step
    page.ops.append(Text(lc, y, left_lines[1], pt, "bold", "center"))
    page.ops.append(Text(rc, y, "Độc lập - Tự do - Hạnh phúc", pt, "bold", "center"))
    y += 1.6
    lw = min(text_mm(left_lines[1], pt, "bold"), 40.0) * 0.6
    page.ops.append(Rule(lc - lw / 2, y, lc + lw / 2, y, 0.3))
    mw = text_mm("Độc lập - Tự do - Hạnh phúc", pt, "bold")
    page.ops.append(Rule(rc - mw / 2, y, rc + mw / 2, y, 0.3))
    return y + 9.0


def paragraph(page: Page, y: float, text: str, pt: float = BODY_PT, indent: float = 10.0,
              style: str = "regular") -> float:
    """A running-text paragraph, first line indented; returns the y below it."""
    w, _ = page.size
    width = w - LEFT_MM - RIGHT_MM
    lead = pt * PT_MM * 1.5
    words = text.split(" ")
    lines, cur, first = [], "", True
    for wd in words:
        trial = wd if not cur else cur + " " + wd
        avail = width - (indent if first else 0)
        if cur and text_mm(trial, pt, style) > avail:
            lines.append((cur, first))
            cur, first = wd, False
        else:
            cur = trial
    lines.append((cur, first))
    for ln, is_first in lines:
        y += lead
        page.ops.append(Text(LEFT_MM + (indent if is_first else 0), y, ln, pt, style))
    return y + 1.5


def caption_lines(page: Page, y: float, caption: str, unit: str, pt: float = 12.0) -> float:
    """The bold centred caption (wrapped if long) and the unit line, right-aligned, italic."""
    w, _ = page.size
    width = w - LEFT_MM - RIGHT_MM - 10
    cx = (LEFT_MM + w - RIGHT_MM) / 2
    for ln in wrap(caption, width, pt, "bold"):
        y += pt * PT_MM * 1.45
        page.ops.append(Text(cx, y, ln, pt, "bold", "center"))
    if unit:
        y += pt * PT_MM * 1.5
        page.ops.append(Text(w - RIGHT_MM, y, unit, 10.5, "italic", "right"))
    return y + 2.5


def page_number(page: Page, n: int) -> None:
    w, h = page.size
    page.ops.append(Text(w / 2, h - 12.0, str(n), 11.0, "regular", "center"))


# --- rendering -----------------------------------------------------------------------------


@cache
def pil_font(style: str, pt: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[style], round(pt * DPI / 72))


def render(page: Page, dpi: int = DPI) -> Image.Image:
    w, h = page.size
    k = dpi / 25.4
    img = Image.new("L", (round(w * k), round(h * k)), 255)
    d = ImageDraw.Draw(img)
    for op in page.ops:
        if isinstance(op, Rule):
            d.line(
                [(op.x1 * k, op.y1 * k), (op.x2 * k, op.y2 * k)],
                fill=0,
                width=max(1, round(op.w * k)),
            )
        else:
            anchor = {"left": "ls", "center": "ms", "right": "rs"}[op.align]
            d.text((op.x * k, op.y * k), op.text, font=pil_font(op.style, op.pt), fill=0,
                   anchor=anchor)
    return img


def scan_look(img: Image.Image, skew: float, seed: int, noise: float = 1.3,
              blur: float = 0.7, specks: int = 45) -> Image.Image:
    """A light office scan: skew, soft focus, faint uneven grey paper, sensor noise, specks."""
    rng = np.random.default_rng(seed)
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    ink = np.asarray(img, dtype=np.float32) / 255.0
    h, w = ink.shape
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    xs = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    paper = 236.0 + 7.0 * ys + 3.0 * xs
    arr = 32.0 + (paper - 32.0) * ink
    arr += rng.normal(0.0, noise, arr.shape).astype(np.float32)
    for _ in range(specks):
        cy, cx = int(rng.integers(0, h)), int(rng.integers(0, w))
        r = int(rng.integers(1, 4))
        arr[max(cy - r, 0) : cy + r, max(cx - r, 0) : cx + r] = rng.uniform(50, 150)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return out.filter(ImageFilter.GaussianBlur(0.5))


def rough_150(img: Image.Image, skew: float, seed: int) -> Image.Image:
    """A rough, low-resolution scan: heavier blur and noise, then 2 × 2 averaged to 150 DPI."""
    out = scan_look(img, skew, seed, noise=5.0, blur=1.1, specks=120)
    out = out.resize((out.width // 2, out.height // 2), Image.Resampling.BOX)
    return out.filter(ImageFilter.GaussianBlur(0.4))


def jpeg(img: Image.Image, dpi: int, quality: int = JPEG_QUALITY) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def new_pdf() -> FPDF:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(PDF_DATE)
    pdf.set_creator(CREATOR)
    return pdf


def scan_pdf(pages: list[Page], images: list[Image.Image], dpi: int, quality: int) -> bytes:
    pdf = new_pdf()
    for page, img in zip(pages, images, strict=True):
        w, h = page.size
        pdf.add_page(orientation="L" if page.landscape else "P")
        pdf.image(io.BytesIO(jpeg(img, dpi, quality)), x=0, y=0, w=w, h=h)
    return bytes(pdf.output())


def digital_pdf(pages: list[Page]) -> bytes:
    """Born-digital PDF: the same operations, text in embedded DejaVu Serif."""
    pdf = new_pdf()
    styles = {"regular": "", "bold": "B", "italic": "I", "bolditalic": "BI"}
    for key, st in styles.items():
        pdf.add_font("DejaVuSerif", st, fname=FONTS[key])
    for page in pages:
        pdf.add_page(orientation="L" if page.landscape else "P")
        for op in page.ops:
            if isinstance(op, Rule):
                pdf.set_line_width(op.w)
                pdf.line(op.x1, op.y1, op.x2, op.y2)
            else:
                pdf.set_font("DejaVuSerif", styles[op.style], op.pt)
                width = pdf.get_string_width(op.text)
                x = {"left": op.x, "center": op.x - width / 2, "right": op.x - width}[op.align]
                pdf.text(x, op.y, op.text)
    return bytes(pdf.output())


# --- gold ----------------------------------------------------------------------------------


def table_gold(t: TableSpec, page_no: int, caption: str, unit: str, **extra) -> dict:
    rows = t.header + t.body
    n_head = len(t.header)
    cells = []
    for r, col, c in grid_cells(rows, len(t.widths)):
        header = r < n_head
        value = None if header or col in t.label_cols else parse_vn(c.text)
        cell = {
            "row": r,
            "col": col,
            "row_span": c.rs,
            "col_span": c.cs,
            "text": c.text,
            "header": header,
            "numeric": value is not None,
        }
        if value is not None:
            cell["value"] = value
        cells.append(cell)
    g = {
        "page": page_no,
        "caption": caption,
        "unit": unit,
        "n_rows": len(rows),
        "n_cols": len(t.widths),
        "n_header_rows": n_head,
        "rules": t.rules,
        "cells_transcribed": True,
    }
    g.update(extra)
    g["cells"] = cells
    return g


# --- the samples ---------------------------------------------------------------------------


@dataclass
class Sample:
    stem: str
    kind: str  # "scanned" | "text-layer"
    document: str
    source_ids: list[str]
    pages: list[Page] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    specs: list[TableSpec] = field(default_factory=list)
    sums: list[tuple] = field(default_factory=list)  # (table, total grid row, part rows, cols)
    notes: str = ""
    dpi: int | None = DPI
    skews: list[float] = field(default_factory=list)


B, I_, BI = "bold", "italic", "bolditalic"


def sample_a() -> Sample:
    """Lào Cai, state budget revenue 2024 (Báo Lào Cai, figures of Sở Tài chính Lào Cai)."""
    s = Sample(
        "a_laocai_thu_ngansach_ruled_scan",
        "scanned",
        "Composed report page (Lào Cai provincial Department of Finance layout): state budget "
        "revenue collected in the province up to 28/12/2024 against the central and provincial "
        "estimates and the same period of 2023",
        ["laocai_2024"],
    )
    caption = "Biểu 02: Kết quả thực hiện thu ngân sách nhà nước trên địa bàn năm 2024"
    unit = "Đơn vị tính: tỷ đồng"
    t = TableSpec(
        widths=[12, 58, 28, 24, 24, 24],
        aligns=["center", "left", "right", "right", "right", "right"],
        header=[
            [C("TT", rs=2), C("Nội dung", rs=2), C("Thực hiện đến ngày 28/12/2024", rs=2),
             C("So sánh (%)", cs=3)],
            ["Dự toán trung ương giao", "Dự toán tỉnh giao", "Cùng kỳ năm 2023"],
        ],
        body=[
            ["I", "Thu nội địa", "11.040", "136", "105", "140"],
            ["", C("Trong đó:", style=I_), "", "", "", ""],
            ["1", "Thu thuế, phí và thu khác", "7.434", "133", "103", "120"],
            ["2", "Tiền sử dụng đất", "3.606", "143", "109", "212"],
            ["II", "Thu từ hoạt động xuất - nhập khẩu", "1.219", "116", "53", "131"],
            ["", "Tổng cộng (I+II)", "12.259", "134", "96", "139"],
        ],
        rules="full",
        bold_rows=(0, 4, 5),
    )
    p = Page()
    y = title_block(p, ("UBND TỈNH LÀO CAI", "SỞ TÀI CHÍNH"))
    lead_in = (
        "Tính đến trưa ngày 28/12/2024, thu ngân sách nhà nước trên địa bàn tỉnh đạt 12.259 "
        "tỷ đồng, bằng 134% dự toán trung ương giao, bằng 96% dự toán tỉnh giao, bằng 139% "
        "cùng kỳ năm 2023. Đây là số thu cao nhất của tỉnh Lào Cai từ trước đến nay. Kết quả "
        "cụ thể như sau:"
    )
    y = paragraph(p, y, lead_in)
    y = caption_lines(p, y + 2, caption, unit)
    y = layout_table(p, t, LEFT_MM, y)
    y = paragraph(
        p, y + 3,
        "Tỉnh phấn đấu đến cuối ngày 31/12, số thu ngân sách sẽ đạt 12.800 tỷ đồng.",
    )
    page_number(p, 2)
    s.pages, s.specs, s.skews = [p], [t], [0.4]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    # grid rows: 2 I, 3 Trong đó, 4 "1", 5 "2", 6 II, 7 Tổng cộng
    s.sums = [(0, 7, [2, 6], [2]), (0, 2, [4, 5], [2])]
    s.notes = (
        "Fully ruled table, two header rows ('So sánh (%)' spans three columns; TT, Nội dung "
        "and 'Thực hiện đến ngày 28/12/2024' span both header rows). 'Trong đó:' is a label "
        "row with empty cells. Tổng cộng (I+II) = I + II and I = 1 + 2 in the amount column, "
        "as in the source. Percentages are printed without a % sign (the header says (%))."
    )
    return s


def sample_b() -> Sample:
    """Bình Định, local industrial-promotion (khuyến công) plan 2017 (Báo Bình Định)."""
    s = Sample(
        "b_binhdinh_khuyencong_hrules_scan",
        "scanned",
        "Composed report page (Bình Định provincial Department of Industry and Trade layout): "
        "the 20 local khuyến công programmes and projects approved for 2017, by group",
        ["binhdinh_2017"],
    )
    caption = "Biểu 01: Các chương trình, đề án khuyến công địa phương năm 2017 được phê duyệt"
    unit = "Đơn vị tính: triệu đồng"
    t = TableSpec(
        widths=[11, 92, 32, 30],
        aligns=["center", "left", "right", "right"],
        header=[["TT", "Nhóm chương trình, đề án", "Số chương trình, đề án", "Kinh phí hỗ trợ"]],
        body=[
            ["1", "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, hỗ trợ ứng dụng máy móc tiên "
             "tiến vào sản xuất công nghiệp - tiểu thủ công nghiệp", "13", "2.035,0"],
            ["2", "Hỗ trợ xây dựng, đăng ký thương hiệu, phòng trưng bày để giới thiệu quảng bá "
             "sản phẩm và tổ chức cuộc thi thiết kế, chế tác sản phẩm phục vụ du lịch", "3",
             "262,5"],
            ["3", "Xây dựng các chương trình truyền hình, các hình thức thông tin đại chúng khác "
             "về phát triển ngành Công Thương", "2", "60,0"],
            ["4", "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công", "2",
             "162,5"],
            ["", C("Tổng cộng", align="center"), "20", "2.520,0"],
        ],
        rules="horizontal",
        bold_rows=(4,),
    )
    p = Page()
    y = title_block(p, ("UBND TỈNH BÌNH ĐỊNH", "SỞ CÔNG THƯƠNG"))
    lead_in = (
        "Ủy ban nhân dân tỉnh đã phê duyệt Đề án khuyến công địa phương năm 2017 gồm 20 "
        "chương trình, đề án khuyến công với tổng kinh phí 2,52 tỷ đồng, thuộc 4 nhóm nội dung "
        "như sau:"
    )
    y = paragraph(p, y, lead_in)
    y = caption_lines(p, y + 2, caption, unit)
    y = layout_table(p, t, LEFT_MM + 2, y)
    paragraph(
        p, y + 3,
        "Trong đó, nhóm hỗ trợ ứng dụng máy móc tiên tiến vào sản xuất công nghiệp - tiểu thủ "
        "công nghiệp chiếm phần lớn kinh phí với 13 chương trình, đề án.",
    )
    page_number(p, 3)
    s.pages, s.specs, s.skews = [p], [t], [-0.3]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    s.sums = [(0, 5, [1, 2, 3, 4], [2, 3])]
    s.notes = (
        "Horizontal rules only: above the header, under the header and under the last row; "
        "no vertical rules. Long wrapped cells in column 1. Tổng cộng = sum of rows 1-4 in "
        "both numeric columns (the source gives group 4 as 'gần 162,5 triệu đồng')."
    )
    return s


def sample_c() -> Sample:
    """GRDP growth, first quarter 2023, some localities (GSO, via Soha/VTC News)."""
    s = Sample(
        "c_grdp_quy1_2023_borderless_scan",
        "scanned",
        "Composed statistical page (yearbook style, General Statistics Office figures): GRDP "
        "growth of selected provinces and cities in the first quarter of 2023 over the same "
        "period of 2022",
        ["gso_q1_2023"],
    )
    caption = (
        "Biểu 04: Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) quý I năm 2023 so với cùng kỳ "
        "năm trước của một số địa phương"
    )
    unit = "Đơn vị tính: %"
    ind = 6.0
    t = TableSpec(
        widths=[95, 50],
        aligns=["left", "right"],
        header=[["", "Tốc độ tăng so với cùng kỳ năm trước"]],
        body=[
            [C("CẢ NƯỚC (GDP)", style=B), C("3,32", style=B)],
            [C("Địa phương tăng cao", style=BI), ""],
            [C("Hậu Giang", indent=ind), "12,67"],
            [C("Bình Thuận", indent=ind), "9,86"],
            [C("Hải Phòng", indent=ind), "9,65"],
            [C("Khánh Hòa", indent=ind), "9,07"],
            [C("Cà Mau", indent=ind), "9,05"],
            [C("Ninh Bình", indent=ind), "8,45"],
            [C("Tuyên Quang", indent=ind), "8,42"],
            [C("Bắc Giang", indent=ind), "8,40"],
            [C("Thành phố trực thuộc Trung ương khác", style=BI), ""],
            [C("Đà Nẵng", indent=ind), "7,12"],
            [C("Hà Nội", indent=ind), "5,80"],
            [C("Cần Thơ", indent=ind), "4,02"],
            [C("TP. Hồ Chí Minh", indent=ind), "0,7"],
            [C("Địa phương tăng thấp hoặc giảm", style=BI), ""],
            [C("Bình Dương", indent=ind), "1,15"],
            [C("Quảng Ngãi", indent=ind), "-1,07"],
            [C("Vĩnh Phúc", indent=ind), "-2,47"],
            [C("Bà Rịa - Vũng Tàu", indent=ind), "-4,75"],
            [C("Quảng Nam", indent=ind), "-10,88"],
            [C("Bắc Ninh", indent=ind), "-11,85"],
        ],
        rules="none",
        label_cols=(),
        pt=10.5,
    )
    p = Page()
    y = title_block(p, ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "TỔNG CỤC THỐNG KÊ"))
    lead_in = (
        "Tổng sản phẩm trên địa bàn tỉnh, thành phố trực thuộc Trung ương (GRDP) quý I năm "
        "2023 so với cùng kỳ năm trước tăng ở 58 địa phương và giảm ở 5 địa phương trên cả "
        "nước."
    )
    y = paragraph(p, y, lead_in)
    y = caption_lines(p, y + 2, caption, unit)
    y = layout_table(p, t, LEFT_MM + 8, y + 2)
    paragraph(
        p, y + 4,
        "Các địa phương có tốc độ tăng GRDP thấp hoặc giảm chủ yếu do ngành công nghiệp chế "
        "biến, chế tạo tăng thấp hoặc giảm.",
    )
    page_number(p, 12)
    s.pages, s.specs, s.skews = [p], [t], [0.2]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    s.notes = (
        "Borderless yearbook-style table: no rules at all, columns aligned by whitespace, one "
        "header row (bold italic) whose first cell is empty. Group label rows (bold italic) "
        "have an empty number cell; member rows are indented. Negative growth is printed with "
        "a hyphen-minus ('-1,07'). 'TP. Hồ Chí Minh' is printed '0,7' as in the source."
    )
    return s


D_ITEMS = [  # (Nội dung chi, amount in đồng): Hiệp hội Doanh nghiệp tỉnh Bình Thuận, TỔNG CHI
    ("Chi lương Văn phòng Hiệp hội", 770000000),
    ("Chi phụ cấp Tết Nguyên đán VP HHDN", 23000000),
    ("Chi phụ cấp Xăng xe + Điện thoại VP HHDN", 8000000),
    ("Chi Bảo hiểm xã hội nhân viên văn phòng", 92803313),
    ("Phí duy trì dịch vụ Ipay Ngân hàng", 1531200),
    ("Phí chuyển tiền Ngân hàng", 1726656),
    ("Phí thông báo biến động số dư tài khoản gửi tiết kiệm", 225500),
    ("Chi tem công ích bưu điện + Chuyển phát nhanh", 3582000),
    ("Chi điện thoại cố định văn phòng", 1536000),
    ("Chi vật dụng văn phòng, văn phòng phẩm …", 2492000),
    ("Chi mua máy in mới", 2800000),
    ("Chi bơm mực máy in", 500000),
    ("Chi Photo tài liệu, chứng từ văn phòng", 606000),
    ("Chi In bì thư HHDN", 1050000),
    ("Chi backgrop VP HHDN + Decal tuyên truyền Hội Tụ Xanh", 680000),
    ("Chi đăng thông báo giải thể Qũy Cộng đồng trên Báo Bình Thuận", 400000),
    ("Chi sửa Motor, thay sên, bánh răn cửa cuốn Văn phòng HHDN", 4000000),
    ("Chi Hoa tươi sinh nhật Hội viên - Sự kiện", 118146600),
    ("Chi Hội nghị Sơ kết, Tổng kết hoạt động Hiệp hội", 191249000),
    ("Chi đóng thêm bàn ghế mới VP HHDN", 11728000),
    ("Phí duy trì Domain và Hosting Website HHDN", 9650000),
    ("Chi chuyển tiếp tiền Ủng hộ bão lũ Miền Bắc qua MTTQ tỉnh", 17000000),
    ("Chi phí tổ chức Đại hội HHDN nhiệm kỳ IV", 89925720),
    ("Chi phí tổ chức Hội thảo hậu Covid-19", 14898000),
    ("Chi vi tính Trường học chương trình \"Nông thôn mới\"", 314340000),
    ("Chi giải bóng đá Cúp HHDN ngày DNVN 13/10", 50923000),
    ("Chi tiệc giao lưu Ngày DNVN 13/10", 184317000),
    ("Chi ủng hộ nhân dân Tp. Hồ Chí Minh chống dịch", 60000000),
    ("Chi ủng hộ nhân dân Thị xã Lagi chống dịch", 50000000),
    ("Chi phí công tác tại Vũng Tàu", 930000),
    ("Chi thăm bệnh thành viên BCH HHDN", 886000),
    ("Chi đổi con dấu HHDN theo NĐ 199 CP", 2406000),
    ("Chi Test Covid-19", 150000),
    ("Chi làm Chứng nhận Hội viên bảng vàng đồng", 1350000),
    ("Chi mua Quà chúc Tết: Cơ quan Tỉnh và Thành phố", 6961000),
]
D_TOTAL = 2039792989
D_SPLIT = 25  # items on page 1


def sample_d() -> Sample:
    """Two-page table: expenses 2019-2025 of the Bình Thuận business association."""
    s = Sample(
        "d_binhthuan_hhdn_chi_2pages_scan",
        "scanned",
        "Composed two-page report annex (Bình Thuận provincial business association layout): "
        "the 35 expense items of its 4th term (01/9/2019 - 30/4/2025) and their total",
        ["bt_hhdn_2025"],
    )
    caption1 = "Biểu 03: Tổng hợp các khoản chi nhiệm kỳ IV (2019 - 2025)"
    caption2 = "Biểu 03 (tiếp theo)"
    unit = "Đơn vị tính: đồng"
    header = [["STT", "Nội dung chi", "Số tiền"]]
    widths = [14, 112, 40]
    aligns = ["center", "left", "right"]
    rows = [[str(k + 1), txt, fmt_int(v)] for k, (txt, v) in enumerate(D_ITEMS)]
    rows.append(["", C("Tổng cộng", align="center"), fmt_int(D_TOTAL)])
    t1 = TableSpec(widths, aligns, header, rows[:D_SPLIT], "full")
    t2 = TableSpec(widths, aligns, header, rows[D_SPLIT:], "full",
                   bold_rows=(len(rows) - D_SPLIT - 1,))
    p1 = Page()
    y = title_block(p1, ("UBND TỈNH BÌNH THUẬN", "HIỆP HỘI DOANH NGHIỆP"))
    lead_in = (
        "Tổng chi trong nhiệm kỳ IV (từ ngày 01/9/2019 đến ngày 30/4/2025) là "
        f"{fmt_int(D_TOTAL)} đồng, chi tiết như sau:"
    )
    y = paragraph(p1, y, lead_in)
    y = caption_lines(p1, y + 2, caption1, unit)
    layout_table(p1, t1, LEFT_MM, y)
    page_number(p1, 4)
    p2 = Page()
    y = caption_lines(p2, TOP_MM, caption2, unit)
    y = layout_table(p2, t2, LEFT_MM, y)
    y = paragraph(
        p2, y + 3,
        "Số dư cuối ngày 30/4/2025 (cuối nhiệm kỳ IV) là 72.341.446 đồng.",
    )
    page_number(p2, 5)
    s.pages, s.specs, s.skews = [p1, p2], [t1, t2], [0.0, -0.2]
    s.tables = [
        table_gold(t1, 1, caption1, unit, lead_in=lead_in, continues_on_page=2),
        table_gold(t2, 2, caption2, unit, continued_from_page=1, header_repeated=True),
    ]
    s.sums = [("split", len(D_ITEMS), [2])]  # the Tổng cộng on page 2 sums both pages' items
    s.notes = (
        "Fully ruled table over two pages: page 1 has the caption, unit and header and items "
        f"1-{D_SPLIT}; page 2 is headed 'Biểu 03 (tiếp theo)' with the unit line and the header "
        f"row repeated, items {D_SPLIT + 1}-35 and 'Tổng cộng' (= the sum of all 35 items, as "
        "in the source). Item wording as in the source, typos kept ('Qũy', 'bánh răn', "
        "'backgrop'); amounts rewritten from the source's English format (770,000,000) to "
        "Vietnamese format (770.000.000)."
    )
    return s


def sample_e() -> Sample:
    """Landscape: PCI 2024 component indices of three pre-merger provinces (VCCI)."""
    s = Sample(
        "e_pci2024_landscape_scan",
        "scanned",
        "Composed landscape report page (Lâm Đồng investment-promotion centre layout): PCI 2024 "
        "component scores and ranks of Lâm Đồng, Đắk Nông and Bình Thuận (before the 2025 merger)",
        ["pci_2024"],
    )
    caption = (
        "Biểu 05: Điểm số và thứ hạng các chỉ số thành phần PCI năm 2024 của các tỉnh trước sắp xếp"
    )
    unit = "Đơn vị tính: điểm; thứ hạng trên 63 tỉnh, thành phố"
    data = [
        ("1", "Chi phí gia nhập thị trường", "6,74", "58", "7,68", "38", "8,78", "2"),
        ("2", "Tiếp cận đất đai và sự ổn định trong sử dụng đất", "6,22", "49", "6,62", "30",
         "6,71", "24"),
        ("3", "Tính minh bạch và tiếp cận thông tin", "6,19", "52", "6,84", "15", "6,91", "13"),
        ("4", "Chi phí thời gian để thực hiện các quy định của Nhà nước", "7,75", "19", "7,19",
         "45", "8,20", "6"),
        ("5", "Chi phí không chính thức", "6,78", "32", "6,71", "36", "7,26", "10"),
        ("6", "Cạnh tranh bình đẳng", "5,97", "29", "5,63", "39", "5,85", "32"),
        ("7", "Tính năng động và tiên phong của lãnh đạo tỉnh", "5,57", "58", "6,35", "30",
         "6,71", "13"),
        ("8", "Dịch vụ hỗ trợ doanh nghiệp", "7,11", "36", "7,26", "29", "6,94", "48"),
        ("9", "Đào tạo lao động", "6,15", "38", "6,15", "39", "6,01", "45"),
        ("10", "Thiết chế pháp lý và an ninh trật tự", "7,21", "48", "7,71", "22", "7,05", "52"),
    ]
    body = [list(r) for r in data]
    body.append(["", C("Chỉ số chung PCI", style=B), C("65,08", style=B), C("54", style=B),
                 C("67,45", style=B), C("36", style=B), C("68,92", style=B), C("19", style=B)])
    t = TableSpec(
        widths=[13, 92, 26, 24, 26, 24, 26, 24],
        aligns=["center", "left"] + ["right"] * 6,
        header=[
            [C("STT", rs=2), C("Chỉ số thành phần", rs=2), C("Lâm Đồng", cs=2),
             C("Đắk Nông", cs=2), C("Bình Thuận", cs=2)],
            ["Điểm số", "Thứ hạng"] * 3,
        ],
        body=body,
        rules="full",
    )
    p = Page(landscape=True)
    y = title_block(p, ("UBND TỈNH LÂM ĐỒNG", "TRUNG TÂM XÚC TIẾN ĐẦU TƯ"))
    lead_in = (
        "Theo Báo cáo PCI 2024 của VCCI, kết quả các chỉ số thành phần của ba tỉnh (trước sắp "
        "xếp đơn vị hành chính) được tổng hợp như sau:"
    )
    y = paragraph(p, y - 3, lead_in)
    y = caption_lines(p, y, caption, unit)
    y = layout_table(p, t, LEFT_MM + 1, y)
    paragraph(
        p, y + 2,
        "Chỉ số chung PCI 2024: Lâm Đồng đạt 65,08 điểm (xếp thứ 54/63), Đắk Nông đạt 67,45 "
        "điểm (36/63), Bình Thuận đạt 68,92 điểm (19/63).",
    )
    page_number(p, 2)
    s.pages, s.specs, s.skews = [p], [t], [-0.35]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    s.notes = (
        "Landscape page (A4 turned, image 3508 x 2480 at 300 DPI). Fully ruled, 8 columns, two "
        "header rows (province names span Điểm số | Thứ hạng). Ranks are plain integers "
        "(numeric); 'Chỉ số chung PCI' is not a sum of the components (PCI is a weighted index)."
    )
    return s


def sample_f() -> Sample:
    """Bắc Ninh, budget revenue to end of November 2023 (Bắc Ninh Department of Finance)."""
    s = Sample(
        "f_bacninh_thu_ngansach_150dpi_scan",
        "scanned",
        "Composed report page (Bắc Ninh provincial Department of Finance layout), scanned "
        "roughly at 150 DPI: estimated state budget revenue to the end of November 2023",
        ["bacninh_2023"],
    )
    caption = (
        "Biểu 01: Ước thực hiện thu ngân sách nhà nước trên địa bàn đến hết tháng 11 năm 2023"
    )
    unit = "Đơn vị tính: tỷ đồng"
    t = TableSpec(
        widths=[12, 70, 30, 27, 27],
        aligns=["center", "left", "right", "right", "right"],
        header=[["TT", "Chỉ tiêu", "Ước thực hiện hết tháng 11/2023", "So với dự toán (%)",
                 "So với cùng kỳ (%)"]],
        body=[
            ["", C("Tổng thu ngân sách nhà nước trên địa bàn", style=B), C("26.497", style=B),
             C("83,77", style=B), C("93,19", style=B)],
            ["1", "Thu nội địa", "20.107", "84,41", "94,06"],
            ["", C("Trong đó: thu nội địa không kể tiền sử dụng đất, thu xổ số kiến thiết",
                   style=I_), "19.836", "95,38", "98,61"],
        ],
        rules="full",
    )
    p = Page()
    y = title_block(p, ("UBND TỈNH BẮC NINH", "SỞ TÀI CHÍNH"))
    lead_in = (
        "Theo số liệu báo cáo, tổng thu ngân sách nhà nước trên địa bàn ước thực hiện hết "
        "tháng 11/2023 là 26.497 tỷ đồng, đạt 83,77% dự toán, bằng 93,19% so với cùng kỳ. Chi "
        "tiết như sau:"
    )
    y = paragraph(p, y, lead_in)
    y = caption_lines(p, y + 2, caption, unit)
    y = layout_table(p, t, LEFT_MM, y)
    paragraph(
        p, y + 3,
        "Thu nội địa không kể tiền sử dụng đất, thu xổ số kiến thiết đạt 95,38% dự toán và "
        "bằng 98,61% so với cùng kỳ.",
    )
    page_number(p, 3)
    s.pages, s.specs, s.skews = [p], [t], [0.5]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    s.dpi = 150
    s.notes = (
        "Rough scan: rendered at 300 DPI, skewed +0.5°, blurred, noisy, then averaged down to "
        "150 DPI and saved as JPEG quality 60. Fully ruled, one header row, a wrapped italic "
        "'Trong đó: …' row. No sums: 'Trong đó' is a part of 'Thu nội địa', not a breakdown."
    )
    return s


def sample_g() -> Sample:
    """Khánh Hòa, rural-industry product selection 2012-2022 (Báo Khánh Hòa)."""
    s = Sample(
        "g_khanhhoa_binhchon_ruled_digital",
        "text-layer",
        "Composed born-digital report page (Khánh Hòa provincial Department of Industry and "
        "Trade layout): results of the district- and province-level selection of typical rural "
        "industrial products, 2012-2022",
        ["khanhhoa_2022"],
    )
    caption = (
        "Biểu 01: Kết quả bình chọn sản phẩm công nghiệp nông thôn tiêu biểu giai đoạn "
        "2012 - 2022"
    )
    unit = ""
    t = TableSpec(
        widths=[12, 38, 27, 33, 28, 28],
        aligns=["center", "left", "right", "right", "right", "right"],
        header=[
            [C("TT", rs=2), C("Cấp bình chọn", rs=2), C("Số kỳ bình chọn", rs=2),
             C("Số cơ sở CNNT tham gia", rs=2), C("Số sản phẩm", cs=2)],
            ["Đăng ký", "Đạt tiêu biểu"],
        ],
        body=[
            ["1", "Cấp huyện", "5", "192", "346", "321"],
            ["2", "Cấp tỉnh", "5", "186", "315", "186"],
        ],
        rules="full",
    )
    p = Page()
    y = title_block(p, ("UBND TỈNH KHÁNH HÒA", "SỞ CÔNG THƯƠNG"))
    lead_in = (
        "Trong 10 năm (2012 - 2022), có 6 UBND cấp huyện tổ chức bình chọn sản phẩm công "
        "nghiệp nông thôn (CNNT) tiêu biểu cấp huyện; cấp tỉnh tổ chức 5 kỳ bình chọn. Kết quả "
        "cụ thể như sau:"
    )
    y = paragraph(p, y, lead_in)
    y = caption_lines(p, y + 2, caption, unit)
    y = layout_table(p, t, LEFT_MM, y)
    paragraph(
        p, y + 3,
        "Tổng kinh phí hỗ trợ, tổ chức bình chọn sản phẩm CNNT tiêu biểu các cấp hơn 1,3 tỷ "
        "đồng. Trong đó, kinh phí cấp huyện 558 triệu đồng, cấp tỉnh hơn 543 triệu đồng, cấp "
        "khu vực hơn 116 triệu đồng và kinh phí cấp quốc gia 85 triệu đồng.",
    )
    page_number(p, 4)
    s.pages, s.specs, s.skews = [p], [t], [0.0]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    s.dpi = None
    s.notes = (
        "Born-digital PDF, text layer in embedded DejaVu Serif, table rules drawn as lines. "
        "Fully ruled, two header rows ('Số sản phẩm' spans Đăng ký | Đạt tiêu biểu). No unit "
        "line (counts). No total row."
    )
    return s


def sample_h() -> Sample:
    """Growth by sector, Q1 2023: whole country (GSO) and Khánh Hòa (its statistics office)."""
    s = Sample(
        "h_tangtruong_quy1_2023_unruled_digital",
        "text-layer",
        "Composed born-digital statistical page: growth of GDP (whole country) and of Khánh "
        "Hòa's GRDP in the first quarter of 2023, by economic sector",
        ["gso_q1_2023", "khanhhoa_q1_2023"],
    )
    caption = (
        "Biểu 02: Tốc độ tăng trưởng quý I năm 2023 so với cùng kỳ năm trước phân theo khu vực "
        "kinh tế"
    )
    unit = "Đơn vị tính: %"
    t = TableSpec(
        widths=[92, 34, 34],
        aligns=["left", "right", "right"],
        header=[["Khu vực kinh tế", "Cả nước", "Khánh Hòa"]],
        body=[
            [C("Tổng sản phẩm (GDP, GRDP)", style=B), C("3,32", style=B), C("9,07", style=B)],
            ["Nông, lâm nghiệp và thủy sản", "2,52", "1,57"],
            ["Công nghiệp và xây dựng", "-0,4", "8,63"],
            ["Dịch vụ", "6,79", "13,02"],
            ["Thuế sản phẩm trừ trợ cấp sản phẩm", "-", "-0,55"],
        ],
        rules="none",
        label_cols=(),
    )
    p = Page()
    y = title_block(p, ("TỔNG CỤC THỐNG KÊ", "CỤC THỐNG KÊ TỈNH KHÁNH HÒA"))
    lead_in = (
        "Tổng sản phẩm trong nước (GDP) quý I/2023 ước tính tăng 3,32% so với cùng kỳ năm "
        "trước; GRDP của tỉnh Khánh Hòa ước đạt 13.248,9 tỷ đồng, tăng 9,07% so cùng kỳ năm "
        "trước, xếp thứ 4 cả nước."
    )
    y = paragraph(p, y, lead_in)
    y = caption_lines(p, y + 2, caption, unit)
    y = layout_table(p, t, LEFT_MM + 4, y + 2)
    paragraph(
        p, y + 4,
        "Đóng góp vào mức tăng của tỉnh, khu vực dịch vụ tăng 13,02%, làm tăng 6,24 điểm phần "
        "trăm; khu vực công nghiệp và xây dựng tăng 8,63%, làm tăng 2,74 điểm phần trăm.",
    )
    page_number(p, 7)
    s.pages, s.specs, s.skews = [p], [t], [0.0]
    s.tables = [table_gold(t, 1, caption, unit, lead_in=lead_in)]
    s.dpi = None
    s.notes = (
        "Born-digital PDF with a text layer; the table has no rules at all, columns aligned by "
        "whitespace, one bold-italic header row. '-' marks a figure the source does not give "
        "(not numeric); negative growth printed with a hyphen-minus."
    )
    return s


# --- checks --------------------------------------------------------------------------------


def check(samples: list[Sample]) -> None:
    """Coverage, numeric re-parse, header flags, sums, and that the gold text is on the page."""
    errors = []
    for s in samples:
        for ti, t in enumerate(s.tables):
            R, Cn, H = t["n_rows"], t["n_cols"], t["n_header_rows"]
            seen: dict = {}
            for c in t["cells"]:
                if c["header"] != (c["row"] < H):
                    errors.append(f"{s.stem} t{ti}: header flag at {c['row']},{c['col']}")
                if c["numeric"]:
                    v = parse_vn(c["text"])
                    if v is None or abs(v - c["value"]) > 1e-9:
                        errors.append(f"{s.stem} t{ti}: value does not re-parse: {c}")
                elif "value" in c:
                    errors.append(f"{s.stem} t{ti}: value on non-numeric cell {c}")
                for r in range(c["row"], c["row"] + c["row_span"]):
                    for cc in range(c["col"], c["col"] + c["col_span"]):
                        if not (0 <= r < R and 0 <= cc < Cn) or (r, cc) in seen:
                            errors.append(f"{s.stem} t{ti}: bad cover at {r},{cc}")
                        seen[(r, cc)] = 1
            if len(seen) != R * Cn:
                errors.append(f"{s.stem} t{ti}: {R * Cn - len(seen)} grid positions uncovered")
            # every printed word of every cell is drawn on its page
            drawn = " ".join(op.text for op in s.pages[t["page"] - 1].ops if isinstance(op, Text))
            for c in t["cells"]:
                for word in c["text"].split():
                    if word not in drawn:
                        errors.append(f"{s.stem} t{ti}: '{word}' not drawn")

        def val(ti: int, row: int, col: int, s: Sample = s) -> float:
            for c in s.tables[ti]["cells"]:
                if c["row"] == row and c["col"] == col:
                    return c["value"]
            raise KeyError((ti, row, col))

        for sm in s.sums:
            if sm[0] == "split":
                _, n_items, cols = sm
                for col in cols:
                    vals = []
                    for ti, t in enumerate(s.tables):
                        H = t["n_header_rows"]
                        vals += [val(ti, r, col) for r in range(H, t["n_rows"])]
                    items, total = vals[:n_items], vals[n_items]
                    if len(vals) != n_items + 1 or abs(sum(items) - total) > 1e-6:
                        errors.append(f"{s.stem}: split total {total} != {sum(items)}")
                continue
            ti, total_row, parts, cols = sm  # grid rows (header rows counted)
            for col in cols:
                total = val(ti, total_row, col)
                got = sum(val(ti, r, col) for r in parts)
                if abs(got - total) > 1e-6:
                    errors.append(f"{s.stem}: row {total_row} col {col}: {total} != {got}")
    if errors:
        raise SystemExit("gold check failed:\n" + "\n".join(errors))


# --- main ----------------------------------------------------------------------------------


def build() -> list[Sample]:
    return [sample_a(), sample_b(), sample_c(), sample_d(), sample_e(), sample_f(),
            sample_g(), sample_h()]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    samples = build()
    check(samples)
    for k, s in enumerate(samples):
        if s.kind == "text-layer":
            data = digital_pdf(s.pages)
        elif s.dpi == 150:
            imgs = [rough_150(render(p), sk, 7100 + k)
                    for p, sk in zip(s.pages, s.skews, strict=True)]
            data = scan_pdf(s.pages, imgs, 150, 60)
        else:
            imgs = [scan_look(render(p), sk, 7000 + 10 * k + j)
                    for j, (p, sk) in enumerate(zip(s.pages, s.skews, strict=True))]
            data = scan_pdf(s.pages, imgs, DPI, JPEG_QUALITY)
        (OUT / f"{s.stem}.pdf").write_bytes(data)
        gold = {
            "file": f"{s.stem}.pdf",
            "pages": len(s.pages),
            "source": {"generator": "samples/make_tables.py",
                       "figures": [SOURCE_KEYS[i] for i in s.source_ids]},
            "kind": s.kind,
            "document": s.document,
            "table_pages": sorted({t["page"] for t in s.tables}),
            "tables": s.tables,
            "notes": s.notes,
        }
        if s.kind == "scanned":
            gold["scan"] = {
                "dpi": s.dpi,
                "skew_deg": s.skews,
                "orientation": "landscape" if s.pages[0].landscape else "portrait",
            }
        text = json.dumps(gold, ensure_ascii=False, indent=1)
        (GOLD / f"{s.stem}.json").write_text(nfc(text) + "\n", encoding="utf-8")
        n_cells = sum(len(t["cells"]) for t in s.tables)
        n_num = sum(c["numeric"] for t in s.tables for c in t["cells"])
        print(f"{s.stem}.pdf: {len(data) // 1024} KB, {len(s.pages)} page(s), "
              f"{len(s.tables)} table part(s), {n_cells} cells, {n_num} numeric")
    print("gold check OK")


SOURCE_KEYS = {  # short citations; full details in samples/tables/SOURCES.md
    "laocai_2024": "Báo Lào Cai, 'Lào Cai thu ngân sách đạt 12.259 tỷ đồng' (figures to "
    "28/12/2024), "
    "https://baolaocai.vn/lao-cai-thu-ngan-sach-dat-12259-ty-dong-post395426.html",
    "binhdinh_2017": "Báo Bình Định, 'Phê duyệt 20 chương trình, đề án khuyến công địa "
    "phương' (2017), https://baobinhdinh.vn/viewer.aspx?mabb=79894&macm=5&macmp=5",
    "gso_q1_2023": "Tổng cục Thống kê, Báo cáo tình hình kinh tế - xã hội quý I/2023, as "
    "reported by Soha (05/4/2023) and VTC News (03/2023)",
    "bt_hhdn_2025": "Hiệp hội Doanh nghiệp tỉnh Bình Thuận, Báo cáo thu - chi tài chính nhiệm "
    "kỳ IV (2019-2025), 12/5/2025 (shared/realtables bt_hhdn_bctc.pdf pages 2-3)",
    "pci_2024": "VCCI, PCI 2024, as tabulated in Công văn 644/TTXT-ĐTDN (06/11/2025) of the "
    "Lâm Đồng investment-promotion centre (shared/realtables ld_pci_2025.pdf)",
    "bacninh_2023": "Sở Tài chính Bắc Ninh news on budget revenue to end of 11/2023, "
    "bacninh.gov.vn portal (so-tai-chinh)",
    "khanhhoa_2022": "Báo Khánh Hòa, '192 cơ sở công nghiệp nông thôn được hỗ trợ phát triển "
    "sản phẩm' (14/07/2022)",
    "khanhhoa_q1_2023": "Cục Thống kê Khánh Hòa Q1/2023 figures, as reported by Soha "
    "(25/4/2023)",
}


if __name__ == "__main__":
    main()
