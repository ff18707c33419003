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
        return [path]
    for name, frame in frames.items():
        path = out / f"{name}.{format}"
        if format == "csv":
            frame.to_csv(path, index=False, encoding="utf-8-sig")  # BOM: Excel reads UTF-8
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written


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


