"""Researchers' side: read-only queries and exports that open in their tools."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REPO, SAMPLES, rows, run_cli

from baocao.outputs.export import EXCEL_MAX_CHARS, excel_sheets, fit_excel_cells
from baocao.outputs.formats import FORMATS
from baocao.store.readonly import fold_sql
from baocao.store.schema import FOLD_FUNCTION_PG


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
    assert set(xlsx) == {"documents", "figure_details", "table_values", "pages", "sections",
                         "items", "figures", "flags", "passages", "words", "tables",
                         "table_cells", "runs", "corrections"}
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


@pytest.fixture(scope="module")
def tables_db(tmp_path_factory) -> Path:
    """The born-digital sample with a ruled printed table, run alone (a few seconds)."""
    db = tmp_path_factory.mktemp("printed") / "baocao.sqlite"
    proc = run_cli("run", str(SAMPLES / "tables" / "g_khanhhoa_binhchon_ruled_digital.pdf"),
                   "--db", str(db), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    return db


def _export(db: Path, out: Path, *args: str) -> None:
    """`baocao export` in English, whatever the machine's locale (the Markdown's labels)."""
    proc = run_cli("export", "--db", str(db), "--out", str(out), *args,
                   env={"BAOCAO_LANG": "en"})
    assert proc.returncode == 0, proc.stderr


def test_xlsx_opens_ready_to_filter(samples_db: Path, tmp_path: Path) -> None:
    _export(samples_db, tmp_path, "--format", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "baocao.xlsx")
    assert {"documents", "figure_details", "table_values"} <= set(book.sheetnames)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        assert all(cell.font.b for cell in sheet[1]), sheet.title
    sheet = book["figure_details"]
    header = [c.value for c in sheet[1]]
    assert {"filename", "province", "year_start", "section_heading", "value"} <= set(header)
    assert sheet.column_dimensions["A"].width > len("filename")
    expected = rows(samples_db, "SELECT d.filename, d.province, f.value FROM figures f JOIN "
                                "documents d USING (doc_id) WHERE f.raw = '12.492,1 triệu đồng'")[0]
    found = [r for r in sheet.iter_rows(min_row=2)
             if r[header.index("raw")].value == "12.492,1 triệu đồng"]
    assert found
    value = found[0][header.index("value")]
    assert value.data_type == "n" and value.value == expected["value"]  # a number, not text
    assert value.number_format == "#,##0"
    assert found[0][header.index("filename")].value == expected["filename"]
    assert found[0][header.index("province")].value == expected["province"]
    decimals = [r[header.index("value")] for r in sheet.iter_rows(min_row=2)
                if r[header.index("raw")].value == "52,8%"]
    assert decimals and decimals[0].value == 52.8 and decimals[0].number_format == "#,##0.0"

    docs = book["documents"]
    header = [c.value for c in docs[1]]
    dated = rows(samples_db, "SELECT filename, doc_date FROM documents WHERE doc_date_precision "
                             "= 'day' ORDER BY filename LIMIT 1")[0]
    row = next(r for r in docs.iter_rows(min_row=2)
               if r[header.index("filename")].value == dated["filename"])
    when = row[header.index("doc_date")]
    assert when.is_date and when.value.date() == dt.date.fromisoformat(dated["doc_date"])
    assert when.number_format == "dd/mm/yyyy"


def test_parquet_stores_doc_date_as_a_date(samples_db: Path, tmp_path: Path) -> None:
    _export(samples_db, tmp_path, "--format", "parquet")
    table = pq.read_table(tmp_path / "documents.parquet")
    assert table.schema.field("doc_date").type == pa.date32()
    stored = {r["filename"]: r["doc_date"] for r in rows(samples_db, "SELECT * FROM documents")}
    read = dict(zip(table["filename"].to_pylist(), table["doc_date"].to_pylist(), strict=True))
    assert {f: d and d.isoformat() for f, d in read.items()} == stored
    details = pd.read_parquet(tmp_path / "figure_details.parquet")
    assert len(details) == rows(samples_db, "SELECT count(*) AS n FROM figures")[0]["n"]
    assert details["province"].notna().any()


def test_export_of_one_document(samples_db: Path, tmp_path: Path) -> None:
    doc = rows(samples_db, "SELECT doc_id, filename FROM documents "
                           "WHERE filename = 'report_3_nghe_an.pdf'")[0]
    n = rows(samples_db, "SELECT count(*) AS n FROM figures WHERE doc_id = ?", doc["doc_id"])[0]
    _export(samples_db, tmp_path / "by_name", "--format", "csv", "--document", doc["filename"])
    figures = pd.read_csv(tmp_path / "by_name" / "figure_details.csv", encoding="utf-8-sig")
    assert len(figures) == n["n"] > 0
    assert set(figures["doc_id"]) == {doc["doc_id"]}
    assert set(figures["filename"]) == {doc["filename"]}
    assert len(pd.read_csv(tmp_path / "by_name" / "documents.csv")) == 1
    assert not (tmp_path / "by_name" / "runs.csv").exists()
    _export(samples_db, tmp_path / "by_id", "--format", "parquet",
            "--document", doc["doc_id"][:8])
    assert len(pd.read_parquet(tmp_path / "by_id" / "figures.parquet")) == n["n"]


def test_export_of_chosen_tables(samples_db: Path, tmp_path: Path) -> None:
    _export(samples_db, tmp_path / "csv", "--format", "csv", "--table", "figure_details",
            "--table", "documents")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "documents.csv", "figure_details.csv"]
    _export(samples_db, tmp_path / "xlsx", "--format", "xlsx", "--table", "table_values",
            "--table", "documents")
    book = openpyxl.load_workbook(tmp_path / "xlsx" / "baocao.xlsx", read_only=True)
    assert book.sheetnames == ["documents", "table_values"]
    proc = run_cli("export", "--db", str(samples_db), "--table", "figurez", "--out",
                   str(tmp_path / "none"))
    assert proc.returncode == 2 and "figurez" in proc.stderr and "figure_details" in proc.stderr


def _walk(sections: list[dict]) -> list[dict]:
    return [s for top in sections for s in [top, *_walk(top["children"])]]


def test_json_per_document_holds_what_the_database_holds(samples_db: Path,
                                                         tmp_path: Path) -> None:
    _export(samples_db, tmp_path, "--format", "json")
    n_docs = rows(samples_db, "SELECT count(*) AS n FROM documents")[0]["n"]
    assert len(list(tmp_path.glob("*.json"))) == n_docs  # scan.pdf and scan.png both kept
    data = json.loads((tmp_path / "report_1_bac_giang.json").read_text(encoding="utf-8"))
    doc_id = data["document"]["doc_id"]
    assert data["document"]["filename"] == "report_1_bac_giang.pdf"
    for key, table in (("pages", "pages"), ("items", "items"), ("figures", "figures")):
        n = rows(samples_db, f"SELECT count(*) AS n FROM {table} WHERE doc_id = ?", doc_id)
        assert len(data[key]) == n[0]["n"] > 0, key
    stored = rows(samples_db, "SELECT section_id, parent_id, heading, kind FROM sections "
                              "WHERE doc_id = ? ORDER BY section_id", doc_id)
    tree = sorted(_walk(data["sections"]), key=lambda s: s["section_id"])
    assert [(s["section_id"], s["heading"], s["kind"]) for s in tree] == [
        (s["section_id"], s["heading"], s["kind"]) for s in stored]
    child = next(s for s in stored if s["parent_id"] is not None)
    parent = next(s for s in tree if s["section_id"] == child["parent_id"])
    assert child["section_id"] in [c["section_id"] for c in parent["children"]]
    figure = rows(samples_db, "SELECT * FROM figures WHERE doc_id = ? AND box_left IS NOT NULL "
                              "ORDER BY figure_id LIMIT 1", doc_id)[0]
    shown = next(f for f in data["figures"] if f["figure_id"] == figure["figure_id"])
    assert (shown["value"], shown["raw"], shown["page_no"]) == (
        figure["value"], figure["raw"], figure["page_no"])
    assert shown["box"]["left"] == figure["box_left"]
    assert shown["span"] == {"start": figure["char_start"], "end": figure["char_end"]}


def test_json_and_markdown_of_a_printed_table(tables_db: Path, tmp_path: Path) -> None:
    _export(tables_db, tmp_path, "--format", "json", "--document",
            "g_khanhhoa_binhchon_ruled_digital.pdf")
    data = json.loads((tmp_path / "g_khanhhoa_binhchon_ruled_digital.json").read_text("utf-8"))
    cells = rows(tables_db, "SELECT * FROM table_cells ORDER BY table_id, row, col")
    table = data["tables"][0]
    assert len(data["tables"]) == len(rows(tables_db, "SELECT * FROM tables")) == 1
    assert len(table["cells"]) == len(cells)
    body = next(c for c in cells if c["role"] == "body")
    assert table["grid"][body["row"]][body["col"]] == body["text"]
    assert next(c for c in table["cells"] if (c["row"], c["col"]) == (
        body["row"], body["col"]))["value"] == body["value"]

    _export(tables_db, tmp_path, "--format", "markdown")
    text = (tmp_path / "g_khanhhoa_binhchon_ruled_digital.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    header = next(n for n, line in enumerate(lines) if line.startswith("| "))
    assert lines[header + 1].startswith("|---|")
    first_row = [c["text"] for c in cells if c["row"] == table["n_header_rows"]]
    assert lines[header + 2] == "| " + " | ".join(first_row) + " |"
    raw = rows(tables_db, "SELECT raw FROM figures ORDER BY figure_id LIMIT 1")[0]["raw"]
    assert any(line.startswith(f"- {raw} ") for line in lines)


def test_markdown_has_the_headings_as_levels(samples_db: Path, tmp_path: Path) -> None:
    _export(samples_db, tmp_path, "--format", "markdown", "--document", "report_1_bac_giang.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["report_1_bac_giang.md"]
    lines = (tmp_path / "report_1_bac_giang.md").read_text(encoding="utf-8").splitlines()
    sections = rows(samples_db, "SELECT s.heading, s.level FROM sections s JOIN documents d "
                                "USING (doc_id) WHERE d.filename = 'report_1_bac_giang.pdf' "
                                "AND s.heading IS NOT NULL ORDER BY s.section_id")
    headings = [line for line in lines if line.startswith("#")]
    assert headings[0] == "# " + " ".join(rows(
        samples_db, "SELECT title FROM documents WHERE filename = 'report_1_bac_giang.pdf'"
    )[0]["title"].split())
    assert headings[1:-1] == ["#" * (s["level"] + 1) + " " + " ".join(s["heading"].split())
                              for s in sections]
    assert headings[-1] == "## Figures"


def test_query_folds_like_datasette(samples_db: Path) -> None:
    """fold() drops case and diacritics: 'bac giang' finds Bắc Giang."""
    expected = [r["filename"] for r in rows(
        samples_db, "SELECT filename FROM documents WHERE province = 'Bắc Giang'")]
    proc = run_cli("query", "SELECT filename FROM documents WHERE fold(province) = 'bac giang'",
                   "--db", str(samples_db))
    assert proc.returncode == 0, proc.stderr
    assert expected and proc.stdout.split()[1:] == expected


def test_query_cuts_long_cells_to_width(samples_db: Path) -> None:
    page = rows(samples_db, "SELECT text FROM pages WHERE length(text) > 100 LIMIT 1")[0]
    sql = "SELECT text FROM pages WHERE length(text) > 100 LIMIT 1"
    proc = run_cli("query", sql, "--db", str(samples_db), "--width", "20")
    assert proc.stdout.splitlines()[1].strip() == " ".join(page["text"].split())[:19] + "…"
    whole = run_cli("query", sql, "--db", str(samples_db), "--width", "0")
    assert whole.stdout.splitlines()[1].strip() == " ".join(page["text"].split())


def test_query_shows_empty_cells_blank(samples_db: Path) -> None:
    sql = "SELECT filename, province, year_start, doc_date FROM documents ORDER BY filename"
    empty = rows(samples_db, "SELECT count(*) AS n FROM documents WHERE province IS NULL")[0]
    assert empty["n"] > 0
    proc = run_cli("query", sql, "--db", str(samples_db))
    assert proc.returncode == 0, proc.stderr
    for word in ("NaN", "None", "<NA>", "nan", ".0 "):
        assert word not in proc.stdout
    assert len(proc.stdout.splitlines()) == 1 + len(rows(samples_db, sql))


def test_query_csv_is_what_sqlite_returns(samples_db: Path, tmp_path: Path) -> None:
    sql = ("SELECT f.figure_id, d.filename, d.province, f.value, f.raw, f.year FROM figures f "
           "JOIN documents d USING (doc_id) ORDER BY d.filename, f.figure_id")
    expected = [tuple(r) for r in rows(samples_db, sql)]

    def parsed(text: str) -> list[tuple]:
        table = list(csv.reader(io.StringIO(text)))
        assert table[0] == ["figure_id", "filename", "province", "value", "raw", "year"]
        return [tuple(None if s == "" else s if e is None else type(e)(s)
                      for s, e in zip(r, ex, strict=True))
                for r, ex in zip(table[1:], expected, strict=True)]

    proc = run_cli("query", sql, "--db", str(samples_db), "--csv")
    assert proc.returncode == 0, proc.stderr
    assert any(None in r for r in expected)
    assert parsed(proc.stdout) == expected
    assert run_cli("query", sql, "--db", str(samples_db), "--out",
                   str(tmp_path / "q.csv")).returncode == 0
    assert parsed((tmp_path / "q.csv").read_text(encoding="utf-8-sig")) == expected
    assert run_cli("query", sql, "--db", str(samples_db), "--out",
                   str(tmp_path / "q.xlsx")).returncode == 0
    sheet = openpyxl.load_workbook(tmp_path / "q.xlsx")["query"]
    assert sheet.freeze_panes == "A2"
    assert [tuple(c.value for c in r) for r in sheet.iter_rows(min_row=2)] == expected


def test_query_out_offers_the_formats_that_write_one_result(samples_db: Path,
                                                            tmp_path: Path) -> None:
    """Parquet and the per-document formats are export formats, not a query result's."""
    for name in ("q.parquet", "q.json", "q.md", "q"):
        proc = run_cli("query", "SELECT 1 AS n", "--db", str(samples_db), "--out",
                       str(tmp_path / name), env={"BAOCAO_LANG": "en"})
        assert (proc.returncode, proc.stderr) == (
            2, f"baocao: error: --out: name a .csv or .xlsx file, not {name}\n")
    assert list(tmp_path.iterdir()) == []


