"""Document metadata from the title block: province, issuer, title, number, date, period."""

from __future__ import annotations

import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from conftest import REALDEV, SAMPLES, rows

from baocao.datamodel import PageText
from baocao.nlp.metadata import read_metadata, reporting_period
from baocao.nlp.provinces import province_2025, provinces
from baocao.vietnamese.text import fold_chars

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
    # a target year is not the period reported on
    ("V/v triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030",
     (None, None, None)),
])
def test_reporting_period(title: str, expected: tuple) -> None:
    assert reporting_period(title) == expected


def test_province_list_is_the_63_before_the_mergers() -> None:
    names = provinces()
    assert len(names) == 63
    assert {"Bắc Giang", "Bắc Ninh", "Thái Bình", "Hà Nội", "Đồng Tháp", "Lào Cai"} <= set(names)
    assert {province_2025(n) for n in names} >= {"Bắc Ninh", "Hưng Yên", "Đà Nẵng"}
    assert len({province_2025(n) for n in names}) == 34
    # Read from the package's data files, they agree with its own conversion (published
    # Resolution 202/2025/QH15: Kon Tum into Quảng Ngãi, Quảng Nam into Đà Nẵng).
    from vietnamadminunits import convert_address

    assert {n: province_2025(n) for n in names} == {
        n: unicodedata.normalize("NFC", convert_address(n).short_province) for n in names}
    assert (province_2025("Kon Tum"), province_2025("Quảng Nam")) == ("Quảng Ngãi", "Đà Nẵng")
    assert province_2025("Atlantis") is None


# --- the title block of real administrative documents (as Tesseract reads it) ------------

HEADER = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH QUẢNG NGÃI Độc lập - Tự do"
          " - Hạnh phúc\n")


def test_type_line_glued_to_the_date_and_a_handwritten_number_not_read() -> None:
    """The type sits at the end of the date line; the digits and the day were handwritten:
    the code and the printed month are kept, the number and the day left out."""
    m = meta(HEADER + "Số: /QĐ-UBND Quảng Ngãi, ngày tháng 01 năm 2025 QUYÉT ĐỊNH\n"
             "Về việc hỗ trợ kinh phí cho hộ nghèo\nCăn cứ Luật Ngân sách nhà nước;")
    assert (m.doc_type, m.doc_code, m.doc_number) == ("quyết định", "QĐ-UBND", None)
    assert (m.doc_date, m.doc_date_precision) == ("2025-01", "month")
    assert m.title == "Về việc hỗ trợ kinh phí cho hộ nghèo"


@pytest.mark.parametrize("line, number, code", [
    ("Số: 4ƒ /QĐ-UBND", None, "QĐ-UBND"),  # handwritten digits read as junk
    ("Số:0+ /CT-UBND", None, "CT-UBND"),
    ("Số: 280 /BC-UBND", "280/BC-UBND", "BC-UBND"),  # typed, a space before the slash
    ("Số: 4† /QĐÐ-UBND", None, "QĐ-UBND"),  # the Đ read twice, once as an eth
    ("Số: 12/2023/NQ-HĐND", "12/2023/NQ-HĐND", "NQ-HĐND"),
    ("Số: 04/QĐ-BCĐ138", "04/QĐ-BCĐ138", "QĐ-BCĐ138"),
])
def test_number_only_when_its_digits_are_typed(line: str, number: str | None, code: str) -> None:
    m = meta(HEADER + f"{line} Quảng Ngãi, ngày 05 tháng 02 năm 2025\nTHÔNG BÁO\nKết luận")
    assert (m.doc_number, m.doc_code) == (number, code)


