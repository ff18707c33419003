"""Hostile inputs: files made to exhaust memory or time, to hang a reader, to crash a worker or
to forge the run's output, written on the fly; and a way to run `baocao` while watching the
memory of its whole process tree.

Each `write_*` function writes one file (or a FIFO, or a link) and returns its path;
`hostile_batch(folder)` writes the whole battery and says, for each file, a word its failure
reason must hold (None: a good file under a hostile guise, which must be read).
"""

from __future__ import annotations

import csv
import io
import os
import signal
import struct
import subprocess
import sys
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

# The peak memory a run may take, its workers and their Tesseracts together.
MEMORY_LIMIT = 1 << 30
# A run is killed when it goes far beyond that, so a failing test cannot take the machine down.
KILL_ABOVE = 3 << 30


# --- images -------------------------------------------------------------------------------

def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_png(path: Path, width: int, height: int, rows) -> Path:
    """An 8-bit greyscale PNG from an iterable of rows (bytes of `width` grey levels)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    co = zlib.compressobj(9)
    data = b"".join(co.compress(b"\x00" + row) for row in rows) + co.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
                     + _png_chunk(b"IDAT", data) + _png_chunk(b"IEND", b""))
    return path


def write_strip_png(path: Path, width: int = 30, height: int = 20_000) -> Path:
    """A page 30 pixels wide and 20 000 high (a few KB): no report page is this shape, and
    scaling it for OCR makes a huge image. A few black lines across it."""
    white, black = b"\xff" * width, b"\x00" * width
    return write_png(path, width, height,
                     (black if y % 1000 < 3 else white for y in range(height)))


def write_tiny_png(path: Path) -> Path:
    """One pixel: nothing to read, and no resolution to guess from its size."""
    return write_png(path, 1, 1, [b"\x00"])


def write_gif_named_png(path: Path) -> Path:
    """A real page saved as GIF but named .png."""
    from PIL import Image

    with Image.open(SAMPLES / "bacgiang_p56_scan.png") as page:
        page.convert("L").save(path, format="GIF")
    return path


def render_sample_page(dpi: int = 300):
    """samples/bacninh_p62_scan.pdf's page rendered in grey at `dpi` (A4 at 300 DPI:
    2480 × 3508 pixels), as a PIL image."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SAMPLES / "bacninh_p62_scan.pdf"))
    try:
        page = pdf[0]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        page.close()
        return image.convert("L")
    finally:
        pdf.close()


# --- pages with (almost) nothing on them ----------------------------------------------------

A4_300DPI = (2480, 3508)
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"  # as samples/make_samples.py


def scanned_paper(seed: int = 0):
    """An A4 sheet of greyish paper scanned at 300 DPI: lighter towards one corner (uneven
    light) and grainy (sensor noise), as a numpy array."""
    import numpy as np

    rng = np.random.default_rng(seed)
    width, height = A4_300DPI
    light = np.linspace(0, 12, width)[None, :] + np.linspace(0, 8, height)[:, None]
    paper = 228 + light + rng.normal(0, 2, (height, width))
    return np.clip(paper, 0, 255)


