"""Page text as a reader sees it: running headers and page numbers set aside, wrapped
lines re-joined into paragraphs, headings and bullet lines kept on their own."""

from __future__ import annotations

import statistics

import regex

from baocao.datamodel import Line, PageContent, PageText, Paragraph, TableGrid, Word
from baocao.nlp.doubted import doubted_numbers
from baocao.nlp.edges import edge_keys, repeated_edge_lines, split_edges
from baocao.nlp.footnotes import split_footnotes
from baocao.nlp.looks import measure, type_changes
from baocao.nlp.repair import repair_ocr
from baocao.vietnamese.syllables import is_vietnamese_syllable
from baocao.vietnamese.text import fold, normalize

# Mean Tesseract word confidence (0–100) below which an OCR line is noise, not text; real
# text lines on the samples score 80–96, the garbage read from specks and tiny print 0–10.
MIN_LINE_CONFIDENCE = 30
# A number written the Vietnamese way, with thousands dots or a decimal comma: "16.125,5".
WRITTEN_NUMBER = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")
# Letters at least this share of the page's letter height are body text, not specks.
BODY_SIZE = 0.6
# An OCR "letter" lower than this share of the page's median word height is a speck.
SPECK_HEIGHT = 0.4
# Marks that open a new paragraph when the line before ended a sentence or clause.
# Examples: "- Nguồn kinh phí…", "+ BCKT tỉnh…", "• …", "Thứ nhất: …", "Một là, …",
# "2. Những khó khăn…", "(3) Kinh nghiệm…", "a) …", "II. KẾT QUẢ…", "1.4.2.1 Xây dựng…"
PARAGRAPH_OPENER = regex.compile(
    r"""^(?:
        [-+•*–]\s
      | Thứ\s+\w+\s*[:,.]
      | (?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là\s*[:,]
      | \(?\d{1,2}\)\s
      | \d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}
      | [IVXLC]{1,5}\.\s
      | \p{L}\)\s
    )""",
    regex.VERBOSE,
)
SENTENCE_END = tuple(".;:!?…")
# Space before a line this many times the page's line pitch sets it apart, as headings are.
SPACED = 1.6


# A numbered line this short that ends before the margin is a heading.
SHORT_HEADING_WORDS = 15


def clean_pages(pages: list[PageContent]) -> list[PageText]:
    """Turn a document's extracted pages into clean page texts (one PageText per page)."""
    repeated = repeated_edge_lines([edge_keys(page) for page in pages])
    return [clean_page(page, repeated) for page in pages]


def clean_page(page: PageContent, repeated: set[str]) -> PageText:
    """One page's clean text, given the document's running headers and footers (see
    `repeated_edge_lines`): pages can be cleaned one at a time as they are read back."""
    heights = [w.height for line in page.lines for w in line.words if w.text.isalpha()]
    letter_height = statistics.median(heights) if heights else 0.0
    everything = [_normalized(_without_specks(line, letter_height), page.source == "ocr")
                  for line in page.lines]
    lines = [line for line in everything
             if _is_text(line, letter_height) and not _in_table(line, page.tables)]
    header, footer, body = split_edges(lines, repeated)
    body, notes = split_footnotes(body)
    furniture = _furniture(body)
    paragraphs = _paragraphs([ln for n, ln in enumerate(body) if n not in furniture],
                             page.page_no, page.tables)
    text = "\n".join(p.text for p in paragraphs)
    whole = _paragraphs(body, page.page_no, page.tables) if furniture else paragraphs
    footnotes = _footnote_paragraphs(notes, page.page_no, len(text) + 1 if paragraphs else 0)
    return PageText(
        page_no=page.page_no,
        text="\n".join([p.text for p in paragraphs] + [f.text for f in footnotes]),
        paragraphs=paragraphs,
        header=header,
        footer=footer,
        furniture=[body[n].text for n in sorted(furniture)],
        full_text="\n".join(p.text for p in whole) if furniture else text,
        footnotes=footnotes,
        doubted=doubted_numbers(whole),
    )