@pytest.mark.parametrize("line, date, precision", [
    ("Quảng Ngãi, ngày 22 tháng 11 năm 2024", "2024-11-22", "day"),
    ("Quảng Ngãi, ngày 4T tháng 01 năm 2025", "2025-01", "month"),  # day read as junk
    ("Quảng Ngãi, ngày0ÿ tháng 02 năm 2025", "2025-02", "month"),
    ("Quảng Ngãi, ngày 2# tháng? năm 2021", "2021", "year"),  # day and month handwritten
    ("Quảng Ngãi, ngày 31 tháng 02 năm 2022", None, None),  # impossible: a digit misread
])
def test_date_as_far_as_it_is_printed(line: str, date: str | None, precision: str | None
                                      ) -> None:
    m = meta(HEADER + f"Số: /CT-UBND {line} CHỈ THỊ\nVề việc tăng cường công tác\nThực hiện …")
    assert (m.doc_date, m.doc_date_precision) == (date, precision)


@pytest.mark.parametrize("kind_line, code, expected", [
    ("THÔNG BẢO", "TB-UBND", "thông báo"),  # an OCR-damaged accent
    ("CHỈ THỊ", "CT-UBND", "chỉ thị"),
    ("TỜ TRÌNH", "TTr-UBND", "tờ trình"),
    ("QUY ĔẾT ĐỊNH", "QĐ-UBND", "quyết định"),
    ("NGHỊ QUYẾT", "NQ-HĐND", "nghị quyết"),
    ("", "KH-UBND", "kế hoạch"),  # type line lost: the code says it
    ("", "QĐ-UBND", "quyết định"),
])
def test_document_type(kind_line: str, code: str, expected: str) -> None:
    m = meta(HEADER + f"Số: 15/{code} Quảng Ngãi, ngày 03 tháng 4 năm 2018 {kind_line}\n"
             "Về việc tăng cường công tác quản lý\nCăn cứ …")
    assert m.doc_type == expected


def test_official_letter_has_a_subject_line_for_title() -> None:
    m = meta(HEADER + "Số: 123/UBND-KT Quảng Ngãi, ngày 06 tháng 5 năm 2022\n"
             "V/v triển khai sử dụng hóa đơn điện tử\ntrên địa bàn tỉnh\n"
             "Kính gửi: Các sở, ban ngành tỉnh")
    assert (m.doc_type, m.doc_number) == ("công văn", "123/UBND-KT")
    assert m.title == "V/v triển khai sử dụng hóa đơn điện tử trên địa bàn tỉnh"


def test_title_stops_at_the_authority_line_and_the_issuer_is_the_header() -> None:
    """The authority line in capitals is glued to the title's last words and runs on a
    line of its own; the issuer is the header's lower line, never those capitals."""
    m = meta("UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BAN CHỈ ĐẠO 138 Độc lập - "
             "Tự do - Hạnh phúc\nSố: 0+ /QĐ-BCĐ138 Quảng Ngãi, ngày0ÿ tháng 02 năm 2025 "
             "QUYÉT ĐỊNH\nvề việc công nhận địa bàn trọng điểm\nvề trật tự, an toàn xã hội "
             "năm 2024 TRƯỞNG BAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM,\nTỆ NẠN XÃ HỘI TỈNH QUẢNG NGÃI\n"
             "Căn cứ Quyết định số 02/QĐ-BCĐ của Trưởng Ban Chỉ đạo 138 tỉnh;")
    assert m.title == "về việc công nhận địa bàn trọng điểm về trật tự, an toàn xã hội năm 2024"
    assert (m.issuer, m.province, m.doc_code) == ("Ban Chỉ đạo 138", "Quảng Ngãi", "QĐ-BCĐ138")


def test_title_stops_at_a_dated_opening_and_the_about_words_are_mended() -> None:
    m = meta(HEADER + "Số: 6§0 /TB-UBND Quảng Ngãi, ngày 3| tháng 12 năm 2024 THÔNG BẢO\n"
             "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc\nNgày 24/12/2024, tại trụ sở "
             "UBND huyện, Chủ tịch UBND tỉnh chủ trì cuộc họp.")
    assert m.title == "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc"
    mended = meta(HEADER + "Số: /TTr-UBND Quảng Ngãi, ngày tháng 12 năm 2024 TỜ TRÌNH\n"
                  "Vềviệc đề nghị xây dựng Nghị quyết số 24/2013/NQ-HĐND\nKính gửi: HĐND tỉnh")
    assert mended.title == "Về việc đề nghị xây dựng Nghị quyết số 24/2013/NQ-HĐND"
    assert mended.doc_number is None  # "số 24/2013/NQ-HĐND" in the title is not the number


