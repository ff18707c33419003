"""The Datasette plugin `baocao serve` registers: an SQL function fold(text), lower case
without diacritics, so queries match words however they were typed; bounds on what one query
may build; a guard that refuses every request that would write; and Datasette's error pages
kept from answering 500 where the address is wrong."""

from __future__ import annotations

import sqlite3

import datasette.handle_exception as datasette_errors
from datasette import hookimpl
from datasette.utils.asgi import NotFound

from baocao.store.readonly import fold_sql

# The longest text or blob a query may read or build, in bytes. No stored text comes near (a
# page is a few kB, a whole report some MB); hex(zeroblob(20000000)) is refused at once
# instead of filling the server's memory: SQLite's time limit does not bound memory.
LONGEST_VALUE = 16_000_000


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("fold", 1, fold_sql, deterministic=True)
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LONGEST_VALUE)


# Browsing reads; nothing that `baocao serve` offers writes. Requests with these methods
# pass, every other one (POST to /-/insert, /-/drop, /-/create…) is answered 403 before
# Datasette sees it.
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
REFUSED = b"403 Forbidden: baocao serve is read-only; the database is written by baocao run\n"


@hookimpl
def asgi_wrapper(datasette):
    """Refuse every write request with 403, whatever Datasette's own permissions say."""

    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope.get("method", "GET") not in READ_METHODS:
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": REFUSED})
                return
            await app(scope, receive, send)

        return read_only

    return wrap


@hookimpl
def handle_exception(datasette, request, exception):
    """Datasette's own error page (serve.py blocks its handler, called from here instead), but
    404 for a row address short of its key (/db/sections/1, where a section is doc_id and
    section_id), where Datasette's query lacks a parameter and answers 500."""
    if isinstance(exception, sqlite3.ProgrammingError) and "pks" in request.url_vars:
        exception = NotFound("Record not found")
    return datasette_errors.handle_exception(datasette, request, exception)
