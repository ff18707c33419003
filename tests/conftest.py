"""Shared fixtures: the real CLI run once over samples/, into a real SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
GOLD = SAMPLES / "gold"
DEVSET = REPO.parent / "shared" / "devset"


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
    """`baocao run samples/` once for the whole session (real Tesseract, real SQLite)."""
    db = tmp_path_factory.mktemp("samples") / "baocao.sqlite"
    proc = run_cli("run", str(SAMPLES), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db