def near_blank_page(seed: int = 0):
    """The back of a sheet, scanned: grainy paper, the front's text showing through
    mirrored and faint, a stamp bled through from the front (a faint ring with its words),
    dust specks; kept as JPEG like most scanned PDFs' pages. Nothing on it to read."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont, ImageOps

    rng = np.random.default_rng(seed)
    front = Image.new("L", A4_300DPI, 0)  # the front's ink, white on black
    draw = ImageDraw.Draw(front)
    font = ImageFont.truetype(SERIF, 54)  # 13 pt
    for k in range(30):
        draw.text((300, 400 + k * 90), "Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện năm "
                  "2023", font=font, fill=255)
    draw.ellipse((1500, 2300, 1980, 2780), outline=255, width=18)  # a stamp, 4 cm
    draw.text((1560, 2510), "UBND TỈNH", font=font, fill=255)
    ink = np.asarray(ImageOps.mirror(front), dtype=np.float64) / 255
    paper = scanned_paper(seed) - 22 * ink  # show-through: 22 grey levels
    for _ in range(300):  # dust and toner specks, 1–4 pixels across (0.1–0.3 mm)
        y, x = rng.integers(0, A4_300DPI[1] - 4), rng.integers(0, A4_300DPI[0] - 4)
        size = rng.integers(1, 5)
        paper[y:y + size, x:x + size] = rng.integers(40, 160)
    return Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8))


def page_with_only(text: str, points: float = 13, at: str = "bottom"):
    """A scanned page with nothing on it but `text`, in `points` type: a page number at the
    bottom, or one short line at the top. Its paper is even (on grainy paper Tesseract reads
    the grain around a lone page number as lines of text, and takes seconds to)."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", A4_300DPI, 236)
    font = ImageFont.truetype(SERIF, round(points / 72 * 300))
    width, height = A4_300DPI
    y = height - 250 if at == "bottom" else 350
    ImageDraw.Draw(page).text((width // 2, y), text, font=font, fill=30, anchor="ms")
    return page


def write_scans_pdf(path: Path, pages: list, quality: int = 60) -> Path:
    """Page images as a scanned PDF at 300 DPI, each page a JPEG (as scanners write)."""
    first, *rest = [page.convert("L") for page in pages]
    first.save(path, format="PDF", save_all=True, append_images=rest, resolution=300,
               quality=quality)
    return path


def write_a4_300dpi_tagged_72(path: Path) -> Path:
    """An A4 scan at 300 DPI (2480 × 3508 pixels) whose file says 72 DPI: taken at its word,
    the page would be 87 × 124 cm and scaled up 4× for OCR (150 megapixels)."""
    render_sample_page(300).save(path, format="PNG", dpi=(72, 72))
    return path


def write_truncated_jp2(path: Path) -> Path:
    """A JPEG 2000 page cut off after a quarter of its bytes."""
    from PIL import Image

    buffer = io.BytesIO()
    with Image.open(SAMPLES / "bacgiang_p56_scan.png") as page:
        page.convert("L").save(buffer, format="JPEG2000", irreversible=True,
                               quality_mode="rates", quality_layers=[40])
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 4])
    return path


def write_gigapixel_tiff(path: Path, width: int = 40_000, height: int = 25_000) -> Path:
    """A 200-byte TIFF whose header claims 40 000 × 25 000 = 1 billion 8-bit pixels."""
    entries = [  # tag, type (3 SHORT, 4 LONG), count, value
        (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1),
        (262, 3, 1, 1), (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, height),
        (279, 4, 1, width * height),
    ]
    ifd_offset = 8 + 16
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3
                                                 else struct.pack("<I", value))
        for tag, kind, count, value in entries) + struct.pack("<I", 0)
    path.write_bytes(b"II*\x00" + struct.pack("<I", ifd_offset) + b"\xff" * 16 + ifd)
    return path


def write_overlapping_grid_png(path: Path) -> Path:
    """An A4 page at 300 DPI holding a 2 × 2 ruled table whose inner rules stop halfway, as
    on a photocopy that lost them: the top-left box is ruled off, the other three are one
    L-shaped box round its corner, which no rectangle of cells can be. The grid builder once
    gave the top-left cell twice, and the document's write broke the batch."""
    import cv2
    import numpy as np
    from PIL import Image

    page = np.full((3508, 2480), 255, np.uint8)
    left, top, right, bottom, middle_x, middle_y = 300, 700, 2180, 1500, 1240, 1100
    for start, end in [((left, top), (right, top)), ((left, bottom), (right, bottom)),
                       ((left, top), (left, bottom)), ((right, top), (right, bottom)),
                       ((middle_x, top), (middle_x, middle_y)),  # only the top half
                       ((left, middle_y), (middle_x, middle_y))]:  # only the left half
        cv2.line(page, start, end, 0, 5)
    for text, where in [("Bang 1. Ket qua", (300, 600)), ("Chi tieu", (400, 950)),
                        ("1.250", (1500, 950)), ("Tong so 320", (500, 1350))]:
        cv2.putText(page, text, where, cv2.FONT_HERSHEY_SIMPLEX, 3, 0, 6)
    Image.fromarray(page).save(path, dpi=(300, 300))
    return path


