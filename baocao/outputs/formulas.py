"""Text that a spreadsheet would run as a formula, made inert before it reaches a CSV file or a
workbook: a reviewer's correction, or a line a scan prints, "=HYPERLINK(…)" or "- Chương
trình…", is shown as the text it is, never run. JSON, Markdown and Parquet are left exact."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# OWASP's rule (https://owasp.org/www-community/attacks/CSV_Injection): Excel, LibreOffice and
# Google Sheets read a cell beginning with = + - @, a tab or a carriage return as a formula.
# Quotes already in front count too, so that restored() takes off exactly the one added.
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def formula_like(value: object) -> bool:
    """A text a spreadsheet would read as a formula (numbers, even -5, are numbers)."""
    return isinstance(value, str) and FORMULA_START.match(value) is not None


def neutralised(value: object) -> object:
    """OWASP's advice for a CSV cell: a formula-like text behind a "'", which spreadsheets take
    as "this is text"; anything else as it is."""
    return "'" + value if formula_like(value) else value  # type: ignore[operator]


def restored(value: object) -> object:
    """A CSV cell baocao wrote, as it was before neutralised() (`correct --from` reads the
    corrections export back exactly)."""
    if isinstance(value, str) and value.startswith("'") and formula_like(value[1:]):
        return value[1:]
    return value


def neutralised_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of frame ready for a CSV file: every text cell and column name neutralised,
    numbers untouched."""
    out = frame.rename(columns=neutralised)
    for n in _text_columns(frame):
        values = frame.iloc[:, n]
        hit = _formula_like_rows(values)
        out.isetitem(n, values.where(~hit, "'" + values.where(hit, "")))
    return out


def kept_as_text(sheet: Worksheet, frame: pd.DataFrame) -> None:
    """The sheet frame was written to (header in row 1) with every formula-like text a string
    cell, as Excel keeps a text typed after a "'": openpyxl makes a text "=…" a formula (and
    "#N/A" an error), which Excel would run."""
    from openpyxl.cell.cell import ERROR_CODES  # openpyxl only when a workbook is written

    def typed_wrong(value: object) -> bool:
        return formula_like(value) or value in ERROR_CODES

    places = [(1, col) for col, name in enumerate(frame.columns, 1) if typed_wrong(name)]
    for n in _text_columns(frame):
        values = frame.iloc[:, n]
        wrong = _formula_like_rows(values) | values.isin(ERROR_CODES)
        places += [(int(row) + 2, n + 1) for row in wrong.to_numpy().nonzero()[0]]
    for row, col in places:
        cell = sheet.cell(row, col)
        cell.data_type = "s"
        cell.quotePrefix = True


def _text_columns(frame: pd.DataFrame) -> list[int]:
    """The positions of the columns that may hold text (names may repeat in a query's)."""
    return [n for n, dtype in enumerate(frame.dtypes) if pd.api.types.is_string_dtype(dtype)]


def _formula_like_rows(values: pd.Series) -> pd.Series:
    """Which values of a column are formula-like, as booleans (a string column by Arrow's
    regex: a million rows in a tenth of a second)."""
    if isinstance(values.dtype, pd.StringDtype):
        return values.str.match(FORMULA_START.pattern).fillna(False).astype(bool)
    return values.map(formula_like).astype(bool)
