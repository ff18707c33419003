"""Bad files in a folder of good ones: each recorded as failed with a reason, the rest kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from badfiles import make_bad_files
from conftest import SAMPLES, rows, run_cli


def test_bad_files_fail_alone_and_the_batch_goes_on(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = inbox / "bacninh_p62_scan.pdf"
    shutil.copy(SAMPLES / "bacninh_p62_scan.pdf", good)
    reasons = make_bad_files(inbox, good, SAMPLES / "bacgiang_p56_scan.png")
    (inbox / "notes.txt").write_text("ghi chú, không phải báo cáo", encoding="utf-8")
    db = tmp_path / "out" / "baocao.sqlite"

    proc = run_cli("run", str(inbox), "--db", str(db))

    assert proc.returncode == 1
    output = proc.stdout + proc.stderr
    assert f"{len(reasons)} of {len(reasons) + 1} files failed" in output
    assert "Traceback" not in output
    docs = {r["filename"]: r for r in rows(db, "SELECT * FROM documents")}
    assert set(docs) == {*reasons, good.name}  # notes.txt is not a document: not recorded
    for name, word in reasons.items():
        assert docs[name]["status"] == "failed", name
        assert word in docs[name]["error"].lower(), (name, docs[name]["error"])
        assert name in output
    assert docs[good.name]["status"] == "ok"
    figures = rows(db, "SELECT raw FROM figures JOIN documents USING (doc_id) WHERE filename = ?",
                   good.name)
    assert {f["raw"] for f in figures} == {"6 cuộc", "111 sản phẩm", "320 triệu đồng"}
    logs = list((db.parent / "logs").glob("run-*.log"))
    assert logs and "broken.png" in logs[0].read_text(encoding="utf-8")


def test_unsupported_file_named_alone(tmp_path: Path) -> None:
    doc = tmp_path / "bao_cao.docx"
    doc.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    db = tmp_path / "db.sqlite"
    proc = run_cli("run", str(doc), "--db", str(db))
    assert proc.returncode == 1
    assert "unsupported file type '.docx'" in proc.stderr
    [row] = rows(db, "SELECT status, error FROM documents")
    assert row["status"] == "failed"


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("run", str(tmp_path / "khong_co.pdf"), "--db", str(tmp_path / "x.sqlite"))
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr
    assert "Traceback" not in proc.stderr
