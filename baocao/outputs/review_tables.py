"""The printed tables on the review page: each table's cell grid drawn over the page image,
and its cells listed as the table reads, with values and flags, so a reader can check
every number against the scan."""

from __future__ import annotations

import pandas as pd

from baocao.i18n import _, code_name
from baocao.outputs.format import escape as _e
from baocao.outputs.format import vn_number
from baocao.outputs.review_edit import cell_key, editable, key_attr, table_places, was_read


def table_boxes(tables: pd.DataFrame, cells: pd.DataFrame, page_no: int, width: float,
                height: float) -> list[str]:
    """A thin frame for each cell of the page's tables, in percent of the page."""
    if tables.empty or not width or not height:
        return []
    mine = set(tables.loc[tables["page_no"] == page_no, "table_id"])
    boxes = []
    for c in cells.to_dict("records"):
        if c["table_id"] not in mine or c["box_left"] is None:
            continue
        left, top = c["box_left"] / width * 100, c["box_top"] / height * 100
        w = (c["box_right"] - c["box_left"]) / width * 100
        h = (c["box_bottom"] - c["box_top"]) / height * 100
        cls = "cellbox flagged" if c["flags"] else "cellbox"
        boxes.append(
            f'<a class="{cls}" href="#{_anchor(c)}" title="{_e(c["text"])}" '
            f'style="left:{left:.3f}%;top:{top:.3f}%;width:{w:.3f}%;height:{h:.3f}%"></a>')
    return boxes


def tables_html(tables: pd.DataFrame, cells: pd.DataFrame, page_no: int) -> str:
    """Each table of the page as an HTML table in its printed grid: header rows as headers,
    numbers with the value read, flagged cells marked."""
    if tables.empty:
        return ""
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
        rows: dict[int, list[str]] = {}
        for c in sorted(mine, key=lambda c: (c["row"], c["col"])):
            tag = "th" if c["role"] == "column_header" else "td"
            value = ("" if c["value"] is None or c["value_kind"] not in ("number", "percent")
                     else f'<small class="read">= {_e(vn_number(c["value"], 4))}</small>')
            names = "; ".join(code_name(f) for f in (c["flags"] or "").split("; ") if f)
            flags = f'<small class="flag">{_e(names)}</small>' if names else ""
            cls = ' class="flagged"' if c["flags"] else ""
            rows.setdefault(c["row"], []).append(
                f'<{tag} id="{_anchor(c)}"{cls} rowspan="{c["row_span"]}" '
                f'colspan="{c["col_span"]}"{key_attr(cell_key(c, places))}>'
                f'{editable("text", c["text"])}{value}{was_read(c, "text")}{flags}</{tag}>')
        body = "".join(f"<tr>{''.join(r)}</tr>" for _, r in sorted(rows.items()))
        out.append(f'<div class="printed"><h3>{_e(title)} <small>({_e("; ".join(notes))})'
                   f'</small></h3><table class="grid">{body}</table></div>')
    return "".join(out)


def _anchor(cell: dict) -> str:
    return f"cell-{cell['table_id']}-{cell['row']}-{cell['col']}"




CSS = """
.cellbox { position: absolute; outline: 1px solid rgba(0,137,123,.7); }
.cellbox.flagged { outline: 2px solid #c62828; background: rgba(198,40,40,.15); }
.printed { margin-top: 1em; overflow-x: auto; }
table.grid { border-collapse: collapse; font-size: .85em; }
table.grid td, table.grid th { border: 1px solid #999; padding: .15em .35em; vertical-align: top; }
table.grid th { background: #eef; }
table.grid .read { display: block; color: #00695c; }
table.grid .flag { display: block; color: #c62828; font-weight: bold; }
table.grid .flagged { background: #fdecea; } table.grid :target { outline: 3px solid #ffb300; }
"""
