"""Page images made fit for Tesseract: upright, straight, 300 DPI, on a clean white ground.

Archive scans come sideways or upside down, skewed, at 150 DPI, photocopied with dark edges
and uneven lighting. Each step runs only when the image needs it, and says so: the steps
applied are recorded per page (`pages.preprocessing`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
import pytesseract
from PIL import Image

from baocao.errors import PageError

TARGET_DPI = 300
# What a page can be. An A3 sheet scanned at 600 DPI is 70 Mpx; far beyond is a
# decompression bomb. Under 100 px a side there is nothing to read, and a strip 30 × 20,000
# pixels is no page (its 800-px-wide working copy alone would be 430 Mpx).
MAX_PAGE_PIXELS = 150_000_000
MIN_PAGE_SIDE = 100
MAX_PAGE_ASPECT = 8
# A resolution tag that makes the page longer than this (A3's long side, 16.5 in, with room
# for a scanner's margins) is wrong: an A4 scan made at 300 DPI but tagged 72 would be
# upscaled to 10,333 × 14,617 pixels; the resolution is then read from the pixels.
MAX_PAGE_INCHES = 18.5
# No page is scaled beyond what an A3 sheet at TARGET_DPI needs: 4,961 × 3,508 pixels.
MAX_PREPARED_PIXELS = 4961 * 3508
# Below this a scan is upscaled to TARGET_DPI: Tesseract's models expect 20–30 px letters.
LOW_DPI = 250
# An A4 page's long side, to guess the resolution of an image that does not say.
A4_LONG_INCHES = 11.69
# Skew is searched within ±MAX_SKEW degrees and corrected from MIN_SKEW on. From
# SLIGHT_SKEW on it is kept as `slant`, for the table stage to correct on a page without a
# fully ruled table (see straighten): Tesseract reads a line 0.5° askew well, but across a
# table's width that is a rise of half a row, and a row's cells no longer lie level; a
# fully ruled table is found askew, and turning a faint-ruled scan can lose a rule.
MAX_SKEW = 5.0
MIN_SKEW = 1.0
SLIGHT_SKEW = 0.3
# Row/column ink-profile sharpness below this: the page is sideways.
SIDEWAYS_RATIO = 0.8
# OSD must be at least this sure before a page is turned.
MIN_OSD_CONFIDENCE = 2.0
# A background this uneven (grey levels between its lightest and darkest parts), or this
# dark, is flattened to white. A clean scan's paper is 235+, a greyish but even photocopy
# (210–230) reads as well left alone.
UNEVEN_BACKGROUND = 40
DARK_BACKGROUND = 200
# Edge rows/columns darker than this mean grey are scanner borders.
BORDER_GREY = 110


@dataclass
class Prepared:
    """The image Tesseract reads, its resolution, and the steps that made it: in words, and
    as numbers to make the same image again from the original (`remade`)."""

    image: Image.Image
    dpi: int
    steps: list[str] = field(default_factory=list)
    scale: float = 1.0  # the upscale: pixels of `image` per pixel of the image read
    turn: int = 0  # degrees turned clockwise (quarter turns)
    skew: float = 0.0  # then degrees turned counter-clockwise about the centre (deskew)
    slant: float = 0.0  # a skew measured but left, under MIN_SKEW (see straighten)


def check_page_shape(width: int, height: int) -> None:
    """Refuse, before any memory is spent on it, an image that cannot be a page."""
    if max(width, height) > MAX_PAGE_ASPECT * min(width, height):
        raise PageError(f"not shaped like a page: {width} × {height} pixels (a page is at "
                        f"most {MAX_PAGE_ASPECT} times as long as it is wide)")
    if min(width, height) < MIN_PAGE_SIDE:
        raise PageError(f"image too small to be a page: {width} × {height} pixels "
                        f"(at least {MIN_PAGE_SIDE} a side)")
    if width * height > MAX_PAGE_PIXELS:
        raise PageError(f"image far too large to be a page: {width} × {height} pixels "
                        f"(limit {MAX_PAGE_PIXELS // 1_000_000} megapixels)")


def page_dpi(size: tuple[int, int], dpi: int | None) -> int:
    """The page image's resolution: its file's word where that makes a page of a plausible
    size, else guessed from an A4 page's long side."""
    if dpi and max(size) / dpi <= MAX_PAGE_INCHES:
        return dpi
    return round(max(size) / A4_LONG_INCHES)


