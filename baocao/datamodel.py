"""Plain data passed between the stages: extract/ → nlp/ → pipelines/.

Each stage takes and returns these dataclasses and nothing else, so a stage can be
run and tested alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Generic, Literal, NamedTuple, TypeVar, get_args

# The closed sets of words the tables use (DESIGN.md lists them for researchers).
# Where a page's text came from: the PDF's text layer, a legacy-encoded (TCVN3, VNI) text
# layer converted to Unicode, or Tesseract; nowhere for a blank page (no ink: not OCRed).
PageSource = Literal["text", "text-converted", "ocr", "blank"]
# How a document went: every page read, some pages read, nothing usable.
Status = Literal["ok", "partial", "failed"]
# What a figure is: money (VND), a percentage, a count of things ("6 cuộc").
FigureKind = Literal["amount", "percent", "count"]
# How a printed table is ruled: every cell boxed, horizontal rules only, or no rules at all.
Ruling = Literal["full", "horizontal", "none"]
# What a table cell is: a column header, a row header (the label column), a group row
# ("I. Kinh tế", "Trong đó:"), a body cell, or a cell of a total row ("Tổng cộng").
CellRole = Literal["column_header", "row_header", "group", "body", "total"]
# What a table cell's value is: a number, a percentage (its value in percent), an ordinal
# label of the "TT" column ("1", "II", "4.1"), text.
ValueKind = Literal["number", "percent", "ordinal", "text"]
# What a section is about, from its heading ("other": its heading names none of these).
SectionKind = Literal[
    "achievements", "difficulties", "causes", "lessons", "solutions", "recommendations",
    "plans", "other",
]
# Why a reader should check a figure or a table cell: the codes of FLAGS below, in its order
# (a test holds the two equal; the Literal is written out so that type checkers read it).
FlagKind = Literal[
    "low_confidence", "total_mismatch", "share_over_100", "part_over_total", "ratio_mismatch",
    "out_of_column", "to_check",
]
SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)


def _(code: str) -> str:
    """Marks a stored code as a catalog message, so that `make i18n` extracts its display
    name; i18n.code_name translates it where it is shown (the code itself in English)."""
    return code


@dataclass(frozen=True, slots=True)
class FlagSpec:
    """One reason a reader should check a figure or a table cell. FLAGS declares them all:
    FlagKind, the display names (i18n.code_name) and Datasette's help (outputs/serve) follow."""

    code: str  # what the tables store (a FlagKind), and the message of its display name
    on: tuple[Literal["figure", "cell"], ...]  # raised on figures of the text (nlp/checks.py),
    # on table cells (by a check in nlp/table_checks.TABLE_CHECKS), or on both


# Every flag, in the order a cell lists its flags.
FLAGS: tuple[FlagSpec, ...] = (
    FlagSpec(_("low_confidence"), ("figure", "cell")),  # OCR read it with little confidence
    FlagSpec(_("total_mismatch"), ("figure", "cell")),  # a total its parts or share disagree with
    FlagSpec(_("share_over_100"), ("figure",)),  # a part said to be over 100% of its whole
    FlagSpec(_("part_over_total"), ("cell",)),  # a part ("Trong đó") above its whole
    FlagSpec(_("ratio_mismatch"), ("cell",)),  # a percentage not the ratio of its columns
    FlagSpec(_("out_of_column"), ("cell",)),  # out of its column's form: no figure is made of it
    # too doubtful to count: left out of totals until a person confirms it (nlp/plausibility)
    FlagSpec(_("to_check"), ("figure",)),
)
# The flags raised on figures of the text, as Datasette's help lists them.
FIGURE_FLAGS: tuple[str, ...] = tuple(spec.code for spec in FLAGS if "figure" in spec.on)


class Box(NamedTuple):
    """A rectangle on a page, left, top, right, bottom, in its page's units: PDF points where
    the page was read from its text layer, pixels of the image OCR read where it was scanned
    (PageContent.source, dpi, scale). Its page is that of the figure, cell or table holding it.
    Stored as the four columns box_left, box_top, box_right, box_bottom."""

    left: float
    top: float
    right: float
    bottom: float


Larger = TypeVar("Larger")


def extend(part: Any, larger: type[Larger], **more: Any) -> Larger:
    """`part` as the `larger` dataclass that extends its class (a FigureMatch as a Figure):
    its fields carried over as they are, `more` for the rest or in their place."""
    return larger(**{f.name: getattr(part, f.name) for f in fields(part)} | more)


