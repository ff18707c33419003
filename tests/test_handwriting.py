"""Handwriting on scans (pen ink, digits taller than the typed ones), numbers read a second
time, and what the title block's number and date keep of them (issue 26)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import REPO, require_shared, rows, run_cli
from PIL import Image, ImageDraw, ImageFont

from baocao.datamodel import Line, PageContent, PageText, Word
from baocao.extract import read_page
from baocao.extract.handwriting import inks, mark_handwriting
from baocao.extract.reread import reread_numbers
from baocao.extract.table_grid import find_tables
from baocao.nlp.layout import clean_pages
from baocao.nlp.metadata import read_metadata
from baocao.nlp.signature import signature, signature_page

WILDDEV = REPO.parent / "shared" / "wilddev"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BLACK, BLUE = (20, 20, 20), (40, 60, 170)


def sheet(pieces: list[tuple[str, int, tuple[int, int, int]]], colour: bool = False
          ) -> tuple[Image.Image, Line]:
    """One line of text drawn piece by piece (text, letter size in px, ink) on a white
    300-DPI-like sheet, and the line as OCR would give it: each piece a word, boxed on its
    ink, read with confidence 96."""
    image = Image.new("RGB", (1400, 240), "white")
    draw = ImageDraw.Draw(image)
    x, words = 60, []
    for text, size, ink in pieces:
        font = ImageFont.truetype(SERIF, size)
        left, top, right, bottom = draw.textbbox((x, 150), text, font=font, anchor="ls")
        draw.text((x, 150), text, font=font, fill=ink, anchor="ls")
        words.append(Word(text, left, top, right - left, bottom - top, 96.0))
        x = right + 40
    line = Line(" ".join(w.text for w in words), words[0].left,
                words[-1].left + words[-1].width, min(w.top for w in words),
                max(w.top + w.height for w in words), words)
    return (image if colour else image.convert("L")), line


# --- handwriting ------------------------------------------------------------------------

def test_digits_taller_than_the_typed_year_of_their_line_are_handwritten() -> None:
    """"Số: 44 … năm 2024": a number written by hand stands about a quarter taller than the
    typed digits of its line; one typed in the line's own letters does not."""
    image, line = sheet([("Số:", 42, BLACK), ("44", 56, BLACK), ("tháng", 42, BLACK),
                         ("9", 42, BLACK), ("năm", 42, BLACK), ("2024", 42, BLACK)])
    [marked] = mark_handwriting([line], image, inks(image))
    by_text = {w.text: w.handwritten for w in marked.words}
    assert by_text["44"] is True
    assert by_text["9"] is False and by_text["2024"] is False
    assert by_text["tháng"] is None  # no colour, no digit: nothing to judge it by


def test_blue_ink_is_handwriting_and_black_print_is_not() -> None:
    """A number filled in with a ballpoint on a colour scan, beside the printed code."""
    image, line = sheet([("Số:", 42, BLACK), ("289", 42, BLUE), ("/TTr-CAT", 42, BLACK)],
                        colour=True)
    [marked] = mark_handwriting([line], image.convert("L"), inks(image))
    assert [w.handwritten for w in marked.words] == [False, True, False]


def test_a_page_with_no_colour_has_no_inks() -> None:
    image, _ = sheet([("2024", 42, BLACK)], colour=True)
    assert inks(image) is None and inks(image.convert("L")) is None


# --- the second reading -------------------------------------------------------------------

def test_printed_numbers_read_again_agree_with_their_digits() -> None:
    """Each number word cut out and read again, digits only, by the real Tesseract; the
    words that are no number are not read again."""
    image, line = sheet([("2.870", 44, BLACK), ("hộ", 44, BLACK), ("94,2%", 44, BLACK),
                         ("13/3/2025", 44, BLACK)])
    [again] = reread_numbers([line], image)
    assert [w.reread for w in again.words] == ["2870", None, "942", "1332025"]


# --- the title block keeps only what is typed -----------------------------------------------

