"""Figure extraction on report sentences: exact values, exact spans, and what is not a figure."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import require_shared
from hypothesis import assume, given
from hypothesis import strategies as st

from baocao.nlp.figures import find_figures

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
PASSAGES = ["d13_ktnn_kinhphi_bosung_tontai", "d14_ktnn_ktmt_baihoc", "d15_ktnn_dutoan_kiennghi"]
M = 1_000_000
B = 1_000_000_000


def figures(text: str) -> list[tuple]:
    """(kind, value, unit, raw) of each figure, checking on the way that raw is the span.

    A figure with a qualifier or two different ends gets (qualifier, value_low, value_high) too,
    so a plain tuple in a table also asserts "no qualifier, value_low == value_high == value".
    """
    found = find_figures(text)
    for f in found:
        assert text[f.start : f.end] == f.raw
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    return [
        (f.kind, f.value, f.unit, f.raw)
        if f.qualifier is None and f.value_low == f.value == f.value_high
        else (f.kind, f.value, f.unit, f.raw, f.qualifier, f.value_low, f.value_high)
        for f in found
    ]


def q(qualifier: str, kind: str, value: float, unit: str, raw: str) -> tuple:
    """The expected tuple of a single figure read with a qualifier before it."""
    return (kind, value, unit, raw, qualifier, value, value)


def span(kind: str, low: float, high: float, unit: str, raw: str, qualifier: str | None = None
         ) -> tuple:
    """The expected tuple of a range: its value is the low end."""
    return (kind, low, unit, raw, qualifier, low, high)


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
        # OCR read "7.350" struck through with a pen as "#350": the number is damaged
        ("Kinh phí hỗ trợ cho 12 đề án là #350 triệu đồng, còn thấp.",
         [("count", 12, "đề án", "12 đề án")]),
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
        ("kế hoạch 3 triệu lao động", [("count", 3 * M, "lao động", "3 triệu lao động")]),
        ("hỗ trợ 3 triệu lao động", [("count", 3 * M, "lao động", "3 triệu lao động")]),
        ("đã gặp 3 đồng chí lãnh đạo", []),
        # --- khuyến công reports: budgets ---
        ("Năm 2023, tổng kinh phí khuyến công địa phương được giao là 3.250 triệu đồng.",
         [("amount", 3_250 * M, "VND", "3.250 triệu đồng")]),
        ("Kinh phí khuyến công quốc gia hỗ trợ 1.820,5 triệu đồng cho 12 đề án.",
         [("amount", 1_820_500_000, "VND", "1.820,5 triệu đồng"),
          ("count", 12, "đề án", "12 đề án")]),
        ("Ngân sách tỉnh bố trí 4,2 tỷ đồng cho chương trình khuyến công giai đoạn 2021-2025.",
         [("amount", 4_200 * M, "VND", "4,2 tỷ đồng")]),
        ("Hỗ trợ máy móc thiết bị cho 15 cơ sở công nghiệp nông thôn với tổng kinh phí 2.150 "
         "triệu đồng.", [("count", 15, "cơ sở", "15 cơ sở"),
                          ("amount", 2_150 * M, "VND", "2.150 triệu đồng")]),
        ("Vốn đối ứng của các cơ sở là 8.540 triệu đồng, gấp 3,9 lần vốn khuyến công.",
         [("amount", 8_540 * M, "VND", "8.540 triệu đồng")]),
        ("Kinh phí xây dựng mô hình trình diễn kỹ thuật là 650 triệu đồng.",
         [("amount", 650 * M, "VND", "650 triệu đồng")]),
        ("Hỗ trợ 5 cơ sở xây dựng mô hình trình diễn, mỗi mô hình 130 triệu đồng.",
         [("count", 5, "cơ sở", "5 cơ sở"), ("amount", 130 * M, "VND", "130 triệu đồng")]),
        ("Kinh phí quyết toán năm 2022 là 2.975,34 triệu đồng.",
         [("amount", 2_975_340_000, "VND", "2.975,34 triệu đồng")]),
        ("Số tiền thu hồi nộp ngân sách 45,6 triệu đồng.",
         [("amount", 45_600_000, "VND", "45,6 triệu đồng")]),
        ("Kinh phí tổ chức bình chọn sản phẩm là 180.000.000 đồng.",
         [("amount", 180 * M, "VND", "180.000.000 đồng")]),
        ("Đơn giá hỗ trợ tiền ăn 150.000đ/người/ngày.",
         [("amount", 150_000, "VND", "150.000đ")]),
        ("Đến nay còn 5 đề án chưa giải ngân với số tiền 1,35 tỷ đồng.",
         [("count", 5, "đề án", "5 đề án"), ("amount", 1_350 * M, "VND", "1,35 tỷ đồng")]),
        ("Tổng vốn khuyến công năm 2024 dự kiến 3,5 tỷ, tăng 0,5 tỷ so với năm 2023.",
         [("amount", 3_500 * M, "VND", "3,5 tỷ"), ("amount", 500 * M, "VND", "0,5 tỷ")]),
        # --- amounts in US dollars ---
        ("vốn vay 2,3 triệu USD", [("amount", 2_300_000, "USD", "2,3 triệu USD")]),
        ("Kim ngạch xuất khẩu của các cơ sở được hỗ trợ đạt 2,3 triệu USD.",
         [("amount", 2_300_000, "USD", "2,3 triệu USD")]),
        ("Sản phẩm mây tre đan xuất khẩu đạt 15.000 USD/lô hàng.",
         [("amount", 15_000, "USD", "15.000 USD")]),
        ("Tổng vốn đăng ký của các dự án FDI là 1,2 tỷ USD.",
         [("amount", 1_200 * M, "USD", "1,2 tỷ USD")]),
        ("thu hút dự án có vốn đầu tư 50 triệu đô la Mỹ vào cụm công nghiệp",
         [("amount", 50 * M, "USD", "50 triệu đô la Mỹ")]),
        ("hợp đồng xuất khẩu trị giá 120.000 đô la Mỹ",
         [("amount", 120_000, "USD", "120.000 đô la Mỹ")]),
        ("doanh thu 800 triệu đồng và 35.000 USD",
         [("amount", 800 * M, "VND", "800 triệu đồng"), ("amount", 35_000, "USD", "35.000 USD")]),
        ("Giá trị xuất khẩu hàng thủ công mỹ nghệ khoảng 500 nghìn USD.",
         [q("khoảng", "amount", 500_000, "USD", "500 nghìn USD")]),
        # --- qualifiers: kept apart, never in raw nor in the value ---
        ("Chương trình đã hỗ trợ trên 300 doanh nghiệp, cơ sở công nghiệp nông thôn.",
         [q("trên", "count", 300, "doanh nghiệp", "300 doanh nghiệp")]),
        ("Kinh phí khoảng 1,5 tỷ đồng được bố trí từ ngân sách tỉnh.",
         [q("khoảng", "amount", 1_500 * M, "VND", "1,5 tỷ đồng")]),
        ("Khoảng 2 tỷ đồng đã được giải ngân trong quý III.",
         [q("khoảng", "amount", 2 * B, "VND", "2 tỷ đồng")]),
        ("Các lớp tập huấn thu hút hơn 1.200 lượt học viên.",
         [q("hơn", "count", 1200, "lượt", "1.200 lượt")]),
        ("Gần 40% cơ sở được hỗ trợ là hộ kinh doanh cá thể.",
         [q("gần", "percent", 40, "%", "40%")]),
        ("Tỷ lệ giải ngân đạt xấp xỉ 95% kế hoạch.", [q("xấp xỉ", "percent", 95, "%", "95%")]),
        ("Mỗi đề án được hỗ trợ không quá 500 triệu đồng.",
         [q("không quá", "amount", 500 * M, "VND", "500 triệu đồng")]),
        ("Mức hỗ trợ tối đa 300 triệu đồng/cơ sở theo Nghị định 45/2012/NĐ-CP.",
         [q("tối đa", "amount", 300 * M, "VND", "300 triệu đồng")]),
        ("Có ít nhất 10 sản phẩm đạt hạng 4 sao cấp khu vực.",
         [q("ít nhất", "count", 10, "sản phẩm", "10 sản phẩm")]),
        ("Mỗi lớp đào tạo nghề có tối thiểu 25 học viên.",
         [q("tối thiểu", "count", 25, "học viên", "25 học viên")]),
        ("Các cơ sở có dưới 10 lao động chiếm 70%.",
         [q("dưới", "count", 10, "lao động", "10 lao động"), ("percent", 70, "%", "70%")]),
        ("Chưa đến 20% số cơ sở tiếp cận được vốn vay ưu đãi.",
         [q("chưa đến", "percent", 20, "%", "20%")]),
        ("chưa tới 5 xã có điểm giới thiệu sản phẩm",
         [q("chưa tới", "count", 5, "xã", "5 xã")]),
        ("Gần như 100% các làng nghề đã có điện lưới quốc gia.",
         [q("gần như", "percent", 100, "%", "100%")]),
        ("Quy mô mỗi cơ sở trên dưới 50 người.",
         [q("trên dưới", "count", 50, "người", "50 người")]),
        ("tỷ lệ đối ứng không dưới 30% tổng vốn",
         [q("không dưới", "percent", 30, "%", "30%")]),
        ("Tổng kinh phí tăng hơn 20% so với năm 2022.",
         [q("hơn", "percent", 20, "%", "20%")]),
        ("TRÊN 300 doanh nghiệp đã đăng ký tham gia",
         [q("trên", "count", 300, "doanh nghiệp", "300 doanh nghiệp")]),
        ("đã hỗ trợ trên\n300 doanh nghiệp",  # a qualifier at the end of the line before
         [q("trên", "count", 300, "doanh nghiệp", "300 doanh nghiệp")]),
        ("Doanh thu năm nay cao hơn 15% so với năm trước.",  # "hơn" of a comparison
         [("percent", 15, "%", "15%")]),
        ("Số cơ sở được hỗ trợ nhiều hơn 5 cơ sở so với kế hoạch.",
         [("count", 5, "cơ sở", "5 cơ sở")]),
        ("Hầu hết 12 huyện, thành phố đã ban hành kế hoạch khuyến công.",
         [("count", 12, "huyện", "12 huyện")]),
        ("đã báo cáo cơ quan cấp trên 2 văn bản đề nghị",  # "cấp trên": the higher level
         [("count", 2, "văn bản", "2 văn bản")]),
        ("UBND tỉnh bổ sung cho ngân sách cấp dưới 5 tỷ đồng.",
         [("amount", 5 * B, "VND", "5 tỷ đồng")]),
        ("Kết quả có 5 trên 10 xã đạt tiêu chí.",  # "five out of ten": 5, of_total 10
         [("count", 5, "xã", "5 trên 10 xã")]),
        ("Trên địa bàn tỉnh có 1.245 cơ sở công nghiệp nông thôn.",
         [("count", 1245, "cơ sở", "1.245 cơ sở")]),
        # --- ranges: one figure, both ends scaled, raw from the low number ---
        ("Mức hỗ trợ từ 5 đến 10 triệu đồng/cơ sở.",
         [span("amount", 5 * M, 10 * M, "VND", "5 đến 10 triệu đồng")]),
        ("Kinh phí mỗi đề án từ 1,5 đến 2 tỷ đồng.",
         [span("amount", 1_500 * M, 2 * B, "VND", "1,5 đến 2 tỷ đồng")]),
        ("hỗ trợ khoảng từ 200 đến 300 triệu đồng mỗi mô hình",
         [span("amount", 200 * M, 300 * M, "VND", "200 đến 300 triệu đồng", "khoảng")]),
        ("Giá trị đơn hàng từ 500 triệu đến 1 tỷ đồng.",
         [span("amount", 500 * M, 1 * B, "VND", "500 triệu đến 1 tỷ đồng")]),
        ("Đơn hàng 5 triệu - 10 triệu đồng mỗi tháng.",
         [span("amount", 5 * M, 10 * M, "VND", "5 triệu - 10 triệu đồng")]),
        ("vốn đối ứng từ 300 đến 500 triệu, trong đó",
         [span("amount", 300 * M, 500 * M, "VND", "300 đến 500 triệu")]),
        ("kim ngạch xuất khẩu 1-2 triệu USD mỗi năm",
         [span("amount", 1 * M, 2 * M, "USD", "1-2 triệu USD")]),
        ("Doanh thu tăng 5–10% sau khi được hỗ trợ.",
         [span("percent", 5, 10, "%", "5–10%")]),
        ("Năng suất lao động tăng 5-10%.", [span("percent", 5, 10, "%", "5-10%")]),
        ("giảm chi phí sản xuất 5 - 10 %", [span("percent", 5, 10, "%", "5 - 10 %")]),
        ("tiết kiệm 10 – 15% điện năng tiêu thụ", [span("percent", 10, 15, "%", "10 – 15%")]),
        ("tỷ lệ nội địa hóa từ 30,5 đến 45,5%",
         [span("percent", 30.5, 45.5, "%", "30,5 đến 45,5%")]),
        ("tăng từ 5 tới 7 phần trăm", [span("percent", 5, 7, "%", "5 tới 7 phần trăm")]),
        ("Mỗi năm tổ chức từ 3 đến 5 lớp tập huấn.",
         [span("count", 3, 5, "lớp", "3 đến 5 lớp")]),
        ("triển khai thí điểm tại 3-5 xã", [span("count", 3, 5, "xã", "3-5 xã")]),
        ("tổ chức 5 - 7 lớp, mỗi lớp 30 - 35 học viên",
         [span("count", 5, 7, "lớp", "5 - 7 lớp"),
          span("count", 30, 35, "học viên", "30 - 35 học viên")]),
        ("tạo việc làm cho từ 1.500 đến 2.000 lao động",
         [span("count", 1500, 2000, "lao động", "1.500 đến 2.000 lao động")]),
        ("dự kiến tham gia khoảng 5 - 7 hội chợ",
         [span("count", 5, 7, "hội chợ", "5 - 7 hội chợ", "khoảng")]),
        ("hỗ trợ trên 3-5 làng nghề",
         [span("count", 3, 5, "làng nghề", "3-5 làng nghề", "trên")]),
        ("từ 5% đến 10%", [span("percent", 5, 10, "%", "5% đến 10%")]),
        ("hỗ trợ từ 10 đến 5 triệu đồng", []),  # low above high: nothing, not even "5 triệu"
        ("tăng 15-10%", []),
        ("kinh phí từ 500 đến 1 tỷ đồng", []),  # 500 what? read as tỷ it exceeds the high end
        ("hỗ trợ từ 2,5 đến 3 hộ", []),  # a decimal is no count
        ("từ 2016 đến 2020 doanh nghiệp trong tỉnh phát triển", []),
        ("giai đoạn 2016 - 2020 hỗ trợ 35 cơ sở", [("count", 35, "cơ sở", "35 cơ sở")]),
        ("Giai đoạn 2021–2025, phấn đấu 100% số xã có sản phẩm OCOP.",
         [("percent", 100, "%", "100%")]),
        ("kế hoạch ban hành ngày 13-12-2022", []),
        ("phụ lục 1-2 kèm theo", []),
        ("các mục 1-2-3 xã", []),
        # --- figures broken over a line by OCR or layout: raw keeps the break ---
        ("kinh phí thực hiện đạt 12.492,1 triệu\nđồng (chiếm 26,3%)",
         [("amount", 12_492_100_000, "VND", "12.492,1 triệu\nđồng"),
          ("percent", 26.3, "%", "26,3%")]),
        ("hỗ trợ 320\ntriệu đồng cho đề án", [("amount", 320 * M, "VND", "320\ntriệu đồng")]),
        ("kinh phí 1,5 tỷ\nđồng", [("amount", 1_500 * M, "VND", "1,5 tỷ\nđồng")]),
        ("nộp phạt 70.000.000\nđồng", [("amount", 70 * M, "VND", "70.000.000\nđồng")]),
        ("xuất khẩu 2,3 triệu\nUSD", [("amount", 2_300_000, "USD", "2,3 triệu\nUSD")]),
        ("tỷ lệ 52,8\n% số cơ sở", [("percent", 52.8, "%", "52,8\n%")]),
        ("tổng kinh phí 2. 150,5 triệu đồng",
         [("amount", 2_150_500_000, "VND", "2. 150,5 triệu đồng")]),
        ("tỷ lệ 52,8   % số cơ sở", []),  # "%" only after one blank or line break
        ("61\nngười lao động được đào tạo", []),  # a count stays on its number's line
        # --- telephone and fax numbers ---
        ("Điện thoại: 0204.3854.123", []),
        ("ĐT: 0204 3854 123", []),
        ("Fax: 024.3826.1234", []),
        ("0912 345 678 người", []),
        ("liên hệ 0912.345.678 người phụ trách", []),
        ("Điện thoại: (0204) 3854 123; Fax: (0204) 3854 124", []),
        ("liên hệ +84 912 345 678 hoặc 0912345678", []),
        ("Hotline 0912.345.678, hỗ trợ 20 người", [("count", 20, "người", "20 người")]),
        # --- percentages in reports ---
        ("Tỷ lệ cơ sở ứng dụng máy móc hiện đại đạt 52,8%.", [("percent", 52.8, "%", "52,8%")]),
        ("Giải ngân đạt 98,5 % dự toán được giao.", [("percent", 98.5, "%", "98,5 %")]),
        ("chiếm 52,8 phần trăm tổng số cơ sở", [("percent", 52.8, "%", "52,8 phần trăm")]),
        ("Kết quả thực hiện đạt 105% kế hoạch năm.", [("percent", 105, "%", "105%")]),
        ("Giá trị sản xuất công nghiệp tăng 15% so với cùng kỳ.",
         [("percent", 15, "%", "15%")]),
        ("Doanh thu các cơ sở tăng bình quân 12,5%/năm.", [("percent", 12.5, "%", "12,5%")]),
        ("Năm 2022, tỉnh chỉ bố trí được 60% kinh phí theo kế hoạch.",
         [("percent", 60, "%", "60%")]),
        ("Nhiều cơ sở chưa có khả năng đối ứng 70% kinh phí.", [("percent", 70, "%", "70%")]),
        # --- counts in reports ---
        ("Đã tổ chức 24 lớp đào tạo nghề cho 720 lao động nông thôn.",
         [("count", 24, "lớp", "24 lớp"), ("count", 720, "lao động", "720 lao động")]),
        ("Tham gia 3 hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu với 45 gian hàng.",
         [("count", 3, "hội chợ", "3 hội chợ"), ("count", 45, "gian hàng", "45 gian hàng")]),
        ("Có 68 sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh.",
         [("count", 68, "sản phẩm", "68 sản phẩm")]),
        ("Tổ chức 2 hội thảo chuyên đề và 4 đoàn khảo sát học tập kinh nghiệm.",
         [("count", 2, "hội thảo", "2 hội thảo"), ("count", 4, "đoàn", "4 đoàn")]),
        ("hỗ trợ 8 làng nghề xây dựng nhãn hiệu tập thể",
         [("count", 8, "làng nghề", "8 làng nghề")]),
        ("hỗ trợ 06 hợp tác xã và 14 tổ hợp tác",
         [("count", 6, "hợp tác xã", "06 hợp tác xã"),
          ("count", 14, "tổ hợp tác", "14 tổ hợp tác")]),
        ("Đã thẩm định 45 hồ sơ đề nghị hỗ trợ.", [("count", 45, "hồ sơ", "45 hồ sơ")]),
        ("tổ chức 12 chuyến tham quan, khảo sát", [("count", 12, "chuyến", "12 chuyến")]),
        ("Đã có 10 cụm công nghiệp đi vào hoạt động.",
         [("count", 10, "cụm công nghiệp", "10 cụm công nghiệp")]),
        ("có 3 huyện, 2 thị xã tham gia",
         [("count", 3, "huyện", "3 huyện"), ("count", 2, "thị xã", "2 thị xã")]),
        ("đào tạo 350 học viên tại 7 xã",
         [("count", 350, "học viên", "350 học viên"), ("count", 7, "xã", "7 xã")]),
        ("có huyện chỉ có 1 cán bộ kiêm nhiệm công tác khuyến công",
         [("count", 1, "cán bộ", "1 cán bộ")]),
        ("Kinh phí khuyến công địa phương còn thấp, bình quân chỉ khoảng 2 tỷ đồng/năm.",
         [q("khoảng", "amount", 2 * B, "VND", "2 tỷ đồng")]),
        # --- more that is not a figure ---
        ("Thực hiện Quyết định số 1288/QĐ-UBND ngày 15/5/2021 của UBND tỉnh", []),
        ("Theo Thông tư số 28/2018/TT-BCT của Bộ Công Thương", []),
        ("Chương trình khuyến công quốc gia đến năm 2025", []),
        ("II. KẾT QUẢ THỰC HIỆN NĂM 2023", []),
        ("công suất 20 tấn/ngày", []),
        ("sản phẩm đạt 4 sao OCOP", []),
        ("dân số 1,2 triệu người", [("count", 1_200_000, "người", "1,2 triệu người")]),
        ("lắp đặt 50 đồng hồ đo điện cho các cơ sở", []),  # "đồng hồ" is a meter, not money
        ("bố trí 500 triệu đồng phục vụ hội chợ",
         [("amount", 500 * M, "VND", "500 triệu đồng")]),
        ("hỗ trợ trên\n\n300 doanh nghiệp",  # a blank line parts a qualifier from its number
         [("count", 300, "doanh nghiệp", "300 doanh nghiệp")]),
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


@pytest.mark.parametrize("passage", PASSAGES)
def test_devset_passage_figures_exactly(passage: str) -> None:
    require_shared(DEVSET)
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


def test_scale_word_of_dollars_and_broken_lines() -> None:
    text = "xuất khẩu 2,3 triệu USD, 15.000 USD, 5 triệu đô la Mỹ; kinh phí 12.492,1 triệu\nđồng"
    assert [(f.scale, f.unit) for f in find_figures(text)] == [
        ("triệu USD", "USD"), ("USD", "USD"), ("triệu đô la Mỹ", "USD"), ("triệu đồng", "VND"),
    ]


QUALIFIERS = [
    "trên", "hơn", "gần", "khoảng", "gần như", "tối đa", "ít nhất", "tối thiểu", "xấp xỉ",
    "dưới", "chưa đến", "chưa tới", "trên dưới", "không quá", "không dưới",
]


@pytest.mark.parametrize("word", QUALIFIERS)
def test_every_qualifier_before_a_number_and_a_range(word: str) -> None:
    text = f"hỗ trợ {word.capitalize()} 35 cơ sở, {word} từ 5 đến 10 triệu đồng và {word} 52,8%"
    assert figures(text) == [
        q(word, "count", 35, "cơ sở", "35 cơ sở"),
        span("amount", 5 * M, 10 * M, "VND", "5 đến 10 triệu đồng", word),
        q(word, "percent", 52.8, "%", "52,8%"),
    ]


RANGE_SCALES = {
    "đồng": ("amount", "VND", 1), "nghìn đồng": ("amount", "VND", 10**3),
    "triệu đồng": ("amount", "VND", 10**6), "tỷ đồng": ("amount", "VND", 10**9),
    "triệu USD": ("amount", "USD", 10**6), "%": ("percent", "%", 1),
}
# How the two ends are joined: the word before the low end (kept out of raw) and the separator.
RANGE_JOINS = [("từ ", " đến "), ("từ ", " tới "), ("", " đến "), ("", "-"), ("", "–"),
               ("", " - ")]


@given(NUMBERS, NUMBERS, st.sampled_from(sorted(RANGE_SCALES)), st.sampled_from(RANGE_JOINS))
def test_any_vietnamese_range_parses_back(
    a: Decimal, b: Decimal, scale: str, join: tuple[str, str]
) -> None:
    low, high = sorted([a, b])
    before, sep = join
    written = f"{vietnamese(low)}{sep}{vietnamese(high)} {scale}"
    [f] = find_figures(f"kinh phí {before}{written}.")
    kind, unit, factor = RANGE_SCALES[scale]
    assert (f.kind, f.unit, f.raw, f.qualifier) == (kind, unit, written, None)
    assert Decimal(str(f.value_low)) == low * factor
    assert Decimal(str(f.value_high)) == high * factor
    assert f.value == f.value_low


@given(NUMBERS, NUMBERS, st.sampled_from(sorted(RANGE_SCALES)), st.sampled_from(RANGE_JOINS))
def test_a_range_whose_low_end_is_above_its_high_end_is_no_figure(
    a: Decimal, b: Decimal, scale: str, join: tuple[str, str]
) -> None:
    assume(a != b)
    low, high = sorted([a, b])
    before, sep = join
    assert find_figures(f"kinh phí {before}{vietnamese(high)}{sep}{vietnamese(low)} {scale}.") == []


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["xã", "lớp", "cơ sở"]),
       st.sampled_from(RANGE_JOINS))
def test_any_count_range_parses_back(a: int, b: int, noun: str, join: tuple[str, str]) -> None:
    low, high = sorted([a, b])
    before, sep = join
    written = f"{vietnamese(Decimal(low))}{sep}{vietnamese(Decimal(high))} {noun}"
    [f] = find_figures(f"đã hỗ trợ {before}{written} trong năm")
    assert (f.kind, f.unit, f.raw, f.value_low, f.value_high) == ("count", noun, written, low, high)


SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def footnoted_pdf(path: Path) -> Path:
    """A report page whose text layer carries footnote markers as Word sets them: a digit in
    7 pt, raised 4 pt, glued after a word of the body and opening the footnote at the bottom."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("serif", fname=SERIF)
    pdf.add_page()
    body = [("Năm 2025, tỉnh triển khai 05 mô hình, sáng kiến cải cách", "1"),
            ("tại Trung tâm Phục vụ hành chính công tỉnh và 124 xã, phường.", None),
            ("Cổng dịch vụ công còn lỗi đối với một số thủ tục", "3"),
            ("nên 12 hồ sơ phải tiếp nhận trực tiếp.", None)]
    y = 120.0
    for text, marker in body:
        pdf.set_font("serif", size=13)
        pdf.text(72, y, text)
        if marker:
            x = 72 + pdf.get_string_width(text)
            pdf.set_font("serif", size=7)
            pdf.text(x, y - 4, marker)
        y += 20
    for y, marker, text in [(764, "1", " Mô hình “Hồ sơ không hẹn” tại 26 xã."),
                            (779, "3", " thủ tục Đăng ký thành lập hộ kinh doanh.")]:
        pdf.set_font("serif", size=7)
        pdf.text(72, y - 4, marker)
        pdf.set_font("serif", size=10)
        pdf.text(72 + pdf.get_string_width(marker), y, text)
    pdf.output(str(path))
    return path


