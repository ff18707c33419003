"""The Tesseract engine: checked once up front, then called through pytesseract.

Like OCRmyPDF's wrappers, every way the external program can be missing or fail
becomes one clear exception with its own exit code and the Debian package to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from functools import lru_cache
from pathlib import Path

import pytesseract
from PIL import Image

from baocao.datamodel import Line, Word
from baocao.errors import ExitCode, MissingDependencyError, PageError

LANG = "vie"
# A second reading of numbers: English data (Tesseract's own package installs it), one
# uniform block of text, and only these characters allowed.
DIGITS_LANG = "eng"
PSM_BLOCK = 6
DIGIT_CHARS = "0123456789.,/%-"
MIN_VERSION = (4, 1)
OCR_TIMEOUT_S = 300
# Tesseract's OpenMP threads make a page about 5× slower in wall time on a 2-core machine
# (7.6 s against 1.4 s for one 300-DPI page here); one thread per Tesseract, and pages run
# side by side instead. A value the user set is kept.
THREADS_ENV = ("OMP_THREAD_LIMIT", "1")


def limit_threads() -> None:
    """One OpenMP thread for every Tesseract this process starts, unless the user chose;
    called by whoever starts OCR in a process (a run, a page worker)."""
    os.environ.setdefault(*THREADS_ENV)


@lru_cache(maxsize=1)
def check_tesseract() -> str:
    """Fail early, naming the package, when the binary or the `vie` data is missing."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise MissingDependencyError(
            "tesseract was not found on PATH; install the Debian package "
            "'tesseract-ocr' (apt-get install tesseract-ocr tesseract-ocr-vie)",
            exit_code=ExitCode.no_tesseract,
        )
    try:
        version = pytesseract.get_tesseract_version()
    except Exception as exc:  # a broken install answers nonsense to --version
        raise MissingDependencyError(
            f"tesseract is installed but does not run ({exc}); reinstall 'tesseract-ocr'",
            exit_code=ExitCode.no_tesseract,
        ) from exc
    if (version.major, version.minor) < MIN_VERSION:
        raise MissingDependencyError(
            f"tesseract {version} is too old; baocao needs {'.'.join(map(str, MIN_VERSION))} "
            "or newer (Debian package 'tesseract-ocr')",
            exit_code=ExitCode.no_tesseract,
        )
    if LANG not in pytesseract.get_languages():
        raise MissingDependencyError(
            "Tesseract's Vietnamese language data 'vie' is not installed; install the "
            "Debian package 'tesseract-ocr-vie' (apt-get install tesseract-ocr-vie)",
            exit_code=ExitCode.no_vietnamese_data,
        )
    return str(version)


def ocr_image(image: Image.Image, psm: int) -> tuple[list[Line], float | None]:
    """OCR one page image; return its lines (with word boxes and confidences) and mean conf."""
    data = _run(pytesseract.image_to_data, image, LANG, f"--psm {psm}",
                output_type=pytesseract.Output.DICT)
    return _lines_from_data(data)


def read_digits(image: Image.Image) -> list[tuple[str, int, int, int, int]]:
    """Each character Tesseract reads on an image of numbers, allowed only digits and the
    marks numbers are written with, as (character, left, top, right, bottom) in pixels."""
    config = f"--psm {PSM_BLOCK} -c tessedit_char_whitelist={DIGIT_CHARS}"
    boxes = _run(pytesseract.image_to_boxes, image, digits_language(), config)
    out = []
    for row in boxes.splitlines():
        char, left, bottom, right, top = row.split(" ")[:5]
        # Tesseract counts box rows from the image's foot
        out.append((char, int(left), image.height - int(top), int(right),
                    image.height - int(bottom)))
    return out


@lru_cache(maxsize=1)
def digits_language() -> str:
    """The language data a second reading of numbers uses: English where it is installed
    (its model reads lone digits more surely than the Vietnamese one), else Vietnamese."""
    return DIGITS_LANG if DIGITS_LANG in pytesseract.get_languages() else LANG


def _run(call, image: Image.Image, lang: str, config: str, **kw):
    """One Tesseract run on an image, its failures as PageError.

    The image goes to Tesseract as an uncompressed BMP: pytesseract would otherwise
    write a PNG, which costs about as much as the OCR itself on a noisy 300-DPI scan.
    """
    check_tesseract()
    if image.mode not in ("1", "L", "RGB"):
        image = image.convert("RGB")
    with tempfile.TemporaryDirectory(prefix="baocao-") as tmp:
        path = Path(tmp) / "page.bmp"
        image.save(path, format="BMP")
        try:
            return call(str(path), lang=lang, config=config, timeout=OCR_TIMEOUT_S, **kw)
        except pytesseract.TesseractError as exc:  # a RuntimeError too: caught first
            if exc.status < 0:  # ended by a signal: the OOM killer, a user's kill
                raise PageError(f"Tesseract was killed ({_signal_name(-exc.status)}), perhaps "
                                "for lack of memory; the next run tries the document again",
                                retryable=True) from exc
            raise PageError(f"Tesseract failed: {exc.message.strip() or exc.status}") from exc
        except RuntimeError as exc:  # pytesseract's time-out, its only other RuntimeError
            raise PageError(f"OCR timed out after {OCR_TIMEOUT_S} s", retryable=True) from exc


def _signal_name(number: int) -> str:
    """'signal 9, SIGKILL'."""
    try:
        return f"signal {number}, {signal.Signals(number).name}"
    except ValueError:
        return f"signal {number}"


def _lines_from_data(data: dict[str, list]) -> tuple[list[Line], float | None]:
    """Group Tesseract's TSV rows into lines, keeping each word's box and confidence."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        grouped.setdefault(key, []).append(
            Word(
                text=text,
                left=float(data["left"][i]),
                top=float(data["top"][i]),
                width=float(data["width"][i]),
                height=float(data["height"][i]),
                conf=float(data["conf"][i]),
            )
        )
    lines = [
        Line(
            text=" ".join(w.text for w in words),
            x0=min(w.left for w in words),
            x1=max(w.left + w.width for w in words),
            top=min(w.top for w in words),
            bottom=max(w.top + w.height for w in words),
            words=words,
        )
        for words in grouped.values()
    ]
    confs = [w.conf for line in lines for w in line.words if w.conf is not None]
    return lines, (sum(confs) / len(confs) if confs else None)

