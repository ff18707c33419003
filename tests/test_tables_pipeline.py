"""Printed tables end to end: `baocao run` on the real Lâm Đồng letters with ruled tables in
their text layer (../shared/realtables, gold transcribed cell by cell) and on the born-digital
table sample, into a real SQLite file: the tables and cells stored, every numeric cell's
value as the gold reads it, the header rows, the part continued over a page break, the
`table_values` view, figures from cells, no table figures counted twice, the exports."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import REPO, SAMPLES, require_shared, rows, run_cli

REALTABLES = REPO.parent / "shared" / "realtables"
TEXT_LAYER = ("ld_pci_2025", "ld_chiso_2025")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    require_shared(REALTABLES)
    folder = tmp_path_factory.mktemp("tables")
    for stem in TEXT_LAYER:
        shutil.copy(REALTABLES / "docs" / f"{stem}.pdf", folder)
    shutil.copy(SAMPLES / "tables" / "g_khanhhoa_binhchon_ruled_digital.pdf", folder)
    out = folder / "baocao.sqlite"
    proc = run_cli("run", str(folder), "--db", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    return out


def _gold(stem: str) -> dict:
    return json.loads((REALTABLES / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", TEXT_LAYER)
def test_every_numeric_cell_is_stored_with_the_golds_value(db: Path, stem: str) -> None:
    gold = _gold(stem)
    tables = rows(db, "SELECT t.* FROM tables t JOIN documents d USING (doc_id) "
                      "WHERE d.filename = ? ORDER BY table_id", f"{stem}.pdf")
    assert [t["page_no"] for t in tables] == [t["page"] for t in gold["tables"]]
    for stored, expected in zip(tables, gold["tables"], strict=True):
        assert (stored["n_rows"], stored["n_cols"]) == (expected["n_rows"], expected["n_cols"])
        assert stored["n_header_rows"] == expected["n_header_rows"]
        assert stored["ruling"] == "full" and stored["source"] == "text"
        cells = {(c["row"], c["col"]): c for c in rows(
            db, 'SELECT * FROM table_cells WHERE doc_id = ? AND table_id = ?',
            stored["doc_id"], stored["table_id"])}
        for cell in expected["cells"]:
            got = cells[(cell["row"], cell["col"])]
            assert got["text"] == cell["text"]
            assert (got["row_span"], got["col_span"]) == (cell["row_span"], cell["col_span"])
            if cell["numeric"]:
                assert got["value"] == pytest.approx(cell["value"]), cell


def test_a_table_over_a_page_break_is_linked_to_its_first_part(db: Path) -> None:
    """ld_pci's table of PCI component scores runs from page 1 to page 2, its header
    repeated on page 2."""
    parts = rows(db, "SELECT t.* FROM tables t JOIN documents d USING (doc_id) "
                     "WHERE d.filename = 'ld_pci_2025.pdf' ORDER BY table_id")
    assert parts[0]["continues_table_id"] is None and parts[0]["page_end"] == 2
    assert parts[1]["continues_table_id"] == parts[0]["table_id"]


def test_table_values_name_each_number_by_its_headers(db: Path) -> None:
    """Page 1 of ld_pci: Lâm Đồng's score for "Chi phí gia nhập thị trường" is 6,74 and its
    rank 58; Bình Thuận's rank is 2."""
    found = rows(db, "SELECT v.* FROM table_values v WHERE v.filename = 'ld_pci_2025.pdf' "
                     "AND v.row_path = 'Chi phí gia nhập thị trường'")
    by_column = {v["column_path"]: v["value"] for v in found}
    assert by_column["Lâm Đồng > Điểm số"] == 6.74
    assert by_column["Lâm Đồng > Thứ hạng"] == 58
    assert by_column["Bình Thuận > Thứ hạng"] == 2
    assert all(v["province"] == "Lâm Đồng" for v in found)


