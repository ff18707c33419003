"""What makes a document's figures comparable (issue 27): each figure's measure, status,
period, comparison, the total it is a part of and the district or commune it is for. Read
after the figures are found and weighed, once the sections, tables and title block are known."""

from __future__ import annotations

from dataclasses import replace

import regex

from baocao.datamodel import DocumentMetadata, Figure, Section, Table
from baocao.nlp.measures import match_measure
from baocao.nlp.parts import find_parts
from baocao.nlp.period import Period, figure_period, heading_period, periods, year_period
from baocao.nlp.status import compared_to, default_status, figure_status

# A table column's status, from its header (folded, lower case): "Kế hoạch năm 2024", "KH",
# "Dự toán", "Ước thực hiện", "Ước TH", "Thực hiện", "TH", "Lũy kế thực hiện".
TABLE_STATUS = (
    ("estimate", regex.compile(r"\b(?:uoc|du uoc)\b")),
    ("plan", regex.compile(r"\b(?:ke hoach|kh|du toan|giao|phan bo)\b")),
    ("target", regex.compile(r"\b(?:muc tieu|chi tieu|phan dau)\b")),
    ("actual", regex.compile(r"\b(?:thuc hien|th|quyet toan|giai ngan|thuc chi)\b")),
)
# Administrative words that open a district's or commune's name: "huyện Lục Ngạn",
# "xã Tân Hưng", "thị xã Việt Yên", "thành phố Hội An".
# Places named together: "các huyện", "những xã", "các thị xã, thành phố".
SEVERAL_PLACES = regex.compile(
    r"\b(?:các|những|\d+)\s+(?:huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)\b",
    regex.I)
LOCAL_PLACE = regex.compile(
    r"^(?:huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)\s+\p{Lu}", regex.I)


def settle(figures: list[Figure], sections: list[Section], tables: list[Table],
           metadata: DocumentMetadata) -> list[Figure]:
    """The figures with what makes them comparable; none of their values changed."""
    by_id = {s.section_id: s for s in sections}
    cells = {(t.table_id, c.row, c.col): (t, c) for t in tables for c in t.cells}
    document = _document_period(metadata)
    own: dict[int, tuple[str | None, Period | None]] = {}
    read: list[Figure] = []
    for f in figures:
        if f.table_id is not None and (f.table_id, f.table_row, f.table_col) in cells:
            table, cell = cells[(f.table_id, f.table_row, f.table_col)]
            status, period = _table_status(cell.column_path), _table_period(table, cell)
            compared = None
        else:
            status, period, compared = _sentence_terms(f)
        own[f.figure_id] = (status, period)
        read.append(replace(f, compared_to=compared, place=_place(f.locations, f.sentence)))
    parts = find_parts(read)
    settled = []
    for f in read:
        status, period = own[f.figure_id]
        total = parts.get(f.figure_id)
        if total is not None:  # a part says what its total says unless its words differ
            status = status or own[total][0]
            period = period or own[total][1]
        headings = _headings(by_id, f.section_id)
        period = period or heading_period(headings) or document
        status = status or default_status(f.section_kind, metadata.doc_type, f.kind)
        settled.append(replace(
            f, status=status, part_of=total,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            measure=match_measure(f.subject, f.sentence, f.kind, f.unit, _at(f))))
    return _spent_as_named(settled)


# An amount whose subject is only the act of spending names what was named before it: "tổng
# kinh phí khuyến công được giao là 5.650 triệu đồng, …, giải ngân 5.380 triệu đồng".
SPENDING = regex.compile(r"^(?:đã\s+)?(?:giải\s+ngân|thực\s+hiện|quyết\s+toán|thực\s+chi"
                         r"|sử\s+dụng|chi)(?:\s+được)?$", regex.I)


def _spent_as_named(figures: list[Figure]) -> list[Figure]:
    """Amounts of spending take the measure of the amount before them in their sentence."""
    last: dict[tuple[int, int | None], Figure] = {}
    out = []
    for f in figures:
        key = (f.page_no, f.sentence_start)
        before = last.get(key) if f.sentence_start is not None else None
        if f.kind == "amount" and f.measure is None and before is not None and \
                before.unit == f.unit and SPENDING.match((f.subject or "").strip()):
            f = replace(f, measure=before.measure)
        if f.kind == "amount" and f.measure is not None:
            last[key] = f
        out.append(f)
    return out


def _sentence_terms(f: Figure) -> tuple[str | None, Period | None, str | None]:
    """Status, period and comparison the figure's own sentence gives it."""
    if f.start is None or f.end is None or f.sentence_start is None:
        return None, None, None
    at, end = f.start - f.sentence_start, f.end - f.sentence_start
    if not 0 <= at < end <= len(f.sentence):
        return None, None, None
    period = figure_period(f.sentence, at, end)
    compared = compared_to(f.sentence, at, end, int(period.end[:4]) if period and period.end
                          else None) \
        if f.kind == "percent" else None
    return figure_status(f.sentence, at), period, compared


def _at(f: Figure) -> int | None:
    """Where the figure starts in its sentence (None: a table cell's)."""
    if f.start is None or f.sentence_start is None:
        return None
    return f.start - f.sentence_start


def _document_period(metadata: DocumentMetadata) -> Period | None:
    """The period the title reports on ("9 tháng đầu năm 2024"), else its years."""
    found = periods(metadata.period) if metadata.period else []
    return found[-1] if found else year_period(metadata.year_start, metadata.year_end)


def _headings(by_id: dict[int, Section], section_id: int | None) -> list[str]:
    """The headings over a figure, innermost first."""
    out: list[str] = []
    seen: set[int] = set()
    while section_id is not None and section_id in by_id and section_id not in seen:
        seen.add(section_id)
        section = by_id[section_id]
        if section.heading:
            out.append(section.heading)
        section_id = section.parent_id
    return out


def _table_status(column_path: str) -> str | None:
    """A cell's status from its column headers, nearest first."""
    from baocao.vietnamese.text import fold

    for header in reversed(column_path.split(" > ") if column_path else []):
        folded = fold(header).lower()
        for status, cue in TABLE_STATUS:
            if cue.search(folded):
                return status
    return None


def _table_period(table: Table, cell) -> Period | None:
    """A cell's period from its column headers (nearest first), its row, then the caption."""
    places = [*reversed(cell.column_path.split(" > ") if cell.column_path else []),
              cell.row_path or "", table.caption or ""]
    for text in places:
        found = periods(text)
        if found:
            return found[-1]
    return None


def _place(locations: tuple[str, ...], sentence: str) -> str | None:
    """The district or commune its sentence names, where it names exactly one: not one of
    several ("tại các huyện Lục Ngạn, Lục Nam và Yên Thế")."""
    local = {p for p in locations if LOCAL_PLACE.match(p)}
    if len(local) != 1 or SEVERAL_PLACES.search(sentence):
        return None
    return local.pop()
