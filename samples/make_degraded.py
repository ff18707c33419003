"""Build the degraded sample set (and its gold): hard scans and legacy-font PDFs.

The pages are the two seed pages of make_samples.py and three pages of make_reports.py's
synthetic reports, typeset by those scripts' own code; this script only degrades them or
writes them another way:

- `rotated90.pdf` (page scanned sideways; landscape pages): Bắc Ninh p. 62 turned 90°
  anticlockwise, Lào Cai p. 2 turned 90° clockwise
- `rotated180.pdf` (upside down): Bắc Giang p. 56, Đồng Tháp p. 1
- `skew_plus_2_5.pdf` (skewed +2.5°): Bắc Ninh p. 62
- `skew_minus_3_5.pdf` (skewed −3.5°): Thái Bình p. 2
- `dpi150.pdf` (150-DPI scan: 150-DPI JPEGs on A4 pages): Bắc Giang p. 56, Lào Cai p. 2
- `uneven_light.pdf` (strong light gradient, a shadow along the spine, grey paper):
  Bắc Ninh p. 62, Thái Bình p. 2
- `jpeg_q20_bacgiang_p56.jpg`, `jpeg_q20_dongthap_p1.jpg` (a 300-DPI scan saved as JPEG
  quality 20): one page each
- `photocopy.pdf` (dark copier borders, specks, bold blurred text, blotchy grey paper):
  Bắc Giang p. 56, Đồng Tháp p. 1
- `tcvn3_laocai.pdf` (born-digital, TCVN3 text layer in .VnTime; capitals-only lines and
  toned capitals in .VnTimeH): Lào Cai pp. 1-2
- `vni_khuyencong.pdf` (born-digital, VNI text layer in VNI-Times): Bắc Ninh p. 62,
  Bắc Giang p. 56
- `mixed.pdf` (scan, born-digital page with an embedded-font Unicode text layer, scan):
  Bắc Ninh p. 62, Bắc Giang p. 56, Lào Cai p. 2

(Bắc Ninh and Bắc Giang are the seed pages; Lào Cai, Đồng Tháp and Thái Bình are
`reports/report_6_lao_cai`, `report_5_dong_thap` and `report_2_thai_binh`.)

The legacy PDFs are written by hand, as Word printed them: a non-embedded TrueType font,
/WinAnsiEncoding, one byte per glyph, so a text extractor reads the legacy bytes
("Ch\\xadng tr×nh") as in real files; glyph widths are DejaVu Serif's, so lines fill the same
16 cm. PDFium renders them with a substitute font (the look does not matter here).

Gold per file in `degraded/gold/<stem>.json`: `text` (and the same list as `pages`): one string
per page in the convention of `gold/*.json` (running header, page number and nav strip
removed, one paragraph per line), `variant`, `figures` and `sections` (seed-page headings with
`page`, report headings with `level` and `page`), and per page `origins`, `page_sources`
(`ocr` or `text`, what baocao should use), `transforms`, and `headers` / `footers`: the
running-header and page-number lines printed on the page but not in the gold text (the CER
benchmark uses them to strip the same lines from plain Tesseract's output).

Deterministic: fixed seeds, fixed PDF dates, no time stamps in the hand-written PDFs, so
re-running gives byte-identical files.
Run from the repository root: `.venv/bin/python samples/make_degraded.py`.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from fpdf import FPDF
from PIL import Image, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))
import make_reports as mr  # noqa: E402  (next to this script)
import make_samples as ms  # noqa: E402

from baocao.extract.legacy import convert, encode  # noqa: E402

OUT = HERE / "degraded"
GOLD = OUT / "gold"
PT_MM = 25.4 / 72  # one point in millimetres
A4_MM = (210.0, 297.0)
CREATOR = "baocao samples/make_degraded.py"
LEGACY_FONTS = {"tcvn3": ".VnTime", "tcvn3-upper": ".VnTimeH", "vni": "VNI-Times"}


# --- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """A line of text on a page for the text-layer writers; millimetres from the top left.

    `x` is the left edge ("left", "justify"), the centre ("center") or the right edge
    ("right"); a justified line is stretched to `right`."""

    text: str
    x: float
    y: float  # baseline
    pt: float
    style: str = "regular"  # "regular", "bold", "italic"
    align: str = "left"
    right: float = 0.0


@dataclass(frozen=True)
class SourcePage:
    """One typeset page: how to render it clean at 300 DPI, its lines, and its gold."""

    name: str  # "bacninh_p62", "report_6_lao_cai p. 2"
    render: Callable[[], Image.Image]
    placed: tuple[Placed, ...]
    text: str
    headers: tuple[str, ...]
    footers: tuple[str, ...]
    skew: float  # the everyday skew of its ordinary scan
    figures: tuple[ms.Figure, ...] = ()
    sections: tuple[dict, ...] = ()  # heading, kind (and level for report pages)


def seed_page(spec: ms.PageSpec) -> SourcePage:
    """A seed page with make_samples.py's layout (render_clean / digital_pdf geometry)."""
    page = ms.load_page(spec)
    ms.check_font([page])
    left, right = ms.MARGIN_MM, A4_MM[0] - ms.MARGIN_MM
    placed = []
    y = 14.0
    for line in page.header:
        y += ms.HEADER_PT * 1.3 * PT_MM
        placed.append(Placed(line, left, y, ms.HEADER_PT))
    y = ms.MARGIN_MM + ms.BODY_PT * PT_MM
    for text, indented, justified in ms.line_layout(page):
        x = left + (ms.INDENT_MM if indented else 0)
        placed.append(
            Placed(text, x, y, ms.BODY_PT, align="justify" if justified else "left", right=right)
        )
        y += ms.BODY_PT * ms.LEADING * PT_MM
    y = A4_MM[1] - 20.0
    placed.append(Placed(page.page_no, A4_MM[0] / 2, y, ms.BODY_PT, align="center"))
    footers = [page.page_no]
    if page.nav:
        nav = "     ".join(page.nav.split())
        placed.append(Placed(nav, A4_MM[0] / 2, y + 9.0, ms.HEADER_PT, align="center"))
        footers.append(page.nav)
    sections = tuple(
        {"heading": page.lines[i], "kind": k} for i, k in sorted(spec.headings.items())
    )
    return SourcePage(
        name=spec.seed,
        render=lambda: ms.render_clean(page),
        placed=tuple(placed),
        text=ms.page_text(page),
        headers=page.header,
        footers=tuple(footers),
        skew=spec.skew_deg,
        figures=spec.figures,
        sections=sections,
    )


