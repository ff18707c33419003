"""Status, period, comparison and parts of figures (issue 27), each expected value read off
the sentence by hand. Sentences are real: the blind-audit documents (wilddev: Lâm Đồng
ld_3980, ld_239TTr; Bộ Công an 996/KH), the State Audit passages of devset, a GSO
press release (Tình hình kinh tế – xã hội quý III và 9 tháng năm 2023; quý I/2023), and the
khuyến công reports in samples/reports (make_reports.py names their sources), and
realtables' Lâm Đồng administrative-reform report of 2025."""

from __future__ import annotations

import pytest

from baocao.datamodel import Figure
from baocao.nlp.figures import find_figures
from baocao.nlp.parts import find_parts
from baocao.nlp.period import figure_period
from baocao.nlp.status import compared_to, default_status, figure_status

LD3980_SHARE = ("Tỉnh Lâm Đồng hiện có 03/ 124 đơn vị hành chính cấp xã đạt tiêu chí địa bàn "
                "“không ma tuý” (chiếm 2,4% tổng số đơn vị hành chính cấp xã).")
LD3980_TARGET = ("Như vậy, để đạt được mục tiêu xây dựng 20% đơn vị hành chính cấp xã không ma "
                 "tuý trong năm 2025 và 50% vào năm 2030 theo Nghị quyết số 163 của Quốc hội.")
LD3980_PLAN = ("Trong năm 2025, tỉnh Lâm Đồng được bố trí 7,623 tỷ đồng để thực hiện 03 dự án "
               "trong Chương trình phòng, chống ma tuý giai đoạn 2021 - 2025.")
LD3980_FORECAST = ("Dự kiến tỉnh Lâm Đồng sẽ được cấp khoảng 480 tỷ đồng từ ngân sách trung ương "
                   "để thực hiện Chương trình MTQG phòng, chống ma tuý đến năm 2030, trong đó có "
                   "400 tỷ đồng sử dụng để nâng cấp, sửa chữa 04 cơ sở cai nghiện.")
LD3980_ADDICTS = ("Toàn tỉnh hiện có 7.503 người nghiện, người sử dụng trái phép chất ma tuý, "
                  "trong đó có khoảng 80% đang sinh sống ngoài xã hội.")
LD239_UNTIL_NOW = ("Từ đầu năm 2026 đến nay, trên địa bàn tỉnh Lâm Đồng phát sinh 210.048 giao "
                   "dịch thanh toán trực tuyến, đạt tỷ lệ 96,52% vượt chỉ tiêu Chính phủ giao.")
LD239_DONE = ("+ Toàn tỉnh đã tiếp nhận 257.942 hồ sơ trực tuyến trên tất cả các lĩnh vực đạt "
              "tỷ lệ 90,11%.")
LD239_SHARE = ("(2) Trong tháng, thanh toán viện phí không dùng tiền mặt tại các cơ sở khám "
               "chữa bệnh đạt 75,2% trên tổng số giao dịch.")
BCA996 = ("Bảo đảm hoàn thành mục tiêu trên 70% các cơ quan, tổ chức, doanh nghiệp có hoạt "
          "động hợp pháp liên quan đến ma túy được tập huấn.")
KTNN_RECOVERED = ("Năm 2017 tỉnh có Quyết định 1586/QĐ-UBND ngày 14/6/2017 thu hồi về ngân sách "
                  "tỉnh 28.546trđ (Kinh phí CTMTQG 3.627trđ; kinh phí hỗ trợ có mục tiêu 4.649trđ "
                  "và chi thường xuyên 20.269trđ).")
KTNN_ALLOTTED = ("Tại tỉnh Lào Cai, trong năm 2016 phân bổ giao dự toán không đúng nội dung nguồn "
                 "kinh phí của các chính sách khác được Bộ Tài chính bổ sung có mục tiêu số tiền "
                 "16.125,5trđ;")
KTNN_SINCE = ("Từ năm 2010 cho đến nay, KTNN thực hiện trung bình mỗi năm 5 cuộc kiểm toán về "
              "môi trường.")
