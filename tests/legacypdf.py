"""Hand-written PDFs whose text is drawn in a legacy Vietnamese font (.VnTime, VNI-Times), as
Word printed them in the 2000s: a non-embedded TrueType font, WinAnsiEncoding, one byte a glyph."""

from __future__ import annotations

from pathlib import Path

from baocao.extract.legacy import encode_runs

A4 = (595.276, 841.89)
SIZE = 12
LEADING = 14.4
MARGIN = 56.7
DEFAULT_FONTS = {"tcvn3": ".VnTime", "tcvn3-upper": ".VnTimeH", "vni": "VNI-Times"}


def _widths(encoding: str) -> list[int]:
    """Glyph advances (1/1000 em) for bytes 32-255; VNI marks are zero-width, as in VNI fonts."""
    widths = [500] * 224
    widths[0] = 250
    if encoding == "vni":
        for ch in "ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË":
            widths[ord(ch) - 32] = 0
    return widths


def _pdf_string(data: bytes) -> str:
    """A PDF literal string with every byte outside printable ASCII written as an octal escape."""
    out = []
    for b in data:
        if b in b"()\\":
            out.append("\\" + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
    return "(" + "".join(out) + ")"


def _to_bytes(legacy: str) -> bytes:
    """Legacy text holds each byte b as chr(b), or as its cp1252 character for 0x80-0x9F."""
    return bytes(ord(ch) if ord(ch) < 256 else ch.encode("cp1252")[0] for ch in legacy)


def legacy_pdf(path: Path | str, lines: list[str], encoding: str, font: str | None = None) -> Path:
    """Write a one-page A4 PDF of `lines` (Unicode) in a legacy font, 12 pt from the top; with
    "tcvn3", toned capitals (absent from VN3) are drawn in the font's H twin, as typists did."""
    base = font or DEFAULT_FONTS[encoding]
    upper = base if encoding == "tcvn3-upper" else base + "H"
    fonts = {"tcvn3": ("F1", base), "tcvn3-upper": ("F2", upper), "vni": ("F1", base)}

    ops = ["BT", f"{LEADING} TL", f"{MARGIN} {A4[1] - MARGIN - SIZE} Td"]
    used: dict[str, str] = {}
    for i, line in enumerate(lines):
        if i:
            ops.append("T*")
        for legacy, enc in encode_runs(line, encoding):
            res, name = fonts[enc]
            used[res] = name
            ops.append(f"/{res} {SIZE} Tf {_pdf_string(_to_bytes(legacy))} Tj")
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")

    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    ]
    font_refs = " ".join(f"/{res} {5 + 2 * k} 0 R" for k, res in enumerate(used))
    objects.append(
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] "
        f"/Resources << /Font << {font_refs} >> >> /Contents 4 0 R >>".encode("ascii")
    )
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    widths = " ".join(map(str, _widths(encoding)))
    for k, (_res, name) in enumerate(used.items()):
        font_dict = (
            f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar 32 /LastChar 255 "
            f"/Widths [{widths}] /Encoding /WinAnsiEncoding /FontDescriptor {6 + 2 * k} 0 R >>"
        )
        objects.append(font_dict.encode("ascii"))
        objects.append(
            f"<< /Type /FontDescriptor /FontName /{name} /Flags 34 "
            f"/FontBBox [-200 -250 1000 950] /ItalicAngle 0 /Ascent 900 /Descent -250 "
            f"/CapHeight 700 /StemV 80 >>".encode("ascii")
        )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path = Path(path)
    path.write_bytes(bytes(out))
    return path
