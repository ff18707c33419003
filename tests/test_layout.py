"""Page clean-up: running headers/page numbers set aside, wrapped lines re-joined."""

from __future__ import annotations

from baocao.datamodel import Line, PageContent
from baocao.nlp.layout import clean_pages

CHAR = 10.0  # width of one character in these hand-built pages
RIGHT = 900.0  # 80 characters from the left margin


def page(rows: list[tuple[str, bool]], page_no: int = 1, indent_first: bool = False) -> PageContent:
    """A page of left-aligned lines; `full` lines are justified to the right margin."""
    lines = []
    for i, (text, full) in enumerate(rows):
        x0 = 100.0
        x1 = RIGHT if full else x0 + CHAR * len(text)
        lines.append(Line(text, x0, x1, 100.0 + 30 * i, 120.0 + 30 * i))
    return PageContent(page_no, "ocr", lines, 800, 1200)


# Lines of the Bắc Ninh seed page (p. 62), with its running header and page number.
BAC_NINH = [
    ("Page 62 - Tai lieu Khuyen cong OK (13-12)", False),
    ("P. 62", False),
    ("- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc", True),
    ("bình chọn có 111 sản phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí", True),
    ("hỗ trợ là 320 triệu đồng.", False),
    ("2. Những khó khăn cần tháo gỡ", False),
    ("- Nguồn kinh phí KCQG và KCĐP còn hạn chế chưa thu hút được các", True),
    ("doanh nghiệp vào đầu tư sản xuất công nghiệp - tiểu thủ công nghiệp và thay", True),
    ("đổi công nghệ;", False),
    ("- Số lượng doanh nghiệp, cơ sở sản xuất CNNT của Bắc Ninh khá nhiều,", True),
    ("tuy nhiên phần lớn là các doanh nghiệp nhỏ và vừa có nguồn tài chính hạn chế", True),
    ("3. Kinh nghiệm thực hiện", False),
    ("Thứ nhất: Nâng cao chất lượng công tác thông tin, tuyên truyền", False),
    ("- Đẩy mạnh việc rà soát, xây dựng, bổ sung, sửa đổi và hoàn thiện các", True),
    ("thực hiện đúng tiến độ, mục đích và đạt hiệu quả cao; chú trọng đối tượng thụ", True),
    ("61", False),
]


def test_headers_and_page_numbers_are_set_aside() -> None:
    [text] = clean_pages([page(BAC_NINH)])
    assert text.header == ["Page 62 - Tai lieu Khuyen cong OK (13-12)", "P. 62"]
    assert text.footer == ["61"]
    assert "Page 62" not in text.text and "P. 62" not in text.text
    assert not text.text.endswith("61")


def test_navigation_strip_is_a_footer() -> None:
    rows = [("Kinh phí hỗ trợ là 320 triệu đồng.", False), ("55", False),
            ("51   52   53   54   55   56   57   58   59   60   61", False)]
    [text] = clean_pages([page(rows)])
    assert text.footer == ["55", "51 52 53 54 55 56 57 58 59 60 61"]
    assert text.text == "Kinh phí hỗ trợ là 320 triệu đồng."


def test_wrapped_lines_rejoin_but_headings_and_bullets_stay_apart() -> None:
    [text] = clean_pages([page(BAC_NINH)])
    assert text.text.split("\n") == [
        "- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc bình chọn có 111 "
        "sản phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí hỗ trợ là 320 triệu đồng.",
        "2. Những khó khăn cần tháo gỡ",
        "- Nguồn kinh phí KCQG và KCĐP còn hạn chế chưa thu hút được các doanh nghiệp vào đầu "
        "tư sản xuất công nghiệp - tiểu thủ công nghiệp và thay đổi công nghệ;",
        "- Số lượng doanh nghiệp, cơ sở sản xuất CNNT của Bắc Ninh khá nhiều, tuy nhiên phần "
        "lớn là các doanh nghiệp nhỏ và vừa có nguồn tài chính hạn chế",
        "3. Kinh nghiệm thực hiện",
        "Thứ nhất: Nâng cao chất lượng công tác thông tin, tuyên truyền",
        "- Đẩy mạnh việc rà soát, xây dựng, bổ sung, sửa đổi và hoàn thiện các thực hiện đúng "
        "tiến độ, mục đích và đạt hiệu quả cao; chú trọng đối tượng thụ",
    ]
    for p in text.paragraphs:  # offsets point into the page text
        assert text.text[p.start : p.start + len(p.text)] == p.text


def test_repeated_top_line_is_a_running_header() -> None:
    first = page([("Trích nguồn: Kiểm toán Nhà nước", False), ("Nội dung trang một.", False)])
    second = page([("Trích nguồn: Kiểm toán Nhà nước", False), ("2", False),
                   ("Nội dung trang hai.", False)], page_no=2)
    texts = clean_pages([first, second])
    assert [t.text for t in texts] == ["Nội dung trang một.", "Nội dung trang hai."]
    assert texts[1].header == ["Trích nguồn: Kiểm toán Nhà nước", "2"]


