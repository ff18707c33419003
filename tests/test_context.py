"""What each figure measures, where and when: real sentences from the seeds and the devset."""

from __future__ import annotations

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
