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
from baocao.outputs.review_edit import big_change, in_scale, typed_value

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

    correct(db, TABLE_DOC.name, str(misread["figure_id"]), "--value", "588",  # triệu đồng
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


def test_typed_values_are_read_in_the_printed_scale() -> None:
    millions = {"value": 6420e6, "scale": "triệu đồng", "unit": "VND", "kind": "amount"}
    for typed in ("6.820", "6.820 triệu đồng", "6,82 tỷ đồng", "6.820 trđ", "6,82 tỷ"):
        assert typed_value(typed, millions, "amount", "VND") == 6_820_000_000, typed
    bare = {"value": 6.4e9, "scale": "tỷ", "unit": "VND", "kind": "amount"}  # "kinh phí 6,4 tỷ"
    assert typed_value("6.820", bare, "amount", "VND") == 6_820e9
    assert big_change(6.4e9, 6_820e9) and big_change(6.4e9, 6.4e7) and not big_change(6.4e9, 7e9)
    assert in_scale(6_820e9, "tỷ", "VND") == "6.820 tỷ"
    share = {"value": 52.8, "scale": None, "unit": "%", "kind": "percent"}
    assert typed_value("12,5", share, "percent", "%") == typed_value("12,5%", share, "percent",
                                                                     "%") == 12.5
    assert typed_value("7", {"value": 6, "scale": None, "unit": "cuộc", "kind": "count"},
                       "count", "cuộc") == 7
    assert typed_value("12,5", millions, "percent", "%") == 12.5  # its kind corrected too
    for typed, figure in (("12,5%", millions), ("12,5 triệu đồng", share),
                          ("5 triệu USD", millions)):
        with pytest.raises(Exception, match="write the number alone"):
            typed_value(typed, figure, figure["kind"], figure["unit"])


def test_values_are_corrected_in_the_printed_scale(tmp_path: Path) -> None:
    db = fresh_db(tmp_path)
    doc_id = one(db, "SELECT doc_id FROM documents WHERE filename = ?",
                 TABLE_DOC.name)["doc_id"]

    def figure(raw: str) -> dict:
        return one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = ?", doc_id, raw)

    millions, billions = figure("558 triệu đồng"), figure("1,3 tỷ đồng")
    assert (millions["scale"], billions["scale"]) == ("triệu đồng", "tỷ đồng")
    for typed in ("6.820", "6.820 triệu đồng", "6,82 tỷ đồng"):
        correct(db, TABLE_DOC.name, str(millions["figure_id"]), "--value", typed)
        assert figure(millions["raw"])["value"] == 6_820_000_000.0, typed

    # 6.820 on "1,3 tỷ đồng" is 6.820 tỷ đồng: 5.246 times the value, refused without --force
    refused = run_cli("correct", TABLE_DOC.name, str(billions["figure_id"]), "--value", "6.820",
                      "--db", str(db), env={"BAOCAO_LANG": "en"})
    assert refused.returncode == 2 and refused.stderr.strip() == (
        f"baocao: error: figure {billions['figure_id']}: 1,3 tỷ đồng → 6.820 tỷ đồng is a change "
        "of 100 times or more; if it is right, add --force")
    assert figure(billions["raw"])["value"] == 1.3e9
    correct(db, TABLE_DOC.name, str(billions["figure_id"]), "--value", "6.820", "--force")
    assert figure(billions["raw"])["value"] == 6_820e9

    # a share and a count as before; a unit of another kind is refused
    headings_doc = one(db, "SELECT doc_id FROM documents WHERE filename = ?",
                       HEADINGS_DOC.name)["doc_id"]
    share = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '52,8%'", headings_doc)
    count = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '6 cuộc'", headings_doc)
    correct(db, HEADINGS_DOC.name, str(share["figure_id"]), "--value", "12,5")
    correct(db, HEADINGS_DOC.name, str(count["figure_id"]), "--value", "7")
    values = {r["raw"]: r["value"] for r in rows(
        db, "SELECT raw, value FROM figures WHERE doc_id = ?", headings_doc)}
    assert (values["52,8%"], values["6 cuộc"]) == (12.5, 7)
    for target, typed, doc in ((share, "12,5 triệu đồng", HEADINGS_DOC.name),
                               (millions, "12,5%", TABLE_DOC.name)):
        proc = run_cli("correct", doc, str(target["figure_id"]), "--value", typed, "--db",
                       str(db), env={"BAOCAO_LANG": "en"})
        assert proc.returncode == 2 and f"--value {typed}: " in proc.stderr, proc.stderr
    # an amount that is a share after all: its new value is no amount in triệu đồng
    correct(db, TABLE_DOC.name, str(figure("85 triệu đồng")["figure_id"]), "--kind", "percent",
            "--unit", "%", "--value", "12,5")
    assert (figure("85 triệu đồng")["value"], figure("85 triệu đồng")["kind"]) == (12.5,
                                                                                 "percent")
    made = {(r["target_text"], r["new_value"]) for r in rows(db, "SELECT * FROM corrections")}
    assert made == {("558 triệu đồng", "6820000000"), ("1,3 tỷ đồng", "6820000000000"),
                    ("52,8%", "12.5"), ("6 cuộc", "7"), ("85 triệu đồng", "12.5"),
                    ("85 triệu đồng", "percent"), ("85 triệu đồng", "%")}  # none refused


def test_a_file_changing_a_value_100_times_needs_force(tmp_path: Path) -> None:
    db = fresh_db(tmp_path)
    doc_id = one(db, "SELECT doc_id FROM documents WHERE filename = ?",
                 TABLE_DOC.name)["doc_id"]
    found = {r["raw"]: dict(r) for r in rows(db, "SELECT * FROM figures WHERE doc_id = ?",
                                               doc_id)}

    def record(raw: str, new: str, **more) -> dict:
        f = found[raw]
        return {"doc_id": doc_id, "target": "figure", "page_no": f["page_no"],
                "char_start": f["char_start"], "char_end": f["char_end"], "target_text": raw,
                "field": "value", "new_value": new, "created_at": "2024-05-02T08:00:00.000Z",
                **more}

    file = tmp_path / "edits.json"
    file.write_text(json.dumps({"corrections": [
        record("558 triệu đồng", "588000000"),
        record("1,3 tỷ đồng", "1300000000000"),  # 1.300 tỷ đồng: typed in triệu đồng
        record("116 triệu đồng", "116000000000", force=True),  # confirmed on the page
    ]}), encoding="utf-8")
    proc = run_cli("correct", "--from", str(file), "--db", str(db), env={"BAOCAO_LANG": "en"})
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"baocao: error: {file}: correction 2, figure 1,3 tỷ đồng (p. 1): 1,3 tỷ đồng → 1.300 tỷ "
        "đồng is a change of 100 times or more; not applied (if it is right, apply the file "
        "with --force)")
    assert len(proc.stdout.splitlines()) == 2  # the others are applied

    def values() -> list[float]:
        return [one(db, "SELECT value FROM figures WHERE doc_id = ? AND raw = ?", doc_id,
                    raw)["value"] for raw in ("558 triệu đồng", "1,3 tỷ đồng", "116 triệu đồng")]

    assert values() == [588e6, 1.3e9, 116e9]
    forced = run_cli("correct", "--from", str(file), "--force", "--db", str(db),
                     env={"BAOCAO_LANG": "en"})
    assert forced.returncode == 0, forced.stderr
    assert "2 corrections were in the database already" in forced.stdout
    assert values() == [588e6, 1.3e12, 116e9]


