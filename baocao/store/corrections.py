"""Corrections people make to what baocao read (a figure's value, a table cell, a document's
number, 'not a figure', 'this figure to check is right', 'this page was checked'), kept in
their own table and applied again after every write of their document, in the same
transaction. A correction names its target by what a re-run keeps: the page and the position
or text of the thing, never a row id."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, Float, Integer, insert, select, update

from baocao.errors import BaocaoError
from baocao.store.database import lock
from baocao.store.schema import (
    corrections,
    documents,
    figures,
    items,
    pages,
    passages,
    sections,
    table_cells,
    tables,
)

NOT_A_FIGURE = "not_a_figure"
# A figure to check that a person confirmed (to_check 0): totals count it again.
TO_CHECK = "to_check"
# What a person may correct, by target. 'checked' marks a page or document checked by a
# person (1) or not (0); it corrects nothing the machine read.
FIELDS = {
    "figure": ("value", "unit", "kind", NOT_A_FIGURE, TO_CHECK),
    "cell": ("text", "value"),
    "section": ("kind",),
    "document": ("province", "province_2025", "issuer", "title", "doc_number", "doc_date",
                 "period", "year_start", "year_end", "doc_type", "doc_code", "signer",
                 "signer_title", "checked"),
    "page": ("checked",),
}
# The columns naming what a correction corrects; with what it says, a correction's record as
# the review page saves it, `export` writes it and `baocao correct --from` reads it.
KEY = ("doc_id", "target", "page_no", "char_start", "char_end", "table_no", "row", "col",
       "target_text")
RECORD = (*KEY, "field", "old_value", "new_value", "note", "author", "created_at")
# A correction already in the database is not added twice (a file applied again).
SAME = (*KEY, "field", "new_value", "author", "created_at")
# Where a correction's machine reading is kept, by table: value_read beside value.
READ = {"figures": ("value", "unit", "kind", TO_CHECK), "table_cells": ("text", "value"),
        "sections": ("kind",)}
_PRECISION = {10: "day", 7: "month", 4: "year"}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stamp(when: str | None) -> str:
    """When a correction was made, in one form whatever wrote it (the review page's
    2024-05-02T08:00:00.000Z, a Parquet export's 2024-05-02 08:00:00+00:00): UTC, seconds."""
    if not when:
        return now()
    try:
        moment = datetime.fromisoformat(str(when))
    except ValueError:
        return str(when)
    moment = moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone(timezone.utc)
    return moment.isoformat(timespec="seconds")


def add(engine: Engine, records: Iterable[dict]) -> tuple[list[int], int]:
    """Store corrections and apply their documents' corrections again, in one transaction
    under the writers' lock: two people correcting one document at once both keep theirs.
    A record may name its target by figure_id, table_id or section_id as they are now.
    Returns the new corrections' ids and how many were there already."""
    added, same = [], 0
    with engine.begin() as conn:
        lock(conn)
        for record in records:
            row = {k: record.get(k) for k in RECORD} | _key_now(conn, record)
            row["created_at"] = _stamp(row["created_at"])
            there = select(corrections.c.correction_id).where(
                *(corrections.c[k].is_(None) if row[k] is None else corrections.c[k] == row[k]
                  for k in SAME))
            if conn.execute(there).first():
                same += 1
                continue
            added.append(conn.execute(insert(corrections).values(**row)).inserted_primary_key[0])
        for doc_id in set(conn.execute(select(corrections.c.doc_id).where(
                corrections.c.correction_id.in_(added))).scalars()):
            apply(conn, doc_id)
    return added, same


def _key_now(conn: Connection, record: dict) -> dict:
    """A target named by today's row ids (figure 12, table 1, section 3) as the key that
    survives a re-run: its page and position or text."""
    doc_id = record["doc_id"]
    if record.get("figure_id") is not None:
        f = conn.execute(select(figures).where(figures.c.doc_id == doc_id,
                                               figures.c.figure_id == record["figure_id"])
                         ).first()
        if f is None:
            raise BaocaoError(f"no figure {record['figure_id']} in document {doc_id[:12]}")
        if f.table_id is not None:
            return {"target": "figure", "target_text": f.raw,
                    **_cell_key(conn, doc_id, f.table_id, f.table_row, f.table_col)}
        return {"target": "figure", "page_no": f.page_no, "char_start": f.char_start,
                "char_end": f.char_end, "target_text": f.raw}
    if record.get("table_id") is not None:
        return {"target": "cell", **_cell_key(conn, doc_id, record["table_id"], record["row"],
                                              record["col"])}
    if record.get("section_id") is not None:
        s = conn.execute(select(sections).where(sections.c.doc_id == doc_id,
                                                sections.c.section_id == record["section_id"])
                         ).first()
        if s is None or not s.heading:
            raise BaocaoError(f"no heading {record['section_id']} in document {doc_id[:12]}")
        return {"target": "section", "page_no": s.page_start, "target_text": s.heading}
    return {}


def _cell_key(conn: Connection, doc_id: str, table_id: int, row: int, col: int) -> dict:
    """A cell by its table's page and place among the tables of that page, row and column."""
    page_no = conn.execute(select(tables.c.page_no).where(
        tables.c.doc_id == doc_id, tables.c.table_id == table_id)).scalar()
    ids = _table_ids(conn, doc_id, page_no)
    if table_id not in ids:
        raise BaocaoError(f"no table {table_id} in document {doc_id[:12]}")
    return {"page_no": page_no, "table_no": ids.index(table_id), "row": row, "col": col}


def _table_ids(conn: Connection, doc_id: str, page_no: int | None) -> list[int]:
    return list(conn.execute(select(tables.c.table_id).where(
        tables.c.doc_id == doc_id, tables.c.page_no == page_no).order_by(tables.c.table_id))
        .scalars())


def find_target(conn: Connection, c) -> tuple[str, tuple] | None:
    """The row a correction corrects now: its table and key; None when it is gone. A figure
    not at its place any more is found by its text on its page, where only one reads so."""
    doc = c.doc_id

    def first(column, *where) -> list:
        return list(conn.execute(select(column).where(*where)).scalars())

    if c.target == "document":
        found = first(documents.c.doc_id, documents.c.doc_id == doc)
        return ("documents", ()) if found else None
    if c.target == "page":
        found = first(pages.c.page_no, pages.c.doc_id == doc, pages.c.page_no == c.page_no)
        return ("pages", (c.page_no,)) if found else None
    if c.target == "section":
        found = first(sections.c.section_id, sections.c.doc_id == doc,
                      sections.c.page_start == c.page_no, sections.c.heading == c.target_text)
        return ("sections", (min(found),)) if found else None
    table_id = None
    if c.table_no is not None:
        ids = _table_ids(conn, doc, c.page_no)
        if not 0 <= c.table_no < len(ids):
            return None
        table_id = ids[c.table_no]
    if c.target == "cell":
        found = first(table_cells.c.row, table_cells.c.doc_id == doc,
                      table_cells.c.table_id == table_id, table_cells.c.row == c.row,
                      table_cells.c.col == c.col)
        return ("table_cells", (table_id, c.row, c.col)) if found else None
    f = figures.c
    if table_id is not None:
        found = first(f.figure_id, f.doc_id == doc, f.table_id == table_id,
                      f.table_row == c.row, f.table_col == c.col)
    else:
        found = first(f.figure_id, f.doc_id == doc, f.page_no == c.page_no,
                      f.char_start == c.char_start, f.char_end == c.char_end,
                      f.raw == c.target_text)
        if not found:
            found = first(f.figure_id, f.doc_id == doc, f.page_no == c.page_no,
                          f.table_id.is_(None), f.raw == c.target_text)
            found = found if len(found) == 1 else []
    return ("figures", (found[0],)) if found else None


def apply(conn: Connection, doc_id: str) -> Counter:
    """Apply the document's corrections in the order they were made (a later one of the same
    thing wins, the earlier 'superseded'), inside the caller's transaction; record each one's
    status and the machine's reading (old_value). Returns the count of each status."""
    found = conn.execute(select(corrections).where(corrections.c.doc_id == doc_id)
                         .order_by(corrections.c.correction_id)).all()
    where, status, latest = {}, {}, {}
    for c in found:
        where[c.correction_id] = find_target(conn, c)
        if where[c.correction_id] is None:
            status[c.correction_id] = "missing"
            continue
        thing = (*where[c.correction_id], c.field)
        if thing in latest:
            status[latest[thing].correction_id] = "superseded"
        latest[thing] = c
        status[c.correction_id] = "applied"
    by_row: dict[tuple[str, tuple], dict[str, str | None]] = {}
    for (table, key, field), c in latest.items():
        by_row.setdefault((table, key), {})[field] = c.new_value
    _cells_to_figures(conn, doc_id, by_row)
    # a document's fields have no *_read column: their reading is in old_value
    earlier = {}
    for c in found:
        if c.target == "document" and c.applied_at is not None:
            earlier.setdefault(c.field, c.old_value)
    machine: dict[tuple, str | None] = {}
    for (table, key), fields in by_row.items():
        read = _APPLY[table](conn, doc_id, key, fields, earlier)
        machine.update({(table, key, field): value for field, value in read.items()})
    when = now()
    for c in found:
        values = {"status": status[c.correction_id]}
        if where[c.correction_id] is not None:
            values |= {"applied_at": when,
                       "old_value": machine.get((*where[c.correction_id], c.field))}
        conn.execute(update(corrections).where(
            corrections.c.correction_id == c.correction_id).values(**values))
    return Counter(status.values())


def _cells_to_figures(conn: Connection, doc_id: str, by_row: dict) -> None:
    """A corrected cell's number corrects the figure read from it (in its unit: triệu đồng
    → đồng), unless that figure is corrected itself."""
    for (table, key), fields in list(by_row.items()):
        if table != "table_cells" or "value" not in fields:
            continue
        cell = _row(conn, table_cells, doc_id, key)
        f = conn.execute(select(figures).where(
            figures.c.doc_id == doc_id, figures.c.table_id == key[0],
            figures.c.table_row == key[1], figures.c.table_col == key[2])).first()
        cell_read, figure_read = _machine(cell, "value"), _machine(f, "value") if f else None
        if not cell_read or figure_read is None:
            continue
        new = _typed(Float(), fields["value"])
        value = None if new is None else round(new * figure_read / cell_read, 6)
        by_row.setdefault(("figures", (f.figure_id,)), {}).setdefault("value", as_text(value))


def _row(conn: Connection, table, doc_id: str, key: tuple):
    pk = [c for c in table.primary_key.columns if c.name != "doc_id"]
    return conn.execute(select(table).where(
        table.c.doc_id == doc_id, *(c == v for c, v in zip(pk, key, strict=True)))).first()


def _machine(row, column: str):
    """The machine's reading of a column: beside it once the row is corrected."""
    return getattr(row, f"{column}_read") if row.corrected == 1 else getattr(row, column)


def _corrected(conn: Connection, table, doc_id: str, key: tuple, fields: dict,
               extra: dict | None = None) -> dict:
    """Set a row's corrected columns from the machine's reading and the corrections, the
    reading kept beside; return the readings as text."""
    row = _row(conn, table, doc_id, key)
    read = {c: _machine(row, c) for c in READ[table.name]}
    new = dict(read) | {c: _typed(table.c[c].type, v) for c, v in fields.items() if c in read}
    if fields.get(NOT_A_FIGURE) == "1":
        new |= {"kind": NOT_A_FIGURE, "value": None}
    if table is figures and TO_CHECK not in fields and fields.keys() & {"value", "unit", "kind"}:
        new[TO_CHECK] = 0  # a person who wrote its right value has checked it
    values = {f"{c}_read": v for c, v in read.items()} | new | {"corrected": 1}
    if table is figures and row.value is not None and new["value"] is not None \
            and row.value_low == row.value == row.value_high:
        values |= {"value_low": new["value"], "value_high": new["value"]}
    pk = [c for c in table.primary_key.columns if c.name != "doc_id"]
    conn.execute(update(table).where(
        table.c.doc_id == doc_id, *(c == v for c, v in zip(pk, key, strict=True)))
        .values(**values, **(extra or {})))
    return {c: as_text(v) for c, v in read.items()} | {NOT_A_FIGURE: read.get("kind")}


def _figure(conn: Connection, doc_id: str, key: tuple, fields: dict, _earlier: dict) -> dict:
    return _corrected(conn, figures, doc_id, key, fields)


def _cell(conn: Connection, doc_id: str, key: tuple, fields: dict, _earlier: dict) -> dict:
    return _corrected(conn, table_cells, doc_id, key, fields)


def _section(conn: Connection, doc_id: str, key: tuple, fields: dict, _earlier: dict) -> dict:
    """A heading's kind, and the section kind of the rows under it."""
    row = _row(conn, sections, doc_id, key)
    kind = fields.get("kind") or _machine(row, "kind")
    inherited = kind if kind != "other" else row.inherited_kind
    read = _corrected(conn, sections, doc_id, key, fields, {"inherited_kind": inherited})
    for table in (figures, items, passages):
        conn.execute(update(table).where(table.c.doc_id == doc_id,
                                         table.c.section_id == key[0])
                     .values(section_kind=inherited))
    return read


def _document(conn: Connection, doc_id: str, _key: tuple, fields: dict, earlier: dict
              ) -> dict:
    """A document's fields; the machine's reading of one corrected before is in that
    correction's old_value."""
    row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).mappings().one()
    values, read = {}, {}
    for field, new in fields.items():
        values[field] = _typed(documents.c[field].type, new)
        if field == "checked":
            values[field] = values[field] or 0
            continue
        read[field] = earlier.get(field) if row["corrected"] == 1 and field in earlier \
            else as_text(row[field])
        values["corrected"] = 1
        if field == "doc_date":
            values["doc_date_precision"] = _PRECISION.get(len(new or ""))
    conn.execute(update(documents).where(documents.c.doc_id == doc_id).values(**values))
    return read


