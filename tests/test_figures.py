"""Figure extraction on real report sentences: exact values, and what is not a figure."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import DEVSET
from hypothesis import given
from hypothesis import strategies as st

from baocao.nlp.figures import find_figures

M = 1_000_000


def figures(text: str) -> list[tuple]:
    return [(f.kind, f.value, f.unit, f.raw) for f in find_figures(text)]


@pytest.mark.parametrize("text,expected", [
    # the seed pages (Bắc Ninh p. 62, Bắc Giang p. 56), lines re-joined
    ("- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc bình chọn có 111 sản "
     "phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí hỗ trợ là 320 triệu đồng.",
     [("count", 6, "cuộc", "6 cuộc"), ("count", 111, "sản phẩm", "111 sản phẩm"),
      ("amount", 320 * M, "VND", "320 triệu đồng")]),
    ("Tuy số lượng cơ sở công nghiệp nông thôn thuộc những địa bàn có điều kiện kinh tế - xã hội "
     "khó khăn và đặc biệt khó khăn của tỉnh được thụ hưởng chính sách khuyến công lớn (chiếm tỷ "
     "lệ 52,8%) nhưng quy mô hoạt động sản xuất, kinh doanh của các cơ sở vẫn chủ yếu còn nhỏ, lẻ "
     "nên nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu đồng (chiếm tỷ lệ 26,3% "
     "so với tổng kinh phí thực hiện trong toàn tỉnh).",
     [("percent", 52.8, "%", "52,8%"), ("amount", 12_492_100_000, "VND", "12.492,1 triệu đồng"),
      ("percent", 26.3, "%", "26,3%")]),
    # other written forms of amounts
    ("Tổng kinh phí là 1,5 tỷ đồng.", [("amount", 1_500_000_000, "VND", "1,5 tỷ đồng")]),
    ("thu hồi về ngân sách tỉnh 28.546trđ", [("amount", 28_546 * M, "VND", "28.546trđ")]),
    ("số tiền 16.125,5trđ;", [("amount", 16_125_500_000, "VND", "16.125,5trđ")]),
    ("nộp phạt 70.000.000 đồng", [("amount", 70_000_000, "VND", "70.000.000 đồng")]),
    ("hỗ trợ 500 nghìn đồng/người", [("amount", 500_000, "VND", "500 nghìn đồng")]),
    ("mức hỗ trợ 70.000đ mỗi ngày", [("amount", 70_000, "VND", "70.000đ")]),
    ("kinh phí 320 triệu cho đề án", [("amount", 320 * M, "VND", "320 triệu")]),
    ("kinh phí đạt 12. 492,1 triệu đồng",
     [("amount", 12_492_100_000, "VND", "12. 492,1 triệu đồng")]),
    ("kinh phí hỗ trợ 3 triệu lao động", []),
    ("vốn vay 2,3 triệu USD", [("amount", 2_300_000, "USD", "2,3 triệu USD")]),
    # percentages
    ("tăng 15 % so với năm 2022", [("percent", 15, "%", "15 %")]),
    ("đạt 105% kế hoạch", [("percent", 105, "%", "105%")]),
    ("chiếm 30 phần trăm", [("percent", 30, "%", "30 phần trăm")]),
    # counts
    ("giao dự toán cho 02 xã chi duy tu", [("count", 2, "xã", "02 xã")]),
    ("Ngân sách nước ta gồm 4 cấp là NSTƯ", [("count", 4, "cấp", "4 cấp")]),
    ("mỗi năm 5 cuộc kiểm toán", [("count", 5, "cuộc", "5 cuộc")]),
    ("tạo việc làm cho 1.250 lao động", [("count", 1250, "lao động", "1.250 lao động")]),
    ("hỗ trợ 35 cơ sở CNNT đổi mới", [("count", 35, "cơ sở CNNT", "35 cơ sở CNNT")]),
    ("thực hiện 12 đề án và mở 3 lớp tập huấn",
     [("count", 12, "đề án", "12 đề án"), ("count", 3, "lớp", "3 lớp")]),
    # not figures
    ("Page 62 - Tai lieu Khuyen cong OK (13-12)", []),
    ("51 52 53 54 55 56 57 58 59 60 61", []),
    ("2. Những khó khăn cần tháo gỡ", []),
    ("(3) Kinh nghiệm thực tiễn:", []),
    ("dụng…); cơ khí chế tạo; công nghiệp dệt may; (2) cho các làng nghề tiểu thủ công nghiệp", []),
    ("Năm 2017 tỉnh có Quyết định 1586/QĐ-UBND ngày 14/6/2017 thu hồi", []),
    ("giai đoạn 2016-2020 và 2021–2025", []),
    ("theo Nghị định 81/2006/NĐ-CP và Thông tư 28/2018/TT-BTC", []),
    ("hỗ trợ của Dự án 2 thuộc chương trình", []),
    ("Điều 113 Hiến pháp quy định, khoản 2", []),
    ("diện tích 20 ha, 500 m2 nhà xưởng, 3 tấn sản phẩm", []),
    ("đã gặp 3 đồng chí lãnh đạo", []),
    ("kế hoạch 3 triệu lao động", []),  # a scale word without a money word is not money
    ("số 1.25 triệu đồng", []),  # not Vietnamese format: never guess
])
def test_sentences(text: str, expected: list[tuple]) -> None:
    assert figures(text) == expected


def test_raw_is_the_exact_span() -> None:
    text = "kinh phí hỗ trợ là 320 triệu đồng, đạt 52,8%."
    for f in find_figures(text):
        assert text[f.start : f.end] == f.raw


@pytest.mark.skipif(not DEVSET.exists(), reason="shared/devset is not beside the repo")
@pytest.mark.parametrize("passage", ["d13_ktnn_kinhphi_bosung_tontai", "d14_ktnn_ktmt_baihoc",
                                     "d15_ktnn_dutoan_kiennghi"])
def test_devset_passages_exactly(passage: str) -> None:
    text = (DEVSET / "texts" / f"{passage}.txt").read_text(encoding="utf-8")
    text = "\n".join(line.removeprefix("#H ").removeprefix("#T ") for line in text.split("\n"))
    gold = json.loads((DEVSET / "annotations" / f"{passage}.json").read_text(encoding="utf-8"))
    expected = [(g["kind"], g["value"], g.get("unit", "VND"), g["raw"]) for g in gold["figures"]]
    assert figures(text) == expected


def vietnamese(value: Decimal) -> str:
    """Write a non-negative number the Vietnamese way: 12492.1 → "12.492,1"."""
    whole, _, frac = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


SCALE = {"đồng": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9, "trđ": 10**6, "nghìn đồng": 10**3}


@given(
    st.one_of(st.integers(0, 10**12).map(Decimal), st.decimals(0, 10**9, places=2)),
    st.sampled_from(sorted(SCALE)),
)
def test_any_vietnamese_amount_parses_back(value: Decimal, scale: str) -> None:
    written = vietnamese(value)
    [f] = find_figures(f"kinh phí là {written} {scale}.")
    assert Decimal(str(f.value)) == (Decimal(written.replace(".", "").replace(",", "."))
                                     * SCALE[scale])


@given(st.decimals(min_value=0, max_value=1000, places=1))
def test_any_vietnamese_percent_parses_back(value: Decimal) -> None:
    written = vietnamese(value)
    [f] = find_figures(f"đạt {written}% kế hoạch")
    assert Decimal(str(f.value)) == Decimal(written.replace(".", "").replace(",", "."))
