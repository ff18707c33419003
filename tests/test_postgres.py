"""The same tables in a real PostgreSQL server (`--db postgresql://…`), also with two runs
writing into it at once. `make test` starts the server; CI must not skip these."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FILES, REPO, SAMPLES, content, run_cli

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
    assert len(list(out.glob("*.parquet"))) == 13  # the 10 tables, the runs and 2 views


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
