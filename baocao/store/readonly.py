"""`baocao query`, `export` and the researchers' commands read through here: on a
connection that cannot write, whatever the SQL says."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
from sqlalchemy import Integer, create_engine, text

from baocao.errors import BaocaoError
from baocao.store.database import display_name, engine_url, is_url
from baocao.store.schema import metadata

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
