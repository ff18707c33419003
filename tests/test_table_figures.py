"""Which printed table cells become figures, and of what kind: the unit a cell's number is
in comes from its row's unit column ("ĐVT"), its own column's header or the table's unit
line, and its headers bound what the unit line may make of it. The header strings are those
of the real tables (../shared/realtables) and the table samples (samples/tables), as the
pipeline reads them, OCR's damage included ("So với dự . toán (%).", "Số tiền (đông)");
the end-to-end runs are in test_tables_pipeline.py."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_table_reading import _cell, _read

from baocao.datamodel import Table
from baocao.nlp.table_checks import check_table
from baocao.nlp.table_figures import (
    NOTHING,
    PERCENT,
    _header_says,
    _read_unit,
    _row_label_says,
    table_figures,
)


@pytest.mark.parametrize("header", [
    "Thứ hạng",  # ld_pci, ld_chiso, e_pci: "Lâm Đồng > Thứ hạng"
    "Xếp hạng", "Xếp hạng năm 2024", "Hạng", "STT", "TT", "Số TT", "Thứ tự", "Số thứ tự",
    "Thu hang",  # OCR lost its tone marks
])
def test_ranks_and_ordinals_are_ranks(header: str) -> None:
    assert _header_says(header).rank


@pytest.mark.parametrize("header", [
    "So với dự . toán (%).",  # f_bacninh, as OCR reads "So với dự toán (%)"
    "So với cùng kỳ (%)",  # f_bacninh
    "So sánh (%)",  # a_laocai
    "Tỷ lệ (%)", "Tăng/giảm (%)", "%",
])
def test_headers_of_shares_make_percentages(header: str) -> None:
    assert _header_says(header).read == PERCENT


@pytest.mark.parametrize("header", [
    "Tốc độ tăng so với cùng kỳ năm trước",  # c_grdp, under the unit line "%"
    "So với dự toán", "Tỷ lệ giải ngân",
])
def test_ratio_headers_without_a_unit_allow_shares_only(header: str) -> None:
    assert _header_says(header).kinds == frozenset({"percent"})


@pytest.mark.parametrize(("header", "noun"), [
    ("Số chương trình, đề án", "chương trình"),  # b_binhdinh
    ("Số cơ sở CNNT tham gia", "cơ sở CNNT"),  # g_khanhhoa
    ("Số sản phẩm", "sản phẩm"),  # g_khanhhoa
    ("Số lượng lao động", "lao động"),
    ("Số doanh nghiệp (DN)", "doanh nghiệp"),  # an abbreviation in parentheses: no unit
])
def test_a_number_of_things_counts_them(header: str, noun: str) -> None:
    read = _header_says(header).read
    assert read is not None and (read.kind, read.unit) == ("count", noun)


@pytest.mark.parametrize("header", [
    "Số kỳ bình chọn",  # g_khanhhoa: rounds of selection, no thing counted
    "Số hóa hồ sơ", "Số liệu đánh giá của địa phương", "Diện tích (ha)", "Số lần (lần)",
])
def test_headers_that_name_nothing_countable_make_no_figure(header: str) -> None:
    assert _header_says(header) == NOTHING


def test_money_nouns_after_so_take_the_tables_money_only() -> None:
    """"Số tiền" (d_binhthuan, bt_hhdn page 4) is money, not a count of "tiền"."""
    for header in ("Số tiền", "Số dư", "Số vốn", "SỐ TIỀN"):
        assert _header_says(header).kinds == frozenset({"amount"})
    assert _header_says("Số chi hội").read.kind == "count"


def test_a_money_unit_ocr_damaged_is_read_as_dong_and_said_repaired() -> None:
    """bt_hhdn's page-1 header "Số tiền (đồng)" as OCR reads it."""
    read = _header_says("Số tiền (đông)").read
    assert (read.kind, read.factor, read.unit, read.repaired) == ("amount", 1.0, "VND", True)
    assert _read_unit("triệu dong")[:2] == ("amount", 1e6)
    assert _read_unit("Tỷ đồng")[:3] == ("amount", 1e9, "VND")
    assert not _read_unit("Tỷ đồng").repaired
    assert _read_unit("Đông Hà") is None


@pytest.mark.parametrize("header", [
    "Lâm Đồng", "Điểm số", "Chỉ số", "Đạt", "Kinh phí hỗ trợ", "đến ngày. 28/12/2024",
    "Sở Tài chính", "Tổng sản phẩm (GRDP)", "(1)", "3", "B", "(3)=(1)+(2)",
    "(1283” 100)/3.8?2.9og =0.0331%",  # ld_matuy: a value OCR took for a header
])
def test_headers_that_say_nothing_of_their_numbers(header: str) -> None:
    assert _header_says(header) is None


