"""Checks that catch a misread number in a printed table: a total row that is not the sum
of its rows, parts ("Trong đó:") above their whole, a percentage column that is not the
ratio of the columns it compares, a number OCR read with little confidence. A cell that
fails is flagged; its value is kept for a person to look at."""

from __future__ import annotations

import regex

from baocao.datamodel import Cell, Table
from baocao.nlp.checks import MIN_FIGURE_CONFIDENCE
from baocao.nlp.table_cells import PARTS
from baocao.vietnamese.text import fold

# A column header naming a percentage or a comparison: "So sánh (%)", "Tỷ lệ", "%".
RATIO_HEADER = regex.compile(r"%|\bso sanh\b|\bty le\b|\bti le\b")
# A caption of rates, folded: "Tốc độ tăng trưởng…", "Chỉ số giá…".
RATE_WORDS = regex.compile(r"\btoc do\b|\btang truong\b|\bchi so\b")


def check_table(table: Table, before: list[Table] | None = None) -> None:
    """Flag the cells of one table that fail a check (in `Cell.flags`); `before`: the parts
    of the same table on earlier pages, whose rows a total on this page may sum too."""
    rows = _rows(table)
    carried: dict[int, float] = {}
    for part in before or []:
        for cells in _rows(part).values():
            if _role(cells) == "body":
                for c in cells:
                    if c.value is not None and c.value_kind == "number":
                        carried[c.col] = carried.get(c.col, 0.0) + c.value
    values = [c for c in table.cells if c.value is not None and c.role != "column_header"]
    for cell in values:
        if cell.confidence is not None and cell.confidence < MIN_FIGURE_CONFIDENCE:
            cell.flags.append("low_confidence")
    for row, cells in rows.items():
        if _role(cells) == "total":
            _check_total(table, rows, row, carried)
    _check_subtotals(table, rows)
    _check_parts(table, rows)
    _check_ratios(table, rows)


def _rows(table: Table) -> dict[int, list[Cell]]:
    out: dict[int, list[Cell]] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.row >= table.n_header_rows:
            out.setdefault(cell.row, []).append(cell)
    return out


def _value(rows: dict[int, list[Cell]], row: int, col: int) -> Cell | None:
    return next((c for c in rows.get(row, []) if c.col == col and c.value is not None), None)


def _check_total(table: Table, rows: dict[int, list[Cell]], total_row: int,
                 carried: dict[int, float]) -> None:
    """A total row against its rows (those above it, or below it when it heads the table):
    all body rows, the group rows, the numbered rows, or the rows outside the "Trong đó"
    parts, whichever the table sums; flagged, with its terms, when none agrees."""
    ordered = sorted(rows)
    start = max((r for r in ordered if r < total_row and _role(rows[r]) == "total"),
                default=table.n_header_rows - 1) + 1
    span = [r for r in ordered if start <= r < total_row]
    if len(span) < 2:  # "TỔNG THU" above its items
        stop = min((r for r in ordered if r > total_row and _role(rows[r]) == "total"),
                   default=ordered[-1] + 1)
        span = [r for r in ordered if total_row < r < stop]
    parts = _part_rows(rows, span)
    groups = [r for r in span if _role(rows[r]) == "group"]
    body = [r for r in span if _role(rows[r]) == "body"]
    numbered = [r for r in span if regex.fullmatch(r"\d{1,3}\.?", _ordinal(rows[r]))]
    top = [r for r in body + groups if r not in parts
           and not regex.fullmatch(r"\d{1,3}\.\d.*", _ordinal(rows[r]))]
    candidates = [body, groups, numbered, [r for r in body if r not in parts], sorted(top)]
    # parts listed under "Trong đó" are counted in their whole: never summed with it
    candidates = [c for c in candidates if not set(c) & parts]
    _check_sum(rows, total_row, candidates, carried, _rates(table))


def _check_subtotals(table: Table, rows: dict[int, list[Cell]]) -> None:
    """A numbered row against the rows numbered under it ("4" over "4.1", "4.2"), and a
    group row ("II") against the numbered rows under it, unless they are listed as its
    parts ("Trong đó:"), which need not cover it."""
    ordered = sorted(rows)
    for n, row in enumerate(ordered):
        own = _ordinal(rows[row]).rstrip(".")
        later = ordered[n + 1:]
        if regex.fullmatch(r"\d{1,3}", own):
            children = []
            for r in later:
                if not _ordinal(rows[r]).startswith(f"{own}."):
                    break
                children.append(r)
            if len(children) >= 2:
                _check_sum(rows, row, [children], rates=_rates(table))
        elif _role(rows[row]) == "group" and regex.fullmatch(r"[IVXL]{1,5}", own):
            children = []
            for r in later:
                if _role(rows[r]) in ("group", "total") or PARTS.search(_label(rows[r])):
                    break
                if regex.fullmatch(r"\d{1,3}\.?", _ordinal(rows[r])):
                    children.append(r)
            if len(children) >= 2 and later and not PARTS.search(_label(rows[later[0]])):
                _check_sum(rows, row, [children], rates=_rates(table))


