"""`baocao export --format json|markdown`: each document whole, read back from the database
as the pipeline stored it (nothing is processed again). JSON in the manner of Docling's
export: the metadata, pages, the tree of sections, items, figures with their place on the
page, printed tables with their cells and grid. Markdown: the text to read, with headings,
tables and the figures found."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from baocao import store
from baocao.datamodel import DocumentResult
from baocao.i18n import _
from baocao.outputs.export import merged_tables
from baocao.outputs.format import vn_number
from baocao.store import StoredDocument

JSON_SCHEMA = "baocao.document"
JSON_VERSION = 1
BOX = ("left", "top", "right", "bottom")


def frame(doc: StoredDocument, table: str) -> pd.DataFrame:
    """A table's rows of the document as stored, typed by the schema as `export` reads them."""
    return store.typed(pd.DataFrame(list(doc.rows(table)), columns=doc.columns[table]))


def records(doc: StoredDocument, table: str) -> list[dict]:
    """The rows as JSON values: empty cells None, numbers in full, doc_id left out."""
    return json.loads(frame(doc, table).drop(columns="doc_id").to_json(
        orient="records", double_precision=15, force_ascii=False, date_format="iso"))


def export_documents(db: str | Path, format: str, out: Path, doc_id: str | None = None
                     ) -> list[Path]:
    """One file per document (only doc_id's with one), named after the document's file."""
    docs = store.query(db, "SELECT doc_id, filename FROM documents ORDER BY filename, doc_id")
    if doc_id is not None:
        docs = docs[docs["doc_id"] == doc_id]
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    engine = store.reader(db)
    try:
        return [_export(store.load_stored(engine, d.doc_id), format, out, _stem(d, taken))
                for d in docs.itertuples()]
    finally:
        engine.dispose()


def _stem(d, taken: set[str]) -> str:
    """The file's name without its suffix, or of its id; a second one with its id added."""
    stem = Path(str(d.filename or d.doc_id[:12])).stem
    if stem in taken:  # scan.pdf and scan.png
        stem = f"{stem}_{d.doc_id[:8]}"
    taken.add(stem)
    return stem


def _export(document: StoredDocument, format: str, out: Path, stem: str) -> Path:
    if format == "json":
        path = out / f"{stem}.json"
        text = json.dumps(as_json(document), ensure_ascii=False, indent=1)
    else:
        path = out / f"{stem}.md"
        text = as_markdown(document)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _placed(row: dict) -> dict:
    """A row's box_* columns as one "box" (None where it has none) and char_start/char_end
    as one "span"."""
    sides = [row.pop(f"box_{side}", None) for side in BOX]
    row["box"] = None if all(s is None for s in sides) else dict(zip(BOX, sides, strict=True))
    if "char_start" in row:
        row["span"] = {"start": row.pop("char_start"), "end": row.pop("char_end", None)}
    return row


def as_json(doc: StoredDocument) -> dict:
    """The document for programs: sections as a tree (children under their parent), places
    on the page as "box" and "span", each printed table with its cells and grid."""
    sections = records(doc, "sections")
    children: dict[int | None, list[dict]] = {}
    for s in sections:
        s["children"] = children.setdefault(s["section_id"], [])
    known = {s["section_id"] for s in sections}
    roots: list[dict] = []
    for s in sections:
        parent = s["parent_id"]
        (children[parent] if parent in known else roots).append(s)
    cells = records(doc, "table_cells")
    tables = []
    for t in records(doc, "tables"):
        mine = [_placed(c) for c in cells if c["table_id"] == t["table_id"]]
        grid = [[""] * (t["n_cols"] or 0) for _ in range(t["n_rows"] or 0)]
        for c in mine:  # as Docling's grid: a spanning cell's text in every place it covers
            for r in range(c["row"], min(c["row"] + (c["row_span"] or 1), len(grid))):
                for k in range(c["col"], min(c["col"] + (c["col_span"] or 1), len(grid[r]))):
                    grid[r][k] = c["text"] or ""
        tables.append({**_placed(t), "cells": [
            {k: v for k, v in c.items() if k != "table_id"} for c in mine], "grid": grid})
    [meta] = json.loads(frame(doc, "documents").to_json(
        orient="records", force_ascii=False, double_precision=15))
    return {
        "schema_name": JSON_SCHEMA, "version": JSON_VERSION,
        "document": meta,
        "pages": records(doc, "pages"),
        "sections": roots,
        "items": records(doc, "items"),
        "figures": [_placed(f) for f in records(doc, "figures")],
        "tables": tables,
        "flags": records(doc, "flags"),
    }