HEADER = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH QUẢNG NGÃI Độc lập - Tự do"
          " - Hạnh phúc\n")


def block(number_line: str, doubted: list[str]) -> PageText:
    """Page 1 with the pieces `doubted` marked as numbers the page read with doubt."""
    text = (HEADER + number_line + "\nCHỈ THỊ\nVề việc tăng cường an toàn công trình cầu\n"
            "Cơn bão số 3 và mưa lũ sau bão vừa qua đã gây thiệt hại.")
    spans = [(text.index(piece), text.index(piece) + len(piece)) for piece in doubted]
    return PageText(1, text, [], full_text=text, doubted=spans)


def test_a_number_read_with_doubt_is_not_stored_but_its_printed_code_is() -> None:
    m = read_metadata([block("Số: 44 /CT-UBND Quảng Ngãi, ngày 11 tháng 9 năm 2024", ["44"])])
    assert (m.doc_number, m.doc_code) == (None, "CT-UBND")
    assert (m.doc_date, m.doc_date_precision) == ("2024-09-11", "day")
    assert m.handwritten == "number"


def test_a_day_or_month_read_with_doubt_is_left_out_of_the_date() -> None:
    """The handwritten "9" of "tháng 9" read as a confident "3": the year alone is kept."""
    m = read_metadata([block("Số: 4214/BCA-C04 Hà Nội, ngày 16 tháng 3 năm 2025",
                             ["4214/BCA-C04", "16", "3 "])])
    assert (m.doc_number, m.doc_code) == (None, "BCA-C04")
    assert (m.doc_date, m.doc_date_precision) == ("2025", "year")
    assert m.handwritten == "number, day, month"


def test_a_typed_number_and_date_with_no_doubt_are_stored_whole() -> None:
    m = read_metadata([block("Số: 412/CT-UBND Quảng Ngãi, ngày 15 tháng 12 năm 2023", [])])
    assert (m.doc_number, m.doc_date, m.handwritten) == ("412/CT-UBND", "2023-12-15", None)


def ocr_page(words: list[Word]) -> PageContent:
    """One OCR line made of `words` (their texts as the line's)."""
    line = Line(" ".join(w.text for w in words), 100, 900, 100, 140, words)
    return PageContent(1, "ocr", [line], 1000, 1400)


def test_numbers_written_by_hand_read_otherwise_or_unsure_are_doubted() -> None:
    def word(text: str, conf: float = 96, reread: str | None = None,
             hand: bool | None = False) -> Word:
        return Word(text, 0, 100, 40, 40, conf, reread=reread, handwritten=hand)

    [page] = clean_pages([ocr_page([
        word("Số:"), word("44", hand=True), word("/CT-UBND"), word("ngày"),
        word("899", reread="299"), word("tháng"), word("9", conf=31), word("năm"),
        word("2024", reread="2024"),
    ])])
    assert [page.full_text[a:b] for a, b in page.doubted] == ["44", "899", "9"]


# --- what the real scans say ------------------------------------------------------------------

@pytest.fixture(scope="module")
def wild_db(tmp_path_factory) -> Path:
    """`baocao run` over two real scans of ../shared/wilddev whose document number and day
    are filled in by hand: qn_11CT (a chỉ thị of UBND tỉnh Quảng Ngãi, "Số: 11 /CT-UBND",
    the "11" in black marker, the day "11" too) and ld_da06_t10 (a tờ trình of Công an tỉnh
    Lâm Đồng, "Số: 289 /TTr-CAT-PC06", the "289" and the day "22" in blue ballpoint)."""
    require_shared(WILDDEV)
    db = tmp_path_factory.mktemp("wild") / "baocao.sqlite"
    docs = WILDDEV / "docs"
    proc = run_cli("run", str(docs / "qn_11CT.pdf"), str(docs / "ld_da06_t10.pdf"),
                   "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.mark.parametrize("filename, code, printed", [
    ("qn_11CT.pdf", "CT-UBND", ("2024-09", "2024")),  # "ngày … tháng 9 năm 2024"
    ("ld_da06_t10.pdf", "TTr-CAT-PC06", ("2025-10", "2025")),  # "ngày … tháng 10 năm 2025"
])
def test_a_handwritten_title_block_number_is_never_stored(
        wild_db: Path, filename: str, code: str, printed: tuple[str, str]) -> None:
    """OCR reads the handwritten numbers as confident digits ("44", "233" on these pages):
    the number is left out, the printed code kept, the date kept without its day."""
    [doc] = rows(wild_db, "SELECT * FROM documents WHERE filename = ?", filename)
    assert doc["doc_number"] is None
    assert doc["doc_code"] == code
    assert doc["doc_date"] in printed
    assert "day" in doc["handwritten"]


