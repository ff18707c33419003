"""What table cells mean: numbers read the table's way, header rows, "TT" ordinals, group,
"Trong đó" and total rows, header paths, and the checks that flag a misread number. Grids
are written here as a reader sees them on real provincial tables (the wording and figures
of the Bắc Giang khuyến công report in ../shared/seeds and the Lâm Đồng PCI letter)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from baocao.datamodel import Box, Cell, Table, TableCell
from baocao.nlp.table_cells import read_cells
from baocao.nlp.table_checks import check_table
from baocao.nlp.table_figures import table_figures
from baocao.nlp.table_numbers import cell_number, column_format, parse
from baocao.nlp.tables import _caption


@pytest.mark.parametrize(("text", "fmt", "value"), [
    ("6,74", None, 6.74),
    ("12.492,1", None, 12492.1),
    ("2,096,584,751", None, 2096584751.0),
    ("3.872.999", None, 3872999.0),
    ("1,234.5", None, 1234.5),
    ("0.0331", None, 0.0331),
    ("1.250", "vi", 1250.0),
    ("1.250", "en", 1.25),
    ("1.250", None, None),  # either way: left unread
    ("500,000", "en", 500000.0),
    ("500,000", "vi", 500.0),
    ("0,500", None, 0.5),
    ("95", None, 95.0),
])
def test_numbers_are_read_the_tables_way(text: str, fmt, value) -> None:
    written = cell_number(text)
    assert written is not None
    assert parse(written[0], fmt) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("0,8%", ("0,8", True, False)),
    ("95 %", ("95", True, False)),
    ("-1.250", ("1.250", False, True)),
    ("83,1/100", None),
    ("763 cây", None),
    ("62/63", None),
    ("(1)", None),
    ("(1283*100)/3.872.999 = 0.0331%", None),
])
def test_a_cell_is_a_number_only_when_it_is_one_number(text: str, expected) -> None:
    assert cell_number(text) == expected


def test_a_column_proves_its_format_by_its_unambiguous_cells() -> None:
    assert column_format(["2,096,584,751", "500,000", "12,000"]) == "en"
    assert column_format(["1.234.567", "500.000"]) == "vi"
    assert column_format(["6,74", "7,68"]) == "vi"
    assert column_format(["500,000", "12,000"]) is None
    assert column_format(["1.234.567", "2,096,584,751"]) is None


def _grid(rows: list[list[str]], spans: dict[tuple[int, int], tuple[int, int]] | None = None
          ) -> tuple[list[TableCell], int, int]:
    """Cells from printed rows; a cell covered by another's span is written as None."""
    spans = spans or {}
    cells = [TableCell(r, c, text, *spans.get((r, c), (1, 1)))
             for r, row in enumerate(rows) for c, text in enumerate(row) if text is not None]
    return cells, len(rows), max(len(row) for row in rows)


# Biểu: kinh phí khuyến công địa phương by programme, wording and figures as in the Bắc
# Giang report (seeds): plan and result in triệu đồng and the ratio between them.
BUDGET = [
    ["TT", "Nội dung", "Năm 2023", None, "So sánh (%)"],
    [None, None, "Kế hoạch", "Thực hiện", None],
    ["I", "Khuyến công địa phương", "4.500", "4.378,5", "97,3"],
    ["1", "Hỗ trợ máy móc thiết bị", "3.200", "3.150", "98,4"],
    [None, "Trong đó:", None, None, None],
    ["-", "Huyện Lục Ngạn", "1.100", "1.050", "95,5"],
    ["-", "Huyện Yên Thế", "900", "880", "97,8"],
    ["2", "Đào tạo nghề", "1.300", "1.228,5", "94,5"],
    ["II", "Khuyến công quốc gia", "2.000", "2.000", "100"],
    [None, "Tổng cộng", "6.500", "6.378,5", "98,1"],
]
BUDGET_SPANS = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (2, 1)}


def _read(rows, spans=None) -> Table:
    grid, n_rows, n_cols = _grid(rows, spans)
    cells, n_header, fmt = read_cells(grid, n_rows, n_cols, "vi")
    return Table(table_id=0, page_no=1, n_rows=n_rows, n_cols=n_cols, cells=cells,
                 ruling="full", source="ocr", bbox=Box(0, 0, 1, 1), n_header_rows=n_header,
                 number_format=fmt)


