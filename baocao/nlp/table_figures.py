"""Numbers in table cells as figures, so that a query over figures sees text and tables
alike. A cell's unit comes, first to last, from its row's unit column ("ĐVT"), its own
column's header ("Kinh phí (triệu đồng)", "Tỷ lệ (%)", "Số chương trình, đề án") or the
table's unit line, and is read by the same rules as a unit in running text. What a header
says of its numbers bounds what the unit line may make of them: a "Số …" column counts its
noun, a "(%)", "Tỷ lệ" or "So với" column holds shares, never money; a rank, an ordinal or a
column number is never a figure. A number whose unit names no money, share or count stays a
cell."""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import NamedTuple

import regex

from baocao.datamodel import Cell, Figure, FigureKind, Section, Table
from baocao.nlp.counts import NOT_COUNTED
from baocao.nlp.figures import find_figures
from baocao.nlp.table_cells import ORDINAL_HEADER
from baocao.vietnamese.text import fold

# A unit in parentheses closing a header, maybe followed by OCR's stray marks. Examples:
# "Kinh phí (triệu đồng)", "Tỷ lệ (%)", "Số lao động (người)", "So với dự . toán (%).".
HEADER_UNIT = regex.compile(r"\((?P<unit>[^()]{1,30})\)[\s.:,;]*$")
# A column of units, one per row, by its header, folded: "ĐVT", "Đơn vị tính", "Đơn vị".
UNIT_COLUMN = regex.compile(r"^(?:dvt|don vi(?: tinh)?)$")
# A unit that opens with the multiple its cells are written in: "1.000 đồng" (a cell 5.000
# is 5.000.000 đồng), "1.000.000 đồng", "1000 USD", "1.000 người".
UNIT_MULTIPLE = regex.compile(r"^(?P<multiple>1(?:\.?000)+)\s+(?P<unit>\D.*)$")
# A money unit whose tone marks OCR lost or changed, folded: "đông", "triệu đông", "Tỷ dong".
# In a header's parentheses or a unit line no other word folds so: it is đồng.
DAMAGED_MONEY = regex.compile(r"^(?:(?P<scale>nghin|ngan|trieu|ty|ti)\s+)?dong$")
# Each scale of DAMAGED_MONEY as it is written: "trieu" → "triệu".
MONEY_SCALES = {"nghin": "nghìn", "ngan": "ngàn", "trieu": "triệu", "ty": "tỷ", "ti": "tỷ"}
# A header naming ranks or ordinals, lower-cased, its tone marks read or lost ("Thu hang"),
# never others ("Thu hằng năm", "Hàng hóa"): "Thứ hạng", "Xếp hạng năm 2024", "Hạng",
# "Xếp thứ", "Thứ tự", "Vị trí xếp hạng"; with ORDINAL_HEADER "TT", "STT", "Số TT".
RANK_HEADER = regex.compile(
    r"^(?:(?:vị\s+trí\s+)?(?:th[ứưu]|x[ếêe]p)\s+h[ạa]ng(?!\p{L})|h[ạa]ng$|x[ếêe]p\s+th[ứưu]"
    r"(?!\p{L})|th[ứưu]\s+t[ựưu]$)")
# A column's printed number or letter, standing as a header level or across a row under the
# headers. Examples: "(1)", "2", "A", "(B)", "(3)=(1)+(2)", "5=3/4"; not "2023".
COLUMN_MARK = regex.compile(
    r"^\(?(?P<mark>\d{1,2}|[A-Z])\)?(?:\s*=\s*[\d()+\-−*x:/\s]+)?$")