def _check_sum(rows: dict[int, list[Cell]], sum_row: int, candidates: list[list[int]],
               carried: dict[int, float] | None = None, rates: bool = False) -> None:
    """Each number of `sum_row` must equal the sum of one candidate's rows in its column
    (where it has two terms or more), alone or with the rows of the table's earlier pages
    (`carried`); when none does, it and its terms are flagged."""
    sums = [c for c in rows[sum_row] if c.value is not None and c.value_kind == "number"
            and not RATIO_HEADER.search(fold(c.column_path)) and not rates]
    for total in sums:
        tried = []
        for chosen in candidates:
            terms = [v for r in chosen if (v := _value(rows, r, total.col))]
            if len(terms) >= 2:
                tried.append(terms)
        extra = (carried or {}).get(total.col)
        if tried and not any(_close(total, sum(t.value or 0 for t in terms) + add, len(terms))
                             for terms in tried for add in {0.0, extra or 0.0}):
            for cell in [total, *{id(t): t for terms in tried for t in terms}.values()]:
                if "total_mismatch" not in cell.flags:
                    cell.flags.append("total_mismatch")


def _rates(table: Table) -> bool:
    """A table of percentages or growth rates (its unit "%"): its rows do not add up."""
    words = fold(f"{table.unit or ''} {table.caption or ''}")
    return bool(RATIO_HEADER.search(words) or RATE_WORDS.search(words))


def _role(cells: list[Cell]) -> str:
    """A row's role: a group or total row marks all its cells; any other row is body."""
    return next((c.role for c in cells if c.role in ("group", "total")), "body")


def _ordinal(cells: list[Cell]) -> str:
    """The row's "TT" ordinal as printed, or ""."""
    return next((c.text.strip() for c in cells if c.value_kind == "ordinal"), "")


def _label(cells: list[Cell]) -> str:
    """The row's first words, folded: where "Trong đó:" stands."""
    return " ".join(fold(c.text) for c in cells[:2]).strip()


def _part_rows(rows: dict[int, list[Cell]], among: list[int]) -> set[int]:
    """Rows listed under a "Trong đó:" row, up to the next group or total row."""
    out: set[int] = set()
    inside = False
    for row in among:
        first = " ".join(fold(c.text) for c in rows[row][:2]).strip()
        opener = PARTS.search(first)
        if opener:
            inside = True
            if regex.search(r"\p{L}", first[opener.end():]):
                out.add(row)  # "Trong đó: thu nội địa…" is a part itself
            continue
        if _role(rows[row]) in ("group", "total"):
            inside = False
        if inside:
            out.add(row)
    return out


def _check_parts(table: Table, rows: dict[int, list[Cell]]) -> None:
    """Each part listed under "Trong đó:" is at most the whole in the row above it."""
    ordered = sorted(rows)
    for n, row in enumerate(ordered):
        first = " ".join(fold(c.text) for c in rows[row][:2]).strip()
        if not PARTS.search(first) or n == 0:
            continue
        whole_row = ordered[n - 1]
        parts = sorted(_part_rows(rows, ordered[n:]))
        for cell in rows[whole_row]:
            if (cell.value is None or cell.value_kind != "number"
                    or RATIO_HEADER.search(fold(cell.column_path))):
                continue
            for part_row in parts:
                part = _value(rows, part_row, cell.col)
                if part is not None and part.value is not None and cell.value >= 0 and (
                        part.value > cell.value * 1.0005):
                    part.flags.append("part_over_total")


def _check_ratios(table: Table, rows: dict[int, list[Cell]]) -> None:
    """A column headed "So sánh (%)" or "Tỷ lệ" against the two value columns just before
    it: their ratio, its inverse or the growth between them must match what is printed."""
    header = {c.col: fold(c.column_path) for cs in rows.values() for c in cs}
    ratios = {col for col, path in header.items() if RATIO_HEADER.search(path)}
    for col in sorted(ratios):
        if col < 2 or {col - 1, col - 2} & ratios:
            continue  # compared columns must be values, not other ratios
        for cells in rows.values():
            ratio = next((c for c in cells if c.col == col and c.value is not None), None)
            a = next((c for c in cells if c.col == col - 2 and c.value), None)
            b = next((c for c in cells if c.col == col - 1 and c.value), None)
            if ratio is None or a is None or b is None or a.value_kind == "percent":
                continue
            assert a.value and b.value is not None
            options = (b.value / a.value * 100, a.value / b.value * 100 if b.value else 0,
                       (b.value / a.value - 1) * 100)
            if not any(abs(ratio.value - o) <= _precision(ratio) + 0.05 for o in options):
                ratio.flags.append("ratio_mismatch")


def _precision(cell: Cell) -> float:
    """Half a unit of the last printed digit: "95,3" → 0.05."""
    match = regex.search(r"[.,](\d+)\s*%?\s*$", cell.text)
    decimals = len(match[1]) if match and len(match[1]) != 3 else 0
    return 0.5 * 10 ** -decimals


def _close(total: Cell, value: float, n_terms: int) -> bool:
    """Equal within the rounding of its terms: half a unit of the last digit each."""
    assert total.value is not None
    return abs(total.value - value) <= _precision(total) * (n_terms + 1) + 1e-9
