"""Printed tables found and read: ruled tables of a text layer and of a scan, checked
against the hand-made realtables gold, and no table on running-text pages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import require_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.datamodel import Box, Word
from baocao.extract.pdf import read_pdf_page, render
from baocao.extract.prepare import prepare
from baocao.extract.scan import read_scan
from baocao.extract.table_aligned import aligned_tables
from baocao.extract.table_grid import GridCell, find_tables, may_hold_tables
from baocao.extract.table_grid import _cells as grid_cells
from baocao.extract.table_ocr import _cell as table_ocr_cell
from baocao.extract.table_ocr import read_table
from baocao.extract.table_text import text_tables

REALTABLES = Path(__file__).resolve().parents[1].parent / "shared" / "realtables"


def _gold(stem: str, page: int) -> dict:
    require_shared(REALTABLES)
    gold = json.loads((REALTABLES / "gold" / f"{stem}.json").read_text())
    return next(t for t in gold["tables"] if t["page"] == page)


def _cells(grid) -> dict:
    return {(c.row, c.col): c for c in grid.cells}


def test_text_layer_table_has_the_gold_grid_values_and_spans() -> None:
    gold = _gold("ld_pci_2025", 1)
    page = read_pdf_page(REALTABLES / "docs" / "ld_pci_2025.pdf", 0)
    assert page.source == "text" and len(page.tables) == 1
    grid = page.tables[0]
    assert (grid.n_rows, grid.n_cols) == (gold["n_rows"], gold["n_cols"])
    got = _cells(grid)
    value = next(c for c in gold["cells"] if c["text"] == "6,74")
    assert got[value["row"], value["col"]].text == "6,74"
    merged = next(c for c in gold["cells"] if c["col_span"] > 1)
    cell = got[merged["row"], merged["col"]]
    assert (cell.text, cell.row_span, cell.col_span) == (
        merged["text"], merged["row_span"], merged["col_span"])
    for c in gold["cells"]:
        assert got[c["row"], c["col"]].text == c["text"]


def test_shaded_header_cells_do_not_split_the_grid() -> None:
    gold = _gold("ld_chiso_2025", 1)
    with pdfplumber.open(REALTABLES / "docs" / "ld_chiso_2025.pdf") as pdf:
        tables = text_tables(pdf.pages[0])
        assert text_tables(pdf.pages[2]) == []  # running text
    assert len(tables) == 1
    got = _cells(tables[0])
    assert all(got[c["row"], c["col"]].text == c["text"] for c in gold["cells"])


@pytest.fixture(scope="module")
def scanned_pages() -> dict:
    require_shared(REALTABLES)
    pdf = pdfium.PdfDocument(str(REALTABLES / "docs" / "bt_hhdn_bctc.pdf"))
    matuy = pdfium.PdfDocument(str(REALTABLES / "docs" / "ld_matuy_2025.pdf"))
    try:
        return {"bt1": prepare(render(pdf, 0), 300).image,
                "matuy1": prepare(render(matuy, 0), 300).image}
    finally:
        pdf.close()
        matuy.close()


def test_scanned_table_cells_read_one_by_one(scanned_pages: dict) -> None:
    gold = _gold("bt_hhdn_bctc", 1)
    found = find_tables(scanned_pages["bt1"])
    assert len(found) == 1
    grid = read_table(scanned_pages["bt1"], found[0])
    assert (grid.n_rows, grid.n_cols) == (gold["n_rows"], gold["n_cols"])
    assert grid.source == "ocr"
    got = _cells(grid)
    numeric = [c for c in gold["cells"] if c["numeric"]]
    right = [c for c in numeric if got[c["row"], c["col"]].text == c["text"]]
    assert len(right) >= 0.8 * len(numeric)
    total = next(c for c in gold["cells"] if c["text"] == "2,096,584,751")
    assert got[total["row"], total["col"]].text == "2,096,584,751"
    assert got[total["row"], total["col"]].confidence is not None


def test_no_table_on_a_running_text_scan(scanned_pages: dict) -> None:
    assert find_tables(scanned_pages["matuy1"]) == []


SAMPLE_TABLES = Path(__file__).resolve().parents[1] / "samples" / "tables"


def _sample(stem: str) -> tuple[Path, dict]:
    gold = json.loads((SAMPLE_TABLES / "gold" / f"{stem}.json").read_text())
    return SAMPLE_TABLES / f"{stem}.pdf", gold["tables"][0]


def _scan_page(path: Path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return render(pdf, 0)
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def hrule_page():
    """Sample b read by the pipeline: a table ruled with horizontal lines only."""
    path, gold = _sample("b_binhdinh_khuyencong_hrules_scan")
    return read_scan(_scan_page(path), 1, 300), gold


def test_horizontally_ruled_scan_table_has_the_gold_grid(hrule_page) -> None:
    page, gold = hrule_page
    assert len(page.tables) == 1
    grid = page.tables[0]
    assert (grid.ruling, grid.n_rows, grid.n_cols) == ("horizontal", gold["n_rows"],
                                                       gold["n_cols"])
    got = _cells(grid)
    numeric = [c for c in gold["cells"] if c["numeric"]]
    right = [c for c in numeric if got[c["row"], c["col"]].text == c["text"]]
    assert len(right) >= 0.9 * len(numeric)
    total = max(numeric, key=lambda c: c["value"])
    assert got[total["row"], total["col"]].text == total["text"]


def test_table_page_keeps_its_caption_lines_and_reads_the_table_once(hrule_page) -> None:
    page, gold = hrule_page
    x0, y0, x1, y1 = page.tables[0].bbox
    above = " ".join(line.text for line in page.lines if line.bottom <= y0)
    assert gold["caption"].split(":")[0] in above and gold["unit"].split(":")[0] in above
    inside = [line for line in page.lines if line.top > y0 + 10 and line.bottom < y1 - 10]
    assert inside == []  # the page OCR does not read the table a second time
    assert page.psm == 3  # the page reads well without the table: no block re-read


def test_borderless_scan_table_from_aligned_numbers() -> None:
    path, gold = _sample("c_grdp_quy1_2023_borderless_scan")
    page = read_scan(_scan_page(path), 1, 300)
    assert len(page.tables) == 1
    grid = page.tables[0]
    assert (grid.ruling, grid.n_rows, grid.n_cols) == ("none", gold["n_rows"], gold["n_cols"])
    got = _cells(grid)
    numeric = [c for c in gold["cells"] if c["numeric"]]
    right = [c for c in numeric if got[c["row"], c["col"]].text == c["text"]]
    assert len(right) >= 0.9 * len(numeric)
    assert any(gold["caption"].split(":")[0] in line.text for line in page.lines)


def test_unruled_text_layer_table_from_aligned_numbers() -> None:
    path, gold = _sample("h_tangtruong_quy1_2023_unruled_digital")
    with pdfplumber.open(path) as pdf:
        tables = text_tables(pdf.pages[0])
    assert len(tables) == 1
    grid = tables[0]
    assert (grid.ruling, grid.n_rows, grid.n_cols) == ("none", gold["n_rows"], gold["n_cols"])
    got = _cells(grid)
    assert all(got[c["row"], c["col"]].text == c["text"] for c in gold["cells"])


def test_running_text_with_figures_gives_no_unruled_table() -> None:
    report = SAMPLE_TABLES.parent / "reports" / "report_1_bac_giang.pdf"
    page = read_scan(_scan_page(report), 1, 300)
    assert page.lines and page.tables == []
    with pdfplumber.open(SAMPLE_TABLES.parent / "khuyencong_p62_p56_digital.pdf") as pdf:
        assert all(text_tables(p) == [] for p in pdf.pages)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_a_grid_never_has_two_cells_in_one_place(n_rows: int, n_cols: int, data) -> None:
    """Whatever rules a photocopy left between the boxes (each inner side ruled or not, in
    part or whole), the grid's cells cover every box once: two cells in one place once broke
    a whole batch's write (UNIQUE constraint failed: table_cells)."""
    step = 100
    xs = [float(step * c) for c in range(n_cols + 1)]
    ys = [float(step * r) for r in range(n_rows + 1)]
    horizontal = np.zeros((step * n_rows + 1, step * n_cols + 1), dtype=np.uint8)
    vertical = np.zeros_like(horizontal)
    for r in range(n_rows):
        for c in range(n_cols):
            for mask, y, x, along in ((horizontal, r * step, c * step, 1),
                                      (vertical, r * step, c * step, 0)):
                cover = data.draw(st.sampled_from([0.0, 0.3, 1.0]))
                length = int(step * cover)
                if along:  # the top side of box (r, c)
                    mask[y, x:x + length] = 1
                else:  # its left side
                    mask[y:y + length, x] = 1
    cells = grid_cells(horizontal, vertical, xs, ys)
    spots = [(r, c) for cell in cells for r in range(cell.row, cell.row + cell.row_span)
             for c in range(cell.col, cell.col + cell.col_span)]
    assert sorted(spots) == [(r, c) for r in range(n_rows) for c in range(n_cols)]