# A header of shares, folded: a "%" that follows no number ("= 0.0331%" is a value misread
# as a header) and is no "điểm %" (percentage points). Examples: "Tỷ lệ (%)", "So với dự
# toán (%)", "Tăng/giảm %", "%".
PERCENT_HEADER = regex.compile(r"(?<![\d.,]\s?)(?<!diem\s?)%")
# A header of ratios with no unit of its own, folded: shares, never money or counts.
# Examples: "Tỷ lệ giải ngân", "So với cùng kỳ", "So sánh", "Tốc độ tăng so với năm trước".
RATIO_HEADER = regex.compile(r"\b(?:t[yi]\s+le|so\s+voi|so\s+sanh|toc\s+do)\b")
# A difference, not a ratio, in the table's unit, folded: "So sánh (+/-)", "Tăng/giảm so
# với cùng kỳ", "Chênh lệch so với kế hoạch".
DIFFERENCE_HEADER = regex.compile(r"\+\s*/\s*[-−]|\btang\s*[/,-]\s*giam\b|\bchenh\s+lech\b")
# A header naming what its numbers count, lower-cased: "Số cơ sở tham gia", "Số lượng lao
# động", "Sô đề án" (OCR's "Sô"). Not "Sở …" nor "So với …": the tone of "Số" is read.
COUNT_HEADER = regex.compile(r"^s[ốô](?:\s+l(?:ượ|uợ|ươ|uo)ng)?(?:\s+|$)")
# Nouns after "Số" that are money or a quantity in the table's unit, lower-cased: "Số
# tiền", "Số dư", "Số vốn", "Số thu", "Số chi", "Số phải nộp", "Số kinh phí", "Số thực
# hiện"; not "Số chi hội", "Số chi bộ" (counts).
MEASURED_NOUN = regex.compile(
    r"^(?:tiền|dư|vốn|thu|chi(?!\s+(?:hội|bộ|nhánh|cục|đoàn))|nộp|thuế|kinh\s+phí"
    r"|phải\s+(?:thu|nộp|trả)|đã\s+\S+|giải\s+ngân|còn\s+lại|dự\s+toán|thực\s+hiện"
    r"|kế\s+hoạch|ước)(?!\p{L})")
# Nouns after "Số" that make no number of things, folded: "Số hóa" (digitising), "Số liệu",
# "Số hiệu", "Số ký hiệu", "Số điện thoại", "Số tài khoản", "Số nhà", "Số CCCD".
NOT_A_COUNT = regex.compile(
    r"^(?:hoa|lieu|hieu|ky\s+hieu|dien\s+thoai|tai\s+khoan|nha|cmnd|cccd|ho\s+chieu)\b")
# What a unit is read after, as in running text: "Có 12 triệu đồng."
PROBE_LEAD = "Có "


class UnitRead(NamedTuple):
    """A unit read: the figure's kind, the factor to its stored value, its stored unit, the
    scale as written, and whether OCR had damaged it ("đông" read as đồng)."""

    kind: FigureKind
    factor: float
    unit: str
    scale: str | None
    repaired: bool = False


class Says(NamedTuple):
    """What a header says of the numbers under it: a unit read (`read`), or only which kinds
    the table's or row's unit may give them (`kinds`; empty: none), or that they are ranks."""

    read: UnitRead | None = None
    kinds: frozenset[str] | None = None
    rank: bool = False


RANK = Says(rank=True)
NOTHING = Says(kinds=frozenset())
PERCENT = UnitRead("percent", 1.0, "%", None)


def table_figures(tables: list[Table], sections: list[Section], first_id: int
                  ) -> list[Figure]:
    """A figure for each body or total cell that holds an amount, a share or a count."""
    figures: list[Figure] = []
    for table in tables:
        unit_col = next((c.col for c in table.cells if c.role == "column_header"
                         and UNIT_COLUMN.match(fold(c.text).strip(" .:"))), None)
        row_units = {c.row: c.text for c in table.cells if c.col == unit_col}
        numbering = _numbering_rows(table)
        section = _section_at(sections, table.page_no)
        for cell in table.cells:
            if cell.value is None or cell.role not in ("body", "total") \
                    or cell.row in numbering or "out_of_column" in cell.flags:
                continue  # a number out of its column's form (table_checks) is doubted
            read = _cell_unit(cell, row_units.get(cell.row), table.unit)
            if read is None:
                continue
            value = cell.value * read.factor
            figures.append(Figure(
                figure_id=first_id + len(figures), kind=read.kind, value=value,
                unit=read.unit, raw=cell.text.strip(), page_no=table.page_no,
                start=None, end=None, scale=read.scale,
                sentence=_sentence(table, cell),
                section_id=section.section_id if section else None,
                section_kind=section.inherited_kind if section else None,
                value_low=value, value_high=value,
                subject=cell.row_path or None, bbox=cell.bbox, confidence=cell.confidence,
                flags=list(cell.flags), table_id=table.table_id, table_row=cell.row,
                table_col=cell.col, unit_repaired=read.repaired,
            ))
    return figures


