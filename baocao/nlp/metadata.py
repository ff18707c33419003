"""A document's metadata, read off the title block of its first page (province, issuing
body, type, title, number and code, date, the period it reports on) and the signature block
of its last page (signer and title).

A Vietnamese administrative document opens with a two-column block: the issuing body on
the left ("UBND TỈNH BẮC GIANG" over "SỞ CÔNG THƯƠNG"), the national motto on the right,
then "Số: 412/BC-SCT" and "Bắc Giang, ngày 15 tháng 12 năm 2023", then the document type
("BÁO CÁO") and the title. OCR often reads the two columns into one line, so the block is
taken apart by what its pieces say, not by where they stand. The number's digits and the
day are often handwritten: they are kept only when read as clean digits that the page did
not read with doubt (nlp/doubted.py: written by hand, read otherwise a second time, unsure),
else the printed code ("QĐ-UBND") and month ("2025-01") are what is stored, never a guess,
and `handwritten` names the parts left out. Patterns are matched on the text without
diacritics (fold_chars keeps offsets), so an OCR-damaged accent still matches, and values
are sliced from the original text.
"""

from __future__ import annotations

import regex

from baocao.datamodel import DocumentMetadata, PageText
from baocao.nlp.doubted import in_doubt, read_date
from baocao.nlp.provinces import (
    by_folded,
    names_pattern,
    province_2025,
    squash,
)
from baocao.nlp.signature import signature, signature_page
from baocao.vietnamese.text import fold_chars

# Lines of page 1 looked at for the title block: it never runs longer.
MAX_BLOCK_LINES = 16
# A line this long is running text, not part of the title block.
MAX_BLOCK_LINE_CHARS = 220
# A sentence this long after the title's first line is the body, not a wrapped title line.
MAX_TITLE_LINE_CHARS = 120

