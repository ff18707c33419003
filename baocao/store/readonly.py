"""`baocao query`, `export` and the researchers' commands read through here: on a
connection that cannot write, whatever the SQL says."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
from sqlalchemy import Integer
from sqlalchemy.engine import make_url

from baocao.errors import BaocaoError
from baocao.i18n import _
from baocao.store.database import display_name, is_url
from baocao.store.schema import metadata
from baocao.vietnamese.text import fold_chars

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

    conn.create_function("fold", 1, fold_sql, deterministic=True)
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


# Locks, each enough alone: the session starts read-only, the transaction is READ ONLY, and
# the statement is sent prepared, which the server refuses for two statements ("SELECT 1;
# COMMIT; DELETE …" cannot leave the read-only transaction). What a read-only transaction
# still lets through (lo_create()) gives the transaction an id: the query is refused, and
# rolled back like every query.
_READ_ONLY_SESSION = "-c default_transaction_read_only=on"
_ONE_STATEMENT = "refused: 'baocao query' runs one statement at a time; send them one by one"


def _query_server(db: str | Path, sql: str) -> pd.DataFrame:
    """A database server: one statement, on a read-only session, in a READ ONLY transaction,
    rolled back after."""
    import psycopg

    conninfo = make_url(str(db)).set(drivername="postgresql").render_as_string(
        hide_password=False)
    try:
        with psycopg.connect(conninfo, options=_READ_ONLY_SESSION, connect_timeout=20) as conn:
            conn.read_only = True
            try:
                cursor = conn.execute(sql.encode(), prepare=True)
                columns = [c.name for c in cursor.description or []]
                rows = cursor.fetchall() if cursor.description else []
                wrote = conn.execute("SELECT txid_current_if_assigned()").fetchone()
            finally:
                conn.rollback()
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "read-only transaction" in reason or "read-write mode" in reason:
            raise QueryRefused(_REFUSED) from exc
        if "multiple commands" in reason:
            raise QueryRefused(_ONE_STATEMENT) from exc
        if "function fold(" in reason:
            raise QueryRefused(_("the query failed on {db}: this server has no fold() "
                                 "function yet; baocao adds it when it writes the schema "
                                 "(baocao run)").format(db=display_name(db))) from exc
        raise QueryRefused(f"the query failed on {display_name(db)}: {reason}") from exc
    if wrote and wrote[0] is not None:
        raise QueryRefused(_REFUSED)
    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=True)


def fold_sql(value: str | None) -> str | None:
    """fold() in SQL, as `baocao serve` has it: "Bắc Giang" → "bac giang", so a query
    matches names however they were typed."""
    return None if value is None else fold_chars(str(value))


# The columns that are integers in some table (and in the views that show them): a query's
# or a view's column of that name is read as integers, though SQLite hands them over as floats
# where some are empty.
INTEGER_COLUMNS = {c.name for t in metadata.tables.values() for c in t.columns
                   if isinstance(c.type, Integer)} | {"table_page"}


def read_table(db: str | Path, name: str, doc_id: str | None = None) -> pd.DataFrame:
    """A whole table or view (only one document's rows with doc_id), typed by the schema: an
    integer column with empty cells stays integer (a year is 2023 in a CSV file, not 2023.0)."""
    where = "" if doc_id is None else " WHERE doc_id = '{}'".format(doc_id.replace("'", "''"))
    return typed(query(db, f'SELECT * FROM "{name}"{where}'))


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The integer columns of the schema as integers, where every value is one."""
    for column in frame.columns:
        if column in INTEGER_COLUMNS:
            try:
                frame[column] = frame[column].astype("Int64")
            except (TypeError, ValueError):  # 2.5 or "x": the query made something else of it
                pass
    return frame