def _cell_unit(cell: Cell, row_unit: str | None, table_unit: str | None) -> UnitRead | None:
    """The unit of a cell's number, or None when it is no figure. A rank anywhere in its
    column's or row's headers rules it out; a share written "%" or headed "(%)" is a share;
    else the row's unit (ĐVT), the column's own unit or counted noun, the row label's own
    unit, the table's unit line, first to last, each only of a kind that its column's and
    row's headers allow ("Số tiền": amounts; "Tỷ lệ": shares)."""
    column = _path_says(cell.column_path, _header_says)
    row = _path_says(cell.row_path, _row_label_says)
    if column.rank or row.rank:
        return None
    if cell.value_kind == "percent" or PERCENT in (column.read, row.read):
        return PERCENT
    if row_unit:
        read = _read_unit(row_unit)
    else:
        read = column.read or row.read or (_read_unit(table_unit) if table_unit else None)
    if read is None or any(s.kinds is not None and read.kind not in s.kinds
                           for s in (column, row)):
        return None
    if read.kind == "count" and cell.value != int(cell.value or 0):
        return None  # a count is whole: "12,5 người" is no count
    return read


def _path_says(path: str, says) -> Says:
    """What a header path ("Năm 2023 > Kế hoạch") says, its nearest level that says
    anything first; a rank at any level makes it a rank."""
    levels = [" ".join(name.split()) for name in path.split(" > ") if name.strip()]
    found = [s for s in map(says, reversed(levels)) if s is not None]
    if any(s.rank for s in found):
        return RANK
    return found[0] if found else Says()


def header_kind(name: str) -> str | None:
    """What kind of number one column header announces ("Số sản phẩm": count, "Tỷ lệ (%)":
    percent), for the checks of a column's form; None where it does not say."""
    says = _header_says(name)
    if says is None or says.rank:
        return None
    if says.read is not None:
        return says.read.kind
    return next(iter(says.kinds)) if says.kinds and len(says.kinds) == 1 else None


def _header_says(name: str) -> Says | None:
    """What one column header says of its numbers: "Thứ hạng" ranks; "Kinh phí (triệu
    đồng)" a unit; "So với dự toán (%)" shares; "Tỷ lệ" shares only; "Số sản phẩm" counts
    sản phẩm; "Số tiền" money in the table's unit; "Số kỳ bình chọn" nothing countable;
    "Diện tích (ha)" a unit no figure has."""
    folded = fold(name).strip(" .:")
    if COLUMN_MARK.match(name):
        return None  # a column's number says nothing of it
    if RANK_HEADER.match(_lower(name).strip(" .:")) or ORDINAL_HEADER.match(folded):
        return RANK
    own = _own_unit(name, counts=True)
    if own is not None:
        return own
    if PERCENT_HEADER.search(folded):
        return Says(read=PERCENT)
    if RATIO_HEADER.search(folded) and not DIFFERENCE_HEADER.search(folded):
        return Says(kinds=frozenset({"percent"}))
    counted = COUNT_HEADER.match(_lower(name))
    if counted is None:
        return None
    noun = HEADER_UNIT.sub("", name[counted.end():]).strip(" .:,")
    if not noun:
        return Says(kinds=frozenset({"count"}))  # "Số lượng": things the unit names
    if MEASURED_NOUN.match(_lower(noun)):
        return Says(kinds=frozenset({"amount"}))
    read = None if NOT_A_COUNT.match(fold(noun)) else _read_unit(noun)
    if read is not None and read.kind == "count":
        return Says(read=read)
    return NOTHING  # "Số kỳ bình chọn": no unit names what it counts


def _row_label_says(name: str) -> Says | None:
    """What a row's label says of the numbers along it, where the table runs by rows: "Thứ
    hạng" ranks; "Tỷ lệ hộ nghèo (%)" shares; "Tỷ lệ giải ngân" shares only; "Tổng thu (tỷ
    đồng)" money. Labels are long ("Hỗ trợ 50% lãi suất…"): a share or ratio only opening
    one counts, and a label's parentheses name a count seldom ("(GDP, GRDP)"): not read."""
    folded = fold(name).strip(" .:")
    if RANK_HEADER.match(_lower(name).strip(" .:")):
        return RANK
    own = _own_unit(name, counts=False)
    if own is not None:
        return own
    if RATIO_HEADER.match(folded) and not DIFFERENCE_HEADER.search(folded):
        return Says(read=PERCENT) if PERCENT_HEADER.search(folded) \
            else Says(kinds=frozenset({"percent"}))
    return None