def test_counts_in_cells_become_figures_once(db: Path) -> None:
    """The sample's Biểu 01 counts sản phẩm under "Số sản phẩm > Đăng ký": 346 at Cấp
    huyện (gold), a figure tied to its cell; the table's numbers are not also read again
    as figures of the page text."""
    gold = json.loads((SAMPLES / "tables" / "gold" / "g_khanhhoa_binhchon_ruled_digital.json")
                      .read_text(encoding="utf-8"))
    cell = next(c for c in gold["tables"][0]["cells"] if c["text"] == "346")
    figures = rows(db, "SELECT f.* FROM figures f JOIN documents d USING (doc_id) "
                       "WHERE d.filename = 'g_khanhhoa_binhchon_ruled_digital.pdf'")
    in_cell = [f for f in figures if f["table_row"] == cell["row"]
               and f["table_col"] == cell["col"]]
    assert len(in_cell) == 1
    assert (in_cell[0]["kind"], in_cell[0]["value"], in_cell[0]["unit"]) == (
        "count", 346.0, "sản phẩm")
    assert in_cell[0]["subject"] == "Cấp huyện" and in_cell[0]["char_start"] is None
    assert [f for f in figures if f["raw"] == "346"] == in_cell
    page = rows(db, "SELECT p.text FROM pages p JOIN documents d USING (doc_id) WHERE "
                    "d.filename = 'g_khanhhoa_binhchon_ruled_digital.pdf'")[0]["text"]
    assert "346" not in page


def test_scores_without_a_unit_stay_cells(db: Path) -> None:
    """PCI scores and ranks name no money, share or count: cells, not figures."""
    figures = rows(db, "SELECT f.* FROM figures f JOIN documents d USING (doc_id) "
                       "WHERE d.filename = 'ld_pci_2025.pdf' AND f.table_id IS NOT NULL")
    assert figures == []