def test_the_handwritten_number_is_marked_in_the_words_table(wild_db: Path) -> None:
    """The word read between "Số:" and the printed code is marked handwritten: the marker's
    digits stand taller than the typed "2024" of their line."""
    words = rows(wild_db, "SELECT w.* FROM words w JOIN documents d USING (doc_id) "
                 "WHERE d.filename = 'qn_11CT.pdf' AND w.page_no = 1 ORDER BY w.word_no")
    at = next(i for i, w in enumerate(words) if w["text"] == "Số:")
    assert words[at + 1]["handwritten"] == 1
    assert words[at + 2]["text"] == "/CT-UBND" and words[at + 2]["handwritten"] == 0
    [doc] = rows(wild_db, "SELECT handwritten FROM documents WHERE filename = 'qn_11CT.pdf'")
    assert doc["handwritten"] == "number, day"


def test_a_typed_year_read_again_agrees(wild_db: Path) -> None:
    """"năm 2024" of qn_11CT's date line, printed: its second reading says 2024 too."""
    years = rows(wild_db, "SELECT w.reread FROM words w JOIN documents d USING (doc_id) "
                 "WHERE d.filename = 'qn_11CT.pdf' AND w.page_no = 1 AND w.text = '2024'")
    assert years and all(y["reread"] == "2024" for y in years)


def test_a_signer_under_a_seal_passed_over_by_the_page_reading_is_read() -> None:
    """qn_87QDUB page 3: "Trần Phước Hiền" printed below the red seal and the signature,
    which Tesseract's page layout takes for part of the picture; read on its own line."""
    require_shared(WILDDEV)
    page = read_page(WILDDEV / "docs" / "qn_87QDUB.pdf", 2)
    [text] = clean_pages([page])
    title, name = signature(signature_page([text.full_text]))
    assert name == "Trần Phước Hiền"
    assert title.startswith("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")  # "PHÓ CHỦ TỊCH" read "TIC"


# --- signature blocks as OCR damages them ----------------------------------------------------

@pytest.mark.parametrize("page, title, name", [
    # the seal over the N of Nguyễn, read "Â"
    ("Nơi nhận: CHỦ TỊCH\n- CT, PCT UBND tỉnh;\n- Lưu: VT, KTN.\nÂguyền Hoàng Giang",
     "CHỦ TỊCH", "Nguyễn Hoàng Giang"),
    # the T of Trương read "1", after a rank
    ("Nơi nhận: GIÁM ĐỐC\n- Như kính gửi;\n- Lưu: VT.\nThiếu tướng 1rương Minh Đương",
     "GIÁM ĐỐC", "Trương Minh Đương"),
    # "Nơi nhận" read "Voi nhận"
    ("Kính đề nghị.\nVoi nhận: GIÁM ĐỐC\n- Như trên;\n- Lưu: VT, PC04\nThiêu tướng Lê Văn Hải",
     "GIÁM ĐỐC", "Lê Văn Hải"),
    # neither "./." nor "Nơi nhận" read: the block starts at its signing-for title
    ("trên địa bàn tỉnh).!.\nR-.46 sử TL. CHỦ TỊCH\n- PCT UBND tỉnh; CHÁNH VĂN PHÒNG\n"
     "- Lưu: VT, TTHC.\nNguyễn Quốc Việt", "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG",
     "Nguyễn Quốc Việt"),
])
def test_signer_read_through_ocr_damage(page: str, title: str, name: str) -> None:
    assert signature(signature_page(["Trang đầu", page])) == (title, name)


