"""Writing: one transaction per document, so a killed run never leaves half a document,
and the record of each run."""

from __future__ import annotations

from sqlalchemy import Engine, delete, insert, select

from baocao.datamodel import DocumentResult
from baocao.store import search_index
from baocao.store.database import lock
from baocao.store.rows import frames as make_frames
from baocao.store.schema import TABLES, documents, runs


def write(engine: Engine, result: DocumentResult) -> None:
    """Replace the document's rows in one transaction: all of it lands, or none of it, its
    search index entries included."""
    frames = make_frames(result)
    with engine.begin() as conn:
        lock(conn)
        # the same file with other bytes is a new version: its old rows go too
        old = select(documents.c.doc_id).where(documents.c.path == result.path)
        stale = {result.doc_id, *conn.execute(old).scalars()}
        search_index.unindex(conn, stale)
        for table in TABLES:
            conn.execute(delete(table).where(table.c.doc_id.in_(stale)))
        for table in TABLES:
            frame = frames[table.name]
            if not frame.empty:  # typed by the schema: a column of only None stays an integer
                frame.to_sql(table.name, conn, if_exists="append", index=False,
                             dtype={c.name: c.type for c in table.columns})
        search_index.index(conn, result.doc_id)


def known_documents(engine: Engine) -> set[str]:
    """Ids (sha256) of every document already in the database, to skip on a re-run."""
    with engine.connect() as conn:
        return set(conn.execute(select(documents.c.doc_id)).scalars())


def record_run(engine: Engine, run: dict) -> None:
    """One row per `baocao run`: when, which version, and what it did."""
    with engine.begin() as conn:
        conn.execute(insert(runs).values(**run))
