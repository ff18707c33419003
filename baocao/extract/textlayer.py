"""Is a PDF page's text layer worth using? Each page is scored on its own: legacy-encoded
layers (TCVN3, VNI) are converted, syllables split at diacritics re-joined, and a layer that
still does not read as Vietnamese is left for OCR, with the reason recorded."""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from baocao.datamodel import Line, Word
from baocao.extract.legacy import convert_runs, detect_encoding, encoding_for_font
from baocao.vietnamese.syllables import is_vietnamese_syllable, vietnamese_syllable_share

# A page's text layer is used only when it has at least this many letters…
MIN_LETTERS = 20
# …this share of its characters are letters, digits, spaces or ordinary punctuation…
MIN_CLEAN_SHARE = 0.9
# …and this share of its words are Vietnamese syllables. Report pages score 0.95–1.0
# (abbreviations such as UBND, CNNT are the rest); garbage and unconverted legacy text < 0.5.
MIN_SYLLABLE_SHARE = 0.6
# A page that is mostly one image with only a few words of text layer is a scan whose
# layer is a stamp, a page number or another tool's partial OCR: OCR it again.
SCAN_IMAGE_COVER = 0.8
SCAN_MAX_LETTERS = 200
# Split-syllable text layers ("ĐIỀ U KHO ẢN"): re-join aggressively only on pages with at
# least this many unmistakable fragments.
MIN_FRAGMENTS = 3


@dataclass
class Verdict:
    """What to do with a page's text layer, and why: the `pages` table keeps both."""

    use: bool
    source: str  # "text", "text-converted" or "ocr"
    encoding: str | None  # "unicode", "tcvn3", "tcvn3-upper", "vni"; None: no usable layer
    reason: str
    score: float | None = None  # share of Vietnamese syllables in the layer


def judge(records: list[dict], image_cover: float) -> tuple[Verdict, list[Line]]:
    """Lines of the text layer (converted and re-joined where needed) and the verdict on them.

    `records` are pdfplumber's text lines with their chars (`extract_text_lines(return_chars
    =True)`); `image_cover` is the share of the page covered by images."""
    fonts = Counter(c.get("fontname", "") for r in records for c in r["chars"])
    raw = "\n".join(r["text"] for r in records)
    encoding = detect_encoding(raw, fonts.elements()) if raw.strip() else None
    lines = [_line(r, encoding) for r in records if r["text"].strip()]
    fragments = 0
    if encoding is None:
        fragments = sum(_count_fragments(line.text) for line in lines)
        lines = [_rejoined(line, aggressive=fragments >= MIN_FRAGMENTS) for line in lines]
    text = "\n".join(line.text for line in lines)
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return Verdict(False, "ocr", None, f"no usable text layer ({letters} letters)"), []
    if "(cid:" in text or "\ufffd" in text:
        return Verdict(False, "ocr", None, "text layer has glyphs without Unicode (cid)"), []
    clean = sum(ch.isalnum() or ch.isspace() or unicodedata.category(ch)[0] in "PS"
                for ch in text)
    if clean / len(text) < MIN_CLEAN_SHARE:
        share = 1 - clean / len(text)
        return Verdict(False, "ocr", None, f"text layer is {share:.0%} control characters"), []
    score = round(vietnamese_syllable_share(text), 3)
    if score < MIN_SYLLABLE_SHARE:
        why = f"text layer reads as {score:.0%} Vietnamese syllables"
        if encoding:
            why += f" even after {encoding.upper()} conversion"
        return Verdict(False, "ocr", None, why, score), []
    if image_cover >= SCAN_IMAGE_COVER and letters < SCAN_MAX_LETTERS:
        why = f"scanned page ({image_cover:.0%} image) with only {letters} letters of text layer"
        return Verdict(False, "ocr", None, why, score), []
    if encoding:
        families = ", ".join(sorted({f.split("+")[-1] for f in fonts if encoding_for_font(f)}))
        why = f"{encoding.upper()} text layer converted to Unicode ({families or 'by its bytes'})"
        return Verdict(True, "text-converted", encoding, f"{why}; {score:.0%} syllables",
                       score), lines
    why = f"text layer: {score:.0%} Vietnamese syllables"
    if fragments:
        why += f"; {fragments} syllables split at diacritics re-joined"
    return Verdict(True, "text", "unicode", why, score), lines


