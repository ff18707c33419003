"""The Datasette plugin `baocao serve` registers: an SQL function fold(text), lower case
without diacritics, so queries match words however they were typed."""

from __future__ import annotations

from datasette import hookimpl

from baocao.vietnamese.text import fold_chars


def fold_sql(value: str | None) -> str | None:
    """fold() for SQL: "Khó khăn" → "kho khan"."""
    return None if value is None else fold_chars(str(value))


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("fold", 1, fold_sql, deterministic=True)
