"""Build the scanned-table test set (and its cell-level gold) in samples/scantables/.

The tables of samples/tables were the ones the table stage was built on; this set is laid out
the other ways provinces print tables, to find what the stage misses on layouts it was not
built on: horizontal rules only (top, under the header, bottom; or under every row),
no rules at all, a shaded header, a printed column-number row ("(1) (2) …"), an empty
"Ghi chú" column, a table over two pages with its header repeated or not, a landscape
page stored turned by 90°, paragraphs close above and below; in DejaVu Sans and DejaVu
Serif Condensed as well as DejaVu Serif; scanned at 300, 200 and 150 DPI, skewed up to 1°,
with noise, JPEG and a photocopy look.

Every figure and the wording of every table come from the published sources named in
samples/scantables/data/*.json (one file a table: its caption, unit, header, rows and
source) and samples/scantables/SOURCES.md; the page around it (title block, "Biểu" number,
page number, the sentence above and below it) is composed here. The gold
(samples/scantables/gold/<stem>.json, the format of shared/realtables/gold) is generated
from the same data and re-checked (grid coverage, values re-parse, printed totals).

Half the set (`HELD_OUT`) is kept aside: the table stage is tuned on the other half only,
and the held-out half is scored before any change is called done.

Deterministic (fixed seeds, fixed PDF dates). Run from the repository root:
`.venv/bin/python samples/make_scantables.py`.
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_degraded as md  # noqa: E402  (next to this script)
import make_tables as mt  # noqa: E402
from make_tables import LEFT_MM, C, Page, Rule, TableSpec  # noqa: E402

OUT = HERE / "scantables"
DATA = OUT / "data"
GOLD = OUT / "gold"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
FAMILIES = {
    "serif": dict(mt.FONTS),
    "sans": {"regular": DEJAVU + "DejaVuSans.ttf", "bold": DEJAVU + "DejaVuSans-Bold.ttf",
             "italic": DEJAVU + "DejaVuSans-Oblique.ttf",
             "bolditalic": DEJAVU + "DejaVuSans-BoldOblique.ttf"},
    "condensed": {"regular": DEJAVU + "DejaVuSerifCondensed.ttf",
                  "bold": DEJAVU + "DejaVuSerifCondensed-Bold.ttf",
                  "italic": DEJAVU + "DejaVuSerifCondensed-Italic.ttf",
                  "bolditalic": DEJAVU + "DejaVuSerifCondensed-BoldItalic.ttf"},
}
CREATOR = "baocao samples/make_scantables.py"


def use_family(name: str) -> None:
    """Lay out and draw with this font family (make_tables reads FONTS at each call)."""
    mt.FONTS.clear()
    mt.FONTS.update(FAMILIES[name])
    mt._metric_font.cache_clear()
    mt.pil_font.cache_clear()


# --- a table from its data file ------------------------------------------------------------


@dataclass
class Style:
    """How one table is printed and scanned."""

    rules: str  # "horizontal" (top, under header, bottom), "rows" (under every row too),
    #             "open" (top and under header only), "none", "full"
    family: str = "serif"
    pt: float = 10.0
    shade: bool = False  # header rows on grey
    numbers_row: str = ""  # "paren": (1) (2) …; "plain": 1 2 3 …; "letters": A B 1 2 …
    note_col: bool = False  # an empty "Ghi chú" column at the right
    landscape: bool = False
    turned: bool = False  # the landscape page stored turned by 90° in a portrait page
    split: int = 0  # body rows on the first page; 0: one page
    repeat_header: bool = True  # on the second page
    scan: str = "light"  # "light" 300 DPI, "200", "150", "photocopy"
    skews: tuple[float, ...] = (0.0,)
    jpeg: int = 75


@dataclass
class Table:
    stem: str
    data: str  # samples/scantables/data/<data>.json
    style: Style
    issuer: tuple[str, str]
    label: str  # "Biểu 03"
    page_no: int  # printed page number of the first page
    before: str  # the sentence above the table (composed from the table's own figures)
    after: str
    widths: list[float] = field(default_factory=list)  # mm per column, label first
    sums: list[tuple[int, list[int], list[int]]] = field(default_factory=list)
    # (total body row, part body rows, columns) printed totals re-checked
    batch: int = 1  # 2: gathered after the stage was changed on batch 1's held-out half


def load(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def header_cells(rows: list[list]) -> list[list]:
    """The data file's header rows as make_tables cells: {"text", "rs", "cs"} or a string."""
    return [[C(c["text"], rs=c.get("rs", 1), cs=c.get("cs", 1)) if isinstance(c, dict) else c
             for c in row] for row in rows]