def _footnote_paragraphs(notes: list[list[Line]], page_no: int, offset: int
                         ) -> list[Paragraph]:
    """One paragraph a footnote, its lines re-joined, placed in the page text from `offset`
    on: after the body, as printed."""
    return _as_paragraphs(notes, page_no, offset)


def _as_paragraphs(blocks: list[list[Line]], page_no: int, offset: int) -> list[Paragraph]:
    """Each block of lines re-joined into one paragraph, placed one after the other in the
    page text from `offset` on."""
    paragraphs = []
    for block in blocks:
        text, spans = _join(block)
        words = [(offset + a, offset + b, word) for a, b, word in spans]
        paragraphs.append(Paragraph(page_no, text, offset, len(block), words,
                                    measure(text, offset, words)))
        offset += len(text) + 1
    return paragraphs


# Page furniture: a line of the document's form, not of its body (matched without
# diacritics). Examples: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "Độc lập - Tự do - Hạnh
# phúc" alone on their line, "Kính gửi: Sở Tài chính", a digital-signature stamp's
# "Người ký: …", "Ký bởi: …", "Thời gian ký: 13/01/2025 17:06:30".
FURNITURE_LINE = regex.compile(
    r"""^[\W_]{0,3}(?:
        cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam\W*$
      | doc\s+lap\s*[-–—]?\s*tu\s+do\s*[-–—]?\s*hanh\s+phuc\W*$
      | kinh\s+gui\b | nguoi\s+ky\s*: | ky\s+boi\s*: | thoi\s+gian\s+ky\s*:
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)
# The distribution list, which the signature block stands beside: from "Nơi nhận:" to the
# page's end everything is furniture. OCR may read its N as V, or lose it: "Voi nhận:"
RECIPIENTS = regex.compile(r"^[\W_]{0,3}[nv]?oi\s+nhan\b", regex.IGNORECASE)


def _furniture(lines: list[Line]) -> set[int]:
    """Which lines of a page's body are its furniture (see FURNITURE_LINE, RECIPIENTS)."""
    found = set()
    for n, line in enumerate(lines):
        folded = fold(line.text)
        if RECIPIENTS.match(folded):
            return found | set(range(n, len(lines)))
        if FURNITURE_LINE.match(folded):
            found.add(n)
    return found


def _in_table(line: Line, tables: list[TableGrid]) -> bool:
    """A line inside a printed table's frame: its cells hold it (see nlp/tables.py), so it
    is neither body text nor a source of figures twice."""
    x, y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(t.bbox[0] <= x <= t.bbox[2] and t.bbox[1] <= y <= t.bbox[3] for t in tables)


def _is_text(line: Line, letter_height: float) -> bool:
    """Drop what is not text: specks read as punctuation, and OCR lines Tesseract itself
    gives almost no confidence (a noisy margin, a strip of tiny numbers read as "J1. 9020").
    A doubted line in the body's own letter size holding a written number ("16.125,5trđ;"
    alone on its line) is kept: it is text, and its figures carry their low confidence."""
    if not regex.search(r"[\p{L}\p{N}]", line.text):
        return False
    confs = [w.conf for w in line.words if w.conf is not None]
    if not confs or sum(confs) / len(confs) >= MIN_LINE_CONFIDENCE:
        return True
    body_size = min(w.height for w in line.words) >= BODY_SIZE * letter_height
    tokens = line.text.split()
    readable = [t for t in tokens if WRITTEN_NUMBER.search(t)
                or is_vietnamese_syllable(t.strip(".,;:()"))]
    return body_size and bool(WRITTEN_NUMBER.search(line.text)) and (
        len(readable) >= 0.5 * len(tokens))


# Confidence under which a word with no letter or digit is noise, not punctuation.
DOUBTED_MARK = 60


def _without_specks(line: Line, letter_height: float) -> Line:
    """Drop "letters" far smaller than the page's letters: specks OCR read as "ï" or "š";
    and short marks Tesseract itself doubts ("-" at 48, "__" at 25, where a printed dash
    reads at 90+). Small punctuation it is sure of ("-", ".") is kept, and so are dot leaders
    of a table of contents, however doubted: they tell a contents line from a heading.
    Handwriting Tesseract could not read (pen ink read at under DOUBTED_MARK: the numbers
    of an incoming-mail stamp, a note) is no text either, and nor is what follows the "./."
    that ends a document's text on its line: the drafter's initials ("./. 1%.")."""
    text = [w for w in _to_end_mark(line.words)
            if not (w.handwritten and w.conf is not None and w.conf < DOUBTED_MARK)]
    if line.words and not text:  # nothing but unread handwriting: no line
        return Line("", line.x0, line.x1, line.top, line.bottom, [])
    words = [
        w for w in text
        if not (w.text.isalpha() and w.height < SPECK_HEIGHT * letter_height and w.conf is not None)
        and not (w.conf is not None and not any(ch.isalnum() for ch in w.text)
                 and ((w.conf < DOUBTED_MARK and len(w.text) <= 3) or set(w.text) == {"_"}))
    ] or text
    if len(words) == len(line.words):
        return line
    return Line(
        " ".join(w.text for w in words),
        min(w.left for w in words),
        max(w.left + w.width for w in words),
        min(w.top for w in words),
        max(w.top + w.height for w in words),
        words,
    )


# The mark that ends a document's text. Example: "… theo quy định./."
END_MARK = "./."


def _to_end_mark(words: list[Word]) -> list[Word]:
    """The words of a line up to the one that ends the document's text ("định./.")."""
    for i, w in enumerate(words):
        if END_MARK in w.text:
            return words[:i + 1]
    return words


def _normalized(line: Line, ocr: bool) -> Line:
    text = repair_ocr(normalize(line.text)) if ocr else normalize(line.text)
    return Line(text, line.x0, line.x1, line.top, line.bottom, line.words)


def _paragraphs(lines: list[Line], page_no: int, tables: list[TableGrid] | None = None
                ) -> list[Paragraph]:
    """Re-join wrapped lines: a line break is kept only where a reader sees a new block,
    and where a printed table stood between two lines."""
    if not lines:
        return []
    margins = _Margins(lines)
    hard = [_hard_break(a, b, margins) or _table_between(a, b, tables or [])
            for a, b in zip(lines, lines[1:], strict=False)] + [True]
    blocks: list[list[Line]] = [[lines[0]]]
    for i, line in enumerate(lines[1:], 1):
        if hard[i - 1] or _opens_block(lines[i - 1], line, hard[i], margins):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return _as_paragraphs(blocks, page_no, 0)


def _table_between(line: Line, following: Line, tables: list[TableGrid]) -> bool:
    """Whether a printed table stands between two lines of the page, top to bottom."""
    return any(line.bottom <= t.bbox[1] + 1 and t.bbox[3] - 1 <= following.top for t in tables)


def _join(block: list[Line]) -> tuple[str, list[tuple[int, int, Word]]]:
    """Join wrapped lines with a space (a word cut at a line-end hyphen, "NĐ-" "CP", stays
    whole), keeping where each word's text now stands so its box can be found again."""
    text = ""
    spans: list[tuple[int, int, Word]] = []
    for line in block:
        if text:
            glued = text.endswith("-") and len(text) > 1 and text[-2].isalnum()
            if glued and _hyphenated(text, line.text):  # "nghi-" "ệp": one syllable
                text = text[:-1]
                spans[-1:] = [(a, min(b, len(text)), w) for a, b, w in spans[-1:]]
            text += "" if glued else " "
        spans.extend(_word_spans(line, len(text)))
        text += line.text
    return text, spans


# The letters before a line-end hyphen and after it on the next line.
_BEFORE_HYPHEN = regex.compile(r"(\p{L}+)-$")
_AFTER_HYPHEN = regex.compile(r"^(\p{L}+)")


def _hyphenated(text: str, next_line: str) -> bool:
    """A syllable cut by a line-end hyphen: the joined form is one Vietnamese syllable
    ("nghi-" + "ệp"); "NĐ-" + "CP" and "kinh-" + "tế" keep their hyphen."""
    before, after = _BEFORE_HYPHEN.search(text), _AFTER_HYPHEN.match(next_line)
    if not (before and after):
        return False
    a, b = before.group(1), after.group(1)
    return is_vietnamese_syllable(a + b)


def _word_spans(line: Line, offset: int) -> list[tuple[int, int, Word]]:
    """Character spans of a line's words; none when normalisation changed the word count."""
    tokens = line.text.split(" ")
    if len(tokens) != len(line.words):
        return []
    spans = []
    for token, word in zip(tokens, line.words, strict=True):
        spans.append((offset, offset + len(token), word))
        offset += len(token) + 1
    return spans


class _Margins:
    """Left and right text margins of a page, following a slight skew of the scan."""

    def __init__(self, lines: list[Line]) -> None:
        widths = [(ln.x1 - ln.x0) / max(len(ln.text), 1) for ln in lines]
        self.char = statistics.median(widths)
        self.right = _edge_fit([(ln.top, ln.x1) for ln in lines], self.char, right=True)
        self.left = _edge_fit([(ln.top, ln.x0) for ln in lines], self.char, right=False)
        steps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top]
        self.pitch = statistics.median(steps) if steps else float("inf")  # line to line

    def gap_right(self, line: Line) -> float:
        return self.right(line.top) - line.x1

    def indent(self, line: Line) -> float:
        return line.x0 - self.left(line.top)