@dataclass(slots=True)  # tens of thousands per long document
class Word:
    """One word as found on the page; boxes in pixels (OCR) or PDF points (text layer)."""

    text: str
    left: float
    top: float
    width: float
    height: float
    conf: float | None = None  # Tesseract confidence 0–100; None for the text layer
    bold: bool | None = None  # set in a bold font (text layer); None where unknown (OCR)
    italic: bool | None = None  # set in an italic font (text layer); None where unknown
    size: float | None = None  # font size in points (text layer); OCR has only the box
    # OCR pages: a number's digits read a second time from its crop, enlarged, digits only;
    # None where it was not re-read. A reading the two agree on is trusted.
    reread: str | None = None
    handwritten: bool | None = None  # written by hand (pen ink, slant, size); None: unknown


@dataclass(slots=True)
class Line:
    """A visual line of text with its horizontal extent, used to rebuild paragraphs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)


@dataclass(slots=True)
class TableCell:
    """One cell of a printed table as read: its place in the printed grid (0-based, header
    rows included), its spans, its text exactly as printed (wrapped lines joined by a space)."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    bbox: Box | None = None  # on its table's page
    confidence: float | None = None  # lowest OCR word confidence; None for the text layer


CellT = TypeVar("CellT", bound=TableCell)


@dataclass
class TableGrid(Generic[CellT]):
    """A printed table found on a page by extract/: its cells and how it was found. What
    the cells mean (headers, totals, values) is nlp/'s work (Table)."""

    n_rows: int
    n_cols: int
    cells: list[CellT]  # TableCell as extract/ finds them; Cell in a Table
    ruling: Ruling
    bbox: Box  # on its page
    source: PageSource = "text"


@dataclass
class PageContent:
    """What extract/ returns for one page: its lines in reading order and where they came from."""

    page_no: int  # 1-based
    source: PageSource
    lines: list[Line]
    width: float
    height: float
    ocr_confidence: float | None = None  # mean word confidence, OCR pages only
    dpi: int | None = None  # render/scan resolution for OCR pages
    error: str | None = None  # set when this page could not be read
    retryable: bool = False  # the error may pass (a worker died, a time-out): try again later
    # where the text came from, for a researcher tracing a number back
    encoding: str | None = None  # text layer: "unicode", "tcvn3", "tcvn3-upper", "vni"
    reason: str | None = None  # why this source: the text layer's verdict
    text_score: float | None = None  # share of Vietnamese syllables in the text layer
    engine: str | None = None  # "tesseract 5.3.0" for OCR pages
    language: str | None = None  # Tesseract language data, "vie"
    psm: int | None = None  # Tesseract page segmentation mode used
    preprocessing: str | None = None  # image steps before OCR: "rotate 180; deskew -3.1°"
    tables: list[TableGrid[TableCell]] = field(default_factory=list)  # its printed tables
    # what preparation did to the page image before OCR, so the image can be made again:
    # quarter turns clockwise, then a turn counter-clockwise about its centre (deskew), after
    # scaling by `scale` (OCR'd pixels per pixel of the image read)
    rotation: int | None = None
    skew: float | None = None
    scale: float | None = None


@dataclass(frozen=True, slots=True)
class Setting:
    """How a paragraph is set on the page, measured from its words when it is built: what
    the structure stages need of them once the words themselves are let go (a long
    document's words are not all held in memory)."""

    size: float | None = None  # letter size: font size (text layer) or letter height (scan)
    fonts: bool = False  # every word has a font size: the text layer's
    bold: bool | None = None  # set wholly in bold; None where the source does not tell
    emphasised: bool | None = None  # some of it in bold or italic
    lead_end: int | None = None  # where an opening run in bold or italic ends, in its text
    opens_styled: bool | None = None  # its first words in bold or italic
    # its printed lines as spans of its text, from the words' boxes, packed as 32-bit starts
    # and ends (a long document holds one for every paragraph: see looks.line_spans); empty
    # when unknown
    lines: bytes = b""


@dataclass(slots=True)  # these hold a long document's text and figures: no __dict__ each
class Paragraph:
    """A block of text after headers are removed and wrapped lines re-joined."""

    page_no: int
    text: str
    start: int  # character offset of the paragraph in PageText.text
    n_lines: int = 1
    # each word's span in PageText.text with its box, for highlighting figures on the page;
    # the pipeline lets them go once the page's figures are boxed (`setting` stays)
    words: Sequence[tuple[int, int, Word]] = field(default_factory=list)  # () once let go
    setting: Setting | None = None  # None: measure it from `words` when asked


