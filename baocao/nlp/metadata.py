"""A report's metadata, read off the title block of its first page: province, issuing body,
title, number, date and the period it reports on.

A Vietnamese administrative document opens with a two-column block: the issuing body on
the left ("UBND TỈNH BẮC GIANG" over "SỞ CÔNG THƯƠNG"), the national motto on the right,
then "Số: 412/BC-SCT" and "Bắc Giang, ngày 15 tháng 12 năm 2023", then the document type
("BÁO CÁO") and the title. OCR often reads the two columns into one line, so the block is
taken apart by what its pieces say, not by where they stand. Patterns are matched on the
text without diacritics (fold_chars keeps offsets), so an OCR-damaged accent still matches,
and values are sliced from the original text.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

import regex

from baocao.datamodel import DocumentMetadata, PageText
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
# The document number. Examples: "Số: 412/BC-SCT", "Số: 58/QĐ-UBND-HC", "Số 12/2023/BC-UBND"
DOC_NUMBER = regex.compile(
    r"\b(?i:so)\s*[:.]?\s*(\d{1,6}(?:/\d{4})?/[\p{L}\d]+(?:[-.][\p{L}\d]+)*)"
)
# Place and date of issue. Example: "Bắc Giang, ngày 15 tháng 12 năm 2023",
# "TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2021". The place is a run of capitalised words.
PLACE_DATE = regex.compile(
    r"""(?<![\p{L}\p{N}/.-])
        (?P<place>(?:(?:TP\.?|\p{Lu}\p{Ll}*)\s+){0,3}\p{Lu}\p{Ll}*)   # Bắc Giang
        \s*,\s*(?i:ngay)\s+(?P<d>\d{1,2})\s+(?i:thang)\s+(?P<m>\d{1,2})   # , ngày 15 tháng 12
        \s*,?\s*(?i:nam)\s+(?P<y>(?:19|20)\d\d)\b                       # năm 2023
    """,
    regex.VERBOSE,
)
# The document type line, in capitals, that the title follows.
# Examples: "BÁO CÁO", "TỜ TRÌNH", "KẾ HOẠCH", "ĐỀ ÁN"
# It ends its line: "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" is an issuer, not a plan.
DOC_TYPE = regex.compile(r"\b(?:BAO\s+CAO|TO\s+TRINH|KE\s+HOACH|DE\s+AN)[ \t]*(?=\n|$)")
# An administrative unit named in the issuing body's lines: the unit word, then the name.
# Examples: "UBND TỈNH BẮC GIANG", "TỈNH THÁI BÌNH", "THÀNH PHỐ HÀ NỘI"
UNIT_WORD = r"(?:tinh|thanh\s+pho|tp\.?)"
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
YEAR = regex.compile(r"\bnam\s+((?:19|20)\d\d)\b(?!\s*[-–])", regex.I)
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

# Thừa Thiên Huế became the city of Huế on 1 January 2025; the list has only the new name.
FORMER_NAMES = {"Thừa Thiên Huế": "Huế"}


def read_metadata(texts: list[PageText]) -> DocumentMetadata:
    """The metadata of a document from its first page; fields not found stay None."""
    meta = DocumentMetadata()
    block = _title_block(texts[0].text) if texts else []
    if not block:
        return meta
    text = "\n".join(block)
    folded = fold_chars(text, lower=False)
    number, when = DOC_NUMBER.search(folded), PLACE_DATE.search(folded)
    after = max((m.end() for m in (number, when) if m), default=0)
    kind = DOC_TYPE.search(folded, after)
    if number:
        meta.doc_number = text[number.start(1):number.end(1)]
    if when:
        meta.doc_date = _iso_date(int(when["y"]), int(when["m"]), int(when["d"]))
    head_end = min((m.start() for m in (number, when, kind) if m), default=len(text))
    bodies = _issuer_lines(text[:head_end])
    place = text[when.start("place"):when.end("place")] if when else None
    meta.province = _province_in_lines(bodies) or _province_of_place(place, bodies)
    if meta.province:
        meta.province_2025 = province_2025(meta.province)
    if bodies:
        rest = texts[0].text[len(text):] + "\n" + "\n".join(t.text for t in texts[1:3])
        meta.issuer = _as_written(_issuer(bodies), rest, meta.province)
    if kind:
        meta.title = _title(text[kind.end():]) or None
    if meta.title:
        meta.period, meta.year_start, meta.year_end = reporting_period(meta.title)
    return meta


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
    if not (MOTTO.search(folded) or DOC_NUMBER.search(folded) or PLACE_DATE.search(folded)):
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
        found = _names_pattern().search(fold_chars(line))
        if found:
            return _by_folded()[_squash(found["name"])]
    return None


def _province_of_place(place: str | None, bodies: list[str]) -> str | None:
    """The place of issue when it is itself a province's name ("Bắc Giang, ngày …"), unless
    the issuer is a central body: a ministry writes "Hà Nội" for where it sits."""
    if not place or any(_is_central(b) for b in bodies):
        return None
    name = regex.sub(r"^(?:TP\.?|Thành phố|Tỉnh)\s*", "", place.strip())
    return _by_folded().get(_squash(fold_chars(name)))


# Central bodies, whose place of issue is not the report's province (matched folded).
# Examples: "BỘ CÔNG THƯƠNG", "KIỂM TOÁN NHÀ NƯỚC", "CHÍNH PHỦ", "CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG"
CENTRAL_BODY = regex.compile(
    r"^(?:bo|chinh\s+phu|thu\s+tuong|quoc\s+hoi|kiem\s+toan\s+nha\s+nuoc|cuc|tong\s+cuc)\b",
    regex.I,
)


def _is_central(body: str) -> bool:
    return bool(CENTRAL_BODY.match(fold_chars(body)))


def _title(rest: str) -> str:
    """The title: the lines after the document type, joined (it is often wrapped), up to
    a line that ends a sentence: that is the body, whose opening words were not known."""
    lines = []
    for line in rest.split("\n"):
        line = " ".join(line.split())
        if lines and line.endswith((".", ":")) and len(line) > MAX_TITLE_LINE_CHARS:
            break
        lines.append(line)
    return " ".join(line for line in lines if line).strip(" -–—_.:;")


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


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # "ngày 31 tháng 2": a misread digit; no date rather than a wrong one
        return None


# --- the provinces ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def provinces() -> list[str]:
    """The 63 provinces and centrally-run cities before the 2025 mergers, short names
    ("Bắc Giang", "Hà Nội"), from the vietnamadminunits package."""
    from vietnamadminunits.database import get_data

    rows = get_data(fields=["provinceShort"], table="admin_units_legacy")
    return sorted({unicodedata.normalize("NFC", r["provinceShort"]) for r in rows})


@lru_cache(maxsize=128)
def province_2025(province: str) -> str | None:
    """The province a pre-2025 province lies in since the 2025 mergers: "Bắc Giang" → "Bắc
    Ninh" (vietnamadminunits' conversion)."""
    from vietnamadminunits import convert_address

    try:
        unit = convert_address(province)
    except Exception:  # the library raises plain exceptions for names it cannot place
        return None
    return unicodedata.normalize("NFC", unit.short_province) if unit.short_province else None


