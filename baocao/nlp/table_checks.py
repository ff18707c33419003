"""Checks that catch a misread number in a printed table: a total row that is not the sum
of its rows, parts ("Trong đó:") above their whole, a percentage column that is not the
ratio of the columns it compares, a number OCR read with little confidence. A cell that
fails is flagged; its value is kept for a person to look at.

A new check is a function from the table (its rows, the parts on earlier pages) to the cells
that fail it, added to TABLE_CHECKS with its flag code (declared in datamodel.FLAGS)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import regex

from baocao.datamodel import FLAGS, Cell, FlagKind, Table
from baocao.nlp.checks import MIN_FIGURE_CONFIDENCE
from baocao.nlp.table_cells import PARTS
from baocao.nlp.table_figures import header_kind
from baocao.vietnamese.text import fold

# A column header naming a percentage or a comparison: "So sánh (%)", "Tỷ lệ", "%".
RATIO_HEADER = regex.compile(r"%|\bso sanh\b|\bty le\b|\bti le\b")
# A caption of rates, folded: "Tốc độ tăng trưởng…", "Chỉ số giá…".
RATE_WORDS = regex.compile(r"\btoc do\b|\btang truong\b|\bchi so\b")


Rows = dict[int, list[Cell]]  # a table's rows below its header, each its cells by column


def check_table(table: Table, before: list[Table] | None = None) -> Table:
    """The table with the cells that fail a check flagged (`Cell.flags`, in the order of
    datamodel.FLAGS); `before`: the parts of the same table on earlier pages, whose rows a
    total on this page may sum too. The table given is left as it was."""
    rows = _rows(table)
    failed: dict[int, list[FlagKind]] = {}
    for check in TABLE_CHECKS:
        for cell in check.cells(table, rows, before or []):
            failed.setdefault(id(cell), []).append(check.code)
    if not failed:
        return table
    return replace(table, cells=[
        replace(c, flags=sorted([*c.flags, *failed[id(c)]], key=FLAG_ORDER.__getitem__))
        if id(c) in failed else c for c in table.cells])


def _low_confidence(table: Table, rows: Rows, before: list[Table]) -> list[Cell]:
    """Numbers OCR read with a confidence under the figures' threshold."""
    return [c for c in table.cells if c.value is not None and c.role != "column_header"
            and c.confidence is not None and c.confidence < MIN_FIGURE_CONFIDENCE]


def _totals(table: Table, rows: Rows, before: list[Table]) -> list[Cell]:
    """Total rows against the rows they sum (with those of the parts on earlier pages),
    numbered and group rows against the rows under them; each cell once."""
    carried: dict[int, float] = {}
    for part in before:
        for cells in _rows(part).values():
            if _role(cells) == "body":
                for c in cells:
                    if c.value is not None and c.value_kind == "number":
                        carried[c.col] = carried.get(c.col, 0.0) + c.value
    failed = [cell for row, cells in rows.items() if _role(cells) == "total"
              for cell in _check_total(table, rows, row, carried)]
    failed += _check_subtotals(table, rows)
    return list({id(c): c for c in failed}.values())


def _rows(table: Table) -> Rows:
    out: Rows = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.row >= table.n_header_rows:
            out.setdefault(cell.row, []).append(cell)
    return out


def _value(rows: Rows, row: int, col: int) -> Cell | None:
    return next((c for c in rows.get(row, []) if c.col == col and c.value is not None), None)


def _check_total(table: Table, rows: Rows, total_row: int,
                 carried: dict[int, float]) -> list[Cell]:
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
    return _check_sum(rows, total_row, candidates, carried, _rates(table))


def _check_subtotals(table: Table, rows: Rows) -> list[Cell]:
    """A numbered row against the rows numbered under it ("4" over "4.1", "4.2"), and a
    group row ("II") against the numbered rows under it, unless they are listed as its
    parts ("Trong đó:"), which need not cover it."""
    ordered = sorted(rows)
    failed: list[Cell] = []
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
                failed += _check_sum(rows, row, [children], rates=_rates(table))
        elif _role(rows[row]) == "group" and regex.fullmatch(r"[IVXL]{1,5}", own):
            children = []
            for r in later:
                if _role(rows[r]) in ("group", "total") or PARTS.search(_label(rows[r])):
                    break
                if regex.fullmatch(r"\d{1,3}\.?", _ordinal(rows[r])):
                    children.append(r)
            if len(children) >= 2 and later and not PARTS.search(_label(rows[later[0]])):
                failed += _check_sum(rows, row, [children], rates=_rates(table))
    return failed


def _check_sum(rows: Rows, sum_row: int, candidates: list[list[int]],
               carried: dict[int, float] | None = None, rates: bool = False) -> list[Cell]:
    """Each number of `sum_row` must equal the sum of one candidate's rows in its column
    (where it has two terms or more), alone or with the rows of the table's earlier pages
    (`carried`); when none does, it and its terms fail."""
    sums = [c for c in rows[sum_row] if c.value is not None and c.value_kind == "number"
            and not RATIO_HEADER.search(fold(c.column_path)) and not rates]
    failed: list[Cell] = []
    for total in sums:
        tried = []
        for chosen in candidates:
            terms = [v for r in chosen if (v := _value(rows, r, total.col))]
            if len(terms) >= 2:
                tried.append(terms)
        extra = (carried or {}).get(total.col)
        if tried and not any(_close(total, sum(t.value or 0 for t in terms) + add, len(terms))
                             for terms in tried for add in {0.0, extra or 0.0}):
            failed += [total, *{id(t): t for terms in tried for t in terms}.values()]
    return failed


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


