"""The printed tables on the review page: each table's cell grid drawn over the page image,
and its cells listed as the table reads, with values and flags, so a reader can check
every number against the scan (templates/review_tables.html draws them)."""

from __future__ import annotations

from typing import Any

from baocao.datamodel import Cell, Table
from baocao.i18n import _, code_name
from baocao.outputs.format import vn_number
from baocao.outputs.review_edit import cell_key, table_places, was_read


def cell_boxes(tables: list[Table], page_no: int, width: float, height: float) -> list[dict]:
    """A thin frame for each cell of the page's tables, in percent of the page."""
    if not width or not height:
        return []
    boxes = []
    for t in tables:
        if t.page_no != page_no:
            continue
        for c in t.cells:
            if c.bbox is None:
                continue
            left, top, right, bottom = c.bbox
            boxes.append({"anchor": _anchor(t.table_id, c), "title": c.text,
                          "flagged": bool(c.flags), "left": left / width * 100,
                          "top": top / height * 100, "width": (right - left) / width * 100,
                          "height": (bottom - top) / height * 100})
    return boxes


def printed_tables(tables: list[Table], kept: list[list[dict[str, Any]]], page_no: int
                   ) -> list[dict]:
    """Each table of the page in its printed grid: title, notes, and its rows of cells
    (header rows as headers, numbers with the value read, flagged cells marked); `kept`:
    beside each table's cells, the columns the database keeps (a person's corrections)."""
    out = []
    places = table_places(tables)
    for t, beside in zip(tables, kept, strict=True):
        if t.page_no != page_no:
            continue
        title = t.caption or t.label or _("Table {n}").format(n=t.table_id + 1)
        notes = [f"{t.n_rows} × {t.n_cols}",
                 _("rules: {ruling}").format(ruling=code_name(t.ruling)),
                 _("numbers: English format") if t.number_format == "en"
                 else _("numbers: Vietnamese format")]
        if t.unit:
            notes.append(_("unit: {unit}").format(unit=t.unit))
        if t.continues_table_id is not None:
            notes.append(_("continues table {n}").format(n=t.continues_table_id + 1))
        rows: dict[int, list[dict]] = {}
        for c, k in sorted(zip(t.cells, beside, strict=True),
                           key=lambda pair: (pair[0].row, pair[0].col)):
            value = (None if c.value is None or c.value_kind not in ("number", "percent")
                     else vn_number(c.value, 4))
            rows.setdefault(c.row, []).append({
                "tag": "th" if c.role == "column_header" else "td",
                "anchor": _anchor(t.table_id, c), "flagged": bool(c.flags),
                "row_span": c.row_span, "col_span": c.col_span,
                "key": cell_key(t.table_id, c, places), "text": c.text, "value": value,
                "text_read": was_read(k, "text", c.text),
                "flags": "; ".join(code_name(f) for f in c.flags)})
        out.append({"title": title, "notes": "; ".join(notes),
                    "rows": [r for _row, r in sorted(rows.items())]})
    return out


def _anchor(table_id: int, cell: Cell) -> str:
    return f"cell-{table_id}-{cell.row}-{cell.col}"