@dataclass(slots=True)
class PageText:
    """Clean text of one page: paragraphs joined by newlines, running headers kept aside."""

    page_no: int
    text: str
    paragraphs: list[Paragraph]
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    # the document's form, not its body: the national motto, "Kính gửi", a digital-signature
    # stamp, the "Nơi nhận" list and what follows it; kept out of text, headings and figures
    furniture: list[str] = field(default_factory=list)
    full_text: str = ""  # the text with its furniture in place: what title blocks are read from
    # the page's footnotes, one paragraph each, set apart from the body (no heading, section
    # or passage holds them) and placed in `text` after it, as printed; their figures say so
    footnotes: list[Paragraph] = field(default_factory=list)
    # where full_text holds a number read with doubt (written by hand, read otherwise the
    # second time, or with little confidence): a title block's number and day are not taken
    # from there
    doubted: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    """A heading and everything under it up to the next heading of the same or higher level."""

    section_id: int
    kind: SectionKind
    heading: str | None
    level: int
    page_start: int
    page_end: int
    # the paragraphs under the heading, sub-sections' too: the page texts' own objects
    body: list[Paragraph] = field(default_factory=list, repr=False)
    parent_id: int | None = None
    inherited_kind: SectionKind = "other"  # own kind, or the nearest ancestor's if "other"
    kinds: list[SectionKind] = field(default_factory=list)  # every kind the heading names
    inline: bool = False  # a run-in label opening a paragraph: "2. Sở Tài chính:", "Điều 3."
    label: str | None = None  # the printed numbering: "I.", "2.", "a)", "Điều 3."

    @property
    def text(self) -> str:
        """The body's text, joined when asked: a section holds its sub-sections' text too,
        and a long report's sections kept as strings would hold its text several times."""
        return "\n".join(p.text for p in self.body)


@dataclass(slots=True)
class Item:
    """One enumerated point of a section ("Thứ nhất: …", "Một là, …", "- …"), e.g. a lesson."""

    item_id: int
    section_id: int
    section_kind: SectionKind  # the section's kind, or its parent's when it names none
    parent_item_id: int | None
    ordinal: int  # position among its siblings, from 1
    marker: str  # "Thứ nhất", "Một là", "-", "+", "•"
    text: str
    page_no: int


@dataclass(slots=True)
class Passage:
    """One paragraph and the section it stands in: what full-text search finds and shows."""

    passage_id: int
    page_no: int
    section_id: int | None
    section_kind: SectionKind | None  # the section's kind, or its parent's if it names none
    text: str
    char_start: int  # where it starts in its page's text
    # what its own sentences report (difficulties, causes, lessons), even where no heading
    # names it, and how sure (0–1); see nlp/meaning.py
    kind: SectionKind | None = None
    kind_confidence: float | None = None


@dataclass(slots=True)
class FigureMatch:
    """A figure found in a string by nlp.figures: value normalised, span exact."""

    kind: FigureKind
    value: float
    unit: str
    raw: str
    start: int | None  # its span in the string read (in a Figure: in its page's text, None
    end: int | None  # for a figure read from a table cell, which has no text span)
    scale: str | None = None  # the scale word as written: "triệu đồng", "tỷ", "trđ"…
    qualifier: str | None = None  # "trên", "hơn", "gần", "khoảng", "tối đa"… before it
    value_low: float | None = None  # a range "từ 5 đến 10 triệu đồng": its two ends;
    value_high: float | None = None  # for a single number both equal value
    of_total: float | None = None  # "22/22 xã", "37 trên tổng số 63 tỉnh": the total
    change: str | None = None  # the direction written before it: "tăng", "giảm còn", "đạt"
    unit_from: str | None = None  # "label": a count's noun read off "Tổng số hồ sơ: 112"
    # OCR damaged the unit ("triệu đông", "hô sơ"); what it must be was read from context
    unit_repaired: bool = False


@dataclass(slots=True, kw_only=True)
class Figure(FigureMatch):
    """A figure placed in its document: its match (value, unit, span…; value_low and
    value_high both set) and where it stands. Where it was read from, for a reader tracing
    it back: page_no, start and end in that page's text, bbox and line_boxes on the page,
    confidence; or, read from a printed table's cell, table_id, table_row and table_col."""

    figure_id: int
    page_no: int
    sentence: str
    section_id: int | None
    section_kind: SectionKind | None
    subject: str | None = None  # the phrase the figure measures: "kinh phí hỗ trợ"
    locations: tuple[str, ...] = ()  # places named in its sentence
    year: int | None = None  # the year its sentence states, if any
    bbox: Box | None = None  # its words' box on the page
    # one box a printed line when the figure wraps onto the next (its words per line)
    line_boxes: tuple[Box, ...] = ()
    confidence: float | None = None  # lowest OCR confidence of its words; None: text layer
    implied_total: float | None = None  # a share of a total ("chiếm 26,3%"): the total it implies
    flags: list[FlagKind] = field(default_factory=list)
    # its words' digits read a second time from the page (Word.reread), joined; whether every
    # word re-read gave the digits OCR first read (None: none was re-read); handwritten words
    reread: str | None = None
    reread_agrees: bool | None = None
    handwritten: bool | None = None
    # how far it can be trusted, 0–1: OCR confidence, second reading, plausibility; below
    # plausibility.TO_CHECK_BELOW it is to_check: left out of totals until a person confirms it
    trust: float | None = None
    to_check: bool = False
    table_id: int | None = None  # a figure read from a printed table's cell: which table,
    table_row: int | None = None  # and the cell's row and column in its printed grid
    table_col: int | None = None
    footnote: bool = False  # read from a footnote of its page (PageText.footnotes)
    measure: str | None = None  # from here: what makes it comparable (nlp/facts.py)
    status: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    compared_to: str | None = None
    part_of: int | None = None
    place: str | None = None
    sentence_start: int | None = None  # its sentence's start in its page's text (not stored)


