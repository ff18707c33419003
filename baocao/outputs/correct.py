"""Corrections as the user makes them: from the command line (`baocao correct DOC 12 --value
…`) or from a file (the review page's JSON, an exported corrections CSV or Parquet), checked
and turned into records for store/corrections.py, and told back as lines."""

from __future__ import annotations

import getpass
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import get_args

import pandas as pd

from baocao import store
from baocao.datamodel import SECTION_KINDS, FigureKind
from baocao.errors import BaocaoError
from baocao.i18n import _, ngettext, number
from baocao.outputs.formulas import restored
from baocao.outputs.review_edit import big_change, in_scale, parse_number, typed_value
from baocao.store.corrections import (
    FIELDS,
    KEY,
    NOT_A_FIGURE,
    RECORD,
    TO_CHECK,
    add,
    as_text,
    find_target,
    statuses,
)

INTEGER_KEYS = ("page_no", "char_start", "char_end", "table_no", "row", "col")


def who(by: str | None) -> str:
    """Who corrects: the name given, else the user logged in."""
    return by or getpass.getuser()


def command_records(db: str, doc: dict, figure: int | None, options: dict) -> list[dict]:
    """The corrections one `baocao correct DOC …` line asks for, targets by today's ids."""
    base = {"doc_id": doc["doc_id"], "note": options["note"], "author": who(options["by"])}
    given = {k: options[k] for k in ("value", "unit", "kind", "text") if options[k] is not None}
    out: list[dict] = []
    if figure is not None:
        _exists(db, doc, "figures", f"figure_id = {int(figure)}",
                _("no figure {n} in this document").format(n=figure))
        if "text" in given:
            raise BaocaoError(_("--text corrects a table cell (--cell); a figure takes "
                                "--value, --unit, --kind, --not-a-figure or --confirm"))
        for field, value in given.items():
            new = figure_value(db, doc, figure, value, options) if field == "value" \
                else _checked_value("figure", field, value)
            out.append(base | {"figure_id": figure, "field": field, "new_value": new})
        if options["not_a_figure"]:
            out.append(base | {"figure_id": figure, "field": NOT_A_FIGURE, "new_value": "1"})
        if options.get("confirm"):
            out.append(base | {"figure_id": figure, "field": TO_CHECK, "new_value": "0"})
    elif options.get("confirm"):
        raise BaocaoError(_("--confirm confirms a figure: name its FIGURE_ID"))
    elif options["cell"]:
        table, row, col = _cell_place(options["cell"])
        _exists(db, doc, "table_cells", f'table_id = {table} AND "row" = {row} AND col = {col}',
                _("no cell {cell} in this document").format(cell=options["cell"]))
        wrong = set(given) - {"value", "text"}
        if wrong:
            raise BaocaoError(_("a table cell takes --text or --value"))
        for field, value in given.items():
            out.append(base | {"table_id": table, "row": row, "col": col, "field": field,
                               "new_value": _checked_value("cell", field, value)})
    elif options["section"] is not None:
        _exists(db, doc, "sections", f"section_id = {int(options['section'])} AND "
                "heading IS NOT NULL AND heading <> ''",
                _("no heading {n} in this document").format(n=options["section"]))
        if set(given) != {"kind"}:
            raise BaocaoError(_("a section takes --kind"))
        out.append(base | {"section_id": options["section"], "field": "kind",
                           "new_value": _checked_value("section", "kind", given["kind"])})
    elif options["field"]:
        if "value" not in given:
            raise BaocaoError(_("--field needs --value"))
        out.append(base | {"target": "document", "field": options["field"],
                           "new_value": _checked_value("document", options["field"],
                                                       given["value"])})
    if options["checked"] is not None:
        target = {"target": "document"} if options["page"] is None else {
            "target": "page", "page_no": options["page"]}
        if options["page"] is not None:
            _exists(db, doc, "pages", f"page_no = {int(options['page'])}",
                    _("no page {n} in this document").format(n=options["page"]))
        out.append(base | target | {"field": "checked",
                                    "new_value": "1" if options["checked"] else "0"})
    if not out:
        raise BaocaoError(_("nothing to correct: name a FIGURE_ID, --cell, --section or "
                            "--field with the new value, or give --checked"))
    return out


