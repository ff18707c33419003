"""What a paragraph reports, read from its sentences (nlp/meaning.py): sentences written
after provincial reports on industrial promotion, anti-corruption and administrative reform;
the kind each reports read from its meaning."""

from __future__ import annotations

import pytest

from baocao.nlp.meaning import passage_kind


@pytest.mark.parametrize("text,kind", [
    # difficulties, told after results ("bên cạnh … vẫn còn …") or by a target missed
    ("Bên cạnh những kết quả đạt được, công tác khuyến công vẫn còn một số hạn chế, nguồn "
     "kinh phí bố trí cho các đề án còn thấp.", "difficulties"),
    ("Các cơ sở công nghiệp nông thôn còn gặp nhiều khó khăn trong tiếp cận vốn vay.",
     "difficulties"),
    ("Năm 2023, số đề án khuyến công địa phương chưa đạt kế hoạch đề ra.", "difficulties"),
    # OCR's accents do not matter
    ("Tuy nhien, viec giai ngan von van con nhieu vuong mac.", "difficulties"),
    # causes: the cue that comes first in its sentence decides
    ("Nguyên nhân chủ yếu là do ngân sách tỉnh còn khó khăn, chưa bố trí đủ vốn đối ứng.",
     "causes"),
    ("Tình trạng trên do một số nguyên nhân: cán bộ làm công tác khuyến công còn kiêm nhiệm, "
     "thiếu kinh nghiệm.", "causes"),
    # lessons
    ("Qua 5 năm triển khai Chương trình, tỉnh rút ra một số bài học kinh nghiệm sau:",
     "lessons"),
    ("Kinh nghiệm cho thấy phải gắn hỗ trợ khuyến công với quy hoạch vùng nguyên liệu.",
     "lessons"),
])
def test_a_paragraph_tells_its_kind(text: str, kind: str) -> None:
    assert passage_kind(text) == (kind, 0.6)


@pytest.mark.parametrize("text", [
    # results, a task, people in need, a difficulty said not to be there
    "Năm 2023, tỉnh đã hỗ trợ 25 đề án khuyến công với tổng kinh phí 3.450 triệu đồng.",
    "Giao Sở Công Thương chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện.",
    "Trung tâm bố trí công chức hướng dẫn, hỗ trợ người dân gặp khó khăn khi nộp hồ sơ.",
    "Trong năm, các cơ sở được hỗ trợ không gặp khó khăn về mặt bằng sản xuất.",
    "Chương trình nhằm hạn chế tối đa việc sử dụng hồ sơ giấy.",
])
def test_a_paragraph_that_tells_no_kind_has_none(text: str) -> None:
    assert passage_kind(text) == (None, None)


def test_more_sentences_telling_a_kind_make_it_surer() -> None:
    text = ("Việc giải ngân vốn khuyến công quốc gia còn chậm. Một số đề án còn gặp khó khăn về "
            "vốn đối ứng; nhiều cơ sở chưa đáp ứng được yêu cầu về hồ sơ. Nguyên nhân là do "
            "thủ tục còn phức tạp.")
    assert passage_kind(text) == ("difficulties", 0.75)