# Words as Tesseract placed them on the borderless yearbook table of the scanned set
# (samples/scantables/t13…: Cục Thống kê tỉnh Vĩnh Phúc, số lớp học phổ thông), misreads
# and all: "Năm học" centred over five school years, a group label, "10/2" for 3.572.
SCHOOL_WORDS = [
    [("Năm", 1523, 666, 99, 31), ("học", 1638, 666, 76, 39)],
    [("2018-2019", 972, 733, 227, 31), ("2019-2020", 1231, 733, 229, 31),
     ("2020-2021", 1492, 732, 223, 32), ("2021-2022", 1752, 733, 227, 31),
     ("2022-2023", 2024, 733, 227, 31)],
    [("Lớp", 340, 797, 69, 40)],
    [("Tiểu", 338, 859, 84, 36), ("học", 437, 864, 66, 37), ("3.417", 1092, 865, 103, 30),
     ("10/2", 1351, 864, 143, 31), ("3.687", 1611, 864, 105, 31),
     ("3.767", 1871, 864, 105, 31), ("3.802", 2155, 864, 103, 31)],
    [("Công", 339, 929, 98, 40), ("lập", 452, 929, 56, 40), ("3.417", 1092, 931, 103, 30),
     ("3.072", 1351, 930, 104, 31), ("3.687", 1611, 930, 105, 31), ("Š", 1867, 927, 12, 45),
     ("1Á", 1893, 931, 34, 30), ("sÚ", 1938, 931, 38, 30), ("3.792", 2155, 930, 103, 31)],
    [("Ngoài", 340, 995, 112, 40), ("công", 466, 995, 91, 39), ("lập", 571, 996, 57, 39),
     ("-", 1187, 1013, 10, 5), ("-", 1446, 1013, 10, 5), ("-", 1706, 1013, 10, 5),
     (":", 1966, 1013, 10, 5), ("10", 2219, 997, 41, 30)],
    [("Trung", 338, 1063, 115, 38), ("học", 469, 1062, 64, 37), ("cơ", 548, 1071, 46, 22),
     ("sở", 606, 1059, 42, 34), ("1.829", 1094, 1063, 102, 30), ("1.938", 1353, 1062, 103, 31),
     ("2.032", 1611, 1062, 104, 31), ("2.102", 1871, 1063, 104, 30), ("23", 2155, 1063, 31, 30),
     ("Áo)", 2220, 1057, 39, 49)],
]