def test_row_labels_say_ranks_and_shares_only_where_they_open_with_them() -> None:
    assert _row_label_says("Thứ hạng").rank and _row_label_says("Xếp hạng PCI").rank
    assert _row_label_says("Tỷ lệ hộ nghèo (%)").read == PERCENT
    assert _row_label_says("Tỷ lệ giải ngân").kinds == frozenset({"percent"})
    assert _row_label_says("Tổng thu (tỷ đồng)").read.kind == "amount"
    for label in ("Tổng sản phẩm (GDP, GRDP)",  # h_tangtruong
                  "Số dư đầu ngày 01/9/2019 (đầu nhiệm kỳ IV)",  # bt_hhdn
                  "Hỗ trợ 50% lãi suất vay", "Hạng mục công trình", "Tổng cộng (I+II)",
                  "Thu hằng năm", "Hàng hóa xuất khẩu"):
        assert _row_label_says(label) is None, label


def _figures(rows, spans=None, unit=None) -> dict[tuple[int, int], tuple]:
    table = replace(_read(rows, spans), unit=unit)
    return {(f.table_row, f.table_col): (f.kind, f.value, f.unit)
            for f in table_figures([table], [], 1)}


def test_a_count_column_wins_over_the_tables_money_unit() -> None:
    """b_binhdinh's Biểu 01 under "Đơn vị tính: triệu đồng": 13 programmes, 2.035 triệu."""
    rows = [["TT", "Nhóm chương trình, đề án", "Số chương trình, đề án", "Kinh phí hỗ trợ"],
            ["1", "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật", "13", "2.035,0"],
            [None, "Tổng cộng", "20", "2.520,0"]]
    found = _figures(rows, unit="triệu đồng")
    assert found[(1, 2)] == ("count", 13, "chương trình")
    assert found[(1, 3)] == ("amount", 2_035_000_000, "VND")
    assert found[(2, 2)] == ("count", 20, "chương trình")


def test_percent_columns_and_ranks_under_a_money_unit() -> None:
    """f_bacninh's Biểu 01 (tỷ đồng) with a rank column added: shares stay shares, a rank
    is no figure, a "Tỷ lệ" column without "%" is no money."""
    rows = [["TT", "Chỉ tiêu", "Ước thực hiện hết tháng 11/2023", "So với dự . toán (%).",
             "Tỷ lệ", "Xếp hạng"],
            ["1", "Thu nội địa", "20.107", "84,41", "94,06", "5"]]
    found = _figures(rows, unit="tỷ đồng")
    assert found == {(1, 2): ("amount", 20_107e9, "VND"), (1, 3): ("percent", 84.41, "%")}
    assert (1, 4) not in _figures(rows, unit="tỷ đồng")
    assert _figures(rows, unit="%")[(1, 4)] == ("percent", 94.06, "%")


def test_each_row_takes_its_unit_from_the_unit_column() -> None:
    """A table that runs by rows with an "ĐVT" column: "%" a share, "người" a count,
    "triệu đồng" and "Tỷ đồng" money; a rank row and a rank unit make no figure; a
    "So sánh (%)" column stays shares whatever the row's unit."""
    rows = [["TT", "Chỉ tiêu", "ĐVT", "Năm 2023", "Năm 2024", "So sánh (%)"],
            ["1", "Tốc độ tăng trưởng GRDP", "%", "7,12", "8,2", "115,2"],
            ["2", "Số lao động được giải quyết việc làm", "người", "1.250", "1.300", "104"],
            ["3", "Thu ngân sách nhà nước", "Tỷ đồng", "12.259", "13.000", "106"],
            ["4", "Kinh phí khuyến công", "triệu đồng", "2.520", "2.035,5", "80,8"],
            ["5", "Thứ hạng", "", "58", "54", ""],
            ["6", "Chỉ số PCI", "Hạng", "58", "54", ""]]
    found = _figures(rows, unit="triệu đồng")
    assert found[(1, 3)] == ("percent", 7.12, "%")
    assert found[(2, 4)] == ("count", 1300, "người")
    assert found[(3, 3)] == ("amount", 12_259e9, "VND")
    assert found[(4, 4)] == ("amount", 2_035_500_000, "VND")
    assert {found[(r, 5)] for r in (1, 2, 3, 4)} == {
        ("percent", v, "%") for v in (115.2, 104, 106, 80.8)}
    assert not [at for at in found if at[0] in (5, 6)]


