"""Build the scanned and born-digital sample reports (and their gold) from the two seed pages.

Deterministic: fixed seeds, fixed PDF dates and IDs, so re-running gives byte-identical files.
Run from the repository root: `.venv/bin/python samples/make_samples.py`.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from fontTools.ttLib import TTFont
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
GOLD = HERE / "gold"
# DejaVu Serif (fonts-dejavu-core) because Debian's fonts-liberation 1.07 has no Vietnamese
# glyphs (ư, ơ, ả, ộ, ...); at 11 pt it sets the seeds' Times-14 line breaks in 16 cm.
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

DPI = 300
PAGE_W, PAGE_H = 2480, 3508  # A4 at 300 DPI
MM = DPI / 25.4  # pixels per millimetre
MARGIN_MM = 25.0
INDENT_MM = 10.0
BODY_PT, HEADER_PT = 11.0, 8.5
LEADING = 1.7  # "1.5 lines" in word-processor terms
JPEG_QUALITY = 72
PDF_DATE = datetime(2024, 12, 13, 0, 0, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Figure:
    """One gold figure; `raw` must occur verbatim in the page text."""

    kind: str
    raw: str
    value: int | float
    unit: str
    scale: str | None = None


@dataclass(frozen=True)
class PageSpec:
    """Hand-made reading of a seed page: where paragraphs end, which lines are headings."""

    seed: str
    n_lines: int  # body lines expected in the seed (guards the indices below against drift)
    para_ends: frozenset[int]  # body line indices that end a paragraph
    continued: bool  # the first line continues a paragraph from the previous page
    headings: dict[int, str]  # body line index -> section kind
    figures: tuple[Figure, ...]
    skew_deg: float
    rng_seed: int


@dataclass(frozen=True)
class Page:
    """A seed page split into its parts."""

    spec: PageSpec
    header: tuple[str, ...]
    lines: tuple[str, ...]
    page_no: str
    nav: str | None


BACNINH = PageSpec(
    seed="bacninh_p62",
    n_lines=33,
    # 2 "…320 triệu đồng.", 3 "2. Những khó khăn…", 6 "…công nghệ;", 10/14 bullet ends,
    # 15 "3. Kinh nghiệm…", 16 "Thứ nhất:…", 19/25 bullet ends, 26 "Thứ hai:…",
    # 29 "…hiệu quả." (next line "Xây dựng…" is an indented new paragraph); 32 runs on.
    para_ends=frozenset({2, 3, 6, 10, 14, 15, 16, 19, 25, 26, 29}),
    continued=False,
    headings={3: "difficulties", 15: "lessons"},
    figures=(
        Figure("count", "6 cuộc", 6, "cuộc"),
        Figure("count", "111 sản phẩm", 111, "sản phẩm"),
        Figure("amount", "320 triệu đồng", 320_000_000, "VND", "triệu đồng"),
    ),
    skew_deg=0.4,
    rng_seed=621,
)

BACGIANG = PageSpec(
    seed="bacgiang_p56",
    n_lines=32,
    # 5 "…Việt Yên…", 6 "(2) Những khó khăn…", 12 "…toàn tỉnh).", 16 "đề án.",
    # 20 "…của tỉnh.", 23 "…tại các xã.", 24 "(3) Kinh nghiệm…", 28 "…khuyến công.";
    # line 0 continues page 55 and line 31 runs on to page 57.
    para_ends=frozenset({5, 6, 12, 16, 20, 23, 24, 28}),
    continued=True,
    headings={6: "difficulties", 24: "lessons"},
    figures=(
        Figure("percent", "52,8%", 52.8, "%"),
        Figure("amount", "12.492,1 triệu đồng", 12_492_100_000, "VND", "triệu đồng"),
        Figure("percent", "26,3%", 26.3, "%"),
    ),
    skew_deg=-0.6,
    rng_seed=56,
)


def nfc(s: str) -> str:
    """Seeds and gold are compared as NFC, so normalise everything on the way in."""
    return unicodedata.normalize("NFC", s)


def load_page(spec: PageSpec) -> Page:
    """Split a seed into running header, body lines, printed page number and nav strip."""
    raw = (SEEDS / f"{spec.seed}.txt").read_text(encoding="utf-8")
    lines = [nfc(" ".join(line.split())) for line in raw.splitlines()]
    lines = [line for line in lines if line]  # blank lines are layout noise
    header, body = tuple(lines[:2]), lines[2:]
    nav = None
    if re.fullmatch(r"\d+( \d+){3,}", body[-1]):
        nav = body.pop()
    m = re.fullmatch(r"(.*?) ?(\d{1,3})", body.pop())
    assert m, f"{spec.seed}: no printed page number at the bottom"
    if m.group(1):  # page number glued to the last body line
        body.append(m.group(1))
    assert len(body) == spec.n_lines, f"{spec.seed}: {len(body)} body lines"
    return Page(spec, header, tuple(body), m.group(2), nav)


def check_font(pages: list[Page]) -> None:
    """Fail loudly instead of drawing tofu boxes if the font lacks a Vietnamese glyph."""
    cmap = TTFont(str(FONT)).getBestCmap()
    text = "".join("".join(p.header + p.lines) for p in pages) + "ữặẫỗĐ"
    missing = sorted({c for c in text if ord(c) not in cmap})
    assert not missing, f"{FONT.name} has no glyph for {''.join(missing)}"


def paragraphs(page: Page) -> list[list[int]]:
    """Group body line indices into paragraphs using the hand-chosen breaks."""
    paras: list[list[int]] = [[]]
    for i in range(len(page.lines)):
        paras[-1].append(i)
        if i in page.spec.para_ends and i < len(page.lines) - 1:
            paras.append([])
    return paras


def line_layout(page: Page) -> list[tuple[str, bool, bool]]:
    """Per body line: (text, indented, justified)."""
    starts = {p[0] for p in paragraphs(page)} - ({0} if page.spec.continued else set())
    return [(text, i in starts, i not in page.spec.para_ends) for i, text in enumerate(page.lines)]


def page_text(page: Page) -> str:
    """Gold text: paragraphs with wrapped lines re-joined by single spaces, one per line."""
    return "\n".join(" ".join(page.lines[i] for i in p) for p in paragraphs(page))


# --- scanned rendering -------------------------------------------------------------------


def px(pt: float) -> int:
    """Points to pixels at the render DPI."""
    return round(pt * DPI / 72)


def draw_justified(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont,
    x: float,
    y: int,
    text: str,
    width: float,
) -> None:
    """Stretch inter-word spaces so the line fills `width`, like a printed report."""
    words = text.split(" ")
    gap = (width - sum(font.getlength(w) for w in words)) / (len(words) - 1)
    assert gap > font.getlength(" ") * 0.6, f"line too long to justify: {text!r}"
    for w in words:
        draw.text((round(x), y), w, font=font, fill=0, anchor="ls")
        x += font.getlength(w) + gap


def render_clean(page: Page) -> Image.Image:
    """Typeset the page on white A4 at 300 DPI (greyscale)."""
    img = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(img)
    body = ImageFont.truetype(str(FONT), px(BODY_PT))
    small = ImageFont.truetype(str(FONT), px(HEADER_PT))
    left, right = round(MARGIN_MM * MM), PAGE_W - round(MARGIN_MM * MM)
    indent = INDENT_MM * MM

    y = round(14 * MM)
    for line in page.header:
        y += round(px(HEADER_PT) * 1.3)
        draw.text((left, y), line, font=small, fill=0, anchor="ls")

    step = round(px(BODY_PT) * LEADING)
    y = round(MARGIN_MM * MM) + px(BODY_PT)
    for text, indented, justified in line_layout(page):
        x = left + (indent if indented else 0)
        if justified:
            draw_justified(draw, body, x, y, text, right - x)
        else:
            draw.text((round(x), y), text, font=body, fill=0, anchor="ls")
        y += step
    assert y < PAGE_H - MARGIN_MM * MM, f"{page.spec.seed}: body overflows the page"

    y = PAGE_H - round(20 * MM)
    draw.text((PAGE_W // 2, y), page.page_no, font=body, fill=0, anchor="ms")
    if page.nav:
        nav = "     ".join(page.nav.split())
        draw.text((PAGE_W // 2, y + round(9 * MM)), nav, font=small, fill=0, anchor="ms")
    return img


def simulate_scan(img: Image.Image, skew_deg: float, rng_seed: int) -> Image.Image:
    """Skew, blur, grey paper, sensor noise and a few specks; still easy for Tesseract."""
    rng = np.random.default_rng(rng_seed)
    img = img.rotate(skew_deg, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    ink = np.asarray(img, dtype=np.float32) / 255.0  # 1 = paper, 0 = ink
    ys = np.linspace(0.0, 1.0, PAGE_H, dtype=np.float32)[:, None]
    paper = 238.0 + 8.0 * ys  # faint grey, slightly uneven from top to bottom
    arr = 35.0 + (paper - 35.0) * ink
    arr += rng.normal(0.0, 4.0, arr.shape).astype(np.float32)
    for _ in range(60):
        cy, cx = rng.integers(0, PAGE_H), rng.integers(0, PAGE_W)
        r = int(rng.integers(1, 4))
        arr[max(cy - r, 0) : cy + r, max(cx - r, 0) : cx + r] = rng.uniform(40, 140)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return out.filter(ImageFilter.GaussianBlur(0.7))


def jpeg_bytes(img: Image.Image) -> bytes:
    """Greyscale JPEG as a scanner would store it in a PDF."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY, dpi=(DPI, DPI), optimize=True)
    return buf.getvalue()


