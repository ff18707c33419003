"""How a paragraph looks on the page: bold or italic type and a type size above the body's,
read from the text layer's fonts or from OCR letter heights. Headings are told by it where
they carry no number ("Kết quả đạt được" set in bold), and list items apart from headings
where the document sets its headings in bold."""

from __future__ import annotations

import statistics
from array import array
from dataclasses import dataclass

from baocao.datamodel import Paragraph, Setting, Word

# Share of a paragraph's words in bold (or italic) for it to be set in bold as a whole.
WHOLE = 0.9


# The words that show how a paragraph opens: its number and the first words after it.
OPENING_WORDS = 3


# A paragraph's letters this much taller than the body's are larger type: by font size on
# a text layer; by the tallest words' height on a scan, which varies more from line to line.
LARGER = 1.2
LARGER_SCANNED = 1.3


# A line in smaller type than the body (a table's cells, a footnote) is no heading.
SMALLEST = 0.95


@dataclass(frozen=True)
class Look:
    """What the type says about one paragraph; None where the source does not tell."""

    bold: bool | None  # set wholly in bold
    emphasised: bool | None  # some of it in bold or italic
    lead_end: int | None  # where an opening run in bold or italic ends, regular text after
    size_ratio: float | None  # its letter size against the body's
    larger: bool = False  # set in larger type than the body
    opens_styled: bool | None = None  # its first words in bold or italic, as headings are


def body_size(paragraphs: list[Paragraph]) -> float | None:
    """The body's letter size: the median paragraph's (see `_size`)."""
    sizes = [s for p in paragraphs if (s := setting_of(p).size)]
    return statistics.median(sizes) if sizes else None


def look(paragraph: Paragraph, body: float | None) -> Look:
    """The paragraph's type: bold, emphasised, an opening emphasised run, relative size."""
    setting = setting_of(paragraph)
    ratio = setting.size / body if setting.size and body else None
    larger = ratio is not None and ratio >= (LARGER if setting.fonts else LARGER_SCANNED)
    return Look(setting.bold, setting.emphasised, setting.lead_end, ratio, larger,
                setting.opens_styled)


def setting_of(paragraph: Paragraph) -> Setting:
    """The paragraph's setting: as layout measured it, or measured now from its words."""
    if paragraph.setting is not None:
        return paragraph.setting
    return measure(paragraph.text, paragraph.start, paragraph.words)


def measure(text: str, start: int, spans: list[tuple[int, int, Word]]) -> Setting:
    """How a paragraph (its text, where it starts on the page, its words' spans) is set:
    letter size, bold and italic runs (text layer only), its printed lines."""
    words = [w for _, _, w in spans]
    size = _size(words)
    fonts = bool(words) and all(w.size is not None for w in words)
    # the lines cannot be told apart where some words lost their boxes
    lines = _printed_lines(spans, start) if len(spans) == len(text.split()) else b""
    known = [w for w in words if w.bold is not None]
    if not known or len(known) < len(words):
        return Setting(size, fonts, lines=lines)
    styled = [bool(w.bold or w.italic) for w in known]
    bold = sum(bool(w.bold) for w in known) >= WHOLE * len(known)
    lead = next((i for i, s in enumerate(styled) if not s), len(styled))
    lead_end = None
    if 0 < lead < len(styled) and not any(styled[lead:]):
        lead_end = spans[lead - 1][1] - start
    return Setting(size, fonts, bold, any(styled), lead_end, any(styled[:OPENING_WORDS]),
                   lines)


def _printed_lines(spans: list[tuple[int, int, Word]], start: int) -> bytes:
    """The paragraph's printed lines as spans of its text, from its words' boxes, packed
    (see line_spans)."""
    lines: list[list[tuple[int, int]]] = []
    bottom = None
    for a, b, word in spans:
        # a word starting below the line's boxes opens the next line; a dash ("—") or a
        # tall accented capital ("Đề") stands higher or lower but within them
        if bottom is None or word.top >= bottom - 0.2 * word.height:
            lines.append([])
            bottom = word.top + word.height
        else:
            bottom = max(bottom, word.top + word.height)
        lines[-1].append((a, b))
    return array("I", [n for ln in lines for n in (ln[0][0] - start, ln[-1][1] - start)]
                 ).tobytes()


def line_spans(setting: Setting) -> list[tuple[int, int]]:
    """The printed lines' (start, end) in the paragraph's text, unpacked."""
    flat = array("I", setting.lines)
    return list(zip(flat[::2], flat[1::2], strict=True))


def printed_lines(paragraph: Paragraph) -> list[str]:
    """The paragraph's printed lines, from its words' boxes; empty without boxes, or when
    some words lost theirs (the lines could not be told apart)."""
    return [paragraph.text[a:b] for a, b in line_spans(setting_of(paragraph))]


def _size(words: list[Word]) -> float | None:
    """Letter size of some words: their median font size on a text layer; on a scan the
    height of their tallest words (accented capitals), steadier than the median word's."""
    words = [w for w in words if w.text.isalpha()]
    if not words:
        return None
    if all(w.size is not None for w in words):
        return statistics.median(w.size for w in words)
    heights = sorted(w.height for w in words)
    return heights[int(0.9 * (len(heights) - 1))]


def styled_headings(looks: list[Look]) -> bool:
    """Whether the document sets its numbered headings apart in bold or italic: then a
    numbered paragraph in plain type is a list item, not a heading."""
    return sum(1 for lk in looks if lk.opens_styled) >= 2


def type_changes(before: list[Word], after: list[Word]) -> bool:
    """Whether two lines of a text layer are set in different type: one in bold, the other
    not, or one's a fifth larger. After a finished sentence that opens a new block. (Letter
    heights on a scan vary too much from line to line to tell this.)"""
    if not before or not after or any(w.size is None for w in before + after):
        return False
    if all(w.bold for w in before) != all(w.bold for w in after):
        return True
    a, b = _size(before), _size(after)
    return a is not None and b is not None and max(a, b) >= LARGER * min(a, b) > 0
