"""Reliability against hostile inputs and hostile moments: a query that tries to write
through `baocao query`, file names that are not UTF-8, a worker killed mid-page, files made
to exhaust memory or to hang a reader, links and pipes, a forged failure summary, write
requests to `baocao serve`, two runs racing on one file, kill -9 at random moments, a
document that breaks a stage or its write, a full disk, a database server gone, a file
rewritten while it is read, copies in one batch and a folder that cannot be read.

Real CLI in a child process, real Tesseract, real SQLite, real PostgreSQL: no mocks. Where a
moment cannot be had on demand from a real input (a stage that raises, a file rewritten
between two of its pages), tests/faults.py puts that one fault into the real command."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest
from conftest import (
    FILES,
    REPO,
    SAMPLES,
    content,
    drop_database,
    pg_server,
    rows,
    run_cli,
    start_serve,
)
from faults import run_with_fault
from hostile import (
    CELL_FORMULA,
    HOSTILE_CORRECTIONS,
    HOSTILE_TEXTS,
    HYPERLINK,
    MEMORY_LIMIT,
    REWRITTEN,
    hostile_batch,
    near_blank_page,
    outcome_ok,
    page_with_only,
    process_tree,
    readable_name,
    reason_holds,
    render_sample_page,
    run_watched,
    tree_memory,
    write_a4_300dpi_tagged_72,
    write_blank_pages_pdf,
    write_content_bomb_pdf,
    write_control_named_copy,
    write_cp1258_named_copy,
    write_dangling_link,
    write_deep_json,
    write_fifo,
    write_forged_name,
    write_gif_named_png,
    write_hostile_corrections,
    write_image_bomb_pdf,
    write_image_bombs,
    write_looping_link,
    write_overlapping_grid_png,
    write_pages_reversed,
    write_png_chunk_bombs,
    write_rewritten_pair,
    write_scans_pdf,
    write_strip_png,
    write_tiny_png,
)

GOOD_PDF = SAMPLES / "bacninh_p62_scan.pdf"  # 1 page, 3 figures
GOOD_PNG = SAMPLES / "bacgiang_p56_scan.png"  # 1 page
GOOD_FIGURES = {"6 cuộc", "111 sản phẩm", "320 triệu đồng"}  # bacninh_p62_scan.pdf's


def start_cli(*args: str) -> subprocess.Popen:
    """`baocao` in a process group of its own, so a signal reaches the whole run."""
    return subprocess.Popen([sys.executable, "-m", "baocao", *args], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def kill_group(proc: subprocess.Popen) -> None:
    """kill -9 the run's whole process group (if anything of it is left)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate(timeout=30)


def documents(db: Path) -> dict[str, dict]:
    """filename → its documents row."""
    return {r["filename"]: dict(r) for r in rows(db, "SELECT * FROM documents")}


def last_run(db: Path) -> dict:
    return dict(rows(db, "SELECT * FROM runs ORDER BY run_id DESC LIMIT 1")[0])


def columns(db: Path, table: str) -> set[str]:
    return {r["name"] for r in rows(db, f"PRAGMA table_info({table})")}


def inbox_with(tmp_path: Path, *files: tuple[Path, str]) -> Path:
    """A folder holding copies of (source, name) files."""
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    for source, name in files:
        shutil.copy(source, inbox / name)
    return inbox


# --- 1. `baocao query` cannot write to PostgreSQL ------------------------------------------

@pytest.fixture(scope="module")
def pg_template() -> Iterator[tuple[str, str]]:
    """A PostgreSQL database filled once by `baocao run` (one page), to copy for each test:
    (server URL, template database name)."""
    psycopg = pytest.importorskip("psycopg")
    server = pg_server()
    name = f"baocao_tmpl_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        proc = run_cli("run", str(GOOD_PDF), "--db", _pg_database(server, name))
        assert proc.returncode == 0, proc.stderr
        yield server, name
    finally:
        drop_database(server, name)


def _pg_database(server: str, name: str) -> str:
    """The server's URL naming another database."""
    return urllib.parse.urlsplit(server)._replace(path=f"/{name}").geturl()


@pytest.fixture
def filled_pg(pg_template: tuple[str, str]) -> Iterator[str]:
    """A fresh copy of the filled database; dropped afterwards."""
    import psycopg

    server, template = pg_template
    name = f"baocao_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_database(server, name)
    finally:
        drop_database(server, name)


