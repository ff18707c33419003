"""The same tables in a real PostgreSQL server (`--db postgresql://…`), also with two runs
writing into it at once. `make test` starts the server; CI must not skip these."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FILES, REPO, SAMPLES, content, run_cli
from test_corrections import correct_at_once

from baocao import store


def test_run_into_postgresql_gives_the_tables_of_sqlite(
    pg_url: str, reference: tuple[Path, dict], tmp_path: Path
) -> None:
    files = [str(SAMPLES / f) for f in FILES]
    proc = run_cli("run", *files, "--db", pg_url, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "baocao:baocao@" not in proc.stdout  # the password is not printed
    assert content(pg_url) == reference[1]

    again = run_cli("run", *files, "--db", pg_url)
    assert again.returncode == 0 and "4 already in the database, skipped" in again.stdout
    runs = store.query(pg_url, "SELECT files_ok, files_skipped, pages_ocr, pages_text "
                               "FROM runs ORDER BY run_id")
    assert runs.values.tolist() == [[4, 0, 4, 2], [0, 4, 0, 0]]

    sql = "SELECT raw FROM figures WHERE kind = 'amount' ORDER BY doc_id, figure_id"
    shown = run_cli("query", sql, "--db", pg_url)
    assert shown.returncode == 0 and "12.492,1 triệu đồng" in shown.stdout
    refused = run_cli("query", "DELETE FROM figures", "--db", pg_url)
    assert refused.returncode == 2 and "only reads the database" in refused.stderr
    assert len(store.query(pg_url, "SELECT * FROM figures")) == 18

    out = tmp_path / "export"
    assert run_cli("export", "--db", pg_url, "--format", "parquet", "--out",
                   str(out)).returncode == 0
    # the 10 tables, the runs, the corrections and 2 views
    assert len(list(out.glob("*.parquet"))) == 14


def test_concurrent_runs_into_one_database_neither_corrupt_nor_duplicate(
    pg_url: str, reference: tuple[Path, dict]
) -> None:
    files = [str(SAMPLES / f) for f in FILES]
    runs = [
        subprocess.Popen([sys.executable, "-m", "baocao", "run", *order, "--db", pg_url,
                          "--jobs", "1"], cwd=REPO, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for order in (files, files[::-1])  # both write every document, in other orders
    ]
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    docs = store.query(pg_url, "SELECT doc_id, n_pages, n_figures FROM documents")
    assert len(docs) == len(FILES)
    for doc in docs.itertuples():
        n = store.query(pg_url, f"SELECT (SELECT count(*) FROM pages WHERE doc_id = "
                                f"'{doc.doc_id}') AS pages, (SELECT count(*) FROM figures "
                                f"WHERE doc_id = '{doc.doc_id}') AS figures")
        assert n.values.tolist() == [[doc.n_pages, doc.n_figures]]
    assert content(pg_url) == reference[1]
    assert len(store.query(pg_url, "SELECT * FROM runs")) == 2


def test_corrections_on_postgresql_survive_a_rerun_and_two_people_at_once(pg_url: str) -> None:
    doc = SAMPLES / "tables" / "g_khanhhoa_binhchon_ruled_digital.pdf"
    assert run_cli("run", str(doc), "--db", pg_url, "--jobs", "1").returncode == 0
    read = store.query(pg_url, "SELECT figure_id, raw, value FROM figures WHERE table_id IS NULL "
                               "ORDER BY figure_id LIMIT 2")
    correct_at_once(pg_url, read["figure_id"].tolist(), doc.name)
    cell = store.query(pg_url, """SELECT table_id, "row", col, text, value FROM table_cells
                                  WHERE text = '192'""").iloc[0]
    place = f"{cell.table_id + 1}:{cell.row + 1}:{cell.col + 1}"
    for args in (["--cell", place, "--text", "198"], ["--field", "doc_number", "--value", "9/BC"]):
        proc = run_cli("correct", doc.name, *args, "--db", pg_url)
        assert proc.returncode == 0, proc.stderr

    again = run_cli("run", str(doc), "--db", pg_url, "--force", env={"BAOCAO_LANG": "en"})
    assert again.returncode == 0 and "corrections: 5 applied again" in again.stdout
    figures = store.query(pg_url, "SELECT raw, value, value_read, corrected FROM figures "
                                  "WHERE table_id IS NULL ORDER BY figure_id LIMIT 2")
    # "6 UBND cấp huyện", a count; "1,3 tỷ đồng", so 2.000 in its printed scale is 2.000 tỷ đồng
    assert figures.values.tolist() == [[raw, 1000.0 * n * (1e9 if "tỷ" in raw else 1), value, 1]
                                       for n, (raw, value) in
                                       enumerate(zip(read["raw"], read["value"], strict=True), 1)]
    cells = store.query(pg_url, """SELECT text, value, text_read, value_read, corrected
                                   FROM table_cells WHERE corrected = 1""")
    assert cells.values.tolist() == [["198", 198.0, cell.text, cell.value, 1]]
    assert store.query(pg_url, "SELECT doc_number FROM documents").values.tolist() == [["9/BC"]]
    statuses = store.query(pg_url, "SELECT author, status FROM corrections ORDER BY 1, 2")
    assert statuses["status"].tolist() == ["applied"] * 5
    assert statuses["author"].tolist()[:2] == ["person 1", "person 2"]
