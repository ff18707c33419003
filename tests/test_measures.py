"""The catalogue of measures (baocao/data/measures.csv) and what figures of real reports measure.

Each case is a sentence as published (its source in the comment above it), one figure in it as
baocao reads it (the words it starts with, its kind and unit, and the subject phrase that
nlp/context.py gives it), and the catalogue code a careful reader gives that figure, or None
where the words do not say it surely. Sources: the sample seed pages (Tài liệu Khuyến công,
Bắc Giang p. 56 and Bắc Ninh p. 62), the table samples' running text (samples/tables/SOURCES.md),
shared/realdev and shared/devset texts, and provincial reports as quoted by provincial portals,
provincial newspapers and the statistics office.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest
import regex

from baocao.nlp.measures import catalogue, match_measure, measure_names
from baocao.vietnamese.text import fold

# Seed page, Bắc Giang p. 56 (samples/seeds/bacgiang_p56.txt).
BAC_GIANG = (
    "Tuy số lượng cơ sở công nghiệp nông thôn thuộc những địa bàn có điều kiện kinh tế - xã hội "
    "khó khăn và đặc biệt khó khăn của tỉnh được thụ hưởng chính sách khuyến công lớn (chiếm tỷ "
    "lệ 52,8%) nhưng quy mô hoạt động sản xuất, kinh doanh của các cơ sở vẫn chủ yếu còn nhỏ, lẻ "
    "nên nguồn kinh phí hỗ trợ thực hiện còn thấp mới đạt 12.492,1 triệu đồng (chiếm tỷ lệ 26,3% "
    "so với tổng kinh phí thực hiện trong toàn tỉnh).")
# Seed page, Bắc Ninh p. 62 (samples/seeds/bacninh_p62.txt).
BAC_NINH = (
    "- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc bình chọn có 111 sản "
    "phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí hỗ trợ là 320 triệu đồng.")
# Báo Bình Định, "Phê duyệt 20 chương trình, đề án khuyến công địa phương" (2017).
BINH_DINH = (
    "Ủy ban nhân dân tỉnh đã phê duyệt Đề án khuyến công địa phương năm 2017 gồm 20 chương "
    "trình, đề án khuyến công với tổng kinh phí 2,52 tỷ đồng, thuộc 4 nhóm nội dung như sau:")
BINH_DINH_GROUPS = (
    "Trong đó, nhóm hỗ trợ ứng dụng máy móc tiên tiến vào sản xuất công nghiệp - tiểu thủ công "
    "nghiệp chiếm phần lớn kinh phí với 13 chương trình, đề án.")
# Báo Khánh Hòa on Sở Công Thương Khánh Hòa's 10-year report (14/7/2022).
KHANH_HOA_VOTES = (
    "Trong 10 năm (2012 - 2022), có 6 UBND cấp huyện tổ chức bình chọn sản phẩm công nghiệp "
    "nông thôn (CNNT) tiêu biểu cấp huyện; cấp tỉnh tổ chức 5 kỳ bình chọn.")
KHANH_HOA_FUNDS = (
    "Trong đó, kinh phí cấp huyện 558 triệu đồng, cấp tỉnh hơn 543 triệu đồng, cấp khu vực hơn "
    "116 triệu đồng và kinh phí cấp quốc gia 85 triệu đồng.")
# Cục Thống kê Khánh Hòa, quý I/2023, and UBND tỉnh Khánh Hòa's 2023 targets (via Soha).
KHANH_HOA_Q1 = (
    "Tổng sản phẩm trong nước (GDP) quý I/2023 ước tính tăng 3,32% so với cùng kỳ năm trước; "
    "GRDP của tỉnh Khánh Hòa ước đạt 13.248,9 tỷ đồng, tăng 9,07% so cùng kỳ năm trước, xếp "
    "thứ 4 cả nước.")
KHANH_HOA_TARGETS = (
    "UBND tỉnh Khánh Hòa cho biết, năm 2023, địa phương đặt chỉ tiêu tốc độ tăng trưởng kinh tế "
    "(GRDP) ước tăng 8,7%, GRDP bình quân đầu người ước đạt 84,8 triệu đồng/người.")
KHANH_HOA_BUDGET = "Chỉ tiêu thu ngân sách ước đạt 15.445 tỷ đồng."
KHANH_HOA_INVEST = (
    "Tổng vốn đầu tư phát triển toàn xã hội ước đạt 71.300 tỷ đồng, tăng 15% so với năm 2022.")
# Báo Lào Cai quoting Sở Tài chính Lào Cai (12/2024).
LAO_CAI = (
    "Tính đến trưa ngày 28/12/2024, thu ngân sách nhà nước trên địa bàn tỉnh đạt 12.259 tỷ đồng, "
    "bằng 134% dự toán trung ương giao, bằng 96% dự toán tỉnh giao, bằng 139% cùng kỳ năm 2023.")
# Sở Tài chính Bắc Ninh (11/2023).
BAC_NINH_BUDGET = (
    "Theo số liệu báo cáo, tổng thu ngân sách nhà nước trên địa bàn ước thực hiện hết tháng "
    "11/2023 là 26.497 tỷ đồng, đạt 83,77% dự toán, bằng 93,19% so với cùng kỳ.")
# UBND tỉnh Bắc Ninh, Báo cáo tình hình kinh tế - xã hội quý IV và cả năm 2023 (bacninh.gov.vn).
BAC_NINH_2023 = (
    "Theo số liệu Tổng cục Thống kê tính toán, tổng hợp và thông báo, GRDP của tỉnh năm 2023 "
    "theo giá so sánh 2010 ước đạt 126,484 tỷ đồng, so với CK giảm nhiều (-9,28%).")
BAC_NINH_GROWTH = (
    "Với mức tăng trưởng kinh tế bị giảm 9,28% của năm 2023 thì bình quân mỗi năm giai đoạn "
    "2021-2023 chỉ tăng 0,4%/năm.")
# Cục Thống kê Bà Rịa - Vũng Tàu, 6 tháng 2023 (Báo Bà Rịa - Vũng Tàu).
BRVT_GRDP = (
    "Cụ thể, tổng sản phẩm trên địa bàn (GRDP) trừ dầu khí theo giá so sánh năm 2010 tăng 2,41% "
    "so với cùng kỳ năm trước.")
BRVT_IIP = (
    "Riêng sản xuất công nghiệp có dấu hiệu phục hồi, chỉ số công nghiệp (trừ dầu thô và khí "
    "đốt) ước tăng 6,25% so cùng kỳ.")
BRVT_RETAIL = "Kinh doanh thương mại sôi động trở lại với tổng mức bán lẻ hàng hóa tăng 13,53%."
# UBND tỉnh Quảng Ninh, ước thực hiện năm 2023 (bnews).
QUANG_NINH_GRDP = (
    "Tỉnh Quảng Ninh dự kiến hoàn thành vượt mức 12/ 12 chỉ tiêu kinh tế - xã hội năm 2023 và "
    "GRDP năm 2023 đạt 11,02%.")
QUANG_NINH_BUDGET = (
    "Tổng thu ngân sách nhà nước trên địa bàn đạt 55.632 tỷ đồng, tăng 3% so với cùng kỳ năm "
    "2022, trong đó thu nội địa đạt 39.632 tỷ đồng, tăng 7%.")
QUANG_NINH_SCHOOLS = (
    "Công tác giáo dục, đào tạo, y tế, chăm sóc sức khỏe nhân dân được quan tâm, tỷ lệ trường "
    "đạt chuẩn quốc gia đạt 90,22%.")
# Báo Cà Mau on the Chương trình MTQG giảm nghèo bền vững (04/2024).
CA_MAU = (
    "Theo kết quả rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo tiếp cận đa chiều, cuối năm "
    "2023, toàn tỉnh còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ "
    "lệ 2,27%.")
# Sở Kế hoạch và Đầu tư Bình Thuận, giảm nghèo 2022.
BINH_THUAN = (
    "- Kết quả tổng rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2022 - "
    "2025 và kết quả rà soát hộ nghèo mới phát sinh: Hộ nghèo có 10.689 hộ, chiếm 3,20% so với "
    "tổng số hộ toàn tỉnh (tăng 137 hộ so với đầu năm, chiếm tỷ lệ 0,04%), trong đó có 3.373 hộ "
    "nghèo vùng đồng bào dân tộc (chiếm 13,13% so với tổng số hộ nghèo DTTS và chiếm 31,56% so "
    "với tổng số hộ nghèo toàn tỉnh); hộ cận nghèo có 14.994 hộ, chiếm 4,49% so với tổng số hộ "
    "toàn tỉnh.")
BINH_THUAN_TARGET = (
    "Ước kết quả thực hiện giảm tỷ lệ hộ nghèo năm 2022 là 0,47%, đạt 100% kế hoạch năm.")
# Cục Công nghiệp địa phương's five-year figures (Sở Công Thương TP.HCM portal).
CNDP_MODELS = (
    "Theo số liệu từ Cục CNĐP, 5 năm qua, Chương trình khuyến công đã hỗ trợ xây dựng 786 mô "
    "hình trình diễn kỹ thuật và hỗ trợ cho 1.013 cơ sở công nghiệp nông thôn ứng dụng công nghệ "
    "mới, máy móc thiết bị hiện đại vào sản xuất.")
CNDP_FUNDS = (
    "Kinh phí cho chương trình này là 84,739 tỷ đồng, chiếm 21,62% tổng kinh phí, trung bình hỗ "
    "trợ 100 triệu đồng/mô hình.")
# Trung tâm Khuyến công (arit.gov.vn) on the national programme to 2012.
ARIT = (
    "Thủ tướng Nguyễn Tấn Dũng vừa ký Quyết định phê duyệt Chương trình khuyến công quốc gia đến "
    "năm 2012, có tổng vốn đầu tư 400 tỷ đồng.")
# Văn phòng điều phối nông thôn mới Thanh Hóa (OCOP); Tạp chí Công Thương on OCOP Sơn La.
THANH_HOA_OCOP = (
    "Đến đầu tháng 9 này, Thanh Hóa đang có 120 sản phẩm OCOP cấp tỉnh, 1 sản phẩm OCOP quốc "
    "gia, đứng thứ 10 cả nước về số lượng sản phẩm.")
SON_LA_OCOP = (
    "Từ đó, năm 2019, Hội đồng đánh giá, xếp hạng cấp tỉnh các sản phẩm OCOP của tỉnh Sơn La đã "
    "phê duyệt 28 sản phẩm đạt từ 3-4 sao đến từ các hợp tác xã, doanh nghiệp, tổ hợp tác và các "
    "hộ kinh doanh trên địa bàn 11 huyện, thành phố.")
# THVL on the Chương trình MTQG xây dựng nông thôn mới 2021-2025.
NTM_TARGETS = (
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021- 2025 đặt mục tiêu, "
    "phấn đấu cả nước có ít nhất 80% số xã đạt chuẩn nông thôn mới, trong đó có khoảng 40% số xã "
    "đạt chuẩn nông thôn mới nâng cao, ít nhất 10% số xã đạt chuẩn nông thôn mới kiểu mẫu và "
    "không còn xã dưới 15 tiêu chí.")
NTM_FUNDS = (
    "Tổng nguồn vốn ngân sách trung ương bố trí cho chương trình trong giai đoạn 2021-2025 là "
    "39.632 tỷ đồng.")
NTM_COMMUNES = "Đến nay, cả nước đã có 5.813/8.227 xã đạt chuẩn nông thôn mới"
# Ngành Nông nghiệp và Môi trường's 2026 targets, as reported.
NN_TARGETS = (
    "Bên cạnh chỉ tiêu tăng trưởng, ngành Nông nghiệp và Môi trường phấn đấu giảm tỷ lệ hộ nghèo "
    "đa chiều từ 1-1,5%, tối thiểu 15% số xã đạt chuẩn nông thôn mới; 95% chất thải rắn sinh hoạt "
    "đô thị được thu gom, xử lý đạt quy chuẩn; 62% hộ dân nông thôn được sử dụng nước sạch.")
NN_FOREST = "Tỷ lệ che phủ rừng duy trì ổn định ở mức 42,02%."
# UBND TP.HCM, tình hình kinh tế - xã hội 8 tháng 2025 (Sở Tài chính TP.HCM).
HCM_FDI = (
    "Trong 8 tháng năm 2025, TPHCM ghi nhận sự gia tăng mạnh của dòng vốn đầu tư nước ngoài "
    "(FDI) với trên 6,8 tỷ USD, tăng hơn 58% so với cùng kỳ năm trước.")
HCM_BUDGET = (
    "Giám đốc Sở Tài chính Nguyễn Công Vinh cho biết, trong 8 tháng đầu năm, tổng thu ngân sách "
    "nhà nước trên địa bàn đạt 524.234 tỷ đồng, đạt 78,1% dự toán năm và tăng 15,5% so với cùng "
    "kỳ.")
HCM_IIP = (
    "Chỉ số sản xuất công nghiệp (IIP) lũy kế 8 tháng tăng 6% so với cùng kỳ, trong đó 4 ngành "
    "công nghiệp trọng điểm tăng 11%, và 3 ngành công nghiệp truyền thống tăng 10,6%.")
HCM_RETAIL = (
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng, tháng 8 ước đạt 166.243 tỷ đồng, "
    "tăng 15,8% so với cùng kỳ; lũy kế 8 tháng đạt hơn 1,2 triệu tỷ đồng, tăng 15,6% so với "
    "cùng kỳ.")
HCM_TOURISM = (
    "Tổng thu du lịch tháng 8 năm 2025 ước đạt 21.582 tỷ đồng, tăng 40,4% so với cùng kỳ năm "
    "2024.")
HCM_GROWTH = (
    "Ngoài ra, Thành phố đẩy mạnh các giải pháp thúc đẩy tăng trưởng kinh tế, phấn đấu tốc độ "
    "tăng trưởng GRDP cả năm đạt 8,5%.")
HCM_CAPITAL = (
    "Số liệu 9 tháng đầu năm 2025, tổng vốn đăng ký mới và tăng thêm đã đạt gần 7,13 tỷ USD, "
    "với mức tăng ấn tượng hơn 37% so với cùng kỳ năm 2024.")
# Tổng cục Thống kê, Sách trắng doanh nghiệp 2020; Báo Lâm Đồng quoting UBND tỉnh (5/2022).
GSO_FIRMS = "Năm 2019, cả nước có 138.139 DN thành lập mới, tăng 5,2% so với năm 2018."
LAM_DONG_FIRMS = (
    "Thông tin từ UBND tỉnh cho biết, trong tháng 5/2022, toàn tỉnh có 82 doanh nghiệp thành lập "
    "mới, với số vốn đăng ký 1.569,5 tỷ đồng, tăng 3,8% về số doanh nghiệp và tăng 7,8% về vốn "
    "đăng ký so với cùng kỳ; có 25 doanh nghiệp đăng ký tạm ngừng hoạt động, tăng 78,6% so với "
    "cùng kỳ.")
LAM_DONG_COOPS = (
    "Đến nay, toàn tỉnh có 5 liên hiệp hợp tác xã, 479 hợp tác xã với trên 66.260 thành viên, "
    "398 tổ hợp tác.")
# Kiểm toán nhà nước (shared/devset d13); Quyết định 47/QĐ-UBND Quảng Ngãi (shared/realdev).
KTNN = (
    "Năm 2017 tỉnh có Quyết định 1586/QĐ-UBND ngày 14/6/2017 thu hồi về ngân sách tỉnh 28.546trđ "
    "(Kinh phí CTMTQG 3.627trđ; kinh phí hỗ trợ có mục tiêu 4.649trđ và chi thường xuyên "
    "20.269trđ).")
QD47 = (
    "Điều 1. Bố trí 10.522,6 triệu đồng từ nguồn dự phòng ngân sách tỉnh năm 2025 để Sở Lao động "
    "- Thương binh và Xã hội thực hiện hỗ trợ quà Tết cho hộ nghèo, cận nghèo nhân dịp Tết "
    "Nguyên đán Ất Tỵ - năm 2025.")

VND, PCT = "VND", "%"

# (sentence, the figure as written and what follows it, kind, unit, subject, expected code)
# samples/reports, Lào Cai (make_reports.py): training tied to jobs, in a plan's list naming no
# programme: trainees or jobs? Neither surely.
LAO_CAI_TRAINING = ("- Đào tạo nghề cho 150 lao động người dân tộc thiểu số gắn với giải quyết "
                    "việc làm tại chỗ.")
CASES = [
    # --- khuyến công ---
    # a generic funding subject in a sentence naming the programme (and no other money)
    (BAC_GIANG, "12.492,1 triệu", "amount", VND, "nguồn kinh phí hỗ trợ thực hiện",
     "khuyen_cong_budget"),
    (BAC_GIANG, "52,8%", "percent", PCT, "tỷ lệ", None),
    (BAC_GIANG, "26,3%", "percent", PCT, "tỷ lệ so với tổng kinh phí thực hiện", None),
    (LAO_CAI_TRAINING, "150 lao", "count", "lao động", "lao động", None),
    (BAC_NINH, "6 cuộc", "count", "cuộc", "cuộc bình chọn", "khuyen_cong_product_contests"),
    (BAC_NINH, "111 sản phẩm", "count", "sản phẩm", "sản phẩm", "khuyen_cong_products_voted"),
    # generic funding, the programme not named (the contest's own funds)
    (BAC_NINH, "320 triệu", "amount", VND, "kinh phí hỗ trợ", None),
    (BINH_DINH, "20 chương trình", "count", "chương trình", "chương trình",
     "khuyen_cong_programmes_local"),
    # only local khuyến công named: the local programme's funding
    (BINH_DINH, "2,52 tỷ", "amount", VND, "tổng kinh phí", "khuyen_cong_budget_local"),
    (BINH_DINH, "4 nhóm", "count", "nhóm", "nhóm", None),
    (BINH_DINH_GROUPS, "13 chương trình", "count", "chương trình", "chương trình", None),
    # "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu" is there, but UBND are no products
    (KHANH_HOA_VOTES, "6 UBND", "count", "UBND cấp huyện", "UBND cấp huyện", None),
    (KHANH_HOA_FUNDS, "558 triệu", "amount", VND, "kinh phí cấp huyện", None),
    # "cấp quốc gia" without "khuyến công" is no national khuyến công funding
    (KHANH_HOA_FUNDS, "85 triệu", "amount", VND, "kinh phí cấp quốc gia", None),
    (CNDP_MODELS, "786 mô", "count", "mô hình", "mô hình", "khuyen_cong_demonstration_models"),
    (CNDP_MODELS, "1.013 cơ sở", "count", "cơ sở", "cơ sở", "khuyen_cong_firms_supported"),
    # the sentence itself does not name the programme
    (CNDP_FUNDS, "84,739 tỷ", "amount", VND, "Kinh phí", None),
    (CNDP_FUNDS, "21,62%", "percent", PCT, "Kinh phí", None),
    # an investment total is not a generic funding subject: it may hold the firms' own capital
    (ARIT, "400 tỷ", "amount", VND, "tổng vốn đầu tư", None),
    # --- national accounts ---
    (KHANH_HOA_Q1, "3,32%", "percent", PCT, None, None),  # GDP is not GRDP
    (KHANH_HOA_Q1, "13.248,9 tỷ", "amount", VND, None, "grdp"),
    (KHANH_HOA_Q1, "9,07%", "percent", PCT, None, "grdp_growth"),
    (KHANH_HOA_TARGETS, "8,7%", "percent", PCT, None, "grdp_growth"),
    (KHANH_HOA_TARGETS, "84,8 triệu", "amount", VND, None, "grdp_per_capita"),
    (BAC_NINH_2023, "126,484 tỷ", "amount", VND, None, "grdp"),
    (BAC_NINH_2023, "-9,28%", "percent", PCT, None, "grdp_growth"),
    (BAC_NINH_GROWTH, "9,28%", "percent", PCT, "mức tăng trưởng kinh tế bị", "grdp_growth"),
    (BRVT_GRDP, "2,41%", "percent", PCT, None, "grdp_growth"),
    # a percentage of an amount measure with no word of growth
    (QUANG_NINH_GRDP, "11,02%", "percent", PCT, None, None),
    (HCM_GROWTH, "8,5%", "percent", PCT, "tốc độ tăng trưởng GRDP cả năm", "grdp_growth"),
    (BRVT_IIP, "6,25%", "percent", PCT, None, "iip"),
    (HCM_IIP, "6% so", "percent", PCT, "tháng so với cùng kỳ", "iip"),
    (HCM_IIP, "11%", "percent", PCT, "ngành công nghiệp trọng điểm", None),
    # --- budget ---
    (LAO_CAI, "12.259 tỷ", "amount", VND, "ngân sách nhà nước", "budget_revenue"),
    (LAO_CAI, "134%", "percent", PCT, "ngân sách nhà nước", None),  # of the estimate
    (LAO_CAI, "139%", "percent", PCT, "dự toán tỉnh", None),
    (BAC_NINH_BUDGET, "26.497 tỷ", "amount", VND, None, "budget_revenue"),
    (BAC_NINH_BUDGET, "83,77%", "percent", PCT, None, None),
    (KHANH_HOA_BUDGET, "15.445 tỷ", "amount", VND, "ngân sách", "budget_revenue"),
    (QUANG_NINH_BUDGET, "55.632 tỷ", "amount", VND, "Tổng thu ngân sách nhà nước",
     "budget_revenue"),
    (QUANG_NINH_BUDGET, "3% so", "percent", PCT,
     "Tổng thu ngân sách nhà nước so với cùng kỳ năm 2022", "budget_revenue_growth"),
    (QUANG_NINH_BUDGET, "39.632 tỷ", "amount", VND, None, "budget_revenue_domestic"),
    (QUANG_NINH_BUDGET, "7%", "percent", PCT, None, None),  # no growth entry for thu nội địa
    (HCM_BUDGET, "524.234 tỷ", "amount", VND, "ngân sách nhà nước", "budget_revenue"),
    (HCM_BUDGET, "78,1%", "percent", PCT, "ngân sách nhà nước", None),
    (KTNN, "3.627trđ", "amount", VND, "Kinh phí CTMTQG", None),
    (QD47, "10.522,6 triệu", "amount", VND, None, None),
    (NTM_FUNDS, "39.632 tỷ", "amount", VND, None, None),
    # --- investment, trade, tourism, enterprises ---
    (KHANH_HOA_INVEST, "71.300 tỷ", "amount", VND, "Tổng vốn đầu tư phát triển toàn xã hội",
     "social_investment"),
    (KHANH_HOA_INVEST, "15%", "percent", PCT,
     "Tổng vốn đầu tư phát triển toàn xã hội so với năm 2022", None),
    (HCM_FDI, "6,8 tỷ", "amount", "USD", None, "fdi_capital"),
    (HCM_CAPITAL, "7,13 tỷ", "amount", "USD", None, None),  # registered capital of whom?
    (BRVT_RETAIL, "13,53%", "percent", PCT, "tổng mức bán lẻ hàng hóa", "retail_sales_growth"),
    (HCM_RETAIL, "166.243 tỷ", "amount", VND, None, "retail_sales"),
    (HCM_RETAIL, "15,8%", "percent", PCT, None, "retail_sales_growth"),
    (HCM_TOURISM, "21.582 tỷ", "amount", VND, None, "tourism_revenue"),
    (GSO_FIRMS, "138.139 DN", "count", "DN", "DN", "enterprises_founded"),
    (LAM_DONG_FIRMS, "82 doanh", "count", "doanh nghiệp", "doanh nghiệp", "enterprises_founded"),
    (LAM_DONG_FIRMS, "25 doanh", "count", "doanh nghiệp", "doanh nghiệp", None),
    (LAM_DONG_COOPS, "479 hợp", "count", "hợp tác xã", "hợp tác xã", None),
    # --- poverty, new rural areas, OCOP, environment, schools ---
    (CA_MAU, "9.604 hộ", "count", "hộ nghèo", "hộ nghèo", "poor_households"),
    (CA_MAU, "3,14%", "percent", PCT, "tỷ lệ", "poverty_rate"),  # a share of those households
    (CA_MAU, "6.943 hộ", "count", "hộ", "hộ", "near_poor_households"),
    (CA_MAU, "2,27%", "percent", PCT, "tỷ lệ", "near_poverty_rate"),
    (BINH_THUAN, "10.689 hộ", "count", "hộ", "hộ", "poor_households"),
    (BINH_THUAN, "3,20%", "percent", PCT, None, "poverty_rate"),
    (BINH_THUAN, "137 hộ", "count", "hộ", "hộ", None),
    (BINH_THUAN, "31,56%", "percent", PCT, None, None),
    (BINH_THUAN, "14.994 hộ", "count", "hộ", "hộ", "near_poor_households"),
    (BINH_THUAN_TARGET, "0,47%", "percent", PCT, "hộ nghèo", "poverty_rate"),
    (BINH_THUAN_TARGET, "100%", "percent", PCT, "hộ nghèo", None),  # of the plan
    (NN_TARGETS, "1-1,5%", "percent", PCT, None, "poverty_rate"),
    (NN_TARGETS, "15% số", "percent", PCT, None, "ntm_commune_share"),
    (NN_TARGETS, "95%", "percent", PCT, None, None),
    (NN_TARGETS, "62%", "percent", PCT, None, "rural_clean_water_rate"),
    (NTM_TARGETS, "80%", "percent", PCT, None, "ntm_commune_share"),
    (NTM_TARGETS, "40%", "percent", PCT, None, "ntm_commune_share_advanced"),
    (NTM_TARGETS, "10%", "percent", PCT, None, "ntm_commune_share_model"),
    (NTM_TARGETS, "15 tiêu chí", "count", "tiêu chí", "tiêu chí", None),
    (NTM_COMMUNES, "5.813/8.227 xã", "count", "xã", "xã", "ntm_communes"),
    (THANH_HOA_OCOP, "120 sản phẩm", "count", "sản phẩm", "sản phẩm", "ocop_products"),
    (THANH_HOA_OCOP, "1 sản phẩm", "count", "sản phẩm", "sản phẩm", "ocop_products"),
    (SON_LA_OCOP, "28 sản phẩm", "count", "sản phẩm", "sản phẩm", "ocop_products"),
    (NN_FOREST, "42,02%", "percent", PCT, "mức", "forest_cover"),
    (QUANG_NINH_SCHOOLS, "90,22%", "percent", PCT, "tỷ lệ trường đạt chuẩn quốc gia",
     "national_standard_schools_rate"),
]


@pytest.mark.parametrize("sentence,figure,kind,unit,subject,expected", CASES,
                         ids=[f"{c[1]}->{c[5]}" for c in CASES])
def test_a_figure_of_a_real_report_gets_its_measure(
        sentence: str, figure: str, kind: str, unit: str, subject: str | None,
        expected: str | None) -> None:
    assert sentence.count(figure) == 1, "the figure must be found once in its sentence"
    assert match_measure(subject, sentence, kind, unit, sentence.index(figure)) == expected


def test_the_counted_noun_must_be_the_measures() -> None:
    # the same words, had they counted products, would be the measure
    start = KHANH_HOA_VOTES.index("6 UBND")
    assert match_measure("UBND cấp huyện", KHANH_HOA_VOTES, "count", "sản phẩm",
                         start) == "khuyen_cong_products_voted"
    # "thành lập mới" counts enterprises or cooperatives by the counted noun
    text = "Năm 2023, toàn tỉnh thành lập mới 25 hợp tác xã."
    start = text.index("25")
    assert match_measure("hợp tác xã", text, "count", "hợp tác xã", start) \
        == "cooperatives_founded"
    assert match_measure("tổ hợp tác", text, "count", "tổ hợp tác", start) is None


def test_a_percentage_of_an_amount_measure_is_not_that_measure() -> None:
    # "bằng 96% dự toán": the amount measure's percentage is a share, not the amount
    text = "Thu ngân sách nhà nước đạt 96%."
    assert match_measure("Thu ngân sách nhà nước", text, "percent", PCT, text.index("96")) is None
    assert match_measure("Thu ngân sách nhà nước", "", "amount", VND) == "budget_revenue"


def test_the_longest_wording_wins_and_coordination_gives_the_parent() -> None:
    assert match_measure("kinh phí khuyến công quốc gia", "", "amount", VND) \
        == "khuyen_cong_budget_national"
    assert match_measure("kinh phí khuyến công", "", "amount", VND) == "khuyen_cong_budget"
    assert match_measure("kinh phí khuyến công quốc gia và địa phương", "", "amount", VND) \
        == "khuyen_cong_budget"
    # no parent to stand for both: no measure
    assert match_measure("kinh phí khuyến công và vốn đối ứng", "", "amount", VND) is None


def test_generic_funding_needs_the_programme_and_no_other_money() -> None:
    text = ("Năm 2023, tỉnh thực hiện 15 đề án khuyến công với tổng kinh phí 10 tỷ đồng, trong đó "
            "vốn đối ứng của các cơ sở 6 tỷ đồng.")
    assert match_measure("tổng kinh phí", text, "amount", VND, text.index("10 tỷ")) is None
    assert match_measure(None, text, "amount", VND, text.index("6 tỷ")) == "counterpart_capital"
    text = "Năm 2023, kinh phí hỗ trợ các đề án khuyến công quốc gia là 2.100 triệu đồng."
    assert match_measure("kinh phí hỗ trợ", text, "amount", VND, text.index("2.100")) \
        == "khuyen_cong_budget_national"


def test_a_table_cell_is_matched_by_its_row_label() -> None:
    assert match_measure("Thu nội địa", "", "amount", VND) == "budget_revenue_domestic"
    assert match_measure("Tổng cộng", "", "amount", VND) is None


def test_without_diacritics_the_same_measure() -> None:
    assert match_measure("Ty le ho ngheo", "", "percent", PCT) == "poverty_rate"


# --- the catalogue itself ---

COLUMNS = ["code", "name_vi", "name_en", "kind", "unit", "parent", "wordings",
           "indicator_code", "source"]


def _rows() -> list[dict[str, str]]:
    text = resources.files("baocao.data").joinpath("measures.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines())
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_the_catalogue_is_well_formed() -> None:
    rows = _rows()
    codes = [r["code"] for r in rows]
    assert 40 <= len(rows) <= 70
    assert len(codes) == len(set(codes)), "codes are unique"
    for r in rows:
        assert regex.fullmatch(r"[a-z][a-z0-9_]*", r["code"]), r["code"]
        assert r["kind"] in {"amount", "percent", "count"}, r["code"]
        assert r["name_vi"] and r["name_en"] and r["source"], r["code"]
        assert not r["parent"] or r["parent"] in codes, r["code"]
        units = [u.strip() for u in r["unit"].split("|")]
        assert all(units), r["code"]
        if r["kind"] == "percent":
            assert units == ["%"], r["code"]
        elif r["kind"] == "amount":
            assert set(units) <= {"VND", "USD"}, r["code"]
        wordings = [w.strip() for w in r["wordings"].split("|")]
        assert wordings and all(wordings), r["code"]
        assert all(w == w.lower() for w in wordings), r["code"]
        if r["indicator_code"]:
            assert regex.fullmatch(r"T?\d{4}", r["indicator_code"]), r["code"]
            assert r["indicator_code"] in r["source"], "the source says where the code is from"
        if r["code"].endswith("_growth"):  # X_growth: the growth rate of X
            assert r["kind"] == "percent" and r["parent"] == r["code"].removesuffix("_growth")


def test_parents_form_no_cycle() -> None:
    parent = {r["code"]: r["parent"] for r in _rows()}
    for code in parent:
        seen = set()
        while code:
            assert code not in seen, f"a cycle through {code}"
            seen.add(code)
            code = parent[code]


def test_a_wording_names_one_measure_of_a_kind_and_unit() -> None:
    owners: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}
    for m in catalogue():
        for wording in m.wordings:
            key = (" ".join(regex.findall(r"[\p{L}\p{N}]+", fold(wording))), m.kind)
            owners.setdefault(key, []).append((m.code, set(m.units)))
    for (wording, _), found in owners.items():
        codes = [code for code, _ in found]
        assert len(codes) == len(set(codes)), f"{wording!r} twice in {codes[0]}"
        for i, (_, units) in enumerate(found):
            assert all(not units & other for _, other in found[i + 1:]), wording


def test_each_wording_as_a_subject_gives_its_measure() -> None:
    for m in catalogue():
        for wording in m.wordings:
            # in a sentence about khuyến công, for the words any programme uses
            got = match_measure(wording, f"{wording} (khuyến công)", m.kind, m.units[0])
            assert got == m.code, (wording, m.code, got)


def test_the_catalogue_is_read_once_and_names_its_measures() -> None:
    assert catalogue() is catalogue()
    names = measure_names()
    assert [m.code for m in catalogue()] == list(names)
    assert names["grdp"] == "Tổng sản phẩm trên địa bàn (GRDP)"
    assert names["khuyen_cong_budget_national"] == "Kinh phí khuyến công quốc gia"