GSO_INVEST = ("Vốn đầu tư thực hiện từ nguồn ngân sách Nhà nước 9 tháng năm 2023 ước đạt 410,4 "
              "nghìn tỷ đồng, bằng 56,9% kế hoạch năm và tăng 23,3% so với cùng kỳ năm trước.")
GSO_QUARTER = ("Tổng sản phẩm trong nước (GDP) quý I/2023 ước tính tăng 3,32% so với cùng kỳ "
               "năm trước.")
BG_PLAN = ("Ngay từ đầu năm, Sở Công Thương đã tham mưu UBND tỉnh ban hành kế hoạch khuyến công "
           "năm 2023 với tổng kinh phí 6.850 triệu đồng, trong đó kinh phí khuyến công quốc gia "
           "là 2.100 triệu đồng, kinh phí khuyến công địa phương là 4.750 triệu đồng.")
BG_DONE = ("Năm 2023, toàn tỉnh đã triển khai 35 đề án khuyến công, đạt 106% kế hoạch năm, với "
           "tổng kinh phí hỗ trợ là 6.420 triệu đồng, giải ngân đạt 93,7% kế hoạch vốn được "
           "giao.")
BG_ESTIMATE = ("Kinh phí khuyến công tuy không lớn nhưng đã phát huy vai trò “vốn mồi”; giá trị "
               "sản xuất công nghiệp nông thôn năm 2023 ước đạt 15.600 tỷ đồng, tăng 8,4% so "
               "với năm 2022.")
BG_REQUEST = ("- Đề nghị Bộ Công Thương tiếp tục quan tâm, bố trí kinh phí khuyến công quốc gia "
              "cho tỉnh Bắc Giang năm 2024 khoảng 2.500 triệu đồng để hỗ trợ các đề án điểm.")
QN_YEARS = ("Tỷ lệ giải ngân kinh phí khuyến công địa phương năm 2021 đạt 86,4%, năm 2022 đạt "
            "94,2% và năm 2023 đạt 97,8%.")
QN_FALLING = ("- Kinh phí khuyến công quốc gia phân bổ cho tỉnh giảm dần qua các năm, từ 3,4 tỷ "
              "đồng năm 2021 xuống còn 2,3 tỷ đồng năm 2023;")
QN_THREE = ("Trong 03 năm 2021-2023, tổng kinh phí khuyến công đã thực hiện là 27,4 tỷ đồng, "
            "trong đó kinh phí khuyến công quốc gia 8,6 tỷ đồng, kinh phí khuyến công địa phương "
            "18,8 tỷ đồng; đã hỗ trợ 112 đề án, đạt 62% mục tiêu của cả giai đoạn.")
QN_BASE = ("Chương trình khuyến công đã góp phần quan trọng vào phát triển công nghiệp nông "
           "thôn của tỉnh; giá trị sản xuất công nghiệp nông thôn năm 2023 đạt 12.350 tỷ đồng, "
           "tăng 21% so với năm 2020.")
TB_PERIOD = ("Giai đoạn 2016-2020, tổng kinh phí khuyến công thực hiện trên địa bàn tỉnh là 38,5 "
             "tỷ đồng, trong đó kinh phí khuyến công quốc gia 12,8 tỷ đồng, kinh phí khuyến công "
             "địa phương 25,7 tỷ đồng; đã hỗ trợ 164 đề án, thu hút vốn đối ứng của các cơ sở "
             "trên 420 tỷ đồng.")
TB_YEARS = ("Tỉnh đã tổ chức 03 kỳ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh "
            "vào các năm 2016, 2018 và 2020 với 312 sản phẩm tham gia, trong đó 145 sản phẩm "
            "được công nhận cấp tỉnh, 38 sản phẩm đạt giải cấp khu vực và 07 sản phẩm được công "
            "nhận cấp quốc gia.")
LC_GIVEN = ("Năm 2022, tổng kinh phí khuyến công được giao là 5.650 triệu đồng, đã thực hiện 20 "
            "đề án, giải ngân 5.380 triệu đồng, đạt 95,2% kế hoạch.")
