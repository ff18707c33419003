"""A missing Tesseract or missing Vietnamese data stops the run at start-up, naming the fix."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import SAMPLES, run_cli


def test_missing_tesseract_binary(tmp_path: Path) -> None:
    proc = run_cli("run", str(SAMPLES / "bacninh_p62_scan.pdf"), "--db",
                   str(tmp_path / "db.sqlite"), env={"PATH": str(tmp_path)})
    assert proc.returncode == 3
    assert "tesseract-ocr" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_vietnamese_data(tmp_path: Path) -> None:
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    tessdata = Path(langs.stdout.split('"')[1])  # 'List of available languages in "DIR/"'
    only_english = tmp_path / "tessdata"
    only_english.mkdir()
    (only_english / "eng.traineddata").symlink_to(tessdata / "eng.traineddata")
    proc = run_cli("run", str(SAMPLES / "bacninh_p62_scan.pdf"), "--db",
                   str(tmp_path / "db.sqlite"), env={"TESSDATA_PREFIX": str(only_english)})
    assert proc.returncode == 4
    assert "tesseract-ocr-vie" in proc.stderr
    assert not (tmp_path / "db.sqlite").exists()  # stopped before touching any file