def _page(conn: Connection, doc_id: str, key: tuple, fields: dict, _earlier: dict) -> dict:
    conn.execute(update(pages).where(pages.c.doc_id == doc_id, pages.c.page_no == key[0])
                 .values(checked=_typed(Integer(), fields.get("checked")) or 0))
    return {}


_APPLY = {"figures": _figure, "table_cells": _cell, "sections": _section,
          "documents": _document, "pages": _page}


def _typed(kind, text: str | None):
    """A correction's new value (text) as the column stores it; empty is none."""
    if text is None or str(text).strip() == "":
        return None
    if isinstance(kind, Float):
        return float(text)
    if isinstance(kind, Integer):
        return int(float(text))
    return str(text)


def as_text(value) -> str | None:
    """A reading as a correction's text: 8699280000, not 8.69928e+09."""
    if value is None:
        return None
    return f"{value:.15g}" if isinstance(value, float) else str(value)


def statuses(engine: Engine, doc_ids: Iterable[str]) -> Counter:
    """How the corrections of these documents stand: applied, superseded, missing."""
    ids = list(doc_ids)
    if not ids:
        return Counter()
    with engine.connect() as conn:
        return Counter(conn.execute(select(corrections.c.status).where(
            corrections.c.doc_id.in_(ids))).scalars())
