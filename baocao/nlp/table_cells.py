"""What a table's cells mean: which rows are the header, which column holds the "TT"
ordinals and which the row labels, which rows group others ("I. Kinh tế", "Trong đó:") or
total them ("Tổng cộng"), the number in each cell, and the header paths that name it."""

from __future__ import annotations

import regex

from baocao.datamodel import Cell, TableCell, extend
from baocao.nlp.table_numbers import NumberFormat, cell_number, column_format, parse
from baocao.vietnamese.text import fold

# A header never runs deeper than this many rows.
MAX_HEADER_ROWS = 4


# An ordinal of a "TT" column. Examples: "1", "12", "1.", "4.1", "I", "IV.", "a", "a)", "-",
# "+"; these are labels, never values.
ORDINAL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.?|[a-zđ][.)]?|[-+*])$")
# A Roman or capital-letter ordinal: the row it opens groups the rows below it ("I", "B.").
GROUP_ORDINAL = regex.compile(r"^(?:[IVXL]{1,5}|[A-Z])\.?$")
# Header words of a "TT" column, folded. Examples: "TT", "STT", "Số TT", "Số thứ tự".
ORDINAL_HEADER = regex.compile(r"^(?:s\s*)?tt$|^so\s+tt$|^so\s+thu\s+tu$")
# The label of a total row, folded. Examples: "Tổng cộng", "TỔNG SỐ", "Cộng", "Cộng:",
# "Tổng thu", "Tổng cộng (I+II)"; not "Công ty…", "Tổng công ty…", "Tổng cục…", "Tổng hợp…".
TOTAL_LABEL = regex.compile(
    r"^(?:tong\s+(?!cong\s+ty|cuc\b|hop\b|ket\b|giam\s+doc|bi\s+thu|lien\s+doan)\S"
    r"|tong\s*$|cong\s*(?:[:(]|$))"
)
# A row that opens the parts of the row above it, folded: "Trong đó:", "- Trong đó".
PARTS = regex.compile(r"^(?:-\s*)?trong\s+do\b")
# A year standing as a header: "2023", "Năm 2024" (a number that names a column).
YEAR = regex.compile(r"^(?:19|20)\d\d$")


def read_cells(grid: list[TableCell], n_rows: int, n_cols: int,
               default: NumberFormat | None) -> tuple[list[Cell], int, NumberFormat | None]:
    """The cells with roles, values and paths; the number of header rows; the table's
    number format (its columns' votes, else `default`; None: neither tells)."""
    cells = [extend(c, Cell) for c in grid]
    at = {(c.row, c.col): c for c in cells}
    ordinal_col = _ordinal_column(cells, n_rows)
    n_header = _header_rows(cells, n_rows, ordinal_col)
    formats = _formats(cells, n_header, n_cols, ordinal_col)
    table_format = _table_format(formats) or default
    label_col = _label_column(cells, n_header, n_cols, ordinal_col)
    for cell in cells:
        if cell.row < n_header:
            cell.role = "column_header"
            continue
        if cell.col == ordinal_col:
            cell.value_kind = "ordinal" if cell.text.strip() else "text"
            cell.role = "row_header"
            continue
        written = cell_number(cell.text)
        if written is not None:
            number, percent, signed = written
            value = parse(number, formats.get(cell.col) or table_format)
            if value is not None:
                cell.value = -value if signed else value
                cell.value_kind = "percent" if percent else "number"
        if cell.col == label_col:
            cell.role = "row_header"
    _row_roles(cells, at, n_header, n_rows, ordinal_col, label_col)
    _paths(cells, at, n_header, n_rows, label_col)
    return cells, n_header, table_format


def _ordinal_column(cells: list[Cell], n_rows: int) -> int | None:
    """The first column when it holds ordinals: headed "TT"/"STT", or ordinals in most of
    its filled cells below the first row."""
    first = [c for c in cells if c.col == 0]
    if any(ORDINAL_HEADER.match(fold(c.text).strip(". ")) for c in first if c.row < 3):
        return 0
    filled = [c for c in first if c.row > 0 and c.text.strip()]
    ordinals = [c for c in filled if ORDINAL.match(c.text.strip())]
    return 0 if filled and len(ordinals) >= 0.8 * len(filled) and len(ordinals) >= 2 else None


def _header_rows(cells: list[Cell], n_rows: int, ordinal_col: int | None) -> int:
    """Rows above the first one that holds a value (a number that is not a year) or opens
    with an ordinal, less the group labels right above it; a cell spanning columns in the
    first row means two rows at least."""
    first_data = n_rows
    for row in range(n_rows):
        in_row = [c for c in cells if c.row == row]
        opens = [c for c in in_row if c.col == ordinal_col and c.text.strip()]
        if opens and ORDINAL.match(opens[0].text.strip()) and not _numbered_columns(in_row):
            first_data = row
            break
        values = [c for c in in_row if c.col != ordinal_col and cell_number(c.text)
                  and not YEAR.match(c.text.strip())]
        if values and not _numbered_columns(in_row):
            first_data = row
            break
    while first_data > 1 and _label_only([c for c in cells if c.row == first_data - 1]):
        first_data -= 1  # a group's label ("TỶ SUẤT CHUNG", "Tháng trước = 100") is body
    n = min(first_data, MAX_HEADER_ROWS)
    spans = any(c.row == 0 and c.col_span > 1 for c in cells)
    return max(n, 2) if spans and first_data >= 2 and n < 2 else n