@cache
def report_layout(stem: str) -> tuple[mr.Report, mr.Layout, dict]:
    """Lay a report out as make_reports.build does (until the contents page numbers settle)."""
    r = next(x for x in mr.REPORTS if x.stem == stem)
    blocks = mr.parse(r.body)
    toc: dict[str, int] = {}
    lay = mr.lay_out(r, blocks, toc)
    while mr.heading_pages(blocks, lay) != toc:
        toc = mr.heading_pages(blocks, lay)
        lay = mr.lay_out(r, blocks, toc)
    return r, lay, mr.gold(r, blocks, lay)


def report_page(stem: str, n: int, skew: float) -> SourcePage:
    """Page n of one of make_reports.py's reports, with its gold text and headings."""
    r, lay, gold = report_layout(stem)
    rows = lay.pages[n - 1]
    placed = []
    to_mm = 1 / ms.MM
    if n > 1:
        y = 16.0
        placed.append(
            Placed(mr.running_header(r), A4_MM[0] / 2, y, ms.HEADER_PT, "italic", "center")
        )
    for k, row in enumerate(rows):
        y = (mr.TOP + k * mr.STEP) * to_mm
        for ln in row:
            placed.append(
                Placed(ln.text, ln.x * to_mm, y, ln.pt, ln.font, ln.align, mr.RIGHT * to_mm)
            )
    placed.append(Placed(str(n), A4_MM[0] / 2, A4_MM[1] - 20.0, ms.BODY_PT, align="center"))
    sections = tuple(
        {"heading": s["heading"], "kind": s["kind"], "level": s["level"]}
        for s in gold["sections"]
        if s["page_start"] == n
    )
    return SourcePage(
        name=f"{stem} p. {n}",
        render=lambda: mr.render_page(r, rows, n),
        placed=tuple(placed),
        text=gold["text"][n - 1],
        headers=(mr.running_header(r),) if n > 1 else (),
        footers=(str(n),),
        skew=skew,
        sections=sections,
    )


