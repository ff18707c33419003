"""store/: the database. schema.py holds the tables, rows.py turns a document into rows,
write.py writes them in one transaction, search_index.py keeps the full-text indexes,
duplicates.py links files that are the same report,
corrections.py keeps people's corrections and applies them again after each write,
readonly.py answers queries on a connection that cannot write. columns.py names which field
goes in which column; rows.py and load.py (a document read back whole) go by it."""

from baocao.store.columns import COLUMNS, Column, descriptions
from baocao.store.database import (
    DEFAULT_DB,
    connect,
    database_failure,
    display_name,
    engine_url,
    is_url,
)
from baocao.store.duplicates import link_same
from baocao.store.load import StoredDocument, load_document, load_stored, reader
from baocao.store.readonly import QueryRefused, counted, query, read_table, single, typed
from baocao.store.schema import TABLES, fill_measures, metadata, runs
from baocao.store.write import claim, known_documents, record_run, release_claims, write

__all__ = [
    "COLUMNS", "DEFAULT_DB", "TABLES", "Column", "QueryRefused", "StoredDocument", "claim",
    "connect", "counted", "database_failure", "descriptions", "display_name", "engine_url",
    "fill_measures", "is_url", "known_documents", "link_same", "load_document", "load_stored",
    "metadata", "query", "read_table", "reader", "record_run", "release_claims", "runs", "single",
    "typed", "write",
]
