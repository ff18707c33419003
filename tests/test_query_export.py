"""Researchers' side: read-only queries and exports that open in their tools."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import rows, run_cli

from baocao.pipelines.export import EXCEL_MAX_CHARS, excel_sheets, fit_excel_cells


def test_query_prints_a_table(samples_db: Path) -> None:
    proc = run_cli("query", "SELECT kind, count(*) AS n FROM figures GROUP BY kind ORDER BY kind",
                   "--db", str(samples_db))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["kind", "n"]
    assert [line.split()[0] for line in lines[1:]] == ["amount", "count", "percent"]


def test_query_prints_amounts_in_full(samples_db: Path) -> None:
    proc = run_cli("query", "SELECT * FROM (SELECT value FROM figures WHERE raw = "
                   "'12.492,1 triệu đồng' LIMIT 1) UNION ALL SELECT 52.8", "--db", str(samples_db))
    assert proc.stdout.split()[1:] == ["12492100000", "52.8"]


@pytest.mark.parametrize("sql", [
    "DELETE FROM figures",
    "DROP TABLE documents",
    "UPDATE figures SET value = 0",
    "INSERT INTO documents (doc_id) VALUES ('x')",
    "CREATE TABLE t (x)",
    "ATTACH DATABASE ':memory:' AS other",
])
def test_query_refuses_writes(samples_db: Path, sql: str) -> None:
    before = rows(samples_db, "SELECT count(*) AS n FROM figures")[0]["n"]
    proc = run_cli("query", sql, "--db", str(samples_db))
    assert proc.returncode == 2
    assert "only reads" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert rows(samples_db, "SELECT count(*) AS n FROM figures")[0]["n"] == before


def test_query_reports_sql_errors_plainly(samples_db: Path) -> None:
    proc = run_cli("query", "SELECT doc_id FROM nowhere", "--db", str(samples_db))
    assert proc.returncode == 2
    assert "no such table: nowhere" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_query_without_database(tmp_path: Path) -> None:
    proc = run_cli("query", "SELECT 1", "--db", str(tmp_path / "none.sqlite"))
    assert proc.returncode == 2
    assert "no database" in proc.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_export_csv_parquet_xlsx(samples_db: Path, tmp_path: Path) -> None:
    n_figures = rows(samples_db, "SELECT count(*) AS n FROM figures")[0]["n"]
    for fmt in ("csv", "parquet", "xlsx"):
        out = tmp_path / fmt
        proc = run_cli("export", "--db", str(samples_db), "--format", fmt, "--out", str(out))
        assert proc.returncode == 0, proc.stderr
    out_csv = tmp_path / "csv" / "figures.csv"
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    csv = pd.read_csv(out_csv, encoding="utf-8-sig")
    parquet = pd.read_parquet(tmp_path / "parquet" / "figures.parquet")
    xlsx = pd.read_excel(tmp_path / "xlsx" / "baocao.xlsx", sheet_name=None)
    assert len(csv) == len(parquet) == len(xlsx["figures"]) == n_figures
    assert set(xlsx) == {"documents", "pages", "sections", "items", "figures", "flags", "passages",
                         "words", "tables", "table_cells", "runs"}
    assert "12.492,1 triệu đồng" in set(csv["raw"])
    assert parquet["value"].dtype == "float64"
    assert parquet.loc[parquet["raw"] == "12.492,1 triệu đồng", "value"].iloc[0] == 12_492_100_000


def test_exports_keep_integer_columns_integer(samples_db: Path, tmp_path: Path) -> None:
    """A year is 2023 in the CSV file, not 2023.0, though some figures have none."""
    for fmt in ("csv", "parquet"):
        proc = run_cli("export", "--db", str(samples_db), "--format", fmt, "--out",
                       str(tmp_path / fmt))
        assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "csv" / "figures.csv").read_text(encoding="utf-8-sig")
    assert ",2023," in text and ",2023.0," not in text
    parquet = pd.read_parquet(tmp_path / "parquet" / "documents.parquet")
    assert str(parquet["year_start"].dtype) == "Int64"
    assert parquet["year_start"].isna().sum() == 5 and 2016 in set(parquet["year_start"])


def test_excel_limits() -> None:
    frame = pd.DataFrame({"n": range(5), "text": ["x" * 40_000] + ["ok"] * 4})
    assert [(name, len(part)) for name, part in excel_sheets("words", frame, max_rows=2)] == [
        ("words", 2), ("words 2", 2), ("words 3", 1)]
    assert fit_excel_cells(frame) == 1
    assert len(frame.loc[0, "text"]) == EXCEL_MAX_CHARS
    assert frame.loc[0, "text"].endswith("characters]") and frame.loc[1, "text"] == "ok"
