"""The printed tables on the review page: each table's cell grid drawn over the page image,
and its cells listed as the table reads, with values and flags, so a reader can check
every number against the scan (templates/review_tables.html draws them)."""

from __future__ import annotations

import pandas as pd

from baocao.i18n import _, code_name
from baocao.outputs.format import vn_number
from baocao.outputs.review_edit import cell_key, table_places, was_read


def cell_boxes(tables: pd.DataFrame, cells: pd.DataFrame, page_no: int, width: float,
               height: float) -> list[dict]:
    """A thin frame for each cell of the page's tables, in percent of the page."""
    if tables.empty or not width or not height:
        return []
    mine = set(tables.loc[tables["page_no"] == page_no, "table_id"])
    boxes = []
    for c in cells.to_dict("records"):
        if c["table_id"] not in mine or c["box_left"] is None:
            continue
        boxes.append({"anchor": _anchor(c), "title": c["text"], "flagged": bool(c["flags"]),
                      "left": c["box_left"] / width * 100, "top": c["box_top"] / height * 100,
                      "width": (c["box_right"] - c["box_left"]) / width * 100,
                      "height": (c["box_bottom"] - c["box_top"]) / height * 100})
    return boxes


def printed_tables(tables: pd.DataFrame, cells: pd.DataFrame, page_no: int) -> list[dict]:
    """Each table of the page in its printed grid: title, notes, and its rows of cells
    (header rows as headers, numbers with the value read, flagged cells marked)."""
    if tables.empty:
        return []
    out = []
    places = table_places(tables)
    for t in tables[tables["page_no"] == page_no].to_dict("records"):
        mine = cells[cells["table_id"] == t["table_id"]].to_dict("records")
        title = t["caption"] or t["label"] or _("Table {n}").format(n=t["table_id"] + 1)
        notes = [f"{t['n_rows']} × {t['n_cols']}",
                 _("rules: {ruling}").format(ruling=code_name(t["ruling"])),
                 _("numbers: English format") if t["number_format"] == "en"
                 else _("numbers: Vietnamese format")]
        if t["unit"]:
            notes.append(_("unit: {unit}").format(unit=t["unit"]))
        if t["continues_table_id"] is not None:
            notes.append(_("continues table {n}").format(n=int(t["continues_table_id"]) + 1))
        rows: dict[int, list[dict]] = {}
        for c in sorted(mine, key=lambda c: (c["row"], c["col"])):
            value = (None if c["value"] is None or c["value_kind"] not in ("number", "percent")
                     else vn_number(c["value"], 4))
            rows.setdefault(c["row"], []).append({
                "tag": "th" if c["role"] == "column_header" else "td", "anchor": _anchor(c),
                "flagged": bool(c["flags"]), "row_span": c["row_span"],
                "col_span": c["col_span"], "key": cell_key(c, places), "text": c["text"],
                "value": value, "text_read": was_read(c, "text"),
                "flags": "; ".join(code_name(f) for f in (c["flags"] or "").split("; ") if f)})
        out.append({"title": title, "notes": "; ".join(notes),
                    "rows": [r for _row, r in sorted(rows.items())]})
    return out


def _anchor(cell: dict) -> str:
    return f"cell-{cell['table_id']}-{cell['row']}-{cell['col']}"