def _part_rows(rows: Rows, among: list[int]) -> set[int]:
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


def _check_parts(table: Table, rows: Rows, before: list[Table]) -> list[Cell]:
    """Each part listed under "Trong đó:" is at most the whole in the row above it (a part
    listed under two such rows fails once for each whole it exceeds)."""
    ordered = sorted(rows)
    failed: list[Cell] = []
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
                    failed.append(part)
    return failed


def _check_ratios(table: Table, rows: Rows, before: list[Table]) -> list[Cell]:
    """A column headed "So sánh (%)" or "Tỷ lệ" against the two value columns just before
    it: their ratio, its inverse or the growth between them must match what is printed."""
    header = {c.col: fold(c.column_path) for cs in rows.values() for c in cs}
    ratios = {col for col, path in header.items() if RATIO_HEADER.search(path)}
    failed: list[Cell] = []
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
                failed.append(ratio)
    return failed


# A year written alone: "2023" (no thousands separator).
LONE_YEAR = regex.compile(r"^\s*(?:19|20)\d\d\s*$")
MAX_PERCENT = 1000  # a percentage over 1.000 % is a misread (a lost decimal comma), not a rate
MIN_COLUMN = 3  # numbers a column needs to say what is out of its form


def _out_of_column(table: Table, rows: Rows, before: list[Table]) -> list[Cell]:
    """Numbers out of their column's form: a percentage over 1.000 in a percentage column, a
    count with decimals under "Số …", a year alone among a column's amounts ("2023" where
    the rest are 1.250, 980, …), a negative amount alone among positive ones ("-4.469.236"
    where a speck stood before 4.469.236; a growth rate may well be negative)."""
    columns: dict[int, list[Cell]] = {}
    for cells in rows.values():
        for c in cells:
            if c.value is not None and c.role in ("body", "total"):
                columns.setdefault(c.col, []).append(c)
    failed: list[Cell] = []
    for cells in columns.values():
        header = fold(cells[0].column_path).lower()
        kinds = {header_kind(name) for name in cells[0].column_path.split(" > ")} - {None}
        percent = RATIO_HEADER.search(header) or all(c.value_kind == "percent" for c in cells)
        for c in cells:
            if percent and c.value is not None and abs(c.value) > MAX_PERCENT:
                failed.append(c)
            elif not percent and kinds == {"count"} and c.value is not None \
                    and c.value != int(c.value):
                failed.append(c)
        negative = [c for c in cells if c.value is not None and c.value < 0]
        if not percent and len(negative) == 1 and len(cells) > MIN_COLUMN:
            failed.append(negative[0])  # a speck before a figure reads as a minus
        years = [c for c in cells if LONE_YEAR.match(c.text)]
        if not percent and len(years) == 1 and len(cells) > MIN_COLUMN and not any(
                c.value is not None and 1900 <= c.value <= 2100 for c in cells
                if c is not years[0]):
            failed.append(years[0])
    return failed


def _precision(cell: Cell) -> float:
    """Half a unit of the last printed digit: "95,3" → 0.05."""
    match = regex.search(r"[.,](\d+)\s*%?\s*$", cell.text)
    decimals = len(match[1]) if match and len(match[1]) != 3 else 0
    return 0.5 * 10 ** -decimals


def _close(total: Cell, value: float, n_terms: int) -> bool:
    """Equal within the rounding of its terms: half a unit of the last digit each."""
    assert total.value is not None
    return abs(total.value - value) <= _precision(total) * (n_terms + 1) + 1e-9


@dataclass(frozen=True)
class TableCheck:
    """A check of a printed table: the flag its failing cells get, the function that finds
    them, and the sentence of a flag row ({text}: the cell as printed, {where}: its place)."""

    code: FlagKind
    cells: Callable[[Table, Rows, list[Table]], list[Cell]]
    detail: str


# Every check a table goes through, in the order Datasette's help lists their flags.
TABLE_CHECKS: tuple[TableCheck, ...] = (
    TableCheck("total_mismatch", _totals, "the total {text!r} is not the sum of its rows "
               "({where})"),
    TableCheck("part_over_total", _check_parts, "the part {text!r} exceeds its whole ({where})"),
    TableCheck("ratio_mismatch", _check_ratios, "the percentage {text!r} is not the ratio of "
               "the columns it compares ({where})"),
    TableCheck("out_of_column", _out_of_column, "{text!r} is out of its column's form: a "
               "percentage over 1.000, a count with decimals, a year among amounts or a "
               "negative among positive amounts ({where}); no figure is made of it"),
    TableCheck("low_confidence", _low_confidence, "OCR read {text!r} with low confidence "
               "({where})"),
)
# The flags a table cell may get, as Datasette's help lists them.
CELL_FLAGS: tuple[str, ...] = tuple(check.code for check in TABLE_CHECKS)
# Where each flag stands among a cell's flags, whichever check found it first.
FLAG_ORDER = {spec.code: n for n, spec in enumerate(FLAGS)}
