"""What each figure measures, where and when: real sentences from the seeds and the devset."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import rows

from baocao.nlp.context import describe
from baocao.nlp.figures import find_figures

SEED_1 = ("- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc bình chọn có 111 "
          "sản phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí hỗ trợ là 320 triệu đồng.")
SEED_2 = ("Tuy số lượng cơ sở công nghiệp nông thôn thuộc những địa bàn có điều kiện kinh tế - xã "
          "hội khó khăn và đặc biệt khó khăn của tỉnh được thụ hưởng chính sách khuyến công lớn "
          "(chiếm tỷ lệ 52,8%) nhưng quy mô hoạt động sản xuất, kinh doanh của các cơ sở vẫn chủ "
          "yếu còn nhỏ, lẻ nên nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu "
          "đồng (chiếm tỷ lệ 26,3% so với tổng kinh phí thực hiện trong toàn tỉnh).")
D13_1 = ("+ BCKT tỉnh Lào Cai năm 2017, UBND huyện Bảo Yên giao dự toán cho 02 xã chi duy tu bảo "
         "dưỡng các công trình sau đầu tư (sửa chữa trụ sở làm việc) chưa đúng nội dung hỗ trợ "
         "của Dự án 2 thuộc chương trình MTQG giảm nghèo bền vững 140trđ (Điện Quan 40trđ, Cam "
         "Cọn 100trđ).")
D13_2 = ("Năm 2017 tỉnh có Quyết định 1586/QĐ-UBND ngày 14/6/2017 thu hồi về ngân sách tỉnh "
         "28.546trđ (Kinh phí CTMTQG 3.627trđ; kinh phí hỗ trợ có mục tiêu 4.649trđ và chi "
         "thường xuyên 20.269trđ).")
STYLE = ("Năm 2023, Trung tâm Khuyến công đã mở 3 lớp tập huấn cho 120 học viên và hỗ trợ 35 cơ "
         "sở CNNT tại huyện Lục Ngạn, tỉnh Bắc Giang.")


def contexts(sentence: str) -> list[tuple]:
    out = []
    for f in find_figures(sentence):
        c = describe(sentence, f.start, f.end, f.kind, f.unit)
        out.append((f.raw, c.subject, c.locations, c.year))
    return out


@pytest.mark.parametrize("sentence,expected", [
    (SEED_1, [("6 cuộc", "cuộc bình chọn", [], None), ("111 sản phẩm", "sản phẩm", [], None),
              ("320 triệu đồng", "kinh phí hỗ trợ", [], None)]),
    (SEED_2, [("52,8%", "tỷ lệ", [], None),
              ("12.492,1 triệu đồng", "nguồn kinh phí hỗ trợ thực hiện", [], None),
              ("26,3%", "tỷ lệ so với tổng kinh phí thực hiện", [], None)]),
    (D13_2, [("28.546trđ", "ngân sách tỉnh", [], 2017),
             ("3.627trđ", "Kinh phí CTMTQG", [], 2017),
             ("4.649trđ", "kinh phí hỗ trợ có mục tiêu", [], 2017),
             ("20.269trđ", "chi thường xuyên", [], 2017)]),
    (STYLE, [("3 lớp", "lớp tập huấn", ["huyện Lục Ngạn", "tỉnh Bắc Giang"], 2023),
             ("120 học viên", "học viên", ["huyện Lục Ngạn", "tỉnh Bắc Giang"], 2023),
             ("35 cơ sở CNNT", "cơ sở CNNT", ["huyện Lục Ngạn", "tỉnh Bắc Giang"], 2023)]),
])
def test_subject_locations_year(sentence: str, expected: list[tuple]) -> None:
    assert contexts(sentence) == expected


def test_places_are_named_places_not_acronyms_or_years() -> None:
    [first, *_] = contexts(D13_1)
    assert first[0] == "02 xã"
    assert first[2] == ["tỉnh Lào Cai", "huyện Bảo Yên"]  # not "năm 2017", not "UBND …"
    assert first[3] == 2017


def test_figure_rows_carry_context_and_boxes(samples_db: Path) -> None:
    [row] = rows(samples_db, "SELECT f.* FROM figures f JOIN documents d USING (doc_id) "
                 "WHERE d.filename = 'bacninh_p62_scan.pdf' AND f.raw = '111 sản phẩm'")
    assert row["subject"] == "sản phẩm"
    assert (row["value_low"], row["value_high"]) == (111, 111)
    words = rows(samples_db, "SELECT w.* FROM words w JOIN documents d USING (doc_id) "
                 "WHERE d.filename = 'bacninh_p62_scan.pdf' AND w.text = '111'")
    [word] = words
    # the figure's box holds the word "111" and is no taller than one line
    assert row["box_left"] <= word["left"] and row["box_top"] <= word["top"]
    assert row["box_right"] >= word["left"] + word["width"]
    assert row["box_bottom"] - row["box_top"] < 3 * word["height"]
    digital = rows(samples_db, "SELECT f.* FROM figures f JOIN documents d USING (doc_id) "
                   "WHERE d.filename = 'khuyencong_p62_p56_digital.pdf' ORDER BY figure_id")
    assert all(f["box_left"] is not None for f in digital)  # text-layer words have boxes too


def subject(sentence: str, raw: str, kind: str = "amount", nth: int = 0) -> str | None:
    """The subject of the nth figure written `raw` in the sentence, found by its text so that
    these tests hold whatever figures.py makes of the rest of the sentence."""
    starts = [m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(raw)}", sentence)]
    start = starts[nth]
    return describe(sentence, start, start + len(raw), kind, "").subject


# Real sentences of the samples, the devset and realdev, with the subject a reader names.
GTSX = ("Kinh phí khuyến công tuy không lớn nhưng đã phát huy vai trò “vốn mồi”, khuyến khích "
        "các cơ sở mạnh dạn đầu tư đổi mới công nghệ, mở rộng sản xuất; giá trị sản xuất công "
        "nghiệp nông thôn năm 2023 ước đạt 15.600 tỷ đồng, tăng 8,4% so với năm 2022.")
GTSX_COLON = ("Giá trị sản xuất công nghiệp nông thôn năm 2022 ước đạt:2.870 tỷ đồng, tăng 11,5% "
              "so với năm 2021; thu hút khoảng 650 lao động vào làm việc tại các cơ sở được hỗ "
              "trợ.")
VON = ("Hỗ trợ 18 cơ sở công nghiệp nông thôn ứng dụng máy móc, thiết bị tiên tiến vào sản xuất "
       "với tổng kinh phí hỗ trợ là 3.240 triệu đồng, thu hút vốn đối ứng của các cơ sở trên "
       "28,6 tỷ đồng.")
GIAI_DOAN = ("Giai đoạn 2016-2020, tổng kinh phí khuyến công thực hiện trên địa bàn tỉnh là 38,5 "
             "tỷ đồng, trong đó kinh phí khuyến công quốc gia 12,8 tỷ đồng, kinh phí khuyến công "
             "địa phương 25,7 tỷ đồng; đã hỗ trợ 164 đề án, thu hút vốn đối ứng của các cơ sở "
             "trên 420 tỷ đồng.")
FRAGMENT = ("_ phí dự kiến 7,2 tỷ đồng; hỗ trợ 20 cơ sở ứng dụng máy móc, thiết bị tiên tiến; tổ "
            "chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh và hỗ trợ 15 cơ sở "
            "tham gia hội chợ, triển lãm.")
GIAI_NGAN = ("Tỷ lệ giải ngân kinh phí khuyến công địa phương năm 2021 đạt 86,4%, năm 2022 đạt "
             "94,2% và năm 2023 đạt 97,8%.")
GIAM_DAN = ("- Kinh phí khuyến công quốc gia phân bổ cho tỉnh giảm dần qua các năm, từ 3,4 tỷ đồng "
            "năm 2021 xuống còn 2,3 tỷ đồng năm 2023;")
BO_TRI = "- Kinh phí bố trí cho Chương trình năm 2022 chỉ đạt 1.200 triệu đồng, bằng 60% nhu cầu;"
DE_NGHI_1 = ("- Đề nghị UBND tỉnh bố trí kinh phí thực hiện Chương trình năm 2023 là 2.000 triệu "
             "đồng để hỗ trợ kiểm toán năng lượng cho 10 doanh nghiệp.")
DE_NGHI_2 = ("Đề nghị Bộ Công Thương xem xét bố trí kinh phí khuyến công quốc gia năm 2023 cho "
             "tỉnh Lào Cai khoảng 2.000 triệu đồng, ưu tiên các đề án hỗ trợ cơ sở tại các huyện "
             "nghèo Si Ma Cai, Mường Khương và Bắc Hà.")
MUC_TOI_DA = ("- Đề nghị UBND tỉnh xem xét nâng mức hỗ trợ tối đa cho các đề án ứng dụng máy móc, "
              "thiết bị lên 500 triệu đồng/đề án cho phù hợp với tình hình thực tế.")
MUC_HO_TRO = ("- Mức hỗ trợ cho doanh nghiệp tham gia hội chợ ở nước ngoài chưa đủ hấp dẫn, chỉ "
              "bằng khoảng 30% chỉ phí thực tế;")
NANG_SUAT = ("Sau khi được hỗ trợ, năng suất lao động của các cơ sở tăng bình quân 25 - 30%, nhiều "
             "cơ sở đã mở rộng quy mô, tạo việc làm cho khoảng 1.150 lao động địa phương.")
CONG_SUAT = ("Hỗ trợ 02 cơ sở chế biến chè tại huyện Bắc Hà và thị xã Sa Pa đầu tư dây chuyền sấy, "
             "sao chè với kinh phí 1.100 triệu đồng; sau hỗ trợ, công suất chế biến của các cơ sở "
             "tăng 35%, sản phẩm chè Shan tuyết đã đạt chứng nhận hữu cơ.")
DUOC_GIAO = ("Năm 2022, tổng kinh phí khuyến công được giao là 5.650 triệu đồng, đã thực hiện 20 "
             "đề án, giải ngân 5.380 triệu đồng, đạt 95,2% kế hoạch.")
DOANH_SO = ("Về xúc tiến thương mại thị trường trong nước, Sở Công Thương đã tổ chức và hỗ trợ các "
            "doanh nghiệp của tỉnh tham gia 15 hội chợ; doanh số bán hàng và giá trị hợp đồng ký "
            "kết đạt trên 18,5 tỷ đồng.")
VON_HUYEN = ("- Khẩn trương triển khai các Chương trình MTQG trên địa bàn; phân bổ vốn đối ứng "
             "ngân sách huyện (tối thiểu 5%) đảm bảo theo quy định; phấn đấu giải ngân đạt kết "
             "quả cao nhất.")


@pytest.mark.parametrize("sentence,raw,kind,nth,expected", [
    # the cases: a link verb, an OCR fragment, a subject further back
    ("Giá trị sản xuất công nghiệp ước đạt 15.600 tỷ đồng.", "15.600 tỷ đồng", "amount", 0,
     "Giá trị sản xuất công nghiệp"),
    (GTSX, "15.600 tỷ đồng", "amount", 0, "giá trị sản xuất công nghiệp nông thôn"),
    (GTSX, "8,4%", "percent", 0, "giá trị sản xuất công nghiệp nông thôn so với năm 2022"),
    (GTSX_COLON, "2.870 tỷ đồng", "amount", 0, "Giá trị sản xuất công nghiệp nông thôn"),
    (FRAGMENT, "7,2 tỷ đồng", "amount", 0, "phí"),
    (VON, "3.240 triệu đồng", "amount", 0, "tổng kinh phí hỗ trợ"),
    (VON, "28,6 tỷ đồng", "amount", 0, "vốn đối ứng"),
    # adjuncts of place or owner and the year do not end or make the subject
    (GIAI_DOAN, "38,5 tỷ đồng", "amount", 0, "tổng kinh phí khuyến công thực hiện"),
    (GIAI_DOAN, "12,8 tỷ đồng", "amount", 0, "kinh phí khuyến công quốc gia"),
    (GIAI_DOAN, "420 tỷ đồng", "amount", 0, "vốn đối ứng"),
    (DE_NGHI_1, "2.000 triệu đồng", "amount", 0, "kinh phí thực hiện Chương trình"),
    (DE_NGHI_2, "2.000 triệu đồng", "amount", 0, "kinh phí khuyến công quốc gia"),
    (NANG_SUAT, "25 - 30%", "percent", 0, "năng suất lao động"),
    (CONG_SUAT, "35%", "percent", 0, "công suất chế biến"),
    (DUOC_GIAO, "5.650 triệu đồng", "amount", 0, "tổng kinh phí khuyến công"),
    (VON_HUYEN, "5%", "percent", 0, "vốn đối ứng ngân sách huyện"),
    ("Tỷ lệ sản phẩm thuộc danh mục bắt buộc được dán nhãn năng lượng trên thị trường đạt "
     "khoảng 92%.", "92%", "percent", 0,
     "Tỷ lệ sản phẩm thuộc danh mục bắt buộc được dán nhãn năng lượng"),
    (DOANH_SO, "18,5 tỷ đồng", "amount", 0, "doanh số bán hàng và giá trị hợp đồng ký kết"),
    # a figure with no subject of its own measures the one named before it
    (GIAI_NGAN, "86,4%", "percent", 0, "Tỷ lệ giải ngân kinh phí khuyến công địa phương"),
    (GIAI_NGAN, "94,2%", "percent", 0, "Tỷ lệ giải ngân kinh phí khuyến công địa phương"),
    (GIAI_NGAN, "97,8%", "percent", 0, "Tỷ lệ giải ngân kinh phí khuyến công địa phương"),
    (GIAM_DAN, "3,4 tỷ đồng", "amount", 0, "Kinh phí khuyến công quốc gia phân bổ"),
    (GIAM_DAN, "2,3 tỷ đồng", "amount", 0, "Kinh phí khuyến công quốc gia phân bổ"),
    (BO_TRI, "1.200 triệu đồng", "amount", 0, "Kinh phí bố trí"),
    (BO_TRI, "60%", "percent", 0, "Kinh phí bố trí"),
    (MUC_TOI_DA, "500 triệu đồng", "amount", 0, "mức hỗ trợ tối đa"),
    (MUC_HO_TRO, "30%", "percent", 0, "Mức hỗ trợ"),
])
def test_subject_is_the_measured_noun_phrase(sentence: str, raw: str, kind: str, nth: int,
                                             expected: str) -> None:
    assert subject(sentence, raw, kind, nth) == expected


@pytest.mark.parametrize("sentence,raw,kind", [
    # the figure is the object of a verb: who gives it is not what it measures
    ("- Đề nghị UBND tỉnh bổ sung 500 triệu đồng cho hoạt động xây dựng thương hiệu sản phẩm "
     "chủ lực của tỉnh.", "500 triệu đồng", "amount"),
    ("Bồ trí 10.522,6 triệu đồng từ nguồn dự phòng ngân sách tỉnh năm 2025 để Sở Lao động - "
     "Thương binh và Xã hội thực hiện hỗ trợ quà Tết cho hộ nghèo.", "10.522,6 triệu đồng",
     "amount"),
    ("quyết tâm hoàn thành mục tiêu giải ngân 100% kế hoạch vốn được giao.", "100%", "percent"),
    ("- Đây mạnh công tác cải cách hành chính; trong đó phải thường xuyên rà soát, rút ngắn quy "
     "trình xử lý, cắt giảm trung bình 20 - 30% thời gian thực hiện thủ tục hành chính.",
     "20 - 30%", "percent"),
    # only verbs and adverbs before the figure
    ("Một là, kinh phí khuyến công còn thấp so với nhu cầu; bình quân mỗi năm chỉ đáp ứng được "
     "khoảng 45% số đề án do các cơ sở đăng ký.", "45%", "percent"),
    # a fragment the sentence splitter left: "[hỗ] trợ thực hiện"
    ("trợ thực hiện còn thấp mới đạt 12.492,1 triệu đồng (chiếm tỷ lệ 26,3% so với tổng kinh phí "
     "thực hiện trong toàn tỉnh).", "12.492,1 triệu đồng", "amount"),
    # places, not measures: the amounts of a commune's share
    ("thuộc chương trình MTQG giảm nghèo bền vững 140trđ (Điện Quan 40trđ, Cam Cọn 100trđ).",
     "40trđ", "amount"),
    ("thuộc chương trình MTQG giảm nghèo bền vững 140trđ (Điện Quan 40trđ, Cam Cọn 100trđ).",
     "100trđ", "amount"),
    # a comparison alone names nothing measured
    ("1.050 triệu USD, tăng 7,6% so với năm 2018; nhiều sản phẩm chủ lực đã mở rộng được thị "
     "trường tiêu thụ.", "7,6%", "percent"),
])
def test_no_subject_rather_than_a_verb_or_a_fragment(sentence: str, raw: str, kind: str) -> None:
    assert subject(sentence, raw, kind) is None


def test_subjects_of_the_run_are_noun_phrases(samples_db: Path) -> None:
    """No subject in the samples' run is a link verb, holds a digit (but the year it is compared
    with: "so với năm 2022") or OCR debris, or opens on a verb the tagger takes for a noun."""
    found = rows(samples_db, "SELECT subject FROM figures WHERE subject IS NOT NULL")
    assert found
    for row in found:
        words = re.sub(r" so với năm \d{4}$", "", row["subject"].lower())
        assert not any(c.isdigit() or c in "_|:;()" for c in words), words
        assert words not in {"ước đạt", "ước tính", "dự kiến", "đạt", "là", "tương đương"}, words
        assert not words.startswith(("ước ", "bồ trí", "đề nghị", "thuộc ", "vượt ")), words