def test_a_row_numbering_the_columns_makes_no_figure() -> None:
    """"A", "B", "1", "2" under the headers number the columns; "(1)", "(2)" as a header
    row hide no unit above them."""
    rows = [["TT", "Nội dung", "Kinh phí (triệu đồng)", "Số đề án"],
            ["A", "B", "1", "2"],
            ["1", "Đào tạo nghề", "1.300", "4"]]
    found = _figures(rows, unit="đồng")
    assert found == {(2, 2): ("amount", 1_300_000_000, "VND"), (2, 3): ("count", 4, "đề án")}
    rows = [["TT", "Nội dung", "Kinh phí (triệu đồng)", "Tỷ lệ (%)"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["1", "Đào tạo nghề", "1.300", "94,5"]]
    table = _read(rows)
    assert _cell(table, 2, 2).column_path == "Kinh phí (triệu đồng) > (3)"
    assert _figures(rows) == {(2, 2): ("amount", 1_300_000_000, "VND"),
                              (2, 3): ("percent", 94.5, "%")}


def _checked_figures(rows, unit=None) -> tuple[Table, dict[tuple[int, int], tuple]]:
    """The table as the table stage leaves it (its checks run), and the figures of it."""
    table = check_table(replace(_read(rows), unit=unit))
    return table, {(f.table_row, f.table_col): (f.kind, f.value, f.unit)
                   for f in table_figures([table], [], 1)}


def test_numbers_out_of_their_columns_form_are_doubted_and_no_figure() -> None:
    """f_bacninh's "So với dự toán (%)" (83,77; 84,41; 95,38) with one comma lost, b_binhdinh's
    "Số chương trình, đề án" with "4,5", and a year typed among its amounts."""
    rows = [["TT", "Chỉ tiêu", "Dự toán (tỷ đồng)", "So với dự toán (%)"],
            ["1", "Thu nội địa", "13.160", "83,77"],
            ["2", "Thu từ hoạt động xuất nhập khẩu", "1.350", "9538"],
            ["3", "Thu từ dầu thô", "1.200", "84,41"]]
    table, found = _checked_figures(rows)
    assert _cell(table, 2, 3).flags == ["out_of_column"]
    assert (2, 3) not in found and found[(1, 3)] == ("percent", 83.77, "%")
    assert not [c for c in table.cells if c.flags and (c.row, c.col) != (2, 3)]
    rows = [["TT", "Nhóm chương trình, đề án", "Số chương trình, đề án", "Kinh phí hỗ trợ"],
            ["1", "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật", "13", "2.035,0"],
            ["2", "Hỗ trợ ứng dụng máy móc, thiết bị", "4,5", "320,0"],
            ["3", "Hỗ trợ tổ chức hội chợ triển lãm", "3", "165,0"]]
    table, found = _checked_figures(rows, unit="triệu đồng")
    assert _cell(table, 2, 2).flags == ["out_of_column"] and (2, 2) not in found
    assert found[(1, 2)] == ("count", 13, "chương trình")
    rows = [["TT", "Nội dung", "Kinh phí (triệu đồng)"],
            ["1", "Đào tạo nghề", "1.300"], ["2", "Mô hình trình diễn", "2023"],
            ["3", "Hội chợ", "980"], ["4", "Tư vấn", "450"]]
    table, found = _checked_figures(rows)
    assert _cell(table, 2, 2).flags == ["out_of_column"] and (2, 2) not in found
    assert found[(1, 2)] == ("amount", 1_300_000_000, "VND")


def test_a_negative_amount_alone_among_positive_ones_is_doubted() -> None:
    """Vĩnh Long's retail sales by branch (triệu đồng, samples/scantables t06): a speck
    before 4.469.236 read as a minus; the growth column of c_grdp keeps its negatives."""
    rows = [["Năm", "Tổng số (triệu đồng)", "Dịch vụ khác (triệu đồng)"],
            ["2013", "29.695.002", "3.512.033"], ["2014", "32.119.670", "3.595.896"],
            ["2015", "34.408.554", "4.104.205"], ["2016", "37.185.131", "-4.469.236"],
            ["2017", "41.029.385", "4.605.310"]]
    table, found = _checked_figures(rows)
    assert _cell(table, 4, 2).flags == ["out_of_column"] and (4, 2) not in found
    assert found[(5, 2)] == ("amount", 4_605_310_000_000, "VND")
    rows = [["Địa phương", "Tốc độ tăng GRDP (%)"], ["Hậu Giang", "12,67"],
            ["Bình Thuận", "9,86"], ["Quảng Ngãi", "-1,07"], ["Hải Phòng", "9,65"],
            ["Khánh Hòa", "9,07"]]
    table, found = _checked_figures(rows)
    assert not _cell(table, 3, 1).flags and found[(3, 1)] == ("percent", -1.07, "%")
