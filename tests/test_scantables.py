"""Scanned tables laid out the other ways provinces print them (samples/scantables: real
yearbook and PCI figures, gold made with the pages): `baocao run` on all of them with the
real Tesseract, into a real SQLite file, scored cell by cell as bench/ scores them; then
what a reader of each layout needs to hold: the header that spans, the column-number row,
the empty "Ghi chú" column, the part on the next page without its header, the landscape
page stored turned."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES, rows, run_cli

SCANS = SAMPLES / "scantables"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scantables") / "baocao.sqlite"
    proc = run_cli("run", str(SCANS), "--db", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    return out


def _gold(stem: str) -> dict:
    return json.loads((SCANS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def _table(db: Path, stem: str, page: int = 1) -> tuple[dict, dict[tuple[int, int], dict]]:
    [table] = rows(db, "SELECT t.* FROM tables t JOIN documents d USING (doc_id) "
                       "WHERE d.filename = ? AND t.page_no = ?", f"{stem}.pdf", page)
    cells = rows(db, "SELECT * FROM table_cells WHERE doc_id = ? AND table_id = ?",
                 table["doc_id"], table["table_id"])
    return table, {(c["row"], c["col"]): c for c in cells}


GROUPS = {
    "tuned-on": lambda g: not g["held_out"],
    "held-out": lambda g: g["held_out"] and g["batch"] == 1,
    "second batch": lambda g: g["batch"] == 2,
}


def _score(db: Path, group: str, body: bool = False) -> dict[str, int]:
    sys.path.insert(0, str(REPO / "bench"))
    from bench_table_values import FIELDS, score

    conn = sqlite3.connect(db)
    total = dict.fromkeys(FIELDS, 0)
    for path in sorted((SCANS / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if GROUPS[group](gold):
            counts = score(conn, gold, body=body)
            total = {k: total[k] + counts[k] for k in FIELDS}
    conn.close()
    return total


@pytest.mark.parametrize("group", [
    "tuned-on", "held-out",
    pytest.param("second batch", marks=pytest.mark.xfail(strict=True, reason=(
        "issue 28 open: on the second batch, gathered after the changes and scored once, "
        "multi-level unruled headers are read in fewer rows than printed, and rows whose "
        "label wraps around their figures lose them"))),
])
def test_the_scanned_set_meets_the_bar(db: Path, group: str) -> None:
    """Each part of the set (the stage was tuned on one half; the other half was kept aside
    until then; a second batch came after): tables found ≥ 95 %, none invented, numeric
    cells exact at their row and column ≥ 95 %, and no wrong number stored unflagged."""
    total = _score(db, group)
    assert total["parts"] >= 6 and total["numeric"] >= 250, total
    assert total["found"] >= 0.95 * total["parts"] and total["invented"] == 0, total
    assert total["numeric_ok"] >= 0.95 * total["numeric"], total
    assert total["wrong"] == total["caught"], total


def test_the_second_batch_is_no_worse_than_when_first_scored(db: Path) -> None:
    """The second batch as this session leaves it: every part found, none invented, and its
    figures at their body row and column (the header's rows aside) 72 % of the time. It
    was first scored, unseen, at 16 % (strict); the changes since were made looking at it,
    so it is no longer a test of unseen pages: the bar is not to slip back."""
    total = _score(db, "second batch", body=True)
    assert total["found"] == total["parts"] and total["invented"] == 0, total
    assert total["numeric_ok"] >= 0.72 * total["numeric"], total


def test_a_heading_over_five_school_years_spans_them(db: Path) -> None:
    """Borderless header with a shade, one rule under it: "Năm học" over the five years is
    a header row of its own, the years under it; "Lớp" starts the body."""
    table, cells = _table(db, "t13_vinhphuc_lophoc_open_shaded_200dpi")
    assert table["n_header_rows"] == 2
    assert (cells[(0, 1)]["text"], cells[(0, 1)]["col_span"]) == ("Năm học", 5)
    years = ["2018-2019", "2019-2020", "2020-2021", "2021-2022", "2022-2023"]
    assert sum(cells[(1, c)]["text"] == year for c, year in enumerate(years, 1)) >= 4
    assert cells[(2, 0)]["text"] == "Lớp" and cells[(2, 0)]["role"] != "column_header"
    assert cells[(3, 2)]["value"] == 3572  # Tiểu học 2019-2020, as printed


def test_a_column_number_row_is_header_and_an_empty_notes_column_is_kept(db: Path) -> None:
    table, cells = _table(db, "t07_nghean_iip_ruled_colnumbers")
    gold = _gold("t07_nghean_iip_ruled_colnumbers")["tables"][0]
    assert table["n_cols"] == gold["n_cols"] == 7
    assert [cells[(1, c)]["text"] for c in range(7)] == [f"({k})" for k in range(1, 8)]
    assert all(cells[(1, c)]["role"] == "column_header" and cells[(1, c)]["value"] is None
               for c in range(7))
    assert cells[(0, 6)]["text"] == "Ghi chú"
    assert all(cells[(r, 6)]["text"] == "" for r in range(2, table["n_rows"]))
    assert not rows(db, "SELECT * FROM figures f JOIN documents d USING (doc_id) "
                        "WHERE d.filename = ? AND f.table_row = 1",
                    "t07_nghean_iip_ruled_colnumbers.pdf")


def test_a_part_on_the_next_page_without_its_header_continues_the_table(db: Path) -> None:
    first, _ = _table(db, "t11_quangngai_sinhchet_2pages_150dpi", 1)
    second, cells = _table(db, "t11_quangngai_sinhchet_2pages_150dpi", 2)
    assert second["continues_table_id"] == first["table_id"] and first["page_end"] == 2
    assert second["n_header_rows"] == 0 and second["caption"] == first["caption"]
    assert (cells[(0, 0)]["text"], cells[(0, 1)]["value"]) == ("Sơ bộ 2016", 14.52)


def test_a_landscape_page_stored_turned_is_read_upright_with_its_table(db: Path) -> None:
    stem = "t09_pci2021_p1_landscape_turned"
    [page] = rows(db, "SELECT p.* FROM pages p JOIN documents d USING (doc_id) "
                      "WHERE d.filename = ?", f"{stem}.pdf")
    assert page["rotation"] in (90, 270)
    table, cells = _table(db, stem)
    assert (table["n_rows"], table["n_cols"]) == (22, 6)
    assert (cells[(1, 0)]["text"], cells[(1, 1)]["value"]) == ("Quảng Ninh", 7.98)
    width, height = page["width"], page["height"]
    assert width > height  # the boxes are on the page as read: landscape
    assert all(0 <= c["box_left"] < c["box_right"] <= width
               and 0 <= c["box_top"] < c["box_bottom"] <= height for c in cells.values())


def test_a_slightly_askew_table_page_is_put_level_a_text_page_is_not(db: Path) -> None:
    """The yearbook page scanned 0.6° askew is read level (its rows lie level only so); a
    page of running text askew as much is left as scanned (its reading is not worse for
    it), as the figures of ../shared/wilddev showed."""
    [page] = rows(db, "SELECT p.* FROM pages p JOIN documents d USING (doc_id) "
                      "WHERE d.filename = ?", "t01_hungyen_danso_hrules_scan.pdf")
    assert page["skew"] == pytest.approx(-0.6) and "deskew -0.6°" in page["preprocessing"]
    text = SAMPLES / "bacninh_p62_scan.pdf"  # skew +0.4°, no table
    from baocao.extract.pdf import read_pdf_page

    assert read_pdf_page(text, 0).skew == 0.0
