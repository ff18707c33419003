"""Batch runs at archive scale: progress, kill -9 at any moment, watching an inbox, and a
real Dask cluster. Real Tesseract, real SQLite, real worker processes."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import FILES, REPO, SAMPLES, content, rows, run_cli

from baocao.extract.files import file_sha256


def start_cli(*args: str) -> subprocess.Popen:
    """`baocao` in a process group of its own, so that a signal reaches the whole run (its
    worker processes and their Tesseracts) as a power cut or a terminal's Ctrl-C would."""
    return subprocess.Popen([sys.executable, "-m", "baocao", *args], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def signal_run(proc: subprocess.Popen, signum: int) -> None:
    os.killpg(proc.pid, signum)


def count(db: Path, sql: str) -> int:
    """A count read while another process may be writing (SQLite: readers see commits)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # tables not made yet
        return 0
    finally:
        conn.close()


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def assert_documents_whole(db: Path) -> None:
    """Every document in the database has all its rows: none is half-written."""
    for doc in rows(db, "SELECT * FROM documents"):
        for table, column in (("pages", "n_pages"), ("figures", "n_figures"),
                              ("sections", "n_sections")):
            where = f"WHERE doc_id = '{doc['doc_id']}'"
            assert count(db, f"SELECT count(*) FROM {table} {where}") == doc[column]
    for table in ("pages", "figures", "words", "sections", "items"):
        assert count(db, f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                         "(SELECT doc_id FROM documents)") == 0


def test_progress_bar_shows_pages_per_second_and_eta(tmp_path: Path) -> None:
    files = [str(SAMPLES / f) for f in FILES[:2]]
    proc = run_cli("run", *files, "--db", str(tmp_path / "db.sqlite"), "--progress")
    assert proc.returncode == 0, proc.stderr
    assert "2/2 pages" in proc.stderr  # the bar counts pages, the total known up front
    assert " pages/s" in proc.stderr and "ETA" in proc.stderr
    quiet = run_cli("run", *files, "--db", str(tmp_path / "db2.sqlite"))
    assert "pages/s" not in quiet.stderr  # not a terminal: no bar by default


def test_kill_9_leaves_no_half_written_document_and_the_next_run_finishes(
    tmp_path: Path, reference: tuple[Path, dict]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, inbox / name)
    db = tmp_path / "db.sqlite"
    proc = start_cli("run", str(inbox), "--db", str(db), "--jobs", "2")
    # kill the run the moment its first document is committed, while others are in flight
    wait_for(lambda: count(db, "SELECT count(*) FROM documents") >= 1, 300, "a document")
    signal_run(proc, signal.SIGKILL)
    proc.wait(timeout=30)
    done_before = count(db, "SELECT count(*) FROM documents")
    assert 1 <= done_before < len(FILES)
    assert_documents_whole(db)

    again = run_cli("run", str(inbox), "--db", str(db), "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert f"({done_before} already in the database, skipped)" in again.stdout
    assert_documents_whole(db)
    [run] = rows(db, "SELECT * FROM runs")  # the killed run recorded nothing
    assert (run["files_seen"], run["files_skipped"]) == (len(FILES), done_before)
    assert run["files_ok"] == len(FILES) - done_before
    assert content(db) == reference[1]


def test_watch_reads_files_once_copied_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "2026-11").mkdir(parents=True)
    db = tmp_path / "db.sqlite"
    watcher = start_cli("watch", str(inbox), "--db", str(db), "--interval", "0.5", "--jobs", "1")
    try:
        # a slow copy: the file grows for about 3 s; it must not be read half-written
        first = inbox / "2026-11" / "bao_cao_thang_11.pdf"
        data = (SAMPLES / "bacninh_p62_scan.pdf").read_bytes()
        with first.open("wb") as out:
            for i in range(0, len(data), len(data) // 20 + 1):
                out.write(data[i:i + len(data) // 20 + 1])
                out.flush()
                time.sleep(0.15)
        wait_for(lambda: count(db, "SELECT count(*) FROM documents") == 1, 120, "the first file")
        shutil.copy(SAMPLES / "bacgiang_p56_scan.png", inbox / "bacgiang.png")
        wait_for(lambda: count(db, "SELECT count(*) FROM documents") == 2, 120, "the second file")
        time.sleep(1.5)  # a few more looks: nothing is read twice
    finally:
        signal_run(watcher, signal.SIGINT)
        out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err
    assert "bao_cao_thang_11.pdf: ok, 1 page, 3 figures" in out
    docs = rows(db, "SELECT * FROM documents ORDER BY processed_at")
    assert [d["status"] for d in docs] == ["ok", "ok"]
    assert docs[0]["doc_id"] == file_sha256(first)  # the whole file, not a part of it
    runs = rows(db, "SELECT * FROM runs")
    assert sum(r["files_seen"] for r in runs) == 2 and sum(r["files_failed"] for r in runs) == 0
    assert sum(r["files_ok"] for r in runs) == 2


def test_ctrl_c_stops_a_run_keeping_finished_documents(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    proc = start_cli("run", *[str(SAMPLES / f) for f in FILES], "--db", str(db), "--jobs", "2")
    wait_for(lambda: count(db, "SELECT count(*) FROM documents") >= 1, 300, "a document")
    signal_run(proc, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert_documents_whole(db)
    [run] = rows(db, "SELECT * FROM runs")
    assert run["files_ok"] == count(db, "SELECT count(*) FROM documents")


def test_dask_cluster_gives_the_same_tables_as_a_local_run(
    tmp_path: Path, reference: tuple[Path, dict]
) -> None:
    import distributed

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        db = tmp_path / "dask.sqlite"
        proc = run_cli("run", *[str(SAMPLES / f) for f in FILES], "--db", str(db),
                       "--scheduler", cluster.scheduler_address)
        assert proc.returncode == 0, proc.stderr
        workers = cluster.scheduler_info["workers"]
        assert len(workers) == 2
    assert content(db) == reference[1]
    assert len(reference[1]["figures"]) == 18


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("run", str(SAMPLES / FILES[0]), "--db", str(tmp_path / "db.sqlite"),
                   "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in proc.stderr
    assert "Traceback" not in proc.stderr