def test_export_formats_are_the_registered_ones() -> None:
    proc = run_cli("export", "--help", env={"BAOCAO_LANG": "en", "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    assert list(FORMATS) == ["csv", "parquet", "xlsx", "json", "markdown"]
    assert "<csv|parquet|xlsx|json|markdown>" in proc.stdout


@pytest.mark.parametrize("command", ["export", "query", "review", "summary"])
def test_out_refuses_an_option(samples_db: Path, command: str) -> None:
    """`--out --help` is a slip for `--help`: refused, not files named "--help…"."""
    first = rows(samples_db, "SELECT filename FROM documents ORDER BY filename")[0]["filename"]
    words = {"query": ["SELECT 1 AS n"], "review": [first]}.get(command, [])
    assert list(REPO.glob("-*")) == []
    proc = run_cli(command, *words, "--db", str(samples_db), "--out", "--help",
                   env={"BAOCAO_LANG": "en"})
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == ("baocao: error: --out: --help looks like an option, not a file or "
                           "folder name\n")
    assert list(REPO.glob("-*")) == []


def test_out_refuses_an_option_in_vietnamese(samples_db: Path) -> None:
    proc = run_cli("export", "--db", str(samples_db), "--format", "json", "--out", "-x",
                   env={"BAOCAO_LANG": "vi"})
    assert proc.returncode == 2
    assert proc.stderr == ("baocao: lỗi: --out: -x trông như một tùy chọn, không phải tên "
                           "tệp hay thư mục\n")
    assert list(REPO.glob("-*")) == []


def test_fold_on_postgresql(pg_url: str) -> None:
    """The server's fold() gives what SQLite's gives, for every Vietnamese letter."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(FOLD_FUNCTION_PG)
    words = "Đồng Tháp, BẮC GIANG, Quảng Ngãi, Thừa Thiên Huế, Bà Rịa – Vũng Tàu"
    proc = run_cli("query", f"SELECT fold('{words}') AS folded", "--db", pg_url, "--width", "0")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1].strip() == fold_sql(words) == (
        "dong thap, bac giang, quang ngai, thua thien hue, ba ria – vung tau")
