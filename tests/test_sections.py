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


# Headings as OCR damages them: diacritics lost or changed, a letter misread.
@pytest.mark.parametrize("heading,kinds", [
    ("2. Nhung kho khan can thao go", ["difficulties"]),
    ("3. Kinh nghiệm thưc hiện", ["lessons"]),
    ("3. Kinh nghlệm thực hiện", ["lessons"]),
    ("(3) Kinh nghiêm thực tiên:", ["lessons"]),
    ("I. KET QUA DAT DUOC", ["achievements"]),
    ("II. TÔN TAI, HAN CHÊ VÀ NGUYÊN NHÂN", ["difficulties", "causes"]),
    ("III. BAI HOC KINH NGHIEM", ["lessons"]),
    ("IV. PHƯƠNG HUỚNG, NHIỆM VU NĂM 2024", ["plans"]),
    ("V. ĐỀ XUÂT, KIÊN NGHỊ", ["recommendations"]),
    ("4. Giái pháp", ["solutions"]),
    ("2. Những khó khăn, vướng mác", ["difficulties"]),
    ("5. Nguyen nhân cúa hạn chế", ["causes", "difficulties"]),
    ("1. Công tác tuyên truyền", []),  # names no kind, damaged or not
])
def test_classify_damaged(heading: str, kinds: list[str]) -> None:
    assert classify(heading) == kinds


def test_table_of_contents_lines_are_not_headings() -> None:
    doc = pages(["MỤC LỤC", "I. Kết quả đạt được .......... 3", "II. Khó khăn, hạn chế …… 5",
                 "I. KẾT QUẢ ĐẠT ĐƯỢC", "Năm 2023 tỉnh đã hỗ trợ 35 cơ sở."])
    sections, _ = tag_sections(doc)
    assert [s.heading for s in sections if s.heading] == ["I. KẾT QUẢ ĐẠT ĐƯỢC"]


def test_title_block_is_not_a_section() -> None:
    doc = pages(["UBND TỈNH BẮC GIANG", "Số: 123/BC-UBND", "BÁO CÁO",
                 "Kết quả thực hiện khuyến công năm 2023", "I. KẾT QUẢ ĐẠT ĐƯỢC", "Nội dung.",
                 "Kinh nghiệm rút ra:", "Một là, tuyên truyền."])
    sections, _ = tag_sections(doc)
    assert [(s.heading, s.kind) for s in sections if s.heading] == [
        ("I. KẾT QUẢ ĐẠT ĐƯỢC", "achievements"), ("Kinh nghiệm rút ra:", "lessons")]
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
