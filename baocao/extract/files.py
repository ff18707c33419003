"""What a file is, from its first bytes rather than its name: the one place that decides
whether extract/ reads it as a PDF or as an image."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import unicodedata
from pathlib import Path

from baocao.errors import DocumentError

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES

# How many bytes are looked at: PDF writers may put junk before "%PDF-" (the spec lets
# readers look through the first kilobyte).
HEAD_BYTES = 1024


def head(source: Path | bytes) -> bytes:
    """The first bytes of a file, or of a file's contents held in memory."""
    if isinstance(source, bytes):
        return source[:HEAD_BYTES]
    with source.open("rb") as fh:
        return fh.read(HEAD_BYTES)


def is_pdf(source: Path | bytes) -> bool:
    """A PDF by its contents, whatever the file is called."""
    return b"%PDF-" in head(source)


# The first bytes of the formats met in archives. Example: b"GIF89a…" is a GIF whatever
# its name says.
SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"), (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"PK\x03\x04", "ZIP (an Office or OpenDocument file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office (Word, Excel)"),
]
READABLE_IMAGES = {"PNG", "JPEG", "TIFF"}


def sniff(first: bytes) -> str | None:
    """The format the bytes say, or None when they name none of SIGNATURES."""
    if b"%PDF-" in first:
        return "PDF"
    if first[:4] == b"RIFF" and first[8:12] == b"WEBP":
        return "WebP"
    return next((name for magic, name in SIGNATURES if first.startswith(magic)), None)


def check_regular(path: Path) -> None:
    """A path baocao may open: a regular file. A FIFO would block the run forever, a
    device never ends, a broken or looping link has nothing to read."""
    if path.is_symlink() and not path.exists():
        try:
            path.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 says so for a loop
            raise DocumentError("symbolic link loop: the link points back to itself") from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise DocumentError("symbolic link loop: the link points back to itself"
                                    ) from None
            raise DocumentError(f"broken symbolic link: it points to {os.readlink(path)}, "
                                "which does not exist") from None
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        what = ("a folder" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "a device")
        raise DocumentError(f"not a regular file: it is {what}")


def is_regular(path: Path) -> bool:
    """check_regular() as a yes or no, for callers that only skip."""
    try:
        check_regular(path)
    except (DocumentError, OSError):
        return False
    return True


def readable_path(path: Path | str) -> tuple[str, str | None]:
    """The path as a person reads it, and its raw bytes in hex when they are not UTF-8 (names
    copied from old Windows disks, in Vietnamese Windows' cp1258: b"b\\xe1o c\\xe1o.pdf" →
    "báo cáo.pdf"), so the name is stored losslessly and shown readably."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace")), raw.hex()


def path_from_bytes(hex_bytes: str) -> Path:
    """The path readable_path() stored as hex, to open the file again."""
    return Path(os.fsdecode(bytes.fromhex(hex_bytes)))


def printable(text: str) -> str:
    """A name for a terminal line: control characters (a newline in a file name) escaped so
    they cannot forge a line. Example: "a\\nb.pdf" → "a\\\\nb.pdf"."""
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def file_sha256(path: Path) -> str:
    """The document's id: the same bytes are the same document wherever they lie."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