def _zeros_deflated(size: int) -> bytes:
    """`size` zero bytes as a zlib stream (about 1 KB a MB), made in a second however large:
    one 16 MB block compressed once and repeated (each ends in a full flush, so the copies
    stand alone), then the checksum of `size` zeros."""
    block = 1 << 24
    co = zlib.compressobj(9)
    first = co.compress(b"\x00" * block) + co.flush(zlib.Z_FULL_FLUSH)
    copies, rest = divmod(size, block)
    tail = co.compress(b"\x00" * rest) + co.flush(zlib.Z_FULL_FLUSH) if rest else b""
    adler = ((size % 65521) << 16) | 1  # Adler-32 of zeros: its sum stays 1
    blocks = first + first[2:] * (copies - 1) if copies else first[:2]
    return blocks + tail + b"\x03\x00" + struct.pack(">I", adler)


def _white_png_chunks(width: int = 600, height: int = 800) -> tuple[bytes, bytes, bytes]:
    """A white greyscale PNG's signature and header, its image data, and its end."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress((b"\x00" + b"\xff" * width) * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header), _png_chunk(b"IDAT", data),
            _png_chunk(b"IEND", b""))


def write_png_chunk_bomb(path: Path, kind: bytes = b"iCCP", inflated: int = 1 << 30,
                         after_image: bool = False, copies: int = 1) -> Path:
    """A small white PNG with a compressed ancillary chunk (a colour profile, iCCP, or a
    text, zTXt) of about 1 MB that inflates to 1 GiB; before the image data, or after it
    (read only when the pixels are). Or `copies` chunks of what each inflates to."""
    name = b"ICC profile" if kind == b"iCCP" else b"Comment"
    chunks = _png_chunk(kind, name + b"\x00\x00" + _zeros_deflated(inflated)) * copies
    head, image, end = _white_png_chunks()
    path.write_bytes(head + image + chunks + end if after_image
                     else head + chunks + image + end)
    return path


def write_png_chunk_bombs(folder: Path) -> dict[str, str]:
    """The PNG chunk bombs, by file name: a colour profile and a text inflating to 1 GiB each,
    a text after the image data, and 80 texts of 1,000,000 bytes each (each under Pillow's
    limit for one, not in all). Returns name → the words its failure reason holds."""
    write_png_chunk_bomb(folder / "png_iccp_1gib.png", b"iCCP")
    write_png_chunk_bomb(folder / "png_ztxt_1gib.png", b"zTXt")
    write_png_chunk_bomb(folder / "png_ztxt_after_image.png", b"zTXt", after_image=True)
    write_png_chunk_bomb(folder / "png_80_texts_of_1mb.png", b"zTXt", 1_000_000, copies=80)
    return dict.fromkeys(["png_iccp_1gib.png", "png_ztxt_1gib.png",
                          "png_ztxt_after_image.png", "png_80_texts_of_1mb.png"],
                         "decompression bomb")


# --- PDFs ---------------------------------------------------------------------------------

def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of the given object bodies, numbered from 1; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


A4 = b"[0 0 595 842]"


def write_content_bomb_pdf(path: Path, inflated: int = 1_100_000_000) -> Path:
    """One page whose content stream is 1 MB compressed and 1.1 GB of spaces inflated.
    Compressed chunk by chunk: the generator itself never holds more than 16 MB."""
    chunk = b" " * (1 << 24)
    co = zlib.compressobj(9)
    parts = [co.compress(b"BT ET\n")]
    left = inflated
    while left > 0:
        parts.append(co.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(co.flush())
    data = b"".join(parts)
    return write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
        + b"\nendstream",
    ])


# An image declared 60,000 pixels a side: 3.6 gigapixels, 450 MB at one bit a pixel.
BOMB_SIDE = 60_000


def _ccitt_white(side: int) -> bytes:
    """CCITT G4 data for `side` white rows: each row is the one-bit code "as the row above"
    (V0), so 60,000 rows take 7.5 KB."""
    return b"\xff" * ((side + 7) // 8)


def _jbig2_white(side: int) -> bytes:
    """An embedded JBIG2 stream (no file header) of one page `side` pixels a side with
    nothing on it: a page information segment and an end of page, 30 bytes."""
    info = struct.pack(">IIIIBH", side, side, 0, 0, 0, 0)
    return (struct.pack(">IBBBI", 0, 48, 0, 1, len(info)) + info
            + struct.pack(">IBBBI", 1, 49, 0, 1, 0))


def _image_bomb_stream(kind: str, side: int) -> bytes:
    """An image XObject declared `side` × `side` pixels whose compressed data is tiny."""
    head = b" /Type /XObject /Subtype /Image /Width %d /Height %d" % (side, side)
    if kind == "ccitt":
        return _stream(_ccitt_white(side), head + b" /ColorSpace /DeviceGray"
                       b" /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1"
                       b" /Columns %d /Rows %d >>" % (side, side), compress=False)
    if kind == "jbig2":
        return _stream(_jbig2_white(side), head + b" /ColorSpace /DeviceGray"
                       b" /BitsPerComponent 1 /Filter /JBIG2Decode", compress=False)
    data = _zeros_deflated(side * side)  # Flate: every grey pixel there, black
    return b"<< /Length %d%s /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter" \
        b" /FlateDecode >>\nstream\n" % (len(data), head) + data + b"\nendstream"


# The widest Flate image PDFium decodes (20,000 pixels a side, 8 bits: 400 MB); past 2 GB
# a bitmap it refuses to.
FLATE_BOMB_SIDE = 20_000


def write_image_bomb_pdf(path: Path, kind: str = "ccitt", side: int | None = None,
                         n_pages: int = 2) -> Path:
    """A PDF of A4 pages, each drawing over the whole page an image declared `side` ×
    `side` pixels in a few KB: CCITT G4 (7.5 KB a page), JBIG2 (30 bytes) or Flate (400 KB:
    20,000 pixels a side by default)."""
    side = side or (FLATE_BOMB_SIDE if kind == "flate" else BOMB_SIDE)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % (3 + 3 * k) for k in range(n_pages)), n_pages),
    ]
    for k in range(n_pages):
        first = 3 + 3 * k
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Resources << /XObject"
            b" << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (first + 2, first + 1),
            _stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
            _image_bomb_stream(kind, side),
        ]
    return write_pdf(path, objects)


def write_inline_image_bomb_pdf(path: Path, side: int = BOMB_SIDE) -> Path:
    """One A4 page drawing an inline image (BI … ID … EI, inside the content stream)
    declared `side` × `side` pixels of CCITT G4."""
    inline = (b"q 595 0 0 842 0 0 cm BI /W %d /H %d /BPC 1 /CS /G /F /CCF /DP << /K -1"
              b" /Columns %d /Rows %d >> ID " % (side, side, side, side)
              + _ccitt_white(side) + b" EI Q")
    return write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents 4 0 R >>",
        _stream(inline),
    ])


def write_image_bombs(folder: Path) -> dict[str, str]:
    """The PDFs whose pages draw images declared far too large, by file name (two pages of
    CCITT G4, of JBIG2, of Flate, an inline image): name → the words its failure reason holds."""
    names = {}
    for kind in ("ccitt", "jbig2", "flate"):
        names[write_image_bomb_pdf(folder / f"image_{kind}_bomb.pdf", kind).name] = "too large"
    names[write_inline_image_bomb_pdf(folder / "image_inline_bomb.pdf").name] = "too large"
    return names


def write_blank_pages_pdf(path: Path, n_pages: int = 2000) -> Path:
    """`n_pages` blank A4 pages (2,000 in 240 KB), all drawing one shared, empty content
    stream: the backs of sheets scanned as a volume, at their most extreme."""
    first = 4
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % (first + k) for k in range(n_pages)), n_pages),
        _stream(b"q Q\n", compress=False),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents 3 0 R >>"
                ] * n_pages
    return write_pdf(path, objects)


def write_many_pages_pdf(path: Path, n_pages: int = 100_000) -> Path:
    """100 000 blank pages in 700 KB: one shared page object, listed 100 times by each of
    1000 Pages nodes under the root (PDFium counts 100 000 pages)."""
    fanout = 100
    leaves = (n_pages + fanout - 1) // fanout
    first_leaf = 4
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox %s >>" % (
            b" ".join(b"%d 0 R" % (first_leaf + k) for k in range(leaves)), n_pages, A4),
        b"<< /Type /Page /Parent %d 0 R >>" % first_leaf,
    ]
    for leaf in range(leaves):
        count = min(fanout, n_pages - leaf * fanout)
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (
            b" ".join([b"3 0 R"] * count), count))
    return write_pdf(path, objects)


def write_many_images_pdf(path: Path, draws: int = 10_000) -> Path:
    """One page drawing one 2 × 2 image XObject 10 000 times, each at its own place."""
    ops = b"".join(b"q 4 0 0 4 %d %d cm /Im0 Do Q\n" % (20 + (i % 100) * 5, 20 + (i // 100) * 8)
                   for i in range(draws))
    image = _stream(b"\x00\xff\xff\x00", b" /Type /XObject /Subtype /Image /Width 2 /Height 2"
                                         b" /ColorSpace /DeviceGray /BitsPerComponent 8")
    return write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4
        + b" /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        _stream(ops),
        image,
    ])


def write_nested_pdf(path: Path, depth: int = 100_000) -> Path:
    """A page whose dictionary holds arrays nested 100 000 deep (and dictionaries too): a
    parser that recurses runs out of stack."""
    arrays = b"[" * depth + b"]" * depth
    dicts = b"<< /A " * (depth // 10) + b"1" + b" >>" * (depth // 10)
    return write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents 4 0 R /Nest "
        + arrays + b" /Deep " + dicts + b" >>",
        _stream(b"BT /F1 12 Tf 72 720 Td (bao cao) Tj ET"),
    ])


def write_pages_reversed(path: Path, source: Path) -> Path:
    """The PDF `source` with its pages in the reverse order: another file, the same pages."""
    import pypdfium2 as pdfium

    pdf, out = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    try:
        out.import_pages(pdf, list(reversed(range(len(pdf)))))
        out.save(str(path))
    finally:
        out.close()
        pdf.close()
    return path


# A two-page report, and the name it has in a folder whose run rewrites it between its
# pages (tests/faults.py rewrite): the file changed while it was read.
REWRITTEN = "rewritten_during_run.pdf"
REWRITTEN_SOURCE = SAMPLES / "khuyencong_p62_p56_digital.pdf"


def write_rewritten_pair(folder: Path) -> tuple[Path, Path]:
    """The report as REWRITTEN in `folder`, and (beside the folder) the bytes it is rewritten
    with: its pages the other way round. Returns (the file, the bytes it gets)."""
    path = folder / REWRITTEN
    path.write_bytes(REWRITTEN_SOURCE.read_bytes())
    return path, write_pages_reversed(folder.parent / f"{REWRITTEN}.new", REWRITTEN_SOURCE)


# --- things that are not regular files ------------------------------------------------------

def write_fifo(path: Path) -> Path:
    """A named pipe: reading it waits forever for a writer that never comes."""
    os.mkfifo(path)
    return path


def write_dangling_link(path: Path) -> Path:
    path.symlink_to(path.parent / "da_xoa" / "bao_cao_goc.pdf")
    return path


def write_looping_link(path: Path) -> Path:
    path.symlink_to(path.name)  # points at itself
    return path


# --- names --------------------------------------------------------------------------------

# "báo cáo.pdf" as Windows-1258 bytes: not UTF-8, as old Vietnamese archives name files.
CP1258_NAME = b"b\xe1o c\xe1o.pdf"
FORGED_NAME = "bad\nfake.pdf: ok.pdf"


def write_cp1258_named_copy(folder: Path, source: Path | None = None) -> bytes:
    """A good PDF under a name that is not UTF-8; returns the file's path as bytes."""
    path = os.path.join(os.fsencode(folder), CP1258_NAME)
    with open(path, "wb") as out:
        out.write((source or SAMPLES / "bacninh_p62_scan.pdf").read_bytes())
    return path


