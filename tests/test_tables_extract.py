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

from baocao.extract.pdf import read_pdf_page, render
from baocao.extract.prepare import prepare
from baocao.extract.scan import read_scan
from baocao.extract.table_grid import _cells as grid_cells
from baocao.extract.table_grid import find_tables
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
