"""SQLite full-text indexes (FTS5) kept in step with the tables they index, inside the
transaction that writes a document. PostgreSQL has none (search uses LIKE there)."""

from __future__ import annotations

from sqlalchemy import inspect

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


def create(conn) -> None:
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


def unindex(conn, doc_ids: set[str]) -> None:
    """Take the documents' rows out of the FTS5 indexes (which need the old values)."""
    if conn.dialect.name != "sqlite":
        return
    marks = ", ".join("?" * len(doc_ids))
    for name, (table, key, columns, _) in SEARCH_INDEXES.items():
        cols = ", ".join(columns)
        conn.exec_driver_sql(
            f"INSERT INTO {name}({name}, rowid, {cols}) SELECT 'delete', {key}, {cols} "
            f"FROM {table} WHERE doc_id IN ({marks})", tuple(doc_ids))


def index(conn, doc_id: str) -> None:
    """Add the document's rows to the FTS5 indexes."""
    if conn.dialect.name != "sqlite":
        return
    for name, (table, key, columns, _) in SEARCH_INDEXES.items():
        cols = ", ".join(columns)
        conn.exec_driver_sql(f"INSERT INTO {name}(rowid, {cols}) SELECT {key}, {cols} "
                             f"FROM {table} WHERE doc_id = ?", (doc_id,))