# The national motto of the right column, to be cut out of the block (matched folded).
# Examples: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
MOTTO = regex.compile(
    r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam"
    r"|doc\s+lap\s*[-–—]?\s*tu\s+do\s*[-–—]?\s*hanh\s+phuc",
    regex.IGNORECASE,
)
# The first line of the body, where the block ends (matched folded).
# Examples: "Thực hiện Nghị định số 45/2012/NĐ-CP…", "Căn cứ…", "Kính gửi: …", "MỤC LỤC",
# ".__ Thực hiện…" (an OCR speck before it), "I. KẾT QUẢ ĐẠT ĐƯỢC"
BODY_START = regex.compile(
    r"^[\W_]{0,4}(?:(?i:thuc\s+hien|can\s+cu|kinh\s+gui|theo\s|muc\s+luc)|[IVX]{1,4}\.\s)"
)
# The number field of the block: "Số:", what stands before the slash (typed digits, OCR
# junk for handwritten ones, or nothing), an optional year, then the printed code.
# Examples: "Số: 412/BC-SCT", "Số: 280 /BC-UBND", "Số: /QĐ-UBND", "Số: 4ƒ /QĐ-UBND",
# "Số:0+ /CT-UBND", "Số 12/2023/BC-UBND", "Số: 04/QĐ-BCĐ138". A capital S: "Nghị quyết
# số 24/2013/NQ-HĐND" in a title is not the field; a colon or a digit next: "SỞ …" is not.
NUMBER_FIELD = regex.compile(
    r"(?<!\p{L})S[oO](?:\s*[:.]|[ \t]+(?=[\d/]))[ \t]*(?P<digits>[^/\n]{0,12}?)[ \t]*"
    r"(?P<year>/[ \t]*(?:19|20)\d\d[ \t]*)?/[ \t]*(?P<code>\p{L}[\p{L}\d]*(?:[-.][\p{L}\d]+)*)"
)
# The digits of a number as typed: 1 to 4 digits, nothing glued to them. Example: "47"
TYPED_DIGITS = regex.compile(r"\d{1,4}")
# The date field (matched folded), day and month each kept as read, junk included.
# Examples: "ngày 15 tháng 12 năm 2023", "ngày  tháng 01 năm 2025" (day handwritten, not
# read), "ngày 4T tháng 01 năm 2025", "ngày0ÿ tháng 02 năm 2025", "ngày 2# tháng? năm 2021"
DATE_FIELD = regex.compile(
    r"(?<!\p{L})(?i:ngay)(?P<d>[^\n]{0,6}?)(?i:thang)(?P<m>[^\n]{0,6}?)(?i:nam)[ \t]*"
    r"(?P<y>(?:19|20)\d\d)\b"
)
# The place of issue, just before the date field: a run of capitalised words, not the tail of
# a code ("…/BC-SCT Quảng Nam,"). Examples: "Bắc Giang, ", "TP. Hồ Chí Minh, "
PLACE = regex.compile(
    r"(?<![\p{L}\p{N}/.-])(?P<place>(?:(?:TP\.?|\p{Lu}\p{Ll}*)\s+){0,3}\p{Lu}\p{Ll}*)\s*,\s*$"
)
# The document type line, in capitals, that the title follows (matched folded). OCR damage
# such as "QUYÉT ĐỊNH" or "QUY ĔẾT ĐỊNH" folds to "QUYET DINH" or "QUY EET DINH".
# Examples: "BÁO CÁO", "TỜ TRÌNH", "KẾ HOẠCH", "ĐỀ ÁN", "QUYẾT ĐỊNH", "THÔNG BÁO", "CHỈ THỊ"
# It ends its line: "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" is an issuer, not a plan.
DOC_TYPE = regex.compile(
    r"(?<!\S)(?P<kind>BAO\s+CAO|TO\s+TRINH|KE\s+HOACH|DE\s+AN|QUY\s?E{1,2}T\s+DINH"
    r"|THONG\s+BAO|CHI\s+THI|NGHI\s+QUYET|CONG\s+VAN)[ \t]*(?=\n|$)"
)
# The stored name of each type, by its folded words without spaces.
DOC_TYPE_NAMES = {
    "BAOCAO": "báo cáo", "TOTRINH": "tờ trình", "KEHOACH": "kế hoạch", "DEAN": "đề án",
    "QUYETDINH": "quyết định", "QUYEETDINH": "quyết định", "THONGBAO": "thông báo",
    "CHITHI": "chỉ thị", "NGHIQUYET": "nghị quyết", "CONGVAN": "công văn",
}
# The type part of a document code, folded, to the type. Example: "QĐ" in "47/QĐ-UBND"
CODE_TYPES = {
    "QD": "quyết định", "TB": "thông báo", "CT": "chỉ thị", "TTR": "tờ trình",
    "BC": "báo cáo", "KH": "kế hoạch", "NQ": "nghị quyết", "DA": "đề án",
}
CODE_LETTERS = {"QD": "QĐ", "TTR": "TTr", "DA": "ĐA"}  # the codes' printed spelling
# The subject line of a công văn, which has no type line: at a line's start, or after the
# place and date when OCR read the two columns into one line.
# Examples: "V/v triển khai …", "Số: 12/UBND-KT Quảng Ngãi, ngày 04 tháng 02 năm 2025 V/v …"
SUBJECT_LINE = regex.compile(r"(?:^|(?<=\s))[\W_]{0,3}V\s*/\s*v\b\.?", regex.MULTILINE)
# The opening "Về việc" of a title, OCR-damaged (matched folded).
# Examples: "Về việc", "Vềviệc", "và việc"
ABOUT = regex.compile(r"^v[a-z]{0,2}\s*viec\b", regex.I)
# A line after the title where the body starts (matched folded).
# Examples: "Căn cứ …", "Thực hiện …", "Kính gửi: …", "Điều 1.", "Ngày 24/12/2024, tại …",
# "Theo đề nghị …", "Xét …", a horizontal rule "__________"
TITLE_END = regex.compile(
    r"^[\W_]{0,4}(?:(?i:can\s+cu|thuc\s+hien|kinh\s+gui|theo\s|xet\s)|Dieu\s+\d"
    r"|Ngay\s+\d)|^\s*[-_–—=.*]{3,}\s*$"
)
# A run of three or more words in capitals: the authority line before the preamble
# ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), read on its own line or glued after the title's last
# words ("… đạt năm 2024 TRƯỞNG BAN CHỈ ĐẠO PHÒNG, CHỐNG …"). Acronyms stand alone.
# Each word is whole: "Công ty TNHH MTV Đầu tư" has two acronyms, not a run of three.
CAPITALS_RUN = regex.compile(r"(?<!\S)\p{Lu}{2,}(?!\p{L})[,.]?(?:\s+\p{Lu}+(?!\p{L})[,.]?){2,}")
# The body's opening glued to the title's last words on one line (matched folded, capital
# first letter). Example: "Đề nghị ban hành Báo cáo … tháng 3/2026 Kính gửi: Lãnh đạo UBND"
INLINE_END = regex.compile(r"\s(?:Kinh\s+gui|Can\s+cu)\b")
# A sentence ending inside a line: the body run into the title. Example: "… mất tích. Do vậy"
SENTENCE_END = regex.compile(r"\p{Ll}{2,}[.;](?:\s+\p{Lu}|\s*$)")
# A line of the issuing body that is only an administrative unit, to join to the line above.
# Example: "ỦY BAN NHÂN DÂN" over "TỈNH THÁI BÌNH"
UNIT_LINE = regex.compile(r"^(?:tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong)\s", regex.I)