def test_committee_spelt_in_full_whatever_ocr_did_to_its_accents() -> None:
    m = meta("ỦY BAN NHÂN DẪN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM TÍNH QUẢNG NGÃI Độc lập - Tự"
             " do - Hạnh phúc\nSố: Ø7 /CT-UBND Quảng Ngãi, ngày 2# tháng? năm 2021 CHỈ THỊ\n"
             "Về việc triển khai hóa đơn điện tử\nThực hiện Nghị định số 123/2020/NĐ-CP")
    assert (m.issuer, m.province) == ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi")


LAST_PAGE = "Yêu cầu các sở, ngành nghiêm túc triển khai thực hiện./.\n"


@pytest.mark.parametrize("tail, title, name", [
    # the right column read beside the distribution list, the name alone at the page end
    ("Nơi nhận: KT. CHỦ TỊCH\n- Như Điều 3; PHÓ CHỦ TỊCH\n- Lưu: VT, KTTH.\nTrần Văn An",
     "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Trần Văn An"),
    ("Trên đây là báo cáo./.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nĐỗ Minh Tuấn",
     "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Đỗ Minh Tuấn"),  # one line
    ("./.\n_GIÁM ĐỐC\nHồ Sỹ Lâm", "GIÁM ĐỐC", "Hồ Sỹ Lâm"),  # a speck before the title
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
     "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", None),  # the name under the seal not read
    ("Nơi nhận: TL. CHỦ TỊCH\n- Thường trực Tỉnh ủy; VĂN PHÒNG\n- Lưu: VT.\nguyền Quốc Việt",
     "TL. CHỦ TỊCH", None),  # a damaged name, and "VĂN PHÒNG" is not a function: unsure
    ("Nơi nhận:\n- Lưu: VT, NC (ong55) CHỦ TỊCH UBND TỈNH Lê Văn Bình",
     "CHỦ TỊCH UBND TỈNH", "Lê Văn Bình"),
    ("Nơi nhận:\n- Các Sở: Y tế, Nội vụ, Phạm Thị Hoa\n- Báo Quảng Ngãi;", None, "Phạm Thị Hoa"),
])
def test_signature_block(tail: str, title: str | None, name: str | None) -> None:
    m = meta(HEADER + "Số: 08/CT-UBND Quảng Ngãi, ngày 03 tháng 4 năm 2018 CHỈ THỊ\nVề việc X\n"
             "Căn cứ …", LAST_PAGE + tail)
    assert (m.signer_title, m.signer) == (title, name)


# --- the bar on real documents ------------------------------------------------------------

@pytest.fixture(scope="module")
def realdev_docs(realdev_db: Path) -> dict[str, tuple[dict, dict]]:
    """Each real document's documents row and gold."""
    db = realdev_db
    docs = {}
    for path in sorted((REALDEV / "gold").glob("*.json")):
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        [doc] = rows(db, "SELECT * FROM documents WHERE filename = ?", gold_doc["file"])
        docs[gold_doc["file"]] = (dict(doc), gold_doc["metadata"])
    return docs


def _same_title(read: str | None, gold_title: str, doc_type: str) -> bool:
    """Folded, the gold's leading type word taken off ("Quyết định về việc …" → "về việc
    …"), at OCR-level similarity."""
    want, kind = fold_chars(gold_title).strip(), fold_chars(doc_type)
    if want.startswith(kind):
        want = want[len(kind):].strip()
    got = fold_chars(read or "").strip()
    return SequenceMatcher(None, got, want).ratio() >= 0.9


