"""`baocao query`, `export` and the researchers' commands read through here: on a
connection that cannot write, whatever the SQL says."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pandas as pd
from sqlalchemy import Integer
from sqlalchemy.engine import make_url

from baocao.errors import BaocaoError
from baocao.i18n import _, number
from baocao.store.database import display_name, is_url
from baocao.store.schema import COUNTED, SINGLE, metadata
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


def query(db: str | Path, sql: str, timeout: float | None = None) -> pd.DataFrame:
    """Run one SQL statement on a read-only connection; writes are refused, not attempted.
    timeout: seconds the statement may run before it is stopped (None: no limit)."""
    if is_url(db):
        return _query_server(db, sql, timeout)
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
    if timeout:
        deadline = time.monotonic() + timeout
        # SQLite calls this every 10,000 steps of its machine; True stops the statement.
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        return pd.read_sql_query(sql, conn)
    except Exception as exc:
        if refused:
            raise QueryRefused(_REFUSED) from exc
        if timeout and time.monotonic() > deadline:
            raise QueryRefused(_timed_out(timeout)) from exc
        cause = exc.__cause__ or exc
        if "user-defined function raised exception" in str(cause):  # fold() is the one here
            raise QueryRefused(_("the query failed: fold() takes text of at most {n} "
                                 "characters").format(n=number(FOLD_LIMIT))) from exc
        raise QueryRefused(f"the query failed: {cause}") from exc
    finally:
        conn.close()


def _timed_out(seconds: float) -> str:
    return _("the query ran longer than {seconds:g} s and was stopped (--timeout gives it "
             "longer)").format(seconds=seconds)


# Locks, each enough alone: the session starts read-only, the transaction is READ ONLY, and
# the statement is sent prepared, which the server refuses for two statements ("SELECT 1;
# COMMIT; DELETE …" cannot leave the read-only transaction). What a read-only transaction
# still lets through (lo_create()) gives the transaction an id: the query is refused, and
# rolled back like every query.
_READ_ONLY_SESSION = "-c default_transaction_read_only=on"
_ONE_STATEMENT = "refused: 'baocao query' runs one statement at a time; send them one by one"
# Functions a read-only session may still call that reach beyond it, refused by name wherever
# the name stands in the statement (in a string too: refusing too much is safe): ending or
# cancelling another session (a `baocao run` writing), locks other sessions wait on, the
# server's own controls, other databases (dblink), and those that run SQL given as text,
# which this check cannot read. U&"…" spells a name in escapes: refused as well. DO, COPY
# and the like, which could hide such a call, are no query: the server will not EXPLAIN them.
_BEYOND_SESSION = re.compile(
    r"\b(pg_(?:cancel|terminate)_backend|pg_(?:try_)?advisory\w*|pg_notify|pg_reload_conf"
    r"|pg_rotate_logfile|pg_promote|pg_switch_wal|pg_create_restore_point"
    r"|pg_log_backend_memory_contexts|pg_backup_\w+|pg_\w*replication_\w+"
    r"|lo_(?:import|export)|dblink\w*|query_to_xml\w*|cursor_to_xml\w*|ts_stat)\b"
    r"|\bu&\"", re.IGNORECASE)


def _query_server(db: str | Path, sql: str, timeout: float | None) -> pd.DataFrame:
    """A database server: one query, on a read-only session, in a READ ONLY transaction,
    rolled back after; stopped by the server after `timeout` seconds."""
    import psycopg

    beyond = _BEYOND_SESSION.search(sql)
    if beyond:
        raise QueryRefused(_("refused: 'baocao query' only reads, and {name} reaches beyond "
                             "its own session (it could end or hold up another, such as a "
                             "running 'baocao run')").format(name=beyond.group(0)))
    conninfo = make_url(str(db)).set(drivername="postgresql").render_as_string(
        hide_password=False)
    options = _READ_ONLY_SESSION
    if timeout:
        ms = max(1, round(timeout * 1000))
        options += f" -c statement_timeout={ms} -c idle_in_transaction_session_timeout={ms}"
    try:
        with psycopg.connect(conninfo, options=options, connect_timeout=20) as conn:
            conn.read_only = True
            try:
                _only_a_query(conn, sql, db)
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
        if isinstance(exc, psycopg.errors.QueryCanceled) and timeout:
            raise QueryRefused(_timed_out(timeout)) from exc
        if "function fold(" in reason:
            raise QueryRefused(_("the query failed on {db}: this server has no fold() "
                                 "function yet; baocao adds it when it writes the schema "
                                 "(baocao run)").format(db=display_name(db))) from exc
        raise QueryRefused(f"the query failed on {display_name(db)}: {reason}") from exc
    if wrote and wrote[0] is not None:
        raise QueryRefused(_REFUSED)
    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=True)


def _only_a_query(conn, sql: str, db: str | Path) -> None:
    """The server parses the statement without running it (two statements are refused), then
    plans it: what it cannot EXPLAIN (DO, COPY, SET, CALL…) is no query, refused."""
    import psycopg

    parsed = conn.pgconn.prepare(b"", sql.encode())
    if b"multiple commands" in (parsed.error_message or b""):
        raise QueryRefused(_ONE_STATEMENT)
    try:
        conn.execute(b"EXPLAIN " + sql.encode(), prepare=True)
    except psycopg.errors.SyntaxError as exc:
        raise QueryRefused(_("the query failed on {db}: {reason} ('baocao query' runs one "
                             "query: SELECT, WITH, VALUES or TABLE)").format(
            db=display_name(db), reason=str(exc).strip().splitlines()[0])) from exc


# fold() takes at most this many characters: a paragraph holds some hundred, a page a few
# thousand, and this is some thirty pages of text, folded in a fiftieth of a second. SQLite
# checks its time limit between the steps of its machine, never inside a function, and a step
# may call one: unbounded, fold(hex(zeroblob(20000000))) held `baocao serve` for half a minute
# and a gigabyte; bounded so, a query calling it row after row overruns serve's 5 s by about a
# second at most.
FOLD_LIMIT = 100_000


def fold_sql(value: str | bytes | None) -> str | None:
    """fold() in SQL, as `baocao serve` has it: "Bắc Giang" → "bac giang", so a query
    matches names however they were typed. Longer than FOLD_LIMIT: an error, not a value."""
    if value is None:
        return None
    if isinstance(value, str | bytes) and len(value) > FOLD_LIMIT:
        raise ValueError(f"fold() takes at most {FOLD_LIMIT} characters")
    return fold_chars(str(value))


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


def single(db: str | Path) -> str:
    """The condition on figures `f` and documents `d` that counts each report once
    (schema.SINGLE); always true on a database older than pages.same_as."""
    have = query(db, "SELECT * FROM pages WHERE 1 = 0").columns
    return SINGLE if "same_as" in have else "1 = 1"


def counted(db: str | Path) -> str:
    """The condition on figures `f` of what totals add up (schema.COUNTED); always true on a
    database older than figures.to_check, where every figure counts as it did."""
    have = query(db, "SELECT * FROM figures WHERE 1 = 0").columns
    return COUNTED if "to_check" in have else "1 = 1"