def test_each_printed_table_exports_with_its_headers(db: Path, tmp_path: Path) -> None:
    proc = run_cli("export", "--db", str(db), "--format", "csv", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    score = pd.read_csv(tmp_path / "printed_tables" / "ld_pci_2025_T1.csv", dtype=str)
    # both parts in one piece: 2 + 9 body rows; headers joined from the merged cells
    assert len(score) == 11
    assert "Lâm Đồng – Điểm số" in score.columns
    assert score.loc[0, "Lâm Đồng – Điểm số"] == "6,74"
    proc = run_cli("export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    book = openpyxl.load_workbook(tmp_path / "printed_tables.xlsx", read_only=True)
    assert "ld_pci_2025_T1" in book.sheetnames


def test_pages_without_tables_get_none(db: Path) -> None:
    conn = sqlite3.connect(db)
    pages = {(f, p) for f, p in conn.execute(
        "SELECT d.filename, t.page_no FROM tables t JOIN documents d USING (doc_id)")}
    conn.close()
    expected = {(f"{stem}.pdf", t["page"]) for stem in TEXT_LAYER
                for t in _gold(stem)["tables"]}
    expected.add(("g_khanhhoa_binhchon_ruled_digital.pdf", 1))
    assert pages == expected


@pytest.mark.parametrize("fixture", ["samples_db", "degraded_db", "realdev_db"])
def test_documents_without_printed_tables_get_no_table(fixture: str, request) -> None:
    """The report samples, the degraded scans and the eight real Quảng Ngãi acts hold no
    printed table: none may be found (they share the runs other tests make)."""
    db = request.getfixturevalue(fixture)
    assert rows(db, "SELECT doc_id, page_no FROM tables") == []
    assert rows(db, "SELECT figure_id FROM figures WHERE table_id IS NOT NULL") == []


@pytest.fixture(scope="module")
def samples_tables_db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample_tables") / "baocao.sqlite"
    proc = run_cli("run", str(SAMPLES / "tables"), "--db", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    return out


def test_table_samples_meet_the_bar(samples_tables_db: Path) -> None:
    """The issue's bar on the table samples (gold made with the pages): every table found,
    none invented; numeric cells exact at their row and column ≥ 95 % on the scans and
    ≥ 99 % born-digital; ≥ 90 % of all cells' text exact. Scored as bench/ scores it."""
    sys.path.insert(0, str(REPO / "bench"))
    from bench_table_values import FIELDS, score

    conn = sqlite3.connect(samples_tables_db)
    totals = {kind: dict.fromkeys(FIELDS, 0) for kind in ("scan", "digital")}
    for path in sorted((SAMPLES / "tables" / "gold").glob("*.json")):
        counts = score(conn, json.loads(path.read_text(encoding="utf-8")))
        kind = "digital" if "digital" in path.stem else "scan"
        totals[kind] = {k: totals[kind][k] + counts[k] for k in FIELDS}
    conn.close()
    for kind, t in totals.items():
        assert t["found"] == t["parts"] and t["invented"] == 0, (kind, t)
        assert t["cells_ok"] >= 0.90 * t["cells"], (kind, t)
        assert t["wrong"] == t["caught"], (kind, t)  # a wrong number is flagged or doubted
    assert totals["scan"]["numeric_ok"] >= 0.95 * totals["scan"]["numeric"], totals
    assert totals["digital"]["numeric_ok"] == totals["digital"]["numeric"], totals


def test_tables_that_add_up_raise_no_check(samples_tables_db: Path) -> None:
    """The samples' totals, parts and ratios agree as printed (their sources' arithmetic):
    a check that fires on them would be a false alarm."""
    assert rows(samples_tables_db, "SELECT * FROM table_cells WHERE flags LIKE '%total%' "
                                   "OR flags LIKE '%part_over%' OR flags LIKE '%ratio%'") == []


def test_a_unit_line_naming_a_rank_out_of_63_scales_no_cell(samples_tables_db: Path) -> None:
    """The PCI sample's unit line "Đơn vị tính: điểm; thứ hạng trên 63 tỉnh, thành phố"
    names scores and ranks out of 63, no unit: its cells keep the values printed (Lâm Đồng
    ranks 58th for "Chi phí gia nhập thị trường", gold) and none becomes a figure (rank 58
    was once stored as 304,5 tỉnh)."""
    name = "e_pci2024_landscape_scan.pdf"
    [table] = rows(samples_tables_db, "SELECT t.* FROM tables t JOIN documents d USING "
                                      "(doc_id) WHERE d.filename = ?", name)
    assert table["unit"] == "điểm; thứ hạng trên 63 tỉnh, thành phố"
    assert rows(samples_tables_db, "SELECT f.* FROM figures f JOIN documents d USING "
                                   "(doc_id) WHERE d.filename = ? AND f.table_id IS NOT NULL",
                name) == []
    gold = json.loads((SAMPLES / "tables" / "gold" / "e_pci2024_landscape_scan.json")
                      .read_text(encoding="utf-8"))
    ranks = {(c["row"], c["col"]): c["value"] for c in gold["tables"][0]["cells"]
             if c["numeric"] and c["col"] in (3, 5, 7)}
    assert ranks[(2, 3)] == 58 and len(ranks) == 33
    stored = {(c["row"], c["col"]): c["value"] for c in rows(
        samples_tables_db, "SELECT * FROM table_cells WHERE doc_id = ? AND table_id = ?",
        table["doc_id"], table["table_id"])}
    assert stored[(2, 3)] == 58
    assert sum(stored.get(at) == value for at, value in ranks.items()) >= 31  # OCR: 95 %


def test_review_page_draws_each_table_cell_on_the_scan(samples_tables_db: Path, browser,
                                                       tmp_path: Path) -> None:
    """The landscape PCI sample in a real browser: each cell of its table framed on the
    page image, inside the image, and the table listed in its printed grid with the values
    read; the gold's cell text is there. Its scores and ranks are no figures: the flags
    to check are on the cells OCR doubted, each named and linked as its cell."""
    from test_review import keep, open_page

    name = "e_pci2024_landscape_scan.pdf"
    out = tmp_path / "review.html"
    proc = run_cli("review", name, "--db", str(samples_tables_db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    [doc] = rows(samples_tables_db, "SELECT * FROM documents WHERE filename = ?", name)
    cells = rows(samples_tables_db, "SELECT * FROM table_cells WHERE doc_id = ?", doc["doc_id"])
    tab, seen = open_page(browser, out)
    assert seen["errors"] == []
    assert tab.locator(".cellbox").count() == len(cells) > 0
    assert tab.locator("table.grid td, table.grid th").count() == len(cells)
    image = tab.locator("#page-1 .scan img").bounding_box()
    for box in tab.locator(".cellbox").all()[:20]:
        shown = box.bounding_box()
        assert image["x"] <= shown["x"] and shown["x"] + shown["width"] <= image["x"] + (
            image["width"] + 1)
        assert image["y"] <= shown["y"] and shown["y"] + shown["height"] <= image["y"] + (
            image["height"] + 1)
    gold = json.loads((SAMPLES / "tables" / "gold" / "e_pci2024_landscape_scan.json")
                      .read_text(encoding="utf-8"))
    grid = tab.locator("table.grid").inner_text()
    assert sum(c["text"] in grid for c in gold["tables"][0]["cells"] if c["numeric"]) >= 60
    flags = rows(samples_tables_db, "SELECT * FROM flags WHERE doc_id = ?", doc["doc_id"])
    numeric = {(c["row"], c["col"]) for c in gold["tables"][0]["cells"] if c["numeric"]}
    assert flags and all(f["figure_id"] is None and (f["row"], f["col"]) in numeric
                         for f in flags)
    _flags_link_to_their_places(tab, len(flags))
    keep(tab, "#page-1", tmp_path, "review-table")
    tab.close()


def _flags_link_to_their_places(tab, n_flags: int) -> None:
    """Each flag in the list to check names its cell or figure in whole numbers and leads
    to it (a document with flags of both kinds once gave "table 1.0, cell 4.0:2.0", a dead
    link)."""
    links = tab.locator(".flags li a").all()
    assert len(links) == n_flags
    for link in links:
        assert re.fullmatch(r"figure \d+|table \d+, cell \d+:\d+", link.inner_text())
        target = link.get_attribute("href")[1:]
        assert tab.evaluate("id => document.getElementById(id) !== null", target), target


# A real scanned Bình Thuận financial report (realtables) whose flags are of both kinds:
# figures its table cells gave that OCR doubted, and cells OCR doubted that give no figure.
BOTH_FLAGS = "bt_hhdn_bctc"


@pytest.fixture(scope="module")
def both_flags_db(tmp_path_factory) -> Path:
    require_shared(REALTABLES)
    out = tmp_path_factory.mktemp("both_flags") / "baocao.sqlite"
    proc = run_cli("run", str(REALTABLES / "docs" / f"{BOTH_FLAGS}.pdf"), "--db", str(out),
                   "--no-progress")
    assert proc.returncode == 0, proc.stderr
    return out


def test_review_page_links_flags_of_both_kinds_in_whole_numbers(both_flags_db: Path, browser,
                                                                 tmp_path: Path) -> None:
    """A document flagged on figures and on table cells alike: each flag's link names its
    figure or cell in whole numbers and leads to it. Its flagged figures are values its
    tables print (the gold's cells)."""
    from test_review import open_page

    out = tmp_path / "review.html"
    proc = run_cli("review", f"{BOTH_FLAGS}.pdf", "--db", str(both_flags_db), "--out",
                   str(out))
    assert proc.returncode == 0, proc.stderr
    flags = rows(both_flags_db, "SELECT * FROM flags")
    assert {f["figure_id"] is None for f in flags} == {True, False}
    assert all(f["table_id"] is not None for f in flags if f["figure_id"] is None)
    printed = {(t["page"], c["row"], c["col"]): c["value"] for t in _gold(BOTH_FLAGS)["tables"]
               for c in t["cells"] if c["numeric"]}
    flagged = rows(both_flags_db, "SELECT f.* FROM figures f JOIN flags USING (doc_id, "
                                  "figure_id)")
    assert flagged and all(
        printed.get((f["page_no"], f["table_row"], f["table_col"])) == f["value"]
        for f in flagged)
    tab, seen = open_page(browser, out)
    assert seen["errors"] == []
    _flags_link_to_their_places(tab, len(flags))
    tab.close()


# What a cell's figure is, with the headers it stands under, for every figure read from a
# printed table: the document, the table's page, the cell, the figure, the header paths.
CELL_FIGURES = (
    "SELECT d.filename, t.page_no, f.table_row, f.table_col, f.kind, f.value, f.unit, "
    "f.unit_repaired, c.column_path, c.row_path FROM figures f "
    "JOIN documents d USING (doc_id) JOIN tables t ON t.doc_id = f.doc_id "
    "AND t.table_id = f.table_id JOIN table_cells c ON c.doc_id = f.doc_id "
    'AND c.table_id = f.table_id AND c."row" = f.table_row AND c.col = f.table_col')
# Header levels that say what their numbers are: a count of things ("Số chương trình, đề
# án", not "Số tiền"), a share ("So với dự toán (%)"), a rank or an ordinal ("Thứ hạng").
COUNT_LEVEL = re.compile(r"^S[ốô] (?!tiền)", re.IGNORECASE)
RANK_LEVEL = re.compile(r"^(?:Thứ hạng|Xếp hạng|Hạng|S?TT|Số TT|Thứ tự)$", re.IGNORECASE)


@pytest.mark.parametrize("fixture", ["db", "samples_tables_db", "both_flags_db"])
def test_count_share_and_rank_columns_hold_no_money(fixture: str, request) -> None:
    """Every figure read from the table samples and the real tables (the Lâm Đồng letters'
    PCI scores and ranks, the Bình Thuận financial report): none under a "Số …" column is
    money (b_binhdinh's 13 programmes were once 13 triệu đồng under its unit line), every
    one under a "%" column is a share (f_bacninh's "So với dự toán (%)" was once tỷ đồng),
    and none stands in a rank column, which do hold numbers."""
    db = request.getfixturevalue(fixture)
    figures = rows(db, CELL_FIGURES)
    assert figures
    for f in figures:
        levels = f["column_path"].split(" > ")
        if any(COUNT_LEVEL.match(level) for level in levels):
            assert f["kind"] != "amount", dict(f)
        if "%" in f["column_path"]:
            assert f["kind"] == "percent", dict(f)
        assert not any(RANK_LEVEL.match(level) for level in levels), dict(f)
    if fixture != "both_flags_db":
        ranks = rows(db, "SELECT * FROM table_cells WHERE value IS NOT NULL AND "
                         "column_path LIKE '%Thứ hạng%'")
        assert len(ranks) >= 30


def test_cells_become_the_figures_printed_on_the_page(samples_tables_db: Path,
                                                      both_flags_db: Path) -> None:
    """Values, kinds and units read off the pages (the samples' and realtables' gold):
    b_binhdinh's 13 and 20 programmes ("Số chương trình, đề án") beside 2.520 triệu đồng;
    f_bacninh's 26.497 tỷ đồng at 83,77 % of the estimate; Lào Cai's 12.259 tỷ đồng at
    134 % of the central estimate; Bình Thuận's total of 2.039.792.989 đồng ("Số tiền",
    unit line "đồng"), and the association's income of 2,096,584,751 đồng under "Số tiền
    (đồng)" as OCR reads it, "(đông)"; its page 4 says "Số tiền" with no unit anywhere:
    money of no known scale, no figure (once counts of "tiền")."""
    found = {(f["filename"][:2], f["page_no"], f["table_row"], f["table_col"]):
             (f["kind"], f["value"], f["unit"]) for f in rows(samples_tables_db, CELL_FIGURES)}
    assert found[("b_", 1, 1, 2)] == ("count", 13, "chương trình")
    assert found[("b_", 1, 5, 2)] == ("count", 20, "chương trình")
    assert found[("b_", 1, 5, 3)] == ("amount", 2_520_000_000, "VND")
    assert found[("f_", 1, 1, 2)] == ("amount", 26_497e9, "VND")
    assert found[("f_", 1, 1, 3)] == ("percent", 83.77, "%")
    assert found[("a_", 1, 7, 2)] == ("amount", 12_259e9, "VND")
    assert found[("a_", 1, 7, 3)] == ("percent", 134, "%")
    assert found[("d_", 2, 11, 2)] == ("amount", 2_039_792_989, "VND")
    assert found[("g_", 1, 2, 4)] == ("count", 346, "sản phẩm")
    assert not [at for at in found if at[0] == "g_" and at[3] == 2]  # "Số kỳ bình chọn"
    real = rows(both_flags_db, CELL_FIGURES)
    total = next(f for f in real if (f["page_no"], f["table_row"]) == (1, 2))
    assert (total["kind"], total["value"], total["unit"], total["unit_repaired"]) == (
        "amount", 2_096_584_751, "VND", 1)
    assert total["column_path"] == "Số tiền (đông)"
    assert {f["kind"] for f in real} == {"amount"}
    assert not [f for f in real if f["page_no"] == 4]
