"""Document metadata from the title block: province, issuer, title, number, date, period."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, rows

from baocao.datamodel import PageText
from baocao.nlp.metadata import province_2025, provinces, read_metadata, reporting_period

REPORTS = sorted((SAMPLES / "reports" / "gold").glob("*.json"))
FIELDS = ["province", "province_2025", "issuer", "title", "doc_number", "doc_date", "period",
          "year_start", "year_end"]


def meta(text: str, *more: str):
    return read_metadata([PageText(n, t, []) for n, t in enumerate([text, *more], 1)])


@pytest.mark.parametrize("gold_path", REPORTS, ids=lambda p: p.stem)
def test_scanned_reports_metadata_equals_gold(samples_db: Path, gold_path: Path) -> None:
    """Read by the real pipeline from the OCR of each scanned report."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    [doc] = rows(samples_db, "SELECT * FROM documents WHERE filename = ?", gold["file"])
    assert {f: doc[f] for f in FIELDS} == gold["metadata"]


def test_pages_without_title_block_get_no_metadata(samples_db: Path) -> None:
    """The seed pages come from the middle of a compilation: they name Bắc Ninh and Bắc
    Giang in the text, but no title block says whose report it is."""
    docs = rows(samples_db, "SELECT * FROM documents WHERE filename NOT LIKE 'report_%'")
    assert len(docs) == 5
    for doc in docs:
        assert [doc[f] for f in FIELDS] == [None] * len(FIELDS), doc["filename"]


def test_two_columns_read_into_one_line() -> None:
    """How Tesseract reads the two-column block of report 1: each row one line."""
    m = meta(
        "UBND TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ CÔNG THƯƠNG Độc lập - Tự do"
        " - Hạnh phúc\nSố: 412/BC-SCT Bắc Giang, ngày 15 tháng 12 năm 2023\nBÁO CÁO\n"
        "Kết quả thực hiện Chương trình khuyến công\nnăm 2023 và phương hướng, nhiệm vụ năm 2024\n"
        "Thực hiện Nghị định số 45/2012/NĐ-CP ngày 21/5/2012 của Chính phủ về khuyến công, "
        "Sở Công Thương báo cáo như sau:")
    assert (m.province, m.province_2025, m.issuer, m.doc_number, m.doc_date) == (
        "Bắc Giang", "Bắc Ninh", "Sở Công Thương", "412/BC-SCT", "2023-12-15")
    assert m.title == ("Kết quả thực hiện Chương trình khuyến công năm 2023 và phương hướng, "
                       "nhiệm vụ năm 2024")
    assert (m.period, m.year_start, m.year_end) == ("năm 2023", 2023, 2023)


def test_stacked_block_and_issuer_named_over_two_lines() -> None:
    m = meta("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nỦY BAN NHÂN DÂN\n"
             "TỈNH THÁI BÌNH\nSố: 187/BC-UBND Thái Bình, ngày 26 tháng 10 năm 2020 BÁO CÁO\n"
             "Tổng kết Chương trình khuyến công giai đoạn 2016-2020\nThực hiện Công văn …")
    assert (m.province, m.province_2025, m.issuer) == (
        "Thái Bình", "Hưng Yên", "Ủy ban nhân dân tỉnh Thái Bình")
    assert (m.title, m.period, m.year_start, m.year_end) == (
        "Tổng kết Chương trình khuyến công giai đoạn 2016-2020", "giai đoạn 2016-2020", 2016,
        2020)


def test_city_and_a_department_whose_name_holds_a_document_type() -> None:
    """"SỞ KẾ HOẠCH VÀ ĐẦU TƯ" is the issuer, not a plan (KẾ HOẠCH) whose title follows."""
    m = meta("UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 1234/BC-SKHĐT\n"
             "TP. Hồ Chí Minh, ngày 05 tháng 7 năm 2024\nBÁO CÁO\n"
             "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\nCăn cứ …",
             "Sở Kế hoạch và Đầu tư báo cáo như sau")
    assert (m.province, m.province_2025, m.issuer) == (
        "Hồ Chí Minh", "Hồ Chí Minh", "Sở Kế hoạch và Đầu tư")
    assert m.title == "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024"
    assert (m.period, m.year_start, m.year_end) == ("6 tháng đầu năm 2024", 2024, 2024)