def pg_state(url: str) -> dict:
    """What a write would change: the tables there, their row counts, large objects."""
    import psycopg

    with psycopg.connect(url) as conn:
        tables = sorted(r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
        state: dict = {"tables": tables}
        for table in ("documents", "pages", "figures", "runs"):
            state[table] = (conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                            if table in tables else "missing")
        state["large objects"] = conn.execute(
            "SELECT count(*) FROM pg_largeobject_metadata").fetchone()[0]
    return state


# (statement, is it several statements)
WRITES_THROUGH_QUERY = [
    ("SELECT 1; COMMIT; DELETE FROM pages; SELECT 1", True),
    ("COMMIT; DROP TABLE runs CASCADE", True),
    ("ROLLBACK; DELETE FROM figures", True),
    ("COMMIT; SELECT lo_create(0)", True),
    ("SELECT set_config('transaction_read_only', 'off', false); DELETE FROM pages", True),
    ("SET default_transaction_read_only = off; DELETE FROM pages", True),
    ("WITH d AS (DELETE FROM pages RETURNING 1) SELECT count(*) FROM d", False),
    ("SELECT set_config('transaction_read_only', 'off', false)", False),
    ("SELECT lo_create(0)", False),
]


@pytest.mark.parametrize(("sql", "several"), WRITES_THROUGH_QUERY,
                         ids=[s for s, _ in WRITES_THROUGH_QUERY])
def test_query_cannot_write_to_postgresql(filled_pg: str, sql: str, several: bool) -> None:
    before = pg_state(filled_pg)
    assert before["pages"] == 1 and before["figures"] == 3

    proc = run_cli("query", sql, "--db", filled_pg)

    assert pg_state(filled_pg) == before, f"{sql!r} changed the database"
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stderr.startswith("baocao: error"), proc.stderr
    if several:
        assert "one statement" in proc.stderr, proc.stderr


def test_query_setting_read_write_is_refused_or_harmless(filled_pg: str) -> None:
    before = pg_state(filled_pg)
    proc = run_cli("query", "SET default_transaction_read_only = off", "--db", filled_pg)
    assert proc.returncode in (0, 2), proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    # each command is one statement on its own connection: the next one still cannot write
    after = run_cli("query", "DELETE FROM pages", "--db", filled_pg)
    assert after.returncode == 2
    assert pg_state(filled_pg) == before


def test_query_still_reads_postgresql(filled_pg: str) -> None:
    for sql in ("SELECT count(*) AS n_pages FROM pages",
                "SELECT count(*) AS n_pages FROM pages;",  # a trailing ; is one statement
                "SELECT 'a; b' AS n_pages, count(*) FROM pages"):  # so is a ; in a string
        proc = run_cli("query", sql, "--db", filled_pg)
        assert proc.returncode == 0, (sql, proc.stderr)
        assert "n_pages" in proc.stdout, (sql, proc.stdout)
    assert "3" in run_cli("query", "SELECT count(*) FROM figures", "--db", filled_pg).stdout


# --- 2. a file name that is not UTF-8 ------------------------------------------------------

def test_file_name_not_utf8_is_read_and_recorded_readably(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PNG, "z_after.png"))
    raw_path = write_cp1258_named_copy(inbox, GOOD_PDF)
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(inbox), "--db", str(db))

    assert proc.returncode == 0, proc.stderr
    assert "internal error" not in proc.stderr
    docs = documents(db)
    assert set(docs) == {"báo cáo.pdf", "z_after.png"}
    assert {d["status"] for d in docs.values()} == {"ok"}, docs
    assert "path_bytes" in columns(db, "documents")
    assert docs["báo cáo.pdf"]["path_bytes"] == os.fsencode(os.path.realpath(raw_path)).hex()
    assert docs["z_after.png"]["path_bytes"] is None
    assert len(rows(db, "SELECT * FROM runs")) == 1

    again = run_cli("run", str(inbox), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "2 already in the database, skipped" in again.stdout


# --- 3. a dying worker, and failures that may pass ------------------------------------------

def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def busy_worker(main: int) -> int | None:
    """A process of the run, not the main one, running a Tesseract right now."""
    for pid in process_tree(main):
        if _comm(pid) == "tesseract":
            try:
                parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent != main:
                return parent
    return None


def test_a_worker_killed_mid_page_is_replaced_and_the_run_finishes(
    tmp_path: Path, reference: tuple[Path, dict]
) -> None:
    db = tmp_path / "db.sqlite"
    proc = start_cli("run", *[str(SAMPLES / f) for f in FILES], "--db", str(db), "--jobs", "2")
    try:
        deadline = time.monotonic() + 120
        while (victim := busy_worker(proc.pid)) is None:
            assert proc.poll() is None, "the run ended before any worker ran Tesseract"
            assert time.monotonic() < deadline, "no worker ran Tesseract within 120 s"
            time.sleep(0.02)
        os.kill(victim, signal.SIGKILL)  # the OOM killer, a segfault in a C library…
        out, err = proc.communicate(timeout=300)
    finally:
        kill_group(proc)
    assert proc.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err
    assert {n: d["status"] for n, d in documents(db).items()} == dict.fromkeys(FILES, "ok")
    assert content(db) == reference[1]


# --- 3b. the run's end is its workers' end: kill -9, SIGTERM, a killed Tesseract -------------

def _alive(pid: int) -> bool:
    """The process is there and not a zombie waiting for its parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def left_running(pids: list[int], seconds: float = 5.0) -> list[str]:
    """Which of the processes are still running after a few seconds' grace, as 'pid comm'."""
    deadline = time.monotonic() + seconds
    while (alive := [p for p in pids if _alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [f"{p} {_comm(p)}" for p in alive]


def kill_all(pids: list[int]) -> None:
    """kill -9 what is left of a run whose workers left its process group."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def wait_for(ready, proc: subprocess.Popen, what: str, seconds: float = 120):
    """Poll ready() until it answers, while the run goes on."""
    deadline = time.monotonic() + seconds
    while not (answer := ready()):
        assert proc.poll() is None, f"the run ended before {what}"
        assert time.monotonic() < deadline, f"no {what} within {seconds:.0f} s"
        time.sleep(0.02)
    return answer


def documents_written(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not made yet
        return 0


def test_kill_9_of_the_run_ends_its_workers_and_their_tesseracts(tmp_path: Path) -> None:
    proc = start_cli("run", *[str(SAMPLES / f) for f in FILES], "--db",
                     str(tmp_path / "db.sqlite"), "--jobs", "2")
    tree: list[int] = []
    try:
        wait_for(lambda: busy_worker(proc.pid), proc, "worker running Tesseract")
        tree = process_tree(proc.pid)[1:]
        assert any(_comm(p) == "tesseract" for p in tree), tree
        os.kill(proc.pid, signal.SIGKILL)  # the main process alone, not its process group
        proc.wait(timeout=30)
        assert not left_running(tree), "left running after kill -9 of the run"
    finally:
        kill_all(tree)
        kill_group(proc)


def test_sigterm_stops_a_run_as_ctrl_c_does(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    digital_first = sorted(FILES, key=lambda name: "digital" not in name)  # a quick first one
    proc = start_cli("run", *[str(SAMPLES / f) for f in digital_first], "--db", str(db),
                     "--jobs", "2")
    tree: list[int] = []
    try:
        wait_for(lambda: documents_written(db), proc, "document written")
        tree = process_tree(proc.pid)[1:]
        os.kill(proc.pid, signal.SIGTERM)  # kill, a service manager stopping it
        proc.wait(timeout=120)
        left = left_running(tree)
        kill_all(tree)
        out, err = proc.communicate(timeout=30)
    finally:
        kill_all(tree)
        kill_group(proc)
    assert not left, "left running after SIGTERM"
    assert proc.returncode == 143, (proc.returncode, err)
    assert "interrupted" in err and "Traceback" not in err, err
    docs = documents(db)
    assert docs and {d["status"] for d in docs.values()} == {"ok"}, docs
    run = last_run(db)
    assert (run["files_ok"], run["files_failed"]) == (len(docs), 0), run


def test_sigterm_stops_watch_as_ctrl_c_does(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PDF, "good.pdf"))
    db = tmp_path / "db.sqlite"
    proc = start_cli("watch", str(inbox), "--db", str(db), "--jobs", "2", "--interval", "0.1")
    tree: list[int] = []
    try:
        wait_for(lambda: documents_written(db), proc, "document written")
        tree = process_tree(proc.pid)[1:]
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        left = left_running(tree)
        kill_all(tree)
        out, err = proc.communicate(timeout=30)
    finally:
        kill_all(tree)
        kill_group(proc)
    assert not left, "left running after SIGTERM"
    assert proc.returncode == 0, (proc.returncode, err)
    assert "Traceback" not in err, err
    assert last_run(db)["files_ok"] == 1


def test_a_killed_tesseract_is_reported_killed_not_timed_out() -> None:
    from baocao.errors import PageError
    from baocao.extract import tesseract

    page = render_sample_page(300)
    tesseract.check_tesseract()  # its `tesseract --version` is not the one to kill
    with ThreadPoolExecutor(1) as pool:
        reading = pool.submit(tesseract.ocr_image, page, 3)
        deadline = time.monotonic() + 60
        while not (ours := [p for p in process_tree(os.getpid()) if _comm(p) == "tesseract"]):
            assert not reading.done(), "Tesseract ended before it could be killed"
            assert time.monotonic() < deadline, "no Tesseract started within 60 s"
            time.sleep(0.01)
        os.kill(ours[0], signal.SIGKILL)  # the OOM killer, a user
        with pytest.raises(PageError) as failed:
            reading.result(timeout=60)
    assert "killed" in str(failed.value) and "signal 9" in str(failed.value), failed.value
    assert "timed out" not in str(failed.value)
    assert failed.value.retryable  # it may pass next time


def test_a_tesseract_past_its_time_limit_is_reported_timed_out(monkeypatch) -> None:
    from baocao.errors import PageError
    from baocao.extract import tesseract

    monkeypatch.setattr(tesseract, "OCR_TIMEOUT_S", 0.05)  # a real time-out, reached at once
    with pytest.raises(PageError, match="timed out") as failed:
        tesseract.ocr_image(render_sample_page(300), 3)
    assert failed.value.retryable


def test_retry_failed_processes_failed_documents_again(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PDF, "good.pdf"))
    (inbox / "truncated.pdf").write_bytes(GOOD_PDF.read_bytes()[:600])
    db = tmp_path / "db.sqlite"

    first = run_cli("run", str(inbox), "--db", str(db))
    assert first.returncode == 1, first.stderr
    docs = documents(db)
    assert docs["truncated.pdf"]["status"] == "failed"
    assert "retryable" in columns(db, "documents")
    assert docs["truncated.pdf"]["retryable"] in (0, None)  # a broken file stays broken

    second = run_cli("run", str(inbox), "--db", str(db))
    assert "2 already in the database, skipped" in second.stdout, second.stdout + second.stderr

    third = run_cli("run", str(inbox), "--db", str(db), "--retry-failed")
    assert third.returncode == 1, third.stderr
    run = last_run(db)
    assert (run["files_seen"], run["files_skipped"], run["files_failed"]) == (2, 1, 1)
    assert len(rows(db, "SELECT * FROM runs")) == 3


def test_a_failure_that_may_pass_is_retried_without_asking(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PDF, "good.pdf"))
    db = tmp_path / "db.sqlite"
    assert run_cli("run", str(inbox), "--db", str(db)).returncode == 0
    assert "retryable" in columns(db, "documents")
    conn = sqlite3.connect(db)
    with conn:  # as if its worker had died: a failure that may pass
        conn.execute("UPDATE documents SET status = 'failed', retryable = 1, "
                     "error = 'worker died (killed by signal 9)'")
    conn.close()

    again = run_cli("run", str(inbox), "--db", str(db))

    assert again.returncode == 0, again.stderr
    run = last_run(db)
    assert (run["files_ok"], run["files_skipped"]) == (1, 0)
    [doc] = documents(db).values()
    assert doc["status"] == "ok" and doc["retryable"] in (0, None)


# --- 4. memory bombs ------------------------------------------------------------------------

def _peak(watched) -> str:
    return f"peak {watched.peak / 2**20:.0f} MiB in {watched.seconds:.0f} s"


def _assert_run_ended(watched) -> None:
    assert watched.why_not_done() is None, watched.why_not_done()
    assert watched.peak < MEMORY_LIMIT, _peak(watched)
    assert "internal error" not in watched.stderr and "Traceback" not in watched.stderr


@pytest.fixture(scope="module")
def strip_run(tmp_path_factory) -> tuple[Path, Path, object]:
    """A 30 × 20 000 pixel PNG and a good file after it, run once: (folder, db, run)."""
    base = tmp_path_factory.mktemp("strip")
    folder = base / "inbox"
    folder.mkdir()
    write_strip_png(folder / "strip.png")
    shutil.copy(GOOD_PDF, folder / "z_good.pdf")
    db = base / "db.sqlite"
    return folder, db, run_watched("run", str(folder), "--db", str(db), timeout=180)


def test_a_page_30_pixels_wide_and_20000_high_fails_in_little_memory(strip_run) -> None:
    _, db, watched = strip_run
    _assert_run_ended(watched)
    assert watched.returncode == 1, watched.stderr
    docs = documents(db)
    assert docs["strip.png"]["status"] == "failed"
    assert reason_holds(docs["strip.png"]["error"], "pixels|too"), docs["strip.png"]["error"]
    assert docs["z_good.pdf"]["status"] == "ok"


def test_a_content_stream_inflating_to_1_gb_fails_in_little_memory(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_content_bomb_pdf(folder / "bomb.pdf")
    assert (folder / "bomb.pdf").stat().st_size < 2_000_000
    shutil.copy(GOOD_PDF, folder / "z_good.pdf")
    db = tmp_path / "db.sqlite"

    watched = run_watched("run", str(folder), "--db", str(db), timeout=180)

    _assert_run_ended(watched)
    assert watched.returncode == 1, watched.stderr
    docs = documents(db)
    error = docs["bomb.pdf"]["error"]
    assert docs["bomb.pdf"]["status"] == "failed"
    assert reason_holds(error, "content|stream") and reason_holds(error, "too large|limit"), error
    assert docs["z_good.pdf"]["status"] == "ok"


def test_an_a4_scan_at_300_dpi_tagged_72_dpi_is_read_in_little_memory(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_a4_300dpi_tagged_72(folder / "a4.png")
    db = tmp_path / "db.sqlite"

    watched = run_watched("run", str(folder), "--db", str(db), timeout=180)

    _assert_run_ended(watched)
    assert watched.returncode == 0, watched.stderr
    [doc] = documents(db).values()
    assert doc["status"] == "ok", doc["error"]
    found = {r["raw"] for r in rows(db, "SELECT raw FROM figures")}
    assert found & GOOD_FIGURES, found


def _good_page_then(source: Path, path: Path) -> Path:
    """GOOD_PDF's page followed by the first page of `source`, as one PDF."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for pdf in (pdfium.PdfDocument(str(GOOD_PDF)), pdfium.PdfDocument(str(source))):
        out.import_pages(pdf, [0])
    out.save(str(path))
    return path


def test_images_declared_huge_inside_pdfs_fail_their_pages_in_little_memory(
    tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    bombs = write_image_bombs(folder)  # CCITT, JBIG2, Flate, inline: 60,000 px a side
    assert (folder / "image_ccitt_bomb.pdf").stat().st_size < 20_000
    _good_page_then(write_image_bomb_pdf(tmp_path / "one.pdf", "jbig2", n_pages=1),
                    folder / "good_then_bomb.pdf")
    shutil.copy(GOOD_PDF, folder / "z_good.pdf")
    db = tmp_path / "db.sqlite"

    watched = run_watched("run", str(folder), "--db", str(db), "--jobs", "2", timeout=180)

    _assert_run_ended(watched)
    assert watched.returncode == 1, watched.stderr
    docs = documents(db)
    for name in bombs:
        error = docs[name]["error"]
        assert docs[name]["status"] == "failed", (name, error)
        assert reason_holds(error, "image too large to decode"), (name, error)
        assert reason_holds(error, "pixels") and "page 1" in error, (name, error)
    assert "page 2" in docs["image_ccitt_bomb.pdf"]["error"]
    mixed = docs["good_then_bomb.pdf"]  # the page that draws the bomb fails, the other is kept
    assert mixed["status"] == "partial", mixed
    assert mixed["error"].startswith("page 2: image too large to decode"), mixed["error"]
    found = {r["raw"] for r in rows(db, "SELECT raw FROM figures WHERE doc_id = ?",
                                    mixed["doc_id"])}
    assert found == GOOD_FIGURES, found
    assert docs["z_good.pdf"]["status"] == "ok"
    # its review page shows the good page's image, and is not refused for the bomb page
    out = tmp_path / "mixed.html"
    proc = run_cli("review", "good_then_bomb.pdf", "--db", str(db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").count('src="data:image/jpeg;base64,') == 1


def test_png_chunks_inflating_to_1_gib_fail_with_a_clear_reason(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    bombs = write_png_chunk_bombs(folder)
    shutil.copy(GOOD_PNG, folder / "z_good.png")
    db = tmp_path / "db.sqlite"

    watched = run_watched("run", str(folder), "--db", str(db), timeout=180)

    _assert_run_ended(watched)
    assert watched.returncode == 1, watched.stderr
    docs = documents(db)
    for name in bombs:
        error = docs[name]["error"]
        assert docs[name]["status"] == "failed", (name, error)
        assert "unexpected error" not in error, (name, error)
        assert reason_holds(error, "decompression bomb") and "chunk" in error, (name, error)
    assert docs["z_good.png"]["status"] == "ok"


# --- blank pages ----------------------------------------------------------------------------

def test_blank_pages_are_stored_blank_without_ocr(tmp_path: Path) -> None:
    pdf = write_blank_pages_pdf(tmp_path / "blank.pdf", n_pages=20)
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(pdf), "--db", str(db))

    assert proc.returncode == 0, proc.stderr
    [doc] = documents(db).values()
    assert (doc["status"], doc["n_pages"]) == ("ok", 20), doc
    pages = rows(db, "SELECT * FROM pages ORDER BY page_no")
    assert [p["source"] for p in pages] == ["blank"] * 20
    assert all("blank page" in p["source_reason"] for p in pages), pages[0]["source_reason"]
    assert {(p["ocr_engine"], p["raw_text"] or "") for p in pages} == {(None, "")}  # unread
    assert rows(db, "SELECT count(*) AS n FROM words")[0]["n"] == 0
    assert last_run(db)["pages_ocr"] == 0
    assert "blank 20" in proc.stdout, proc.stdout


def test_a_scanned_back_of_a_sheet_is_blank_but_a_page_number_or_a_line_is_read(
    tmp_path: Path
) -> None:
    pages = [near_blank_page(), page_with_only("- 7 -"),
             page_with_only("Trang này cố ý để trống", at="top"), page_with_only("3", points=9)]
    pdf = write_scans_pdf(tmp_path / "scans.pdf", pages)
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(pdf), "--db", str(db))

    assert proc.returncode == 0, proc.stderr
    read = rows(db, "SELECT source, ocr_engine, raw_text FROM pages ORDER BY page_no")
    assert [p["source"] for p in read] == ["blank", "ocr", "ocr", "ocr"]
    assert not read[0]["raw_text"]  # its show-through is not read as text
    assert all(p["ocr_engine"] for p in read[1:])
    assert "trống" in read[2]["raw_text"], read[2]["raw_text"]


def test_no_page_of_the_samples_or_real_documents_is_taken_for_blank(
    samples_db: Path, degraded_db: Path, realdev_db: Path
) -> None:
    for db in (samples_db, degraded_db, realdev_db):
        blank = rows(db, "SELECT filename, page_no FROM pages JOIN documents USING (doc_id) "
                         "WHERE source = 'blank'")
        assert not blank, [tuple(r) for r in blank]
        assert rows(db, "SELECT count(*) AS n FROM pages")[0]["n"] > 0


# --- 5. smaller breaks ----------------------------------------------------------------------

def test_a_named_pipe_fails_at_once_and_the_run_goes_on(tmp_path: Path) -> None:
    pipe = write_fifo(tmp_path / "pipe.pdf")
    good = tmp_path / "good.pdf"
    shutil.copy(GOOD_PDF, good)
    db = tmp_path / "out" / "db.sqlite"

    watched = run_watched("run", str(pipe), str(good), "--db", str(db), timeout=60)

    assert watched.why_not_done() is None, watched.why_not_done()
    assert watched.returncode == 1, watched.stderr
    docs = documents(db)
    assert docs["pipe.pdf"]["status"] == "failed"
    assert "not a regular file" in docs["pipe.pdf"]["error"]
    assert docs["good.pdf"]["status"] == "ok"


def test_a_one_pixel_image_is_too_small(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    proc = run_cli("run", str(write_tiny_png(tmp_path / "dot.png")), "--db", str(db))
    assert proc.returncode == 1, proc.stderr
    [doc] = documents(db).values()
    assert doc["status"] == "failed"
    assert "unexpected error" not in doc["error"], doc["error"]
    assert "too small" in doc["error"], doc["error"]


def test_a_gif_named_png_is_refused_as_gif(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    proc = run_cli("run", str(write_gif_named_png(tmp_path / "page.png")), "--db", str(db))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    [doc] = documents(db).values()
    assert doc["status"] == "failed" and "GIF" in doc["error"].upper(), doc


def test_broken_symbolic_links_in_a_folder_are_recorded_failed(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PDF, "good.pdf"))
    write_dangling_link(inbox / "dangling.pdf")
    write_looping_link(inbox / "loop.pdf")
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(inbox), "--db", str(db))

    assert proc.returncode == 1, proc.stdout + proc.stderr
    docs = documents(db)
    assert set(docs) == {"good.pdf", "dangling.pdf", "loop.pdf"}
    for name in ("dangling.pdf", "loop.pdf"):
        assert docs[name]["status"] == "failed"
        assert "symbolic link" in docs[name]["error"], docs[name]["error"]
    assert docs["good.pdf"]["status"] == "ok"


def test_review_of_a_document_that_failed_shows_why(strip_run, tmp_path: Path) -> None:
    _, db, _ = strip_run
    docs = documents(db) if db.exists() else {}
    assert "strip.png" in docs, "the strip run recorded no row for strip.png"
    assert docs["strip.png"]["status"] == "failed"
    out = tmp_path / "strip.html"

    watched = run_watched("review", "strip.png", "--db", str(db), "--out", str(out),
                          timeout=120)

    _assert_run_ended(watched)
    assert watched.returncode == 0, watched.stderr
    page = out.read_text(encoding="utf-8")
    error = docs["strip.png"]["error"]
    assert error in page or html.escape(error) in page


def test_review_of_a_broken_pdf_shows_why(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(GOOD_PDF.read_bytes()[:600])
    db = tmp_path / "db.sqlite"
    assert run_cli("run", str(broken), "--db", str(db)).returncode == 1
    [doc] = documents(db).values()
    out = tmp_path / "broken.html"

    proc = run_cli("review", "broken.pdf", "--db", str(db), "--out", str(out))

    assert proc.returncode == 0, proc.stderr
    assert "internal error" not in proc.stderr
    page = out.read_text(encoding="utf-8")
    assert doc["error"] in page or html.escape(doc["error"]) in page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: bytes = b"{}") -> int:
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


# Datasette's write API (1.0: /-/insert, /-/upsert, /-/update, /-/delete, /-/drop,
# /-/create), a POST to a table and to the database's SQL page.
WRITE_REQUESTS = [
    "/baocao/figures/-/insert", "/baocao/figures/-/upsert", "/baocao/-/create",
    "/baocao/figures/-/drop", "/baocao/figures/abc,1/-/update",
    "/baocao/figures/abc,1/-/delete", "/baocao/figures", "/baocao",
]


def test_serve_refuses_write_requests(tmp_path: Path) -> None:
    db = tmp_path / "baocao.sqlite"
    assert run_cli("run", str(GOOD_PDF), "--db", str(db)).returncode == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    base, server = start_serve(db, _free_port())
    answers = {}
    try:
        for path in WRITE_REQUESTS:
            body = (b'{"row": {"kind": "x"}, "rows": [{"kind": "x"}], "table": "t", '
                    b'"sql": "DELETE FROM figures"}')
            answers[path] = _post(base + path, body)
        answers["/baocao?sql=DELETE"] = _post(f"{base}/baocao?sql=DELETE+FROM+figures",
                                              b"sql=DELETE+FROM+figures")
        with urllib.request.urlopen(f"{base}/baocao/figures.json", timeout=30) as response:
            assert response.status == 200  # still serving
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, err = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert answers == dict.fromkeys(answers, 403), answers
    assert "Traceback" not in err, err[-3000:]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_two_runs_started_together_read_each_file_once(
    tmp_path: Path, reference: tuple[Path, dict]
) -> None:
    files = [str(SAMPLES / f) for f in FILES]
    db = tmp_path / "db.sqlite"
    runs = [start_cli("run", *order, "--db", str(db), "--jobs", "1")
            for order in (files, files)]
    try:
        for proc in runs:
            _, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err
    finally:
        for proc in runs:
            kill_group(proc)
    pages = sum(r["n_pages"] for r in rows(reference[0], "SELECT n_pages FROM documents"))
    read = rows(db, "SELECT sum(pages_ocr + pages_text) AS n, count(*) AS runs FROM runs")[0]
    assert (read["runs"], read["n"]) == (2, pages), "files were read by both runs"
    assert len(documents(db)) == len(FILES)
    for table, key in (("passages", "doc_id, passage_id"), ("pages", "doc_id, page_no"),
                       ("figures", "doc_id, figure_id")):
        n = rows(db, f"SELECT count(*) AS n, count(DISTINCT {key.replace(', ', ' || ')}) AS d "
                     f"FROM {table}")[0]
        assert n["n"] == n["d"], f"duplicate rows in {table}"
    assert content(db) == reference[1]


def test_the_failure_summary_cannot_be_forged_by_a_file_name(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_forged_name(inbox)
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(inbox), "--db", str(db))

    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("fake.pdf")], proc.stderr
    assert "\\n" in proc.stderr, proc.stderr  # the newline shown escaped


# --- 7. no export runs a formula -------------------------------------------------------------

TABLE_PDF = SAMPLES / "tables" / "g_khanhhoa_binhchon_ruled_digital.pdf"  # a ruled table
# What begins a formula in a spreadsheet (OWASP): no text cell of a CSV may begin so.
FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")
FIGURES_SQL = ("SELECT d.filename, d.title, d.issuer, d.signer, d.signer_title, d.doc_code, "
               "f.raw, f.value FROM figures f JOIN documents d USING (doc_id)")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> tuple[Path, Path]:
    """The sample page and a printed table read, then corrected with texts a spreadsheet
    would run, one figure made negative; and a copy of the database as read."""
    folder = tmp_path_factory.mktemp("formulas")
    db, as_read = folder / "db.sqlite", folder / "as_read.sqlite"
    proc = run_cli("run", str(GOOD_PDF), str(TABLE_PDF), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    shutil.copy(db, as_read)
    doc_id = documents(db)[GOOD_PDF.name]["doc_id"]
    six = rows(db, "SELECT figure_id FROM figures WHERE doc_id = ? AND raw = '6 cuộc'", doc_id)
    corrections = (
        (GOOD_PDF.name, "--field", "title", "--value", HYPERLINK),
        (GOOD_PDF.name, str(six[0]["figure_id"]), "--value=-5"),
        (TABLE_PDF.name, "--cell", "1:1:1", "--text", CELL_FORMULA),
        ("--from", str(write_hostile_corrections(folder / "hostile.csv", doc_id))),
    )
    for args in corrections:
        proc = run_cli("correct", *args, "--db", str(db))
        assert proc.returncode == 0, proc.stderr
    return db, as_read


def _export(db: Path, out: Path, fmt: str) -> None:
    """`baocao export` in fmt into out, and the figures with their documents by `query --out`
    into out/q.<fmt>."""
    for args in (("export", "--format", fmt, "--out", str(out)),
                 ("query", FIGURES_SQL, "--out", str(out / f"q.{fmt}"))):
        proc = run_cli(*args, "--db", str(db))
        assert proc.returncode == 0, proc.stderr


def test_xlsx_exports_hold_texts_never_formulas(hostile_db: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    _export(hostile_db[0], tmp_path, "xlsx")
    # XML reads a CR back as a line feed: the texts as the workbook can hold them
    hostile = {t.replace("\r", "\n") for t in HOSTILE_TEXTS}
    for name, wanted in (("baocao.xlsx", hostile), ("printed_tables.xlsx", {CELL_FORMULA}),
                         ("q.xlsx", {HYPERLINK, *(v for v, _ in HOSTILE_CORRECTIONS.values())})):
        book = openpyxl.load_workbook(tmp_path / name)  # formulas as formulas, not their values
        texts = set()
        for sheet in book:
            for cell in (c for row in sheet.iter_rows() for c in row):
                assert cell.data_type != "f", (name, sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
        assert wanted <= texts, (name, wanted - texts)
        if name != "printed_tables.xlsx":  # numbers stay numbers, a negative one too
            sheet = book["figures" if name == "baocao.xlsx" else "query"]
            header = [c.value for c in sheet[1]]
            values = {row[header.index("raw")].value: row[header.index("value")]
                      for row in sheet.iter_rows(min_row=2)}
            for raw, number in (("320 triệu đồng", 320e6), ("6 cuộc", -5)):
                assert (values[raw].data_type, values[raw].value) == ("n", number), name


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_exports_put_a_quote_before_every_formula(hostile_db: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    db = hostile_db[0]
    _export(db, tmp_path, "csv")
    assert list((tmp_path / "printed_tables").glob("*.csv"))

    def shown(text: str) -> str:  # OWASP's advice: a "'" in front
        return "'" + text if text.startswith(FORMULA_FIRST) else text

    fields: dict[str, set[str]] = {}
    for path in tmp_path.rglob("*.csv"):
        table = _csv(path)
        fields[path.stem] = {f for row in table for f in row}
        for row in table:
            for field in row:
                assert not field.startswith(FORMULA_FIRST) or _number(field), (path, field)
    assert {shown(t) for t in HOSTILE_TEXTS} <= fields["corrections"]
    assert {shown(HYPERLINK), shown(CELL_FORMULA)} <= fields["documents"] | fields["table_cells"]
    assert shown(CELL_FORMULA) in set().union(*(f for n, f in fields.items() if "_T" in n))
    assert {shown(HYPERLINK), shown("+1+1")} <= fields["q"]
    # what the scan printed too: "- Chương trình…", a bullet, is a formula to a spreadsheet
    for name in [n for n in fields if "_T" not in n and n != "q"]:
        printed = {v for r in rows(db, f'SELECT * FROM "{name}"') for v in tuple(r)
                   if isinstance(v, str) and v.startswith(FORMULA_FIRST)}
        assert {shown(v) for v in printed} <= fields[name], name
        assert name != "pages" or printed, "the sample's page has a line beginning with '-'"
    for name in ("figures", "q"):
        table = _csv(tmp_path / f"{name}.csv")
        values = {r[table[0].index("raw")]: r[table[0].index("value")] for r in table[1:]}
        assert (float(values["320 triệu đồng"]), float(values["6 cuộc"])) == (320e6, -5)


def test_an_exported_corrections_csv_applies_its_texts_exactly(hostile_db: tuple[Path, Path],
                                                                tmp_path: Path) -> None:
    db, as_read = hostile_db
    proc = run_cli("export", "--db", str(db), "--format", "csv", "--table", "corrections",
                   "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    other = tmp_path / "other.sqlite"
    shutil.copy(as_read, other)
    proc = run_cli("correct", "--from", str(tmp_path / "corrections.csv"), "--db", str(other))
    assert proc.returncode == 0, proc.stderr
    for sql in ("SELECT target, field, new_value, note, author FROM corrections "
                "ORDER BY correction_id", FIGURES_SQL + " ORDER BY d.filename, f.raw"):
        assert [tuple(r) for r in rows(other, sql)] == [tuple(r) for r in rows(db, sql)]


# --- 6. kill -9 at random moments ------------------------------------------------------------

FTS_TABLES = ("pages_fts", "sections_fts", "passages_fts", "passages_folded_fts")


def assert_database_whole(db: Path, why: str = "") -> None:
    """SQLite's and FTS5's own checks pass, every document has all its rows, and no row
    belongs to a document that is not there."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", why
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            return  # killed before its schema was committed: an empty file, nothing lost
        for fts in FTS_TABLES:
            try:  # rank 1: the index is also checked against the table it indexes
                conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                raise AssertionError(f"{fts}: {exc} {why}") from exc
        conn.rollback()
        for doc_id, n_pages, n_figures, n_sections in conn.execute(
                "SELECT doc_id, n_pages, n_figures, n_sections FROM documents"):
            for table, n in (("pages", n_pages), ("figures", n_figures),
                             ("sections", n_sections)):
                have = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?",
                                    (doc_id,)).fetchone()[0]
                assert have == n, f"{doc_id[:12]}: {have} {table}, not {n} {why}"
        for table in ("pages", "figures", "sections", "items", "passages", "words", "flags"):
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                                   "(SELECT doc_id FROM documents)").fetchone()[0]
            assert orphans == 0, f"{orphans} rows of {table} without their document {why}"
    finally:
        conn.close()


KILLS = 3
RUN_SECONDS = 8.0  # about what `run --jobs 2` over FILES takes uninterrupted


def test_kill_9_at_random_moments_never_corrupts_and_the_next_run_finishes(
    tmp_path: Path, reference: tuple[Path, dict]
) -> None:
    seed = int(os.environ.get("BAOCAO_KILL_SEED", time.time_ns() % 1_000_000))
    chance = random.Random(seed)
    print(f"kill -9 moments from seed {seed} (replay: BAOCAO_KILL_SEED={seed})")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, inbox / name)
    db = tmp_path / "db.sqlite"
    for attempt in range(KILLS):
        moment = chance.uniform(0.2, RUN_SECONDS)
        proc = start_cli("run", str(inbox), "--db", str(db), "--jobs", "2")
        time.sleep(moment)
        kill_group(proc)
        if db.exists():
            assert_database_whole(db, f"(seed {seed}, kill {attempt + 1} at {moment:.2f} s)")

    final = run_cli("run", str(inbox), "--db", str(db), "--jobs", "2")

    assert final.returncode == 0, final.stderr
    assert_database_whole(db, f"(seed {seed}, after the final run)")
    assert {n: d["status"] for n, d in documents(db).items()} == dict.fromkeys(FILES, "ok")
    assert content(db) == reference[1]


# --- the whole battery ----------------------------------------------------------------------

def test_hostile_batch_fails_file_by_file_in_bounded_time_and_memory(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    expect = hostile_batch(folder, slow=False)  # the 1 GB stream and 72-DPI scan: own tests
    shutil.copy(GOOD_PDF, folder / "zz_good.pdf")
    expect["zz_good.pdf"] = None
    db = tmp_path / "db.sqlite"

    watched = run_watched("run", str(folder), "--db", str(db), "--jobs", "2", timeout=240)

    _assert_run_ended(watched)
    assert watched.returncode == 1, watched.stderr
    docs = documents(db)
    wrong = {}
    for name, expected in expect.items():
        doc = docs.get(readable_name(name))
        if doc is None:
            wrong[name] = "not recorded"
        elif not outcome_ok(doc["status"], doc["error"], expected):
            wrong[name] = f"{doc['status']}: {doc['error']} (wanted: {expected or 'ok'})"
    assert not wrong, wrong


# --- 8. serve's time limit, query on a server, terminal output, correct --from --------------

@pytest.fixture(scope="module")
def control_named_db(tmp_path_factory) -> Path:
    """One good page stored under a file name full of control characters (CONTROL_NAME)."""
    folder = tmp_path_factory.mktemp("control_named")
    inbox = folder / "inbox"
    inbox.mkdir()
    write_control_named_copy(inbox)
    db = folder / "baocao.sqlite"
    proc = run_cli("run", str(inbox), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture(scope="module")
def served(control_named_db: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`baocao serve` on that database: its base URL and its process."""
    base, server = start_serve(control_named_db, _free_port())
    yield base, server
    server.send_signal(signal.SIGINT)
    try:
        server.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate()


def _get(url: str, method: str = "GET", timeout: float = 30) -> tuple[int, bytes]:
    """The status and body of one request (an HTTP error is an answer too)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method),
                                    timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _sql_url(base: str, sql: str) -> str:
    return f"{base}/baocao.json?" + urllib.parse.urlencode({"sql": sql})


def test_serve_bounds_a_python_function_in_time_and_memory(served) -> None:
    base, server = served
    hostile = _sql_url(base, "SELECT fold(hex(zeroblob(20000000)))")
    # 4 million characters: within what SQLite builds here, beyond what fold() takes
    too_long = _sql_url(base, "SELECT length(fold(hex(zeroblob(2000000))))")
    # 900,000 characters a row: SQLite checks the time limit only every few dozen calls
    row_by_row = _sql_url(base, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                "LIMIT 1000) SELECT max(length(fold(hex(zeroblob(450000)) || x))) "
                                "FROM c")
    started, memory = time.monotonic(), 0
    with ThreadPoolExecutor(6) as pool:
        bad = [pool.submit(_get, url, timeout=15)
               for url in (hostile, hostile, hostile, too_long, row_by_row)]
        normal = pool.submit(_get, f"{base}/baocao/figures.json", timeout=15)  # meanwhile
        while not all(f.done() for f in [*bad, normal]):
            memory = max(memory, tree_memory(server.pid))
            time.sleep(0.02)
        answers = [f.result() for f in bad]
    seconds = time.monotonic() - started

    assert seconds < 5, f"answered after {seconds:.1f} s"
    assert normal.result()[0] == 200
    for status, body in answers:
        assert status == 400, (status, body[:300])
        assert json.loads(body)["ok"] is False
    assert memory < 400 << 20, f"serve holds {memory >> 20} MiB"
    status, body = _get(_sql_url(base, "SELECT fold('Khó Khăn') AS f"))
    assert status == 200 and json.loads(body)["rows"] == [["kho khan"]]  # still folds


@pytest.mark.parametrize(("method", "path"), [
    ("HEAD", "/baocao/figures/-/insert"), ("OPTIONS", "/baocao/figures/-/insert"),
    ("GET", "/baocao/figures/-/insert"), ("GET", "/baocao/sections/1"),
    ("GET", "/baocao/sections/1.json")])
def test_serve_answers_a_wrong_address_404_not_500(served, method: str, path: str) -> None:
    base, _ = served
    assert _get(base + path, method)[0] == 404


def test_query_stops_at_its_time_limit_on_sqlite(control_named_db: Path) -> None:
    endless = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
               "SELECT count(*) FROM c")
    started = time.monotonic()
    proc = run_cli("query", endless, "--timeout", "1", "--db", str(control_named_db))
    assert time.monotonic() - started < 10
    assert proc.returncode == 2, proc.stderr
    assert "longer than 1 s" in proc.stderr, proc.stderr


def test_query_stops_at_its_time_limit_on_postgresql(filled_pg: str) -> None:
    started = time.monotonic()
    proc = run_cli("query", "SELECT pg_sleep(60)", "--timeout", "2", "--db", filled_pg)
    assert time.monotonic() - started < 15
    assert proc.returncode == 2, proc.stderr
    assert "longer than 2 s" in proc.stderr, proc.stderr


# Ways to end the other sessions on the test's database: plainly; in a VALUES list and a LIMIT
# (which EXPLAIN does not show); as SQL text run by query_to_xml(); inside a DO block.
OTHERS = "FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()"
ENDING_ANOTHER_SESSION = [
    f"SELECT pg_terminate_backend(pid) {OTHERS}",
    f"VALUES ((SELECT count(pg_terminate_backend(pid)) {OTHERS}))",
    f"SELECT 1 LIMIT (SELECT count(PG_CANCEL_BACKEND(pid)) {OTHERS})",
    f"SELECT query_to_xml('SELECT pg_' || 'terminate_backend(pid) {OTHERS}', true, false, '')",
    f"DO $$BEGIN EXECUTE 'SELECT pg_' || 'terminate_backend(pid) {OTHERS}'; END$$",
]


@pytest.mark.parametrize("sql", ENDING_ANOTHER_SESSION, ids=range(len(ENDING_ANOTHER_SESSION)))
def test_query_cannot_end_another_session(filled_pg: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(filled_pg, autocommit=True) as other:  # a `baocao run`, say
        proc = run_cli("query", sql, "--db", filled_pg)
        assert other.execute("SELECT count(*) FROM pages").fetchone() == (1,)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("baocao: error"), proc.stderr


def test_search_and_query_escape_control_characters(control_named_db: Path) -> None:
    db = str(control_named_db)
    found = run_cli("search", "san pham", "--db", db)
    listed = run_cli("query", "SELECT filename, 'x' AS other FROM documents", "--db", db)

    for proc in (found, listed):
        assert proc.returncode == 0, proc.stderr
        assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout, repr(proc.stdout)
        assert "\\x1b]0;owned\\x07" in proc.stdout, proc.stdout  # shown, escaped
    assert not [line for line in found.stdout.splitlines() if line.startswith("2. fake")]
    assert len(listed.stdout.splitlines()) == 2, listed.stdout  # the header and one row


BAD_CORRECTIONS = {  # file name: (its text, or None for a deep one; what the error says)
    "numbers.json": ("[1, 2, 3]", "expected a list of corrections"),
    "deep.json": (None, "nested too deeply"),
    "other.json": ('{"a": []}', "expected a list of corrections"),
    "empty.json": ('{"format": "baocao-corrections", "corrections": []}',
                   "no corrections found"),
    "listed.json": ('[{"doc_id": [1, 2], "target": "figure", "field": "value"}]',
                    "correction 1 has a list"),
    # CSV files written by hand: a figure by today's id alone, a cell by a word for its table,
    # a row that is a word (each once kept as a correction that never applies, or exit 70)
    "figure_id.csv": ("doc_id,target,field,new_value,figure_id\n"
                      f"{'0' * 64},figure,value,5,12\n", "(it needs page_no, char_start"),
    "table_word.csv": ("doc_id,target,field,new_value,table_id,row,col\n"
                       f"{'0' * 64},cell,text,5,x,1,1\n", "(it needs page_no, table_no, row, col)"),
    "row_word.csv": ("doc_id,target,field,new_value,page_no,table_no,row,col\n"
                     f"{'0' * 64},cell,text,5,1,0,x,1\n", "has a list, an object or a word"),
}


@pytest.mark.parametrize("name", BAD_CORRECTIONS)
def test_correct_from_a_file_of_the_wrong_form_is_refused(
    control_named_db: Path, tmp_path: Path, name: str
) -> None:
    text, why = BAD_CORRECTIONS[name]
    path = tmp_path / name
    if text is None:
        write_deep_json(path)
    else:
        path.write_text(text, encoding="utf-8")

    proc = run_cli("correct", "--from", str(path), "--db", str(control_named_db))

    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert why in proc.stderr and str(path) in proc.stderr, proc.stderr
    assert rows(control_named_db, "SELECT count(*) AS n FROM corrections")[0]["n"] == 0


# --- 9. one document never stops a batch; the database failing does, by its own code ------

DIGITAL = SAMPLES / "khuyencong_p62_p56_digital.pdf"  # 2 pages, text layer: no OCR


def run_log(proc: subprocess.CompletedProcess) -> str:
    """The run's log file, named on the terminal's last line ("details: …")."""
    [line] = [ln for ln in proc.stderr.splitlines() if ln.startswith("details: ")]
    return Path(line.removeprefix("details: ")).read_text(encoding="utf-8")


def test_a_grid_that_overlaps_itself_gives_each_box_one_cell(tmp_path: Path) -> None:
    from PIL import Image

    from baocao.extract.table_grid import find_tables

    with Image.open(write_overlapping_grid_png(tmp_path / "grid.png")) as page:
        [table] = find_tables(page)
    n_rows, n_cols = len(table.ys) - 1, len(table.xs) - 1
    places = [(c.row, c.col) for c in table.cells]
    assert len(places) == len(set(places)), places
    covered = [(r, c) for cell in table.cells for r in range(cell.row, cell.row + cell.row_span)
               for c in range(cell.col, cell.col + cell.col_span)]
    assert sorted(covered) == [(r, c) for r in range(n_rows) for c in range(n_cols)]


def test_a_table_that_overlaps_itself_is_read_and_the_batch_goes_on(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PDF, "b.pdf"), (DIGITAL, "c.pdf"))
    write_overlapping_grid_png(inbox / "a_grid.png")
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(inbox), "--db", str(db))

    assert proc.returncode == 0, proc.stderr
    assert {n: d["status"] for n, d in documents(db).items()} == dict.fromkeys(
        ["a_grid.png", "b.pdf", "c.pdf"], "ok")
    [cells] = rows(db, 'SELECT count(*) AS n, count(DISTINCT "row" || \':\' || col) AS d '
                       "FROM table_cells")
    assert cells["n"] == cells["d"] == 4


def test_a_document_whose_table_stage_raises_fails_alone(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (GOOD_PDF, "b.pdf"), (DIGITAL, "c.pdf"))
    write_overlapping_grid_png(inbox / "a_grid.png")  # the one with a printed table
    db = tmp_path / "db.sqlite"

    proc = run_with_fault("table-stage-raises", "--", "run", str(inbox), "--db", str(db))

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "internal error" not in proc.stderr
    docs = documents(db)
    assert {n: d["status"] for n, d in docs.items()} == {
        "a_grid.png": "failed", "b.pdf": "ok", "c.pdf": "ok"}
    assert "table stage broke" in docs["a_grid.png"]["error"], docs["a_grid.png"]["error"]
    failed_id = docs["a_grid.png"]["doc_id"]
    for table in ("pages", "passages", "tables", "table_cells"):  # nothing of it kept
        assert not rows(db, f"SELECT 1 FROM {table} WHERE doc_id = ?", failed_id), table
    assert "RuntimeError: the table stage broke" in run_log(proc)  # its traceback
    assert "documents: 3 (failed 1; ok 2)" in proc.stdout, proc.stdout


def test_a_document_whose_write_fails_is_recorded_and_the_next_is_stored(
    tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_overlapping_grid_png(inbox / "a_grid.png")  # its first cell given twice
    shutil.copy(DIGITAL, inbox / "b_next.pdf")
    db = tmp_path / "db.sqlite"

    proc = run_with_fault("duplicate-cell", "--", "run", str(inbox), "--db", str(db))

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "internal error" not in proc.stderr
    docs = documents(db)
    grid = docs["a_grid.png"]
    assert grid["status"] == "failed", grid
    assert "could not be written" in grid["error"] and "UNIQUE" in grid["error"], grid["error"]
    assert not rows(db, "SELECT 1 FROM pages WHERE doc_id = ?", grid["doc_id"])
    assert docs["b_next.pdf"]["status"] == "ok"
    assert rows(db, "SELECT count(*) AS n FROM pages")[0]["n"] == 2  # b_next's alone
    assert "IntegrityError" in run_log(proc)
    run = last_run(db)
    assert (run["files_ok"], run["files_failed"]) == (1, 1)


def test_a_full_disk_stops_the_run_with_its_own_exit_code(tmp_path: Path) -> None:
    import resource

    from baocao.errors import ExitCode

    db = tmp_path / "db.sqlite"
    assert run_cli("run", str(DIGITAL), "--db", str(db)).returncode == 0
    before = content(db)
    limit = db.stat().st_size  # no file may grow past it: the disk is full
    other = write_pages_reversed(tmp_path / "other.pdf", DIGITAL)

    def full_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "baocao", "run", str(other), "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True, timeout=300,
                          preexec_fn=full_disk)

    assert proc.returncode == ExitCode.database_failed, proc.stdout + proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    [line] = proc.stderr.strip().splitlines()  # SQLite: "disk I/O error" past the file limit
    assert line.startswith("baocao: error: the database failed ("), line
    assert_database_whole(db)
    assert content(db) == before  # what was written before is whole


def test_the_database_server_gone_mid_run_stops_it_with_its_own_exit_code(
    pg_url: str
) -> None:
    import psycopg

    from baocao import store
    from baocao.errors import ExitCode

    store.connect(pg_url).dispose()  # its tables made: the run starts straight on the files
    proc = start_cli("run", str(GOOD_PDF), "--db", pg_url, "--jobs", "1")
    try:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            deadline = time.monotonic() + 60
            while not admin.execute("SELECT count(*) FROM claims").fetchone()[0]:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "the run claimed no file within 60 s"
                time.sleep(0.02)
            # the first file is being read: the server ends the run's sessions
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        out, err = proc.communicate(timeout=120)
    finally:
        kill_group(proc)
    assert proc.returncode == ExitCode.database_failed, out + err
    assert "internal error" not in err and "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line.startswith("baocao: error: the database failed"), line


def test_a_file_rewritten_while_its_pages_are_read_is_read_again(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path, new = write_rewritten_pair(inbox)
    old = path.read_bytes()
    db = tmp_path / "db.sqlite"

    proc = run_with_fault("rewrite", REWRITTEN, str(new), "--", "run", str(inbox),
                          "--db", str(db), "--jobs", "2")

    assert path.read_bytes() == new.read_bytes(), "the fault did not rewrite the file"
    assert proc.returncode == 1, proc.stdout + proc.stderr
    doc = documents(db)[REWRITTEN]
    assert doc["status"] == "failed" and doc["retryable"] == 1, doc
    assert "changed while it was read" in doc["error"], doc["error"]
    assert not rows(db, "SELECT 1 FROM pages WHERE doc_id = ?", doc["doc_id"])  # no mixed page

    copy = tmp_path / "copy.pdf"  # a genuine copy of the file as it was
    copy.write_bytes(old)
    again = run_cli("run", str(copy), str(inbox), "--db", str(db))

    assert again.returncode == 0, again.stdout + again.stderr
    docs = documents(db)
    assert docs["copy.pdf"]["status"] == "ok"
    assert docs["copy.pdf"]["doc_id"] == hashlib.sha256(old).hexdigest()
    assert docs[REWRITTEN]["status"] == "ok"
    assert docs[REWRITTEN]["doc_id"] == hashlib.sha256(new.read_bytes()).hexdigest()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_copies_in_one_batch_are_told_as_copies_and_counted_once(
    tmp_path: Path, jobs: str
) -> None:
    inbox = inbox_with(tmp_path, (DIGITAL, "a.pdf"), (DIGITAL, "b_copy.pdf"),
                       (DIGITAL, "c_copy.pdf"))
    write_pages_reversed(inbox / "d_other.pdf", DIGITAL)
    db = tmp_path / "db.sqlite"

    proc = run_cli("run", str(inbox), "--db", str(db), "--jobs", jobs)

    assert proc.returncode == 0, proc.stderr
    assert len(documents(db)) == 2
    assert "documents: 2 (ok 2) (2 copies of a file earlier in this run, skipped)" \
        in proc.stdout, proc.stdout
    assert "another run" not in proc.stdout
    run = last_run(db)
    assert (run["files_seen"], run["files_ok"], run["files_skipped"]) == (4, 2, 2)
    log = Path(run["log_file"]).read_text(encoding="utf-8")
    assert f"{inbox / 'c_copy.pdf'}: the same bytes as {inbox / 'a.pdf'}" in log


def as_a_user() -> list[str]:
    """What runs a command without root's right to read every folder: nothing for a user;
    for root, setpriv without the capabilities that pass over a folder's mode (or a skip)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("root reads every folder, and setpriv is missing to run as if not root")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_an_unreadable_sub_folder_is_told(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, (DIGITAL, "a.pdf"))
    locked = inbox / "locked"
    locked.mkdir()
    shutil.copy(GOOD_PDF, locked / "b.pdf")
    db = tmp_path / "db.sqlite"
    locked.chmod(0)
    try:
        proc = subprocess.run([*as_a_user(), sys.executable, "-m", "baocao", "run", str(inbox),
                               "--db", str(db)], cwd=REPO, capture_output=True, text=True,
                              timeout=300)
    finally:
        locked.chmod(0o755)

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "folder not read:" in proc.stdout and str(locked) in proc.stdout, proc.stdout
    assert {n: d["status"] for n, d in documents(db).items()} == {"a.pdf": "ok"}
    log = Path(last_run(db)["log_file"]).read_text(encoding="utf-8")
    assert f"{locked}: folder cannot be read" in log


def test_a_worker_dead_before_the_next_document_is_submitted_is_replaced() -> None:
    from baocao.pipelines.workers import PageWorkers

    workers = PageWorkers(2)
    try:
        [first] = workers.submit(DIGITAL, 1)
        assert not workers.page(first).error
        [victim, *_] = [p for p in process_tree(os.getpid()) if p != os.getpid()]
        os.kill(victim, signal.SIGKILL)  # while the main process is busy elsewhere
        deadline = time.monotonic() + 30
        while Path(f"/proc/{victim}").exists():  # reaped once its pool knows it broke
            assert time.monotonic() < deadline, "the dead worker was not noticed"
            time.sleep(0.02)

        pages = [workers.page(task) for task in workers.submit(DIGITAL, 2)]
    finally:
        workers.shutdown(cancel=True)
    assert [(p.page_no, p.error) for p in pages] == [(1, None), (2, None)]