def test_an_unruled_table_keeps_its_spanning_header_group_label_and_misread_cells() -> None:
    words = [Word(t, x, y, w, h, 90.0) for line in SCHOOL_WORDS for t, x, y, w, h in line]
    [grid] = aligned_tables(words, "ocr")
    assert (grid.n_rows, grid.n_cols) == (7, 6)
    got = _cells(grid)
    assert (got[0, 1].text, got[0, 1].col_span) == ("Năm học", 5)
    assert [got[1, c].text for c in range(1, 6)] == [
        "2018-2019", "2019-2020", "2020-2021", "2021-2022", "2022-2023"]
    assert got[2, 0].text == "Lớp" and all(got[2, c].text == "" for c in range(1, 6))
    assert [got[3, c].text for c in range(6)] == [
        "Tiểu học", "3.417", "10/2", "3.687", "3.767", "3.802"]  # misread, in its place
    assert got[4, 4].text == "Š 1Á sÚ" and got[4, 5].text == "3.792"
    assert [got[5, c].text for c in range(6)] == ["Ngoài công lập", "-", "-", "-", "", "10"]


@pytest.mark.parametrize(("read", "kept"), [
    ("100,61.", "100,61"), ("' 100,24", "100,24"), ("100,27 '", "100,27"),
    ('"101,19', "101,19"), (". 100,40", "100,40"), ("3.572!.", "3.572"),
    ("- 5", "- 5"),  # a sign apart from its number stays: the cell is left unread
    ("2.", "2."), ("30.", "30."),  # ordinals, as printed
    ("Tháng 1,", "Tháng 1,"),  # words: as read
])
def test_specks_beside_a_number_are_taken_off_and_its_confidence_capped(read: str,
                                                                        kept: str) -> None:
    cell = table_ocr_cell(GridCell(0, 0, 1, 1, Box(0, 0, 10, 10)),
                          [Word(t, 0, 0, 1, 1, 95.0) for t in read.split(" ")])
    assert cell.text == kept
    assert (cell.confidence is not None and cell.confidence < 70) is (kept != read)


def test_the_cheap_look_finds_the_rules_of_table_pages_only() -> None:
    """A page of running text (title underlines side by side) is passed over at the cost of
    the look; a faint-ruled real scan, a horizontally ruled and a ruled sample are not."""
    text = prepare(_scan_page(SAMPLE_TABLES.parent / "bacninh_p62_scan.pdf"), 300).image
    assert not may_hold_tables(text)
    real = pdfium.PdfDocument(REALTABLES / "docs" / "bt_hhdn_bctc.pdf")
    assert may_hold_tables(prepare(render(real, 1), 300).image)
    for stem in ("b_binhdinh_khuyencong_hrules_scan", "a_laocai_thu_ngansach_ruled_scan"):
        assert may_hold_tables(prepare(_scan_page(SAMPLE_TABLES / f"{stem}.pdf"), 300).image)
