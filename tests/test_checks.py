"""Consistency flags: implied totals, contradictions, low OCR confidence."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from conftest import rows, run_cli
from flagdoc import make_flag_page

from baocao.datamodel import FLAGS, Figure, FlagKind, PageText, Paragraph
from baocao.i18n import code_name, language, set_language
from baocao.nlp.checks import MIN_FIGURE_CONFIDENCE, check_figures
from baocao.nlp.table_checks import TABLE_CHECKS
from baocao.outputs.serve import tables
from baocao.pipelines.analyse import place_figures

# Real sentences: the Bắc Giang seed page, and reports 5 and 6 of the samples.
SEED = ("Tuy số lượng cơ sở công nghiệp nông thôn thuộc những địa bàn có điều kiện kinh tế - xã "
        "hội khó khăn và đặc biệt khó khăn của tỉnh được thụ hưởng chính sách khuyến công lớn "
        "(chiếm tỷ lệ 52,8%) nhưng quy mô hoạt động sản xuất, kinh doanh của các cơ sở vẫn chủ "
        "yếu còn nhỏ, lẻ nên nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu "
        "đồng (chiếm tỷ lệ 26,3% so với tổng kinh phí thực hiện trong toàn tỉnh).")
DONG_THAP = ("Năm 2019, Sở Công Thương được giao chủ trì thực hiện 12 đề án xúc tiến thương mại "
             "với tổng kinh phí 3.850 triệu đồng, đến ngày 30/11/2019 đã hoàn thành 11 đề án, "
             "giải ngân 3.420 triệu đồng, đạt 88,8% kế hoạch.")
LAO_CAI = ("Năm 2022, tổng kinh phí khuyến công được giao là 5.650 triệu đồng, đã thực hiện 20 đề "
           "án, giải ngân 5.380 triệu đồng, đạt 95,2% kế hoạch.")
GROWTH = ("Giá trị sản xuất công nghiệp nông thôn năm 2022 ước đạt 2.870 tỷ đồng, tăng 11,5% so "
          "với năm 2021;")


def checked(*paragraphs: str) -> tuple[list[Figure], list]:
    """The paragraphs as one page, through the real figure stage, then the checks."""
    text = "\n".join(paragraphs)
    starts = [sum(len(p) + 1 for p in paragraphs[:i]) for i in range(len(paragraphs))]
    page = PageText(1, text, [Paragraph(1, p, s) for p, s in zip(paragraphs, starts,
                                                                 strict=True)])
    return check_figures([page], place_figures([page], [], [0] * len(paragraphs)))


def by_raw(figures: list[Figure]) -> dict[str, Figure]:
    return {f.raw: f for f in figures}


def test_share_of_a_total_implies_the_total() -> None:
    figures, flags = checked(SEED)
    share = by_raw(figures)["26,3%"]
    assert share.implied_total == pytest.approx(12_492_100_000 / 0.263)
    assert by_raw(figures)["52,8%"].implied_total is None  # no amount before it
    assert flags == []


@pytest.mark.parametrize("sentence", [DONG_THAP, LAO_CAI, GROWTH])
def test_real_sentences_that_agree_raise_no_flag(sentence: str) -> None:
    figures, flags = checked(sentence)
    assert flags == [] and all(f.flags == [] for f in figures)


def test_growth_is_no_share() -> None:
    figures, _ = checked(GROWTH)
    assert by_raw(figures)["11,5%"].implied_total is None


@pytest.mark.parametrize("stated, flagged", [
    ("3.850", False),  # 3.420 / 88,8% = 3.851,4
    ("3.854", False),  # within the rounding of 88,8% (88,75–88,85)
    ("3.860", True),
    ("4.200", True),
])
def test_a_stated_total_is_checked_within_rounding(stated: str, flagged: bool) -> None:
    figures, flags = checked(DONG_THAP.replace("3.850", stated))
    assert bool(flags) is flagged
    if flagged:
        total, share = by_raw(figures)[f"{stated} triệu đồng"], by_raw(figures)["88,8%"]
        assert {(f.figure_id, f.flag, f.other_figure_id) for f in flags} == {
            (total.figure_id, "total_mismatch", share.figure_id),
            (share.figure_id, "total_mismatch", total.figure_id)}
        assert total.flags == share.flags == ["total_mismatch"]


def test_the_same_total_stated_elsewhere_in_the_document() -> None:
    stated = "Tổng kinh phí thực hiện trong toàn tỉnh là 40.000 triệu đồng."
    figures, flags = checked(SEED, stated)
    assert {(f.flag, figures[f.figure_id - 1].raw) for f in flags} == {
        ("total_mismatch", "26,3%"), ("total_mismatch", "40.000 triệu đồng")}
    agreeing = "Tổng kinh phí thực hiện trong toàn tỉnh là 47.498 triệu đồng."
    assert checked(SEED, agreeing)[1] == []
    # another year's total, or a total named less specifically, is not the same total
    assert checked(SEED, "Năm 2020, " + stated[0].lower() + stated[1:])[1] == []
    assert checked(SEED, "Tổng kinh phí là 40.000 triệu đồng.")[1] == []


def test_a_part_cannot_pass_its_whole() -> None:
    _, flags = checked("Kinh phí đối ứng là 900 triệu đồng (chiếm 120% tổng vốn).")
    assert [f.flag for f in flags] == ["share_over_100"]
    _, flags = checked("Năm 2023, toàn tỉnh đã giải ngân 6.420 triệu đồng, đạt 106% kế hoạch.")
    assert flags == []  # over-achieving a plan is no contradiction


def test_low_confidence() -> None:
    page = PageText(1, "kinh phí là 320 triệu đồng", [])
    figures = [Figure(figure_id=i, kind="amount", value=320e6, unit="VND",
                      raw="320 triệu đồng", page_no=1, start=12, end=26, scale="triệu đồng",
                      sentence="kinh phí là 320 triệu đồng", section_id=None,
                      section_kind=None, value_low=320e6, value_high=320e6, confidence=c)
               for i, c in enumerate([MIN_FIGURE_CONFIDENCE - 1, MIN_FIGURE_CONFIDENCE, None], 1)]
    checked, flags = check_figures([page], figures)
    assert [(f.figure_id, f.flag) for f in flags] == [(1, "low_confidence")]
    assert [f.flags for f in checked] == [["low_confidence"], [], []]
    assert [f.flags for f in figures] == [[], [], []]  # the figures given are not edited


def test_flag_kinds_are_declared_once() -> None:
    """The Literal, the table checks, the display names and Datasette's help all follow
    datamodel.FLAGS; the help reads as it always has."""
    codes = tuple(spec.code for spec in FLAGS)
    assert get_args(FlagKind) == codes
    assert {check.code for check in TABLE_CHECKS} == {s.code for s in FLAGS if "cell" in s.on}
    assert [code_name(code, "vi") for code in codes] == [
        "OCR kém tin cậy", "tổng không khớp", "tỷ lệ trên 100%", "phần lớn hơn tổng",
        "tỷ lệ không khớp", "ngoài dạng của cột", "cần kiểm tra"]
    before = language()
    try:
        for lang, said in HELP.items():
            set_language(lang)
            help_texts = tables()
            assert [help_texts["flags"]["columns"]["flag"],
                    help_texts["table_cells"]["columns"]["flags"],
                    help_texts["figures"]["columns"]["flags"]] == said
    finally:
        set_language(before)


# Datasette's help on the flags, as the catalog had it before it was built from FLAGS (and
# with to_check, raised on figures only, and out_of_column, on cells only, since).
HELP = {
    "en": ["low_confidence, total_mismatch, share_over_100 or to_check",
           "checks it failed: total_mismatch, part_over_total, ratio_mismatch, out_of_column, "
           "low_confidence",
           "low_confidence, total_mismatch, share_over_100, to_check (see the flags table)"],
    "vi": ["low_confidence, total_mismatch, share_over_100 hoặc to_check",
           "các phép kiểm tra không đạt: total_mismatch, part_over_total, ratio_mismatch, "
           "out_of_column, low_confidence",
           "low_confidence, total_mismatch, share_over_100, to_check (xem bảng flags)"],
}


def test_flags_end_to_end(tmp_path: Path) -> None:
    """A scanned page through the real pipeline: the flags table, the flags column."""
    page = make_flag_page(tmp_path / "flags.png")
    db = tmp_path / "db.sqlite"
    proc = run_cli("run", str(page), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    got = {(r["raw"], r["flag"], r["other"]) for r in rows(
        db, "SELECT f.raw, g.flag, o.raw AS other FROM flags g JOIN figures f USING "
            "(doc_id, figure_id) LEFT JOIN figures o ON o.doc_id = g.doc_id AND o.figure_id = "
            "g.other_figure_id")}
    assert got == {
        ("95%", "total_mismatch", "5.000 triệu đồng"),
        ("5.000 triệu đồng", "total_mismatch", "95%"),
        ("30%", "total_mismatch", "3.000 triệu đồng"),
        ("3.000 triệu đồng", "total_mismatch", "30%"),
        ("120%", "share_over_100", "900 triệu đồng"),
        ("7350 triệu đồng", "low_confidence", None),  # "7.350" struck through with a pen
        ("7350 triệu đồng", "to_check", None),  # so it is left out of totals
    }
    flagged = rows(db, "SELECT raw FROM figures WHERE flags LIKE '%total_mismatch%'")
    assert {r["raw"] for r in flagged} == {"95%", "5.000 triệu đồng", "30%", "3.000 triệu đồng"}
    assert rows(db, "SELECT n_flags FROM documents")[0]["n_flags"] == 7
    for f in rows(db, "SELECT raw, confidence, flags FROM figures"):
        assert (f["confidence"] < MIN_FIGURE_CONFIDENCE) == ("low_confidence" in (f["flags"]
                                                                                  or ""))
    assert rows(db, "SELECT implied_total FROM figures WHERE raw = '88,8%'")[0][
        "implied_total"] == pytest.approx(3_420e6 / 0.888)
