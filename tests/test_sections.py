"""Headings and their kinds, on real headings from the seeds and the development set."""

from __future__ import annotations

import pytest

from baocao.datamodel import PageText, Paragraph, Word
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


def test_title_block_is_not_a_section_but_its_title_line_is() -> None:
    """The report's title line ("BÁO CÁO") heads the outline, as an act's does; the issuer,
    the number and the title under it are no sections."""
    doc = pages(["UBND TỈNH BẮC GIANG", "Số: 123/BC-UBND", "BÁO CÁO",
                 "Kết quả thực hiện khuyến công năm 2023", "I. KẾT QUẢ ĐẠT ĐƯỢC", "Nội dung.",
                 "Kinh nghiệm rút ra:", "Một là, tuyên truyền."])
    sections, _ = tag_sections(doc)
    assert [(s.heading, s.kind, s.level) for s in sections if s.heading] == [
        ("BÁO CÁO", "other", 1), ("I. KẾT QUẢ ĐẠT ĐƯỢC", "achievements", 2),
        ("Kinh nghiệm rút ra:", "lessons", 3)]
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


def test_numbered_sentences_and_cut_paragraphs_are_points_run_in() -> None:
    """A numbered sentence cut by the page break is a point of the text (inline, headed by its
    first line) holding the page's continuation; "2." after "2.4." is no child of it."""
    doc = pages(
        ["2.4. Một số đề xuất, kiến nghị cho HĐND",
         "2. Hội đồng nhân dân quyết định các vấn đề của địa phương do luật định; giám sát việc"],
        ["tuân theo Hiến pháp và pháp luật ở địa phương."],
    )
    sections, _ = tag_sections(doc)
    assert [(s.heading, s.inline, s.kind) for s in sections] == [
        ("2.4. Một số đề xuất, kiến nghị cho HĐND", False, "recommendations"),
        ("2. Hội đồng nhân dân quyết định các vấn đề của địa phương do luật định; giám sát "
         "việc", True, "other")]
    assert sections[1].parent_id is None and sections[1].page_end == 2


# An act (directive, decision, notice): the header lines, then its numbered points.
DIRECTIVE = ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "CHỈ THỊ", "Về việc triển khai sử dụng hóa đơn điện tử",
             "Thực hiện Nghị định số 123/2020/NĐ-CP, Chủ tịch UBND tỉnh chỉ thị:"]


