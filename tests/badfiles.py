"""Broken inputs an archive really holds, made on the fly from a good sample."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from pypdf import PdfReader, PdfWriter


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb_png(path: Path, side: int = 60_000) -> None:
    """A tiny PNG whose header claims 60 000 × 60 000 pixels (3.6 gigapixels)."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" + b"\x00" * (side // 8)
    data = zlib.compress(row * 64, 9)  # far fewer rows than claimed: cheap to write
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def make_bad_files(folder: Path, good_pdf: Path, good_png: Path) -> dict[str, str]:
    """Write one file per kind of bad input; return file name → a word its reason must hold."""
    pdf = good_pdf.read_bytes()
    (folder / "truncated.pdf").write_bytes(pdf[:600])
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    (folder / "not_a_pdf.pdf").write_bytes(b"<html><body>B\xc3\xa1o c\xc3\xa1o</body></html>\n")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "report.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    png = good_png.read_bytes()
    (folder / "broken.png").write_bytes(png[:64] + b"\x00" * 256)
    decompression_bomb_png(folder / "bomb.png")
    writer = PdfWriter()
    for page in PdfReader(good_pdf).pages:
        writer.add_page(page)
    writer.encrypt(user_password="bi-mat", owner_password="bi-mat-hon")
    with (folder / "encrypted.pdf").open("wb") as fh:
        writer.write(fh)
    return {
        "truncated.pdf": "pdf",
        "garbage.pdf": "pdf",
        "not_a_pdf.pdf": "not a pdf",
        "empty.pdf": "empty",
        "report.docx": "unsupported",
        "broken.png": "image",
        "bomb.png": "too large",
        "encrypted.pdf": "encrypted",
    }