def test_real_title_blocks_meet_the_bar(realdev_docs: dict) -> None:
    """The type of all 8; number and date never wrong (empty rather); the date at least in
    part on 6, the title on 7."""
    types = [fold_chars(g["title"]).startswith(fold_chars(d["doc_type"] or "?"))
             for d, g in realdev_docs.values()]
    assert all(types), {f: d["doc_type"] for f, (d, _) in realdev_docs.items()}
    for name, (doc, gold_meta) in realdev_docs.items():
        assert doc["doc_number"] in (None, gold_meta["doc_number"]), name
        assert doc["doc_code"] is None or gold_meta["doc_number"].endswith("/" + doc["doc_code"])
        assert doc["doc_date"] is None or gold_meta["doc_date"].startswith(doc["doc_date"]), name
        issuer = fold_chars(doc["issuer"] or "")  # never a body line: the gold's own words
        assert fold_chars(gold_meta["issuer"]).startswith(issuer), (name, doc["issuer"])
    dated = sum(d["doc_date"] is not None for d, _ in realdev_docs.values())
    assert dated >= 6
    titled = [f for f, (d, g) in realdev_docs.items() if _same_title(d["title"], g["title"],
                                                                      d["doc_type"] or "")]
    assert len(titled) >= 7, {f: d["title"] for f, (d, _) in realdev_docs.items()}


def test_a_title_printed_in_capitals_is_kept() -> None:
    m = meta("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 21/BC-SCT\n"
             "Lào Cai, ngày 05 tháng 12 năm 2022\nBÁO CÁO\n"
             "KẾT QUẢ THỰC HIỆN CÔNG TÁC KHUYẾN CÔNG NĂM 2022\nThực hiện Kế hoạch …")
    assert (m.doc_type, m.issuer) == ("báo cáo", "SỞ CÔNG THƯƠNG")
    assert m.title == "KẾT QUẢ THỰC HIỆN CÔNG TÁC KHUYẾN CÔNG NĂM 2022"


def test_place_of_issue_after_the_number_on_one_line() -> None:
    """The place, not the code's last letter ("SCT Quảng Nam"), names the province."""
    m = meta("SỞ CÔNG THƯƠNG\nSố: 95/BC-SCT Quảng Nam, ngày 22 tháng 3 năm 2024\nBÁO CÁO\n"
             "Sơ kết 03 năm thực hiện Chương trình khuyến công\nMỤC LỤC")
    assert (m.province, m.doc_number, m.doc_date) == ("Quảng Nam", "95/BC-SCT", "2024-03-22")


# --- issue 26: title blocks of documents not tuned on -------------------------------------
# Each block is laid out as Tesseract reads a real one: the two columns in one line, the
# "V/v" subject of a công văn after the place and date, the seal over the signature.

def test_subject_line_after_the_date_is_the_title_of_a_cong_van() -> None:
    """A provincial công văn: no type heading; "V/v" read on the number and date's line."""
    m = meta(HEADER + "Số: 41/UBND-KTTH Quảng Ngãi, ngày 04 tháng 02 năm 2025 V/v đăng ký bổ "
             "sung\nnội dung trình HĐND tỉnh\ntại kỳ họp thứ 12\nKính gửi: Thường trực HĐND "
             "tỉnh\nTheo đề nghị của Giám đốc Sở Tài chính tại Công văn số 28/STC-HCSN …")
    assert (m.doc_type, m.doc_number, m.doc_date) == ("công văn", "41/UBND-KTTH", "2025-02-04")
    assert m.title == "V/v đăng ký bổ sung nội dung trình HĐND tỉnh tại kỳ họp thứ 12"