def numbers_row(n: int, kind: str, label_cols: int) -> list[str]:
    if kind == "paren":
        return [f"({k})" for k in range(1, n + 1)]
    if kind == "letters":
        return [chr(ord("A") + k) for k in range(label_cols)] + [
            str(k) for k in range(1, n - label_cols + 1)]
    return [str(k) for k in range(1, n + 1)]


def spec(t: Table, data: dict, body: list[list], first: bool) -> TableSpec:
    st = t.style
    n_cols = len(t.widths)
    header = header_cells(data["header"])
    if st.note_col:
        header = [row + ([C("Ghi chú", rs=len(header))] if k == 0 else [])
                  for k, row in enumerate(header)]
        body = [row + [""] for row in body]
    if st.numbers_row:
        header = header + [numbers_row(n_cols, st.numbers_row, data.get("label_cols", 1))]
    if not first and not st.repeat_header:
        header = []
    n_label = data.get("label_cols", 1)
    aligns = (["center"] if n_label == 2 else []) + ["left"] + ["right"] * (n_cols - n_label)
    if st.note_col:
        aligns[-1] = "left"
    bold = tuple(k for k, row in enumerate(body) if row and _is_total(row))
    return TableSpec(list(t.widths), aligns, header, body,
                     "full" if st.rules == "full" else "none",
                     label_cols=tuple(range(n_label)), pt=st.pt, bold_rows=bold)


def _is_total(row: list) -> bool:
    first = " ".join(str(c.text if isinstance(c, C) else c) for c in row[:2]).lower()
    return first.strip().startswith(("tổng", "cả nước", "toàn tỉnh", "tổng cộng", "tổng số"))


# --- drawing the rules and the shading -----------------------------------------------------


@dataclass(frozen=True)
class Fill:
    x1: float
    y1: float
    x2: float
    y2: float
    grey: int = 205


def row_bottoms(ts: TableSpec, x0: float, y0: float) -> list[float]:
    """The bottom edge of the header and of every body row as layout_table places them."""
    out = []
    for k in range(len(ts.body) + 1):
        part = TableSpec(ts.widths, ts.aligns, ts.header, ts.body[:k], "none", ts.label_cols,
                         ts.pt, ts.bold_rows)
        out.append(mt.layout_table(Page(), part, x0, y0) if part.header or k else y0)
    return out


def place_table(page: Page, t: Table, ts: TableSpec, x0: float, y0: float) -> float:
    """Lay the table out on the page with its style's rules and shading; returns its bottom."""
    st = t.style
    bottom = mt.layout_table(page, ts, x0, y0)
    x1 = x0 + sum(ts.widths)
    ends = row_bottoms(ts, x0, y0)
    n_head = len(ts.header)
    head_end = ends[0]
    if st.shade and n_head:
        page.ops.insert(0, Fill(x0, y0, x1, head_end))
    if st.rules in ("horizontal", "rows", "open"):
        page.ops.append(Rule(x0, y0, x1, y0, 0.45))
        if n_head:
            page.ops.append(Rule(x0, head_end, x1, head_end, 0.3))
        if st.rules == "rows":
            for y in ends[1:-1]:
                page.ops.append(Rule(x0, y, x1, y, 0.15))
        if st.rules != "open":
            page.ops.append(Rule(x0, bottom, x1, bottom, 0.45))
    return bottom


