"""Reading a document back: its rows made into the dataclasses the pipeline wrote, the
inverse of rows(), by the same columns (columns.py). The rows hold what people corrected
(with the machine's reading beside it): the document read back is the corrected one."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from baocao.datamodel import (
    Cell,
    DocumentMetadata,
    DocumentResult,
    Figure,
    Flag,
    Item,
    PageContent,
    PageText,
    Paragraph,
    Passage,
    Section,
    Table,
)
from baocao.errors import BaocaoError
from baocao.store.columns import COLUMNS, PageRow
from baocao.store.database import display_name, engine_url, is_url, reason
from baocao.store.rows import row

# Each table's key, in the order its rows are read (words are not read back).
ORDER = {"documents": ["doc_id"], "pages": ["page_no"], "sections": ["section_id"],
         "items": ["item_id"], "figures": ["figure_id"], "flags": ["flag_id"],
         "passages": ["passage_id"], "tables": ["table_id"],
         "table_cells": ["table_id", "row", "col"]}


@dataclass
class StoredDocument:
    """A document as the database holds it: the typed document, and per table and row (in
    the order of the document's lists) the columns no field holds: a person's corrections
    (corrected, value_read…) and checks, the text as extracted, the counts, the row's place."""

    document: DocumentResult
    kept: dict[str, list[dict[str, Any]]]
    columns: dict[str, list[str]] = field(default_factory=dict)  # as the database has them

    def objects(self, table: str) -> list:
        """The table's objects in the order of its rows."""
        d = self.document
        texts = {t.page_no: t for t in d.texts}
        return {
            "documents": [d], "pages": [PageRow(p, texts.get(p.page_no)) for p in d.pages],
            "sections": d.sections, "items": d.items, "figures": d.figures,
            "flags": d.flags, "passages": d.passages, "tables": d.tables,
            "table_cells": [c for t in d.tables for c in t.cells],
        }[table]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The table's rows as stored, made again from the typed document and what is kept
        beside it; columns in the database's order."""
        for obj, kept in zip(self.objects(table), self.kept[table], strict=True):
            made = row(table, obj, **{c.name: None for c in COLUMNS[table] if c.placed})
            yield {name: kept[name] if name in kept else made.get(name)
                   for name in self.columns[table]}


def reader(db: str | Path | Engine) -> Engine:
    """An engine that reads the database as it is: a SQLite file opened read-only, nothing
    created or migrated."""
    if isinstance(db, Engine):
        return db
    if is_url(db):
        return create_engine(engine_url(db))
    uri = Path(db).resolve().as_uri() + "?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))


def load_document(db: str | Path | Engine, doc_id: str) -> DocumentResult:
    """The document as the pipeline wrote it, corrections applied: its fields and metadata,
    pages (without their lines), page texts, sections, items, passages, figures, tables with
    their cells, flags. A database made by an older baocao gives None for a column it lacks."""
    return load_stored(db, doc_id).document


def load_stored(db: str | Path | Engine, doc_id: str) -> StoredDocument:
    """The document and what its rows hold beside its fields (see StoredDocument)."""
    found: dict[str, list[Mapping[str, Any]]] = {}
    columns: dict[str, list[str]] = {}
    with _connection(db) as conn:
        present = set(inspect(conn).get_table_names())
        for table, order in ORDER.items():
            if table not in present:  # one an older baocao did not make (printed tables)
                columns[table], found[table] = [], []
                continue
            result = conn.execute(text(f'SELECT * FROM "{table}" WHERE doc_id = :doc_id '
                                       f"ORDER BY {_keys(order)}"), {"doc_id": doc_id})
            columns[table] = list(result.keys())
            found[table] = list(result.mappings())
    if not found["documents"]:
        raise BaocaoError(f"no document {doc_id} in the database")
    return _typed(found, columns)


def load_documents(db: str | Path | Engine, order: Sequence[str] = ORDER["documents"]
                   ) -> list[tuple[DocumentResult, dict[str, Any]]]:
    """Every document's own row typed (its fields and metadata; load_stored reads its pages,
    figures…) with the columns kept beside it (counts, checked), by `order` (none: as the
    database lists them): what a list of the documents shows."""
    with _connection(db) as conn:
        by = f" ORDER BY {_keys(order)}" if order else ""
        stored = list(conn.execute(text(f"SELECT * FROM documents{by}")).mappings())
    return [(_document(fields), kept) for fields, kept in
            (_parts("documents", row) for row in stored)]


@contextmanager
def _connection(db: str | Path | Engine) -> Iterator[Connection]:
    """A read-only connection; no database, or one that fails, said as store.query says it."""
    if not isinstance(db, Engine) and not is_url(db) and not Path(db).exists():
        raise BaocaoError(f"no database at {db}: run 'baocao run INPUT --db {db}' first")
    engine = reader(db)
    try:
        with engine.connect() as conn:
            yield conn
    except SQLAlchemyError as exc:
        where = f" on {display_name(db)}" if not isinstance(db, Engine) and is_url(db) else ""
        raise BaocaoError(f"the query failed{where}: {reason(exc)}") from exc
    finally:
        if engine is not db:
            engine.dispose()


def _keys(order: Sequence[str]) -> str:
    return ", ".join(f'"{k}"' for k in order)


def _document(fields: dict[str, dict], **lists: Any) -> DocumentResult:
    """A document from its row's fields (and its lists, where read)."""
    return DocumentResult(**fields[""], metadata=DocumentMetadata(**fields["metadata"]),
                          **lists)


def _parts(table: str, stored: Mapping[str, Any]) -> tuple[dict[str, dict], dict[str, Any]]:
    """A row's fields by the part they belong to ("": the object's own, "metadata"…), and the
    columns no field holds."""
    parts: dict[str, dict] = defaultdict(dict)
    kept = {}
    for c in COLUMNS[table]:
        if c.attr is None:
            kept[c.name] = stored.get(c.name)
            continue
        part, _, name = c.attr.rpartition(".")
        parts[part][name] = c.from_row(stored)
    return parts, kept


def _typed(found: dict[str, list], columns: dict[str, list[str]]) -> StoredDocument:
    """The dataclasses made from the rows, each list in key order, and the rest kept beside."""
    kept: dict[str, list[dict]] = {}

    def each(table: str) -> list[dict[str, dict]]:
        parts = [_parts(table, stored) for stored in found[table]]
        kept[table] = [extra for _, extra in parts]
        return [fields for fields, _ in parts]

    passages = [Passage(**p[""]) for p in each("passages")]
    paragraphs = [Paragraph(page_no=p.page_no, text=p.text, start=p.char_start)
                  for p in passages]
    on_page: dict[int, list[Paragraph]] = defaultdict(list)
    for paragraph in paragraphs:
        on_page[paragraph.page_no].append(paragraph)
    pages, texts = [], []
    for p in each("pages"):
        pages.append(PageContent(**p["page"], lines=[]))
        if p["text"]["text"] is not None:  # a page that could be read
            texts.append(PageText(page_no=pages[-1].page_no, **p["text"],
                                  paragraphs=on_page[pages[-1].page_no]))
    rows = [s[""] for s in each("sections")]
    bodies = _bodies(rows, [p.section_id for p in passages], paragraphs)
    sections = [Section(**s, body=body) for s, body in zip(rows, bodies, strict=True)]
    cells: dict[int, list[tuple[Cell, dict]]] = defaultdict(list)
    for stored, c, extra in zip(found["table_cells"], each("table_cells"),
                                kept["table_cells"], strict=True):
        cells[stored["table_id"]].append((Cell(**c[""]), extra))
    tables = [Table(**t[""], cells=[c for c, _ in cells[t[""]["table_id"]]])
              for t in each("tables")]
    # the cells' kept columns in the order the tables give their cells back
    kept["table_cells"] = [extra for t in tables for _, extra in cells[t.table_id]]
    [d] = each("documents")
    document = _document(
        d, pages=pages, texts=texts, sections=sections,
        items=[Item(**i[""]) for i in each("items")], passages=passages,
        figures=[Figure(**f[""]) for f in each("figures")],
        flags=[Flag(**g[""]) for g in each("flags")], tables=tables)
    return StoredDocument(document, kept, columns)


def _bodies(sections: list[dict], owners: list[int | None], paragraphs: list[Paragraph]
            ) -> list[list[Paragraph]]:
    """Each section's body as the pipeline made it: the paragraphs after its heading (from
    its inline label on), its sub-sections' included, up to the next heading of its level;
    `owners`: the section each paragraph stands in."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for s in sections:
        children[s["parent_id"]].append(s["section_id"])
    owned: dict[int | None, list[int]] = defaultdict(list)
    for n, owner in enumerate(owners):
        owned[owner].append(n)

    @cache
    def last(section_id: int) -> int:
        return max([*owned[section_id], *(last(c) for c in children[section_id])], default=-1)

    bodies = []
    for s in sections:
        mine = owned[s["section_id"]]
        first = mine[0] + (s["heading"] is not None and not s["inline"]) if mine else 0
        bodies.append(paragraphs[first:last(s["section_id"]) + 1] if mine else [])
    return bodies