def test_a_footnote_marker_on_a_text_layer_is_no_count(tmp_path: Path) -> None:
    """A marker is read as a superscript (issue 26): "¹ Mô hình" and "³ thủ tục" are no counts,
    the counts of the body and of the footnote's own text stay."""
    from baocao.pipelines.process import process_file

    result = process_file(footnoted_pdf(tmp_path / "footnoted.pdf"))
    text = "\n".join(line.text for page in result.page_store for line in page.lines)
    found = sorted((f.kind, f.value, f.raw) for f in result.figures)
    assert found == [("count", 5.0, "05 mô hình"), ("count", 12.0, "12 hồ sơ"),
                     ("count", 26.0, "26 xã"), ("count", 124.0, "124 xã")]
    assert "cải cách¹" in text and "¹ Mô hình" in text and "³ thủ tục" in text



def test_a_footnote_stands_apart_with_its_figures_marked(tmp_path: Path) -> None:
    """Footnotes (marker first, smaller type, at the page's foot) leave the body's paragraphs
    and sections; their text ends the page's text, and their figures say they are in a
    footnote (issue 26). Read back from the database, they are the same."""
    from baocao import store
    from baocao.pipelines.process import process_file

    result = process_file(footnoted_pdf(tmp_path / "footnoted.pdf"))
    [page] = result.texts
    notes = ["¹ Mô hình “Hồ sơ không hẹn” tại 26 xã.", "³ thủ tục Đăng ký thành lập hộ kinh doanh."]
    assert [f.text for f in page.footnotes] == notes
    assert page.text.endswith("\n".join(notes))
    assert [page.text[f.start:f.start + len(f.text)] for f in page.footnotes] == notes
    assert not any("Mô hình “Hồ sơ" in p.text for p in page.paragraphs)
    assert not any(s.heading and "¹" in s.heading for s in result.sections)
    marked = sorted((f.raw, f.footnote, f.section_id is None) for f in result.figures)
    assert marked == [("05 mô hình", False, False), ("12 hồ sơ", False, False),
                      ("124 xã", False, False), ("26 xã", True, True)]
    engine = store.connect(tmp_path / "db.sqlite")
    store.write(engine, result)
    engine.dispose()
    loaded = store.load_document(tmp_path / "db.sqlite", result.doc_id)
    assert loaded.texts[0].footnotes == page.footnotes
    assert [(f.raw, f.footnote) for f in loaded.figures] == [
        (f.raw, f.footnote) for f in result.figures]