def test_text_is_nfc() -> None:
    decomposed = "Kinh nghie\u0302\u0323m thu\u031b\u0323c hie\u0302\u0323n"
    [text] = clean_pages([page([(decomposed, False)])])
    assert text.text == "Kinh nghiệm thực hiện"


def test_a_speck_beside_the_page_label_does_not_hide_it() -> None:
    rows = [("Page 62 - Tai lieu Khuyen cong OK (13-12)", False), ("P.62 š", False),
            ("- Chương trình bình chọn sản phẩm CNNT cấp tỉnh.", False)]
    [text] = clean_pages([page(rows)])
    assert text.header == ["Page 62 - Tai lieu Khuyen cong OK (13-12)", "P.62 š"]
    assert text.text == "- Chương trình bình chọn sản phẩm CNNT cấp tỉnh."


def test_numbered_content_lines_at_the_top_are_not_running_headers() -> None:
    """Lines that share their words but differ in more than a page number are content."""
    first = page([("1. Kết quả thực hiện năm 2022", False), ("Nội dung trang một.", False)])
    second = page([("2. Kết quả thực hiện năm 2023", False), ("Nội dung trang hai.", False)],
                  page_no=2)
    texts = clean_pages([first, second])
    assert texts[0].text.startswith("1. Kết quả thực hiện năm 2022")
    assert texts[1].text.startswith("2. Kết quả thực hiện năm 2023")
    assert texts[0].header == texts[1].header == []


def test_a_sentence_with_figures_at_the_bottom_is_not_a_running_footer() -> None:
    first = page([("Nội dung trang một.", False),
                  ("Tổng kinh phí thực hiện là 150/320 triệu đồng.", False)])
    second = page([("Nội dung trang hai.", False),
                   ("Tổng kinh phí thực hiện là 180/320 triệu đồng.", False)], page_no=2)
    texts = clean_pages([first, second])
    assert texts[0].footer == texts[1].footer == []
    assert texts[0].text.endswith("Tổng kinh phí thực hiện là 150/320 triệu đồng.")


def test_a_header_that_differs_only_in_its_page_number_is_still_a_header() -> None:
    first = page([("Báo cáo tổng kết công tác năm - trang 1", False), ("Nội dung một.", False)])
    second = page([("Báo cáo tổng kết công tác năm - trang 2", False), ("Nội dung hai.", False)],
                  page_no=2)
    texts = clean_pages([first, second])
    assert [t.text for t in texts] == ["Nội dung một.", "Nội dung hai."]


# The last page of a real directive, as OCR reads it: the body's last line, then the
# distribution list with the signature block's capitals beside it.
LAST_PAGE = [
    ("Chỉ thị này có hiệu lực kể từ ngày ký; kinh phí 120 triệu đồng./.", False),
    ("Nơi nhận: KT. CHỦ TỊCH", False),
    ("- Thường trực Tỉnh ủy (b/cáo); PHÓ CHỦ TỊCH", False),
    ("- CT, PCT UBND tỉnh;", False),
    ("- Lưu: VT, KTTH.", False),
    ("Trần Văn Bình", False),
]


def test_distribution_list_and_signature_are_furniture_not_body() -> None:
    """From "Nơi nhận:" to the page's end is the document's form: kept whole in furniture,
    out of the text that headings and figures are read from, and in full_text."""
    [text] = clean_pages([page(LAST_PAGE)])
    assert text.text == LAST_PAGE[0][0]
    assert text.furniture == [row for row, _ in LAST_PAGE[1:]]
    assert "Nơi nhận: KT. CHỦ TỊCH" in text.full_text and "Trần Văn Bình" in text.full_text


def test_motto_greeting_and_signature_stamp_are_furniture() -> None:
    rows = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
        ("Độc lập - Tự do - Hạnh phúc", False),
        ("Người ký: Ủy ban Nhân dân tỉnh", False),
        ("Thời gian ký: 13.01.2025 17:06:30", False),
        ("Kính gửi: Thường trực HĐND tỉnh", False),
        ("Thực hiện Nghị quyết số 24/2013/NQ-HĐND, UBND tỉnh báo cáo như sau:", False),
    ]
    [text] = clean_pages([page(rows)])
    assert text.furniture == [row for row, _ in rows[:5]]
    assert text.text == rows[5][0]


def test_a_body_line_that_names_the_motto_is_not_furniture() -> None:
    """Only the motto alone on its line is furniture; an issuer line the OCR ran into it
    ("UBND TỈNH … CỘNG HÒA …") and a sentence mentioning it stay in the body."""
    rows = [("UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
            ("Kinh nghiệm: cần gửi báo cáo đúng hạn về Sở Công Thương.", False)]
    [text] = clean_pages([page(rows)])
    assert text.furniture == []
