"""Deciding per page and repairing page text: text-layer scoring, split syllables, OCR
clean-up, hyphenation, and image preparation on real renders of the seed pages."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import SAMPLES
from legacypdf import legacy_pdf
from PIL import Image

from baocao.datamodel import Line, Word
from baocao.extract import prepare, textlayer
from baocao.extract.tesseract import check_tesseract
from baocao.nlp.layout import _hyphenated
from baocao.nlp.repair import repair_ocr
from baocao.pipelines.process import process_file

# A real sentence of the Bắc Giang seed page.
SEED = ("Năm 2017, tổng kinh phí thực hiện là 12.492,1 triệu đồng (chiếm tỷ lệ 26,3% "
        "so với tổng kinh phí thực hiện)")


def records(*lines: str, font: str = "TimesNewRoman") -> list[dict]:
    """pdfplumber-shaped text lines with one char record per character."""
    out = []
    for n, text in enumerate(lines):
        chars = [{"text": ch, "fontname": font, "x0": 10.0 * i, "x1": 10.0 * i + 9,
                  "top": 20.0 * n, "bottom": 20.0 * n + 12} for i, ch in enumerate(text)
                 if not ch.isspace()]
        out.append({"text": text, "chars": chars, "x0": 0, "x1": 10.0 * len(text),
                    "top": 20.0 * n, "bottom": 20.0 * n + 12})
    return out


def test_a_good_unicode_layer_is_used_and_scored() -> None:
    verdict, lines = textlayer.judge(records(SEED), image_cover=0.0)
    assert (verdict.use, verdict.source, verdict.encoding) == (True, "text", "unicode")
    assert verdict.score >= 0.95 and "Vietnamese syllables" in verdict.reason
    assert lines[0].text == SEED


@pytest.mark.parametrize("layer, why", [
    ("Page 62", "letters"),
    ("(cid:12)(cid:40)(cid:41) (cid:77)(cid:12) " * 5, "cid"),
    ("Xq7 zzkw pqrt vbnm wxyz qqqq kkkk jjjj zzzz wwww ffff", "syllables"),
])
def test_a_bad_layer_is_left_for_ocr_with_the_reason(layer: str, why: str) -> None:
    verdict, lines = textlayer.judge(records(layer), image_cover=0.0)
    assert (verdict.use, verdict.source, lines) == (False, "ocr", [])
    assert why in verdict.reason


def test_a_scan_with_a_stray_text_label_is_ocred() -> None:
    verdict, _ = textlayer.judge(records("Bản sao chứng thực từ bản chính"), image_cover=0.95)
    assert not verdict.use and "scanned page" in verdict.reason


def test_syllables_split_at_diacritics_are_rejoined_only_where_valid() -> None:
    split = "ĐIỀ U KHO ẢN THỰ C HIỆ N: kinh phí hỗ trợ (ĐIỀ U 5)"
    verdict, lines = textlayer.judge(records(split, split), image_cover=0.0)
    assert verdict.use and "re-joined" in verdict.reason
    assert lines[0].text == "ĐIỀU KHOẢN THỰC HIỆN: kinh phí hỗ trợ (ĐIỀU 5)"
    assert [w.text for w in lines[0].words][:2] == ["ĐIỀU", "KHOẢN"]
    assert lines[0].words[0].width == pytest.approx(49.0)  # the two boxes merged
    # a page without split syllables keeps "cho ăn" as two words
    _, clean = textlayer.judge(records("Hỗ trợ cho ăn ở tại các cơ sở sản xuất công nghiệp"), 0.0)
    assert clean[0].text == "Hỗ trợ cho ăn ở tại các cơ sở sản xuất công nghiệp"


def test_decomposed_marks_set_apart_are_rejoined() -> None:
    _, lines = textlayer.judge(records("Viê \u0323t Nam đa\u0303 thực hiện các đề án khuyến công"),
                               0.0)
    assert lines[0].text == "Việt Nam đã thực hiện các đề án khuyến công"


@pytest.mark.parametrize("encoding, font", [("tcvn3", ".VnTime"), ("vni", "VNI-Times")])
def test_legacy_pdf_pages_become_unicode_without_ocr(tmp_path: Path, encoding: str,
                                                     font: str) -> None:
    lines = ["2. Những khó khăn cần tháo gỡ",
             "- Nguồn kinh phí KCQG và KCĐP còn hạn chế, tổng kinh phí 12.492,1 triệu đồng",
             "chiếm tỷ lệ 26,3% so với tổng kinh phí; 111 sản phẩm được bình chọn."]
    result = process_file(legacy_pdf(tmp_path / f"{encoding}.pdf", lines, encoding))
    [page] = result.pages
    assert (page.source, page.encoding) == ("text-converted", encoding)
    assert font in page.reason
    assert result.texts[0].text == "\n".join([lines[0], " ".join(lines[1:])])
    assert [f.raw for f in result.figures] == ["12.492,1 triệu đồng", "26,3%", "111 sản phẩm"]
    assert result.sections[-1].kind == "difficulties"


@pytest.mark.parametrize("ocr, mended", [
    ("kinh phí 1l2 triệu ðồng", "kinh phí 112 triệu đồng"),
    ("năm 2O20 có 12.4l2 hộ", "năm 2020 có 12.412 hộ"),
    ("Ðiều 5 của Luật", "Điều 5 của Luật"),
    ("Ilo hộ, lO cơ sở, KCĐP", "Ilo hộ, lO cơ sở, KCĐP"),  # no digits around: left alone
    (SEED, SEED),
])
def test_ocr_repair_changes_only_what_it_can_justify(ocr: str, mended: str) -> None:
    assert repair_ocr(ocr) == mended
    assert len(repair_ocr(ocr)) == len(ocr)


@pytest.mark.parametrize("end, start, joined", [
    ("phát triển công nghi-", "ệp nông thôn", True),
    ("theo Nghị định số 45/2012/NĐ-", "CP ngày 21/5/2012", False),
    ("phát triển kinh-", "tế xã hội", False),
])
def test_line_end_hyphens_undone_only_for_one_syllable(end: str, start: str,
                                                       joined: bool) -> None:
    assert _hyphenated(end, start) is joined


@pytest.fixture(scope="module")
def seed_page() -> Image.Image:
    check_tesseract()
    pdf = pdfium.PdfDocument(str(SAMPLES / "bacgiang_p56_scan.pdf"))
    return pdf[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")


@pytest.mark.parametrize("turn", [90, 270])
def test_sideways_pages_are_turned_upright(seed_page: Image.Image, turn: int) -> None:
    sideways = seed_page.rotate(turn, expand=True)  # PIL turns counter-clockwise
    prepared = prepare.prepare(sideways, 300)
    assert f"rotate {turn}°" in prepared.steps
    assert prepared.image.size == seed_page.size


def test_upright_pages_are_not_turned(seed_page: Image.Image) -> None:
    assert prepare.orientation(seed_page) == 0
    assert not any(s.startswith("rotate") for s in prepare.prepare(seed_page, 300).steps)


@pytest.mark.parametrize("angle", [2.5, -3.5])
def test_skew_is_measured_and_corrected(seed_page: Image.Image, angle: float) -> None:
    base = prepare._skew(seed_page)
    skewed = seed_page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert prepare._skew(skewed) == pytest.approx(base - angle, abs=0.3)
    assert any(s.startswith("deskew") for s in prepare.prepare(skewed, 300).steps)


def test_low_resolution_is_upscaled_and_uneven_light_flattened(seed_page: Image.Image) -> None:
    small = seed_page.resize((seed_page.width // 2, seed_page.height // 2))
    prepared = prepare.prepare(small, 150)
    assert prepared.dpi == 300 and abs(prepared.image.width - seed_page.width) <= 2
    assert "upscale 150→300 DPI" in prepared.steps
    import numpy as np

    page = np.asarray(seed_page, dtype=np.float64)
    shade = np.linspace(0.45, 1.0, page.shape[1])[None, :]  # a shadow across the page
    dark = Image.fromarray((page * shade).astype(np.uint8))
    flat = prepare.prepare(dark, 300)
    assert any(s.startswith("flatten background") for s in flat.steps)
    ground = np.percentile(np.asarray(flat.image)[:, :200], 90)
    assert ground > 230  # the shadowed side is paper-white again
    assert not prepare.prepare(seed_page, 300).steps[:1] == ["flatten background"]


def test_line_objects_keep_their_boxes_after_rejoin() -> None:
    line = Line("ĐIỀ U", 0, 50, 0, 12, [Word("ĐIỀ", 0, 0, 29, 12), Word("U", 40, 0, 9, 12)])
    rejoined = textlayer._rejoined(line, aggressive=False)
    assert rejoined.text == "ĐIỀU" and rejoined.words[0].width == 49


@pytest.mark.parametrize("line, edge", [
    ("Sh) 9L 52 53 54 55 56 57 58 59 60 61", True),  # a nav strip OCR damaged at its ends
    ("51 52 53 54 55 56 57 58 59 60 G61", True),
    ("Báo cáo số 318/BC-UBND ngày 05/12/2022", True),  # a continuation page's header
    ("Báo cáo số 318/BC-UBND ngày 05/12/2022 của UBND tỉnh Lào Cai.", False),
    ("Số: 318/BC-UBND", False),  # the title block's number stays in the text
    ("Năm 2017 có 12 15 20 30 40 hộ được hỗ trợ", False),
])
def test_running_headers_and_page_numbers_found_by_form_and_sequence(line: str,
                                                                      edge: bool) -> None:
    from baocao.nlp.edges import _is_edge_line

    assert _is_edge_line(line, set()) is edge


def test_marks_tesseract_doubts_are_dropped_and_sure_dashes_kept() -> None:
    from baocao.nlp.layout import _without_specks

    words = [Word("tế", 0, 0, 30, 40, 95), Word("-", 40, 18, 10, 5, 93),
             Word("xã", 60, 0, 30, 40, 95), Word("__", 100, 35, 20, 4, 25),
             Word("-", 130, 18, 10, 5, 48), Word("hội", 150, 0, 40, 40, 96)]
    line = Line("tế - xã __ - hội", 0, 190, 0, 40, words)
    assert _without_specks(line, 40).text == "tế - xã hội"


@pytest.mark.parametrize(("pixels_dpi", "tag"), [(300, 72), (200, 72), (200, 96)])
def test_a_resolution_tag_the_pixels_belie_is_ignored(tmp_path: Path, pixels_dpi: int,
                                                      tag: int) -> None:
    """The Bắc Giang scan (an A4 page) saved with a DPI tag its pixels contradict (an A4
    page at 72 DPI would be 595 px wide): read at about 300 DPI, never upscaled to the
    tag's 10,333 × 14,617 pixels, and its sentence read as from the true resolution."""
    page = Image.open(SAMPLES / "bacgiang_p56_scan.png")
    scale = pixels_dpi / 300
    page = page.resize((round(page.width * scale), round(page.height * scale)))
    page.save(tmp_path / "tagged.png", dpi=(tag, tag))
    result = process_file(tmp_path / "tagged.png")
    [read] = result.pages
    assert read.error is None
    assert f"{tag} DPI tag ignored" in read.preprocessing
    assert 2400 <= read.width <= 2560 and 3400 <= read.height <= 3620  # about 300 DPI
    assert 280 <= read.dpi <= 310
    gold = json.loads((SAMPLES / "gold" / "bacgiang_p56_scan_png.json").read_text("utf-8"))
    found = {(f.kind, f.value) for f in result.figures}
    assert {(f["kind"], f["value"]) for f in gold["figures"]} <= found