def _edge_fit(points: list[tuple[float, float]], char: float, right: bool):
    """Fit the margin as a straight line through the lines that touch it (robust to skew)."""
    xs = sorted(x for _, x in points)
    edge = xs[int(0.8 * (len(xs) - 1))] if right else xs[int(0.2 * (len(xs) - 1))]
    near = [(y, x) for y, x in points if abs(x - edge) <= 2 * char]
    if len(near) < 3:
        return lambda y: edge
    my = statistics.fmean(y for y, _ in near)
    mx = statistics.fmean(x for _, x in near)
    var = sum((y - my) ** 2 for y, _ in near)
    slope = sum((y - my) * (x - mx) for y, x in near) / var if var else 0.0
    slope = max(-0.05, min(0.05, slope))  # a few degrees at most
    if right:
        # the margin is where the longest lines end, not the average of the near ones
        top = max(x - (mx + slope * (y - my)) for y, x in near)
        mx += top
    else:
        mx += min(x - (mx + slope * (y - my)) for y, x in near)
    return lambda y: mx + slope * (y - my)


def _hard_break(line: Line, following: Line, margins: _Margins) -> bool:
    """The line stopped early although the next line's first word would have fitted, or,
    before a bullet or enumeration, stopped short of the margin at all (a justified line
    that wraps mid-sentence runs to the margin)."""
    gap = margins.gap_right(line)
    if PARAGRAPH_OPENER.match(following.text) and not following.text[:1].isdigit():
        return gap > margins.char
    first_word = (
        following.words[0].width if following.words
        else len(following.text.split()[0]) * margins.char
    )
    return gap > first_word + 1.5 * margins.char


def _opens_block(prev: Line, line: Line, stands_alone: bool, margins: _Margins) -> bool:
    """Whether `line` starts a new block although `prev` ran to the right margin."""
    if (line.top - prev.top > SPACED * margins.pitch and margins.indent(line) > 2 * margins.char
            and margins.gap_right(line) < 2 * margins.char):
        # set apart, indented and running to the margin: a new paragraph after a title that
        # ends unpunctuated (not a stray mark below the last line: "K)" for a page number)
        return True
    if prev.text.endswith(SENTENCE_END):
        # a bullet, an enumeration, a first-line indent or a change of type (a heading in
        # bold or larger letters) after a finished sentence
        return (bool(PARAGRAPH_OPENER.match(line.text)) or margins.indent(line) > 2 * margins.char
                or type_changes(prev.words, line.words)
                or line.top - prev.top > SPACED * margins.pitch)
    # a short numbered line standing alone is a heading even after an unfinished line
    return (
        stands_alone
        and len(line.text.split()) <= SHORT_HEADING_WORDS
        and bool(PARAGRAPH_OPENER.match(line.text))
        and not line.text.startswith(("-", "+", "•", "*", "–"))
    )