def prepare(image: Image.Image, dpi: int | None) -> Prepared:
    """Run the steps the image needs, in order: resolution, orientation, skew, background."""
    check_page_shape(image.width, image.height)
    image = image.convert("L")
    steps: list[str] = []
    scale = 1.0
    if dpi and max(image.size) / dpi > MAX_PAGE_INCHES:
        steps.append(f"{dpi} DPI tag ignored")
    dpi = page_dpi(image.size, dpi)
    if dpi < LOW_DPI:
        scale = min(TARGET_DPI / dpi, (MAX_PREPARED_PIXELS / (image.width * image.height)) ** 0.5)
        size = (round(image.width * scale), round(image.height * scale))
        check_page_shape(*size)
        image = image.resize(size, Image.Resampling.LANCZOS)
        steps.append(f"upscale {dpi}→{round(dpi * scale)} DPI")
        dpi = round(dpi * scale)
    image, flattened = _flatten_background(image)
    if flattened:
        steps.append(flattened)
    ink = _ink_mask(image)  # one small copy serves the sideways check and the skew search
    angle = _skew(image, ink)
    turn = orientation(image) if _looks_sideways(ink, angle) else 0
    if turn:
        image = turn_upright(image, turn)
        steps.append(f"rotate {turn}°")
        angle = _skew(image, None)
    if abs(angle) >= MIN_SKEW:
        image = _rotated(image, angle)
        steps.append(f"deskew {angle:+.1f}°")
    if abs(angle) >= MIN_SKEW:
        return Prepared(image, dpi, steps, scale, turn, angle)
    return Prepared(image, dpi, steps, scale, turn, 0.0,
                    angle if abs(angle) >= SLIGHT_SKEW else 0.0)


def straighten(prepared: Prepared) -> Prepared:
    """The page with its slight skew corrected too: for tables ruled with horizontal lines
    only or none, whose rows must lie level across the page."""
    if not prepared.slant:
        return prepared
    return Prepared(_rotated(prepared.image, prepared.slant), prepared.dpi,
                    [*prepared.steps, f"deskew {prepared.slant:+.1f}°"], prepared.scale,
                    prepared.turn, prepared.slant)


def remade(image: Image.Image, turn: int, skew: float) -> Image.Image:
    """The original page image turned and straightened as `prepare` did it (at any size: a
    turn about the centre does not depend on it), so the OCR's boxes fall on their words."""
    image = image.convert("L")
    if turn % 360:
        image = turn_upright(image, turn % 360)
    return _rotated(image, skew) if skew else image


def _rotated(image: Image.Image, angle: float) -> Image.Image:
    """The page turned `angle` degrees counter-clockwise about its centre, the corners
    filled white (OpenCV's bilinear warp: a tenth of the time of Pillow's bicubic rotate)."""
    page = np.asarray(image)
    h, w = page.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return Image.fromarray(cv2.warpAffine(page, matrix, (w, h), flags=cv2.INTER_LINEAR,
                                          borderMode=cv2.BORDER_CONSTANT, borderValue=255))


def _ink_mask(image: Image.Image) -> np.ndarray:
    """Where the ink is, on a copy 800 px wide: enough to see lines, cheap to turn."""
    small = image.resize((800, max(1, round(image.height * 800 / image.width))),
                         Image.Resampling.BILINEAR)
    return np.asarray(small) < 160


def _looks_sideways(ink: np.ndarray, angle: float) -> bool:
    """Whether the ink runs in columns rather than rows. A page 2° askew blurs its row
    profile as much as a sideways one: where the plain profiles say sideways, rows and
    columns are compared again, each at the angle that makes it sharpest."""
    if _ink_profile_ratio(ink) >= SIDEWAYS_RATIO:
        return False
    rows = _profile(_turned(ink, angle))
    columns = _profile(_turned(ink.T, _skew(Image.fromarray(ink.T), ink.T)))
    return rows < SIDEWAYS_RATIO * columns


def _turned(mask: np.ndarray, angle: float) -> np.ndarray:
    return np.asarray(Image.fromarray(mask).rotate(angle, resample=Image.Resampling.NEAREST))


def _profile(mask: np.ndarray) -> float:
    """How sharp the row profile of ink is: text lines make it jump."""
    return float(np.square(np.diff(mask.sum(axis=1, dtype=np.float64))).sum())


def _ink_profile_ratio(ink: np.ndarray) -> float:
    """How much sharper the row profile of ink is than the column profile: about 2 for a
    page of horizontal text lines, about 0.4 for the same page turned sideways: a check
    with no OCR, so Tesseract's slower orientation detection runs only on such pages."""
    rows = np.square(np.diff(ink.sum(axis=1, dtype=np.float64))).sum()
    columns = np.square(np.diff(ink.sum(axis=0, dtype=np.float64))).sum()
    return float(rows / columns) if columns else float("inf")


