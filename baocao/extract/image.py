"""Image input (PNG, JPEG, TIFF incl. multi-page): every frame goes straight to OCR."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, PngImagePlugin, UnidentifiedImageError

from baocao.datamodel import PageContent
from baocao.errors import DocumentError, PageError
from baocao.extract.handwriting import inks
from baocao.extract.prepare import check_page_shape
from baocao.extract.scan import read_scan

# Pillow inflates a PNG's compressed text and colour-profile chunks (zTXt, iTXt, iCCP) only up
# to PngImagePlugin.MAX_TEXT_CHUNK each and MAX_TEXT_MEMORY in all, and raises a ValueError
# naming the limit past it: a chunk of 1 MB can inflate to 1 GB.
PNG_CHUNK_LIMIT = "MAX_TEXT_"
PNG_CHUNK_BOMB = (
    f"the PNG holds a compressed text or colour-profile chunk that inflates past what baocao "
    f"reads ({PngImagePlugin.MAX_TEXT_CHUNK >> 20} MB a chunk, "
    f"{PngImagePlugin.MAX_TEXT_MEMORY >> 20} MB in all): a decompression bomb?")


def open_image(path: Path) -> tuple[int, Iterator[PageContent]]:
    """Open an image (raising DocumentError if it cannot be) and stream its frames."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentError(f"image far too large to be a page: {exc}") from exc
    except UnidentifiedImageError as exc:
        raise DocumentError(
            "not a readable image: the file's contents are not PNG, JPEG or TIFF"
        ) from exc
    except OSError as exc:
        raise DocumentError(f"broken image: {exc}") from exc
    except ValueError as exc:  # a chunk too large once inflated, or a broken header
        raise DocumentError(_broken(exc, "broken image")) from exc
    try:
        check_page_shape(*image.size)
    except PageError as exc:
        image.close()
        raise DocumentError(str(exc)) from None
    return getattr(image, "n_frames", 1), _frames(image)


def read_image_page(source: Path | bytes, i: int) -> PageContent:
    """Frame i alone (a worker's task when pages are read side by side), from the file or
    from its bytes."""
    with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
        return _frame(image, i)


def _frames(image: Image.Image) -> Iterator[PageContent]:
    try:
        for i in range(getattr(image, "n_frames", 1)):
            yield _frame(image, i)
    finally:
        image.close()


def _frame(image: Image.Image, i: int) -> PageContent:
    page_no = i + 1
    try:
        image.seek(i)
        check_page_shape(*image.size)  # each frame of a TIFF has its own size
        image.load()
        dpi = image.info.get("dpi", (None,))[0]
        return read_scan(image, page_no, round(dpi) if dpi else None, inks(image))
    except PageError as exc:
        return PageContent(page_no, "ocr", [], 0, 0, error=str(exc), retryable=exc.retryable)
    except MemoryError:
        return PageContent(page_no, "ocr", [], 0, 0, error="out of memory reading this page",
                           retryable=True)
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or corrupt image data
        return PageContent(page_no, "ocr", [], 0, 0, error=_broken(exc, "broken image data"))


def _broken(exc: Exception, what: str) -> str:
    """Why Pillow could not read the image: a chunk bomb said plainly, else its own words."""
    return PNG_CHUNK_BOMB if PNG_CHUNK_LIMIT in str(exc) else f"{what}: {exc}"