def figure_value(db: str, doc: dict, figure: int, typed: str, options: dict) -> str | None:
    """A figure's new value as typed, in full units: a number alone is in the scale the
    figure is printed in (6.820 on "6.420 triệu đồng" is 6.820 triệu đồng, as the review page
    shows it); one with its unit or scale ("6,82 tỷ đồng") is read as the page is. A change
    of 100 times or more is refused without --force: most likely another scale typed."""
    if not typed.strip():
        return None
    f = _figure(db, doc["doc_id"], figure)
    kind = options["kind"] or f["kind"]  # a new kind: the values are not comparable
    new = typed_value(typed.strip(), f, kind, options["unit"] or f["unit"])
    if not options.get("force") and kind == f["kind"] and big_change(f["value"], new):
        raise BaocaoError(_("figure {n}: {change}; if it is right, add --force").format(
            n=figure, change=_change(f, new)))
    return as_text(new)


def _figure(db: str, doc_id: str, figure: int) -> dict:
    """A figure's value now, scale, unit and kind."""
    found = store.query(db, "SELECT value, scale, unit, kind FROM figures WHERE doc_id = "
                            f"'{doc_id}' AND figure_id = {int(figure)}")
    return found.astype(object).where(found.notna(), None).iloc[0].to_dict()


def _change(f: dict, new: float) -> str:
    """A change of a figure's value, both in its printed scale: 6.420 triệu đồng → 6.820.000
    triệu đồng."""
    return _("{old} → {new} is a change of 100 times or more").format(
        old=in_scale(f["value"], f["scale"], f["unit"]),
        new=in_scale(new, f["scale"], f["unit"]))


def big_changes(db: str, records: list[dict], force: bool, path: Path
                ) -> tuple[list[dict], list[str]]:
    """A file's records to apply, and a line for each figure value it changes 100 times or
    more that neither --force nor the file confirms (the review page asked its author and
    wrote "force"): that one is left out, the others applied."""
    asked = [not (r.pop("force", False) or force) and r["new_value"] is not None
             and (r["target"], r["field"]) == ("figure", "value") for r in records]
    if not any(asked):
        return records, []
    keep, refused = [], []
    with store.connect(db).connect() as conn:
        for n, (record, check) in enumerate(zip(records, asked, strict=True), 1):
            target = check and find_target(conn, SimpleNamespace(**{k: record.get(k)
                                                                   for k in KEY}))
            f = _figure(db, record["doc_id"], target[1][0]) if target else None
            new = float(record["new_value"]) if f else None
            if f and big_change(f["value"], new):
                refused.append(_("{path}: correction {n}, {what}: {change}; not applied (if "
                                 "it is right, apply the file with --force)").format(
                    path=path, n=n, what=what(record), change=_change(f, new)))
            else:
                keep.append(record)
    return keep, refused


def _exists(db: str, doc: dict, table: str, where: str, message: str) -> None:
    found = store.query(db, f"SELECT count(*) AS n FROM {table} WHERE doc_id = "
                            f"'{doc['doc_id']}' AND {where}")
    if not int(found["n"].iloc[0]):
        raise BaocaoError(message)


def _cell_place(text: str) -> tuple[int, int, int]:
    """TABLE:ROW:COL as the review page numbers them, from 1, as the tables' ids, from 0."""
    try:
        table, row, col = (int(part) - 1 for part in text.split(":"))
    except ValueError:
        raise BaocaoError(_("--cell: write TABLE:ROW:COL as the review page numbers them, "
                            "e.g. 1:3:4")) from None
    return table, row, col


