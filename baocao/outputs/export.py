"""`baocao export`: every table and view to CSV, Parquet or one Excel workbook that opens
ready to read (frozen bold header, widths, filters, numbers and dates typed), within what
Excel can hold, no text run as a formula (outputs/formulas.py); one document or a chosen set
of tables on request. The writers here are registered by name in outputs/formats.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from baocao import store
from baocao.errors import BaocaoError
from baocao.i18n import _
from baocao.outputs.formulas import kept_as_text, neutralised_frame

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# What researchers read first: every figure and every printed table's number with its
# document's file, province and period.
VIEWS = ("figure_details", "table_values")
PRINTED = "printed_tables"
CORRECTIONS = "corrections"

Warn = Callable[[str], object]
Frames = dict[str, pd.DataFrame]
# Writes the tables and views (and the printed tables, name → frame) into a folder; returns
# the files written. warn() gets what the user should know.
FramesWriter = Callable[[Frames, Frames, Path, Warn], list[Path]]


def table_names() -> list[str]:
    """What an export writes, in the workbook's order: documents, the views, the tables, the
    corrections people made (which `baocao correct --from` applies to another database)."""
    rest = [t.name for t in store.TABLES if t.name != "documents"]
    return ["documents", *VIEWS, *rest, store.runs.name, CORRECTIONS, PRINTED]


def export_tables(db: str, out: Path, doc_id: str | None, tables: Sequence[str], warn: Warn,
                  write: FramesWriter) -> list[Path]:
    """Read the tables (only those named, only one document's rows with doc_id) and have
    write() put them in the folder out; return the files written."""
    names = chosen(tables, doc_id is not None, warn)
    frames = {}
    for name in (n for n in names if n != PRINTED):
        try:
            frames[name] = store.read_table(db, name, doc_id)
        except BaocaoError:
            if name != CORRECTIONS:  # a database made before corrections has none to export
                raise
    printed = {}
    if PRINTED in names:
        printed = printed_tables({n: frames[n] if n in frames else store.read_table(db, n, doc_id)
                                  for n in ("documents", "tables", "table_cells")})
    out.mkdir(parents=True, exist_ok=True)
    return write(frames, printed, out, warn)


def write_csv(frames: Frames, printed: Frames, out: Path, warn: Warn) -> list[Path]:
    """One CSV file per table and view, the printed tables in printed_tables/; texts a
    spreadsheet would run as formulas behind a "'"."""
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.csv"
        spreadsheet_csv(frame, path)
        written.append(path)
    if printed:
        folder = out / "printed_tables"
        folder.mkdir(exist_ok=True)
        for name, frame in printed.items():
            path = folder / f"{name}.csv"
            spreadsheet_csv(frame, path)
            written.append(path)
    return written


def write_parquet(frames: Frames, printed: Frames, out: Path, warn: Warn) -> list[Path]:
    """One Parquet file per table and view, dates and times typed (no printed tables: their
    columns are whatever the paper's header says)."""
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.parquet"
        dated(frame).to_parquet(path, index=False)
        written.append(path)
    return written


def write_xlsx(frames: Frames, printed: Frames, out: Path, warn: Warn) -> list[Path]:
    """One workbook of every table and view, a sheet each; the printed tables in a second."""
    written = []
    if frames:
        path = out / "baocao.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in frames.items():
                cut = fit_excel_cells(frame)
                if cut:
                    warn(_("baocao: warning: {table}: {n} cells longer than Excel holds "
                           "were cut (the CSV and Parquet exports keep them whole)"
                           ).format(table=name, n=cut))
                frame = dated(frame, keep_zone=False)
                for sheet, part in excel_sheets(name, frame):
                    write_sheet(writer, sheet, part)
        written.append(path)
    if printed:
        path = out / "printed_tables.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in printed.items():
                write_sheet(writer, name[:31], frame)
        written.append(path)
    return written


def write_csv_result(frame: pd.DataFrame, path: Path) -> None:
    """A query's result as a CSV file Excel reads, numbers in full, no text a formula."""
    spreadsheet_csv(frame, path, float_format="%.15g")


def spreadsheet_csv(frame: pd.DataFrame, path: Path, float_format: str | None = None) -> None:
    """A CSV file as Excel reads it: UTF-8 with a BOM, texts neutralised, rows ended by CRLF
    (RFC 4180), which quotes a text holding a CR: a bare CR would start a row of its own."""
    neutralised_frame(frame).to_csv(path, index=False, encoding="utf-8-sig",
                                    lineterminator="\r\n", float_format=float_format)


def write_xlsx_result(frame: pd.DataFrame, path: Path) -> None:
    """A query's result as a workbook like the export's, on one sheet named "query"."""
    fit_excel_cells(frame)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        write_sheet(writer, "query", dated(frame, keep_zone=False))


def chosen(wanted: Sequence[str], one_document: bool, warn: Callable[[str], object]
           ) -> list[str]:
    """The tables to write, in the workbook's order; the runs, which belong to no
    document, are left out of one document's export."""
    known = table_names()
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise BaocaoError(_("no table named {names}; choose among: {known}").format(
            names=", ".join(unknown), known=", ".join(known)))
    names = [n for n in known if n in wanted] if wanted else known
    if one_document and store.runs.name in names:
        names.remove(store.runs.name)
        if wanted:
            warn(_("baocao: warning: runs left out: a run belongs to no one document"))
    return names


def dated(frame: pd.DataFrame, keep_zone: bool = True) -> pd.DataFrame:
    """doc_date as a date (a month or year alone as its first day where doc_date_precision
    says which, else left as written) and the *_at timestamps as UTC date-times
    (time-zone-naive for Excel)."""
    frame = frame.copy()
    known = frame["doc_date"].dropna().astype(str) if "doc_date" in frame else None
    if known is not None and ("doc_date_precision" in frame or known.str.len().eq(10).all()):
        when = pd.to_datetime(frame["doc_date"], format="ISO8601", errors="coerce")
        frame["doc_date"] = [d.date() if pd.notna(d) else None for d in when]
    for column in [c for c in frame.columns if c.endswith("_at")]:
        when = pd.to_datetime(frame[column], utc=True, errors="coerce")
        frame[column] = when if keep_zone else when.dt.tz_localize(None)
    return frame


# Excel's own number format codes, written as the file format requires (',' groups, '.'
# marks the decimals); Excel shows them with the reader's separators: 12.492,1 where Windows
# is set to Vietnamese. The cells stay numbers, which sum and sort.
DATE_FORMATS = {"day": "dd/mm/yyyy", "month": "mm/yyyy", "year": "yyyy"}
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"


def number_format(value: float) -> str:
    """"#,##0" for a whole number, else as many decimals as it has (six at most)."""
    decimals = len(f"{value:.6f}".rstrip("0").partition(".")[2])
    return "#,##0." + "0" * decimals if decimals else "#,##0"


def write_sheet(writer: pd.ExcelWriter, name: str, frame: pd.DataFrame) -> None:
    """One sheet as an Excel user expects a table: the header frozen, bold and filtered,
    columns as wide as their contents, numbers and dates formatted, texts never formulas."""
    from openpyxl.styles import Font  # openpyxl only when a workbook is written
    from openpyxl.utils import get_column_letter

    frame.to_excel(writer, sheet_name=name, index=False)
    sheet: Worksheet = writer.sheets[name]
    kept_as_text(sheet, frame)
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    precision = frame["doc_date_precision"].tolist() if "doc_date_precision" in frame else []
    for col, column in enumerate(frame.columns, 1):
        values = frame[column]
        sheet.column_dimensions[get_column_letter(col)].width = column_width(column, values)
        if values.dtype.kind == "f":
            for row, value in enumerate(values, 2):
                if pd.notna(value):
                    sheet.cell(row, col).number_format = number_format(value)
        elif values.dtype.kind == "M":
            for row in range(2, len(values) + 2):
                sheet.cell(row, col).number_format = DATETIME_FORMAT
        elif column == "doc_date":
            for row, (value, known) in enumerate(zip(values, precision or [None] * len(values),
                                                     strict=True), 2):
                if isinstance(value, dt.date):
                    sheet.cell(row, col).number_format = DATE_FORMATS.get(known, "dd/mm/yyyy")


def column_width(name: str, values: pd.Series, sample: int = 500) -> float:
    """Wide enough for the header (and its filter button) and the longest of the first
    values, up to 60 characters: longer texts stay readable in the cell or the formula bar."""
    def shown(value: object) -> int:
        if isinstance(value, float):
            return len(f"{value:,.6f}".rstrip("0").rstrip("."))
        return max(len(line) for line in str(value).splitlines() or [""])

    longest = max([len(str(name)) + 3, *(shown(v) for v in values.dropna().head(sample))])
    return min(max(longest, 6), 60) + 2


def printed_tables(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each printed table as it reads on paper: one row per body row, its column names the
    header cells above each column joined ("Năm 2023 – Kế hoạch"); a table continued on
    the next pages in one piece. Named by file and table: "baocao_bc12_T1"."""
    tables, cells = frames.get("tables"), frames.get("table_cells")
    if tables is None or cells is None or tables.empty:
        return {}
    names = dict(zip(frames["documents"]["doc_id"], frames["documents"]["filename"],
                     strict=True))
    out: dict[str, pd.DataFrame] = {}
    for (doc_id, table_id), frame in merged_tables(tables, cells).items():
        stem = Path(str(names.get(doc_id, doc_id[:12]))).stem
        out[f"{stem[:24]}_T{table_id + 1}"] = frame
    return out


def merged_tables(tables: pd.DataFrame, cells: pd.DataFrame
                  ) -> dict[tuple[str, int], pd.DataFrame]:
    """Each printed table's body rows under its joined header names, the parts that continue
    it on the next pages appended; keyed by document and first part."""
    out: dict[tuple[str, int], pd.DataFrame] = {}
    first: dict[tuple[str, int], tuple[str, int]] = {}
    for t in tables.sort_values(["doc_id", "table_id"]).itertuples():
        mine = cells[(cells["doc_id"] == t.doc_id) & (cells["table_id"] == t.table_id)]
        frame = _grid_frame(mine, int(t.n_rows), int(t.n_cols), int(t.n_header_rows))
        head = first.get((t.doc_id, int(t.continues_table_id))) if pd.notna(
            t.continues_table_id) else None
        if head is not None and len(out[head].columns) == len(frame.columns):
            frame.columns = out[head].columns
            out[head] = pd.concat([out[head], frame], ignore_index=True)
            first[(t.doc_id, int(t.table_id))] = head
            continue
        out[(t.doc_id, int(t.table_id))] = frame
        first[(t.doc_id, int(t.table_id))] = (t.doc_id, int(t.table_id))
    return out


def _grid_frame(cells: pd.DataFrame, n_rows: int, n_cols: int, n_header: int) -> pd.DataFrame:
    """The body rows of one table part under its joined header names."""
    grid = [[""] * n_cols for _ in range(n_rows)]
    for c in cells.itertuples():
        for col in range(int(c.col), int(c.col) + (int(c.col_span) if n_header > c.row else 1)):
            if 0 <= int(c.row) < n_rows and col < n_cols:
                grid[int(c.row)][col] = c.text if col == c.col or c.row < n_header else ""
    columns: list[str] = []
    for col in range(n_cols):
        parts: list[str] = []
        for row in range(n_header):
            text = " ".join(str(grid[row][col]).split())
            if text and text not in parts:
                parts.append(text)
        name = " – ".join(parts) or f"Cột {col + 1}"
        while name in columns:
            name += " "
        columns.append(name)
    return pd.DataFrame(grid[n_header:], columns=columns)


# What one Excel sheet holds: rows (less the header) and characters in a cell.
EXCEL_MAX_ROWS = 1_048_575
EXCEL_MAX_CHARS = 32_767
EXCEL_CUT_NOTE = " … [cut: an Excel cell holds 32,767 characters]"


def excel_sheets(name: str, frame: pd.DataFrame, max_rows: int = EXCEL_MAX_ROWS
                 ) -> list[tuple[str, pd.DataFrame]]:
    """One sheet per table; a table longer than a sheet goes on over "words 2", "words 3"…"""
    parts = [frame.iloc[i:i + max_rows] for i in range(0, max(len(frame), 1), max_rows)]
    return [(name if n == 1 else f"{name} {n}", part) for n, part in enumerate(parts, 1)]


def fit_excel_cells(frame: pd.DataFrame) -> int:
    """Cut, visibly, the texts Excel cannot hold in a cell; return how many were cut."""
    cut = 0
    for column in frame.columns:
        long = frame[column].map(lambda v: isinstance(v, str) and len(v) > EXCEL_MAX_CHARS)
        if long.any():
            keep = EXCEL_MAX_CHARS - len(EXCEL_CUT_NOTE)
            frame.loc[long, column] = frame.loc[long, column].str[:keep] + EXCEL_CUT_NOTE
            cut += int(long.sum())
    return cut