# --- degradations (all on 300-DPI greyscale A4 renders) --------------------------------------


def scan(page: SourcePage, seed: int, skew: float | None = None) -> Image.Image:
    """make_samples.py's ordinary scan look, with the page's own or a given skew."""
    return ms.simulate_scan(page.render(), page.skew if skew is None else skew, seed)


def rotated(img: Image.Image, degrees: int) -> Image.Image:
    """The page fed to the scanner sideways or upside down (anticlockwise degrees)."""
    turn = {
        90: Image.Transpose.ROTATE_90,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_270,
    }
    return img.transpose(turn[degrees])


def at_150_dpi(img: Image.Image) -> Image.Image:
    """A 150-DPI scan: each 2 × 2 block of the 300-DPI scan averaged, as a scanner's optics do."""
    return img.resize((img.width // 2, img.height // 2), Image.Resampling.BOX)


def smooth_noise(rng: np.random.Generator, shape: tuple[int, int], cell: int) -> np.ndarray:
    """Low-frequency noise (about one value per `cell` pixels), scaled to unit spread."""
    h, w = shape
    small = rng.normal(0.0, 1.0, (h // cell + 2, w // cell + 2)).astype(np.float32)
    big = Image.fromarray(small, "F").resize((w, h), Image.Resampling.BICUBIC)
    return np.asarray(big, dtype=np.float32)


def uneven_light(page: SourcePage, seed: int) -> Image.Image:
    """A strong light gradient (bright top left, dark bottom right: paper from about 220 down
    to 85), a shadow along the left edge like a book's spine, grey paper, sensor noise."""
    rng = np.random.default_rng(seed)
    img = page.render().rotate(page.skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    ink = np.asarray(img.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32) / 255.0
    h, w = ink.shape
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    xs = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    light = 1.0 - 0.6 * (0.55 * xs + 0.45 * ys) ** 1.3 - 0.35 * np.exp(-xs / 0.1)
    arr = light * (25.0 + 200.0 * ink)
    arr += rng.normal(0.0, 3.0, arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return out.filter(ImageFilter.GaussianBlur(0.6))


def photocopy(page: SourcePage, seed: int) -> Image.Image:
    """A photocopy of a copy: bolder, blurred strokes, blotchy grey paper, toner specks and the
    dark bands a copier leaves where the lid did not cover the sheet."""
    rng = np.random.default_rng(seed)
    img = page.render().rotate(page.skew * 1.5, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.GaussianBlur(1.1))
    ink = np.asarray(img, dtype=np.float32) / 255.0
    h, w = ink.shape
    paper = 198.0 + 9.0 * smooth_noise(rng, (h, w), 96)
    arr = 22.0 + (paper - 22.0) * ink
    # toner specks: many single dots, some small clusters
    n = 5000
    cy, cx = rng.integers(0, h, n), rng.integers(0, w, n)
    arr[cy, cx] = rng.uniform(10, 90, n)
    for _ in range(250):
        y, x, r = int(rng.integers(0, h)), int(rng.integers(0, w)), int(rng.integers(2, 5))
        arr[max(y - r, 0) : y + r, max(x - r, 0) : x + r] = rng.uniform(15, 70)
    # dark borders with ragged inner edges: left and top wide, right and bottom narrow
    edge = {
        k: smooth_noise(rng, (1, size), 300)[0] + 0.15 * rng.normal(0.0, 1.0, size)
        for k, size in (("l", h), ("r", h), ("t", w), ("b", w))
    }
    xs, ys = np.arange(w)[None, :], np.arange(h)[:, None]
    dark = (
        (xs < (110 + 25 * edge["l"])[:, None])
        | (xs > w - (45 + 12 * edge["r"])[:, None])
        | (ys < (70 + 18 * edge["t"])[None, :])
        | (ys > h - (40 + 10 * edge["b"])[None, :])
    )
    arr[dark] = 28.0 + 10.0 * smooth_noise(rng, (h, w), 32)[dark]
    arr += rng.normal(0.0, 6.0, arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return out.filter(ImageFilter.GaussianBlur(0.5))


def jpeg(img: Image.Image, quality: int = ms.JPEG_QUALITY, dpi: int = ms.DPI) -> bytes:
    """Greyscale JPEG with its resolution recorded."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


# --- PDFs ----------------------------------------------------------------------------------


def new_pdf() -> FPDF:
    """make_samples.py's A4 document (fixed date and /ID), with DejaVu Serif for text pages."""
    pdf = ms.new_pdf()
    pdf.set_creator(CREATOR)
    for style, key in (("", "regular"), ("B", "bold"), ("I", "italic")):
        pdf.add_font("DejaVuSerif", style, fname=mr.FONTS[key])
    return pdf


def add_image_page(pdf: FPDF, data: bytes, size_px: tuple[int, int]) -> None:
    """One full-page scan; landscape when the image is wider than tall."""
    landscape = size_px[0] > size_px[1]
    pdf.add_page(orientation="L" if landscape else "P")
    w, h = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    pdf.image(io.BytesIO(data), x=0, y=0, w=w, h=h)


def add_text_page(pdf: FPDF, page: SourcePage) -> None:
    """A born-digital page: the lines in embedded DejaVu Serif, a real space between words."""
    pdf.add_page()
    for p in page.placed:
        pdf.set_font("DejaVuSerif", {"regular": "", "bold": "B", "italic": "I"}[p.style], p.pt)
        width = pdf.get_string_width(p.text)
        if p.align == "justify":
            words = p.text.split(" ")
            gap = (p.right - p.x - sum(pdf.get_string_width(w) for w in words)) / (len(words) - 1)
            x = p.x
            for w in words:
                pdf.text(x, p.y, w + " ")
                x += pdf.get_string_width(w) + gap
            continue
        x = {"left": p.x, "center": p.x - width / 2, "right": p.x - width}[p.align]
        pdf.text(x, p.y, p.text)


def scan_pdf(images: list[Image.Image], dpi: int = ms.DPI) -> bytes:
    """Image-only PDF, one greyscale JPEG per page, the page size fitting the DPI (A4)."""
    pdf = new_pdf()
    for img in images:
        add_image_page(pdf, jpeg(img, dpi=dpi), img.size)
    return bytes(pdf.output())


# --- legacy-font PDFs ----------------------------------------------------------------------


def legacy_bytes(text: str, encoding: str) -> bytes:
    """Legacy text as baocao.extract.legacy.encode writes it (chr(b), or the cp1252 character
    for bytes 0x80-0x9F: quotes, dashes, the ellipsis) turned into the bytes of the PDF."""
    legacy = encode(text, encoding)
    return bytes(ord(ch) if ord(ch) < 256 else ch.encode("cp1252")[0] for ch in legacy)


def legacy_runs(text: str, encoding: str) -> list[tuple[bytes, str]]:
    """(bytes, encoding) runs of a line. A capitals-only line goes wholly into the H font (as
    headings and title blocks were typed); in mixed-case TCVN3 text only the toned capitals,
    which VN3 lacks, switch to it."""
    letters = [ch for ch in text if ch.isalpha()]
    if encoding == "tcvn3" and letters and all(ch.isupper() for ch in letters):
        return [(legacy_bytes(text, "tcvn3-upper"), "tcvn3-upper")]
    if encoding != "tcvn3":
        return [(legacy_bytes(text, encoding), encoding)]
    runs: list[tuple[bytes, str]] = []
    for ch in text:
        try:
            piece, enc = legacy_bytes(ch, "tcvn3"), "tcvn3"
        except ValueError:  # a toned capital
            piece, enc = legacy_bytes(ch, "tcvn3-upper"), "tcvn3-upper"
        if runs and runs[-1][1] == enc:
            runs[-1] = (runs[-1][0] + piece, enc)
        else:
            runs.append((piece, enc))
    return runs


@cache
def legacy_widths(encoding: str) -> tuple[int, ...]:
    """Advance widths (1/1000 em) of bytes 32-255 in a legacy font: DejaVu Serif's width of the
    letter the byte stands for; VNI's tone and hat marks are zero-width, drawn over the base."""
    font = ImageFont.truetype(mr.FONTS["regular"], 1000)
    bases = "aeiouyAEIOUYôöÔÖ"
    widths = []
    for b in range(32, 256):
        try:
            ch = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            ch = chr(b)
        if encoding == "vni" and any(len(convert(x + ch, "vni")) == 1 for x in bases):
            widths.append(0)
            continue
        letter = convert(ch, encoding) if b >= 0x80 else ch
        widths.append(round(font.getlength(letter[:1] or " ")))
    return tuple(widths)


def _pdf_string(data: bytes) -> str:
    """A PDF literal string; bytes outside printable ASCII as octal escapes."""
    out = []
    for b in data:
        if b in b"()\\":
            out.append("\\" + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
    return "(" + "".join(out) + ")"


def legacy_pdf(pages: list[SourcePage], encoding: str) -> bytes:
    """A born-digital PDF whose text is legacy bytes in a non-embedded simple TrueType font
    (.VnTime + .VnTimeH, or VNI-Times) with /WinAnsiEncoding; no Info dictionary, no dates."""
    encs = ("tcvn3", "tcvn3-upper") if encoding == "tcvn3" else (encoding,)
    res = {enc: f"F{k + 1}" for k, enc in enumerate(encs)}
    mm = 72 / 25.4
    page_h = A4_MM[1] * mm

    def width_pt(data: bytes, enc: str, size: float) -> float:
        return sum(legacy_widths(enc)[b - 32] for b in data) * size / 1000

    contents = []
    for page in pages:
        ops = []
        for p in page.placed:
            runs = legacy_runs(ms.nfc(p.text), encoding)
            natural = sum(width_pt(data, enc, p.pt) for data, enc in runs)
            spaces = sum(data.count(b" ") for data, _ in runs)
            tw = 0.0
            if p.align == "justify" and spaces:
                tw = ((p.right - p.x) * mm - natural) / spaces
            x = {
                "left": p.x * mm,
                "justify": p.x * mm,
                "center": p.x * mm - natural / 2,
                "right": p.x * mm - natural,
            }[p.align]
            line = [f"BT {tw:.3f} Tw 1 0 0 1 {x:.2f} {page_h - p.y * mm:.2f} Tm"]
            for data, enc in runs:
                line.append(f"/{res[enc]} {p.pt:g} Tf {_pdf_string(data)} Tj")
            ops.append(" ".join(line) + " ET")
        contents.append("\n".join(ops).encode("ascii"))

    n_fonts = len(encs)
    first_page = 3 + 2 * n_fonts  # objects: catalog, pages, fonts (+ descriptors), pages
    kids = " ".join(f"{first_page + 2 * k} 0 R" for k in range(len(pages)))
    objects: list[str | bytes] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>",
    ]
    for k, enc in enumerate(encs):
        name = LEGACY_FONTS[enc]
        widths = " ".join(map(str, legacy_widths(enc)))
        objects.append(
            f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar 32 /LastChar 255 "
            f"/Widths [{widths}] /Encoding /WinAnsiEncoding /FontDescriptor {4 + 2 * k} 0 R >>"
        )
        objects.append(
            f"<< /Type /FontDescriptor /FontName /{name} /Flags 34 /FontBBox [-200 -250 1000 950] "
            f"/ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 >>"
        )
    fonts = " ".join(f"/{res[enc]} {3 + 2 * k} 0 R" for k, enc in enumerate(encs))
    for k, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4_MM[0] * mm:.2f} {page_h:.2f}] "
            f"/Resources << /Font << {fonts} >> >> /Contents {first_page + 2 * k + 1} 0 R >>"
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        data = body.encode("ascii") if isinstance(body, str) else body
        out += b"%d 0 obj\n" % n + data + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- the set -------------------------------------------------------------------------------


@dataclass
class Sample:
    """One output file and what each of its pages is."""

    stem: str
    ext: str
    variant: str
    description: str
    data: bytes = b""
    pages: list[SourcePage] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # "ocr" or "text" per page
    transforms: list[str] = field(default_factory=list)
    dpi: int | None = ms.DPI


def build_all() -> list[Sample]:
    """Render every file of the set."""
    ninh, giang = seed_page(ms.BACNINH), seed_page(ms.BACGIANG)
    laocai1 = report_page("report_6_lao_cai", 1, 0.3)
    laocai2 = report_page("report_6_lao_cai", 2, -0.4)
    dongthap1 = report_page("report_5_dong_thap", 1, 0.3)
    thaibinh2 = report_page("report_2_thai_binh", 2, -0.4)
    samples = []

    def scans(stem, variant, desc, items, make, dpi=ms.DPI):
        imgs = [make(p, seed) for p, seed in items]
        s = Sample(
            stem,
            "pdf",
            variant,
            desc,
            scan_pdf(imgs, dpi),
            [p for p, _ in items],
            ["ocr"] * len(items),
            dpi=dpi,
        )
        samples.append(s)
        return s

    s = scans(
        "rotated90",
        "rotated_90",
        "pages scanned sideways",
        [(ninh, 9001), (laocai2, 9002)],
        lambda p, seed: rotated(scan(p, seed), 90 if p is ninh else 270),
    )
    s.transforms = ["scan, turned 90° anticlockwise", "scan, turned 90° clockwise"]
    s = scans(
        "rotated180",
        "rotated_180",
        "pages scanned upside down",
        [(giang, 9011), (dongthap1, 9012)],
        lambda p, seed: rotated(scan(p, seed), 180),
    )
    s.transforms = ["scan, turned 180°"] * 2
    s = scans(
        "skew_plus_2_5",
        "skew_+2.5",
        "page skewed 2.5° anticlockwise",
        [(ninh, 9021)],
        lambda p, seed: scan(p, seed, 2.5),
    )
    s.transforms = ["scan, skew +2.5°"]
    s = scans(
        "skew_minus_3_5",
        "skew_-3.5",
        "page skewed 3.5° clockwise",
        [(thaibinh2, 9031)],
        lambda p, seed: scan(p, seed, -3.5),
    )
    s.transforms = ["scan, skew -3.5°"]
    s = scans(
        "dpi150",
        "dpi_150",
        "scanned at 150 DPI (150-DPI JPEGs on A4 pages)",
        [(giang, 9041), (laocai2, 9042)],
        lambda p, seed: at_150_dpi(scan(p, seed)),
        150,
    )
    s.transforms = ["scan, 2 × 2 box-averaged to 150 DPI"] * 2
    s = scans(
        "uneven_light",
        "uneven_light",
        "strong light gradient, spine shadow, grey paper",
        [(ninh, 9051), (thaibinh2, 9052)],
        uneven_light,
    )
    s.transforms = ["uneven lighting"] * 2
    s = scans(
        "photocopy",
        "photocopy",
        "photocopy: dark borders, specks, bold blurred text",
        [(giang, 9061), (dongthap1, 9062)],
        photocopy,
    )
    s.transforms = ["photocopy"] * 2

    for stem, page, seed in (
        ("jpeg_q20_bacgiang_p56", giang, 9071),
        ("jpeg_q20_dongthap_p1", dongthap1, 9072),
    ):
        data = jpeg(scan(page, seed), quality=20)
        samples.append(
            Sample(
                stem,
                "jpg",
                "jpeg_q20",
                "300-DPI scan saved as JPEG quality 20",
                data,
                [page],
                ["ocr"],
                ["scan, JPEG quality 20"],
            )
        )

    samples.append(
        Sample(
            "tcvn3_laocai",
            "pdf",
            "tcvn3",
            "born-digital, TCVN3 text layer (.VnTime, capitals-only lines in .VnTimeH), "
            "fonts not embedded",
            legacy_pdf([laocai1, laocai2], "tcvn3"),
            [laocai1, laocai2],
            ["text"] * 2,
            ["TCVN3 text layer"] * 2,
            None,
        )
    )
    samples.append(
        Sample(
            "vni_khuyencong",
            "pdf",
            "vni",
            "born-digital, VNI text layer (VNI-Times), font not embedded",
            legacy_pdf([ninh, giang], "vni"),
            [ninh, giang],
            ["text"] * 2,
            ["VNI text layer"] * 2,
            None,
        )
    )

    pdf = new_pdf()
    img = scan(ninh, 9081)
    add_image_page(pdf, jpeg(img), img.size)
    add_text_page(pdf, giang)
    img = scan(laocai2, 9082)
    add_image_page(pdf, jpeg(img), img.size)
    samples.append(
        Sample(
            "mixed",
            "pdf",
            "mixed",
            "scan, born-digital page (embedded DejaVu Serif), scan",
            bytes(pdf.output()),
            [ninh, giang, laocai2],
            ["ocr", "text", "ocr"],
            ["scan", "Unicode text layer", "scan"],
        )
    )
    return samples


def gold(s: Sample) -> dict:
    """Gold in the convention of gold/*.json, plus what the variant and pages are."""
    texts = [p.text for p in s.pages]
    sections, figures = [], []
    for n, page in enumerate(s.pages, start=1):
        sections += [sec | {"page": n} for sec in page.sections]
        for f in page.figures:
            assert f.raw in page.text, f"{f.raw!r} not in the text of {page.name}"
            fig = {"kind": f.kind, "raw": f.raw, "value": f.value, "unit": f.unit, "page": n}
            if f.scale:
                fig["scale"] = f.scale
            figures.append(fig)
    source = s.sources[0] if len(set(s.sources)) == 1 else "mixed"
    return {
        "file": f"{s.stem}.{s.ext}",
        "variant": s.variant,
        "description": s.description,
        "n_pages": len(s.pages),
        "source": source,
        "page_sources": s.sources,
        "dpi": s.dpi,
        "origins": [p.name for p in s.pages],
        "transforms": s.transforms,
        "headers": [list(p.headers) for p in s.pages],
        "footers": [list(p.footers) for p in s.pages],
        "pages": texts,
        "text": texts,
        "sections": sections,
        "figures": figures,
    }


def main() -> None:
    """Write the degraded set and its gold."""
    GOLD.mkdir(parents=True, exist_ok=True)
    total = 0
    for s in build_all():
        assert len(s.transforms) == len(s.pages) == len(s.sources), s.stem
        (OUT / f"{s.stem}.{s.ext}").write_bytes(s.data)
        text = json.dumps(gold(s), ensure_ascii=False, indent=1) + "\n"
        (GOLD / f"{s.stem}.json").write_text(text, encoding="utf-8")
        total += len(s.pages)
        print(f"{s.stem}.{s.ext}: {s.variant}, {len(s.pages)} pages, {len(s.data) / 1024:.0f} KiB")
    print(f"{total} pages")


if __name__ == "__main__":
    main()
