"""A one-page scanned report made for the flags: figures that contradict each other, one
that agrees, and one number struck through with a pen so that OCR reads it unsure."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
WIDTH, HEIGHT, LEFT = 2480, 3508, 200  # A4 at 300 DPI

TITLE_BLOCK = [  # (x centre of the column, text, bold)
    [(560, "UBND TỈNH BẮC GIANG", False), (1640, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True)],
    [(560, "SỞ CÔNG THƯƠNG", True), (1640, "Độc lập - Tự do - Hạnh phúc", True)],
    [(560, "Số: 27/BC-SCT", False), (1640, "Bắc Giang, ngày 10 tháng 01 năm 2024", False)],
]
BODY = [  # one sentence a line, so that each stays one paragraph
    ("center", "BÁO CÁO", True),
    ("center", "Kết quả thực hiện Chương trình khuyến công năm 2023", True),
    ("left", "I. KẾT QUẢ THỰC HIỆN", True),
    # 4.000 at 95% implies 4.210,5: the 5.000 stated before it disagrees
    ("left", "Tổng kinh phí được giao là 5.000 triệu đồng, giải ngân 4.000 triệu đồng, đạt 95%.",
     False),
    # 3.420 at 88,8% implies 3.849–3.854: the 3.850 stated before it agrees
    ("left", "Tổng kinh phí xúc tiến là 3.850 triệu đồng, giải ngân 3.420 triệu đồng, đạt 88,8%.",
     False),
    # 1.200 at 30% implies 4.000; the report states 3.000 for the same total further on
    ("left", "Kinh phí hỗ trợ là 1.200 triệu đồng (chiếm 30% so với tổng kinh phí toàn tỉnh).",
     False),
    ("left", "Tổng kinh phí toàn tỉnh là 3.000 triệu đồng.", False),
    # a part cannot be 120% of its whole
    ("left", "Kinh phí đối ứng là 900 triệu đồng (chiếm 120% tổng vốn).", False),
    ("left", "II. TỒN TẠI, HẠN CHẾ", True),
    ("left", "Kinh phí hỗ trợ cho 12 đề án là STRUCK triệu đồng, còn thấp.", False),
]
STRUCK = "7.350"  # drawn with a pen stroke through it
STROKE = (24, 40, 100, 4)  # its start and end height in the line, grey, width


def make_flag_page(path: Path) -> Path:
    """Render the page as a 300-DPI greyscale PNG scan."""
    font, bold = ImageFont.truetype(FONT, 40), ImageFont.truetype(BOLD, 40)
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    y = 220
    for row in TITLE_BLOCK:
        for centre, text, is_bold in row:
            f = bold if is_bold else font
            draw.text((centre - draw.textlength(text, font=f) / 2, y), text, font=f, fill=0)
        y += 70
    y += 80
    for align, text, is_bold in BODY:
        f = bold if is_bold else font
        if "STRUCK" in text:
            before = text.split("STRUCK")[0]
            draw.text((LEFT, y), text.replace("STRUCK", STRUCK), font=f, fill=0)
            x0 = LEFT + draw.textlength(before, font=f)
            x1 = x0 + draw.textlength(STRUCK, font=f)
            draw.line([(x0 + 8, y + STROKE[0]), (x1 - 8, y + STROKE[1])], fill=STROKE[2],
                      width=STROKE[3])
        else:
            x = (WIDTH - draw.textlength(text, font=f)) / 2 if align == "center" else LEFT
            draw.text((x, y), text, font=f, fill=0)
        y += 75
    image.save(path, dpi=(300, 300))
    return path
