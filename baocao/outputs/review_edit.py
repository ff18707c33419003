"""Correcting on the review page, with no server: each figure's value, unit and kind, each
table cell, the document's details and 'page checked' are editable in place; the page
gathers the edits and saves them as a JSON file that `baocao correct --from FILE` applies.

Every editable element (templates/review_edit.html) carries the correction's field
(data-field), the value shown (data-orig) and, on it or around it, the key of what it
corrects (data-key: page, position, text), the same key the corrections table keeps; here are
the keys and the values shown, static/review.js gathers the edits."""

from __future__ import annotations

from collections import Counter
from typing import Any, get_args

from baocao.datamodel import Cell, Figure, FigureKind, Table
from baocao.i18n import _, code_name
from baocao.outputs.format import vn_number
from baocao.store.corrections import NOT_A_FIGURE

# The document's details the page lets a person correct, in the order the facts list them.
DOC_FIELDS = ("province", "province_2025", "issuer", "doc_number", "doc_date", "period")


def table_places(tables: list[Table]) -> dict[int, tuple[int, int]]:
    """Each printed table's page and place among that page's tables (from 0): how a
    correction names it, so a re-run that numbers the tables otherwise still finds it."""
    places: dict[int, tuple[int, int]] = {}
    before: Counter[int] = Counter()
    for t in sorted(tables, key=lambda t: t.table_id):
        places[t.table_id] = (t.page_no, before[t.page_no])
        before[t.page_no] += 1
    return places


def figure_key(f: Figure, places: dict[int, tuple[int, int]]) -> dict:
    """What a figure correction names: its page and place in the text, or its table cell."""
    if f.table_id is not None and f.table_id in places:
        page_no, table_no = places[f.table_id]
        return {"target": "figure", "page_no": page_no, "table_no": table_no,
                "row": f.table_row, "col": f.table_col, "target_text": f.raw}
    return {"target": "figure", "page_no": f.page_no, "char_start": f.start,
            "char_end": f.end, "target_text": f.raw}


def cell_key(table_id: int, cell: Cell, places: dict[int, tuple[int, int]]) -> dict:
    page_no, table_no = places[table_id]
    return {"target": "cell", "page_no": page_no, "table_no": table_no, "row": cell.row,
            "col": cell.col}


def was_read(kept: dict[str, Any], column: str, now: object, number: bool = False
             ) -> str | None:
    """On a corrected row (`kept`: the columns the database keeps beside its fields), what
    the machine read, shown small beneath the correction `now`; None where nothing was."""
    read = kept.get(f"{column}_read")
    if kept.get("corrected") != 1 or read == now:
        return None
    shown = vn_number(read, 4) if number and read is not None else (read or "—")
    return _("read: {value}").format(value=shown)


def figure_edit(f: Figure, kept: dict[str, Any]) -> dict:
    """What the value cell lets a person correct: the value as shown, the kind, and whether
    it is a figure at all."""
    not_figure = f.kind == NOT_A_FIGURE
    return {"shown": "" if f.value is None else vn_number(f.value, 6),
            "value_read": was_read(kept, "value", f.value, number=True),
            "kind": kept.get("kind_read") if not_figure else f.kind, "not_figure": not_figure}


def kinds() -> list[tuple[str, str]]:
    """The figure kinds a person may choose, with their names."""
    return [(k, code_name(k)) for k in get_args(FigureKind)]


def labels() -> dict[str, str]:
    """The words of the corrections panel and the value cells."""
    return {"corrections": _("Corrections"), "name": _("your name"), "note": _("note (why)"),
            "save": _("Save corrections"), "not_a_figure": _("not a figure"),
            "how": _("Click a value, unit, table cell or detail to correct it. Saving downloads "
                     "a file; apply it with: baocao correct --from FILE")}


def messages() -> dict[str, str]:
    """What static/review.js says, in the interface's language (BAOCAO_MSG)."""
    return {"bad": _("Not a number (write it as 8.699.280.000 or 12,5):"),
            "none": _("Nothing was changed.")}
