"""Real Quảng Ngãi acts (../shared/realdev, gold made by hand): every heading a reader sees
(block headings, run-in labels, title lines) and its kind, scored by the set's compare.py
on a real `baocao run`."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import REPO, require_shared, run_cli

REALDEV = REPO.parent / "shared" / "realdev"


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> str:
    require_shared(REALDEV)
    db = tmp_path_factory.mktemp("realdev_structure") / "baocao.sqlite"
    proc = run_cli("run", str(REALDEV / "docs"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return subprocess.run([sys.executable, str(REALDEV / "compare.py"), str(db)],
                          capture_output=True, text=True, check=True).stdout


def found(out: str, group: str) -> tuple[int, int]:
    match = re.search(rf"headings {group}: (\d+)/(\d+) found", out)
    assert match, out
    return int(match[1]), int(match[2])


def test_headings_of_real_acts_meet_the_bar(compared: str) -> None:
    """Reached: block 24/24, inline 47/47, titles 10/10, 0 extra, 79 of 81 kinds right.
    Asserted a little below, for OCR that shifts between Tesseract builds; the issue's bar is
    block ≥ 23/24, inline ≥ 43/47, titles ≥ 9/10, kinds ≥ 90 %, at most 2 extra."""
    assert found(compared, "block")[0] >= 23, compared
    assert found(compared, "inline")[0] >= 45, compared
    assert found(compared, "title")[0] >= 10, compared
    extra = re.search(r"matching no gold heading: (\d+)", compared)
    assert extra and int(extra[1]) <= 1, compared
    kinds = re.search(r"kind of found headings: same=(\d+) different=(\d+)", compared)
    assert kinds, compared
    same, different = int(kinds[1]), int(kinds[2])
    assert same / (same + different) >= 0.95, compared