def _label_only(row: list[Cell]) -> bool:
    """A row with text in its first cell alone, under a header: a group's label."""
    filled = [c for c in row if c.text.strip()]
    return len(row) > 2 and len(filled) == 1 and filled[0].col == 0 and filled[0].col_span == 1


def _numbered_columns(row: list[Cell]) -> bool:
    """A row numbering the columns: "(1)", "(2)", "(3)", or "1", "2", "3" across it, the
    label columns perhaps lettered first ("A", "B", "1", "2", …); on a photocopy a mark or
    two misread ("N -", "4 h") among numbers that still count the columns."""
    texts = [(c.col, regex.sub(r"[()]", "", c.text).strip()) for c in row if c.text.strip()]
    letters = 0
    while letters < len(texts) and texts[letters][1] == chr(ord("A") + letters):
        letters += 1
    numbers = texts[letters:]
    counted = [(col, int(m[1])) for col, text in numbers
               if (m := regex.match(r"^(\d{1,2})\b", text))]
    if len(texts) < 3 or len(counted) < 2 or len(counted) < 0.6 * len(numbers):
        return False
    offset = counted[0][1] - counted[0][0]
    exact = all(text.isdecimal() for _, text in numbers)
    if exact:  # all clean: one run from 1 (after letters) or from the first number
        first = 1 if letters else counted[0][1]
        return [n for _, n in counted] == list(range(first, first + len(counted)))
    return len(counted) >= 3 and offset == 1 - letters and all(
        n - col == offset for col, n in counted)  # counting from 1 at the first column


def _formats(cells: list[Cell], n_header: int, n_cols: int, ordinal_col: int | None
             ) -> dict[int, NumberFormat]:
    """Each value column's number format, from its own cells."""
    out: dict[int, NumberFormat] = {}
    for col in range(n_cols):
        if col == ordinal_col:
            continue
        numbers = [w[0] for c in cells if c.col == col and c.row >= n_header
                   and (w := cell_number(c.text))]
        fmt = column_format(numbers)
        if fmt:
            out[col] = fmt
    return out


def _table_format(formats: dict[int, NumberFormat]) -> NumberFormat | None:
    """The table's format where its columns agree."""
    found = set(formats.values())
    return found.pop() if len(found) == 1 else None


def _label_column(cells: list[Cell], n_header: int, n_cols: int, ordinal_col: int | None
                  ) -> int | None:
    """The first column after the ordinals whose body cells are mostly words: row labels."""
    for col in range(n_cols):
        if col == ordinal_col:
            continue
        body = [c for c in cells if c.col == col and c.row >= n_header and c.text.strip()]
        words = [c for c in body if cell_number(c.text) is None]
        if body and len(words) >= 0.6 * len(body):
            return col
        if body:
            return None
    return None


def _row_roles(cells: list[Cell], at: dict[tuple[int, int], Cell], n_header: int,
               n_rows: int, ordinal_col: int | None, label_col: int | None) -> None:
    """Total rows ("Tổng cộng") and group rows ("I. Kinh tế", "Trong đó:", a cell spanning
    the whole table) take their role on every cell."""
    for row in range(n_header, n_rows):
        in_row = [c for c in cells if c.row == row]
        label = at.get((row, label_col)) if label_col is not None else None
        ordinal = at.get((row, ordinal_col)) if ordinal_col is not None else None
        label_text = fold(label.text).strip() if label else ""
        if TOTAL_LABEL.match(label_text) or (ordinal and TOTAL_LABEL.match(
                fold(ordinal.text).strip())):
            role = "total"
        elif (ordinal and GROUP_ORDINAL.match(ordinal.text.strip())) or label_text.endswith(
                ":") or (len(in_row) == 1 and in_row[0].col_span > 1):
            role = "group"
        else:
            continue
        for cell in in_row:
            cell.role = role


def _paths(cells: list[Cell], at: dict[tuple[int, int], Cell], n_header: int, n_rows: int,
           label_col: int | None) -> None:
    """Column paths from the header cells above each column; row paths from the group row
    above ("I. Kinh tế") or, under "Trong đó:", the row the parts belong to, and the row's
    own label. A total row stands alone."""
    headers = [c for c in cells if c.row < n_header]
    group, whole, previous = "", None, ""
    for row in range(n_header, n_rows):
        in_row = [c for c in cells if c.row == row]
        if not in_row:
            continue
        label = at.get((row, label_col)) if label_col is not None else None
        own = " ".join(label.text.split()) if label else ""
        ordinal = next((c.text.strip() for c in in_row if c.role == "row_header"
                        and c.value_kind == "ordinal"), "")
        if PARTS.match(fold(own or in_row[0].text).strip()):
            whole, path = previous, previous
        elif in_row[0].role == "total":
            group, whole, path = "", None, own
        elif in_row[0].role == "group":
            group, whole = own or " ".join(in_row[0].text.split()), None
            path = group
        else:
            if whole is not None and ordinal[:1].isdigit():
                whole = None  # the next numbered row ends the parts
            parent = whole if whole is not None else group
            path = " > ".join(p for p in (parent, own) if p)
        previous = path
        for cell in in_row:
            cell.row_path = path
    for cell in cells:
        if cell.row < n_header:
            continue
        names: list[str] = []
        for h in sorted(headers, key=lambda h: h.row):
            if h.col <= cell.col < h.col + h.col_span and h.text.strip():
                name = " ".join(h.text.split())
                if name not in names:
                    names.append(name)
        cell.column_path = " > ".join(names)
