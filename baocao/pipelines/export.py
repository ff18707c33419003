"""`baocao export`: every table to CSV, Parquet or one Excel workbook, within what Excel
can hold."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from baocao import store

FORMATS = ("csv", "parquet", "xlsx")


def export_tables(db: str, format: str, out: Path, warn=print) -> list[Path]:
    """Write the tables; return the files written. warn() gets what the user should know."""
    frames = {t.name: store.read_table(db, t.name) for t in [*store.TABLES, store.runs]}
    printed = printed_tables(frames)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if format == "xlsx":
        path = out / "baocao.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in frames.items():
                cut = fit_excel_cells(frame)
                if cut:
                    warn(f"baocao: warning: {name}: {cut} cells longer than Excel holds "
                         "were cut (the CSV and Parquet exports keep them whole)")
                for sheet, part in excel_sheets(name, frame):
                    part.to_excel(writer, sheet_name=sheet, index=False)
        written.append(path)
        if printed:
            path = out / "printed_tables.xlsx"
            with pd.ExcelWriter(path, engine="openpyxl") as writer:
                for name, frame in printed.items():
                    frame.to_excel(writer, sheet_name=name[:31], index=False)
            written.append(path)
        return written
    for name, frame in frames.items():
        path = out / f"{name}.{format}"
        if format == "csv":
            frame.to_csv(path, index=False, encoding="utf-8-sig")  # BOM: Excel reads UTF-8
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    if format == "csv" and printed:
        folder = out / "printed_tables"
        folder.mkdir(exist_ok=True)
        for name, frame in printed.items():
            path = folder / f"{name}.csv"
            frame.to_csv(path, index=False, encoding="utf-8-sig")
            written.append(path)
    return written


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
    first: dict[tuple[str, int], str] = {}
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
        stem = Path(str(names.get(t.doc_id, t.doc_id[:12]))).stem
        name = f"{stem[:24]}_T{int(t.table_id) + 1}"
        out[name] = frame
        first[(t.doc_id, int(t.table_id))] = name
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