def _own_unit(name: str, counts: bool) -> Says | None:
    """What a header's closing parentheses say: a unit read ("(triệu đồng)", "(%)",
    "(người)" where `counts`), a unit of measure no figure has ("(ha)", "(lần)": nothing),
    or nothing when they name no unit ("(GRDP)", "(I+II)", "(đầu nhiệm kỳ IV)", "(1)"): a
    count must be the whole of them and no abbreviation of a name."""
    match = HEADER_UNIT.search(name)
    if match is None or COLUMN_MARK.match(match[0].strip(" .:;,")):
        return None
    unit = " ".join(match["unit"].split())
    read = _read_unit(unit)
    if read is not None and read.kind == "count" and (
            not counts or fold(read.unit) != fold(unit) or read.unit.isupper()):
        read = None
    if read is not None:
        return Says(read=read)
    first = _lower(unit).split()[0] if unit.split() else ""
    return NOTHING if first in NOT_COUNTED or "‰" in unit else None


def _numbering_rows(table: Table) -> set[int]:
    """Rows numbering the columns under the headers ("A", "B", "1", "2", "3" or "(1)",
    "(2)"…): the first row below the headers, or any row of such marks in parentheses, whose
    filled cells are all marks, three at least, their numbers rising one by one."""
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        if cell.row >= table.n_header_rows and cell.text.strip():
            rows.setdefault(cell.row, []).append(cell)
    out = set()
    for row, cells in rows.items():
        texts = [c.text.strip() for c in sorted(cells, key=lambda c: c.col)]
        marks = [COLUMN_MARK.match(t) for t in texts]
        if len(texts) < 3 or not all(marks):
            continue
        numbers = [int(m["mark"]) for m in marks if m["mark"].isdecimal()]
        rising = not numbers or numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        if rising and (row == min(rows) or all(t.startswith("(") for t in texts)):
            out.add(row)
    return out


def _read_unit(unit: str) -> UnitRead | None:
    """A unit as written ("triệu đồng"), else lower-cased ("Tỷ đồng"), else a money unit
    OCR damaged ("đông", "triệu dong": đồng, marked repaired)."""
    unit = " ".join(unit.split())
    read = unit_read(unit) or unit_read(_lower(unit))
    if read is not None:
        return UnitRead(*read)
    damaged = DAMAGED_MONEY.match(fold(unit))
    if damaged is None:
        return None
    scale = MONEY_SCALES.get(damaged["scale"] or "")
    read = unit_read(f"{scale} đồng" if scale else "đồng")
    return UnitRead(*read, repaired=True) if read else None


def _lower(text: str) -> str:
    """Lower-cased, composed (NFC): "SỐ TIỀN" → "số tiền", whatever form the text came in."""
    return unicodedata.normalize("NFC", text.lower())


@cache
def unit_read(unit: str) -> tuple[FigureKind, float, str, str | None] | None:
    """Read a unit the way running text is read: "triệu đồng" → amount × 1.000.000. A unit
    line holding a number of its own ("điểm; thứ hạng trên 63 tỉnh") names no unit."""
    multiple = UNIT_MULTIPLE.match(unit)
    if multiple:
        read = unit_read(multiple["unit"])
        if read is None or read[0] == "percent":
            return None
        kind, factor, name, _scale = read
        return kind, factor * int(multiple["multiple"].replace(".", "")), name, unit
    if regex.search(r"\d", unit):
        return None
    probe = 12
    found = find_figures(f"{PROBE_LEAD}{probe} {unit}.")
    if len(found) != 1 or found[0].start != len(PROBE_LEAD):
        return None  # the figure read must be the probe with the unit after it
    match = found[0]
    return match.kind, match.value / probe, match.unit, match.scale


def _sentence(table: Table, cell: Cell) -> str:
    """Where the number stands, as a reader would say it: table, row, column."""
    parts = [table.caption or table.label or "Bảng", cell.row_path, cell.column_path]
    return " — ".join(p for p in parts if p)


def _section_at(sections: list[Section], page_no: int) -> Section | None:
    """The innermost section running on the table's page."""
    on_page = [s for s in sections if s.page_start <= page_no <= s.page_end]
    return max(on_page, key=lambda s: (s.level, s.section_id), default=None)