def test_province_from_place_of_issue_but_never_for_a_ministry() -> None:
    local = meta("SỞ CÔNG THƯƠNG\nSố: 95/BC-SCT\nQuảng Nam, ngày 22 tháng 3 năm 2024\nBÁO CÁO\n"
                 "Sơ kết 03 năm thực hiện Chương trình khuyến công tỉnh Quảng Nam giai đoạn "
                 "2021-2025\nMỤC LỤC")
    assert (local.province, local.province_2025) == ("Quảng Nam", "Đà Nẵng")
    assert (local.period, local.year_start, local.year_end) == (
        "03 năm thực hiện giai đoạn 2021-2025", 2021, 2023)
    ministry = meta("BỘ CÔNG THƯƠNG\nSố: 15/BC-BCT\nHà Nội, ngày 10 tháng 1 năm 2023\nBÁO CÁO\n"
                    "Kết quả hoạt động khuyến công năm 2022\nKính gửi: Thủ tướng Chính phủ")
    assert (ministry.province, ministry.issuer, ministry.doc_number) == (
        None, "BỘ CÔNG THƯƠNG", "15/BC-BCT")  # its capitals cannot be guessed: as written


def test_ocr_damaged_accents_and_former_names() -> None:
    damaged = meta("UBND TINH BAC GIANG\nSO CONG THUONG\nSố: 7/BC-SCT\nBÁO CÁO\nKết quả năm 2021")
    assert (damaged.province, damaged.province_2025) == ("Bắc Giang", "Bắc Ninh")
    hue = meta("ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ\nSố: 3/BC-UBND\nBÁO CÁO\nTổng kết năm 2019")
    assert (hue.province, hue.province_2025) == ("Huế", "Huế")


def test_an_impossible_date_is_left_out() -> None:
    m = meta("UBND TỈNH LÀO CAI\nSố: 318/BC-UBND\nLào Cai, ngày 31 tháng 02 năm 2022\nBÁO CÁO\nX")
    assert (m.province, m.doc_number, m.doc_date) == ("Lào Cai", "318/BC-UBND", None)


@pytest.mark.parametrize("title, expected", [
    ("Kết quả thực hiện Chương trình xúc tiến thương mại năm 2019 và kế hoạch năm 2020",
     ("năm 2019", 2019, 2019)),
    ("Tình hình thực hiện nhiệm vụ 9 tháng đầu năm 2024", ("9 tháng đầu năm 2024", 2024, 2024)),
    ("Kết quả công tác khuyến công quý I năm 2024; nhiệm vụ quý II",
     ("quý I năm 2024", 2024, 2024)),
    ("Tổng kết Chương trình giai đoạn 2016 - 2020 và phương hướng giai đoạn 2021-2025",
     ("giai đoạn 2016 - 2020", 2016, 2020)),
    ("Tình hình thực hiện kế hoạch năm 2023", ("năm 2023", 2023, 2023)),
    ("Báo cáo công tác khuyến công", (None, None, None)),
])
def test_reporting_period(title: str, expected: tuple) -> None:
    assert reporting_period(title) == expected


def test_province_list_is_the_63_before_the_mergers() -> None:
    names = provinces()
    assert len(names) == 63
    assert {"Bắc Giang", "Bắc Ninh", "Thái Bình", "Hà Nội", "Đồng Tháp", "Lào Cai"} <= set(names)
    assert {province_2025(n) for n in names} >= {"Bắc Ninh", "Hưng Yên", "Đà Nẵng"}
    assert len({province_2025(n) for n in names}) == 34