def write_forged_name(folder: Path) -> Path:
    """A bad file whose name, printed raw, would add a line 'fake.pdf: ok.pdf …' to the
    run's failure summary."""
    path = folder / FORGED_NAME
    path.write_bytes(b"not a pdf")
    return path


# --- text a spreadsheet would run ----------------------------------------------------------

# What a reviewer may type that Excel, LibreOffice or Google Sheets would run as a formula
# (OWASP's examples): the title, a printed table's cell, and a corrections file's values and
# notes (a note is kept as written: a tab or a CR in front, a CR inside that would start a row).
HYPERLINK = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
CELL_FORMULA = "=SUM(A1:A9)"
HOSTILE_CORRECTIONS = {  # document field → (new value, note)
    "issuer": ("=cmd|' /C calc'!A0", ""),
    "signer": ("@SUM(1+1)", "\t=2+2"),
    "signer_title": ("+1+1", "\r=3+3"),
    "doc_code": ("-1+1", "Ghi chú\r=4+4"),
}
HOSTILE_TEXTS = (HYPERLINK, CELL_FORMULA,
                 *(text for pair in HOSTILE_CORRECTIONS.values() for text in pair if text))


def write_hostile_corrections(path: Path, doc_id: str) -> Path:
    """A corrections CSV, as `baocao correct --from` reads it, of HOSTILE_CORRECTIONS."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["doc_id", "target", "field", "new_value", "note"])
        for field, (value, note) in HOSTILE_CORRECTIONS.items():
            writer.writerow([doc_id, "document", field, value, note])
    return path


# A name whose control characters, printed raw, retitle the terminal (OSC 0 … BEL) and add a
# line that reads as a second search hit.
CONTROL_NAME = "report\x1b]0;owned\x07\n2. fake.pdf  page 9  lessons.pdf"


def write_control_named_copy(folder: Path, source: Path | None = None) -> Path:
    """A good PDF under CONTROL_NAME."""
    path = folder / CONTROL_NAME
    path.write_bytes((source or SAMPLES / "bacninh_p62_scan.pdf").read_bytes())
    return path


def write_deep_json(path: Path, depth: int = 200_000) -> Path:
    """[[[…]]] nested `depth` deep: json.loads recurses past Python's limit."""
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    return path


