"""Shared fixtures: the real CLI run once over samples/, into a real SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
GOLD = SAMPLES / "gold"
DEVSET = REPO.parent / "shared" / "devset"
REALDEV = REPO.parent / "shared" / "realdev"


def require_shared(folder: Path) -> None:
    """Tests on ../shared data skip where it is not beside the checkout, but fail in CI,
    which always has it: a missing set must not pass as green."""
    if folder.is_dir():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{folder} is missing: CI must run the tests on the shared data")
    pytest.skip(f"{folder} is not beside the checkout")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `baocao` as a user would, in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=REPO,
        timeout=900,
    )


def rows(db: Path, sql: str, *params) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory) -> Path:
    """`baocao run` once over the samples and samples/reports/ (real Tesseract, real SQLite);
    samples/degraded/ has its own fixture."""
    db = tmp_path_factory.mktemp("samples") / "baocao.sqlite"
    inputs = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in (".pdf", ".png")]
    proc = run_cli("run", *map(str, inputs), str(SAMPLES / "reports"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture(scope="session")
def realdev_db(tmp_path_factory) -> Path:
    """`baocao run` once over the real Quảng Ngãi documents of ../shared/realdev."""
    require_shared(REALDEV)
    db = tmp_path_factory.mktemp("realdev") / "baocao.sqlite"
    proc = run_cli("run", str(REALDEV / "docs"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture(scope="session")
def realdev_compared(realdev_db: Path) -> str:
    """What the set's own compare.py says of that run (figures, headings)."""
    return subprocess.run([sys.executable, str(REALDEV / "compare.py"), str(realdev_db)],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def degraded_db(tmp_path_factory) -> Path:
    """`baocao run samples/degraded/` once: the archive's hard cases (see make_degraded.py)."""
    db = tmp_path_factory.mktemp("degraded") / "baocao.sqlite"
    proc = run_cli("run", str(SAMPLES / "degraded"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


def pg_server() -> str:
    """The test PostgreSQL server's URL (`make test` starts one and sets BAOCAO_TEST_PG_URL);
    skips without one, but in CI a missing server is a failure."""
    server = os.environ.get("BAOCAO_TEST_PG_URL")
    if not server:
        if os.environ.get("CI"):
            pytest.fail("BAOCAO_TEST_PG_URL is not set: CI must run the PostgreSQL tests")
        pytest.skip("no PostgreSQL server: run the tests with `make test`")
    return server


def drop_database(server: str, name: str) -> None:
    """Drop a test database on the server, its sessions ended; a server process that holds it
    for a moment (autovacuum on the tables a test wrote) is waited for, not a failure."""
    import psycopg

    plain = server.replace("postgresql+psycopg://", "postgresql://")
    for attempt in range(10):
        try:
            with psycopg.connect(plain, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.Error:
            if attempt == 9:
                raise
            time.sleep(0.5)


def start_serve(db: Path, port: int) -> tuple[str, subprocess.Popen]:
    """`baocao serve` on a loopback port, once it answers: its base URL and its process."""
    proc = subprocess.Popen([sys.executable, "-m", "baocao", "serve", "--db", str(db),
                             "--port", str(port)], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=2)
            return base, proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"baocao serve did not start: {proc.communicate()[1]}")
            time.sleep(0.2)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server; dropped afterwards."""
    from sqlalchemy import create_engine, make_url, text

    server = pg_server()
    name = f"baocao_test_{uuid.uuid4().hex[:12]}"
    admin_url = make_url(server).set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False).replace(
            "postgresql+psycopg://", "postgresql://")
    finally:
        admin.dispose()
        drop_database(server, name)


CONTENT_TABLES = ("pages", "sections", "items", "figures", "words")


def content(db: Path | str) -> dict[str, list[tuple]]:
    """Every row of the content tables, in key order, read the way `baocao query` reads
    (SQLite file or PostgreSQL URL); missing values as None so tables compare equal."""
    from baocao import store

    tables = {}
    for table in CONTENT_TABLES:
        frame = store.query(db, f"SELECT * FROM {table} ORDER BY 1, 2, 3")
        frame = frame.astype(object).where(frame.notna(), None)
        tables[table] = [tuple(r) for r in frame.itertuples(index=False)]
    return tables


# Three one- or two-page scans and the born-digital sample: 6 pages, 18 figures.
FILES = ["bacninh_p62_scan.pdf", "bacgiang_p56_scan.png", "khuyencong_p62_p56_scan.pdf",
         "khuyencong_p62_p56_digital.pdf"]


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> tuple[Path, dict]:
    """FILES run once into SQLite, uninterrupted, pages one after the other: the tables
    every other way of running (parallel, interrupted, Dask, PostgreSQL) must give."""
    db = tmp_path_factory.mktemp("reference") / "db.sqlite"
    proc = run_cli("run", *[str(SAMPLES / f) for f in FILES], "--db", str(db), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    return db, content(db)


# A real browser for the pages baocao writes (Debian's chromium, driven by Playwright).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing: CI must run the browser tests")
        pytest.skip("no /usr/bin/chromium: install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
