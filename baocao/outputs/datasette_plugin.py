"""The Datasette plugin `baocao serve` registers: an SQL function fold(text), lower case
without diacritics, so queries match words however they were typed; and a guard that
refuses every request that would write."""

from __future__ import annotations

from datasette import hookimpl

from baocao.vietnamese.text import fold_chars


def fold_sql(value: str | None) -> str | None:
    """fold() for SQL: "Khó khăn" → "kho khan"."""
    return None if value is None else fold_chars(str(value))


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("fold", 1, fold_sql, deterministic=True)


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
