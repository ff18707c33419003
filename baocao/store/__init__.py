"""store/: the database. schema.py holds the tables, rows.py turns a document into rows,
write.py writes them in one transaction, search_index.py keeps the full-text indexes,
corrections.py keeps people's corrections and applies them again after each write,
readonly.py answers queries on a connection that cannot write."""

from baocao.store.database import DEFAULT_DB, connect, display_name, engine_url, is_url
from baocao.store.readonly import QueryRefused, query, read_table
from baocao.store.schema import TABLES, metadata, runs
from baocao.store.write import claim, known_documents, record_run, release_claims, write

__all__ = [
    "DEFAULT_DB", "TABLES", "QueryRefused", "connect", "display_name", "engine_url", "is_url",
    "claim", "known_documents", "metadata", "query", "read_table", "record_run",
    "release_claims", "runs", "write",
]