# --- the battery ----------------------------------------------------------------------------

def hostile_batch(folder: Path, slow: bool = True) -> dict[str, str | None]:
    """Write every hostile file into `folder`; return file name → a word (or several,
    separated by |, any of which will do) the file's failure reason must hold, lower case;
    None for a good file under a hostile guise, which must be read (status ok); a leading
    "ok|" where reading the file is as right as failing it with such a reason (see
    `outcome_ok`). Names are as os.listdir gives them (a name that is not UTF-8 holds
    surrogates: `readable_name` gives the one baocao records).

    slow=False leaves out the two files that take seconds to write and, once baocao copes,
    seconds to read: the 1.1 GB content stream and the 300-DPI scan tagged 72 DPI."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str | None] = {}

    def add(path: Path, word: str | None) -> None:
        expect[path.name] = word

    add(write_strip_png(folder / "strip_30x20000.png"), "pixels|too")
    add(write_tiny_png(folder / "one_pixel.png"), "too small")
    add(write_gif_named_png(folder / "gif_named.png"), "gif")
    add(write_truncated_jp2(folder / "truncated.jp2"),
        "jpeg 2000|jp2|unsupported|truncated|broken")
    add(write_gigapixel_tiff(folder / "gigapixel.tif"), "too large")
    add(write_many_pages_pdf(folder / "pages_100000.pdf"), "pages")
    add(write_many_images_pdf(folder / "images_10000.pdf"), "ok|image")
    add(write_nested_pdf(folder / "nested_100000.pdf"), "ok|pdf|nest|deep")
    add(write_fifo(folder / "pipe.pdf"), "not a regular file")
    add(write_dangling_link(folder / "dangling.pdf"), "symbolic link")
    add(write_looping_link(folder / "loop.pdf"), "symbolic link")
    add(write_forged_name(folder), "pdf")
    add(write_overlapping_grid_png(folder / "grid_overlapping_itself.png"), None)
    # another report than the bench's good file: the same bytes would be the same document
    named = write_cp1258_named_copy(folder, SAMPLES / "bacgiang_p56_scan.pdf")
    expect[os.fsdecode(os.path.basename(named))] = None
    expect.update(write_image_bombs(folder))
    expect.update(write_png_chunk_bombs(folder))
    if slow:
        add(write_content_bomb_pdf(folder / "content_1gb.pdf"), "too large|limit")
        add(write_a4_300dpi_tagged_72(folder / "a4_300dpi_tagged_72.png"), None)
    return expect


def outcome_ok(status: str | None, error: str | None, expected: str | None) -> bool:
    """A document's status and error are what hostile_batch expects of it; an "unexpected
    error" (an exception nobody foresaw) never is."""
    if error and "unexpected error" in error:
        return False
    if expected is None:
        return status == "ok"
    if expected.startswith("ok|"):
        if status == "ok":
            return True
        expected = expected[3:]
    return status == "failed" and reason_holds(error, expected)


