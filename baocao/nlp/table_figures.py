"""Numbers in table cells as figures, so that a query over figures sees text and tables
alike: a cell's unit comes from its row's unit column ("ĐVT"), its column header ("Kinh
phí (triệu đồng)", "Tỷ lệ (%)") or the table's unit line, and is read by the same rules as
a unit in running text. A number whose unit names no money, share or count stays a cell."""

from __future__ import annotations

from functools import cache

import regex

from baocao.datamodel import Cell, Figure, FigureKind, Section, Table
from baocao.nlp.figures import find_figures
from baocao.vietnamese.text import fold

# A unit in parentheses closing a column header. Examples: "Kinh phí (triệu đồng)",
# "Tỷ lệ (%)", "Số lao động (người)".
HEADER_UNIT = regex.compile(r"\((?P<unit>[^()]{1,30})\)\s*$")
# A column of units, one per row, by its header, folded: "ĐVT", "Đơn vị tính", "Đơn vị".
UNIT_COLUMN = regex.compile(r"^(?:dvt|don vi(?: tinh)?)$")
# A unit that opens with the multiple its cells are written in: "1.000 đồng" (a cell 5.000
# is 5.000.000 đồng), "1.000.000 đồng", "1000 USD", "1.000 người".
UNIT_MULTIPLE = regex.compile(r"^(?P<multiple>1(?:\.?000)+)\s+(?P<unit>\D.*)$")
# What a unit is read after, as in running text: "Có 12 triệu đồng."
PROBE_LEAD = "Có "


def table_figures(tables: list[Table], sections: list[Section], first_id: int
                  ) -> list[Figure]:
    """A figure for each body or total cell that holds an amount, a share or a count."""
    figures: list[Figure] = []
    for table in tables:
        unit_col = next((c.col for c in table.cells if c.role == "column_header"
                         and UNIT_COLUMN.match(fold(c.text).strip(" .:"))), None)
        row_units = {c.row: c.text for c in table.cells if c.col == unit_col}
        section = _section_at(sections, table.page_no)
        for cell in table.cells:
            if cell.value is None or cell.role not in ("body", "total"):
                continue
            unit = row_units.get(cell.row) or _header_unit(cell) or table.unit
            read = _figure_kind(cell, unit) or _counted(cell)
            if read is None:
                continue
            kind, factor, unit_name, scale = read
            figures.append(Figure(
                figure_id=first_id + len(figures), kind=kind, value=cell.value * factor,
                unit=unit_name, raw=cell.text.strip(), page_no=table.page_no,
                start=None, end=None, scale=scale,
                sentence=_sentence(table, cell),
                section_id=section.section_id if section else None,
                section_kind=section.inherited_kind if section else None,
                value_low=cell.value * factor, value_high=cell.value * factor,
                subject=cell.row_path or None, bbox=cell.bbox, confidence=cell.confidence,
                flags=list(cell.flags), table_id=table.table_id, table_row=cell.row,
                table_col=cell.col,
            ))
    return figures


def _header_unit(cell: Cell) -> str | None:
    """The unit the cell's column header names in parentheses, nearest header first."""
    for name in reversed(cell.column_path.split(" > ")):
        match = HEADER_UNIT.search(name)
        if match:
            return match["unit"].strip()
    return None


# A column header naming what its numbers count, folded: "Số cơ sở tham gia", "Số lượng
# lao động", "Số đề án".
COUNT_HEADER = regex.compile(r"^so(?:\s+luong)?\s+(?=\S)")


def _counted(cell: Cell) -> tuple[FigureKind, float, str, str | None] | None:
    """A whole number under a header "Số <noun>…" counts that noun: "Số cơ sở CNNT tham
    gia" → cơ sở; read as running text reads "12 cơ sở CNNT tham gia"."""
    for name in cell.column_path.split(" > "):
        match = COUNT_HEADER.match(fold(name))
        if match is None:
            continue
        noun = " ".join(name.split()[len(match[0].split()):])
        read = _unit(noun)
        if read and read[0] == "count" and cell.value == int(cell.value or 0):
            return read
        return None
    return None


def _figure_kind(cell: Cell, unit: str | None
                 ) -> tuple[FigureKind, float, str, str | None] | None:
    """Kind, factor to the stored value, stored unit and written scale of a cell's number."""
    if cell.value_kind == "percent":
        return "percent", 1.0, "%", None
    if not unit:
        return None
    read = _unit(" ".join(unit.split()))
    if read is None:
        return None
    kind, factor, name, scale = read
    if kind == "count" and cell.value is not None and cell.value != int(cell.value):
        return None  # a count is whole: "12,5 người" is no count
    return read


@cache
def _unit(unit: str) -> tuple[FigureKind, float, str, str | None] | None:
    """Read a unit the way running text is read: "triệu đồng" → amount × 1.000.000. A unit
    line holding a number of its own ("điểm; thứ hạng trên 63 tỉnh") names no unit."""
    multiple = UNIT_MULTIPLE.match(unit)
    if multiple:
        read = _unit(multiple["unit"])
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