# The plans part of a title, after what it reports on. Example: "Kết quả … năm 2023
# và phương hướng, nhiệm vụ năm 2024" — the report covers 2023, not 2024.
PLANS_PART = regex.compile(
    r"(?:\sva|[,;])\s+(?:phuong\s+huong|ke\s+hoach|nhiem\s+vu|dinh\s+huong|muc\s+tieu)",
    regex.I,
)
# Reporting periods in a title (matched folded).
# Examples: "9 tháng đầu năm 2024", "6 tháng năm 2023", "quý I năm 2024", "năm 2023",
# "giai đoạn 2016-2020", "giai đoạn 2021 - 2025"
MONTHS_OF_YEAR = regex.compile(r"\b\d{1,2}\s+thang\s+(?:dau\s+|cuoi\s+)?nam\s+((?:19|20)\d\d)\b",
                               regex.I)
QUARTER = regex.compile(r"\bquy\s+(?:[IV]{1,3}|[1-4])\s+(?:nam\s+)?((?:19|20)\d\d)\b", regex.I)
# "đến năm 2030" is a target, not the period reported on
YEAR = regex.compile(r"(?<!\bden\s+)\bnam\s+((?:19|20)\d\d)\b(?!\s*[-–])", regex.I)
RANGE = regex.compile(
    r"\b(?:giai\s+doan|thoi\s+ky|nhiem\s+ky)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", regex.I
)
# "Sơ kết 03 năm thực hiện … giai đoạn 2021-2025": the report covers the first 3 years.
YEARS_DONE = regex.compile(r"\b(\d{1,2})\s+nam\s+(?:thuc\s+hien|trien\s+khai|thi\s+hanh)\b",
                           regex.I)


# People's committees and councils, written in sentence case with the place capitalised.
# Example: "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH" → "Ủy ban nhân dân tỉnh Thái Bình"
COUNCIL = regex.compile(r"^(?:uy\s+ban\s+nhan\s+dan|hoi\s+dong\s+nhan\s+dan|ubnd|hdnd)\b")
ACRONYMS = {"UBND", "HĐND"}
# A people's committee or council of a province named in full (matched folded).
# Example: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI"
COUNCIL_OF = regex.compile(
    r"(?P<body>uy\s+ban\s+nhan\s+dan|hoi\s+dong\s+nhan\s+dan)\s+"
    r"(?P<unit>tinh|thanh\s+pho)\s+(?P<place>.+)"
)
COUNCIL_NAMES = {"uybannhandan": "Ủy ban nhân dân", "hoidongnhandan": "Hội đồng nhân dân"}