def turn_upright(image: Image.Image, turn: int) -> Image.Image:
    """Turn the page `turn` degrees clockwise."""
    return image.rotate(-turn, expand=True, fillcolor=255)


def orientation(image: Image.Image) -> int:
    """Degrees (90, 180, 270) to turn the page clockwise to make it upright, from Tesseract's
    orientation detection (OSD) on a half-size copy (a third is too small: it misjudges
    upright pages); 0 when upright or unsure."""
    small = image.resize((image.width // 2, image.height // 2), Image.Resampling.BILINEAR)
    try:
        osd = pytesseract.image_to_osd(small, config="--psm 0 -c min_characters_to_try=20",
                                       output_type=pytesseract.Output.DICT, timeout=60)
    except (pytesseract.TesseractError, RuntimeError):  # too few characters to tell
        return 0
    turn = int(osd.get("rotate", 0)) % 360
    if turn and float(osd.get("orientation_conf", 0)) >= MIN_OSD_CONFIDENCE:
        return turn
    return 0


def _skew(image: Image.Image, mask: np.ndarray | None = None) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines horizontal: the angle
    whose row profile of ink is sharpest, on the page's ink mask. Each angle's profile is
    counted from the ink pixels' turned positions, not from a turned copy of the mask."""
    mask = _ink_mask(image) if mask is None else mask
    h, w = mask.shape
    ys, xs = np.nonzero(mask)
    ys, xs = ys - h / 2, xs - w / 2

    def sharpness(angle: float) -> float:
        a = np.deg2rad(angle)
        rows = np.rint(ys * np.cos(a) - xs * np.sin(a) + h / 2).astype(np.int64)
        profile = np.bincount(rows[(rows >= 0) & (rows < h)], minlength=h)
        return float(np.square(np.diff(profile.astype(np.float64))).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=sharpness)
    return round(float(fine), 1) if sharpness(fine) > sharpness(0.0) * 1.02 else 0.0


def _flatten_background(image: Image.Image) -> tuple[Image.Image, str | None]:
    """Divide the page by its own background (the image with the text filtered out) when
    lighting is uneven, the paper grey or the edges dark: the ground becomes white, the ink
    stays dark, and Tesseract's own thresholding works again."""
    small = image.resize((max(1, image.width // 8), max(1, image.height // 8)),
                         Image.Resampling.BILINEAR)
    # the text filtered out: the lightest within 9 px, then smoothed (OpenCV: PIL's max
    # filter cost a third of the page's preparation)
    ground = Image.fromarray(cv2.GaussianBlur(
        cv2.dilate(np.asarray(small), np.ones((9, 9), np.uint8)), (0, 0), 4))
    levels = np.asarray(ground, dtype=np.float64)
    inner = levels[levels.shape[0] // 10: -levels.shape[0] // 10 or None,
                   levels.shape[1] // 10: -levels.shape[1] // 10 or None]
    low, high = np.percentile(inner, [2, 98])
    edges = np.concatenate([levels[:2].ravel(), levels[-2:].ravel(),
                            levels[:, :2].ravel(), levels[:, -2:].ravel()])
    dark_edges = float(np.percentile(edges, 10)) < BORDER_GREY
    if high - low < UNEVEN_BACKGROUND and low >= DARK_BACKGROUND and not dark_edges:
        return image, None
    background = np.asarray(ground.resize(image.size, Image.Resampling.BILINEAR),
                            dtype=np.float32)
    page = np.asarray(image, dtype=np.float32)  # float32: a 300-DPI A4 page is 35 MB
    np.divide(page, np.maximum(background, 1.0, out=background), out=page)
    flat = np.clip(page * 255.0, 0, 255, out=page).astype(np.uint8)
    out = Image.fromarray(flat)
    if dark_edges:
        out = _whiten_borders(out)
    why = "flatten background" + (", remove dark borders" if dark_edges else "")
    return out, why


def _whiten_borders(image: Image.Image) -> Image.Image:
    """Paint white the dark bands a scanner leaves along the page edges (rows or columns
    that are mostly ink from the edge inwards)."""
    page = np.array(image)
    dark = page < 128
    height, width = page.shape
    for axis, size in ((0, height), (1, width)):
        share = dark.mean(axis=1 - axis)
        for order in (range(size // 8), range(size - 1, size - 1 - size // 8, -1)):
            for i in order:
                if share[i] < 0.5:
                    break
                if axis == 0:
                    page[i, :] = 255
                else:
                    page[:, i] = 255
    return Image.fromarray(page)