def _checked_value(target: str, field: str, value: str) -> str | None:
    """A new value as the corrections table keeps it, refused where it cannot be one."""
    if field not in FIELDS[target]:
        raise BaocaoError(_("cannot correct {field}; choose among: {fields}").format(
            field=field, fields=", ".join(f for f in FIELDS[target] if f != "checked")))
    value = value.strip()
    if not value:
        return None
    if field == "value":
        return as_text(parse_number(value))
    if field == "kind":
        kinds = get_args(FigureKind) if target == "figure" else SECTION_KINDS
        if value not in kinds:
            raise BaocaoError(_("kind {kind}: choose among {kinds}").format(
                kind=value, kinds=", ".join(kinds)))
    if field in ("year_start", "year_end") and not value.isdigit():
        raise BaocaoError(_("{field}: a year, such as 2023").format(field=field))
    if field == "doc_date":
        return _iso_date(value)
    return value


def _iso_date(value: str) -> str:
    """A date as written in Vietnam (15/12/2023, 12/2023) or ISO (2023-12-15), as ISO."""
    parts = value.split("/") if "/" in value else value.split("-")[::-1]
    try:
        day = [int(p) for p in parts]
        if len(day) == 3:
            return date(day[2], day[1], day[0]).isoformat()
        if len(day) == 2:
            return date(day[1], day[0], 1).isoformat()[:7]
        if len(day) == 1 and 1000 <= day[0] <= 9999:
            return str(day[0])
    except ValueError:
        pass
    raise BaocaoError(_("doc_date: a date such as 15/12/2023 or 2023-12-15, not {value}")
                      .format(value=value))


