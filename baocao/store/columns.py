"""Which dataclass field goes in which column, table by table: the one place that names them.
The schema (schema.py), the rows (rows.py), the read-back (load.py) and the column
descriptions `baocao serve` shows are all made from these lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import Float, Integer, String, Text
from sqlalchemy.types import TypeEngine

from baocao import i18n
from baocao.datamodel import Box, PageContent, PageText, Paragraph
from baocao.store.duplicates import fingerprint
from baocao.vietnamese.text import fold_chars, raw_text


def _(message: str) -> str:
    """Marks a column's description for the catalog; descriptions() translates it when it is
    shown, in the language of the moment (not at import)."""
    return message


@dataclass(frozen=True)
class Column:
    """One column: its name and SQL type; `attr`, the field it holds and gives back
    ("metadata.province": a field of the object's part); `get`, how rows() reads it where it
    is no plain field; `put`, how load_document() makes the field from the stored row."""

    name: str
    type: type[TypeEngine]
    attr: str | None = None  # None: not given back (derived, the row's place, the database's)
    get: Callable[[Any], Any] | None = None
    put: Callable[[Mapping[str, Any]], Any] | None = None
    description: str | None = None  # English; serve shows it translated
    written: bool = True  # False: the database's own (corrections, checks, a row id)
    primary_key: bool = False
    index: bool = False
    default: int | None = None
    autoincrement: bool = False

    @property
    def placed(self) -> bool:
        """Filled by rows() from where the row stands (its document, its number, a cell's
        table), not from the object."""
        return self.written and self.get is None and self.attr is None

    def from_row(self, row: Mapping[str, Any]) -> Any:
        """The field's value load_document() gives back from a stored row."""
        return self.put(row) if self.put else row.get(self.name)


class PageRow(NamedTuple):
    """What a page's row is made of: the page as read and its clean text (None where the
    page could not be read)."""

    page: PageContent
    text: PageText | None


def field(name: str, type: type[TypeEngine], description: str | None = None,
          attr: str | None = None, **kw: Any) -> Column:
    """A column holding a field as it is (`attr`: the field's name where it differs)."""
    return Column(name, type, attr or name, description=description, **kw)


def place(name: str, type: type[TypeEngine], description: str | None = None, **kw: Any
          ) -> Column:
    """A column rows() fills from where the row stands, not from the object."""
    return Column(name, type, description=description, **kw)


def derived(name: str, type: type[TypeEngine], get: Callable[[Any], Any],
            description: str | None = None) -> Column:
    """A column made from the object and not given back (a count, a folded text)."""
    return Column(name, type, get=get, description=description)


def kept(name: str, type: type[TypeEngine], description: str | None = None, **kw: Any
         ) -> Column:
    """A column the database fills itself (a person's corrections and checks)."""
    return Column(name, type, description=description, written=False, **kw)


def yes_no(name: str, description: str | None = None, attr: str | None = None) -> Column:
    """A yes/no field as 1/0 (empty where a database older than the column has nothing)."""
    attr = attr or name
    read = attrgetter(attr)

    def get(o: Any) -> int | None:
        value = read(o)
        return None if value is None else int(value)

    return Column(name, Integer, attr, get=get, description=description,
                  put=lambda row: _none_or(bool, row.get(name)))


def listed(name: str, type: type[TypeEngine], sep: str, description: str | None = None,
           attr: str | None = None, empty: str | None = None, kind: Callable = list,
           item: Callable[[str], Any] = str, show: Callable[[Any], str] = str) -> Column:
    """A list field joined by `sep`; an empty list is written `empty` (None or "")."""
    attr = attr or name
    read = attrgetter(attr)

    def get(o: Any) -> str | None:
        values = read(o)
        return None if values is None else sep.join(map(show, values)) or empty

    def put(row: Mapping[str, Any]) -> Any:
        text = row.get(name)
        if text is None and empty is not None:  # a database older than the column
            return None
        return kind(item(v) for v in text.split(sep)) if text else kind()

    return Column(name, type, attr, get, put, description)


def _none_or(convert: Callable, value: Any) -> Any:
    return None if value is None else convert(value)


BOX = ("left", "top", "right", "bottom")


def box_columns(description: str | None = None) -> list[Column]:
    """Where a thing stands on its page (in the units of `words`): left, top, right, bottom,
    given back as one `bbox` (None where it has none)."""
    def put(row: Mapping[str, Any]) -> Box | None:
        sides = [row.get(f"box_{side}") for side in BOX]
        return None if all(s is None for s in sides) else Box(*sides)

    return [Column(f"box_{side}", Float, "bbox", get=lambda o, n=n: (o.bbox or (None,) * 4)[n],
                   put=put, description=description if n == 0 else None)
            for n, side in enumerate(BOX)]


def read_columns(*names: str) -> list[Column]:
    """`corrected` (1 where a person corrected the row) and, for each column a person may
    correct, the machine's reading beside it (value_read beside value), set once corrected."""
    kinds = {"value": Float, "text": Text, "to_check": Integer}
    return [kept("corrected", Integer, default=0),
            *(kept(f"{name}_read", kinds.get(name, String)) for name in names)]


def _page(name: str, type: type[TypeEngine], description: str | None = None,
          attr: str | None = None) -> Column:
    return field(name, type, description, "page." + (attr or name))


def _text(name: str, get: Callable[[PageText], Any], description: str | None = None,
          put: Callable[[str | None], Any] | None = None) -> Column:
    """A column of the page's clean text (empty where the page has none)."""
    return Column(name, Text, "text." + name, lambda r: get(r.text) if r.text else None,
                  (lambda row: put(row.get(name))) if put else None, description)


def _lines(text: str | None) -> list[str]:
    return text.split("\n") if text else []


def _footnotes(row: Mapping[str, Any]) -> list[Paragraph]:
    """A page's footnotes as paragraphs again: its text's last lines (see PageText)."""
    notes = _lines(row.get("footnotes"))
    start = len(row.get("text") or "") - len("\n".join(notes))
    paragraphs = []
    for note in notes:
        paragraphs.append(Paragraph(page_no=row["page_no"], text=note, start=start))
        start += len(note) + 1
    return paragraphs


def _doc_id(**kw: Any) -> Column:
    return place("doc_id", String, primary_key=True, **kw)


DOCUMENTS = (
    field("doc_id", String, _("sha256 of the file's bytes: the same file has the same id "
                              "anywhere"), primary_key=True),
    field("path", Text, _("where the file was when it was processed")),
    field("filename", Text, _("the file's name")),
    field("n_pages", Integer, _("pages in the file")),
    field("status", String, _("ok, partial (some pages unreadable) or failed")),
    field("error", Text, _("why the file or some of its pages could not be read")),
    field("processed_at", String, _("when baocao read it (UTC)")),
    derived("n_sections", Integer, lambda r: len(r.sections), _("sections found")),
    derived("n_figures", Integer, lambda r: len(r.figures), _("figures found")),
    field("seconds", Float, _("processing time")),
    field("province", Text, _("province or city the title block names, official name before "
                              "the 2025 mergers (e.g. Bắc Giang)"), "metadata.province"),
    field("province_2025", Text, _("the province it lies in since the 2025 mergers (Bắc Giang "
                                   "→ Bắc Ninh)"), "metadata.province_2025"),
    field("issuer", Text, _("the issuing body (e.g. Sở Công Thương, Ủy ban nhân dân tỉnh Lào "
                            "Cai)"), "metadata.issuer"),
    field("title", Text, _("the report's title, after BÁO CÁO"), "metadata.title"),
    field("doc_number", String, _("the document number (Số: 412/BC-SCT → 412/BC-SCT)"),
          "metadata.doc_number"),
    field("doc_date", String, _("date of issue (YYYY-MM-DD)"), "metadata.doc_date"),
    field("period", Text, _("the period the title says the report covers (năm 2023, giai "
                            "đoạn 2016-2020, 9 tháng đầu năm 2024)"), "metadata.period"),
    field("year_start", Integer, _("first year of that period"), "metadata.year_start"),
    field("year_end", Integer, _("last year of that period"), "metadata.year_end"),
    derived("n_flags", Integer, lambda r: len(r.flags), _("figures flagged for checking")),
    field("path_bytes", Text), yes_no("retryable"),
    field("doc_type", String, attr="metadata.doc_type"),
    field("doc_code", String, attr="metadata.doc_code"),
    field("doc_date_precision", String, attr="metadata.doc_date_precision"),
    field("signer", Text, attr="metadata.signer"),
    field("signer_title", Text, attr="metadata.signer_title"),
    field("handwritten", Text, _("parts of the number and date filled in by hand and so not "
                                 "stored: number, day, month"), "metadata.handwritten"),
    # 1 where a person corrected a field (the machine's reading is the correction's old_value)
    # or checked the whole document against its scan (see corrections)
    kept("corrected", Integer, default=0), kept("checked", Integer, default=0),
    # the same report as another file (the same number and date, or its text almost whole in
    # the other's): that file's doc_id; summaries and the facts view count it once
    kept("same_as", String, _("the document it repeats (same number and date, or the same "
                              "text): its figures are counted there")),
)
PAGES = (
    _doc_id(), field("page_no", Integer, _("page number in the file, from 1"), "page.page_no",
                     primary_key=True),
    _page("source", String, _("text (the PDF's text layer), ocr (read by Tesseract) or blank "
                              "(no ink on the page: not read)")),
    _text("text", lambda t: t.text, _("clean text, one paragraph per line")),
    _page("ocr_confidence", Float, _("mean Tesseract word confidence, 0–100")),
    # the text as extracted: its lines are not read back
    derived("raw_text", Text, lambda r: raw_text(line.text for line in r.page.lines)
            if r.text else None, _("the text as extracted, before clean-up")),
    _text("header", lambda t: "\n".join(t.header),
          _("running header lines removed from the text"), _lines),
    _text("footer", lambda t: "\n".join(t.footer),
          _("running footer lines removed from the text"), _lines),
    _page("dpi", Integer, _("resolution the page was read at (OCR pages)")),
    _page("width", Float, _("page width, in pixels at dpi (OCR) or PDF points (text layer)")),
    _page("height", Float, _("page height, in the same units")),
    _page("encoding", String), _page("source_reason", Text, attr="reason"),
    _page("text_score", Float), _page("ocr_engine", String, attr="engine"),
    _page("ocr_language", String, attr="language"), _page("ocr_psm", Integer, attr="psm"),
    _page("preprocessing", Text),
    _text("furniture", lambda t: "\n".join(t.furniture) if t.furniture else None, put=_lines),
    Column("footnotes", Text, "text.footnotes",
           lambda r: "\n".join(f.text for f in r.text.footnotes) or None if r.text else None,
           lambda row: _footnotes(row),
           _("the page's footnotes, one a line; its text ends with them, after the body")),
    # what preparation did to the image before OCR (see PageContent): how to make it again
    _page("rotation", Integer), _page("skew", Float), _page("scale", Float),
    kept("checked", Integer, default=0),  # 1: a person checked this page against its scan
    kept("same_as", String, _("the document whose page this one repeats (a copy or a page of "
                              "it): its figures are counted there")),
    derived("fingerprint", Text, lambda r: fingerprint(r.text.text) if r.text else None),
)
SECTIONS = (
    _doc_id(), field("section_id", Integer, primary_key=True),
    field("kind", String, _("what the heading announces: achievements, difficulties, causes, "
                            "lessons, solutions, recommendations, plans or other")),
    field("heading", Text, _("the heading as written (empty for text before the first "
                             "heading)")),
    field("level", Integer, _("1 for the top headings (I., II.), 2 below them, …")),
    field("page_start", Integer, _("page the section starts on")),
    field("page_end", Integer, _("page it ends on")),
    # its body is given back as the paragraphs (passages) under it
    derived("text", Text, lambda s: s.text, _("the section's own text")),
    field("parent_id", Integer, _("the section it is part of")),
    field("inherited_kind", String, _("its kind, or its parent's when the heading names "
                                      "none")),
    listed("kinds", String, ",", _("every kind the heading names"), empty=""),
    yes_no("inline"), field("label", String),
    *read_columns("kind"),
)
ITEMS = (
    _doc_id(), field("item_id", Integer, primary_key=True), field("section_id", Integer),
    field("section_kind", String, _("the kind of the section it stands in (or its parent's)")),
    field("parent_item_id", Integer, _("the point it is a sub-point of")),
    field("ordinal", Integer, _("its place among its siblings")),
    field("marker", String, _("how it is marked: Thứ nhất, Một là, -, +, •")),
    field("text", Text, _("the point's text, joined across line and page breaks")),
    field("page_no", Integer, _("page it starts on")),
)
FIGURES = (
    _doc_id(), field("figure_id", Integer, primary_key=True),
    field("kind", String, _("amount, percent or count")),
    field("value", Float, _("amounts in đồng (VND) or USD; percentages as written; counts")),
    field("unit", String, _("VND, USD, % or the counted noun (sản phẩm, cuộc, …)")),
    field("raw", Text, _("the figure exactly as on the page")),
    field("page_no", Integer, _("page it stands on")), field("section_id", Integer),
    field("section_kind", String, _("kind of the section it stands in")),
    field("sentence", Text, _("the sentence it stands in")),
    field("scale", String, _("the scale word as written (triệu đồng, tỷ đồng, trđ)")),
    field("char_start", Integer, _("where raw starts in the page's text"), "start"),
    field("char_end", Integer, _("where raw ends in the page's text"), "end"),
    field("qualifier", String, _("trên, hơn, gần, khoảng, tối đa… written before it")),
    field("value_low", Float, _("low end of a range (= value otherwise)")),
    field("value_high", Float, _("high end of a range (= value otherwise)")),
    field("subject", Text, _("what it measures (kinh phí hỗ trợ, …)")),
    listed("locations", Text, "; ", _("places named in its sentence"), kind=tuple),
    field("year", Integer, _("the year its sentence states")),
    *box_columns(_("its box on the page (units of the words table)")),
    field("confidence", Float, _("lowest OCR confidence of its words, 0–100 (empty: text "
                                 "layer)")),
    field("implied_total", Float, _("for a share of a total (chiếm 26,3% so với tổng …): the "
                                    "total the amount before it implies")),
    listed("flags", Text, "; ", _("{flags} (see the flags table)")),  # FIGURE_FLAGS
    field("of_total", Float), field("change", String), field("unit_from", String),
    yes_no("unit_repaired"),
    # a figure read from a printed table's cell: the table and the cell's row and column
    field("table_id", Integer), field("table_row", Integer), field("table_col", Integer),
    # one box a printed line, "left,top,right,bottom;…", when the figure wraps onto the next
    listed("boxes", Text, ";", attr="line_boxes", kind=tuple,
           item=lambda box: Box(*(float(v) for v in box.split(","))),
           show=lambda box: ",".join(f"{v:g}" for v in box)),
    yes_no("footnote", _("1 where it was read from a footnote of its page")),
    field("reread", String, _("its digits read a second time from the page (empty: not "
                              "re-read)")),
    yes_no("reread_agrees", _("1 where that second reading gives the digits OCR read first, "
                              "0 where it does not")),
    yes_no("handwritten", _("1 where some of its words are written by hand")),
    field("trust", Float, _("how far it can be trusted, 0–1, from its OCR confidence, its "
                            "second reading and how plausible its value is")),
    yes_no("to_check", _("1: too doubtful to count (see the flags table): left out of totals "
                         "until a person confirms it")),
    field("measure", String, _("what it measures: a code of the measures table (empty where "
                               "not sure)")),
    field("status", String, _("actual, estimate (ước), plan (kế hoạch, dự toán, giao), target "
                              "(phấn đấu, mục tiêu) or request (đề nghị, kiến nghị)")),
    field("period_start", String, _("first month (YYYY-MM) or day of the period it covers")),
    field("period_end", String, _("last month or day of that period (lũy kế đến 31/10/2023 → "
                                  "2023-10-31)")),
    field("compared_to", String, _("for a percentage: same_period (cùng kỳ), plan, previous "
                                   "(năm trước) or share (chiếm … tổng số)")),
    field("part_of", Integer, _("the figure_id of the total it is a part of (trong đó, gồm)")),
    field("place", Text, _("the district or commune its sentence names")),
    *read_columns("value", "unit", "kind", "to_check"),
)
FLAGS = (
    _doc_id(), place("flag_id", Integer, primary_key=True),
    field("figure_id", Integer, _("the flagged figure")),
    field("flag", String, _("{flags} or {last}")),  # FIGURE_FLAGS
    field("detail", Text, _("what disagrees with what")),
    field("other_figure_id", Integer, _("the figure it disagrees with")),
    # a flag on a printed table's cell (its figure_id is empty when the cell is no figure)
    field("table_id", Integer), field("row", Integer), field("col", Integer),
)
# One row per paragraph, for full-text search. Its own integer key is the row's SQLite rowid,
# which the search indexes point at: unlike the rowids of the other tables, it survives VACUUM.
PASSAGES = (
    kept("passage_key", Integer, primary_key=True, autoincrement=True),
    place("doc_id", String, index=True),
    field("passage_id", Integer, _("paragraph number in the document")),
    field("page_no", Integer), field("section_id", Integer),
    field("section_kind", String, _("kind of its section (or its parent's)")),
    field("text", Text, _("the paragraph")),
    derived("folded", Text, lambda p: fold_chars(p.text),
            _("the paragraph in lower case without diacritics")),
    field("char_start", Integer, _("where it starts in its page's text")),
    field("kind", String, _("what its own sentences report: difficulties, causes or lessons, "
                            "even where no heading names them")),
    field("kind_confidence", Float, _("how sure that kind is, 0–1")),
)
# Words are written page by page and not read back (a long document has millions).
WORDS = (
    _doc_id(), place("page_no", Integer, primary_key=True),
    place("word_no", Integer, primary_key=True), place("line_no", Integer),
    field("text", Text), field("left", Float), field("top", Float),
    field("width", Float), field("height", Float),
    field("conf", Float, _("Tesseract confidence 0–100 (empty: text layer)")),
    # the text layer's font: bold, italic (1/0) and size in points; empty on OCR pages
    yes_no("bold"), yes_no("italic"), field("size", Float),
    field("reread", String, _("OCR: the digits of a number read a second time from its crop "
                              "(empty: not read again)")),
    yes_no("handwritten", _("OCR: 1 where the word is written by hand (pen ink, taller than "
                            "the typed digits of its line)")),
)
# One row per printed table part (a table over two pages is two parts, the second pointing
# at the first with continues_table_id); one row per cell of its printed grid.
TABLES = (
    _doc_id(), field("table_id", Integer, primary_key=True),
    field("page_no", Integer), field("page_end", Integer),
    field("caption", Text, _("the title printed above it (Biểu số 02: …)")),
    field("label", String, _("Biểu / Bảng / Phụ lục with its number")),
    field("unit", String, _("the unit printed above it (Đơn vị tính: triệu đồng → triệu "
                            "đồng)")),
    field("n_rows", Integer), field("n_cols", Integer),
    field("n_header_rows", Integer, _("rows of column headers at its top")),
    field("ruling", String, _("full (every cell boxed), horizontal (rules between rows only) "
                              "or none")),
    field("source", String),
    field("number_format", String, _("vi (1.234,5) or en (1,234.5), from its columns' "
                                     "numbers")),
    *box_columns(),
    field("continues_table_id", Integer, _("the part on the previous page this one "
                                           "continues")),
    field("confidence", Float),
)


def _path(name: str, description: str) -> Column:
    """A header path, empty when it has none."""
    return Column(name, Text, name, lambda c: getattr(c, name) or None,
                  lambda row: row.get(name) or "", description)


TABLE_CELLS = (
    _doc_id(), place("table_id", Integer, primary_key=True),
    field("row", Integer, _("row in the printed grid, from 0, header rows included"),
          primary_key=True),
    field("col", Integer, _("column, from 0"), primary_key=True),
    field("row_span", Integer), field("col_span", Integer),
    field("text", Text, _("the cell as printed")),
    field("role", String, _("column_header, row_header, group (I. …, Trong đó:), body or "
                            "total")),
    field("value", Float, _("the number, when the cell is one number")),
    field("value_kind", String),
    _path("column_path", _("the headers above it (Năm 2023 > Kế hoạch)")),
    _path("row_path", _("its row's group and label (I. Thu nội địa > Thu thuế)")),
    *box_columns(), field("confidence", Float),
    listed("flags", Text, "; ", _("checks it failed: {flags}")),  # the table checks' flags
    *read_columns("text", "value"),
)
# Each content table's columns, in the order of the tables.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "documents": DOCUMENTS, "pages": PAGES, "sections": SECTIONS, "items": ITEMS,
    "figures": FIGURES, "flags": FLAGS, "passages": PASSAGES, "words": WORDS,
    "tables": TABLES, "table_cells": TABLE_CELLS,
}


def descriptions(table: str, **values: str) -> dict[str, str]:
    """The table's column descriptions in the interface's language: what serve shows. The
    lists that other layers declare (which flags a cell may get) fill the {places}."""
    return {c.name: i18n._(c.description).format(**values) if "{" in c.description
            else i18n._(c.description) for c in COLUMNS[table] if c.description}
