"""Headings told by how they look: bold and larger type from the text layer's fonts and from
OCR letter heights, on real Lâm Đồng reports (../shared/realtables, text layers set in Times
New Roman with bold headings) and on pages made here with wording from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, require_shared
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from baocao.datamodel import Paragraph, Word
from baocao.extract.textlayer import BOLD_FONT, ITALIC_FONT
from baocao.nlp.looks import look
from baocao.pipelines.process import process_file

REALTABLES = REPO.parent / "shared" / "realtables" / "docs"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


@pytest.fixture(scope="module")
def pci() -> list:
    require_shared(REALTABLES)
    return process_file(REALTABLES / "ld_pci_2025.pdf")


@pytest.fixture(scope="module")
def chiso() -> list:
    require_shared(REALTABLES)
    return process_file(REALTABLES / "ld_chiso_2025.pdf")


@pytest.mark.parametrize(("font", "bold", "italic"), [
    ("TimesNewRomanPS-BoldMT", True, False),
    ("Times New Roman,Bold", True, False),
    ("Times New Roman,BoldItalic", True, True),
    ("Arial-BoldItalicMT", True, True),
    ("TimesNewRomanPSMT", False, False),
    ("Times New Roman,Italic", False, True),
    ("Times New Roman", False, False),
])
def test_bold_and_italic_faces_are_told_by_their_names(font: str, bold: bool, italic: bool
                                                        ) -> None:
    assert bool(BOLD_FONT.search(font)) is bold
    assert bool(ITALIC_FONT.search(font)) is italic


def test_text_layer_words_carry_their_font(pci) -> None:
    """On page 1 "1. Báo cáo kết quả cải thiện…" is printed in 14 pt bold, the opening
    "Thực hiện chức năng…" in 14 pt regular."""
    first = next(iter(pci.page_store))  # the pages with their words, as written
    words = [w for line in first.lines for w in line.words]
    heading = next(w for w in words if w.text == "cải" and w.bold)
    body = next(w for w in words if w.text == "Thực")
    assert (heading.bold, heading.size) == (True, 14.0)
    assert (body.bold, body.italic, body.size) == (False, False, 14.0)


def test_a_long_numbered_heading_in_bold_is_a_heading(pci) -> None:
    """38 words over three lines, too long for a heading by its length alone; its bold
    type says it is one, and "1.2." below it is its child, not its sibling."""
    headings = {s.heading: s for s in pci.sections}
    top = headings.get(
        "1. Báo cáo kết quả cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số PCI năm "
        "2024 (công bố trước sáp nhập tỉnh) và các hoạt động chủ yếu năm 2025 (sau sáp nhập "
        "tỉnh)")
    assert top is not None, list(headings)
    child = next(s for s in pci.sections if (s.heading or "").startswith("1.2. Đánh giá"))
    assert child.parent_id == top.section_id and child.level == top.level + 1


def test_plain_numbered_sentences_are_points_where_headings_are_bold(chiso) -> None:
    """In a report whose numbered headings are bold, "c) Có 06/139 đề xuất, kiến nghị… chưa
    được giải quyết." in plain type is a finding run into the text (inline), a difficulty
    as its section is, not a block heading; "b) Giao Sở Nội vụ:" gives a task."""
    by_heading = {s.heading or "": s for s in chiso.sections}
    found = [s for h, s in by_heading.items() if h.startswith("c) Có 06/139")]
    assert [(s.inline, s.kind) for s in found] == [(True, "difficulties")]
    online = [s for h, s in by_heading.items() if h.startswith("a) Tỷ lệ hồ sơ trực tuyến")]
    assert [(s.inline, s.kind) for s in online] == [(True, "difficulties")]
    assert by_heading["b) Giao Sở Nội vụ:"].kind == "plans"
    assert not by_heading["5. Về xây dựng và phát triển chính quyền điện tử, chính quyền số"
                          ].inline


# Wording from the Lâm Đồng reports above (ld_pci_2025, ld_chiso_2025).
RUNNING = ("Thực hiện chức năng, nhiệm vụ được UBND tỉnh giao, theo đề nghị của Sở Nội vụ "
           "tại Công văn số 2701/SNV-CCHC&VTLT ngày 05/11/2025, Trung tâm báo cáo UBND tỉnh "
           "về tình hình cải thiện môi trường đầu tư, nâng cao chỉ số PCI và DDCI tỉnh Lâm "
           "Đồng, cụ thể như sau.")
AFTER = ("Tổ chức Hội nghị đối thoại doanh nghiệp năm 2025 với sự tham gia của lãnh đạo UBND "
         "tỉnh, các sở, ngành và một số địa phương, mời các hiệp hội, doanh nghiệp tiêu biểu "
         "cùng tham dự và trao đổi.")


def _text_layer_report(path: Path) -> Path:
    """A one-page report typeset as the Lâm Đồng ones are: bold title block, running text,
    an unnumbered topic heading in bold, a bold run-in label, a table row in small bold."""
    pdf = FPDF(format="A4")
    pdf.add_font("Serif", "", SERIF)
    pdf.add_font("Serif", "B", SERIF_BOLD)
    pdf.set_margins(25, 20, 20)
    pdf.add_page()
    pdf.set_font("Serif", "B", 12)
    pdf.cell(0, 7, "TRUNG TÂM XÚC TIẾN ĐẦU TƯ", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.cell(0, 7, "BÁO CÁO", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.cell(0, 7, "Tình hình cải thiện môi trường đầu tư", new_x="LMARGIN", new_y="NEXT",
             align="C")
    pdf.ln(6)
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(0, 7, RUNNING, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Serif", "B", 12)
    pdf.cell(0, 7, "Công tác đối thoại doanh nghiệp", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(0, 7, AFTER, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Serif", "B", 9)
    pdf.cell(0, 6, "Chi phí gia nhập thị trường", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Serif", "B", 12)
    pdf.write(7, "3. Kiến nghị, đề xuất: ")
    pdf.set_font("Serif", "", 12)
    pdf.write(7, "Trung tâm kính đề xuất UBND tỉnh tiếp tục chỉ đạo các sở, ngành và địa "
                 "phương xử lý các kiến nghị, phản ánh của doanh nghiệp sau Hội nghị đối "
                 "thoại doanh nghiệp năm 2025.")
    pdf.output(str(path))
    return path


def test_bold_lines_set_apart_are_headings_in_a_text_layer(tmp_path: Path) -> None:
    result = process_file(_text_layer_report(tmp_path / "bold.pdf"))
    assert result.pages[0].source == "text"
    by_heading = {s.heading: s for s in result.sections}
    assert "Công tác đối thoại doanh nghiệp" in by_heading, list(by_heading)
    assert by_heading["Công tác đối thoại doanh nghiệp"].text.startswith("Tổ chức Hội nghị")
    # the bold label ends where plain type begins: the run-in section "3. Kiến nghị, đề xuất:"
    label = by_heading.get("3. Kiến nghị, đề xuất:")
    assert label is not None and label.inline and label.kind == "recommendations"
    # bold lines of the title block and a small bold table cell are no headings
    assert "Tình hình cải thiện môi trường đầu tư" not in by_heading
    assert "Chi phí gia nhập thị trường" not in by_heading


def test_a_line_in_larger_type_is_a_heading_on_a_scan(tmp_path: Path) -> None:
    """An unnumbered heading printed a third larger than the body with space above and
    below it, as headings are set, read by Tesseract."""
    body, big = ImageFont.truetype(SERIF, 40), ImageFont.truetype(SERIF, 54)
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    y = 250
    lines = [(body, ln) for ln in _wrap(draw, RUNNING, body)]
    lines += [(big, "Công tác đối thoại doanh nghiệp")]
    lines += [(body, ln) for ln in _wrap(draw, AFTER, body)]
    for font, text in lines:
        y += 40 if font is big else 0
        draw.text((250, y), text, font=font, fill=0)
        y += int(font.size * 1.6) + (40 if font is big else 0)
    image.save(tmp_path / "larger.png", dpi=(300, 300))
    result = process_file(tmp_path / "larger.png")
    assert result.pages[0].source == "ocr"
    headings = [s.heading for s in result.sections]
    assert "Công tác đối thoại doanh nghiệp" in headings, headings


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if draw.textlength(f"{line} {word}", font=font) > 1950 and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _paragraph(words: list[tuple[str, bool]], size: float = 14.0) -> Paragraph:
    spans, text = [], ""
    for token, bold in words:
        start = len(text) + (1 if text else 0)
        text = f"{text} {token}" if text else token
        spans.append((start, start + len(token),
                      Word(token, 0, 0, 10, 10, bold=bold, italic=False, size=size)))
    return Paragraph(1, text, 0, 1, spans)


def test_look_finds_the_bold_label_before_plain_text() -> None:
    para = _paragraph([("2.", True), ("Sở", True), ("Tài", True), ("chính:", True),
                       ("chủ", False), ("trì", False), ("thẩm", False), ("định", False)])
    seen = look(para, 14.0)
    assert para.text[: seen.lead_end] == "2. Sở Tài chính:"
    assert (seen.bold, seen.emphasised, seen.opens_styled) == (False, True, True)


def test_look_without_fonts_tells_nothing_of_bold() -> None:
    """OCR words carry no font: neither bold nor plain, only their height."""
    para = Paragraph(1, "Kết quả", 0, 1, [(0, 3, Word("Kết", 0, 0, 30, 42)),
                                          (4, 7, Word("quả", 40, 0, 30, 42))])
    seen = look(para, 35.0)
    assert (seen.bold, seen.emphasised, seen.lead_end) == (None, None, None)
    assert seen.size_ratio == pytest.approx(1.2)
