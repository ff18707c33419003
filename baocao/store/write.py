"""Writing: one transaction per document, so a killed run never leaves half a document,
and the record of each run."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, delete, insert, or_, select, update

from baocao.datamodel import DocumentResult
from baocao.store import search_index
from baocao.store.corrections import apply
from baocao.store.database import lock
from baocao.store.rows import rows
from baocao.store.schema import TABLES, claims, corrections, documents, runs

log = logging.getLogger("baocao")

# Rows sent to the database at a time, and characters of text: a long document's words are
# streamed, not gathered, and a chunk's passage through SQLAlchemy and sqlite3 (several
# copies of every row) stays small. A 1,000-page document's write grew the process by
# 17 MiB with chunks of 2,000 rows, 7 with 250 (its pages' texts), 4 with both limits.
CHUNK_ROWS = 250
CHUNK_CHARS = 200_000
# Texts longer than this are copied before binding: a shorter one's UTF-8 is not worth it.
LONG_TEXT = 80


def batched(items: Iterable[dict], size: int, chars: int = CHUNK_CHARS
            ) -> Iterator[list[dict]]:
    """The items in lists of `size` or of `chars` characters of text, each long non-ASCII
    text a copy of its own. sqlite3 keeps the UTF-8 it binds on the string it was given for
    as long as that string lives: bound from the document's own texts, a second copy of them
    would stay till the end."""
    chunk: list[dict] = []
    held = 0
    for item in items:
        row = {}
        for key, value in item.items():
            if isinstance(value, str):
                held += len(value)
                if len(value) > LONG_TEXT and not value.isascii():
                    value = value.encode().decode()  # a copy: its UTF-8 goes with the row
            row[key] = value
        chunk.append(row)
        if len(chunk) == size or held >= chars:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def write(engine: Engine, result: DocumentResult) -> None:
    """Replace the document's rows in one transaction: all of it lands, or none of it, its
    search index entries included, and the corrections people made to it applied again."""
    tables = rows(result)
    with engine.begin() as conn:
        lock(conn)
        # the same file with other bytes is a new version: its old rows go too
        old = select(documents.c.doc_id).where(documents.c.path == result.path)
        stale = {result.doc_id, *conn.execute(old).scalars()}
        search_index.unindex(conn, stale)
        for table in TABLES:
            conn.execute(delete(table).where(table.c.doc_id.in_(stale)))
        for table in TABLES:
            for chunk in batched(tables[table.name], CHUNK_ROWS):
                conn.execute(insert(table), chunk)
        search_index.index(conn, result.doc_id)
        # a new version of the file keeps the corrections made to the old one
        conn.execute(update(corrections).where(corrections.c.doc_id.in_(stale))
                     .values(doc_id=result.doc_id))
        missing = apply(conn, result.doc_id)["missing"]
        if missing:
            log.warning("%s: %d corrections whose target is gone (baocao corrections lists "
                        "them)", result.path, missing)
        conn.execute(delete(claims).where(claims.c.doc_id == result.doc_id))


def _done(retry_failed: bool):
    """The documents a re-run skips: all those in the database but the ones that failed for a
    reason that may pass (a worker's death), and with `retry_failed` every one not ok."""
    if retry_failed:
        return documents.c.status == "ok"
    return or_(documents.c.retryable.is_(None), documents.c.retryable == 0)


def known_documents(engine: Engine, retry_failed: bool = False) -> set[str]:
    """Ids (sha256) of the documents a re-run skips (see _done)."""
    with engine.connect() as conn:
        return set(conn.execute(select(documents.c.doc_id).where(_done(retry_failed)))
                   .scalars())


# A claim by a run on another machine is taken over after this long (its process cannot be
# asked whether it still lives).
CLAIM_HOURS = 12


def claim(engine: Engine, doc_id: str, skip_done: bool = True, retry_failed: bool = False
          ) -> bool:
    """Claim a document before reading it: False when another live run is reading it, or
    (skip_done) when a run that shared the database has written it meanwhile."""
    host, pid = socket.gethostname(), os.getpid()
    with engine.begin() as conn:
        lock(conn)
        if skip_done and conn.execute(select(documents.c.doc_id).where(
                documents.c.doc_id == doc_id, _done(retry_failed))).first():
            return False
        held = conn.execute(select(claims).where(claims.c.doc_id == doc_id)).first()
        if held and (held.host, held.pid) != (host, pid) and _alive(held, host):
            return False
        conn.execute(delete(claims).where(claims.c.doc_id == doc_id))
        conn.execute(insert(claims).values(doc_id=doc_id, host=host, pid=pid,
                                           claimed_at=datetime.now(timezone.utc).isoformat()))
    return True


def release_claims(engine: Engine) -> None:
    """This process's claims on documents it did not write (a run stopped early)."""
    with engine.begin() as conn:
        conn.execute(delete(claims).where(claims.c.host == socket.gethostname(),
                                          claims.c.pid == os.getpid()))


def _alive(held, host: str) -> bool:
    """Is the run that made a claim still running?"""
    if held.host == host:
        try:
            os.kill(held.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # another user's process: alive
            return True
        return True
    age = datetime.now(timezone.utc) - datetime.fromisoformat(held.claimed_at)
    return age < timedelta(hours=CLAIM_HOURS)


def record_run(engine: Engine, run: dict) -> None:
    """One row per `baocao run`: when, which version, and what it did."""
    with engine.begin() as conn:
        conn.execute(insert(runs).values(**run))