@pytest.mark.parametrize("number, code", [
    ("Số: 214/BCA-C04", "BCA-C04"),  # a ministry's code: "BCA" is not "BC", báo cáo
    ("Số: 4Jl2 /CAT-PC04(Đ1)", "CAT-PC04"),  # a police code: "CAT" is not "CT", chỉ thị
])
def test_a_misread_code_never_names_the_type(number: str, code: str) -> None:
    """The "V/v" line says công văn; the code keeps every letter printed."""
    m = meta("BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNG AN TỈNH LÂM ĐỒNG Độc lập - Tự "
             f"do - Hạnh phúc\n{number} Lâm Đồng, ngày 16 tháng 3 năm 2026 V/v hỗ trợ kinh phí"
             " đối với lực\nlượng trực tiếp tham gia công tác\nKính gửi: Chủ tịch Ủy ban nhân "
             "dân tỉnh\nThực hiện Kết luận số 13-KL/TW …")
    assert (m.doc_type, m.doc_code) == ("công văn", code)
    assert m.title == "V/v hỗ trợ kinh phí đối với lực lượng trực tiếp tham gia công tác"


def test_the_type_heading_outranks_a_subject_line() -> None:
    """A tờ trình with a "V/v" subject under its heading stays a tờ trình."""
    m = meta(HEADER + "Số: /TTr-UBND Quảng Ngãi, ngày tháng 10 năm 2025\nTỜ TRÌNH\n"
             "V/v xin chủ trương thực hiện công tác cai nghiện\ntự nguyện tại gia đình\n"
             "Kính gửi: Chủ tịch UBND tỉnh")
    assert m.doc_type == "tờ trình"
    assert m.title == "V/v xin chủ trương thực hiện công tác cai nghiện tự nguyện tại gia đình"


def test_a_subject_nothing_closes_is_left_out() -> None:
    """A received stamp read into the subject's second line, then the body: where the subject
    ends is not known, so no title rather than a cut one."""
    m = meta("BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CỤC CẢNH SÁT ĐIỀU TRA Độc lập - Tự "
             "do - Hạnh phúc\nSố: 35/C04-P6 Hà Nội, ngày 28 tháng 8 năm 2025 V/v chuẩn bị tổ "
             "chức triển khai\nU8ND TỈNH Chương trình MTQG phòng, chống ma tuý 8B N đến năm "
             "2030 | 1 40A Trong thời gian qua, công tác phòng, chống ma tuý tại địa bàn tỉnh "
             "đã được Tỉnh uỷ, HĐND, UBND tỉnh quan tâm lãnh đạo, chỉ đạo quyết liệt, đồng bộ.")
    assert (m.doc_type, m.title, m.province) == ("công văn", None, None)


def test_title_ends_where_kinh_gui_is_glued_to_it() -> None:
    m = meta("CÔNG AN TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc\nSố: /TTr-CAT-PC06 Lâm Đồng, "
             "ngày tháng 4 năm 2026 TỜ TRÌNH\nĐề nghị ban hành Báo cáo kết quả triển khai Đề "
             "án tháng 3/2026 Kính gửi: Lãnh đạo UBND tỉnh Lâm Đồng.\nThực hiện Quyết định số "
             "06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ …")
    assert m.title == "Đề nghị ban hành Báo cáo kết quả triển khai Đề án tháng 3/2026"


def test_acronyms_in_a_title_do_not_end_it() -> None:
    """"Công ty TNHH MTV Đầu tư": two acronyms, not the authority line in capitals."""
    title = ("Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về cổ phần hóa Công ty TNHH MTV "
             "Đầu tư, Xây dựng và Kinh doanh dịch vụ tỉnh trong thời gian qua")
    m = meta(HEADER + "Số: /TB-UBND Quảng Ngãi, ngày tháng 01 năm 2025 THÔNG BÁO\n" + title +
             "\nNgày 03/01/2025, Phó Chủ tịch UBND tỉnh chủ trì họp …")
    assert m.title == title