def file_records(path: Path, by: str | None) -> list[dict]:
    """The corrections of a file: the review page's JSON, or an export of the corrections
    table (CSV or Parquet) from this or another database."""
    if not path.is_file():
        raise BaocaoError(_("no such file: {path}").format(path=path))
    try:
        if path.suffix.lower() == ".json":
            found = _json_corrections(path, json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix.lower() == ".parquet":
            found = pd.read_parquet(path).astype(object).to_dict("records")
        else:
            # the export's CSV: its texts as they were before neutralised()
            found = pd.read_csv(path, encoding="utf-8-sig", dtype=str,
                                keep_default_na=False).map(restored).to_dict("records")
    except (ValueError, OSError) as exc:
        raise BaocaoError(_("cannot read corrections from {path}: {error}").format(
            path=path, error=exc)) from None
    except RecursionError:  # json.loads of [[[[…]]]] nested deeper than Python recurses
        raise BaocaoError(_("cannot read corrections from {path}: nested too deeply").format(
            path=path)) from None
    if not found:
        raise BaocaoError(_("no corrections found in {path}").format(path=path))
    records = []
    for n, item in enumerate(found, 1):
        try:
            record = {k: _cleaned(k, item.get(k)) for k in RECORD}
        except (TypeError, ValueError, OverflowError):
            raise BaocaoError(_("{path}: correction {n} has a list, an object or a word where "
                                "a value or a whole number belongs").format(path=path, n=n)
                              ) from None
        if not re.fullmatch(r"[0-9a-f]{64}", record["doc_id"] or "") \
                or record["field"] not in FIELDS.get(record["target"], ()):
            raise BaocaoError(_("{path}: correction {n} names no document, or a target and "
                                "field baocao does not know").format(path=path, n=n))
        if not _placed(record):
            raise BaocaoError(_("{path}: correction {n} does not say where what it corrects "
                                "is (it needs {keys})").format(
                path=path, n=n, keys=", ".join(PLACES[record["target"]][0])))
        record["author"] = record["author"] or who(by)
        record["new_value"] = _file_value(record)
        record["force"] = str(item.get("force")).lower() in ("true", "1", "1.0")
        records.append(record)
    return records


# What a correction of a file must give to find its target again (any one of the sets): a
# figure by its place in the text or its table cell, a cell by its table on its page.
PLACES: dict[str, tuple[tuple[str, ...], ...]] = {
    "document": ((),),
    "page": (("page_no",),),
    "section": (("page_no", "target_text"),),
    "figure": (("page_no", "char_start", "char_end"), ("page_no", "table_no", "row", "col")),
    "cell": (("page_no", "table_no", "row", "col"),),
}


def _placed(record: dict) -> bool:
    """Whether the record names its target's place; one that does not could never apply."""
    return any(all(record[k] is not None for k in keys) for keys in PLACES[record["target"]])


def _json_corrections(path: Path, data: object) -> list[dict]:
    """The corrections of a JSON file: a list of objects, or an object whose "corrections" is
    one (the review page saves {"format": "baocao-corrections", "corrections": […]})."""
    found = data.get("corrections") if isinstance(data, dict) else data
    if not isinstance(found, list) or not all(isinstance(item, dict) for item in found):
        raise BaocaoError(_("{path}: expected a list of corrections, each an object "
                            "(\"doc_id\", \"target\", \"field\", \"new_value\"…), or an "
                            "object with such a list under \"corrections\", as the review "
                            "page saves").format(path=path))
    return found


def _file_value(record: dict) -> str | None:
    """A file's new value, checked as the command line's: numbers are already plain there
    (8699280000), as the review page and the export write them."""
    new, field = record["new_value"], record["field"]
    if new is None:
        return None
    if field in ("checked", NOT_A_FIGURE, TO_CHECK):
        return "1" if new in ("1", "1.0", "true", "True") else "0"
    if field == "value":
        try:
            return as_text(float(new))
        except ValueError:
            raise BaocaoError(_("not a number: {text} (write it as 8.699.280.000 or 12,5)")
                              .format(text=new)) from None
    return _checked_value(record["target"], field, new)


def _cleaned(column: str, value: object) -> object:
    """A file's cell as the table keeps it: empty is none, keys are integers."""
    if isinstance(value, dict | list | tuple):
        raise TypeError(f"{column} holds a {type(value).__name__}")
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return None
    if column in INTEGER_KEYS:
        return int(float(value))
    if hasattr(value, "isoformat"):  # a Parquet file's time stamp
        return value.isoformat()
    return as_text(value) if isinstance(value, float) else str(value)


def with_cell_values(db: str, records: list[dict]) -> list[dict]:
    """A cell's corrected text holds its number: a correction of its value follows, read
    in its table's number format, unless the file corrects the value itself."""
    from baocao.nlp.table_numbers import cell_number, parse

    def place(r: dict) -> tuple:
        return tuple(r.get(k) for k in (*KEY, "table_id"))

    cells = [r for r in records if r.get("target") == "cell" or r.get("table_id") is not None]
    valued = {place(r) for r in cells if r["field"] == "value"}
    out = []
    for r in records:
        out.append(r)
        if r not in cells or r["field"] != "text" or place(r) in valued:
            continue
        found = _cell_table(db, r)
        if found is None:
            continue
        fmt, had = found
        written = cell_number(r["new_value"] or "")
        value = parse(written[0], fmt) if written else None
        if value is None and had is None:
            continue
        value = -value if value is not None and written[2] else value
        out.append(r | {"field": "value", "new_value": as_text(value), "old_value": None})
    return out


def _cell_table(db: str, r: dict) -> tuple[str, float | None] | None:
    """The number format of a cell's table and the cell's value now; None when not found."""
    if r.get("table_id") is not None:
        where = f"t.table_id = {int(r['table_id'])}"
    elif r.get("page_no") is not None:
        where = f"t.page_no = {int(r['page_no'])}"
    else:
        return None
    found = store.query(db, f"""
SELECT t.number_format, c.value FROM tables t
LEFT JOIN table_cells c ON c.doc_id = t.doc_id AND c.table_id = t.table_id
     AND c."row" = {int(r["row"])} AND c.col = {int(r["col"])}
WHERE t.doc_id = '{r["doc_id"]}' AND {where} ORDER BY t.table_id""")
    n = 0 if r.get("table_id") is not None else r.get("table_no") or 0
    if not 0 <= n < len(found):
        return None
    had = found["value"].iloc[n]
    return found["number_format"].iloc[n], None if pd.isna(had) else float(had)


def save(db: str, records: list[dict]) -> tuple[pd.DataFrame, int]:
    """Store and apply the corrections; the new ones as the table has them now, and how many
    the database had already."""
    added, same = add(store.connect(db), records)
    ids = ", ".join(str(int(i)) for i in added) or "NULL"
    return store.query(db, f"SELECT * FROM corrections WHERE correction_id IN ({ids}) "
                           "ORDER BY correction_id"), same


def what(c: dict) -> str:
    """What a correction corrects, as a reader names it."""
    page = None if c.get("page_no") is None else int(c["page_no"])
    if c["target"] == "figure":
        return _("figure {text} (p. {page})").format(text=c["target_text"], page=page)
    if c["target"] == "cell":
        return _("table {table} on p. {page}, cell {row}:{col}").format(
            table=int(c["table_no"]) + 1, page=page, row=int(c["row"]) + 1,
            col=int(c["col"]) + 1)
    if c["target"] == "section":
        return _("heading {text} (p. {page})").format(text=c["target_text"], page=page)
    if c["target"] == "page":
        return _("page {n}").format(n=page)
    return _("the document")


def lines(frame: pd.DataFrame, with_file: bool = False) -> list[str]:
    """One line per correction: (its file,) what, which field, the machine's reading → the
    new value, its status and who made it."""
    names = {"applied": _("applied"), "superseded": _("replaced by a later one"),
             "missing": _("target gone")}
    out = []
    frame = frame.astype(object).where(frame.notna(), None)
    for c in frame.to_dict("records"):
        old = "—" if c["old_value"] is None else c["old_value"]
        new = "—" if c["new_value"] is None else c["new_value"]
        change = f"{c['field']} {old} → {new}"
        if c["field"] == NOT_A_FIGURE:
            change = _("not a figure") if new == "1" else _("a figure after all")
        elif c["field"] == "checked":
            change = _("checked by a person") if new == "1" else _("not checked")
        elif c["field"] == TO_CHECK:
            change = _("confirmed by a person: counted in totals") if new == "0" \
                else _("to check: left out of totals")
        where = f"{c.get('filename') or c['doc_id'][:12]}: " if with_file else ""
        out.append(f"#{c['correction_id']} {where}{what(c)}: {change} "
                   f"[{names.get(c['status'], c['status'])}], {c['author']}"
                   + (f": {c['note']}" if c.get("note") else ""))
    return out


def status_line(counts: Counter, run: bool = False) -> str | None:
    """How corrections stand, in one line (after a run, those it applied again); None when
    there are none."""
    total = sum(counts.values())
    if not total:
        return None
    if run:
        line = _("corrections: {applied} applied again").format(
            applied=number(counts["applied"]))
    else:
        line = ngettext("{n} correction: {applied} applied",
                        "{n} corrections: {applied} applied", total).format(
                            n=number(total), applied=number(counts["applied"]))
    if counts["superseded"]:
        line += _(", {n} replaced by a later one").format(n=number(counts["superseded"]))
    if counts["missing"]:
        line += _(", {n} whose target is gone (kept; 'baocao corrections FILE' lists them)"
                  ).format(n=number(counts["missing"]))
    return line


def run_line(engine, doc_ids: list[str]) -> str | None:
    """The run summary's line on the corrections applied again to the documents it wrote."""
    return status_line(statuses(engine, doc_ids), run=True)
