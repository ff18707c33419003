"""The tables (see DESIGN.md: a contract): schema, one transaction per document, queries.

Rows go in through pandas; SQLAlchemy holds the schema so the same tables live in a
SQLite file (the default) or a shared PostgreSQL database (`--db postgresql://…`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path

import pandas as pd
from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError
from baocao.nlp.normalize import fold_chars

DEFAULT_DB = Path("out/baocao.sqlite")

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("doc_id", String, primary_key=True),
    Column("path", Text), Column("filename", Text), Column("n_pages", Integer),
    Column("status", String), Column("error", Text), Column("processed_at", String),
    Column("n_sections", Integer), Column("n_figures", Integer), Column("seconds", Float),
    Column("province", Text), Column("province_2025", Text), Column("issuer", Text),
    Column("title", Text), Column("doc_number", String), Column("doc_date", String),
    Column("period", Text), Column("year_start", Integer), Column("year_end", Integer),
    Column("n_flags", Integer),
)
pages = Table(
    "pages", metadata,
    Column("doc_id", String, primary_key=True), Column("page_no", Integer, primary_key=True),
    Column("source", String), Column("text", Text), Column("ocr_confidence", Float),
    Column("raw_text", Text), Column("header", Text), Column("footer", Text),
    Column("dpi", Integer), Column("width", Float), Column("height", Float),
    Column("encoding", String), Column("source_reason", Text), Column("text_score", Float),
    Column("ocr_engine", String), Column("ocr_language", String), Column("ocr_psm", Integer),
    Column("preprocessing", Text),
)
sections = Table(
    "sections", metadata,
    Column("doc_id", String, primary_key=True), Column("section_id", Integer, primary_key=True),
    Column("kind", String), Column("heading", Text), Column("level", Integer),
    Column("page_start", Integer), Column("page_end", Integer), Column("text", Text),
    Column("parent_id", Integer), Column("inherited_kind", String), Column("kinds", String),
)
items = Table(
    "items", metadata,
    Column("doc_id", String, primary_key=True), Column("item_id", Integer, primary_key=True),
    Column("section_id", Integer), Column("section_kind", String),
    Column("parent_item_id", Integer), Column("ordinal", Integer), Column("marker", String),
    Column("text", Text), Column("page_no", Integer),
)
figures = Table(
    "figures", metadata,
    Column("doc_id", String, primary_key=True), Column("figure_id", Integer, primary_key=True),
    Column("kind", String), Column("value", Float), Column("unit", String), Column("raw", Text),
    Column("page_no", Integer), Column("section_id", Integer), Column("section_kind", String),
    Column("sentence", Text), Column("scale", String),
    Column("char_start", Integer), Column("char_end", Integer),
    Column("qualifier", String), Column("value_low", Float), Column("value_high", Float),
    Column("subject", Text), Column("locations", Text), Column("year", Integer),
    Column("box_left", Float), Column("box_top", Float), Column("box_right", Float),
    Column("box_bottom", Float),
    Column("confidence", Float), Column("implied_total", Float), Column("flags", Text),
)
flags = Table(
    "flags", metadata,
    Column("doc_id", String, primary_key=True), Column("flag_id", Integer, primary_key=True),
    Column("figure_id", Integer), Column("flag", String), Column("detail", Text),
    Column("other_figure_id", Integer),
)
# One row per paragraph, for full-text search. Its own integer key is the row's SQLite rowid,
# which the search indexes point at: unlike the rowids of the other tables, it survives VACUUM.
passages = Table(
    "passages", metadata,
    Column("passage_key", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, index=True), Column("passage_id", Integer),
    Column("page_no", Integer), Column("section_id", Integer), Column("section_kind", String),
    Column("text", Text), Column("folded", Text), Column("char_start", Integer),
)
words = Table(
    "words", metadata,
    Column("doc_id", String, primary_key=True), Column("page_no", Integer, primary_key=True),
    Column("word_no", Integer, primary_key=True), Column("line_no", Integer),
    Column("text", Text), Column("left", Float), Column("top", Float),
    Column("width", Float), Column("height", Float), Column("conf", Float),
)
TABLES = [documents, pages, sections, items, figures, flags, passages, words]
runs = Table(
    "runs", metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String), Column("finished_at", String), Column("version", String),
    Column("files_seen", Integer), Column("files_ok", Integer), Column("files_partial", Integer),
    Column("files_failed", Integer), Column("files_skipped", Integer),
    Column("pages_ocr", Integer), Column("pages_text", Integer), Column("log_file", Text),
)


# Key of the PostgreSQL advisory lock that serialises schema changes and document writes
# of concurrent runs (any fixed number; "baocao" in ASCII).
_PG_LOCK = 0x62616F63616F


def is_url(db: str | Path) -> bool:
    """`--db` is a database URL (postgresql://…) or else a SQLite file path."""
    return "://" in str(db)


def engine_url(db: str | Path) -> str:
    """SQLAlchemy URL for `--db`; plain postgresql:// URLs use the psycopg 3 driver."""
    if not is_url(db):
        return f"sqlite:///{Path(db)}"
    scheme, rest = str(db).split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return str(db)


def connect(db: str | Path) -> Engine:
    """Open (creating if needed) the database, with every table and column of the contract."""
    if not is_url(db):
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(engine_url(db))
        if engine.dialect.name == "sqlite":
            _immediate_transactions(engine)
        with engine.begin() as conn:
            _lock(conn)
            metadata.create_all(conn)
            _add_missing_columns(conn)
            _create_search_indexes(conn)
            _create_views(conn)
    except SQLAlchemyError as exc:
        raise BaocaoError(f"cannot open the database {display_name(db)}: {_reason(exc)}") from exc
    return engine


def _immediate_transactions(engine: Engine) -> None:
    """SQLite: take the write lock when a transaction begins, and wait up to a minute for
    it, so runs sharing one file queue instead of failing with 'database is locked'."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below do the work
        dbapi_conn.execute("PRAGMA busy_timeout = 60000")

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _lock(conn) -> None:
    """PostgreSQL: one writer at a time (until commit), so concurrent runs never interleave
    the delete-then-insert of one document and never duplicate its rows."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})


def display_name(db: str | Path) -> str:
    """The database named without its password."""
    return make_url(str(db)).render_as_string(hide_password=True) if is_url(db) else str(db)


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def _add_missing_columns(conn) -> None:
    """A database made by an older baocao gains the columns added since, keeping its rows."""
    inspector = inspect(conn)
    for table in [*TABLES, runs]:
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(conn.dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


def write(engine: Engine, result: DocumentResult) -> None:
    """Replace the document's rows in one transaction: all of it lands, or none of it, its
    search index entries included."""
    frames = _frames(result)
    with engine.begin() as conn:
        _lock(conn)
        # the same file with other bytes is a new version: its old rows go too
        old = select(documents.c.doc_id).where(documents.c.path == result.path)
        stale = {result.doc_id, *conn.execute(old).scalars()}
        _unindex(conn, stale)
        for table in TABLES:
            conn.execute(delete(table).where(table.c.doc_id.in_(stale)))
        for table in TABLES:
            frame = frames[table.name]
            if not frame.empty:  # typed by the schema: a column of only None stays an integer
                frame.to_sql(table.name, conn, if_exists="append", index=False,
                             dtype={c.name: c.type for c in table.columns})
        _index(conn, result.doc_id)


# SQLite full-text indexes (FTS5) over the text columns, kept up to date by write():
# name → (table, the table's key the index's rowid is, indexed columns, tokenizer).
# "unicode61 remove_diacritics 0" folds case but keeps every accent, so "hạn" is not "hán";
# the folded index holds text already folded by baocao (đ → d, which FTS5 cannot do).
EXACT = "unicode61 remove_diacritics 0"
SEARCH_INDEXES = {
    "pages_fts": ("pages", "rowid", ("text",), EXACT),
    "sections_fts": ("sections", "rowid", ("heading", "text"), EXACT),
    "passages_fts": ("passages", "passage_key", ("text",), EXACT),
    "passages_folded_fts": ("passages", "passage_key", ("folded",), EXACT),
}


def _create_search_indexes(conn) -> None:
    """SQLite: the FTS5 indexes, filled from the tables when they are new to the file."""
    if conn.dialect.name != "sqlite":
        return
    have = set(inspect(conn).get_table_names())
    for name, (table, key, columns, tokenizer) in SEARCH_INDEXES.items():
        if name in have:
            continue
        conn.exec_driver_sql(
            f'CREATE VIRTUAL TABLE {name} USING fts5({", ".join(columns)}, content="{table}", '
            f'content_rowid="{key}", tokenize="{tokenizer}")')
        conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def _unindex(conn, doc_ids: set[str]) -> None:
    """Take the documents' rows out of the FTS5 indexes (which need the old values)."""
    if conn.dialect.name != "sqlite":
        return
    marks = ", ".join("?" * len(doc_ids))
    for name, (table, key, columns, _) in SEARCH_INDEXES.items():
        cols = ", ".join(columns)
        conn.exec_driver_sql(
            f"INSERT INTO {name}({name}, rowid, {cols}) SELECT 'delete', {key}, {cols} "
            f"FROM {table} WHERE doc_id IN ({marks})", tuple(doc_ids))


def _index(conn, doc_id: str) -> None:
    """Add the document's rows to the FTS5 indexes."""
    if conn.dialect.name != "sqlite":
        return
    for name, (table, key, columns, _) in SEARCH_INDEXES.items():
        cols = ", ".join(columns)
        conn.exec_driver_sql(f"INSERT INTO {name}(rowid, {cols}) SELECT {key}, {cols} "
                             f"FROM {table} WHERE doc_id = ?", (doc_id,))


# Every figure with its document's province, year, file and title and its section's heading:
# what researchers filter and facet on.
FIGURE_DETAILS = """
CREATE VIEW figure_details AS
SELECT d.filename, d.province, d.province_2025, d.year_start, d.year_end, d.title,
       d.issuer, s.heading AS section_heading, f.*
FROM figures f
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN sections s ON s.doc_id = f.doc_id AND s.section_id = f.section_id
"""


def _create_views(conn) -> None:
    """The views, made anew so they show the tables' columns of this version."""
    conn.execute(text("DROP VIEW IF EXISTS figure_details"))
    conn.execute(text(FIGURE_DETAILS))


def _frames(r: DocumentResult) -> dict[str, pd.DataFrame]:
    texts = {t.page_no: t for t in r.texts}
    doc = {
        "doc_id": r.doc_id, "path": r.path, "filename": r.filename, "n_pages": r.n_pages,
        "status": r.status, "error": r.error, "processed_at": r.processed_at,
        "n_sections": len(r.sections), "n_figures": len(r.figures), "seconds": r.seconds,
        **asdict(r.metadata), "n_flags": len(r.flags),
    }
    page_rows = []
    word_rows = []
    for p in r.pages:
        t = texts.get(p.page_no)
        page_rows.append({
            "doc_id": r.doc_id, "page_no": p.page_no, "source": p.source,
            "text": t.text if t else None,
            "ocr_confidence": p.ocr_confidence, "raw_text": t.raw_text if t else None,
            "header": "\n".join(t.header) if t else None,
            "footer": "\n".join(t.footer) if t else None,
            "dpi": p.dpi, "width": p.width, "height": p.height,
            "encoding": p.encoding, "source_reason": p.reason, "text_score": p.text_score,
            "ocr_engine": p.engine, "ocr_language": p.language, "ocr_psm": p.psm,
            "preprocessing": p.preprocessing,
        })
        for line_no, line in enumerate(p.lines, 1):
            for w in line.words:
                word_rows.append({
                    "doc_id": r.doc_id, "page_no": p.page_no, "word_no": len(word_rows) + 1,
                    "line_no": line_no, "text": w.text, "left": w.left, "top": w.top,
                    "width": w.width, "height": w.height, "conf": w.conf,
                })
    section_rows = [{
        "doc_id": r.doc_id, "section_id": s.section_id, "kind": s.kind, "heading": s.heading,
        "level": s.level, "page_start": s.page_start, "page_end": s.page_end, "text": s.text,
        "parent_id": s.parent_id, "inherited_kind": s.inherited_kind, "kinds": ",".join(s.kinds),
    } for s in r.sections]
    item_rows = [{
        "doc_id": r.doc_id, "item_id": i.item_id, "section_id": i.section_id,
        "section_kind": i.section_kind, "parent_item_id": i.parent_item_id,
        "ordinal": i.ordinal, "marker": i.marker, "text": i.text, "page_no": i.page_no,
    } for i in r.items]
    figure_rows = [{
        "doc_id": r.doc_id, "figure_id": f.figure_id, "kind": f.kind, "value": f.value,
        "unit": f.unit, "raw": f.raw, "page_no": f.page_no, "section_id": f.section_id,
        "section_kind": f.section_kind, "sentence": f.sentence, "scale": f.scale,
        "char_start": f.start, "char_end": f.end, "qualifier": f.qualifier,
        "value_low": f.value_low, "value_high": f.value_high, "subject": f.subject,
        "locations": "; ".join(f.locations) or None, "year": f.year,
        **dict(zip(("box_left", "box_top", "box_right", "box_bottom"), f.bbox or (None,) * 4,
                   strict=True)),
        "confidence": f.confidence, "implied_total": f.implied_total,
        "flags": "; ".join(f.flags) or None,
    } for f in r.figures]
    flag_rows = [{
        "doc_id": r.doc_id, "flag_id": n, "figure_id": g.figure_id, "flag": g.flag,
        "detail": g.detail, "other_figure_id": g.other_figure_id,
    } for n, g in enumerate(r.flags, 1)]
    passage_rows = [{
        "doc_id": r.doc_id, "passage_id": p.passage_id, "page_no": p.page_no,
        "section_id": p.section_id, "section_kind": p.section_kind, "text": p.text,
        "folded": fold_chars(p.text), "char_start": p.char_start,
    } for p in r.passages]
    return {
        "documents": pd.DataFrame([doc]),
        "pages": pd.DataFrame(page_rows),
        "sections": pd.DataFrame(section_rows),
        "items": pd.DataFrame(item_rows),
        "figures": pd.DataFrame(figure_rows),
        "flags": pd.DataFrame(flag_rows),
        "passages": pd.DataFrame(passage_rows),
        "words": pd.DataFrame(word_rows),
    }


def known_documents(engine: Engine) -> set[str]:
    """Ids (sha256) of every document already in the database, to skip on a re-run."""
    with engine.connect() as conn:
        return set(conn.execute(select(documents.c.doc_id)).scalars())


def record_run(engine: Engine, run: dict) -> None:
    """One row per `baocao run`: when, which version, and what it did."""
    with engine.begin() as conn:
        conn.execute(insert(runs).values(**run))


# SQLite authorizer action codes a read-only query may use: SELECT, READ, FUNCTION,
# RECURSIVE (WITH RECURSIVE), and PRAGMA for read-only pragmas such as table_info.
_READ_ACTIONS = {
    sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33), sqlite3.SQLITE_PRAGMA,
}


class QueryRefused(BaocaoError):
    """A query that would change the database, or that SQLite rejects."""


_REFUSED = (
    "refused: 'baocao query' only reads the database; this statement would "
    "change it (INSERT, UPDATE, DELETE, DROP, CREATE, ALTER… are not allowed)"
)


def query(db: str | Path, sql: str) -> pd.DataFrame:
    """Run one SQL statement on a read-only connection; writes are refused, not attempted."""
    if is_url(db):
        return _query_server(db, sql)
    db = Path(db)
    if not db.exists():
        raise BaocaoError(f"no database at {db}: run 'baocao run INPUT --db {db}' first")
    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    refused: list[str] = []

    def authorizer(action: int, arg1, arg2, dbname, source) -> int:
        if action in _READ_ACTIONS:
            return sqlite3.SQLITE_OK
        refused.append(action)
        return sqlite3.SQLITE_DENY

    conn.set_authorizer(authorizer)
    try:
        return pd.read_sql_query(sql, conn)
    except Exception as exc:
        if refused:
            raise QueryRefused(_REFUSED) from exc
        cause = exc.__cause__ or exc
        raise QueryRefused(f"the query failed: {cause}") from exc
    finally:
        conn.close()


def _query_server(db: str | Path, sql: str) -> pd.DataFrame:
    """A database server: the statement runs in a READ ONLY transaction, rolled back after."""
    try:
        engine = create_engine(engine_url(db))
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION READ ONLY"))
            try:
                return pd.read_sql_query(text(sql), conn)
            finally:
                conn.rollback()
    except Exception as exc:  # pandas and SQLAlchemy wrap the driver's error: find it
        cause: BaseException = exc
        while cause.__cause__ is not None:
            cause = cause.__cause__
        reason = str(cause).strip().splitlines()[0]
        if "read-only transaction" in reason:
            raise QueryRefused(_REFUSED) from exc
        raise QueryRefused(f"the query failed on {display_name(db)}: {reason}") from exc


def read_table(db: str | Path, name: str) -> pd.DataFrame:
    """A whole table, typed by the schema: an integer column with empty cells stays integer
    (a year is 2023 in a CSV file, not 2023.0)."""
    frame = query(db, f'SELECT * FROM "{name}"')
    for column in metadata.tables[name].columns:
        if isinstance(column.type, Integer) and column.name in frame:
            frame[column.name] = frame[column.name].astype("Int64")
    return frame
