"""What a file is, from its first bytes rather than its name: the one place that decides
whether extract/ reads it as a PDF or as an image."""

from __future__ import annotations

from pathlib import Path

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