def _line(record: dict, encoding: str | None) -> Line:
    """One pdfplumber line as a Line with word boxes, legacy text converted per font run."""
    words = _words(record["text"], [c for c in record["chars"] if c["text"].strip()], encoding)
    return Line(
        text=" ".join(w.text for w in words),
        x0=float(record["x0"]),
        x1=float(record["x1"]),
        top=float(record["top"]),
        bottom=float(record["bottom"]),
        words=words,
    )


def _words(text: str, chars: list[dict], encoding: str | None) -> list[Word]:
    """Split a text-layer line into words with boxes: pdfplumber's line text has the spaces
    (often absent from the PDF itself), its chars have the boxes, in the same order."""
    words: list[Word] = []
    boxes = iter(chars)
    raised = _raised(chars)
    for token in text.split():
        run = [c for c in (next(boxes, None) for _ in token) if c is not None]
        if not run:
            break
        x0, x1 = min(c["x0"] for c in run), max(c["x1"] for c in run)
        top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
        fonts = [_font_name(c) for c in run]
        words.append(Word(_superscript(_unicode(token, run, encoding), run, raised),
                          float(x0), float(top), float(x1 - x0), float(bottom - top),
                          bold=all(BOLD_FONT.search(f) for f in fonts),
                          italic=all(ITALIC_FONT.search(f) for f in fonts),
                          size=round(statistics.median(float(c.get("size") or 0) for c in run), 1)
                          or None))
    return words


# A footnote marker is a digit set smaller than its line and above its baseline: "¹" in
# "đơn vị¹" or opening the footnote "¹ Mô hình…" (6.5 pt on a 10 pt line, its bottom 4 pt
# higher). Smaller than this share of the line's usual size…
SUPERSCRIPT_SIZE = 0.8
# …and its bottom raised by at least this share of that size above the line's usual bottom.
SUPERSCRIPT_RISE = 0.2
# The digits as superscripts, so that no later stage reads a footnote marker as a number.
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _raised(chars: list[dict]) -> set[int]:
    """Which of a line's chars (by id) are digits set as superscripts: footnote markers."""
    sizes = [float(c.get("size") or 0) for c in chars]
    if not chars or not all(sizes):
        return set()
    size = statistics.median(sizes)
    baseline = statistics.median(float(c["bottom"]) for c in chars)
    return {id(c) for c, s in zip(chars, sizes, strict=True)
            if c["text"].isascii() and c["text"].isdigit() and s < SUPERSCRIPT_SIZE * size
            and float(c["bottom"]) < baseline - SUPERSCRIPT_RISE * size}


def _superscript(word: str, run: list[dict], raised: set[int]) -> str:
    """The word with its footnote-marker digits written as superscripts ("vị1" → "vị¹"); left
    as it is when conversion changed its length, so chars and letters no longer pair up."""
    if not raised or len(word) != len(run):
        return word
    return "".join(ch.translate(SUPERSCRIPTS) if id(c) in raised else ch
                   for ch, c in zip(word, run, strict=True))


# Font names of bold and italic faces, after the subset tag. Examples: "ABCDEF+TimesNewRoman
# PS-BoldMT", "Times New Roman,Bold", "Arial-BoldItalicMT", ".VnTimeH,Bold", "Cambria-Italic".
BOLD_FONT = regex.compile(r"bold|black|heavy|demi|[,-]b$", regex.IGNORECASE)
ITALIC_FONT = regex.compile(r"italic|oblique|[,-]i$", regex.IGNORECASE)


def _font_name(char: dict) -> str:
    return str(char.get("fontname") or "").split("+")[-1]