def render(page: Page) -> Image.Image:
    """make_tables' drawing, with the grey fills laid under the ink."""
    plain = Page(page.landscape, [op for op in page.ops if not isinstance(op, Fill)])
    img = mt.render(plain)
    k = mt.DPI / 25.4
    arr = np.asarray(img).copy()
    for op in page.ops:
        if isinstance(op, Fill):
            sl = (slice(round(op.y1 * k), round(op.y2 * k)),
                  slice(round(op.x1 * k), round(op.x2 * k)))
            arr[sl] = np.minimum(arr[sl], op.grey)
    return Image.fromarray(arr)


# --- the scan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rendered:  # what make_degraded.photocopy takes: a render() and a skew
    image: Image.Image
    skew: float

    def render(self) -> Image.Image:
        return self.image


def scan(img: Image.Image, st: Style, skew: float, seed: int) -> tuple[Image.Image, int]:
    """The page as the style's scanner gives it, and its resolution."""
    if st.scan == "photocopy":
        return md.photocopy(_Rendered(img, skew / 1.5), seed), mt.DPI
    if st.scan == "150":
        return mt.rough_150(img, skew, seed), 150
    out = mt.scan_look(img, skew, seed, noise=2.0)
    if st.scan == "200":
        out = out.resize((out.width * 2 // 3, out.height * 2 // 3), Image.Resampling.BOX)
        return out.filter(ImageFilter.GaussianBlur(0.3)), 200
    return out, mt.DPI


def scan_pdf(pages: list[Page], images: list[Image.Image], dpi: int, quality: int,
             turned: bool) -> bytes:
    pdf = mt.new_pdf()
    pdf.set_creator(CREATOR)
    for page, img in zip(pages, images, strict=True):
        w, h = page.size
        if turned:  # the landscape sheet fed in sideways: a portrait page holding it turned
            img, (w, h) = img.transpose(Image.Transpose.ROTATE_90), (h, w)
        pdf.add_page(orientation="L" if w > h else "P")
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
        pdf.image(buf, x=0, y=0, w=w, h=h)
    return bytes(pdf.output())


# --- a page --------------------------------------------------------------------------------


def build(t: Table) -> tuple[list[Page], list[dict]]:
    data = load(t.data)
    st = t.style
    use_family(st.family)
    caption = f"{t.label}: {data['title']}"
    unit = data.get("unit", "")
    body = [list(r) for r in data["rows"]]
    parts = [body[:st.split], body[st.split:]] if st.split else [body]
    pages, gold = [], []
    for k, rows in enumerate(parts):
        page = Page(landscape=st.landscape)
        if k == 0:
            y = mt.title_block(page, t.issuer)
            y = mt.paragraph(page, y, t.before)
            y = mt.caption_lines(page, y + 1, caption, unit)
            cap = caption
        else:
            cap = f"{t.label} (tiếp theo)"
            y = mt.caption_lines(page, mt.TOP_MM, cap, "") if st.repeat_header else mt.TOP_MM
        ts = spec(t, data, rows, k == 0)
        errors = overflows(t, ts)
        if errors:
            raise SystemExit("\n".join(errors))
        y = place_table(page, t, ts, LEFT_MM + 2, y)
        if k == len(parts) - 1:
            mt.paragraph(page, y + 2, t.after)
        mt.page_number(page, t.page_no + k)
        pages.append(page)
        extra = {"lead_in": t.before} if k == 0 else {"continued_from_page": k}
        if k < len(parts) - 1:
            extra["continues_on_page"] = k + 2
        g = mt.table_gold(ts, k + 1, cap, unit if k == 0 else "", **extra)
        g["rules"] = st.rules
        if st.numbers_row:
            g["column_numbers_row"] = len(ts.header) - 1
        gold.append(g)
    return pages, gold


def overflows(t: Table, ts: TableSpec) -> list[str]:
    """Words wider than their cell: printed over the next column, as no office prints."""
    out = []
    for r, col, c in mt.grid_cells(ts.header + ts.body, len(ts.widths)):
        room = sum(ts.widths[col:col + c.cs]) - 1.0 - c.indent
        style = "bolditalic" if r < len(ts.header) else "bold"
        out += [f"{t.stem}: '{w}' wider than its cell" for w in c.text.split()
                if mt.text_mm(w, ts.pt, style) > room]
    return out


def check(t: Table, pages: list[Page], gold: list[dict]) -> list[str]:
    """Gold re-checks: coverage and values (make_tables.check) and the printed totals."""
    sample = mt.Sample(t.stem, "scanned", "", [], pages=pages, tables=gold)
    mt.check([sample])
    errors = []
    cells = {(c["row"], c["col"]): c for c in gold[-1]["cells"]}
    head = gold[-1]["n_header_rows"]
    for total, items, cols in t.sums:
        for col in cols:
            got = sum(cells[(head + r, col)]["value"] for r in items)
            want = cells[(head + total, col)]["value"]
            if abs(got - want) > 0.051 * max(1, len(items)) / 10:
                errors.append(f"{t.stem}: row {total} col {col}: {want} printed, parts {got}")
    return errors


def main() -> None:
    GOLD.mkdir(parents=True, exist_ok=True)
    errors = []
    for n, t in enumerate(TABLES):
        pages, gold = build(t)
        errors += check(t, pages, gold)
        images, dpi = [], mt.DPI
        for j, page in enumerate(pages):
            img, dpi = scan(render(page), t.style, t.style.skews[j % len(t.style.skews)],
                            9000 + 10 * n + j)
            images.append(img)
        (OUT / f"{t.stem}.pdf").write_bytes(scan_pdf(pages, images, dpi, t.style.jpeg,
                                                     t.style.turned))
        data = load(t.data)
        doc = {"file": f"{t.stem}.pdf", "pages": len(pages),
               "source": {"generator": "samples/make_scantables.py",
                          "figures": [data["source"]]},
               "kind": "scanned", "held_out": t.stem in HELD_OUT, "batch": t.batch,
               "table_pages": [g["page"] for g in gold], "tables": gold,
               "scan": {"dpi": dpi, "look": t.style.scan, "skew_deg": list(t.style.skews),
                        "font": t.style.family, "turned": t.style.turned}}
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        (GOLD / f"{t.stem}.json").write_text(mt.nfc(text) + "\n", encoding="utf-8")
        numeric = sum(c["numeric"] for g in gold for c in g["cells"])
        print(f"{t.stem}.pdf: {len(pages)} page(s), {numeric} numeric cells")
    if errors:
        raise SystemExit("gold check failed:\n" + "\n".join(errors))


GSO = "TỔNG CỤC THỐNG KÊ"
S = Style
TABLES: list[Table] = [
    # --- the half the table stage may be tuned on ------------------------------------------
    Table("t01_hungyen_danso_hrules_scan", "t01_hungyen_dientich_danso_2019",
          S("horizontal", skews=(0.6,)), (GSO, "CỤC THỐNG KÊ TỈNH HƯNG YÊN"), "Biểu 27", 39,
          "Năm 2019, dân số trung bình toàn tỉnh là 1.255.839 người trên diện tích 930,22 "
          "km², mật độ dân số bình quân 1.350 người/km²; số liệu từng huyện, thị xã, thành "
          "phố như sau:",
          "Huyện Khoái Châu có dân số đông nhất tỉnh với 188.374 người; huyện Phù Cừ có mật "
          "độ dân số thấp nhất, 846 người/km².",
          widths=[62, 32, 38, 36], sums=[(0, list(range(1, 11)), [1, 2])]),
    Table("t03_vinhphuc_lua_borderless_200dpi", "t03_vinhphuc_lua_dongxuan_2018_2022",
          S("none", family="sans", scan="200", skews=(-0.8,)),
          (GSO, "CỤC THỐNG KÊ TỈNH VĨNH PHÚC"), "Biểu 151.1", 212,
          "Diện tích gieo trồng lúa đông xuân toàn tỉnh giảm dần qua các năm, từ 31.005 ha "
          "năm 2018 xuống còn 29.342,83 ha năm 2022 (sơ bộ).",
          "Số liệu năm 2022 là số liệu sơ bộ.",
          widths=[50, 23, 23, 23, 23, 25], sums=[(0, list(range(1, 10)), [1, 2, 3, 4, 5])]),
    Table("t05_binhdinh_cpi_rows_shaded_photocopy", "t05_binhdinh_cpi_thang_2019_2023",
          S("rows", family="condensed", shade=True, scan="photocopy", skews=(0.5,)),
          (GSO, "CỤC THỐNG KÊ TỈNH BÌNH ĐỊNH"), "Biểu 236", 529,
          "Chỉ số giá tiêu dùng bình quân năm 2023 của tỉnh so với năm trước tăng 2,19%; các "
          "tháng trong năm biến động như sau:",
          "Nguồn: Niên giám thống kê tỉnh Bình Định năm 2023.",
          widths=[60, 21, 21, 21, 21, 22]),
    Table("t07_nghean_iip_ruled_colnumbers", "t07_nghean_iip_nganh_2015_2019",
          S("full", pt=9.5, numbers_row="paren", note_col=True, skews=(-1.0,)),
          ("UBND TỈNH NGHỆ AN", "CỤC THỐNG KÊ"), "Biểu 08", 17,
          "Chỉ số sản xuất toàn ngành công nghiệp năm 2019 so với năm 2018 đạt 113,21%, trong "
          "đó ngành công nghiệp chế biến, chế tạo đạt 117,20%.",
          "Năm 2019, chỉ số ngành khai khoáng đạt 103,20%, thấp hơn mức chung của toàn ngành.",
          widths=[50, 21.5, 21.5, 21.5, 21.5, 21.5, 11]),
    Table("t09_pci2021_p1_landscape_turned", "t09_pci2021_chiso_thanhphan_1_5",
          S("horizontal", family="sans", landscape=True, turned=True, skews=(0.3,)),
          ("LIÊN ĐOÀN THƯƠNG MẠI VÀ", "CÔNG NGHIỆP VIỆT NAM"), "Biểu 02", 6,
          "Quảng Ninh dẫn đầu bảng xếp hạng PCI 2021; điểm các chỉ số thành phần "
          "của 21 địa phương đứng đầu như sau:",
          "Các chỉ số thành phần còn lại được trình bày tại Biểu 03.",
          widths=[50, 40, 40, 40, 40, 42]),
    Table("t11_quangngai_sinhchet_2pages_150dpi", "t11_quangngai_sinh_chet_tangtunhien_2010_2016",
          S("none", scan="150", split=15, repeat_header=False, skews=(0.7, -0.4), jpeg=60),
          (GSO, "CỤC THỐNG KÊ TỈNH QUẢNG NGÃI"), "Biểu 20", 27,
          "Tỷ lệ tăng tự nhiên của dân số toàn tỉnh giai đoạn 2010 - 2016 được thể hiện qua "
          "tỷ suất sinh thô và tỷ suất chết thô như sau:",
          "Tỷ lệ tăng tự nhiên bằng tỷ suất sinh thô trừ tỷ suất chết thô.",
          widths=[70, 32, 32, 32]),
    Table("t13_vinhphuc_lophoc_open_shaded_200dpi", "t13_vinhphuc_lop_hoc_phothong_2018_2023",
          S("open", pt=9.0, shade=True, scan="200", skews=(-0.5,)),
          (GSO, "CỤC THỐNG KÊ TỈNH VĨNH PHÚC"), "Biểu 235", 388,
          "Số lớp học phổ thông của tỉnh qua các năm học được tổng hợp như sau:",
          "Số lớp học ngoài công lập chiếm tỷ lệ nhỏ trong tổng số lớp học phổ thông của "
          "tỉnh.",
          widths=[54, 22, 22, 22, 22, 24]),
    # --- held out: scored only after the tuning is done ------------------------------------
    Table("t02_quangngai_danso_hrules_150dpi", "t02_quangngai_dientich_danso_2016",
          S("horizontal", family="sans", scan="150", skews=(-0.6,), jpeg=60),
          (GSO, "CỤC THỐNG KÊ TỈNH QUẢNG NGÃI"), "Biểu 11", 19,
          "Năm 2016, dân số trung bình toàn tỉnh là 1.254.184 người, diện tích 5.152,49 km², "
          "mật độ dân số 243 người/km².",
          "Huyện Lý Sơn là huyện đảo, có mật độ dân số cao nhất tỉnh.",
          widths=[60, 34, 38, 36]),
    Table("t04_hoabinh_rau_borderless_photocopy", "t04_hoabinh_dientich_rau_2018_2022",
          S("none", family="condensed", scan="photocopy", skews=(0.9,)),
          (GSO, "CỤC THỐNG KÊ TỈNH HÒA BÌNH"), "Biểu 153", 490,
          "Diện tích rau các loại toàn tỉnh năm 2022 (sơ bộ) đạt 13.267,5 ha; phân theo đơn vị "
          "hành chính cấp huyện như sau:",
          "Số liệu năm 2022 là số liệu sơ bộ.",
          widths=[48, 24, 24, 24, 24, 24]),
    Table("t06_vinhlong_banle_ruled_shaded_letters", "t06_vinhlong_banle_2013_2018",
          S("full", shade=True, numbers_row="letters", skews=(0.9,)),
          (GSO, "CỤC THỐNG KÊ TỈNH VĨNH LONG"), "Biểu 12", 45,
          "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành tăng "
          "đều qua các năm; chia theo ngành kinh doanh như sau:",
          "Bán lẻ hàng hóa chiếm tỷ trọng lớn nhất trong tổng mức.",
          widths=[28, 28, 28, 30, 26, 26]),
    Table("t08_nghean_hocsinh_2pages_hrules_200dpi", "t08_nghean_hocsinh_phothong_2010_2017",
          S("horizontal", family="sans", scan="200", split=11, skews=(-0.3, 0.8)),
          ("UBND TỈNH NGHỆ AN", "CỤC THỐNG KÊ"), "Biểu 31", 58,
          "Số học sinh phổ thông trên địa bàn tỉnh qua các năm, chia theo cấp học và loại "
          "hình trường, như sau:",
          "Số liệu năm 2017 là số liệu sơ bộ.",
          widths=[64, 20, 20, 20, 20, 24]),
    Table("t10_pci2021_p2_landscape_turned_rows", "t10_pci2021_chiso_thanhphan_6_10_diem_xephang",
          S("rows", family="condensed", landscape=True, turned=True, skews=(-0.4,), jpeg=60),
          ("LIÊN ĐOÀN THƯƠNG MẠI VÀ", "CÔNG NGHIỆP VIỆT NAM"), "Biểu 03", 7,
          "Điểm các chỉ số thành phần còn lại, điểm số và xếp hạng PCI 2021 của 21 địa phương "
          "đứng đầu như sau:",
          "Quảng Ninh đạt 73,02 điểm, xếp thứ nhất cả nước.",
          widths=[36, 27, 27, 30, 25, 25, 25, 25, 30]),
    Table("t12_quangtri_cpi_borderless_notes", "t12_quangtri_cpi_thang7_12_2018",
          S("none", family="sans", note_col=True, skews=(-0.9,)),
          (GSO, "CỤC THỐNG KÊ TỈNH QUẢNG TRỊ"), "Biểu 214", 381,
          "Chỉ số giá tiêu dùng tháng 12 năm 2018 so với tháng 12 năm 2017 tăng 1,73%; diễn "
          "biến các tháng cuối năm như sau:",
          "Chỉ số giá vàng và chỉ số giá đô la Mỹ không tính vào chỉ số giá tiêu dùng.",
          widths=[58, 16, 16, 16, 16, 16, 16, 14]),
    Table("t14_rung_vung_open_numbers_photocopy", "t14_dialy12_rung_theo_vung_2021",
          S("open", numbers_row="plain", scan="photocopy", skews=(-0.7,)),
          ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", GSO), "Bảng 12.1", 60,
          "Năm 2021, tổng diện tích rừng cả nước là 14.745,2 nghìn ha, tỉ lệ che phủ rừng "
          "đạt 42,0%.",
          "Bắc Trung Bộ và Duyên hải miền Trung có tỉ lệ che phủ rừng cao nhất (54,2%), thấp "
          "nhất là Đồng bằng sông Cửu Long (5,8%).",
          widths=[60, 28, 28, 26, 26], sums=[(0, [1, 2, 3, 4, 5, 6], [1, 2, 3])]),
]
# A second batch, gathered after the stage was changed on the first held-out half: scored
# once, as it came, before the changes were called done.
TABLES += [
    Table("u01_hoabinh_laodong_hrules_200dpi", "u01_hoabinh_laodong_gioitinh_thanhthi_2018_2022",
          S("horizontal", family="sans", scan="200", skews=(0.7,)),
          (GSO, "CỤC THỐNG KÊ TỈNH HÒA BÌNH"), "Biểu 29", 94,
          "Năm 2022 (sơ bộ), toàn tỉnh có 497.477 lao động từ 15 tuổi trở lên đang làm việc, "
          "trong đó 104.322 người ở khu vực thành thị.",
          "Tỷ lệ lao động đang làm việc so với dân số năm 2022 (sơ bộ) là 56,83%.",
          widths=[34, 26, 26, 26, 28, 28], batch=2),
    Table("u02_quangngai_yte_borderless_photocopy", "u02_quangngai_coso_yte_huyen_2016",
          S("none", scan="photocopy", skews=(-0.6,)),
          (GSO, "CỤC THỐNG KÊ TỈNH QUẢNG NGÃI"), "Biểu 238", 347,
          "Năm 2016, toàn tỉnh có 240 cơ sở y tế, trong đó 20 bệnh viện và 184 trạm y tế xã, "
          "phường, cơ quan xí nghiệp.",
          "Khu vực miền núi có 81 cơ sở y tế.",
          widths=[52, 20, 22, 24, 22, 28], batch=2),
    Table("u03_quangtri_doanhnghiep_rows_shaded_150dpi", "u03_quangtri_doanhnghiep_quymovon_2020",
          S("rows", family="condensed", shade=True, scan="150", skews=(0.5,), jpeg=60),
          (GSO, "CỤC THỐNG KÊ TỈNH QUẢNG TRỊ"), "Biểu 86", 200,
          "Cơ cấu doanh nghiệp đang hoạt động tại thời điểm 31/12/2020 phân theo quy mô vốn "
          "như sau:",
          "Doanh nghiệp ngoài Nhà nước có quy mô vốn từ 10 đến dưới 50 tỷ đồng chiếm 17,87%.",
          widths=[60, 20, 22, 22, 22, 22], batch=2),
    Table("u04_hungyen_chingansach_open_colnumbers", "u04_hungyen_cocau_chi_ngansach_2018_2022",
          S("open", numbers_row="paren", skews=(0.8,)),
          (GSO, "CỤC THỐNG KÊ TỈNH HƯNG YÊN"), "Biểu 48", 112,
          "Năm 2022 (sơ bộ), chi đầu tư phát triển chiếm 51,56% tổng chi ngân sách địa "
          "phương.",
          "Chi sự nghiệp giáo dục, đào tạo và dạy nghề chiếm tỷ trọng lớn nhất trong chi "
          "thường xuyên.",
          widths=[68, 20, 20, 20, 20, 20], batch=2),
    Table("u05_namdinh_grdp_landscape_turned", "u05_namdinh_grdp_giahienhanh_2015_2022",
          S("horizontal", landscape=True, turned=True, skews=(-0.5,)),
          (GSO, "CỤC THỐNG KÊ TỈNH NAM ĐỊNH"), "Biểu 30", 43,
          "Tổng sản phẩm trên địa bàn tỉnh theo giá hiện hành năm 2022 đạt 91.965.673 triệu "
          "đồng.",
          "Khu vực công nghiệp và xây dựng đạt 39.225.722 triệu đồng năm 2022.",
          widths=[37, 36, 36, 36, 36, 36, 38], batch=2),
    Table("u06_hoabinh_danso_2pages_borderless", "u06_hoabinh_tang_danso_dicu_2017_2021",
          S("none", family="sans", split=10, skews=(-0.4, 0.6)),
          (GSO, "CỤC THỐNG KÊ TỈNH HÒA BÌNH"), "Biểu 24", 75,
          "Tỷ lệ tăng dân số chung của tỉnh năm 2021 (sơ bộ) là 1,22‰.",
          "Ký hiệu “…”: không có số liệu.",
          widths=[70, 32, 32, 32], batch=2),
]
HELD_OUT = {t.stem for t in TABLES[7:]}

if __name__ == "__main__":
    main()