def read_metadata(texts: list[PageText]) -> DocumentMetadata:
    """The metadata of a document from its first page's title block and its last page's
    signature block; fields not found stay None."""
    meta = DocumentMetadata()
    block = _title_block(_full(texts[0])) if texts else []
    if not block:
        return meta
    text = "\n".join(block)
    folded = fold_chars(text, lower=False)
    number, when = NUMBER_FIELD.search(folded), DATE_FIELD.search(folded)
    after = max((m.end() for m in (number, when) if m), default=0)
    kind = DOC_TYPE.search(folded, after)
    doubted = texts[0].doubted
    by_hand = []
    if number:
        meta.doc_code = _code(text[number.start("code"):number.end("code")])
        digits = text[number.start("digits"):number.end("digits")]
        if TYPED_DIGITS.fullmatch(digits) and not in_doubt(number.span("digits"), doubted):
            year = (number["year"] or "").replace(" ", "").replace("\t", "")
            meta.doc_number = f"{digits}{year}/{meta.doc_code}"
        elif digits.strip():  # something written there that is not a typed number
            by_hand.append("number")
    if when:
        meta.doc_date, meta.doc_date_precision, unread = read_date(when, doubted)
        by_hand += unread
    meta.handwritten = ", ".join(by_hand) or None
    subject = SUBJECT_LINE.search(text, after)
    meta.doc_type = _doc_type(kind, subject, meta.doc_code)
    head_end = min((m.start() for m in (number, when, kind) if m), default=len(text))
    bodies = _issuer_lines(text[:head_end])
    place = _place(text, folded, when.start()) if when else None
    meta.province = _province_in_lines(bodies) or _province_of_place(place, bodies)
    if meta.province:
        meta.province_2025 = province_2025(meta.province)
    if bodies:
        rest = _full(texts[0])[len(text):] + "\n" + "\n".join(_full(t) for t in texts[1:3])
        meta.issuer = _as_written(_issuer(bodies), rest, meta.province)
    page = _full(texts[0])  # the title may run past the block: one long line
    if kind:
        meta.title = _title(page[_past_doubt(page, kind.end(), doubted):]) or None
    elif subject:
        meta.title = _title(page[subject.start():], closed=True) or None
    if meta.title:
        meta.period, meta.year_start, meta.year_end = reporting_period(meta.title)
    if len(texts) > 1 or kind or subject:
        meta.signer_title, meta.signer = signature(signature_page([_full(t) for t in texts]))
    return meta


def _full(page: PageText) -> str:
    """The page's text with its furniture (motto, "Kính gửi", "Nơi nhận", signature) in place:
    the title block and the signature are made of it."""
    return page.full_text or page.text


def _code(code: str) -> str:
    """The printed code with its type part spelt right: an OCR-doubled letter is dropped and
    Ð (eth) read for Đ is put back. Examples: "QĐÐ-UBND" → "QĐ-UBND", "QD-UBND" → "QĐ-UBND";
    any other letter stays, so a misread code never names a type ("CAT-PC04" is not "CT")."""
    head, sep, tail = code.replace("Ð", "Đ").replace("ð", "đ").partition("-")
    key = fold_chars(head, lower=False).upper()
    if key not in CODE_TYPES:  # only a letter read twice is dropped: "BCA" is not "BC"
        near = {key[:i] + key[i + 1:] for i in range(1, len(key)) if key[i] == key[i - 1]}
        near &= CODE_TYPES.keys()
        if len(near) != 1:
            return code.replace("Ð", "Đ")
        key = near.pop()
    return CODE_LETTERS.get(key, key) + sep + tail


def _doc_type(kind: regex.Match | None, subject: regex.Match | None,
              code: str | None) -> str | None:
    """The document's type: its type line, else a công văn's "V/v" line, else the type part
    of its number's code ("/QĐ-", "/TB-")."""
    if kind:
        return DOC_TYPE_NAMES[regex.sub(r"\s+", "", kind["kind"])]
    if subject:
        return "công văn"
    if code:
        return CODE_TYPES.get(fold_chars(code.partition("-")[0], lower=False).upper())
    return None


def _place(text: str, folded: str, at: int) -> str | None:
    """The place of issue written just before the date field: "Bắc Giang" in "Bắc Giang, ngày"."""
    line_start = folded.rfind("\n", 0, at) + 1
    found = PLACE.search(folded, line_start, at)
    return text[found.start("place"):found.end("place")] if found else None


