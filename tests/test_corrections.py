"""Corrections: a person's fixes to what baocao read, made on the command line or in the review
page (real Chromium), kept apart and applied again by `baocao run --force`, exported and moved
to another database, never lost when two people correct one document at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, SAMPLES, rows, run_cli

from baocao.outputs.correct import parse_number

TABLE_DOC = SAMPLES / "tables" / "g_khanhhoa_binhchon_ruled_digital.pdf"  # text and a table
HEADINGS_DOC = SAMPLES / "khuyencong_p62_p56_digital.pdf"  # headings
FILES = [str(TABLE_DOC), str(HEADINGS_DOC)]


def fresh_db(tmp_path: Path, name: str = "db.sqlite") -> Path:
    db = tmp_path / name
    proc = run_cli("run", *FILES, "--db", str(db), "--jobs", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    return db


def one(db: Path, sql: str, *params) -> dict:
    found = rows(db, sql, *params)
    assert len(found) == 1, (sql, params, found)
    return dict(found[0])


def correct(db: Path, *args: str) -> subprocess.CompletedProcess:
    proc = run_cli("correct", *args, "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return proc


def test_numbers_are_read_the_vietnamese_way() -> None:
    assert parse_number("8.699.280.000") == 8_699_280_000
    assert parse_number("8699280000") == 8_699_280_000
    assert parse_number("12,5") == 12.5
    assert parse_number("-0,4") == -0.4
    assert parse_number("8.699") == 8699  # a dot before three digits groups thousands
    with pytest.raises(Exception, match="not a number"):
        parse_number("tám")


def test_corrections_survive_a_forced_rerun(tmp_path: Path) -> None:
    db = fresh_db(tmp_path)
    doc = one(db, "SELECT * FROM documents WHERE filename = ?", TABLE_DOC.name)
    doc_id = doc["doc_id"]
    # a figure in the text, a table cell (and the figure read from it), a document field,
    # a figure that is none, a heading's kind, a page and a document checked
    misread = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '558 triệu đồng'",
                  doc_id)
    no_figure = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '85 triệu đồng'",
                    doc_id)
    cell = one(db, "SELECT * FROM table_cells WHERE doc_id = ? AND text = '192'", doc_id)
    cell_figure = one(db, "SELECT * FROM figures WHERE doc_id = ? AND table_id = ? AND "
                          "table_row = ? AND table_col = ?", doc_id, cell["table_id"],
                      cell["row"], cell["col"])
    heading = one(db, "SELECT s.* FROM sections s JOIN documents d USING (doc_id) WHERE "
                      "d.filename = ? AND s.heading LIKE '3.%'", HEADINGS_DOC.name)
    assert heading["kind"] != "recommendations"

    correct(db, TABLE_DOC.name, str(misread["figure_id"]), "--value", "588.000.000",
            "--note", "số 8 đọc thành 5", "--by", "Lan")
    place = f"{cell['table_id'] + 1}:{cell['row'] + 1}:{cell['col'] + 1}"
    shown = correct(db, TABLE_DOC.name, "--cell", place, "--text", "198", "--by", "Lan")
    assert "192 → 198" in shown.stdout
    correct(db, TABLE_DOC.name, "--field", "doc_number", "--value", "280/BC-SCT")
    correct(db, TABLE_DOC.name, str(no_figure["figure_id"]), "--not-a-figure")
    correct(db, TABLE_DOC.name, "--checked", "--page", "1")
    correct(db, TABLE_DOC.name, "--checked")
    correct(db, HEADINGS_DOC.name, "--section", str(heading["section_id"]), "--kind",
            "recommendations")
    # from another version's file: one figure moved in the text (found by its text on its
    # page), one no longer read at all
    moved = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '543 triệu đồng'", doc_id)
    gone = {"doc_id": doc_id, "target": "figure", "page_no": 1, "char_start": 5,
            "char_end": 20, "target_text": "999 triệu đồng", "field": "value",
            "new_value": "1"}
    shifted = gone | {"char_start": moved["char_start"] + 7, "char_end": moved["char_end"] + 7,
                      "target_text": moved["raw"], "new_value": "534000000"}
    file = tmp_path / "other.json"
    file.write_text(json.dumps({"corrections": [gone, shifted]}), encoding="utf-8")
    applied = run_cli("correct", "--from", str(file), "--db", str(db))
    assert applied.returncode == 0 and "target is not in the database" in applied.stderr

    def check() -> None:
        f = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = ?", doc_id, misread["raw"])
        assert (f["value"], f["value_read"], f["corrected"]) == (588e6, misread["value"], 1)
        assert f["value_low"] == f["value_high"] == 588e6
        c = one(db, 'SELECT * FROM table_cells WHERE doc_id = ? AND table_id = ? AND "row" = ? '
                    "AND col = ?", doc_id, cell["table_id"], cell["row"], cell["col"])
        assert (c["text"], c["value"], c["corrected"]) == ("198", 198, 1)
        assert (c["text_read"], c["value_read"]) == (cell["text"], cell["value"])
        g = one(db, "SELECT * FROM figures WHERE doc_id = ? AND figure_id = ?", doc_id,
                cell_figure["figure_id"])
        assert (g["value"], g["value_read"], g["corrected"]) == (198, cell_figure["value"], 1)
        n = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = ?", doc_id,
                no_figure["raw"])
        assert (n["kind"], n["value"], n["kind_read"], n["value_read"]) == (
            "not_a_figure", None, no_figure["kind"], no_figure["value"])
        m = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = ?", doc_id, moved["raw"])
        assert (m["value"], m["value_read"]) == (534e6, moved["value"])
        d = one(db, "SELECT * FROM documents WHERE doc_id = ?", doc_id)
        assert (d["doc_number"], d["corrected"], d["checked"]) == ("280/BC-SCT", 1, 1)
        assert one(db, "SELECT checked FROM pages WHERE doc_id = ? AND page_no = 1",
                   doc_id)["checked"] == 1
        s = one(db, "SELECT * FROM sections WHERE doc_id = ? AND section_id = ?",
                heading["doc_id"], heading["section_id"])
        assert (s["kind"], s["kind_read"], s["corrected"]) == (
            "recommendations", heading["kind"], 1)
        under = rows(db, "SELECT DISTINCT section_kind FROM passages WHERE doc_id = ? AND "
                         "section_id = ?", heading["doc_id"], heading["section_id"])
        assert [r["section_kind"] for r in under] == ["recommendations"]
        untouched = one(db, "SELECT count(*) AS n FROM figures WHERE doc_id = ? AND "
                            "corrected = 0", doc_id)["n"]
        assert untouched == doc["n_figures"] - 4
        status = {r["target_text"]: r["status"] for r in rows(
            db, "SELECT * FROM corrections WHERE target = 'figure'")}
        assert status == {misread["raw"]: "applied", no_figure["raw"]: "applied",
                          moved["raw"]: "applied", "999 triệu đồng": "missing"}
        old = one(db, "SELECT old_value FROM corrections WHERE field = 'doc_number'")
        assert old["old_value"] == doc["doc_number"]  # the machine's reading, kept

    check()
    again = run_cli("run", *FILES, "--db", str(db), "--force", "--no-progress",
                    env={"BAOCAO_LANG": "en"})
    assert again.returncode == 0, again.stderr
    assert "corrections: 9 applied again, 1 whose target is gone" in again.stdout
    check()

    listed = run_cli("corrections", TABLE_DOC.name, "--db", str(db), env={"BAOCAO_LANG": "en"})
    assert listed.returncode == 0, listed.stderr
    assert "figure 999 triệu đồng (p. 1): value — → 1 [target gone]" in listed.stdout
    assert "value 558000000 → 588000000 [applied], Lan: số 8 đọc thành 5" in listed.stdout
    assert listed.stdout.strip().endswith(
        "9 corrections: 8 applied, 1 whose target is gone (kept; 'baocao corrections FILE' "
        "lists them)")


def test_wrong_corrections_are_refused(tmp_path: Path) -> None:
    db = fresh_db(tmp_path)
    for args, message in [
        (["999", "--value", "1"], "no figure 999"),
        (["1", "--value", "tám"], "not a number"),
        (["1", "--kind", "money"], "kind money: choose among amount, percent, count"),
        (["--field", "colour", "--value", "x"], "cannot correct colour"),
        (["--field", "doc_date", "--value", "31/02/2024"], "doc_date: a date"),
        (["--cell", "1:9:9", "--text", "1"], "no cell 1:9:9"),
        ([], "nothing to correct"),
    ]:
        proc = run_cli("correct", TABLE_DOC.name, *args, "--db", str(db),
                       env={"BAOCAO_LANG": "en"})
        assert proc.returncode == 2 and message in proc.stderr, (args, proc.stderr)
    assert rows(db, "SELECT * FROM corrections") == []
    correct(db, TABLE_DOC.name, "--field", "doc_date", "--value", "15/12/2023")
    [dated] = rows(db, "SELECT doc_date, doc_date_precision FROM documents WHERE filename = ?",
                   TABLE_DOC.name)
    assert tuple(dated) == ("2023-12-15", "day")


def test_corrections_move_to_another_database(tmp_path: Path) -> None:
    first = fresh_db(tmp_path, "first.sqlite")
    doc_id = one(first, "SELECT doc_id FROM documents WHERE filename = ?",
                 TABLE_DOC.name)["doc_id"]
    figure = one(first, "SELECT * FROM figures WHERE doc_id = ? AND raw = '116 triệu đồng'",
                 doc_id)
    correct(first, TABLE_DOC.name, str(figure["figure_id"]), "--value", "161.000.000")
    correct(first, TABLE_DOC.name, "--field", "title", "--value", "Báo cáo bình chọn")
    for fmt in ("csv", "parquet"):
        proc = run_cli("export", "--db", str(first), "--format", fmt, "--out",
                       str(tmp_path / fmt))
        assert proc.returncode == 0, proc.stderr
    exported = pd.read_csv(tmp_path / "csv" / "corrections.csv", encoding="utf-8-sig")
    assert sorted(exported["field"]) == ["title", "value"]

    for fmt in ("csv", "parquet"):
        other = fresh_db(tmp_path, f"other-{fmt}.sqlite")
        moved = run_cli("correct", "--from", str(tmp_path / fmt / f"corrections.{fmt}"),
                        "--db", str(other))
        assert moved.returncode == 0, moved.stderr
        f = one(other, "SELECT * FROM figures WHERE doc_id = ? AND raw = ?", doc_id,
                figure["raw"])
        assert (f["value"], f["value_read"], f["corrected"]) == (161e6, figure["value"], 1)
        assert one(other, "SELECT title FROM documents WHERE doc_id = ?",
                   doc_id)["title"] == "Báo cáo bình chọn"
        twice = run_cli("correct", "--from", str(tmp_path / fmt / f"corrections.{fmt}"),
                        "--db", str(other), env={"BAOCAO_LANG": "en"})
        assert "2 corrections were in the database already" in twice.stdout
        assert len(rows(other, "SELECT * FROM corrections")) == 2


def correct_at_once(db: str, figures: list[int], doc: str = TABLE_DOC.name) -> None:
    """Two people correcting one document at the same moment, each their own figure."""
    people = [subprocess.Popen(
        [sys.executable, "-m", "baocao", "correct", doc, str(figure), "--value", str(n * 1000),
         "--by", f"person {n}", "--db", db], cwd=REPO, text=True, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE) for n, figure in enumerate(figures, 1)]
    for proc in people:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err


def test_two_people_correcting_at_once_keep_both(tmp_path: Path) -> None:
    db = fresh_db(tmp_path)
    ids = [r["figure_id"] for r in rows(
        db, "SELECT figure_id FROM figures f JOIN documents d USING (doc_id) WHERE "
            "d.filename = ? AND f.table_id IS NULL ORDER BY figure_id LIMIT 2", TABLE_DOC.name)]
    correct_at_once(str(db), ids)
    found = rows(db, "SELECT f.figure_id, f.value, c.author, c.status FROM corrections c "
                     "JOIN figures f ON f.doc_id = c.doc_id AND f.raw = c.target_text "
                     "ORDER BY f.figure_id")
    assert [tuple(r) for r in found] == [(ids[0], 1000, "person 1", "applied"),
                                         (ids[1], 2000, "person 2", "applied")]


def test_summary_shows_what_is_checked(tmp_path: Path) -> None:
    db = fresh_db(tmp_path)
    correct(db, HEADINGS_DOC.name, "--checked", "--page", "2")
    out = tmp_path / "summary.html"
    proc = run_cli("summary", "--db", str(db), "--out", str(out), env={"BAOCAO_LANG": "en"})
    assert proc.returncode == 0, proc.stderr
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    pages = one(db, "SELECT count(*) AS n FROM pages")["n"]
    assert f"| pages | 1 | {pages} |" in md and "| documents | 0 | 2 |" in md
    assert f"| {HEADINGS_DOC.name} |  | 2 | 1 | 1 | 0 |" in md


def test_review_page_edits_are_saved_and_applied(tmp_path: Path, browser) -> None:
    db = fresh_db(tmp_path)
    doc_id = one(db, "SELECT doc_id FROM documents WHERE filename = ?",
                 TABLE_DOC.name)["doc_id"]
    figure = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '116 triệu đồng'",
                 doc_id)
    cell = one(db, "SELECT * FROM table_cells WHERE doc_id = ? AND text = '346'", doc_id)
    page = tmp_path / "review.html"
    proc = run_cli("review", TABLE_DOC.name, "--db", str(db), "--out", str(page))
    assert proc.returncode == 0, proc.stderr

    tab = browser.new_page(accept_downloads=True)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(page.as_uri())
    value = tab.locator(f"#fig-{figure['figure_id']} .edit[data-field=value]")
    assert value.inner_text() == "116.000.000"
    value.fill("161.000.000")
    tab.locator(f"#cell-{cell['table_id']}-{cell['row']}-{cell['col']} .edit").fill("364")
    tab.locator(".facts .edit[data-field=doc_number]").fill("280/BC-SCT")
    tab.locator("#page-1 h2 input[data-field=checked]").check()
    tab.locator("#corrector").fill("Minh")
    assert tab.locator("#n-edits").inner_text() == "4"
    assert tab.locator(".edited").count() == 4
    with tab.expect_download() as download:
        tab.locator("#save-corrections").click()
    saved = tmp_path / "edits.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == f"{TABLE_DOC.stem}-corrections.json"
    assert errors == []
    tab.close()
    made = json.loads(saved.read_text(encoding="utf-8"))["corrections"]
    assert {(c["target"], c["field"], c["new_value"], c["author"]) for c in made} == {
        ("figure", "value", "161000000", "Minh"), ("cell", "text", "364", "Minh"),
        ("document", "doc_number", "280/BC-SCT", "Minh"), ("page", "checked", "1", "Minh")}

    applied = run_cli("correct", "--from", str(saved), "--db", str(db))
    assert applied.returncode == 0, applied.stderr
    f = one(db, "SELECT * FROM figures WHERE doc_id = ? AND figure_id = ?", doc_id,
            figure["figure_id"])
    assert (f["value"], f["value_read"], f["corrected"]) == (161e6, figure["value"], 1)
    c = one(db, 'SELECT * FROM table_cells WHERE doc_id = ? AND table_id = ? AND "row" = ? '
                "AND col = ?", doc_id, cell["table_id"], cell["row"], cell["col"])
    assert (c["text"], c["value"], c["text_read"]) == ("364", 364, "346")
    assert one(db, "SELECT doc_number FROM documents WHERE doc_id = ?",
               doc_id)["doc_number"] == "280/BC-SCT"
    assert one(db, "SELECT checked FROM pages WHERE doc_id = ? AND page_no = 1",
               doc_id)["checked"] == 1
    assert {r["author"] for r in rows(db, "SELECT author FROM corrections")} == {"Minh"}

    # the page made again shows the corrections, the machine's reading beneath
    proc = run_cli("review", TABLE_DOC.name, "--db", str(db), "--out", str(page),
                   env={"BAOCAO_LANG": "en"})
    assert proc.returncode == 0, proc.stderr
    tab = browser.new_page()
    tab.goto(page.as_uri())
    row = tab.locator(f"#fig-{figure['figure_id']}")
    assert row.locator(".edit[data-field=value]").inner_text() == "161.000.000"
    assert row.locator(".wasread").inner_text() == "read: 116.000.000"
    assert tab.locator("#page-1 h2 input[data-field=checked]").is_checked()
    tab.close()