def reason_holds(error: str | None, words: str) -> bool:
    """The failure reason holds one of the |-separated words (case does not matter)."""
    return bool(error) and any(w in error.lower() for w in words.split("|"))


def readable_name(name: str) -> str:
    """The name as baocao records it in documents.filename: a name that is not UTF-8
    (os.fsdecode left its bytes as surrogates) read as Windows-1258."""
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1258")


# --- memory of a process tree ---------------------------------------------------------------

def _children(pid: int) -> list[int]:
    kids = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids.extend(int(k) for k in fh.read().split())
    except OSError:  # gone meanwhile
        pass
    return kids


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants (workers, their Tesseracts)."""
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(_children(p))
    return tree


def _memory(pid: int) -> int:
    """Bytes of memory the process holds: its proportional share (Pss) of pages it shares
    with its forked parent or siblings, counted once over the tree, else its VmRSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_memory(pid: int) -> int:
    return sum(_memory(p) for p in process_tree(pid))


@dataclass
class Watched:
    """How a watched run ended."""

    returncode: int | None
    stdout: str
    stderr: str
    peak: int  # bytes, the process tree's largest total
    seconds: float
    timed_out: bool = False
    killed_for_memory: bool = False

    def why_not_done(self) -> str | None:
        if self.timed_out:
            return f"hung: killed after {self.seconds:.0f} s"
        if self.killed_for_memory:
            return f"killed when its process tree reached {self.peak / 2**30:.1f} GiB"
        return None