def province_named(name: str) -> str | None:
    """The pre-2025 province a name stands for, typed with or without diacritics:
    "bac giang" → "Bắc Giang"; None when no province has that name."""
    return _by_folded().get(_squash(fold_chars(name)))


def province_names_folded() -> dict[str, str]:
    """Every province's name folded without spaces ("bacgiang"), to its official name."""
    return dict(_by_folded())


def _squash(name: str) -> str:
    """A folded name without spaces or dashes, as keys: "ba ria - vung tau" → "bariavungtau"."""
    return regex.sub(r"[\s\-–]+", "", name.lower())


@lru_cache(maxsize=1)
def _by_folded() -> dict[str, str]:
    names = {_squash(fold_chars(n)): n for n in provinces()}
    for old, new in FORMER_NAMES.items():
        names[_squash(fold_chars(old))] = new
    return names


@lru_cache(maxsize=1)
def _names_pattern() -> regex.Pattern:
    """'tỉnh'/'thành phố' then any province's folded name, spaces and dashes loose;
    longest names first."""
    names = [*provinces(), *FORMER_NAMES]
    alternatives = sorted(
        (r"[\s\-–]+".join(regex.escape(w) for w in regex.split(r"[\s\-–]+", fold_chars(n)))
         for n in names),
        key=len, reverse=True,
    )
    return regex.compile(rf"\b{UNIT_WORD}\s+(?P<name>{'|'.join(alternatives)})\b", regex.I)