def _label_lines(d: DocumentResult) -> list[str]:
    """The title block: what the document says of itself."""
    m = d.metadata
    date = m.doc_date or ""
    if m.doc_date_precision in ("day", "month"):
        date = "/".join(reversed(date.split("-")))  # 2023-12-15 → 15/12/2023
    fields = [(_("File"), d.filename), (_("Type"), m.doc_type),
              (_("Number"), m.doc_number), (_("Date"), date),
              (_("Province"), m.province), (_("Issuer"), m.issuer),
              (_("Period"), m.period), (_("Signed by"), m.signer),
              (_("Pages"), d.n_pages)]
    return [f"- **{name}:** {value}" for name, value in fields if value not in (None, "")]


def _flat(text: str | None) -> str:
    return " ".join(str(text or "").split())


def markdown_table(frame: pd.DataFrame) -> list[str]:
    """A GitHub-flavoured Markdown table: the header, then one line per row."""
    def row(values) -> str:
        return "| " + " | ".join(_flat(v).replace("|", "\\|") for v in values) + " |"

    return [row(frame.columns), "|" + "---|" * len(frame.columns),
            *(row(r) for r in frame.itertuples(index=False))]


def as_markdown(doc: StoredDocument) -> str:
    """The document to read: its paragraphs under headings at their levels, each printed
    table after the text of the page it starts on, then the figures found."""
    d = doc.document
    lines = [f"# {_flat(d.metadata.title) or d.filename}", "", *_label_lines(d)]
    sections = {s.section_id: s for s in d.sections}
    merged = merged_tables(frame(doc, "tables"), frame(doc, "table_cells")) if d.tables else {}
    pending = [t for t in d.tables if (d.doc_id, t.table_id) in merged]
    shown: set[int] = set()

    def heading_lines(section_id: int | None) -> list[str]:
        """The headings of the section and of its parents not shown yet, outermost first."""
        chain = []
        while section_id in sections and section_id not in shown:
            shown.add(section_id)
            chain.append(sections[section_id])
            section_id = sections[section_id].parent_id
        return [line for s in reversed(chain) if s.heading
                for line in ("", "#" * min((s.level or 1) + 1, 6) + " " + _flat(s.heading))]

    def table_lines(before_page: float) -> list[str]:
        """The printed tables that start before the page, each under its caption."""
        out = []
        while pending and pending[0].page_no < before_page:
            t = pending.pop(0)
            title = _flat(t.caption) or _flat(t.label) or _("Table {n}").format(n=t.table_id + 1)
            unit = " (" + _("unit: {unit}").format(unit=t.unit) + ")" if t.unit else ""
            out += ["", f"**{title}**{unit}", "",
                    *markdown_table(merged[(d.doc_id, t.table_id)])]
        return out

    for p in d.passages:
        lines += table_lines(p.page_no)
        lines += heading_lines(p.section_id)
        text = _flat(p.text)
        section = sections.get(p.section_id)
        heading = _flat(section.heading if section else None)
        if heading and text.startswith(heading):  # the heading's line, shown as a heading
            text = text[len(heading):].strip()
        if text:
            lines += ["", "\\" + text if text.startswith("#") else text]
    lines += table_lines(float("inf"))
    if d.figures:
        lines += ["", "## " + _("Figures"), ""]
        for f in d.figures:
            value = " ".join(str(x) for x in (vn_number(f.value), f.unit) if x)
            about = f": {_flat(f.subject)}" if f.subject else ""
            lines.append(f"- {_flat(f.raw)} (= {value}){about} — "
                         + _("page {n}").format(n=f.page_no))
    return "\n".join(lines)
