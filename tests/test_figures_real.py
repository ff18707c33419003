"""Figures a careful Vietnamese reader finds in real-looking report sentences.

Each case is a sentence (one line, as a paragraph of a provincial report, decision, directive or
notice reads once its lines are joined) and the figures in it, in order. An expected figure is a
dict holding at least `kind` and `value`; every other key it gives must match the FigureMatch
too, and nothing more is asserted. Open-vocabulary counts name their `unit` only where the
counted noun is beyond doubt. Many sentences are taken or adapted from the real texts in
../shared (realdev gold pages, devset passages) and samples/ (seed pages, report gold).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.nlp.figures import find_figures

K = 1_000
M = 1_000_000
B = 1_000_000_000

# Fields compared as floats, to 1e-12 relative.
FLOAT_KEYS = {"value", "value_low", "value_high", "of_total"}
# What a field the FigureMatch does not have reads as, so that the failure says so.
MISSING = "<no such field>"


def amount(value: float, unit: str = "VND", **more: Any) -> dict[str, Any]:
    """A money amount in đồng (or dollars with unit="USD")."""
    return {"kind": "amount", "value": value, "unit": unit, **more}


def percent(value: float, **more: Any) -> dict[str, Any]:
    """A percentage, its value as written."""
    return {"kind": "percent", "value": value, "unit": "%", **more}


def count(value: float, **more: Any) -> dict[str, Any]:
    """A count; give unit= only where the counted noun is obvious."""
    return {"kind": "count", "value": value, **more}


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # ===== (a) the tables =====
    # --- compound amounts ---
    ("Tổng kinh phí hỗ trợ xây dựng nhà văn hóa thôn là 2 tỷ 500 triệu đồng.",
     [amount(2_500 * M, raw="2 tỷ 500 triệu đồng")]),
    # --- a sign glued to the number is kept ---
    ("Chỉ số sản xuất ngành khai khoáng so với cùng kỳ năm trước ở mức -5%.",
     [percent(-5, raw="-5%")]),
    ("Giá trị sản xuất ngành khai khoáng giảm -2,3% so với cùng kỳ.",
     [percent(-2.3, raw="-2,3%", change="giảm")]),
    # --- a number split by a space is no number; OCR's split thousands group is one ---
    ("Toàn huyện hiện có 1 234 hộ thuộc diện hộ cận nghèo.", []),
    ("Toàn tỉnh có 15. 000 hộ được hỗ trợ vay vốn ưu đãi.",
     [count(15_000, unit="hộ", raw="15. 000 hộ")]),
    # --- ranges are one figure ---
    ("Mức thu phí tham quan làng nghề từ 50.000đ-100.000đ/lượt.",
     [amount(50_000, value_low=50_000, value_high=100_000, raw="50.000đ-100.000đ")]),
    ("Giá bán mỗi cây giống dao động từ 1000 đồng đến 2000 đồng.",
     [amount(1_000, value_high=2_000, raw="1000 đồng đến 2000 đồng")]),
    ("Mức đối ứng của các cơ sở chiếm từ 5% đến 10% tổng vốn đầu tư.",
     [percent(5, value_low=5, value_high=10, raw="5% đến 10%")]),
    ("Phấn đấu tốc độ tăng trưởng giá trị sản xuất công nghiệp đạt 7% - 8%/năm.",
     [percent(7, value_high=8, raw="7% - 8%")]),
    ("Mức hỗ trợ mỗi hộ nằm giữa 5 và 10 triệu đồng tùy theo mức độ thiệt hại.",
     [amount(5 * M, value_high=10 * M, raw="5 và 10 triệu đồng")]),
    ("Năng suất lao động của các cơ sở được hỗ trợ tăng từ 5—10%.",
     [percent(5, value_high=10, raw="5—10%")]),
    # --- names with numbers ---
    ("Đoàn công tác đã kiểm tra thực tế tại thôn 5 xã Tân Lập, huyện Đan Phượng.", []),
    ("Hộ ông Nguyễn Văn An cư trú tại tổ 7 phường Quang Trung được hỗ trợ sửa chữa nhà.", []),
    ("Em Lê Thị Bình, học sinh lớp 12 trường THPT Trần Phú, được trao học bổng.", []),
    ("Dọc tuyến Quốc lộ 18 xã Bình Dương đã lắp đặt hệ thống chiếu sáng công cộng.", []),
    ("Vụ tai nạn xảy ra tại Km 15 tuyến Quốc lộ 24, đoạn qua xã Cẩm Lý.", []),
    ("Ban Chỉ đạo 138 tỉnh đã ban hành kế hoạch kiểm tra công tác phòng, chống tội phạm.", []),
    # --- names with numbers (issue 26): a model, a plan, a unit; the real count beside stays ---
    ("Từ ngày 01/7/2025, tỉnh vận hành mô hình chính quyền địa phương 02 cấp với 124 xã, "
     "phường, đặc khu.",
     [count(124, unit="xã", raw="124 xã")]),
    ("Bộ máy chính quyền 2 cấp đi vào hoạt động ổn định, 35 xã đã tiếp nhận hồ sơ trực tuyến.",
     [count(35, unit="xã", raw="35 xã")]),
    # OCR lost the tone of "quyền"
    ("Nghị định quy định phân định thẩm quyền khi tổ chức chính quyên địa phương 02 cấp đã giao "
     "03 nhiệm vụ cho Công an tỉnh.",
     [count(3, unit="nhiệm vụ", raw="03 nhiệm vụ")]),
    ("Thực hiện Kế hoạch 123 thành viên Ban Chỉ đạo đã kiểm tra 12 xã.",
     [count(12, unit="xã", raw="12 xã")]),
    # a rank is a position, not a count (PAR/SIPAS/PCI rankings as provincial reports give them)
    ("Chỉ số cải cách hành chính năm 2024 của tỉnh đạt 88,14%, xếp hạng 11/34 tỉnh, thành phố.",
     [percent(88.14, raw="88,14%")]),
    ("Chỉ số PCI năm 2024 của tỉnh đứng trong Top 30 tỉnh, thành phố, tăng 5 bậc so với năm 2023.",
     []),
    ("Cụm 3 gồm 4 xã vùng cao; Ban 5 chủ trì phối hợp với 3 đơn vị.",
     [count(4, unit="xã"), count(3, unit="đơn vị")]),
    ("Các Chương trình mục tiêu quốc gia phải hoàn thành đúng tiến độ theo kế hoạch 120 hộ "
     "thoát nghèo.",
     [count(120, unit="hộ", raw="120 hộ")]),
    # --- serials, accounts, ID numbers are no counts (issue 26) ---
    ("Hộ ông Trần Văn Bình được cấp giấy chứng nhận quyền sử dụng đất số AB 123456 cấp ngày "
     "12/3/2020 cho 2 thửa đất.",
     [count(2, unit="thửa", raw="2 thửa")]),
    ("Số tiền 15 triệu đồng được chuyển vào số tài khoản 1234567890 của Kho bạc Nhà nước tỉnh.",
     [amount(15 * M, raw="15 triệu đồng")]),
    ("Toàn tỉnh có 12.345 hộ được cấp mã số định danh cá nhân.",
     [count(12_345, unit="hộ", raw="12.345 hộ")]),
    # an amount written without group dots is money, not a code
    ("Tổng kinh phí thực hiện đề án là 12000 triệu đồng, hỗ trợ 150000 đồng/người và "
     "250000 USD vốn viện trợ.",
     [amount(12_000 * M, raw="12000 triệu đồng"), amount(150_000, raw="150000 đồng"),
      amount(250_000, unit="USD", raw="250000 USD")]),
    # --- ranges whose two ends each carry the unit (issue 26): one figure, not two counts ---
    ("Số cơ sở chăn nuôi trang trại quy mô từ 200 con đến dưới 1.000 con là 45 cơ sở.",
     [count(200, unit="con", raw="200 con đến dưới 1.000 con", value_low=200, value_high=1000),
      count(45, unit="cơ sở", raw="45 cơ sở")]),
    ("Mức hỗ trợ mỗi dự án từ 300 triệu đồng đến 1 tỷ đồng tùy quy mô.",
     [amount(300 * M, raw="300 triệu đồng đến 1 tỷ đồng", value_low=300 * M,
             value_high=1_000 * M)]),
    # a change is no range, nor two ends the wrong way round
    ("Số hộ nghèo giảm từ 120 hộ xuống còn 85 hộ.",
     [count(120, unit="hộ", raw="120 hộ"), count(85, unit="hộ", raw="85 hộ")]),
    ("Quy mô mỗi tổ hợp tác từ 10 hộ đến 5 hộ thành viên tùy địa bàn.",
     [count(10, unit="hộ", raw="10 hộ"), count(5, unit="hộ", raw="5 hộ")]),
    # --- forms real reports use that were missed (issue 26, recall) ---
    # "thí điểm" is a pilot, not a clause's point: its number counts
    ("UBND tỉnh chỉ đạo triển khai thí điểm 05 mô hình cải cách hành chính tại 12 xã.",
     [count(5, unit="mô hình", raw="05 mô hình"), count(12, unit="xã")]),
    ("Việc miễn giảm thực hiện theo điểm 2 khoản 1 Điều 5 của Quy chế.", []),
    # two counts of one thing joined by a slash; the base of a rate is no count
    ("Lực lượng chức năng toàn tỉnh bắt giữ 461 vụ/873 đối tượng liên quan đến ma túy.",
     [count(461, unit="vụ"), count(873, unit="đối tượng", raw="873 đối tượng")]),
    ("Có 14 hồ sơ phi địa giới TTHC/137 hồ sơ nộp trực tuyến/156 tổng số hồ sơ.",
     [count(14, unit="hồ sơ"), count(137, unit="hồ sơ"),
      count(156, unit="hồ sơ", raw="156 tổng số hồ sơ")]),
    ("Tiếp nhận, giải quyết 360.414 hồ sơ trực tuyến/370.320 tổng hồ sơ, đạt tỷ lệ 97,33%.",
     [count(360_414, unit="hồ sơ"), count(370_320, unit="hồ sơ", raw="370.320 tổng hồ sơ"),
      percent(97.33)]),
    ("Toàn huyện có 8 cán bộ y tế/1.000 dân.", [count(8, unit="cán bộ")]),
    # a fraction OCR wrote with a blank after its slash; a date so written stays no figure
    ("Tỉnh hiện có 03/ 124 đơn vị hành chính cấp xã đạt tiêu chí địa bàn không ma túy.",
     [count(3, unit="đơn vị", of_total=124, raw="03/ 124 đơn vị")]),
    ("Nghị quyết số 163/2024/QH15 ngày 27/ 11/2024 của Quốc hội.", []),
    # a damaged "tỷ đông" after an amount written whole in its sentence is money
    ("Năm 2025, tỉnh được bố trí 7,623 tỷ đồng để thực hiện 03 dự án (Dự án 2: 3,683 tỷ đông; "
     "Dự án 4: 1,3 tỷ đồng).",
     [amount(7_623 * M, raw="7,623 tỷ đồng"), count(3, unit="dự án"),
      amount(3_683 * M, raw="3,683 tỷ đông", unit_repaired=True),
      amount(1_300 * M, raw="1,3 tỷ đồng", unit_repaired=False)]),
    # a count named by its label before "là"; not when the label belongs to another figure
    ("Tổng số nhiệm vụ được giao là 123, đã hoàn thành đúng hạn 123/123 nhiệm vụ (đạt 100%).",
     [count(123, unit="nhiệm vụ", raw="123", unit_from="label"),
      count(123, unit="nhiệm vụ", of_total=123), percent(100)]),
    ("Số hộ nghèo giảm 50 hộ, tỷ lệ còn lại là 3.", [count(50, unit="hộ")]),
    # documents issued are counted; a document cited after an article's number is not
    ("Trong năm 2025, HĐND tỉnh đã ban hành 36 Nghị quyết, UBND tỉnh ban hành 137 Quyết định "
     "quy phạm pháp luật.",
     [count(36, unit="Nghị quyết"), count(137, unit="Quyết định")]),
    ("Thực hiện theo Điểu 32 Nghị định số 27/2022/NĐ-CP và khoản 1 Điêu 37 Nghị định "
     "27/2022/NĐ-CP.", []),
    ("Có 07 sở, ngành và 35 UBND cấp xã đang triển khai các mô hình, sáng kiến.",
     [count(7), count(35, unit="UBND cấp xã")]),
    ("Từ đầu năm đến nay phát sinh 210.048 giao dịch thanh toán trực tuyến.",
     [count(210_048, unit="giao dịch")]),
    # a count noun OCR wrote with a wrong tone: the noun it must be, where the paragraph writes
    # it whole; a number after a short one and a blank is a piece of a misread number
    ("Toàn tỉnh tiếp nhận 339.133 hồ sơ, trước hạn 293. 132 hô sơ và 24.366 hỗ sơ quá hạn.",
     [count(339_133, unit="hồ sơ", unit_repaired=False),
      count(293_132, unit="hồ sơ", raw="293. 132 hô sơ", unit_repaired=True),
      count(24_366, unit="hồ sơ", raw="24.366 hỗ sơ", unit_repaired=True)]),
    ("Trong kỳ đã giải quyết 2.126 hô sơ đúng hạn.", []),
    ("Số hồ sơ quá hạn 125 79 hồ sơ, chiếm tỷ lệ 4%.", [percent(4)]),
    # --- qualifiers ---
    ("Giá vé xe buýt trên các tuyến được trợ giá không hơn 7.000 đồng/lượt.",
     [amount(7_000, qualifier="không hơn", raw="7.000 đồng")]),
    # --- OCR damage: a mark glued to the number, a run of zeros ---
    ("Trong năm, Trung tâm đã đào tạo hơn 2§00 học viên.", []),
    ("Lực lượng chức năng tăng cường đấu tranh với tội phạm chải ma 00 % túy trên tuyến biên giới.",
     []),
    ("Đoàn liên ngành đã kiểm tra tại 1¡5 xã trên địa bàn huyện.", []),
    ("Đã hỗ trợ ]20 hộ nghèo xây dựng nhà ở.", []),
    # ===== (a) the forms real reports use =====
    # --- Vietnamese number format (Quảng Ngãi QĐ 47/2025, Điều 1) ---
    ("Điều 1. Bố trí 10.522,6 triệu đồng từ nguồn dự phòng ngân sách tỉnh năm 2025 để Sở Lao "
     "động - Thương binh và Xã hội thực hiện hỗ trợ quà Tết cho hộ nghèo, cận nghèo.",
     [amount(10_522_600_000, raw="10.522,6 triệu đồng")]),
    ("Phí gửi xe tại các điểm du lịch từ 1.000 đồng đến 2.000 đồng/lượt.",
     [amount(1_000, value_high=2_000, raw="1.000 đồng đến 2.000 đồng")]),
    # --- counts of anything ---
    ("Năm 2024, toàn tỉnh có 1.846 tổ chức, cá nhân nộp thuế chậm, chiếm 5,3% tổng số người nộp "
     "thuế.",
     [count(1_846, unit="tổ chức", raw="1.846 tổ chức"), percent(5.3, raw="5,3%")]),
    ("Công tác thông tin, tuyên truyền được đẩy mạnh: phát sóng 12 chuyên mục “Khuyến công Bắc "
     "Giang” trên Đài Phát thanh và Truyền hình tỉnh.",
     [count(12, unit="chuyên mục")]),
    ("Sở đã đăng tải 48 tin, bài trên Cổng thông tin điện tử; in và phát hành 1.500 cuốn bản tin "
     "khuyến công đến các xã, phường, thị trấn.",
     [count(48), count(1_500)]),
    ("UBND huyện thành lập 05 tổ công tác để kiểm tra, rà soát nhà tạm, nhà dột nát.",
     [count(5)]),
    ("Đã tiêm phòng vắc xin lở mồm long móng cho tổng đàn trâu, bò là 4.500 con.",
     [count(4_500, unit="con", raw="4.500 con")]),
    ("Đoàn kiểm tra liên ngành đã kiểm tra 9 kho hàng và 27 cửa hàng kinh doanh phân bón.",
     [count(9), count(27)]),
    ("Hội Nông dân xã có 8 chi hội với 1.120 hội viên.",
     [count(8, unit="chi hội", of_total=None), count(1_120, unit="hội viên")]),
    ("Trong quý I, UBND tỉnh đã công bố 15 TTHC mới ban hành và bãi bỏ 7 TTHC.",
     [count(15, unit="TTHC"), count(7, unit="TTHC")]),
    ("Năm 2024, xã Tân Lập thành lập mới 3 HTX.", [count(3, unit="HTX", raw="3 HTX")]),
    # --- counts with scale words ---
    ("Các làng nghề trên địa bàn huyện tạo việc làm thường xuyên cho 2,5 nghìn lao động.",
     [count(2_500)]),
    ("Năm 2023, tỉnh đón 1,7 triệu lượt khách du lịch, doanh thu đạt 3.250 tỷ đồng.",
     [count(1_700_000), amount(3_250 * B)]),
    # --- two numbers sharing one noun ---
    ("Năm 2023 và năm 2024, huyện lần lượt thành lập mới 5 và 2 hợp tác xã.",
     [count(5, unit="hợp tác xã"), count(2, unit="hợp tác xã")]),
    # --- count ranges ---
    ("Mỗi năm chọn 5-10 xã để chỉ đạo điểm xây dựng nông thôn mới nâng cao.",
     [count(5, value_low=5, value_high=10, unit="xã", raw="5-10 xã")]),
    # --- a share of a total ---
    ("Đến nay, 22/22 xã, thị trấn đã hoàn thành việc rà soát, lập danh sách hộ cần hỗ trợ xóa "
     "nhà tạm.",
     [count(22, of_total=22, unit="xã", raw="22/22 xã")]),
    ("Đã có 14/17 huyện, thị xã, thành phố ban hành kế hoạch thực hiện.",
     [count(14, of_total=17, unit="huyện")]),
    ("Đến nay đã có 37 trên tổng số 63 tỉnh, thành phố hoàn thành việc kết nối cơ sở dữ liệu.",
     [count(37, of_total=63, unit="tỉnh", raw="37 trên tổng số 63 tỉnh")]),
    # --- a count whose noun is in the label before a colon ---
    ("Tổng số hồ sơ tiếp nhận: 112, trong đó giải quyết đúng hạn 108 hồ sơ, đạt 96,4%.",
     [count(112, unit="hồ sơ", unit_from="label"),
      count(108, unit="hồ sơ", unit_from=None), percent(96.4, change="đạt")]),
    ("Số hộ được hỗ trợ xây mới: 326", [count(326, unit="hộ", unit_from="label")]),
    # --- money units damaged by OCR, read as money beside a money word ---
    ("Mức hỗ trợ xây mới nhà ở cho hộ nghèo, kinh phí 60 triệu đông/hộ.",
     [amount(60 * M, unit_repaired=True)]),
    ("Tổng kinh phí hỗ trợ sửa chữa nhà ở là 30 triệu động/hộ.",
     [amount(30 * M, unit_repaired=True)]),
    ("Giá trị hợp đồng tiêu thụ sản phẩm ký kết tại hội chợ đạt 850 tr.đồng.",
     [amount(850 * M)]),
    ("Vốn đầu tư xây dựng chợ nông thôn xã Tân Lập là 3,5 tỷ.đ.", [amount(3_500 * M)]),
    ("Dự toán chi cho công tác giảm nghèo năm 2024 là 1.250trđ.",
     [amount(1_250 * M, raw="1.250trđ")]),
    ("Số tiền hỗ trợ mỗi hộ bị thiệt hại do bão là 2 triệu ₫.", [amount(2 * M)]),
    ("Mức hỗ trợ tiền ăn cho học viên là 50.000₫/người/ngày.", [amount(50_000)]),
    # --- dollars without "Mỹ", lower-case codes: money as written, not repaired ---
    ("Giá trị xuất khẩu hàng thủ công mỹ nghệ của huyện đạt 1,2 triệu đô la.",
     [amount(1_200_000, unit="USD", unit_repaired=False)]),
    ("Giá trị hợp đồng xuất khẩu là 45.000 usd.",
     [amount(45_000, unit="USD", unit_repaired=False)]),
    ("Tổng số tiền nộp phạt là 15.000.000 vnd.",
     [amount(15 * M, unit="VND", unit_repaired=False)]),
    # --- durations, measurements, frequencies: no figures ---
    ("Sau 6 tháng triển khai, đã hoàn thành việc số hóa hồ sơ lưu trữ.", []),
    ("Dự án được thực hiện trong 3 năm, từ năm 2021 đến năm 2023.", []),
    ("Thời gian giải quyết hồ sơ rút ngắn còn 10 ngày làm việc.", []),
    ("Mô hình trồng bưởi quy mô 5 ha, sản lượng đạt 20 tấn quả mỗi năm.", []),
    ("Năm 2024 toàn huyện cứng hóa được 15 km đường giao thông nông thôn.", []),
    ("Trường đã lắp đặt 3 m2 tấm pin năng lượng mặt trời trên mái nhà đa năng.", []),
    ("Nhà máy điện mặt trời có công suất 500 MW đã hòa lưới điện quốc gia.", []),
    ("Đoàn kiểm tra đã làm việc 3 lần với cơ sở này.", []),
    # --- years, dates, document, article, list and page numbers, ordinals ---
    ("Thực hiện Quyết định số 1234/QĐ-UBND ngày 15/3/2024 của UBND tỉnh về việc phê duyệt kế "
     "hoạch.", []),
    ("Theo quy định tại khoản 2 Điều 3 Nghị quyết số 12/2023/NQ-HĐND, mức hỗ trợ là 40 triệu "
     "đồng/hộ.", [amount(40 * M)]),
    ("1. Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tham mưu bố trí kinh phí.",
     []),
    ("Xem chi tiết tại Phụ lục II, trang 15 kèm theo báo cáo này.", []),
    ("Nghị quyết được Hội đồng nhân dân tỉnh khóa XIII, kỳ họp thứ 31 thông qua ngày "
     "10/12/2024.", []),
    ("Năm 2023, chỉ số năng lực cạnh tranh cấp tỉnh xếp thứ 12 cả nước.", []),
    # ===== (b) reports: khuyến công, xúc tiến thương mại, năng lượng =====
    ("Năm 2023, toàn tỉnh đã triển khai 35 đề án khuyến công, đạt 106% kế hoạch năm, với tổng "
     "kinh phí hỗ trợ là 6.420 triệu đồng, giải ngân đạt 93,7% kế hoạch vốn được giao.",
     [count(35, unit="đề án"), percent(106, change="đạt"), amount(6_420 * M),
      percent(93.7, change="đạt")]),
    ("Hỗ trợ 18 cơ sở công nghiệp nông thôn ứng dụng máy móc, thiết bị tiên tiến vào sản xuất "
     "với tổng kinh phí hỗ trợ là 3.240 triệu đồng, thu hút vốn đối ứng của các cơ sở trên 28,6 "
     "tỷ đồng.",
     [count(18), amount(3_240 * M), amount(28_600 * M, qualifier="trên", raw="28,6 tỷ đồng")]),
    ("Hội nghị bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2023 có 86 sản "
     "phẩm của 52 cơ sở tham gia, trong đó có 38 sản phẩm được công nhận.",
     [count(86, unit="sản phẩm"), count(52, unit="cơ sở"), count(38, unit="sản phẩm")]),
    ("Hỗ trợ xây dựng 02 mô hình trình diễn kỹ thuật về chế biến vải thiều sấy khô với kinh phí "
     "1.150 triệu đồng; tổ chức 06 lớp đào tạo nghề cho 210 học viên, trong đó 85% học viên có "
     "việc làm ổn định.",
     [count(2), amount(1_150 * M), count(6), count(210, unit="học viên"), percent(85)]),
    ("Giá trị sản xuất công nghiệp nông thôn năm 2023 ước đạt 15.600 tỷ đồng, tăng 8,4% so với "
     "năm 2022.",
     [amount(15_600 * B), percent(8.4, change="tăng")]),
    ("Giai đoạn 2016-2020, tổng kinh phí khuyến công thực hiện trên địa bàn tỉnh là 38,5 tỷ "
     "đồng, trong đó kinh phí khuyến công quốc gia 12,8 tỷ đồng, kinh phí khuyến công địa phương "
     "25,7 tỷ đồng.",
     [amount(38_500 * M), amount(12_800 * M), amount(25_700 * M)]),
    ("Tổ chức 42 lớp đào tạo nghề cho 1.260 lao động, trên 80% học viên có việc làm sau đào tạo.",
     [count(42), count(1_260, unit="lao động"), percent(80, qualifier="trên")]),
    ("Qua các kỳ bình chọn vào các năm 2016, 2018 và 2020 có 312 sản phẩm tham gia, trong đó 145 "
     "sản phẩm được công nhận cấp tỉnh và 07 sản phẩm được công nhận cấp quốc gia.",
     [count(312, unit="sản phẩm"), count(145, unit="sản phẩm"), count(7, unit="sản phẩm")]),
    ("Phấn đấu giai đoạn 2021-2025 hỗ trợ khoảng 180 đề án khuyến công với tổng kinh phí dự kiến "
     "45 tỷ đồng; tốc độ tăng giá trị sản xuất công nghiệp nông thôn bình quân đạt 9 - 10%/năm.",
     [count(180, qualifier="khoảng"), amount(45 * B), percent(9, value_high=10)]),
    ("Sở Công Thương đã phối hợp với Báo Nghệ An xây dựng 10 chuyên mục, 36 tin, bài về sử dụng "
     "năng lượng tiết kiệm; tổ chức 04 hội nghị tập huấn cho 320 lượt cán bộ quản lý.",
     [count(10, unit="chuyên mục"), count(36), count(4), count(320)]),
    ("Năm 2022, trên địa bàn tỉnh có 42 cơ sở sử dụng năng lượng trọng điểm, tăng 05 cơ sở so "
     "với năm 2021.",
     [count(42), count(5, unit="cơ sở", change="tăng")]),
    ("Sở đã hướng dẫn các cơ sở lập kế hoạch sử dụng năng lượng, đến nay đã có 38 cơ sở nộp báo "
     "cáo, đạt 90,5%.",
     [count(38), percent(90.5, change="đạt")]),
    ("Tiềm năng tiết kiệm năng lượng của các doanh nghiệp từ 8% đến 15%, tương đương khoảng 4,6 "
     "triệu kWh điện mỗi năm.",
     [percent(8, value_high=15)]),
    ("Sản lượng điện tiết kiệm năm 2022 ước đạt 98,4 triệu kWh, tương đương 2,31% tổng điện "
     "thương phẩm, vượt chỉ tiêu 2% do UBND tỉnh giao.",
     [percent(2.31), percent(2)]),
    ("Đã kiểm tra 85 cửa hàng kinh doanh thiết bị điện, phát hiện 07 cơ sở không dán nhãn năng "
     "lượng, xử phạt vi phạm hành chính với tổng số tiền 42 triệu đồng.",
     [count(85), count(7), amount(42 * M)]),
    ("Năm 2019, Sở Công Thương chủ trì thực hiện 12 đề án xúc tiến thương mại với tổng kinh phí "
     "3.850 triệu đồng, đến ngày 30/11/2019 đã hoàn thành 11 đề án, giải ngân 3.420 triệu đồng, "
     "đạt 88,8% kế hoạch.",
     [count(12), amount(3_850 * M), count(11, unit="đề án"), amount(3_420 * M),
      percent(88.8)]),
    ("Hội chợ Thương mại - Nông nghiệp Đồng Tháp có 350 gian hàng của 220 doanh nghiệp trong và "
     "ngoài tỉnh, thu hút khoảng 85.000 lượt khách tham quan, mua sắm.",
     [count(350, unit="gian hàng"), count(220), count(85_000, qualifier="khoảng")]),
    ("Kim ngạch xuất khẩu của tỉnh năm 2019 ước đạt 1.050 triệu USD, tăng 7,6% so với năm 2018.",
     [amount(1_050 * M, unit="USD"), percent(7.6, change="tăng")]),
    ("Hỗ trợ 20 hợp tác xã xây dựng bộ nhận diện thương hiệu, thiết kế bao bì, nhãn mác cho sản "
     "phẩm, kinh phí 380 triệu đồng.",
     [count(20, unit="hợp tác xã"), amount(380 * M)]),
    ("Năm 2022, tổng kinh phí khuyến công được giao là 5.650 triệu đồng, đã thực hiện 20 đề án, "
     "giải ngân 5.380 triệu đồng, đạt 95,2% kế hoạch.",
     [amount(5_650 * M), count(20, unit="đề án"), amount(5_380 * M), percent(95.2)]),
    ("Tổ chức Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc tại thành phố Lào Cai "
     "với 180 gian hàng của 120 doanh nghiệp, cơ sở, kinh phí 350 triệu đồng.",
     [count(180, unit="gian hàng"), count(120), amount(350 * M)]),
    ("Kinh phí khuyến công quốc gia phân bổ cho tỉnh giảm dần qua các năm, từ 3,4 tỷ đồng năm "
     "2021 xuống còn 2,3 tỷ đồng năm 2023.",
     [amount(3_400 * M), amount(2_300 * M)]),
    ("Sau khi được hỗ trợ, năng suất lao động của các cơ sở tăng bình quân 25 - 30%, tạo việc làm "
     "cho khoảng 1.150 lao động địa phương.",
     [percent(25, value_high=30), count(1_150, qualifier="khoảng")]),
    ("Năm 2024, Liên minh HTX tỉnh hỗ trợ thành lập mới 12 HTX và 25 THT.",
     [count(12, unit="HTX"), count(25, unit="THT")]),
    ("Toàn tỉnh có 4.520 DN đang hoạt động.", [count(4_520, unit="DN")]),
    ("Giá bán sản phẩm miến dong bình quân 35 nghìn đồng/kg.", [amount(35 * K)]),
    # --- xây dựng nông thôn mới ---
    ("Đến hết năm 2024, toàn tỉnh có 98/145 xã đạt chuẩn nông thôn mới, chiếm 67,6%; 28 xã đạt "
     "chuẩn nông thôn mới nâng cao và 6 xã đạt chuẩn nông thôn mới kiểu mẫu.",
     [count(98, of_total=145, unit="xã"), percent(67.6), count(28, unit="xã"),
      count(6, unit="xã")]),
    ("Xã Tân Lập đã đạt 19/19 tiêu chí xã nông thôn mới và được công nhận đạt chuẩn năm 2023.",
     [count(19, of_total=19, unit="tiêu chí", raw="19/19 tiêu chí")]),
    ("Huyện còn 2/17 xã chưa đạt tiêu chí về thu nhập, 3 xã chưa đạt tiêu chí về nghèo đa chiều.",
     [count(2, of_total=17, unit="xã"), count(3, unit="xã", of_total=None)]),
    ("Tổng nguồn vốn huy động thực hiện Chương trình xây dựng nông thôn mới năm 2023 là 2.345,8 "
     "tỷ đồng, trong đó vốn ngân sách trung ương 412,5 tỷ đồng, chiếm 17,6%.",
     [amount(2_345_800_000_000), amount(412_500 * M), percent(17.6)]),
    ("Nhân dân đã hiến trên 25.000 m2 đất và đóng góp 4,5 tỷ đồng để làm đường giao thông nông "
     "thôn.",
     [amount(4_500 * M)]),
    ("Thu nhập bình quân đầu người khu vực nông thôn đạt 52,3 triệu đồng/người/năm, tăng 4,1 "
     "triệu đồng so với năm 2022.",
     [amount(52_300 * K), amount(4_100 * K, change="tăng")]),
    ("Tỷ lệ hộ dân nông thôn sử dụng nước sạch tăng lên 85% vào cuối năm 2024.",
     [percent(85, change="tăng lên")]),
    ("Toàn tỉnh có 265 sản phẩm OCOP được công nhận, tăng 38 sản phẩm so với năm 2023.",
     [count(265), count(38, unit="sản phẩm", change="tăng")]),
    ("Phấn đấu đến năm 2025 có 50% số xã đạt chuẩn nông thôn mới nâng cao.", [percent(50)]),
    ("Xây dựng 32 km đường giao thông và 4 cầu dân sinh với tổng kinh phí 12,6 tỷ đồng.",
     [count(4), amount(12_600 * M)]),
    ("Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt đạt 125 triệu đồng.",
     [amount(125 * M)]),
    ("Tổng đàn gia súc có 125.400 con, đàn gia cầm 2,1 triệu con.",
     [count(125_400, unit="con"), count(2_100_000)]),
    ("Đến nay, 100% thôn, tổ dân phố đã xây dựng hương ước, quy ước.", [percent(100)]),
    # --- xóa nhà tạm, nhà dột nát ---
    ("Mức hỗ trợ xây dựng mới nhà ở là 60 triệu đồng/hộ, sửa chữa nhà ở là 30 triệu đồng/hộ.",
     [amount(60 * M, raw="60 triệu đồng", change=None, unit_repaired=False),
      amount(30 * M, raw="30 triệu đồng")]),
    ("Toàn tỉnh đã khởi công 3.215/4.102 căn nhà, đạt 78,4%; hoàn thành 2.640 căn, bàn giao cho "
     "các hộ đưa vào sử dụng.",
     [count(3_215, of_total=4_102), percent(78.4), count(2_640, unit="căn")]),
    ("Ủy ban MTTQ tỉnh đã vận động được 125,6 tỷ đồng ủng hộ Chương trình xóa nhà tạm, nhà dột "
     "nát.",
     [amount(125_600 * M)]),
    ("Dự kiến còn khoảng 850 hộ có nhu cầu hỗ trợ nhà ở, với tổng kinh phí khoảng 42,5 tỷ đồng.",
     [count(850, qualifier="khoảng"), amount(42_500 * M, qualifier="khoảng")]),
    ("Số nhà đã hoàn thành: 1.235 căn; số nhà đang thi công: 412 căn.",
     [count(1_235, unit="căn", unit_from=None), count(412, unit="căn")]),
    ("Tổng số hộ được hỗ trợ: 1.647 hộ, trong đó hộ nghèo 1.102 hộ, hộ cận nghèo 545 hộ.",
     [count(1_647, unit="hộ"), count(1_102, unit="hộ"), count(545, unit="hộ")]),
    ("Xóm 3 thôn Bình An có 24 hộ được hỗ trợ xây dựng nhà vệ sinh hợp vệ sinh.",
     [count(24, unit="hộ")]),
    # --- cải cách hành chính ---
    ("Trong năm, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 45.320 hồ sơ, trong đó "
     "44.985 hồ sơ được giải quyết đúng hạn, tỷ lệ 99,26%.",
     [count(45_320, unit="hồ sơ"), count(44_985, unit="hồ sơ"), percent(99.26)]),
    ("Đến nay, tỉnh đã cung cấp 1.486 dịch vụ công trực tuyến toàn trình, chiếm 72,3% tổng số thủ "
     "tục hành chính.",
     [count(1_486), percent(72.3)]),
    ("Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước "
     "năm 2023 đạt 84,5%.",
     [percent(84.5)]),
    ("Năm 2024, UBND tỉnh đã ban hành 24 quyết định công bố danh mục 356 thủ tục hành chính, "
     "trong đó 128 thủ tục mới ban hành, 97 thủ tục được sửa đổi, bổ sung và 131 thủ tục bị bãi "
     "bỏ.",
     [count(24), count(356), count(128), count(97), count(131)]),
    ("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 56,8%, tăng 12,4% so với năm 2023.",
     [percent(56.8), percent(12.4, change="tăng")]),
    ("Thực hiện cắt giảm trung bình 20 - 30% thời gian giải quyết thủ tục hành chính so với quy "
     "định.",
     [percent(20, value_low=20, value_high=30, raw="20 - 30%")]),
    ("Sở Nội vụ đã kiểm tra công tác cải cách hành chính tại 12 sở, ban, ngành và 5 huyện, thị "
     "xã.",
     [count(12), count(5, unit="huyện")]),
    ("Đoàn kiểm tra yêu cầu khắc phục 35 hồ sơ giải quyết quá hạn và 8 trường hợp yêu cầu bổ sung "
     "hồ sơ quá 01 lần.",
     [count(35, unit="hồ sơ"), count(8)]),
    ("Có 100% cơ quan hành chính nhà nước cấp tỉnh, cấp huyện áp dụng hệ thống quản lý chất lượng "
     "theo tiêu chuẩn TCVN ISO 9001:2015.",
     [percent(100)]),
    ("Toàn tỉnh hiện có 1.245 công chức, viên chức làm việc tại bộ phận một cửa các cấp.",
     [count(1_245, unit="công chức")]),
    ("Sở Tư pháp đã thẩm định 45 dự thảo văn bản quy phạm pháp luật, kiểm tra 128 văn bản do "
     "HĐND, UBND cấp huyện ban hành.",
     [count(45), count(128, unit="văn bản")]),
    ("Đến nay 100% cơ quan hành chính cấp tỉnh, cấp huyện và 95,6% cấp xã đã sử dụng văn bản "
     "điện tử.",
     [percent(100), percent(95.6)]),
    ("Đã số hóa được 1.256.000 hồ sơ, kết quả giải quyết thủ tục hành chính, đạt 82,4%.",
     [count(1_256_000, unit="hồ sơ"), percent(82.4)]),
    ("Tổng số cán bộ, công chức cấp xã là 3.245 người, trong đó 2.980 người có trình độ đại học "
     "trở lên, chiếm 91,8%.",
     [count(3_245, unit="người"), count(2_980, unit="người"), percent(91.8)]),
    ("UBND tỉnh đã tặng Bằng khen cho 45 tập thể và 120 cá nhân có thành tích xuất sắc.",
     [count(45), count(120)]),
    # --- phòng, chống ma túy ---
    ("Năm 2024, lực lượng chức năng đã phát hiện, bắt giữ 156 vụ, 248 đối tượng phạm tội về ma "
     "túy, thu giữ 12,5 kg ma túy tổng hợp và 3.450 viên hồng phiến.",
     [count(156, unit="vụ"), count(248), count(3_450)]),
    ("Toàn tỉnh hiện có 1.842 người nghiện ma túy có hồ sơ quản lý, giảm 126 người so với năm "
     "2023.",
     [count(1_842), count(126, unit="người", change="giảm")]),
    ("Đã tổ chức cai nghiện cho 312 người, trong đó cai nghiện tự nguyện tại gia đình, cộng đồng "
     "85 người, cai nghiện bắt buộc 227 người.",
     [count(312, unit="người"), count(85, unit="người"), count(227, unit="người")]),
    ("Tổ chức 245 buổi tuyên truyền về phòng, chống ma túy cho hơn 32.000 lượt người nghe.",
     [count(245, unit="buổi"), count(32_000, qualifier="hơn")]),
    ("Hiện nay, tỉnh có 18/176 xã, phường, thị trấn được xác định là địa bàn trọng điểm phức tạp "
     "về ma túy.",
     [count(18, of_total=176, unit="xã")]),
    ("Ban Chỉ đạo 138 huyện đã chỉ đạo triệt phá 4 đường dây mua bán trái phép chất ma túy.",
     [count(4)]),
    # "điểm" counts places here, but scores elsewhere ("đạt 10 điểm"): left out when in doubt
    pytest.param(
        "Công an tỉnh phối hợp với Bộ đội Biên phòng triệt xóa 27 điểm, tụ điểm phức tạp về "
        "ma túy.", [count(27)],
        marks=pytest.mark.xfail(strict=True, reason="'điểm' is not counted: scores use it too")),
    ("Năm 2024 đã tổ chức xét nghiệm ma túy cho 2.150 học sinh, sinh viên, phát hiện 12 trường "
     "hợp dương tính.",
     [count(2_150), count(12, unit="trường hợp")]),
    ("Có 145/148 xã, phường, thị trấn được công nhận không có ma túy, đạt 97,97%.",
     [count(145, of_total=148, unit="xã"), percent(97.97)]),
    ("Lúc 14 giờ 30 phút ngày 15/9/2024, tại tổ dân phố 3 phường Nghĩa Lộ, Công an phường phát "
     "hiện 02 đối tượng có hành vi tàng trữ trái phép chất ma túy.",
     [count(2)]),
    ("Trong 6 tháng đầu năm 2024, toàn tỉnh phát hiện 45 vụ vi phạm pháp luật về ma túy, tăng 5 "
     "vụ so với cùng kỳ.",
     [count(45, unit="vụ"), count(5, unit="vụ", change="tăng")]),
    # --- giảm nghèo, an sinh xã hội ---
    ("Theo kết quả rà soát cuối năm 2024, toàn tỉnh còn 8.245 hộ nghèo, chiếm tỷ lệ 2,35%, giảm "
     "1,12% so với cuối năm 2023.",
     [count(8_245, change="còn"), percent(2.35), percent(1.12, change="giảm")]),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm còn 2,35%, hộ cận nghèo giảm còn 3,14%.",
     [percent(2.35, change="giảm còn"), percent(3.14, change="giảm còn")]),
    ("Ngân hàng Chính sách xã hội đã giải ngân cho 12.456 lượt hộ nghèo và các đối tượng chính "
     "sách vay vốn với doanh số cho vay 645,8 tỷ đồng.",
     [count(12_456), amount(645_800 * M)]),
    ("Tổng dư nợ các chương trình tín dụng chính sách đạt 4.512,3 tỷ đồng, tăng 385,2 tỷ đồng so "
     "với đầu năm, tốc độ tăng trưởng 9,3%.",
     [amount(4_512_300_000_000), amount(385_200 * M, change="tăng"), percent(9.3)]),
    ("Năm 2024, ngân sách trung ương phân bổ cho Chương trình mục tiêu quốc gia giảm nghèo bền "
     "vững là 512.640 triệu đồng, đến ngày 31/12/2024 đã giải ngân 468.215 triệu đồng, đạt "
     "91,3%.",
     [amount(512_640 * M), amount(468_215 * M), percent(91.3)]),
    ("Đã tổ chức 48 lớp đào tạo nghề nông nghiệp cho 1.440 lao động thuộc hộ nghèo, hộ cận "
     "nghèo, mỗi lớp 30 học viên.",
     [count(48), count(1_440), count(30, unit="học viên")]),
    ("Hỗ trợ 1.325 hộ nghèo, hộ cận nghèo phát triển sản xuất với 2.650 con bò giống, kinh phí "
     "26,5 tỷ đồng.",
     [count(1_325), count(2_650), amount(26_500 * M)]),
    ("Mức quà Tết là 500.000 đồng/hộ đối với hộ nghèo và 300.000 đồng/hộ đối với hộ cận nghèo.",
     [amount(500 * K, raw="500.000 đồng"), amount(300 * K, raw="300.000 đồng")]),
    ("Tổng số đối tượng được hỗ trợ quà Tết: 21.045 hộ.", [count(21_045, unit="hộ")]),
    ("Năm 2024, toàn tỉnh có 2.350 hộ thoát nghèo, 1.120 hộ thoát cận nghèo; phát sinh mới 215 "
     "hộ nghèo.",
     [count(2_350), count(1_120), count(215)]),
    ("Đã cấp 12.450 thẻ bảo hiểm y tế cho người thuộc hộ nghèo với kinh phí 9,8 tỷ đồng.",
     [count(12_450), amount(9_800 * M)]),
    ("Hỗ trợ tiền điện cho 8.540 hộ nghèo, hộ chính sách xã hội, mức hỗ trợ 46.000 đồng/hộ/tháng.",
     [count(8_540), amount(46 * K)]),
    ("Đã chi trả trợ cấp xã hội hằng tháng cho 32.415 đối tượng bảo trợ xã hội với kinh phí "
     "198,6 tỷ đồng.",
     [count(32_415), amount(198_600 * M)]),
    ("Hỗ trợ 1.200 con gà giống cho 40 hộ.", [count(1_200), count(40, unit="hộ")]),
    ("Quỹ hỗ trợ nông dân cho 215 hộ vay với tổng số tiền 6,45 tỷ đồng, mức vay bình quân 30 "
     "triệu đồng/hộ.",
     [count(215), amount(6_450 * M), amount(30 * M)]),
    ("Năm 2024, tỉnh đã xây dựng 42 mô hình, dự án hỗ trợ phát triển sản xuất với kinh phí 24,6 "
     "tỷ đồng, thu hút 1.520 hộ tham gia.",
     [count(42), amount(24_600 * M), count(1_520, unit="hộ")]),
    ("Hỗ trợ đào tạo nghề cho 650 người khuyết tật, trong đó 520 người có việc làm sau học nghề, "
     "đạt 80%.",
     [count(650), count(520, unit="người"), percent(80)]),
    ("Số tiền hỗ trợ mỗi lao động đi làm việc ở nước ngoài tối đa 15 triệu đồng.",
     [amount(15 * M, qualifier="tối đa")]),
    ("Chương trình đã thu hút hơn 3.500 lượt người dân tham gia.",
     [count(3_500, qualifier="hơn")]),
    ("Gần 1.200 hộ gia đình được hỗ trợ lắp đặt hệ thống lọc nước.",
     [count(1_200, qualifier="gần")]),
    ("Mỗi tổ công tác gồm từ 5 đến 7 thành viên.",
     [count(5, value_high=7, unit="thành viên", raw="5 đến 7 thành viên")]),
    ("Mức hỗ trợ từ 20 đến 40 triệu đồng/hộ tùy theo đối tượng.",
     [amount(20 * M, value_high=40 * M, raw="20 đến 40 triệu đồng")]),
    # --- lao động, y tế, giáo dục ---
    ("Năm 2024, toàn tỉnh tạo việc làm mới cho 18.500 lao động, trong đó xuất khẩu lao động "
     "2.150 người.",
     [count(18_500, unit="lao động"), count(2_150, unit="người")]),
    ("Tổng số lao động đi làm việc ở nước ngoài theo hợp đồng là 1.850 người, vượt 23,3% kế "
     "hoạch.",
     [count(1_850, unit="người"), percent(23.3)]),
    ("Phấn đấu tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 30%.",
     [percent(70), percent(30)]),
    ("Toàn huyện có 27.540 hộ gia đình, 112.650 nhân khẩu.", [count(27_540), count(112_650)]),
    ("Năm học 2023-2024, toàn tỉnh có 635 trường học, trong đó 512 trường đạt chuẩn quốc gia, "
     "đạt tỷ lệ 80,6%.",
     [count(635), count(512, unit="trường"), percent(80.6)]),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt 93,8%, vượt 0,3% so với chỉ tiêu Nghị quyết.",
     [percent(93.8), percent(0.3)]),
    ("Toàn tỉnh có 142/142 trạm y tế xã có bác sĩ làm việc.", [count(142, of_total=142)]),
    ("Toàn tỉnh có 1.856 giường bệnh kế hoạch và 425 bác sĩ.",
     [count(1_856), count(425, unit="bác sĩ")]),
    ("Toàn tỉnh có 98,5% trẻ em 5 tuổi được huy động ra lớp.", [percent(98.5)]),
    ("Tổ chức 12 đoàn kiểm tra liên ngành về an toàn thực phẩm, kiểm tra 1.856 cơ sở, phát hiện "
     "142 cơ sở vi phạm, phạt tiền 356,5 triệu đồng.",
     [count(12), count(1_856, unit="cơ sở"), count(142), amount(356_500 * K)]),
    # --- ngân sách, đầu tư, thanh tra ---
    ("Mức phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi vi phạm.",
     [amount(5 * M, value_high=10 * M)]),
    ("Mức hỗ trợ từ 2 triệu đồng đến 5 triệu đồng/người tùy theo mức độ thiệt hại.",
     [amount(2 * M, value_high=5 * M)]),
    ("Tổng giá trị hợp đồng là 1 tỷ 250 triệu đồng, đã thanh toán 800 triệu đồng.",
     [amount(1_250 * M, raw="1 tỷ 250 triệu đồng"), amount(800 * M)]),
    ("Cán bộ, nhân dân trong huyện đã ủng hộ Quỹ Vì người nghèo 3 tỷ 120 triệu đồng.",
     [amount(3_120 * M)]),
    ("Tổng vốn đầu tư xây dựng trường là 5 tỷ 50 triệu đồng.", [amount(5_050 * M)]),
    ("Vốn đầu tư xây dựng cơ bản đã giải ngân được 1.245,6 tỷ đồng, đạt 78,5% kế hoạch vốn năm "
     "2024.",
     [amount(1_245_600 * M), percent(78.5)]),
    ("Thu ngân sách nhà nước trên địa bàn năm 2024 ước đạt 12.650 tỷ đồng, bằng 108,2% dự toán "
     "Trung ương giao.",
     [amount(12_650 * B), percent(108.2)]),
    ("Chi ngân sách địa phương ước thực hiện 18.245,7 tỷ đồng, trong đó chi đầu tư phát triển "
     "6.512,3 tỷ đồng.",
     [amount(18_245_700 * M), amount(6_512_300 * M)]),
    ("Đã tổ chức 15 cuộc thanh tra, kiểm tra, phát hiện sai phạm về kinh tế 2,35 tỷ đồng, kiến "
     "nghị thu hồi 1,82 tỷ đồng.",
     [count(15, unit="cuộc"), amount(2_350 * M), amount(1_820 * M)]),
    ("Kiến nghị xử lý trách nhiệm đối với 12 tập thể và 35 cá nhân có liên quan.",
     [count(12), count(35)]),
    ("Kinh phí sự nghiệp giảm nghèo được giao 2.450trđ, đã giải ngân 2.105,5trđ.",
     [amount(2_450 * M), amount(2_105_500 * K)]),
    ("Hỗ trợ mua máy cày cho 3 hộ, mỗi hộ 25 tr.đ.", [count(3, unit="hộ"), amount(25 * M)]),
    ("Chênh lệch thu chi của đơn vị năm 2024 là -1.250 triệu đồng.",
     [amount(-1_250 * M, raw="-1.250 triệu đồng")]),
    ("So với cùng kỳ, chỉ số sản xuất toàn ngành công nghiệp +7,2%.",
     [percent(7.2)]),
    ("Sản lượng lương thực có hạt đạt 455.000 tấn, giá trị sản xuất nông nghiệp tăng 3,8%.",
     [percent(3.8, change="tăng")]),
    ("Diện tích rừng trồng mới đạt 12.500 ha, tỷ lệ che phủ rừng đạt 51,2%.", [percent(51.2)]),
    ("Đã nạo vét 25 km kênh mương nội đồng và kiên cố hóa 12 km kênh mương với kinh phí 18,5 tỷ "
     "đồng.",
     [amount(18_500 * M)]),
    ("Quý IV/2024, toàn tỉnh thu hút 15 dự án đầu tư mới với tổng vốn đăng ký 3.250 tỷ đồng.",
     [count(15), amount(3_250 * B)]),
    # --- labels before a colon ---
    ("Lệ phí: 50.000 đồng/hồ sơ.", [amount(50 * K, unit_from=None)]),
    ("Thời hạn giải quyết: 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", []),
    ("Năm thành lập: 2015", []),
    ("Mã số thuế: 4300123456", []),
    # --- names with numbers beside figures ---
    ("Chương trình 135 giai đoạn III đã hỗ trợ đầu tư 45 công trình hạ tầng thiết yếu tại các "
     "xã đặc biệt khó khăn.",
     [count(45)]),
    ("Trạm bơm số 3 xã Tân Lập được nâng cấp với kinh phí 850 triệu đồng.", [amount(850 * M)]),
    ("Cơ sở sản xuất tại số 12/5 đường Lê Lợi, phường Trần Phú được hỗ trợ 150 triệu đồng.",
     [amount(150 * M)]),
    ("Học sinh lớp 5 trường Tiểu học Nghĩa Hà được tặng 150 suất quà, mỗi suất trị giá 500.000 "
     "đồng.",
     [count(150), amount(500 * K)]),
    ("Đề án 06 của Chính phủ về ứng dụng dữ liệu dân cư đã được triển khai tại 100% xã, phường.",
     [percent(100)]),
    ("Đội 3 Phòng Cảnh sát điều tra tội phạm về ma túy đã bắt quả tang 03 đối tượng.",
     [count(3)]),
    ("Ngày 12/11/2024, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tiến độ triển khai "
     "thực hiện 02 Chương trình MTQG.",
     [count(2)]),
    ("Kỳ họp thứ 19 Hội đồng nhân dân tỉnh khóa XIII đã thông qua 25 nghị quyết.", [count(25)]),
    ("Hiện có 3 xã chưa có đường ô tô đến trung tâm xã là xã Trà Lãnh, Sơn Liên và Sơn Màu.",
     [count(3, unit="xã")]),
    ("Sau 3 năm thực hiện, thu nhập của các hộ tham gia mô hình tăng 25%.",
     [percent(25, change="tăng")]),
    ("Mỗi lớp học tối đa 35 học sinh.", [count(35, qualifier="tối đa")]),
    ("Chương trình hỗ trợ 100% chi phí tổ chức lớp học, tối đa 50 triệu đồng/lớp.",
     [percent(100), amount(50 * M, qualifier="tối đa")]),
    # --- nothing a reader counts ---
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số "
     "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
     []),
    ("Căn cứ Nghị quyết số 24/2013/NQ-HĐND ngày 10/12/2013 của HĐND tỉnh về việc thông qua Quy "
     "hoạch tổng thể phát triển du lịch tỉnh Quảng Ngãi đến năm 2020, tầm nhìn đến năm 2025;",
     []),
    ("Trên cơ sở ý kiến thống nhất của Thường trực Tỉnh ủy tại Thông báo số 1594-TB/TU ngày "
     "11/01/2025 về việc hỗ trợ quà Tết cho hộ nghèo nhân dịp Tết Nguyên đán Ất Tỵ - năm 2025;",
     []),
    ("Theo đề nghị của Giám đốc Sở Tài chính tại Công văn số 143/STC-HCSN ngày 15/01/2025.", []),
    ("Số: 47/QĐ-UBND Quảng Ngãi, ngày 17 tháng 01 năm 2025", []),
    ("Điều 2. Tổ chức thực hiện", []),
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết "
     "định này.", []),
    ("Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số 2154/QĐ-UBND ngày "
     "12/8/2021 của UBND tỉnh.", []),
    ("Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo; Tiểu dự án 1 của Dự án 4: Phát "
     "triển giáo dục nghề nghiệp vùng nghèo.", []),
    ("Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính quy định quản lý, sử dụng và "
     "quyết toán kinh phí sự nghiệp thực hiện Chương trình.", []),
    ("Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương "
     "trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025;", []),
    ("Tiêu chí số 17 về môi trường và an toàn thực phẩm là tiêu chí khó thực hiện nhất.", []),
    ("Khu dân cư số 5 thôn Phú Thọ đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.", []),
    ("Trường Tiểu học số 2 thị trấn đã được công nhận đạt chuẩn quốc gia mức độ 2.", []),
    ("Đường tỉnh 623 đoạn qua xã Sơn Hạ bị sạt lở nghiêm trọng.", []),
    ("Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XIII.", []),
    ("Năm 2024 là năm thứ 4 thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX.", []),
    ("Báo cáo số 215/BC-UBND ngày 20/11/2024 của UBND tỉnh về kết quả thực hiện nhiệm vụ năm "
     "2024, phương hướng nhiệm vụ năm 2025.", []),
    ("Thực hiện Kế hoạch số 135/KH-UBND ngày 20/5/2024 của UBND tỉnh về Tháng hành động phòng, "
     "chống ma túy năm 2024.", []),
    ("Tháng 6 hằng năm là Tháng hành động phòng, chống ma túy, ngày 26/6 là Ngày Quốc tế phòng, "
     "chống ma túy.", []),
    ("Ngày 14/6 xã Tân Lập tổ chức lễ ra quân vệ sinh môi trường.", []),
    ("Xã Tân Lập được công nhận đạt chuẩn nông thôn mới tại Quyết định số 2.345/QĐ-UBND.", []),
    ("Hồ sơ nộp tại Bộ phận Một cửa, tầng 1, Trung tâm Phục vụ hành chính công tỉnh, số 54 đường "
     "Hùng Vương.", []),
    ("Đoàn đã kiểm tra 3 lần tại Km 27 Quốc lộ 1A.", []),
    ("Tổ chức kiểm tra định kỳ 03 tháng/1 lần đối với các cơ sở cai nghiện.", []),
    ("Chế độ báo cáo: định kỳ 06 tháng, hằng năm gửi về Sở Lao động - Thương binh và Xã hội.",
     []),
    ("Hạn nộp báo cáo trước ngày 15/12/2024.", []),
    ("Hội nghị được tổ chức vào lúc 8 giờ 00, ngày 20/12/2024.", []),
    ("Tầm nhìn đến năm 2030, định hướng đến năm 2045.", []),
    ("1.2. Kết quả thực hiện các mục tiêu, nhiệm vụ", []),
    ("II. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024", []),
    ("- 3 -", []),
    ("Trang 2/5", []),
    ("Trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế miễn phí.", []),
    ("Đơn vị đã hỗ trợ 2 500 lao động tìm việc làm.", []),
]


def _expected(want: dict[str, Any]) -> dict[str, Any]:
    """An expected figure with its float fields compared to 1e-12 relative."""
    return {
        key: pytest.approx(value, rel=1e-12)
        if key in FLOAT_KEYS and value is not None else value
        for key, value in want.items()
    }


@pytest.mark.parametrize(("sentence", "expected"), CASES,
                         ids=[f"case{i:03d}" for i in range(len(CASES))])
def test_a_reader_finds_these_figures(sentence: str, expected: list[dict[str, Any]]) -> None:
    found = find_figures(sentence)
    for f in found:
        assert sentence[f.start : f.end] == f.raw, sentence
    assert len(found) == len(expected), (
        f"{sentence!r}: found {[(f.kind, f.value, f.raw) for f in found]}"
    )
    got = [
        {key: getattr(f, key, MISSING) for key in want}
        for f, want in zip(found, expected, strict=True)
    ]
    assert got == [_expected(want) for want in expected], sentence


def test_cases_are_one_line_sentences() -> None:
    for case in CASES:
        sentence, expected = case.values if hasattr(case, "values") else case
        assert "\n" not in sentence
        for want in expected:
            assert {"kind", "value"} <= want.keys()


def vietnamese(value: Decimal) -> str:
    """A non-negative number written the Vietnamese way: 12492.1 → "12.492,1"."""
    whole, _, frac = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


@given(st.integers(1, 999), st.integers(1, 999))
def test_a_compound_amount_adds_its_parts(billions: int, millions: int) -> None:
    written = f"{vietnamese(Decimal(billions))} tỷ {vietnamese(Decimal(millions))} triệu đồng"
    [f] = find_figures(f"Tổng kinh phí thực hiện đề án là {written}.")
    assert (f.kind, f.unit, f.raw) == ("amount", "VND", written)
    assert f.value == billions * B + millions * M


@given(st.sampled_from(["-", "+"]),
       st.decimals(Decimal("0.01"), Decimal("999.99"), places=2,
                   allow_nan=False, allow_infinity=False))
def test_a_sign_glued_to_a_percent_is_kept(sign: str, value: Decimal) -> None:
    written = f"{sign}{vietnamese(value)}%"
    [f] = find_figures(f"Chỉ số sản xuất công nghiệp so với cùng kỳ năm trước ở mức {written}.")
    assert (f.kind, f.unit) == ("percent", "%")
    expected = -value if sign == "-" else value
    assert f.value == pytest.approx(float(expected), rel=1e-12)


NAMES = ["thôn", "tổ", "Quốc lộ", "Km", "lớp", "Ban Chỉ đạo", "Kế hoạch", "Cụm", "Ban"]
PLACES = ["xã", "phường", "tỉnh", "trường"]


@given(st.sampled_from(NAMES), st.integers(1, 999), st.sampled_from(PLACES))
def test_a_name_with_a_number_is_no_count(name: str, number: int, place: str) -> None:
    text = f"Đoàn công tác đã làm việc tại {name} {number} {place} Tân Lập về công tác giảm nghèo."
    assert [f.raw for f in find_figures(text) if f.kind == "count"] == []