def act(texts: list[str]) -> list[PageText]:
    """One page of paragraphs, each as many printed lines as its length takes (90 a line)."""
    paras, offset = [], 0
    for t in texts:
        paras.append(Paragraph(1, t, offset, 1 + len(t) // 90))
        offset += len(t) + 1
    return [PageText(1, "\n".join(texts), paras)]


def outline(doc: list[PageText]) -> list[tuple]:
    sections, _ = tag_sections(doc)
    return [(s.heading, s.kind, s.inline, s.label) for s in sections if s.heading]


def test_act_title_lines_are_sections() -> None:
    doc = act(["Số: 47/QĐ-UBND Quảng Ngãi, ngày 17 tháng 01 năm 2025 QUYẾT ĐỊNH",
                 "Về việc kinh phí hỗ trợ quà Tết", "Căn cứ Luật Ngân sách nhà nước;",
                 "QUYẾT ĐỊNH:", "Điều 1. Bố trí kinh phí từ nguồn dự phòng ngân sách tỉnh."])
    assert outline(doc)[:2] == [("QUYẾT ĐỊNH", "other", False, None),
                                ("QUYẾT ĐỊNH:", "other", False, None)]


def test_articles_block_and_run_in() -> None:
    doc = act(["QUYẾT ĐỊNH:", "Điều 1. Bố trí 10.522,6 triệu đồng từ nguồn dự phòng.",
                 "Điều 2. Tổ chức thực hiện",
                 "1. Sở Tài chính chịu trách nhiệm toàn diện về nội dung đề xuất, đảm bảo mức "
                 "và nguồn kinh phí theo quy định; đồng thời, cấp phát kịp thời.",
                 "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký."])
    sections, _ = tag_sections(doc)
    got = [(s.heading, s.kind, s.inline, s.label) for s in sections if s.heading]
    assert got == [("QUYẾT ĐỊNH:", "other", False, None),
                   ("Điều 1.", "other", True, "Điều 1."),
                   ("Điều 2. Tổ chức thực hiện", "plans", False, "Điều 2."),
                   ("Điều 3.", "other", True, "Điều 3.")]
    # the run-in section holds its paragraph; a clause of an article is not a section
    assert sections[1].text == "Điều 1. Bố trí 10.522,6 triệu đồng từ nguồn dự phòng."
    assert "1. Sở Tài chính chịu trách nhiệm" in sections[2].text


def test_run_in_labels_up_to_the_colon_are_addressees() -> None:
    doc = act([*DIRECTIVE, "1. Cục Thuế tỉnh:", "- Chủ trì, phối hợp triển khai.",
                 "2. Sở Thông tin và Truyền thông: Theo chức năng, nhiệm vụ của mình có trách "
                 "nhiệm phối hợp với Cơ quan Thuế trong việc tuyên truyền. Định kỳ báo cáo.",
                 "3. Sở Kế hoạch và Đầu tư: Kịp thời thông báo cho các doanh nghiệp mới "
                 "thành lập về việc sử dụng hóa đơn điện tử theo quy định."])
    assert outline(doc)[1:] == [
        ("1. Cục Thuế tỉnh:", "other", False, "1."),
        ("2. Sở Thông tin và Truyền thông:", "other", True, "2."),
        ("3. Sở Kế hoạch và Đầu tư:", "other", True, "3."),
    ]


def test_run_in_points_are_tasks_or_requests_by_meaning() -> None:
    doc = act([*DIRECTIVE,
                 "1. Giao Sở Xây dựng tiến hành rà soát đối với các dự án liên quan về Khu dân "
                 "cư, Khu đô thị kết hợp thương mại và chỉnh trang đô thị trên địa bàn tỉnh.",
                 "2. Sở Tài nguyên và Môi trường chủ trì, phối hợp với các cơ quan, đơn vị liên "
                 "quan hướng dẫn UBND cấp huyện giải quyết đối với các trường hợp vướng mắc.",
                 "3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh, Tỉnh đoàn và các tổ chức chính trị - "
                 "xã hội tỉnh tiếp tục vận động các tổ chức, cá nhân ủng hộ Chương trình.",
                 "4. Đối với các nội dung kiến nghị, đề xuất liên quan đến Chương trình:"])
    assert [(h[0][:2], h[1], h[2]) for h in outline(doc)[1:]] == [
        ("1.", "plans", True), ("2.", "plans", True), ("3.", "recommendations", True),
        ("4.", "recommendations", False)]


def test_run_in_heading_without_colon_is_the_first_printed_line() -> None:
    first = "a) Tiếp tục tập trung lãnh đạo, chỉ đạo quyết liệt với quyết tâm chính trị"
    second = "cao nhất; đề cao vai trò, trách nhiệm của người đứng đầu trong việc thực hiện."
    words, offset = [], 0
    for row, line in enumerate((first, second)):
        for token in line.split():
            words.append((offset, offset + len(token), Word(token, 10.0 * offset, 100.0 + 50 * row,
                                                             40.0, 40.0, 90.0)))
            offset += len(token) + 1
    paragraph = Paragraph(1, f"{first} {second}", 0, 2, words)
    head = [Paragraph(1, t, 0) for t in [*DIRECTIVE, "1. Ban Chỉ đạo huyện"]]
    doc = [PageText(1, "", [*head, paragraph])]
    assert outline(doc)[-1] == (first, "plans", True, "a)")


def test_list_items_of_places_in_an_article_are_not_headings() -> None:
    doc = act(["QUYẾT ĐỊNH:", "Điều 1. Công nhận địa bàn đối với 07 xã, phường sau đây:",
                 "1. Phường Nghĩa Chánh, thành phố Quảng Ngãi;", "2. Xã Ba Động, huyện Ba Tơ;",
                 "3. Xã Ba Trang, huyện Ba Tơ.", "Điều 2. Quyết định này có hiệu lực."])
    assert [h[0] for h in outline(doc)] == ["QUYẾT ĐỊNH:", "Điều 1.", "Điều 2."]


def test_misread_point_labels_are_repaired_from_their_neighbours() -> None:
    doc = act([*DIRECTIVE, "1. Ban Chỉ đạo huyện",
                 "8) Tiếp tục tập trung lãnh đạo, chỉ đạo quyết liệt với quyết tâm chính trị "
                 "cao nhất; đề cao vai trò của người đứng đầu.",
                 "b) Khẩn trương hoàn thành phê duyệt đối tượng hỗ trợ nhà ở thuộc 02 Chương "
                 "trình; báo cáo kết quả về Ban Chỉ đạo tỉnh trước ngày 15 hằng tháng.",
                 "2. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành và địa phương:",
                 "3, Đối với các dự án chậm tiến độ so với thời gian được quy định:"])
    assert [h[3] for h in outline(doc)[1:]] == ["1.", "a)", "b)", "2.", "3."]
    assert outline(doc)[2][0].startswith("a) Tiếp tục")


def test_a_plain_list_numbered_with_parentheses_is_not_lettered() -> None:
    doc = act([*DIRECTIVE, "1. Ban Chỉ đạo huyện",
                 "2) Hỗ trợ nhà ở cho người có công; hỗ trợ nhà ở cho hộ nghèo năm nay."])
    assert [h[3] for h in outline(doc)[1:]] == ["1."]


def test_upper_letter_parts_against_roman_and_misread_digits() -> None:
    doc = pages(["A. PHẦN MỞ ĐẦU", "Nội dung.", "B. PHẦN NỘI DUNG", "Nội dung.",
                 "C. PHẦN KẾT LUẬN", "Hết."])
    sections, _ = tag_sections(doc)
    assert [s.level for s in sections if s.heading] == [1, 1, 1]
    items = ["A. KẾT QUẢ"] + [f"{n}. Công tác số {n}" for n in range(1, 8)] + ["B. KHÓ KHĂN"]
    sections, _ = tag_sections(pages(items))
    assert [(s.heading, s.level) for s in sections if s.heading][-1] == ("B. KHÓ KHĂN", 1)


def test_a_count_opening_a_line_is_not_a_heading_number() -> None:
    sections, _ = tag_sections(pages(["I. KẾT QUẢ ĐẠT ĐƯỢC", "35 HTX được thành lập mới"]))
    assert [s.heading for s in sections if s.heading] == ["I. KẾT QUẢ ĐẠT ĐƯỢC"]


@pytest.mark.parametrize("heading", ["2. Công tác đại học", "3. Tình hình học sinh nghỉ học"])
def test_words_like_lessons_are_not_lessons(heading: str) -> None:
    assert "lessons" not in classify(heading)


def test_a_reports_numbered_paragraph_is_a_point_of_its_sections_kind() -> None:
    """In a report, a long numbered paragraph is a point run into the text; under results
    it reports a result, though it opens with a task's verb ("Giao")."""
    doc = pages(["I. KẾT QUẢ ĐẠT ĐƯỢC",
                 "1. Giao Sở Công Thương chủ trì tổ chức 6 cuộc bình chọn; kinh phí hỗ trợ là "
                 "320 triệu đồng, đạt 100% kế hoạch năm."])
    sections = [s for s in tag_sections(doc)[0] if s.heading]
    assert [(s.heading, s.kind, s.inline) for s in sections] == [
        ("I. KẾT QUẢ ĐẠT ĐƯỢC", "achievements", False),
        ("1. Giao Sở Công Thương chủ trì tổ chức 6 cuộc bình chọn; kinh phí hỗ trợ là 320 "
         "triệu", "achievements", True)]


def test_a_short_line_in_capitals_is_a_heading_without_a_number() -> None:
    doc = pages(["BÁO CÁO", "KẾT QUẢ THỰC HIỆN NĂM 2023", "I. KẾT QUẢ ĐẠT ĐƯỢC", "Nội dung."],
                ["NHỮNG KHÓ KHĂN, VƯỚNG MẮC", "Thiếu vốn.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                 "PHÓ CHỦ TỊCH", "SỞ CÔNG THƯƠNG"])
    sections, _ = tag_sections(doc)
    assert [(s.heading, s.kind) for s in sections if s.heading] == [
        ("BÁO CÁO", "other"), ("I. KẾT QUẢ ĐẠT ĐƯỢC", "achievements"),
        ("NHỮNG KHÓ KHĂN, VƯỚNG MẮC", "difficulties")]


def test_capitals_opening_a_later_page_are_a_heading_before_any_number() -> None:
    doc = pages(["BÁO CÁO", "TÌNH HÌNH THỰC HIỆN NĂM 2023", "Năm 2023 tỉnh đã hỗ trợ."],
                ["PHƯƠNG HƯỚNG NĂM 2024", "Tiếp tục hỗ trợ."])
    sections, _ = tag_sections(doc)
    assert [(s.heading, s.kind) for s in sections if s.heading] == [
        ("BÁO CÁO", "other"), ("PHƯƠNG HƯỚNG NĂM 2024", "plans")]


def test_enumeration_words_open_run_in_points_of_an_act() -> None:
    doc = act([*DIRECTIVE,
               "Thứ nhất, tăng cường công tác tuyên truyền, phổ biến các quy định của pháp luật "
               "về hóa đơn điện tử đến các tổ chức, cá nhân kinh doanh trên địa bàn tỉnh."])
    assert outline(doc)[-1][1:] == ("plans", True, "Thứ nhất")


def test_chapters_and_articles_of_a_regulation() -> None:
    doc = act(["QUYẾT ĐỊNH:", "Chương I", "Điều 1. Phạm vi điều chỉnh",
               "1. Quy định này quy định về quản lý và sử dụng dự phòng ngân sách tỉnh; việc "
               "bố trí kinh phí từ nguồn dự phòng cho các nhiệm vụ phát sinh ngoài dự toán.",
               "Chương II", "Điều 2. Đối tượng áp dụng"])
    assert [(h[0], h[3]) for h in outline(doc)] == [
        ("QUYẾT ĐỊNH:", None), ("Chương I", "Chương I"),
        ("Điều 1. Phạm vi điều chỉnh", "Điều 1."), ("Chương II", "Chương II"),
        ("Điều 2. Đối tượng áp dụng", "Điều 2.")]


def _outline(rows: list[tuple[str, bool]]) -> list[tuple[str | None, str]]:
    """Headings and kinds of one page of hand-set lines (`True`: a line justified full)."""
    from test_layout import page

    from baocao.nlp.layout import clean_pages

    sections, _ = tag_sections(clean_pages([page(rows)]))
    return [(s.heading, s.kind) for s in sections]


BODY = [("Nguồn vốn khuyến công địa phương còn hạn chế, chưa đáp ứng nhu", True),
        ("cầu đầu tư đổi mới thiết bị của các cơ sở sản xuất.", False)]


def test_a_kind_heading_in_capitals_opening_a_page_without_title_block() -> None:
    """A page of a compilation opening with "KHÓ KHĂN, VƯỚNG MẮC": no title block stands
    before it, so it is a heading, not the report's title."""
    assert _outline([("KHÓ KHĂN, VƯỚNG MẮC", False), *BODY]) == [
        ("KHÓ KHĂN, VƯỚNG MẮC", "difficulties")]


def test_a_two_word_kind_heading_alone_on_its_line() -> None:
    rows = [("Năm 2023 tỉnh đã hỗ trợ 25 đề án khuyến công với tổng kinh phí", True),
            ("3.450 triệu đồng.", False), ("Khó khăn", False), *BODY]
    assert _outline(rows) == [(None, "other"), ("Khó khăn", "difficulties")]


def test_a_kind_heading_led_by_a_dash() -> None:
    rows = [("Năm 2023 tỉnh đã hỗ trợ 25 đề án khuyến công với tổng kinh phí", True),
            ("3.450 triệu đồng.", False), ("- Khó khăn, vướng mắc:", False), *BODY]
    assert _outline(rows) == [(None, "other"), ("- Khó khăn, vướng mắc:", "difficulties")]


def test_a_dash_line_of_running_text_is_no_heading() -> None:
    rows = [("- Khó khăn về vốn đối ứng của các cơ sở còn lớn;", False), *BODY]
    assert _outline(rows) == [(None, "other")]


def test_a_report_title_after_its_title_block_is_no_heading() -> None:
    """"Kết quả thực hiện…" under "BÁO CÁO" is the title, though it opens with a kind word;
    "BÁO CÁO" is the title line, a section of kind other."""
    rows = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False), ("Số: 412/BC-SCT", False),
            ("BÁO CÁO", False), ("Kết quả thực hiện Chương trình khuyến công năm 2023", False),
            *BODY]
    assert _outline(rows) == [(None, "other"), ("BÁO CÁO", "other")]


def test_a_run_in_label_of_a_report_is_an_inline_section() -> None:
    """In a report (no act title line), "2. Sở Kế hoạch và Đầu tư:" opening a long point is a
    section of its own, run in: heading up to the colon, `inline`, `label` "2."."""
    from test_layout import page

    from baocao.nlp.layout import clean_pages

    rows = [("III. ĐỀ XUẤT, KIẾN NGHỊ", False),
            ("2. Sở Kế hoạch và Đầu tư: chủ trì, phối hợp với Sở Tài chính tham mưu UBND", True),
            ("tỉnh bố trí vốn đối ứng cho các đề án khuyến công địa phương, ưu tiên các cơ", True),
            ("sở công nghiệp nông thôn tại các huyện miền núi, vùng đồng bào dân tộc thiểu", True),
            ("số; hướng dẫn thủ tục hỗ trợ cho các cơ sở.", False)]
    sections, _ = tag_sections(clean_pages([page(rows)]))
    run_in = sections[-1]
    assert (run_in.heading, run_in.inline, run_in.label) == (
        "2. Sở Kế hoạch và Đầu tư:", True, "2.")
    assert run_in.text.startswith("2. Sở Kế hoạch và Đầu tư: chủ trì")
    assert run_in.inherited_kind == "recommendations"  # under "ĐỀ XUẤT, KIẾN NGHỊ"


def test_a_heading_ending_a_page_before_a_lettered_item_stays_a_heading() -> None:
    """A page opening with "a) …" is no sentence cut by the page break: the numbered line
    ending the page before it is the items' heading (a page whose footnotes stand apart
    ends on it)."""
    doc = pages(
        ["1. Giao Sở Nội vụ:", "a) Hướng dẫn các xã triển khai mô hình.",
         "2. Giao Văn phòng UBND tỉnh:"],
        ["a) Khẩn trương hoàn thành việc công bố danh mục thủ tục hành chính.",
         "b) Hướng dẫn, kiểm tra, đôn đốc các cơ quan thực hiện."],
    )
    sections, _ = tag_sections(doc)
    assert "2. Giao Văn phòng UBND tỉnh:" in [s.heading for s in sections]


def test_a_page_opening_mid_sentence_continues_the_last_paragraph() -> None:
    doc = pages(
        ["1. Giao Sở Nội vụ:", "Sở Nội vụ hướng dẫn các xã, phường triển khai thực hiện"],
        ["các mô hình thí điểm trên địa bàn tỉnh.", "2. Giao Sở Tư pháp:", "Thẩm định dự thảo."],
    )
    sections, _ = tag_sections(doc)
    assert [s.heading for s in sections if s.heading] == ["1. Giao Sở Nội vụ:",
                                                         "2. Giao Sở Tư pháp:"]


# --- kinds by meaning, lists, outlines repaired (issue 31) ---------------------------------
# Headings and sentences written after those of provincial reports, plans and decisions on
# industrial promotion (khuyến công), PCI and administrative reform; kinds read from meaning.

@pytest.mark.parametrize("heading,kinds", [
    # contrast: what the heading turns to is what it is about
    ("2. Kết quả đạt được, tuy nhiên vẫn còn những tồn tại, hạn chế",
     ["difficulties", "achievements"]),
    ("Bên cạnh kết quả đạt được, công tác khuyến công vẫn còn một số hạn chế",
     ["difficulties", "achievements"]),
    # negation: a kind said not to be there is none
    ("3. Không có khó khăn, vướng mắc", []),
    # a shortcoming named by what was not done
    ("2. Những mặt chưa làm được", ["difficulties"]),
    ("III. TỔ CHỨC THỰC HIỆN", ["plans"]),
    # results of a year's tasks are results, not plans
    ("1. Kết quả thực hiện nhiệm vụ năm 2024", ["achievements"]),
])
def test_classify_by_meaning(heading: str, kinds: list[str]) -> None:
    assert classify(heading) == kinds


def test_lists_of_documents_and_people_are_no_headings() -> None:
    """A list of the documents sent along or repealed, and of a council's members, are
    entries of a list, in a report as in a submission."""
    report = pages(["I. CĂN CỨ XÂY DỰNG BÁO CÁO",
                    "1. Nghị quyết số 15/2019/NQ-HĐND ngày 12/7/2019 của HĐND tỉnh về chính "
                    "sách khuyến công trên địa bàn tỉnh giai đoạn 2019 - 2025.",
                    "(2) Báo cáo số 36/BC-SCT ngày 02/02/2024 của Sở Công Thương về kết quả "
                    "thực hiện Chương trình khuyến công năm 2023.",
                    "3. Ông Nguyễn Văn An - Phó Giám đốc Sở Công Thương, Phó Chủ tịch Hội đồng.",
                    "II. KẾT QUẢ THỰC HIỆN"])
    assert [s.heading for s in tag_sections(report)[0] if s.heading] == [
        "I. CĂN CỨ XÂY DỰNG BÁO CÁO", "II. KẾT QUẢ THỰC HIỆN"]
    submission = act(["TỜ TRÌNH", "Hồ sơ gửi kèm theo gồm:",
                      "(1) Báo cáo số 36/BC-HĐTĐ ngày 02/02/2026 của Hội đồng thẩm định;",
                      "(2) Dự thảo Quyết định của Chủ tịch UBND tỉnh về công bố Chỉ số cải cách "
                      "hành chính năm 2025 của các sở, ban, ngành."])
    assert [h[0] for h in outline(submission)] == ["TỜ TRÌNH"]


def test_bullet_labels_open_sections_of_their_kind() -> None:
    """"+ Nguyên nhân:" and "- Tồn tại, hạn chế:" opening their paragraphs are sections of
    their kind, run in; a label naming no kind is none; likewise in a submission."""
    body = ["II. ĐÁNH GIÁ CHUNG",
            "- Tồn tại, hạn chế: Nguồn kinh phí khuyến công địa phương còn thấp so với nhu cầu "
            "của các cơ sở công nghiệp nông thôn.",
            "+ Nguyên nhân: do ngân sách tỉnh còn khó khăn, nguồn xã hội hóa huy động được ít.",
            "+ Các nhiệm vụ trọng tâm trong thời gian tới: tiếp tục hỗ trợ các cơ sở đầu tư "
            "máy móc, thiết bị tiên tiến.",
            "- Kinh phí thực hiện: 2.350 triệu đồng."]
    want = [("II. ĐÁNH GIÁ CHUNG", "other", False),
            ("- Tồn tại, hạn chế:", "difficulties", True),
            ("+ Nguyên nhân:", "causes", True),
            ("+ Các nhiệm vụ trọng tâm trong thời gian tới:", "plans", True)]
    assert [(s.heading, s.kind, s.inline) for s in tag_sections(pages(body))[0]
            if s.heading] == want
    assert [h[:3] for h in outline(act(["TỜ TRÌNH", *body]))[1:]] == want


def test_points_of_a_titled_article_are_sections_its_clauses_are_not() -> None:
    """Under "Điều 2. Tổ chức thực hiện", a body's duty standing alone ("1. Sở Tài chính
    chịu trách nhiệm:") and the tasks lettered under it are sections, of kind plans."""
    doc = act(["QUYẾT ĐỊNH:", "Điều 1. Phê duyệt kế hoạch khuyến công năm 2024.",
               "Điều 2. Tổ chức thực hiện", "1. Sở Công Thương chịu trách nhiệm:",
               "a) Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn các cơ sở công "
               "nghiệp nông thôn lập hồ sơ đề án khuyến công theo quy định.",
               "b) Kiểm tra, giám sát việc thực hiện các đề án; tổng hợp, báo cáo kết quả "
               "thực hiện về UBND tỉnh trước ngày 15 tháng 12 năm 2024.",
               "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký."])
    got = [(h[0][:28], h[1], h[2]) for h in outline(doc)]
    assert got == [("QUYẾT ĐỊNH:", "other", False), ("Điều 1.", "other", True),
                   ("Điều 2. Tổ chức thực hiện", "plans", False),
                   ("1. Sở Công Thương chịu trách", "plans", False),
                   ("a) Chủ trì, phối hợp với các", "plans", True),
                   ("b) Kiểm tra, giám sát việc t", "plans", True),
                   ("Điều 3.", "other", True)]


def test_articles_quoted_in_a_submission_are_no_articles() -> None:
    doc = act(["TỜ TRÌNH", "V. BỐ CỤC VÀ NỘI DUNG CƠ BẢN CỦA NGHỊ QUYẾT",
               "Nghị quyết gồm 2 điều:", "Điều 1. Bãi bỏ toàn bộ các nghị quyết;",
               "Điều 2. Hiệu lực thi hành.", "NGHỊ QUYẾT", "QUYẾT NGHỊ:",
               "Điều 1. Bãi bỏ toàn bộ Nghị quyết số 27/2017/NQ-HĐND ngày 14/7/2017 của Hội "
               "đồng nhân dân tỉnh."])
    assert [(h[0], h[3]) for h in outline(doc)] == [
        ("TỜ TRÌNH", None), ("V. BỐ CỤC VÀ NỘI DUNG CƠ BẢN CỦA NGHỊ QUYẾT", "V."),
        ("NGHỊ QUYẾT", None), ("QUYẾT NGHỊ:", None), ("Điều 1.", "Điều 1.")]


def test_title_lines_of_documents_held_in_a_file() -> None:
    """A report drafted on a later page, a list attached, a title OCR glued or split, or
    with a number written in by hand before it, are title lines."""
    doc = pages(["CHỈ THỊ"], ["Số: /BC-UBND Lào Cai, ngày tháng năm 2024 BÁO CÁO",
                             "Kết quả thực hiện Chương trình khuyến công năm 2024",
                             "NGHỊQUYẾT", "QUY ÉT ĐỊNH:", "15 KẾ HOẠCH", "Phụ lục 02"])
    sections, _ = tag_sections(doc)
    assert [s.heading for s in sections if s.heading] == [
        "CHỈ THỊ", "BÁO CÁO", "NGHỊQUYẾT", "QUY ÉT ĐỊNH:", "KẾ HOẠCH", "Phụ lục 02"]


def test_a_misread_number_is_repaired_by_its_neighbours() -> None:
    """"1H." between "II." and "IV." is "III." (a Roman part, not a point); "7." between "1."
    and "3." is "2."; a Roman part after a preamble's "1." is not its child."""
    doc = pages(["1. Mục đích", "Nâng cao hiệu quả.", "II. NỘI DUNG",
                 "1. Hỗ trợ đào tạo nghề", "7. Hỗ trợ xây dựng mô hình trình diễn",
                 "3. Hỗ trợ ứng dụng máy móc tiên tiến", "1H. TỔ CHỨC THỰC HIỆN",
                 "IV. KINH PHÍ"])
    sections, _ = tag_sections(doc)
    got = [(s.heading[:12], s.label, s.level) for s in sections if s.heading]
    assert got == [("1. Mục đích", "1.", 1), ("II. NỘI DUNG", "II.", 1),
                   ("1. Hỗ trợ đà", "1.", 2), ("7. Hỗ trợ xâ", "2.", 2),
                   ("3. Hỗ trợ ứn", "3.", 2), ("1H. TỔ CHỨC ", "III.", 1),
                   ("IV. KINH PHÍ", "IV.", 1)]


def test_points_take_their_sections_kind_or_give_tasks() -> None:
    """Lettered points under a body's name give tasks (plans); under a plan's aims they say
    what is sought (other); a point run into the text under difficulties is a difficulty,
    though it names none."""
    doc = pages(["I. MỤC ĐÍCH, YÊU CẦU",
                 "1. Tăng cường phối hợp giữa các sở, ngành trong công tác khuyến công.",
                 "II. NỘI DUNG", "1. Các huyện, thị xã, thành phố:",
                 "a) Lập kế hoạch khuyến công năm 2025 gửi Sở Công Thương trước ngày 30/9.",
                 "b) Bố trí kinh phí đối ứng để thực hiện các đề án trên địa bàn.",
                 "III. KHÓ KHĂN, VƯỚNG MẮC",
                 "a) Việc giải ngân kinh phí khuyến công quốc gia còn chậm so với kế hoạch; "
                 "một số cơ sở công nghiệp nông thôn không bố trí đủ vốn đối ứng nên phải "
                 "xin điều chỉnh, kéo dài thời gian thực hiện đề án sang năm sau."])
    got = [(s.heading[:10], s.kind) for s in tag_sections(doc)[0] if s.heading]
    assert got == [("I. MỤC ĐÍC", "other"), ("1. Tăng cư", "other"), ("II. NỘI DU", "other"),
                   ("1. Các huy", "other"), ("a) Lập kế ", "plans"), ("b) Bố trí ", "plans"),
                   ("III. KHÓ K", "difficulties"), ("a) Việc gi", "difficulties")]


def test_a_kind_alone_on_a_dash_line_is_a_heading() -> None:
    """"- Giải pháp" alone on its line opens a section of solutions; a dash line of running
    text stays text."""
    rows = [("Năm 2023 tỉnh đã hỗ trợ 25 đề án khuyến công với tổng kinh phí", True),
            ("3.450 triệu đồng.", False), ("- Giải pháp", False), *BODY]
    assert _outline(rows) == [(None, "other"), ("- Giải pháp", "solutions")]
    rows = [("- Kết quả đạt được còn thấp so với kế hoạch;", False), *BODY]
    assert _outline(rows) == [(None, "other")]


def test_clauses_a_report_quotes_are_no_headings() -> None:
    """The numbered clauses of a law quoted by a report, inside “…” across paragraphs, are
    the law's, not the report's outline."""
    doc = pages(["2.4. Một số đề xuất, kiến nghị cho HĐND", "Điều 113 Hiến pháp quy định:",
                 "“1. Hội đồng nhân dân là cơ quan quyền lực nhà nước ở địa phương, đại diện "
                 "cho ý chí, nguyện vọng và quyền làm chủ của Nhân dân.",
                 "2. Hội đồng nhân dân quyết định các vấn đề của địa phương do luật định; giám "
                 "sát việc tuân theo Hiến pháp và pháp luật ở địa phương”.",
                 "3. Tăng cường vai trò của HĐND trong quyết định dự toán ngân sách địa phương; "
                 "nâng cao chất lượng thẩm tra dự toán của các ban của HĐND."])
    assert [s.heading[:20] for s in tag_sections(doc)[0] if s.heading] == [
        "2.4. Một số đề xuất,", "3. Tăng cường vai tr"]


def test_a_point_opening_with_an_agencys_name_gives_no_task_by_it() -> None:
    """"Giao" assigns a task ("b) Giao Sở Nội vụ:"); "Giáo dục", "Giao thông" open a topic."""
    doc = pages(["I. NHIỆM VỤ TRỌNG TÂM", "1. Các huyện, thành phố:",
                 "a) Giao Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện.",
                 "b) Giáo dục nghề nghiệp cho lao động nông thôn", "II. KẾT QUẢ KHÁC"])
    got = [(s.heading[:12], s.kind) for s in tag_sections(doc)[0] if s.heading]
    assert got[2:4] == [("a) Giao Sở N", "plans"), ("b) Giáo dục ", "other")]