def _title_block(page: str) -> list[str]:
    """The lines of page 1 before its body starts; none when the page has no title block."""
    block: list[str] = []
    for line in page.split("\n")[:MAX_BLOCK_LINES]:
        if block and (BODY_START.match(fold_chars(line, lower=False))
                      or len(line) > MAX_BLOCK_LINE_CHARS):
            break
        block.append(line)
    folded = fold_chars("\n".join(block), lower=False)
    # a title block has the motto, a number or the place and date: else it is running text
    if not (MOTTO.search(folded) or NUMBER_FIELD.search(folded) or DATE_FIELD.search(folded)):
        return []
    return block


def _issuer_lines(head: str) -> list[str]:
    """The issuing body's lines: the capitalised pieces of the block's head once the motto
    is cut out. Example: "UBND TỈNH BẮC GIANG CỘNG HÒA … SỞ CÔNG THƯƠNG Độc lập - Tự do -
    Hạnh phúc" → ["UBND TỈNH BẮC GIANG", "SỞ CÔNG THƯƠNG"]."""
    pieces, at = [], 0
    for m in MOTTO.finditer(fold_chars(head, lower=False)):
        pieces.append(head[at:m.start()])
        at = m.end()
    pieces.append(head[at:])
    out = []
    for line in "\n".join(pieces).split("\n"):
        line = " ".join(line.split()).strip(" -–—_.,:;|")
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= 2 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
            out.append(line)
    return out


def _issuer(lines: list[str]) -> str:
    """The body that issues the document: the lowest line, joined to the line above when
    it only names the unit ("ỦY BAN NHÂN DÂN" over "TỈNH THÁI BÌNH")."""
    last = lines[-1]
    if len(lines) > 1 and UNIT_LINE.match(fold_chars(last)):
        return f"{lines[-2]} {last}"
    return last


def _as_written(name: str, text: str, province: str | None) -> str:
    """The capitalised name as the report's own text writes it ("Sở Công Thương"); else a
    people's committee or council in its usual spelling ("Ủy ban nhân dân tỉnh Thái Bình");
    else as the block writes it, since the capitals of other names cannot be guessed."""
    council = COUNCIL_OF.fullmatch(fold_chars(name))
    if council and province and squash(council["place"]) == squash(fold_chars(province)):
        # spelt in full, whatever OCR did to its accents: "ỦY BAN NHÂN DẪN TÍNH …", "UỶ BAN …"
        unit = "tỉnh" if council["unit"] == "tinh" else "thành phố"
        return f"{COUNCIL_NAMES[squash(council['body'])]} {unit} {province}"
    pattern = r"(?<!\w)" + r"\s+".join(regex.escape(w) for w in name.split()) + r"(?!\w)"
    for m in regex.finditer(pattern, text, regex.IGNORECASE):
        if not m.group().isupper():
            return " ".join(m.group().split())
    if not COUNCIL.match(fold_chars(name)):
        return name
    words = [w if w in ACRONYMS else w.lower() for w in name.split()]
    cased = " ".join(words)
    cased = cased[:1].upper() + cased[1:]
    if province:
        cased = regex.sub(regex.escape(province.lower()), province, cased)
    return cased


def _province_in_lines(lines: list[str]) -> str | None:
    """A province or city the issuing body's lines name after 'tỉnh'/'thành phố'."""
    for line in lines:
        found = names_pattern().search(fold_chars(line))
        if found:
            return by_folded()[squash(found["name"])]
    return None


def _province_of_place(place: str | None, bodies: list[str]) -> str | None:
    """The place of issue when it is itself a province's name ("Bắc Giang, ngày …"), unless
    the issuer is a central body: a ministry writes "Hà Nội" for where it sits."""
    if not place or any(_is_central(b) for b in bodies):
        return None
    name = regex.sub(r"^(?:TP\.?|Thành phố|Tỉnh)\s*", "", place.strip())
    return by_folded().get(squash(fold_chars(name)))


# Central bodies, whose place of issue is not the report's province (matched folded, spaces
# taken out: OCR drops them, "BỘCÔNGAN"). Examples: "BỘ CÔNG THƯƠNG", "KIỂM TOÁN NHÀ NƯỚC",
# "CHÍNH PHỦ", "CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", "TỔNG CỤC THUẾ", "VĂN PHÒNG CHÍNH PHỦ",
# "BAN CHỈ ĐẠO … CỦA CHÍNH PHỦ", "BAN CHỈ ĐẠO TRUNG ƯƠNG …", "ỦY BAN QUỐC GIA …"
CENTRAL_BODY = regex.compile(
    r"^(?:bo|chinhphu|thutuong|quochoi|kiemtoannhanuoc|cuc|tongcuc)|chinhphu|trunguong"
    r"|quocgia"
)