def _cell(table: Table, row: int, col: int) -> Cell:
    return next(c for c in table.cells if (c.row, c.col) == (row, col))


def test_header_rows_ordinals_groups_totals_and_paths() -> None:
    table = _read(BUDGET, BUDGET_SPANS)
    assert table.n_header_rows == 2
    assert _cell(table, 0, 2).role == "column_header"
    assert _cell(table, 3, 0).value_kind == "ordinal" and _cell(table, 3, 0).value is None
    assert _cell(table, 2, 1).role == "group"  # "I" opens a group
    assert _cell(table, 9, 2).role == "total"
    value = _cell(table, 3, 3)
    assert (value.value, value.value_kind, value.role) == (3150.0, "number", "body")
    assert value.column_path == "Năm 2023 > Thực hiện"
    assert value.row_path == "Khuyến công địa phương > Hỗ trợ máy móc thiết bị"
    assert _cell(table, 2, 3).value == 4378.5


def test_a_table_that_adds_up_gets_no_flag() -> None:
    table = check_table(_read(BUDGET, BUDGET_SPANS))
    assert [c for c in table.cells if c.flags] == []


def test_a_misread_total_a_part_above_its_whole_and_a_wrong_ratio_are_flagged() -> None:
    rows = [list(r) for r in BUDGET]
    rows[9][3] = "6.878,5"  # OCR read 3 as 8 in the total
    rows[5][3] = "3.650"  # a part above its whole (3.150)
    rows[7][4] = "84,5"  # 1.228,5 / 1.300 is 94,5 %
    read = _read(rows, BUDGET_SPANS)
    table = check_table(read)
    assert [c for c in read.cells if c.flags] == []  # the table given is not edited
    assert _cell(table, 9, 3).flags == ["total_mismatch"]
    # the total's terms are flagged with it: one of them is wrong, a reader checks them
    assert "total_mismatch" in _cell(table, 3, 3).flags
    assert "part_over_total" in _cell(table, 5, 3).flags
    assert _cell(table, 7, 4).flags == ["ratio_mismatch"]
    assert [c for c in table.cells if c.col == 2 and c.flags] == []  # the plan adds up


def test_english_format_columns_are_read_as_english() -> None:
    """An annex made in Excel with English separators, as the Bình Thuận association's
    income report (realtables bt_hhdn): "2,096,584,751" đồng."""
    rows = [["STT", "Nội dung", "Số tiền"],
            ["1", "Thu hội phí", "2,096,584,751"],
            ["2", "Thu tài trợ", "500,000"],
            ["", "TỔNG THU", "2,097,084,751"]]
    table = _read(rows)
    assert table.number_format == "en"
    assert _cell(table, 2, 2).value == 500000.0
    table = check_table(table)
    assert _cell(table, 3, 2).role == "total" and _cell(table, 3, 2).flags == []


@pytest.mark.parametrize(("above", "expected"), [
    (["Biểu số 02: Kết quả thực hiện khuyến công năm 2023", "Đơn vị tính: triệu đồng"],
     ("Biểu số 02", "Biểu số 02: Kết quả thực hiện khuyến công năm 2023", "triệu đồng",
      False)),
    (["Biểu 03 (tiếp theo)"], ("Biểu 03", "Biểu 03 (tiếp theo)", None, True)),
    (["Đồng thời, Trung tâm tổng hợp kết quả các chỉ số thành phần như sau:"],
     (None, None, None, False)),
    (["BÁO CÁO THU - CHI TÀI CHÍNH NHIỆM KỲ IV (2019-2025)", "(ĐVT: đồng)"],
     (None, "BÁO CÁO THU - CHI TÀI CHÍNH NHIỆM KỲ IV (2019-2025)", "đồng", False)),
])
def test_caption_label_and_unit_from_the_lines_above(above: list[str], expected) -> None:
    assert _caption(above) == expected


