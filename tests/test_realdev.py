"""Real scanned Quảng Ngãi documents (../shared/realdev, gold made by hand): the figures a
reader finds, scored by the set's own compare.py on a real `baocao run`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, require_shared, run_cli

REALDEV = REPO.parent / "shared" / "realdev"


@pytest.fixture(scope="module")
def realdev_db(tmp_path_factory) -> Path:
    require_shared(REALDEV)
    db = tmp_path_factory.mktemp("realdev") / "baocao.sqlite"
    proc = run_cli("run", str(REALDEV / "docs"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


def test_figures_of_real_documents_meet_the_bar(realdev_db: Path) -> None:
    """Recall ≥ 0.90, precision ≥ 0.95 and not one wrong value (the issue's bar)."""
    out = subprocess.run([sys.executable, str(REALDEV / "compare.py"), str(realdev_db)],
                         capture_output=True, text=True, check=True).stdout
    scores = re.search(r"wrong value=(\d+).*\n\s*precision=([\d.]+)\s+recall=([\d.]+)", out)
    assert scores, out
    wrong, precision, recall = int(scores[1]), float(scores[2]), float(scores[3])
    assert wrong == 0, out
    assert precision >= 0.95, out
    assert recall >= 0.90, out
