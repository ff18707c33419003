"""Figure extraction on report sentences: exact values, exact spans, and what is not a figure."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.nlp.figures import find_figures

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
PASSAGES = ["d13_ktnn_kinhphi_bosung_tontai", "d14_ktnn_ktmt_baihoc", "d15_ktnn_dutoan_kiennghi"]
M = 1_000_000
B = 1_000_000_000


def figures(text: str) -> list[tuple]:
    """(kind, value, unit, raw) of each figure, checking on the way that raw is the span."""
    found = find_figures(text)
    for f in found:
        assert text[f.start : f.end] == f.raw
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    return [(f.kind, f.value, f.unit, f.raw) for f in found]


SEED_1 = (
    "- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc bình chọn có 111 sản "
    "phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí hỗ trợ là 320 triệu đồng."
)
SEED_2 = (
    "Tuy số lượng cơ sở công nghiệp nông thôn thuộc những địa bàn có điều kiện kinh tế - xã hội "
    "khó khăn và đặc biệt khó khăn của tỉnh được thụ hưởng chính sách khuyến công lớn (chiếm tỷ "
    "lệ 52,8%) nhưng quy mô hoạt động sản xuất, kinh doanh của các cơ sở vẫn chủ yếu còn nhỏ, lẻ "
    "nên nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu đồng (chiếm tỷ lệ 26,3% "
    "so với tổng kinh phí thực hiện trong toàn tỉnh)."
)
SEED_4 = (
    "dụng…); cơ khí chế tạo; công nghiệp dệt may; (2) cho các làng nghề tiểu thủ công nghiệp có "
    "điều kiện phát triển như: Mỳ Chũ, huyện Lục Ngạn"
)


@pytest.mark.parametrize(
    "text,expected",
    [
        # --- the seed pages (Bắc Ninh p. 62, Bắc Giang p. 56), lines joined ---
        (SEED_1, [("count", 6, "cuộc", "6 cuộc"), ("count", 111, "sản phẩm", "111 sản phẩm"),
                  ("amount", 320 * M, "VND", "320 triệu đồng")]),
        (SEED_2, [("percent", 52.8, "%", "52,8%"),
                  ("amount", 12_492_100_000, "VND", "12.492,1 triệu đồng"),
                  ("percent", 26.3, "%", "26,3%")]),
        ("Page 62 - Tai lieu Khuyen cong OK (13-12)", []),
        ("P. 62", []),
        ("61", []),
        ("55", []),
        ("51   52   53   54   55   56   57   58   59   60   61", []),
        ("2. Những khó khăn cần tháo gỡ", []),
        ("(3) Kinh nghiệm thực tiễn:", []),
        ("(2) Những khó khăn cần tháo gỡ:", []),
        ("Hai là, công tác xây dựng kế hoạch công giai đoạn, hàng năm phải phù hợp", []),
        (SEED_4, []),
        # --- amounts ---
        ("Tổng kinh phí là 1,5 tỷ đồng.", [("amount", 1_500 * M, "VND", "1,5 tỷ đồng")]),
        ("giá trị hợp đồng 2 tỉ đồng", [("amount", 2 * B, "VND", "2 tỉ đồng")]),
        ("bền vững 140trđ (Điện Quan 40trđ, Cam Cọn 100trđ).",
         [("amount", 140 * M, "VND", "140trđ"), ("amount", 40 * M, "VND", "40trđ"),
          ("amount", 100 * M, "VND", "100trđ")]),
        ("số tiền 16.125,5trđ;", [("amount", 16_125_500_000, "VND", "16.125,5trđ")]),
        ("thu hồi 140 trđ và 5tr.đ", [("amount", 140 * M, "VND", "140 trđ"),
                                      ("amount", 5 * M, "VND", "5tr.đ")]),
        ("mức phạt tiền là: 70.000.000 đồng, nên",
         [("amount", 70 * M, "VND", "70.000.000 đồng")]),
        ("hỗ trợ 500 nghìn đồng/người", [("amount", 500_000, "VND", "500 nghìn đồng")]),
        ("mỗi suất 50 ngàn đồng", [("amount", 50_000, "VND", "50 ngàn đồng")]),
        ("mức hỗ trợ 70.000đ mỗi ngày", [("amount", 70_000, "VND", "70.000đ")]),
        ("kinh phí 2.000.000 VNĐ và 3.500 VND",
         [("amount", 2 * M, "VND", "2.000.000 VNĐ"), ("amount", 3_500, "VND", "3.500 VND")]),
        ("dự toán thu 1,2 nghìn tỷ đồng", [("amount", 1_200 * B, "VND", "1,2 nghìn tỷ đồng")]),
        ("kinh phí 320 triệu cho đề án", [("amount", 320 * M, "VND", "320 triệu")]),
        ("vốn đầu tư 1,5 tỷ, trong đó", [("amount", 1_500 * M, "VND", "1,5 tỷ")]),
        ("kinh phí đạt 12. 492,1 triệu đồng",
         [("amount", 12_492_100_000, "VND", "12. 492,1 triệu đồng")]),
        ("1. 500 triệu đồng hỗ trợ cho 02 xã",  # list number "1." is not a thousands group
         [("amount", 500 * M, "VND", "500 triệu đồng"), ("count", 2, "xã", "02 xã")]),
        ("năm 2017. 123 triệu đồng được cấp",  # "2017" is no first thousands group
         [("amount", 123 * M, "VND", "123 triệu đồng")]),
        ("đơn giá 70.000 đ/kg", [("amount", 70_000, "VND", "70.000 đ")]),
        # --- percentages ---
        ("tăng 15 % so với năm 2022", [("percent", 15, "%", "15 %")]),
        ("đạt 105% kế hoạch", [("percent", 105, "%", "105%")]),
        ("chiếm 30 phần trăm", [("percent", 30, "%", "30 phần trăm")]),
        ("3. 100% số xã đạt chuẩn", [("percent", 100, "%", "100%")]),
        # --- counts ---
        ("giao dự toán cho 02 xã chi duy tu", [("count", 2, "xã", "02 xã")]),
        ("Ngân sách nước ta gồm 4 cấp là NSTƯ", [("count", 4, "cấp", "4 cấp")]),
        ("giao cho 2 chức năng cơ bản", [("count", 2, "chức năng", "2 chức năng")]),
        ("mỗi năm 5 cuộc kiểm toán", [("count", 5, "cuộc", "5 cuộc")]),
        ("mỗi tháng 3 cuộc họp", [("count", 3, "cuộc", "3 cuộc")]),
        ("tạo việc làm cho 1.250 lao động", [("count", 1250, "lao động", "1.250 lao động")]),
        ("hỗ trợ 35 cơ sở CNNT đổi mới", [("count", 35, "cơ sở CNNT", "35 cơ sở CNNT")]),
        ("tổng số 35 cơ sở được hỗ trợ", [("count", 35, "cơ sở", "35 cơ sở")]),
        ("có 20 doanh nghiệp FDI", [("count", 20, "doanh nghiệp FDI", "20 doanh nghiệp FDI")]),
        ("thực hiện 12 đề án và mở 3 lớp tập huấn",
         [("count", 12, "đề án", "12 đề án"), ("count", 3, "lớp", "3 lớp")]),
        ("có 15 hợp tác xã và 3 làng nghề",
         [("count", 15, "hợp tác xã", "15 hợp tác xã"), ("count", 3, "làng nghề", "3 làng nghề")]),
        ("tham gia 4 hội chợ với 120 gian hàng",
         [("count", 4, "hội chợ", "4 hội chợ"), ("count", 120, "gian hàng", "120 gian hàng")]),
        ("tổ chức 8 hội nghị cho 20 hộ", [("count", 8, "hội nghị", "8 hội nghị"),
                                          ("count", 20, "hộ", "20 hộ")]),
        ("đón 1.500 lượt khách và 250 học viên",
         [("count", 1500, "lượt", "1.500 lượt"), ("count", 250, "học viên", "250 học viên")]),
        ("có 4 người", [("count", 4, "người", "4 người")]),
        ("bình quân 2,5 hộ mỗi xã", []),  # a decimal is no count
        # --- years and periods ---
        ("trong năm 2020 và năm 2017", []),
        ("Năm 2017 tỉnh có Quyết định 1586/QĐ-UBND ngày 14/6/2017 thu hồi", []),
        ("giai đoạn 2016-2020 và 2021–2025", []),
        ("Từ năm 2010 cho đến nay", []),
        # --- dates ---
        ("ngày 13/12/2020", []),
        ("ngày 13-12 và (13-12)", []),
        ("đến tháng 6 xã đã hoàn thành", []),
        # --- document numbers ---
        ("Quyết định 1586/QĐ-UBND", []),
        ("theo số 12/QĐ-UBND của tỉnh", []),
        ("Nghị định 81/2006/NĐ-CP", []),
        # --- list numbering ---
        ("1.4.2 Những tồn tại, sai sót", []),
        ("1.4.2.1 Xây dựng dự toán", []),
        ("a) Về kinh phí hỗ trợ", []),
        ("(1) doanh nghiệp; (2) hộ kinh doanh", []),
        ("“1. Hội đồng nhân dân là cơ quan", []),
        # --- names with numbers ---
        ("hỗ trợ của Dự án 2 thuộc chương trình", []),
        ("Điều 113 Hiến pháp quy định", []),
        ("theo khoản 2 Điều 5", []),
        ("Chương trình 135 xã đặc biệt khó khăn", []),
        # --- measurements ---
        ("diện tích 20 ha", []),
        ("500 m2 nhà xưởng và 500m2 kho", []),
        ("sản lượng 3 tấn", []),
        # --- glued to letters or "/" ---
        ("5xã và CT135 xã", []),
        # --- scale words that are not money ---
        ("kế hoạch 3 triệu lao động", []),
        ("hỗ trợ 3 triệu lao động", []),
        ("vốn vay 2,3 triệu USD", []),
        ("đã gặp 3 đồng chí lãnh đạo", []),
        # --- not the Vietnamese number format: never guess ---
        ("số tiền 1.25 triệu đồng", []),
        ("nộp 70,000,000 đồng", []),
        ("nộp 1.2500 đồng", []),
    ],
)
def test_sentences(text: str, expected: list[tuple]) -> None:
    assert figures(text) == expected


def test_scale_word_kept_as_written() -> None:
    text = "kinh phí 320 triệu đồng, 140trđ, 5 tr.đ, 70.000.000 đồng, 1,5 tỷ; đạt 52,8%, 6 cuộc"
    assert [f.scale for f in find_figures(text)] == [
        "triệu đồng", "trđ", "tr.đ", "đồng", "tỷ", None, None,
    ]


def test_money_word_must_be_in_the_same_sentence() -> None:
    assert figures("Kinh phí đã cấp đủ. Năm nay tăng 3 triệu.") == []


def _passage(name: str) -> str:
    """A devset passage as the extractor sees it: heading and title marks removed."""
    lines = (DEVSET / "texts" / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return "\n".join(line.removeprefix("#H ").removeprefix("#T ") for line in lines)


@pytest.mark.skipif(not DEVSET.is_dir(), reason=f"devset not found at {DEVSET}")
@pytest.mark.parametrize("passage", PASSAGES)
def test_devset_passage_figures_exactly(passage: str) -> None:
    gold = json.loads((DEVSET / "annotations" / f"{passage}.json").read_text(encoding="utf-8"))
    expected = [(g["kind"], g["value"], g.get("unit", "VND"), g["raw"]) for g in gold["figures"]]
    assert figures(_passage(passage)) == expected


def vietnamese(value: Decimal) -> str:
    """Write a non-negative number the Vietnamese way: 12492.1 → "12.492,1"."""
    whole, _, frac = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


FACTORS = {"đồng": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9, "trđ": 10**6, "%": 1}

# At most 15 significant digits, so the float keeps the exact decimal value.
NUMBERS = st.one_of(
    st.integers(0, 10**12 - 1).map(Decimal),
    st.decimals(0, 10**12 - 1, places=3, allow_nan=False, allow_infinity=False),
    st.decimals(0, 1000, places=1, allow_nan=False, allow_infinity=False),
)


@given(NUMBERS, st.sampled_from(sorted(FACTORS)), st.sampled_from(["", " "]))
def test_any_vietnamese_number_parses_back(value: Decimal, scale: str, gap: str) -> None:
    gap = gap if scale in ("trđ", "%") else " "
    written = vietnamese(value)
    text = f"kinh phí là {written}{gap}{scale}."
    [f] = find_figures(text)
    assert f.raw == f"{written}{gap}{scale}"
    expected = Decimal(written.replace(".", "").replace(",", ".")) * FACTORS[scale]
    assert Decimal(str(f.value)) == expected
    assert (f.kind, f.unit) == (("percent", "%") if scale == "%" else ("amount", "VND"))