# The Bắc Giang result "Hỗ trợ máy móc thiết bị" (BUDGET above): 3.150 triệu đồng, as a
# table prints it under each unit line: the stored amount is the same, exactly.
@pytest.mark.parametrize(("unit", "printed"), [
    ("triệu đồng", "3.150"),
    ("1.000 đồng", "3.150.000"),  # thousands of đồng: "Đơn vị tính: 1.000 đồng"
    ("1000 đồng", "3.150.000"),
    ("nghìn đồng", "3.150.000"),
    ("1.000.000 đồng", "3.150"),
    ("đồng", "3.150.000.000"),
])
def test_a_unit_line_scales_its_cells_exactly(unit: str, printed: str) -> None:
    table = replace(_read([["TT", "Nội dung", "Thực hiện"],
                           ["1", "Hỗ trợ máy móc thiết bị", printed]]), unit=unit)
    [figure] = table_figures([table], [], 1)
    assert (figure.kind, figure.value, figure.unit) == ("amount", 3_150_000_000, "VND")
    assert figure.raw == printed and figure.subject == "Hỗ trợ máy móc thiết bị"


def test_a_unit_line_holding_a_number_of_its_own_scales_no_cell() -> None:
    """The Lâm Đồng PCI letter's table, under the unit line its copy prints: "điểm; thứ
    hạng trên 63 tỉnh, thành phố" names a score and a rank out of 63, not a unit of 63
    provinces: rank 58 is no count of 58 × 63/12 tỉnh, and a score no amount."""
    rows = [["STT", "Chỉ số thành phần", "Lâm Đồng", None],
            [None, None, "Điểm số", "Thứ hạng"],
            ["1", "Chi phí gia nhập thị trường", "6,74", "58"]]
    table = replace(_read(rows, {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2)}),
                    unit="điểm; thứ hạng trên 63 tỉnh, thành phố")
    assert (_cell(table, 2, 2).value, _cell(table, 2, 3).value) == (6.74, 58)
    assert table_figures([table], [], 1) == []


# Yearbook layouts (Cục Thống kê tỉnh Vĩnh Phúc, Niên giám 2022, biểu 235; Cục Thống kê tỉnh
# Vĩnh Long, bán lẻ 2013-2018): a group label under the header, a lettered and numbered
# column-number row.
SCHOOL = [
    ["", "Năm học", None, None],
    [None, "2018-2019", "2019-2020", "2020-2021"],
    ["Lớp", "", "", ""],
    ["Tiểu học", "3.417", "3.572", "3.687"],
    ["Công lập", "3.417", "3.572", "3.687"],
]
SCHOOL_SPANS = {(0, 0): (2, 1), (0, 1): (1, 3)}
RETAIL = [
    ["", "Tổng số", "Bán lẻ hàng hóa", "Dịch vụ lưu trú, ăn uống"],
    ["A", "1", "2", "3"],
    ["2013", "29.695.002", "21.922.332", "4.240.703"],
    ["2014", "32.119.670", "23.697.823", "4.797.173"],
]


def test_a_group_label_under_the_header_is_body() -> None:
    """"Lớp" heads the rows under it (the unit of the first block), not a header row: the
    header is the two rows above it, and "Lớp" opens the body."""
    table = _read(SCHOOL, SCHOOL_SPANS)
    assert table.n_header_rows == 2
    assert _cell(table, 2, 0).role != "column_header"
    assert _cell(table, 3, 1).value == 3417.0


@pytest.mark.parametrize(("numbers", "header"), [
    (["A", "1", "2", "3"], True),
    (["(1)", "(2)", "(3)", "(4)"], True),
    (["1", "2", "3", "4"], True),
    (["A", "B", "1", "2"], True),
    (["2013", "29.695.002", "21.922.332", "4.240.703"], False),
    (["A", "2", "3", "4"], False),  # numbering starts at 1 after the letters
    (["N -", "2", "3", "4 h"], True),  # a photocopy's "1" and a speck misread
    (["", "12", "7", "9"], False),
])
def test_a_column_number_row_is_a_header_row(numbers: list[str], header: bool) -> None:
    table = _read([RETAIL[0], numbers, *RETAIL[2:]])
    assert (table.n_header_rows == 2) is header
    assert (_cell(table, 1, 1).value is None) is header