LC_PLANNED = ("Năm 2023, tỉnh Lào Cai dự kiến thực hiện 24 đề án khuyến công với tổng kinh phí "
              "6,8 tỷ đồng, tập trung vào các nội dung sau:")
LD_CHISO_REVENUE = ("Tổng thu ngân sách nhà nước đến ngày 27/11/2025 đạt 32.006 tỷ đồng, đạt "
                    "113,30% so với kế hoạch địa phương giao, tăng 20% so với kế hoạch Trung ương "
                    "giao (vượt kế hoạch đề ra).")
LD_CHISO_DISBURSED = ("e) Đối với cải cách tài chính công: Tính đến ngày 27/11/2025, tỷ lệ giải "
                      "ngân kế hoạch đầu tư vốn ngân sách nhà nước đạt 32,23% so với kế hoạch năm "
                      "2025.")
LD_CHISO_AUDIT = ("Tiến độ thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về "
                  "tài chính, ngân sách đạt 80,15% (số tiền đã nộp ngân sách nhà nước đạt "
                  "698,445/871,321 triệu đồng).")

# sentence, the figure as written, status its words give, period start and end, comparison
# (percentages; "" for a figure of another kind).
CASES = [
    (LD3980_SHARE, "2,4%", None, None, None, "share"),
    (LD3980_TARGET, "20%", "target", "2025-01", "2025-12", None),
    (LD3980_TARGET, "50%", "target", "2030-01", "2030-12", None),
    (LD3980_PLAN, "7,623 tỷ đồng", "plan", "2025-01", "2025-12", ""),
    (LD3980_FORECAST, "480 tỷ đồng", "plan", None, None, ""),
    (LD3980_ADDICTS, "80%", None, None, None, "share"),
    (LD239_UNTIL_NOW, "210.048 giao dịch", None, "2026-01", None, ""),
    (LD239_UNTIL_NOW, "96,52%", None, "2026-01", None, None),
    (LD239_DONE, "257.942 hồ sơ", "actual", None, None, ""),
    (LD239_DONE, "90,11%", "actual", None, None, None),
    (LD239_SHARE, "75,2%", None, None, None, "share"),
    (BCA996, "70%", "target", None, None, None),
    (KTNN_RECOVERED, "28.546trđ", None, "2017-01", "2017-12", ""),
    (KTNN_RECOVERED, "4.649trđ", None, "2017-01", "2017-12", ""),
    (KTNN_ALLOTTED, "16.125,5trđ", "plan", "2016-01", "2016-12", ""),
    (KTNN_SINCE, "5 cuộc", None, "2010-01", None, ""),
    (GSO_INVEST, "410,4 nghìn tỷ đồng", "estimate", "2023-01", "2023-09", ""),
    (GSO_INVEST, "56,9%", "estimate", "2023-01", "2023-09", "plan"),
    (GSO_INVEST, "23,3%", "estimate", "2023-01", "2023-09", "same_period"),
    (GSO_QUARTER, "3,32%", "estimate", "2023-01", "2023-03", "same_period"),
    (BG_PLAN, "6.850 triệu đồng", "plan", "2023-01", "2023-12", ""),
    (BG_DONE, "35 đề án", "actual", "2023-01", "2023-12", ""),
    (BG_DONE, "106%", "actual", "2023-01", "2023-12", "plan"),
    (BG_DONE, "6.420 triệu đồng", "actual", "2023-01", "2023-12", ""),
    (BG_DONE, "93,7%", "actual", "2023-01", "2023-12", "plan"),
    (BG_ESTIMATE, "15.600 tỷ đồng", "estimate", "2023-01", "2023-12", ""),
    (BG_ESTIMATE, "8,4%", "estimate", "2023-01", "2023-12", "previous"),
    (BG_REQUEST, "2.500 triệu đồng", "request", "2024-01", "2024-12", ""),
    (QN_YEARS, "86,4%", "actual", "2021-01", "2021-12", None),
    (QN_YEARS, "94,2%", "actual", "2022-01", "2022-12", None),
    (QN_YEARS, "97,8%", "actual", "2023-01", "2023-12", None),
    (QN_FALLING, "3,4 tỷ đồng", "plan", "2021-01", "2021-12", ""),
    (QN_FALLING, "2,3 tỷ đồng", "plan", "2023-01", "2023-12", ""),
    (QN_THREE, "27,4 tỷ đồng", "actual", "2021-01", "2023-12", ""),
    (QN_THREE, "62%", "actual", "2021-01", "2023-12", "plan"),
    (QN_BASE, "12.350 tỷ đồng", "actual", "2023-01", "2023-12", ""),
    (QN_BASE, "21%", "actual", "2023-01", "2023-12", None),  # so với năm 2020: no previous year
    (TB_PERIOD, "38,5 tỷ đồng", None, "2016-01", "2020-12", ""),
    (TB_PERIOD, "164 đề án", "actual", "2016-01", "2020-12", ""),
    (TB_YEARS, "312 sản phẩm", "actual", "2016-01", "2020-12", ""),
    (LC_GIVEN, "5.650 triệu đồng", "plan", "2022-01", "2022-12", ""),
    (LC_GIVEN, "20 đề án", "actual", "2022-01", "2022-12", ""),
    (LC_GIVEN, "5.380 triệu đồng", "actual", "2022-01", "2022-12", ""),
    (LC_GIVEN, "95,2%", "actual", "2022-01", "2022-12", "plan"),
    (LC_PLANNED, "6,8 tỷ đồng", "plan", "2023-01", "2023-12", ""),
    (LC_PLANNED, "24 đề án", "plan", "2023-01", "2023-12", ""),
    # realtables ld_chiso_2025 (Lâm Đồng, 2025)
    (LD_CHISO_REVENUE, "32.006 tỷ đồng", None, None, "2025-11-27", ""),
    (LD_CHISO_REVENUE, "113,30%", None, None, "2025-11-27", "plan"),
    (LD_CHISO_DISBURSED, "32,23%", "actual", None, "2025-11-27", "plan"),
    (LD_CHISO_AUDIT, "80,15%", None, None, None, None),  # the inspections' kiến nghị: no request
]