def test_corrections_move_to_another_database(tmp_path: Path) -> None:
    first = fresh_db(tmp_path, "first.sqlite")
    doc_id = one(first, "SELECT doc_id FROM documents WHERE filename = ?",
                 TABLE_DOC.name)["doc_id"]
    figure = one(first, "SELECT * FROM figures WHERE doc_id = ? AND raw = '116 triệu đồng'",
                 doc_id)
    correct(first, TABLE_DOC.name, str(figure["figure_id"]), "--value", "161 triệu đồng")
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
         "--force", "--by", f"person {n}", "--db", db], cwd=REPO, text=True,
        stdout=subprocess.PIPE,
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
    # "6 UBND cấp huyện", a count; "1,3 tỷ đồng", so 2.000 in its scale is 2.000 tỷ đồng
    assert [tuple(r) for r in found] == [(ids[0], 1000, "person 1", "applied"),
                                         (ids[1], 2000e9, "person 2", "applied")]


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
    billions = one(db, "SELECT * FROM figures WHERE doc_id = ? AND raw = '1,3 tỷ đồng'", doc_id)
    cell = one(db, "SELECT * FROM table_cells WHERE doc_id = ? AND text = '346'", doc_id)
    page = tmp_path / "review.html"
    proc = run_cli("review", TABLE_DOC.name, "--db", str(db), "--out", str(page),
                   env={"BAOCAO_LANG": "en"})
    assert proc.returncode == 0, proc.stderr

    tab = browser.new_page(accept_downloads=True)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    asked: list[str] = []
    tab.on("dialog", lambda d: (asked.append(d.message), d.accept()))
    tab.goto(page.as_uri())
    # values in the scale they are printed in, the scale beside them
    value = tab.locator(f"#fig-{figure['figure_id']} .edit[data-field=value]")
    assert value.inner_text() == "116"
    assert tab.locator(f"#fig-{figure['figure_id']} .scale").inner_text() == "triệu đồng"
    value.fill("161")
    big = tab.locator(f"#fig-{billions['figure_id']} .edit[data-field=value]")
    assert big.inner_text() == "1,3"
    big.fill("1.300 tỷ đồng")  # its scale typed too; 1.000 times the value: asked, confirmed
    tab.locator(f"#cell-{cell['table_id']}-{cell['row']}-{cell['col']} .edit").fill("364")
    tab.locator(".facts .edit[data-field=doc_number]").fill("280/BC-SCT")
    tab.locator("#page-1 h2 input[data-field=checked]").check()
    tab.locator("#corrector").fill("Minh")
    assert tab.locator("#n-edits").inner_text() == "5"
    assert tab.locator(".edited").count() == 5
    with tab.expect_download() as download:
        tab.locator("#save-corrections").click()
    saved = tmp_path / "edits.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == f"{TABLE_DOC.stem}-corrections.json"
    assert errors == []
    assert asked == ["These values change 100 times or more (each in the scale printed beside "
                     "it). Save them all the same?\n1,3 → 1.300 tỷ đồng"]
    tab.close()
    made = json.loads(saved.read_text(encoding="utf-8"))["corrections"]
    # in full units in the file, as the database keeps them; the one confirmed says so
    assert {(c["target"], c["field"], c["new_value"], c["author"], c.get("force"))
            for c in made} == {
        ("figure", "value", "161000000", "Minh", None),
        ("figure", "value", "1300000000000", "Minh", True),
        ("cell", "text", "364", "Minh", None), ("document", "doc_number", "280/BC-SCT", "Minh",
                                                None), ("page", "checked", "1", "Minh", None)}
    assert {c["old_value"] for c in made if c["field"] == "value"} == {"116000000",
                                                                       "1300000000"}

    applied = run_cli("correct", "--from", str(saved), "--db", str(db))
    assert applied.returncode == 0, applied.stderr
    f = one(db, "SELECT * FROM figures WHERE doc_id = ? AND figure_id = ?", doc_id,
            figure["figure_id"])
    assert (f["value"], f["value_read"], f["corrected"]) == (161e6, figure["value"], 1)
    assert one(db, "SELECT value FROM figures WHERE doc_id = ? AND figure_id = ?", doc_id,
               billions["figure_id"])["value"] == 1.3e12
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
    assert row.locator(".edit[data-field=value]").inner_text() == "161"
    assert row.locator(".wasread").inner_text() == "read: 116 triệu đồng"
    assert tab.locator("#page-1 h2 input[data-field=checked]").is_checked()
    tab.close()