@dataclass(slots=True)
class Flag:
    """Something a reader should check about a figure: why, and the figure it clashes with."""

    figure_id: int | None  # None for a table cell that is no figure (a score, a tonnage)
    flag: FlagKind
    detail: str  # one sentence saying what disagrees with what
    other_figure_id: int | None = None
    table_id: int | None = None  # a printed table's cell: its table, row and column
    row: int | None = None
    col: int | None = None


@dataclass(slots=True)
class Cell(TableCell):
    """A table cell as read with what it means: its role, its number read the table's way,
    and the header paths that name it ("Năm 2023 > Kế hoạch", "II. Nông nghiệp > Lúa")."""

    role: CellRole = "body"
    value: float | None = None  # the number, when the whole cell is one (percent: as written)
    value_kind: ValueKind = "text"
    column_path: str = ""  # its column's header cells, top to bottom, joined by " > "
    row_path: str = ""  # its row's labels, group row first, joined by " > "
    flags: list[FlagKind] = field(default_factory=list)


@dataclass(kw_only=True)
class Table(TableGrid[Cell]):
    """A printed table of a document (one part per page; a part continued from the previous
    page points at it): its grid as found, with caption, label, unit and cells read."""

    table_id: int
    page_no: int  # the page its grid (and box) stands on
    page_end: int = 0
    caption: str | None = None  # "Biểu số 02: Kết quả thực hiện…", or the title above it
    label: str | None = None  # "Biểu số 02", "Bảng 3", "Phụ lục I"
    unit: str | None = None  # "Đơn vị tính: triệu đồng" → "triệu đồng"
    n_header_rows: int = 0
    number_format: Literal["vi", "en"] = "vi"  # "." thousands, "," decimals; or English
    continues_table_id: int | None = None  # the part on the previous page it continues
    confidence: float | None = None  # lowest cell confidence (OCR); None for text layer


@dataclass
class DocumentMetadata:
    """Who issued a report, where, when and about which period, read off its title block."""

    province: str | None = None  # as the report names it, pre-2025 official name: "Bắc Giang"
    province_2025: str | None = None  # the province it lies in since the 2025 mergers: "Bắc Ninh"
    issuer: str | None = None  # "Sở Công Thương", "Ủy ban nhân dân tỉnh Thái Bình"
    title: str | None = None  # "Kết quả thực hiện Chương trình khuyến công năm 2023 …"
    doc_number: str | None = None  # "412/BC-SCT"
    doc_date: str | None = None  # ISO date: "2023-12-15"
    period: str | None = None  # "năm 2023", "giai đoạn 2016-2020", "9 tháng đầu năm 2024"
    year_start: int | None = None  # the years the period covers
    year_end: int | None = None
    doc_type: str | None = None  # "báo cáo", "tờ trình", "quyết định", "chỉ thị", "thông báo"…
    doc_code: str | None = None  # the printed code of the number: "QĐ-UBND" in "Số: 47/QĐ-UBND"
    doc_date_precision: str | None = None  # "day", "month" or "year": what doc_date holds
    signer: str | None = None  # the name under the signature block
    signer_title: str | None = None  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    # the parts of the number and date filled in by hand, and so not stored: "number, day"
    handwritten: str | None = None


@dataclass
class DocumentResult:
    """Everything one input file produced: what pipelines/ writes to the tables."""

    doc_id: str  # sha256 of the file bytes
    path: str
    filename: str
    status: Status
    error: str | None
    processed_at: str
    n_pages: int = 0
    pages: list[PageContent] = field(default_factory=list)
    texts: list[PageText] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    seconds: float = 0.0
    path_bytes: str | None = None  # the path's bytes in hex, when they are not UTF-8
    retryable: bool = False  # failed (or partly) for a reason that may pass: a worker's death
    # the pages with their lines and words, read back from disk one at a time: `pages` holds
    # them without (a long document's words are not all held in memory); None: `pages` has all
    page_store: Iterable[PageContent] | None = None