def _at(sentence: str, raw: str) -> tuple[int, int]:
    [match] = [m for m in find_figures(sentence) if m.raw == raw]
    return match.start, match.end


@pytest.mark.parametrize(("sentence", "raw", "status", "start", "end", "compared"), CASES,
                         ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_status_period_and_comparison(sentence, raw, status, start, end, compared) -> None:
    at, stop = _at(sentence, raw)
    assert figure_status(sentence, at) == status
    period = figure_period(sentence, at, stop)
    got = (period.start, period.end) if period else (None, None)
    assert got == (start, end)
    if compared != "":
        year = int(period.end[:4]) if period and period.end else None
        assert compared_to(sentence, at, stop, year) == compared


def test_default_status_by_section_and_document() -> None:
    assert default_status("recommendations", "báo cáo") == "request"
    # devset d15: "Ngân sách nước ta gồm 4 cấp …" under Kiến nghị is no request
    assert default_status("recommendations", "báo cáo", "count") == "actual"
    assert default_status("plans", "báo cáo") == "plan"
    assert default_status("achievements", "kế hoạch") == "plan"
    assert default_status("achievements", "báo cáo") == "actual"
    assert default_status(None, "tờ trình") == "actual"  # its requests say "đề nghị"


def _figures(*sentences: str) -> list[Figure]:
    """Each sentence's figures as the pipeline places them: one paragraph a sentence."""
    out, offset = [], 0
    for sentence in sentences:
        for m in find_figures(sentence):
            out.append(Figure(kind=m.kind, value=m.value, unit=m.unit, raw=m.raw,
                              start=offset + m.start, end=offset + m.end,
                              figure_id=len(out) + 1, page_no=1, sentence=sentence,
                              section_id=1, section_kind="achievements",
                              sentence_start=offset))
        offset += len(sentence) + 1
    return out


def _parts(*sentences: str) -> dict[str, str]:
    figures = _figures(*sentences)
    raw = {f.figure_id: f.raw for f in figures}
    return {raw[part]: raw[total] for part, total in find_parts(figures).items()}


def test_parts_in_the_sentence_add_up_to_their_total() -> None:
    assert _parts(BG_PLAN) == {"2.100 triệu đồng": "6.850 triệu đồng",
                               "4.750 triệu đồng": "6.850 triệu đồng"}
    assert _parts(QN_THREE) == {"8,6 tỷ đồng": "27,4 tỷ đồng", "18,8 tỷ đồng": "27,4 tỷ đồng"}
    # the parts end at the semicolon: "vốn đối ứng … 420 tỷ đồng" is no part of 38,5 tỷ
    assert _parts(TB_PERIOD) == {"12,8 tỷ đồng": "38,5 tỷ đồng", "25,7 tỷ đồng": "38,5 tỷ đồng"}
    assert _parts(TB_YEARS) == {"145 sản phẩm": "312 sản phẩm", "38 sản phẩm": "312 sản phẩm",
                                "07 sản phẩm": "312 sản phẩm"}
    assert _parts(LD3980_FORECAST) == {"400 tỷ đồng": "480 tỷ đồng"}
    assert _parts(LC_GIVEN) == {}  # "đạt 95,2% kế hoạch": no part
    assert _parts(LD3980_ADDICTS) == {}  # a share, not an amount or count of the total's unit


def test_bracketed_parts_must_add_up() -> None:
    # 3.627 + 4.649 + 20.269 = 28.545 trđ: the total 28.546 rounded
    assert _parts(KTNN_RECOVERED) == {"3.627trđ": "28.546trđ", "4.649trđ": "28.546trđ",
                                      "20.269trđ": "28.546trđ"}
    # the page's 59.072 + 24.366 = 83.438 is no 82.438: not parts
    lien_thong = ("Tính đến nay, đã phát sinh 82.438 hồ sơ dịch vụ công liên thông (59.072 hồ sơ "
                  "đăng ký khai sinh — đăng ký thường trú và 24.366 hồ sơ đăng ký khai tử - xóa "
                  "đăng ký thường trú).")
    assert _parts(lien_thong) == {}


def test_a_list_after_trong_do_gives_parts_only_where_they_add_up() -> None:
    lead = "Thực hiện 17 đề án với kinh phí 4.200 triệu đồng, trong đó:"
    items = ("+ Hỗ trợ 11 cơ sở ứng dụng máy móc, thiết bị trong chế biến nông lâm sản, dược "
             "liệu và sản xuất vật liệu xây dựng, kinh phí 2.860 triệu đồng;",
             "+ Tổ chức 04 lớp đào tạo nghề dệt thổ cẩm, chạm bạc cho 120 học viên người Dao, "
             "người Mông, kinh phí 640 triệu đồng;",
             "+ Hỗ trợ 02 mô hình trình diễn kỹ thuật sản xuất rượu ngô Bản Phố và chế biến tinh "
             "dầu quế, kinh phí 700 triệu đồng.")
    assert _parts(lead, *items) == {"2.860 triệu đồng": "4.200 triệu đồng",
                                    "640 triệu đồng": "4.200 triệu đồng",
                                    "700 triệu đồng": "4.200 triệu đồng"}
    # one item short, they do not add up: no parts at all
    assert _parts(lead, *items[:2]) == {}


def test_place_is_the_one_district_or_commune_named() -> None:
    from baocao.nlp.facts import _place

    fair = ("Tổ chức Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc tại thành phố "
            "Lào Cai với 180 gian hàng của 120 doanh nghiệp, cơ sở, kinh phí 350 triệu đồng.")
    assert _place(("Bắc", "thành phố Lào Cai"), fair) == "thành phố Lào Cai"
    several = ("- Lĩnh vực chế biến nông sản, thực phẩm: 9 đề án, kinh phí hỗ trợ 1.620 triệu "
               "đồng, tập trung tại các huyện Lục Ngạn, Lục Nam và Yên Thế;")
    assert _place(("huyện Lục Ngạn", "Lục Nam", "Yên Thế"), several) is None
    assert _place(("Quảng Nam",), QN_BASE) is None  # a province is no finer place