def _unicode(token: str, chars: list[dict], encoding: str | None) -> str:
    """The token in NFC Unicode: legacy bytes converted by each char's font (a TCVN3 line
    writes its toned capitals in the .VnTimeH twin), stray soft hyphens and NBSPs dropped."""
    if encoding is None:
        return unicodedata.normalize("NFC", token.replace("\xad", "").replace("\xa0", " "))
    runs: list[tuple[str, str | None]] = []
    for ch, c in zip(token, chars, strict=False):
        enc = encoding_for_font(c.get("fontname", "")) or encoding
        if runs and runs[-1][1] == enc:
            runs[-1] = (runs[-1][0] + ch, enc)
        else:
            runs.append((ch, enc))
    return convert_runs(runs)


# A space before a combining mark ("Vie ̣t"): decomposed text whose mark became a "word".
_SPACE_BEFORE_MARK = regex.compile(r"\s+(?=\p{M})")


def _count_fragments(text: str) -> int:
    """Pairs that are surely one syllable cut in two: one part is no syllable, the whole is."""
    text = unicodedata.normalize("NFC", _SPACE_BEFORE_MARK.sub("", text))
    return sum(1 for a, b in _pairs(text) if _is_fragment_pair(a, b, aggressive=False))


def _pairs(text: str) -> list[tuple[str, str]]:
    tokens = text.split(" ")
    return list(zip(tokens, tokens[1:], strict=False))


# A token split into punctuation before, letters, and punctuation after: "(ĐIỀ", "N:".
_TOKEN = regex.compile(r"^(\P{L}*)(\p{L}*)(\P{L}*)$")


def _is_fragment_pair(a: str, b: str, aggressive: bool) -> bool:
    first, second = _TOKEN.match(a), _TOKEN.match(b)
    if not (first and second) or first.group(3) or second.group(1):
        return False  # punctuation between the halves: two words
    a, b = first.group(2), second.group(2)
    if not (a and b) or not is_vietnamese_syllable(a + b):
        return False
    if not (is_vietnamese_syllable(a) and is_vietnamese_syllable(b)):
        return True
    # both halves are words ("KHO ẢN"): on a page that splits syllables, a second half
    # opening with a marked vowel is the tell; elsewhere "cho ăn" must stay two words
    return aggressive and not b[0].isascii() and a[-1].isascii()


def _rejoined(line: Line, aggressive: bool) -> Line:
    """Re-join syllables a text layer split at a diacritic, and decomposed marks set apart;
    only where the joined form is a valid Vietnamese syllable."""
    text = unicodedata.normalize("NFC", _SPACE_BEFORE_MARK.sub("", line.text))
    tokens = text.split(" ")
    out: list[str] = []
    for token in tokens:
        if out and _is_fragment_pair(out[-1], token, aggressive):
            out[-1] += token
        else:
            out.append(token)
    joined = " ".join(out)
    if joined == line.text:
        return line
    return Line(joined, line.x0, line.x1, line.top, line.bottom, _rejoined_words(line.words, out))


def _rejoined_words(words: list[Word], tokens: list[str]) -> list[Word]:
    """Merge the word boxes the same way the text was merged (by consuming characters)."""
    merged: list[Word] = []
    pending = iter(words)
    for token in tokens:
        parts: list[Word] = []
        length = 0
        while length < len(token):
            w = next(pending, None)
            if w is None:
                break
            parts.append(w)
            length += len(unicodedata.normalize("NFC", _SPACE_BEFORE_MARK.sub("", w.text)))
        if not parts:
            break
        x0 = min(w.left for w in parts)
        top = min(w.top for w in parts)
        x1 = max(w.left + w.width for w in parts)
        bottom = max(w.top + w.height for w in parts)
        merged.append(Word(token, x0, top, x1 - x0, bottom - top, parts[0].conf,
                           bold=parts[0].bold, italic=parts[0].italic, size=parts[0].size))
    return merged