def test_a_short_damaged_first_word_is_no_family_name() -> None:
    """"Jê" could be Lê or no name at all: too short to mend."""
    assert signature("Nơi nhận: GIÁM ĐỐC\n- Lưu: VT.\nJê Văn Hải") == ("GIÁM ĐỐC", None)


# --- layout: where the title ends, what follows "./." ------------------------------------------

def test_an_indented_paragraph_set_apart_after_an_unpunctuated_title_starts_anew() -> None:
    """A title's last line ends unpunctuated near the margin; the body's first paragraph
    stands a blank line below it, indented: two paragraphs, not one."""
    rows_ = [("Về việc tăng cường các biện pháp đảm bảo an toàn công trình cầu", 110, 900, 100),
             ("giao thông trong mùa mưa, bão năm 2024 trên địa bàn tỉnh", 120, 890, 130),
             ("Cơn bão số 3 và mưa lũ sau bão vừa qua đã gây thiệt hại rất lớn về", 160, 900,
              210),
             ("người, tài sản của Nhân dân và Nhà nước tại khu vực các tỉnh phía", 100, 900, 240),
             ("Bắc nước ta.", 100, 220, 270)]
    lines = [Line(t, x0, x1, top, top + 20) for t, x0, x1, top in rows_]
    [text] = clean_pages([PageContent(1, "ocr", lines, 1000, 1400)])
    assert text.text.split("\n") == [
        f"{rows_[0][0]} {rows_[1][0]}", f"{rows_[2][0]} {rows_[3][0]} {rows_[4][0]}"]


def test_initials_after_the_closing_mark_are_not_text() -> None:
    """The drafter's initials beside "./." read as "1%.": no figure."""
    words = [Word(t, 0, 100, 40, 40, c) for t, c in
             (("ký", 96), ("theo", 96), ("quy", 96), ("định./.", 90), ("1%.", 11))]
    [text] = clean_pages([ocr_page(words)])
    assert text.text == "ký theo quy định./."


def test_a_line_of_unread_handwriting_is_no_text() -> None:
    """The pen-written fill of an incoming-mail stamp beside a title, read "M.Ỡ.Ỡ mm" at
    low confidence: no line of the page, not the title's tail."""
    words = [Word("M.Ỡ.Ỡ", 0, 100, 80, 40, 51, handwritten=True),
             Word("mm", 100, 100, 40, 40, 26, handwritten=True)]
    [text] = clean_pages([ocr_page(words)])
    assert text.text == "" and text.full_text == ""


def test_the_title_starts_past_a_stamps_handwriting_read_before_it() -> None:
    """ "KẾ HOẠCH" then, on the title's line, a stamp's handwritten "2" read with doubt."""
    text = (HEADER + "Số: 996/KH-TCT Hà Nội, ngày 24 tháng 02 năm 2026\nKẾ HOẠCH\n"
            "2 Phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026\n"
            "Thực hiện Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021 của Chính phủ")
    at = text.index("2 Phối")
    m = read_metadata([PageText(1, text, [], full_text=text, doubted=[(at, at + 1)])])
    assert m.title == ("Phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy "
                       "năm 2026")


# --- a page's frame is not a table -------------------------------------------------------------

def test_rules_along_the_page_edges_are_no_table() -> None:
    """A scan whose sheet edges show as dark lines all round: no table, and the text inside
    is read by the page OCR, not as one huge cell."""
    page = np.full((3508, 2480), 255, np.uint8)
    page[10:16, 10:2470] = page[3490:3496, 10:2470] = 0
    page[10:3496, 10:16] = page[10:3496, 2464:2470] = 0
    image = Image.fromarray(page)
    ImageDraw.Draw(image).text((300, 400), "KẾ HOẠCH", font=ImageFont.truetype(SERIF, 54),
                               fill=0)
    assert find_tables(image) == []