@pytest.mark.parametrize("title_line", [
    # the first body paragraph read into the title's line: where the title ends is not known
    "về việc tăng cường an toàn công trình cầu giao thông trong mùa mưa, bão năm 2024 trên "
    "địa bàn tỉnh Quảng Ngãi Cơn bão số 3 và mưa lũ sau bão vừa qua đã gây thiệt hại rất "
    "lớn về người, tài sản của Nhân dân và Nhà nước tại các tỉnh phía Bắc.",
    # the title's first words lost under a handwritten mark
    "nị ban hành Báo cáo kết quả triển khai Đề án tháng 10/2025",
])
def test_a_title_run_into_the_body_or_cut_at_its_start_is_left_out(title_line: str) -> None:
    m = meta(HEADER + "Số: /CT-UBND Quảng Ngãi, ngày tháng 9 năm 2024 CHỈ THỊ\n" + title_line +
             "\nTheo nhận định của Đài Khí tượng Thủy văn tỉnh, diễn biến thiên tai …")
    assert (m.doc_type, m.title) == ("chỉ thị", None)


@pytest.mark.parametrize("issuer", [
    "VĂN PHÒNG CHÍNH PHỦ",
    "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA",
    "BỘCÔNGAN",  # OCR lost the spaces
    "TỔNG CỤC THỐNG KÊ",
])
def test_a_central_body_has_no_province_from_its_place_of_issue(issuer: str) -> None:
    m = meta(f"{issuer} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
             "Số: 52/BC-VPCP Hà Nội, ngày 10 tháng 1 năm 2025\nBÁO CÁO\nTình hình thực hiện "
             "nhiệm vụ năm 2024\nKính gửi: Thủ tướng Chính phủ")
    assert (m.province, m.doc_type, m.doc_date) == (None, "báo cáo", "2025-01-10")


@pytest.mark.parametrize("pages, title, name", [
    # a rank before the name, the seal over its first word
    (["Nơi nhận: GIÁM ĐỐC\n- Như trên;\n- Lưu VT, PC04.\nThiếu tướng Lê Văn Hải"],
     "GIÁM ĐỐC", "Lê Văn Hải"),
    (["./.& Nơi nhận: KT. GIÁM ĐỐC\n- Như trên;\n- Lưu: VT.\n'ạng tướng Phạm Quốc Anh"],
     "KT. GIÁM ĐỐC", "Phạm Quốc Anh"),
    # the name read beside the filing entry that ends the distribution list
    (["Nơi nhận: TL. CHỦ TỊCH\n- CT, PCT UBND tỉnh;\n- Lưu: VT, KTTHh5. Võ Thị Mai Hương"],
     "TL. CHỦ TỊCH", "Võ Thị Mai Hương"),
    # a ministry's deputy: the space after "KT." lost
    (["./.& Nơi nhận: KT.BỘ TRƯỞNG\n- Như trên; THỨ TRƯỞNG\n- Lưu: VT.\nTrần Quang Minh"],
     "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", "Trần Quang Minh"),
    # a cover letter signed on its first page, the report it sends after it
    (["Kính trình./.\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên;\n- Lưu: VT.\nĐại tá Ngô Minh Khoa",
      "BÁO CÁO\nKết quả tháng 3\n1. Tình hình chung\nĐã giải quyết 120 hồ sơ."],
     "KT. GIÁM ĐỐC", "Ngô Minh Khoa"),
])
def test_signer_under_a_rank_beside_the_list_or_on_a_cover_letter(
        pages: list[str], title: str, name: str) -> None:
    m = meta(HEADER + "Số: 08/TTr-UBND Quảng Ngãi, ngày 03 tháng 4 năm 2025 TỜ TRÌNH\n"
             "Về việc X\nKính gửi: Chủ tịch UBND tỉnh", *pages)
    assert (m.signer_title, m.signer) == (title, name)


def test_an_entry_of_the_list_is_not_a_rank() -> None:
    """"- Đồng chí Đại tá …" is a recipient, not the signer."""
    m = meta(HEADER + "Số: 08/TTr-UBND Quảng Ngãi, ngày 03 tháng 4 năm 2025 TỜ TRÌNH\n"
             "Về việc X\nKính gửi: Chủ tịch UBND tỉnh",
             "Nơi nhận: GIÁM ĐỐC\n- Như trên;\n- Đồng chí Đại tá Lê Văn Hải\n- Lưu: VT.")
    assert (m.signer_title, m.signer) == ("GIÁM ĐỐC", None)
