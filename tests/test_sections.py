"""Headings and their kinds, on real headings from the seeds and the development set."""

from __future__ import annotations

import pytest

from baocao.datamodel import PageText, Paragraph
from baocao.nlp.sections import classify, tag_sections


@pytest.mark.parametrize("heading,kinds", [
    ("2. Những khó khăn cần tháo gỡ", ["difficulties"]),
    ("3. Kinh nghiệm thực hiện", ["lessons"]),
    ("(2) Những khó khăn cần tháo gỡ:", ["difficulties"]),
    ("(3) Kinh nghiệm thực tiễn:", ["lessons"]),
    ("1.4.2 Những tồn tại, sai sót của việc sử dụng kinh phí bổ sung có mục tiêu",
     ["difficulties"]),
    ("1.4.2.1 Xây dựng dự toán và phân bổ nguồn vốn không đúng đối tượng, số lượng tiếp nhận "
     "nguồn kinh phí.", []),
    ("1.3.3. Bài học kinh nghiệm rút ra cho hoạt động kiểm toán môi trường tại Việt Nam",
     ["lessons"]),
    ("2.4. Một số đề xuất, kiến nghị cho HĐND và các cơ quan có liên quan trong việc quyết định "
     "dự toán ngân sách địa phương", ["recommendations"]),
    ("II. KẾT QUẢ ĐẠT ĐƯỢC", ["achievements"]),
    ("4. Tồn tại, hạn chế và nguyên nhân", ["difficulties", "causes"]),
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", ["plans"]),
    ("5. Giải pháp", ["solutions"]),
    ("Nhung kho khan can thao go", ["difficulties"]),  # diacritics lost by OCR
])
def test_classify(heading: str, kinds: list[str]) -> None:
    assert classify(heading) == kinds


def pages(*texts: list[str]) -> list[PageText]:
    out = []
    for no, paragraphs in enumerate(texts, 1):
        offset, paras = 0, []
        for t in paragraphs:
            paras.append(Paragraph(no, t, offset))
            offset += len(t) + 1
        out.append(PageText(no, "\n".join(paragraphs), paras))
    return out


def test_outline_levels_parents_and_page_span() -> None:
    doc = pages(
        ["- đoạn tiếp từ trang trước.", "I. KẾT QUẢ ĐẠT ĐƯỢC", "Kinh phí hỗ trợ là 320 triệu đồng.",
         "1. Những khó khăn cần tháo gỡ", "- Nguồn kinh phí còn hạn chế;"],
        ["a) Về vốn", "Thiếu vốn đối ứng.", "2. Kinh nghiệm thực hiện", "Thứ nhất: tuyên truyền.",
         "II. PHƯƠNG HƯỚNG NĂM 2024", "Tiếp tục hỗ trợ."],
    )
    sections, owner = tag_sections(doc)
    got = [(s.heading, s.kind, s.level, s.page_start, s.page_end, s.parent_id) for s in sections]
    assert got == [
        (None, "other", 0, 1, 1, None),
        ("I. KẾT QUẢ ĐẠT ĐƯỢC", "achievements", 1, 1, 2, None),
        ("1. Những khó khăn cần tháo gỡ", "difficulties", 2, 1, 2, 1),
        ("a) Về vốn", "other", 3, 2, 2, 2),
        ("2. Kinh nghiệm thực hiện", "lessons", 2, 2, 2, 1),
        ("II. PHƯƠNG HƯỚNG NĂM 2024", "plans", 1, 2, 2, None),
    ]
    assert sections[3].inherited_kind == "difficulties"  # a sub-heading naming no kind
    assert owner == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert "Thiếu vốn đối ứng." in sections[2].text  # the parent holds its sub-section's text


def test_numbered_sentences_and_cut_paragraphs_are_not_headings() -> None:
    doc = pages(
        ["2.4. Một số đề xuất, kiến nghị cho HĐND",
         "2. Hội đồng nhân dân quyết định các vấn đề của địa phương do luật định; giám sát việc"],
        ["tuân theo Hiến pháp và pháp luật ở địa phương."],
    )
    sections, _ = tag_sections(doc)
    assert [s.heading for s in sections] == ["2.4. Một số đề xuất, kiến nghị cho HĐND"]
    assert sections[0].page_end == 2