def _is_central(body: str) -> bool:
    return bool(CENTRAL_BODY.search(squash(fold_chars(body))))


# The next word of the text, after the spaces before it.
NEXT_WORD = regex.compile(r"\s*(\S+)")


def _past_doubt(page: str, at: int, doubted: list[tuple[int, int]]) -> int:
    """Where the title starts once the words holding a number read with doubt before it
    are passed: a stamp's handwriting read on the title's first line ("0Í 2 Phối hợp …")."""
    word = NEXT_WORD.match(page, at)
    while word and in_doubt(word.span(1), doubted):
        at = word.end()
        word = NEXT_WORD.match(page, at)
    return at


def _title(rest: str, closed: bool = False) -> str:
    """The title: the lines after the document type, joined (it is often wrapped), up to
    where the body starts: a known opening, the authority line in capitals, or a long line
    that ends a sentence. Empty where the body ran into its first line, where its start was
    lost, or (`closed`, a công văn's "V/v") where no "Kính gửi" or opening closes it."""
    lines: list[str] = []
    ended = False
    for line in rest.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        folded = fold_chars(line, lower=False)
        if lines and (TITLE_END.match(folded) or BODY_START.match(folded)):
            ended = True
            break
        if lines and (len(line) > MAX_BLOCK_LINE_CHARS
                      or (line.endswith((".", ":")) and len(line) > MAX_TITLE_LINE_CHARS)):
            break
        glued = INLINE_END.search(folded)
        if glued:  # "… tháng 3/2026 Kính gửi: …": the title ends on this line
            lines.append(line[:glued.start()])
            ended = True
            break
        if not lines and len(line) > MAX_TITLE_LINE_CHARS and SENTENCE_END.search(line):
            return ""  # the first body sentence read into the title's line: no end is sure
        capitals = CAPITALS_RUN.search(line)
        if capitals and (lines or capitals.start() > 0):  # a title in capitals stays
            if capitals.start() > 0:
                lines.append(line[:capitals.start()])
            ended = True
            break
        lines.append(line)
    title = " ".join(lines)
    title = regex.sub(r"[^\p{Ll}\p{Lu}\p{Lo}\p{N})\]\"”]+$", "", title).lstrip(" -–—_.:;")
    about = ABOUT.match(fold_chars(title))
    if about:  # "và việc", "Vềviệc": OCR damage of the usual opening
        title = ("Về việc" if title[0].isupper() else "về việc") + title[about.end():]
    elif title[:1].islower() and not fold_chars(title).startswith("ve "):
        # "nị ban hành …": OCR lost the title's first words ("về kết quả …" is whole)
        return ""
    if closed and not ended:
        return ""
    return title


def reporting_period(title: str) -> tuple[str | None, int | None, int | None]:
    """The period a title reports on, as written, and its first and last year.
    Example: "Kết quả … năm 2023 và phương hướng, nhiệm vụ năm 2024" → ("năm 2023", 2023, 2023)."""
    folded = fold_chars(title)
    plans = PLANS_PART.search(folded)
    scope = folded[:plans.start()] if plans else folded
    for pattern in (MONTHS_OF_YEAR, QUARTER, YEAR):
        found = list(pattern.finditer(scope))
        if found:  # the last single-year period before the plans part
            m = found[-1]
            return title[m.start():m.end()], int(m[1]), int(m[1])
    span = RANGE.search(scope)
    if not span:
        return None, None, None
    first, last = int(span[1]), int(span[2])
    if first > last:
        return None, None, None
    done = YEARS_DONE.search(scope, 0, span.start())
    if done and 0 < int(done[1]) < last - first + 1:  # "Sơ kết 03 năm thực hiện …"
        words = title[done.start():done.end()]
        return f"{words} {title[span.start():span.end()]}", first, first + int(done[1]) - 1
    return title[span.start():span.end()], first, last