def peak_tree_rss(proc: subprocess.Popen, timeout: float = 600, kill_above: int = KILL_ABOVE,
                  interval: float = 0.05) -> tuple[int, bool, bool]:
    """Sample the memory of `proc` and its descendants every 50 ms until it exits; return
    (peak bytes, timed out, killed for memory). `proc` must lead its own process group
    (start_new_session=True): past the timeout, or above kill_above, the group is killed."""
    peak, start = 0, time.monotonic()
    timed_out = killed = False
    while proc.poll() is None:
        peak = max(peak, tree_memory(proc.pid))
        if peak > kill_above or time.monotonic() - start > timeout:
            killed, timed_out = peak > kill_above, not peak > kill_above
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            break
        time.sleep(interval)
    return peak, timed_out, killed


def run_watched(*args: str, timeout: float = 600, kill_above: int = KILL_ABOVE,
                cwd: Path = REPO, program: list[str] | None = None) -> Watched:
    """`python -m baocao ARGS` (or `program ARGS`: baocao with a fault of tests/faults.py) in
    a process group of its own, its tree's memory sampled."""
    start = time.monotonic()
    program = program or [sys.executable, "-m", "baocao"]
    proc = subprocess.Popen([*program, *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    out: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        out[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s), daemon=True)
               for n, s in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for reader in readers:
        reader.start()
    try:
        peak, timed_out, killed = peak_tree_rss(proc, timeout, kill_above)
    finally:
        if proc.poll() is None:  # the watcher itself was interrupted
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        try:  # workers left behind by a killed run: the group dies with its leader
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    for reader in readers:
        reader.join(timeout=30)
    return Watched(proc.returncode, out.get("stdout", b"").decode("utf-8", "replace"),
                   out.get("stderr", b"").decode("utf-8", "replace"), peak,
                   time.monotonic() - start, timed_out, killed)