# --- PDFs ----------------------------------------------------------------------------------


def new_pdf() -> FPDF:
    """A4 document with a fixed date so its /ID (hashed from content + date) is stable."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(PDF_DATE)
    pdf.set_creator("baocao samples/make_samples.py")
    return pdf


def scan_pdf(jpegs: list[bytes]) -> bytes:
    """Image-only PDF: one full-page 300 DPI JPEG per page, no text layer."""
    pdf = new_pdf()
    for data in jpegs:
        pdf.add_page()
        pdf.image(io.BytesIO(data), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def digital_pdf(pages: list[Page]) -> bytes:
    """Born-digital PDF with an embedded DejaVu Serif text layer and the same layout."""
    pdf = new_pdf()
    pdf.add_font("DejaVuSerif", fname=str(FONT))
    left, right = MARGIN_MM, 210 - MARGIN_MM
    pt_mm = 25.4 / 72
    for page in pages:
        pdf.add_page()
        pdf.set_font("DejaVuSerif", size=HEADER_PT)
        y = 14.0
        for line in page.header:
            y += HEADER_PT * 1.3 * pt_mm
            pdf.text(left, y, line)
        pdf.set_font("DejaVuSerif", size=BODY_PT)
        y = MARGIN_MM + BODY_PT * pt_mm
        for text, indented, justified in line_layout(page):
            x = left + (INDENT_MM if indented else 0)
            if justified:
                words = text.split(" ")
                gap = (right - x - sum(pdf.get_string_width(w) for w in words)) / (len(words) - 1)
                for w in words:
                    pdf.text(x, y, w + " ")  # keep a real space char for text extraction
                    x += pdf.get_string_width(w) + gap
            else:
                pdf.text(x, y, text)
            y += BODY_PT * LEADING * pt_mm
        y = 297 - 20.0
        pdf.text((210 - pdf.get_string_width(page.page_no)) / 2, y, page.page_no)
        if page.nav:
            pdf.set_font("DejaVuSerif", size=HEADER_PT)
            nav = "     ".join(page.nav.split())
            pdf.text((210 - pdf.get_string_width(nav)) / 2, y + 9.0, nav)
    return bytes(pdf.output())


# --- gold ----------------------------------------------------------------------------------


def gold(file: str, pages: list[Page], source: str) -> dict:
    """Gold in the devset convention, derived from the same data the renderer uses."""
    texts = [page_text(p) for p in pages]
    sections, figures = [], []
    for n, (page, text) in enumerate(zip(pages, texts, strict=True), start=1):
        for i, kind in sorted(page.spec.headings.items()):
            sections.append({"heading": page.lines[i], "kind": kind, "page": n})
        for f in page.spec.figures:
            assert f.raw in text, f"{f.raw!r} not in page text"
            fig = {"kind": f.kind, "raw": f.raw, "value": f.value, "unit": f.unit, "page": n}
            if f.scale:
                fig["scale"] = f.scale
            figures.append(fig)
    return {
        "file": file,
        "n_pages": len(pages),
        "source": source,
        "text": texts,
        "sections": sections,
        "figures": figures,
    }


def write_gold(name: str, data: dict) -> None:
    """One gold JSON per sample file."""
    GOLD.mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (GOLD / f"{name}.json").write_text(text, encoding="utf-8")


def main() -> None:
    """Render both pages, write the five samples and their gold."""
    ninh, giang = load_page(BACNINH), load_page(BACGIANG)
    check_font([ninh, giang])
    scans = {
        p.spec.seed: simulate_scan(render_clean(p), p.spec.skew_deg, p.spec.rng_seed)
        for p in (ninh, giang)
    }
    jpegs = {k: jpeg_bytes(v) for k, v in scans.items()}

    outputs: list[tuple[str, str, bytes, list[Page], str]] = [
        ("bacninh_p62_scan", "pdf", scan_pdf([jpegs["bacninh_p62"]]), [ninh], "ocr"),
        ("bacgiang_p56_scan", "pdf", scan_pdf([jpegs["bacgiang_p56"]]), [giang], "ocr"),
        ("khuyencong_p62_p56_scan", "pdf", scan_pdf(list(jpegs.values())), [ninh, giang], "ocr"),
        ("khuyencong_p62_p56_digital", "pdf", digital_pdf([ninh, giang]), [ninh, giang], "text"),
    ]
    png = io.BytesIO()
    # 1-bit like a fax-mode scanner: noisy greyscale PNGs would be several MB
    scans["bacgiang_p56"].point(lambda v: 255 if v > 150 else 0).convert("1").save(
        png, "PNG", dpi=(DPI, DPI), optimize=True
    )
    outputs.append(("bacgiang_p56_scan", "png", png.getvalue(), [giang], "ocr"))

    for stem, ext, data, pages, source in outputs:
        (HERE / f"{stem}.{ext}").write_bytes(data)
        # the PNG shares its stem with the PDF scan of the same page
        write_gold(stem if ext == "pdf" else f"{stem}_{ext}", gold(f"{stem}.{ext}", pages, source))
        print(f"{stem}.{ext}: {len(data) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
