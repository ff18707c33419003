"""A document's printed tables read: each grid extract/ found gets its caption, label and
unit from the lines above it, its cells' meaning (see table_cells.py), a link to the part
it continues on the previous page, and the checks that catch a misread number."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from baocao.datamodel import Figure, Flag, Line, PageContent, Table, TableGrid, extend
from baocao.nlp.table_cells import read_cells
from baocao.nlp.table_checks import TABLE_CHECKS, check_table
from baocao.nlp.table_numbers import NumberFormat
from baocao.vietnamese.text import fold, normalize

# A table's label opening its caption line. Examples: "Biểu số 02: Kết quả thực hiện…",
# "Bảng 3. Giá trị sản xuất…", "Phụ lục I", "BIỂU 01", "Biểu 03 (tiếp theo)".
TABLE_LABEL = regex.compile(
    r"^(?P<label>(?:biểu|bảng|phụ\s+lục)(?:\s+số)?\s*(?:\d{1,3}[a-z]?|[IVXL]{1,5})\b)",
    regex.IGNORECASE,
)
# The unit printed above a table or in its caption. Examples: "Đơn vị tính: triệu đồng",
# "ĐVT: tỷ đồng", "(Đơn vị: người)".
UNIT = regex.compile(r"(?:đơn\s+vị(?:\s+tính)?|đvt)\s*:\s*(?P<unit>[^)\n]+?)\s*\)?\s*$",
                     regex.IGNORECASE)
# A caption saying the table goes on from the previous page: "(tiếp theo)", "(tiếp)".
CONTINUED = regex.compile(r"\(\s*tiếp(?:\s+theo)?\s*\)", regex.IGNORECASE)

# Lines above a table looked at for its caption and unit.
CAPTION_REACH = 4
# A part continues the previous page's table when it starts this near its page's top
# (share of the page height) and has as many columns.
TOP_SHARE = 0.3


def read_tables(pages: list[PageContent], default: NumberFormat = "vi") -> list[Table]:
    """Every printed table of a document, in page order, with its meaning read."""
    # a document keeps one number format: tables whose columns do not tell take the one
    # its other tables prove ("2,096,584,751" on the pages before)
    proven = Counter(fmt for page in pages for g in page.tables
                     if (fmt := read_cells(g.cells, g.n_rows, g.n_cols, None)[2]))
    default = proven.most_common(1)[0][0] if proven else default
    tables: list[Table] = []
    for page in pages:
        for grid in page.tables:
            tables.append(_table(len(tables), page, grid, tables, default))
    ends = {t.table_id: t.page_end for t in tables}
    for table in reversed(tables):  # a part continued on the next page ends there
        if table.continues_table_id is not None:
            first = table.continues_table_id
            ends[first] = max(ends[first], ends[table.table_id])
    return [replace(check_table(t, _earlier_parts(tables, t)), page_end=ends[t.table_id])
            for t in tables]


def _table(table_id: int, page: PageContent, grid: TableGrid, before: list[Table],
           default: NumberFormat) -> Table:
    above = _lines_above(page.lines, grid)
    label, caption, unit, continued = _caption(above)
    cells, n_header, fmt = read_cells(grid.cells, grid.n_rows, grid.n_cols, default)
    previous = before[-1] if before else None
    near_top = grid.bbox.top <= TOP_SHARE * (page.height or 1)
    continues = previous is not None and previous.page_no == page.page_no - 1 and (
        continued or (caption is None and near_top and previous.n_cols == grid.n_cols))
    if continues and previous is not None:
        label = label or previous.label
        caption, unit = caption or previous.caption, unit or previous.unit
        if n_header == 0 and previous.number_format != fmt:
            cells, n_header, fmt = read_cells(grid.cells, grid.n_rows, grid.n_cols,
                                              previous.number_format)
    confidences = [c.confidence for c in cells if c.confidence is not None]
    return extend(
        grid, Table, table_id=table_id, page_no=page.page_no, page_end=page.page_no,
        cells=cells, caption=caption, label=label, unit=unit, n_header_rows=n_header,
        number_format=fmt or default, continues_table_id=previous.table_id if continues and previous
        else None, confidence=min(confidences) if confidences else None,
    )


def table_page(page: PageContent) -> PageContent:
    """The page as read_tables needs it: its tables and, of its lines, only those a table's
    caption is read from (the page's other words need not be kept for it)."""
    keep = {id(ln) for grid in page.tables for ln in _nearest_above(page.lines, grid)}
    return replace(page, lines=[ln for ln in page.lines if id(ln) in keep])


def _nearest_above(lines: list[Line], grid: TableGrid) -> list[Line]:
    top = grid.bbox.top
    above = [ln for ln in lines if ln.bottom <= top + 1 and ln.text.strip()]
    above.sort(key=lambda ln: ln.top)
    return above[-CAPTION_REACH:]


def _lines_above(lines: list[Line], grid: TableGrid) -> list[str]:
    """The text lines just above the table, nearest last."""
    return [normalize(ln.text) for ln in _nearest_above(lines, grid)]


def _caption(above: list[str]) -> tuple[str | None, str | None, str | None, bool]:
    """Label, caption, unit and whether it says "(tiếp theo)", from the lines above: the
    line with a table label, else a title in capitals; the unit from its own line."""
    unit = None
    for line in reversed(above):
        match = UNIT.search(line)
        if match:
            unit = match["unit"].strip(" .")
            break
    for n, line in enumerate(above):
        match = TABLE_LABEL.match(line)
        if match:
            caption = " ".join(ln for ln in above[n:] if not UNIT.search(ln) or ln == line)
            label = " ".join(match["label"].split())
            return label, caption, unit, bool(CONTINUED.search(caption))
    titles = [ln for ln in above if not UNIT.search(ln) and _is_title(ln)]
    if titles:
        return None, titles[-1], unit, bool(CONTINUED.search(titles[-1]))
    return None, None, unit, bool(above and CONTINUED.search(above[-1]))


def _is_title(line: str) -> bool:
    """A title line above a table: in capitals, three words or more, not the motto."""
    letters = [c for c in line if c.isalpha()]
    folded = fold(line)
    return (len(line.split()) >= 3 and len(letters) >= 8 and all(c.isupper() for c in letters)
            and not folded.startswith(("cong hoa", "doc lap", "uy ban", "ubnd")))


def _earlier_parts(tables: list[Table], table: Table) -> list[Table]:
    """The parts of the same printed table on the pages before this one."""
    parts: list[Table] = []
    while table.continues_table_id is not None:
        table = tables[table.continues_table_id]
        parts.insert(0, table)
    return parts


def table_flags(tables: list[Table], figures: list[Figure]) -> list[Flag]:
    """A flag row for each flagged cell, tied to the cell's figure where it has one."""
    by_cell = {(f.table_id, f.table_row, f.table_col): f.figure_id for f in figures
               if f.table_id is not None}
    details = {check.code: check.detail for check in TABLE_CHECKS}
    flags = []
    for table in tables:
        for cell in table.cells:
            where = (f"table {table.label or table.table_id + 1}, row {cell.row + 1}, "
                     f"column {cell.col + 1}")
            for flag in cell.flags:
                figure_id = by_cell.get((table.table_id, cell.row, cell.col))
                flags.append(Flag(figure_id, flag, details[flag].format(text=cell.text,
                                                                       where=where),
                                  table_id=table.table_id, row=cell.row, col=cell.col))
    return flags
