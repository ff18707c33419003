"""One file through every stage: open it, read its pages (kept on disk as they come), then
the text stages (analyse.py) over them."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from baocao.datamodel import (
    DocumentResult,
    PageContent,
)
from baocao.errors import DocumentError, MissingDependencyError
from baocao.extract import open_document
from baocao.extract.files import check_regular, file_sha256, readable_path
from baocao.nlp.edges import edge_keys, repeated_edge_lines
from baocao.pipelines.spill import PageSpill

log = logging.getLogger(__name__)


def process_file(path: Path) -> DocumentResult:
    """Process one file, reading its pages one after the other; any failure is recorded on
    the result, never raised (but a missing Tesseract, which would fail every file, is)."""
    opened, pages = begin(path)
    return finish(opened, pages or [])


@dataclass(frozen=True)
class Opened:
    """A file identified and opened (or found unreadable, with the reason): what is known of
    it before its pages are read."""

    doc_id: str
    path: str  # as a person reads it
    filename: str
    path_bytes: str | None  # the path's bytes in hex when they are not UTF-8
    n_pages: int
    error: str | None
    processed_at: str
    started: float  # perf_counter() when it was opened: finish() turns it into seconds
    source: Path | None = None  # the file as named, to look at it again once read
    seen: tuple[int, int] | None = None  # its size and mtime_ns before it was hashed


def begin(path: Path) -> tuple[Opened, Iterator[PageContent] | None]:
    """Identify and open a file: what is known of it (the reason, if it cannot be read) and
    the stream of its pages, or None when there are none to read."""
    processed_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    started = time.perf_counter()
    doc_id, n_pages, pages, error, seen = "", 0, None, None, None
    where = _absolute(path)
    try:
        check_regular(path)  # before any open: a FIFO would block
        seen = _identity(path)
        doc_id = file_sha256(path)
        n_pages, pages = open_document(path)
    except DocumentError as exc:
        error = str(exc)
    except OSError as exc:
        error = f"cannot read file: {exc.strerror or exc}"
    except Exception as exc:  # a bug or an input no parser expected: keep the batch going
        log.exception("unexpected error on %s", path)
        error = f"unexpected error ({type(exc).__name__}): {exc}"
    if not doc_id:  # unreadable file: still give it a stable id
        doc_id = hashlib.sha256(os.fsencode(where)).hexdigest()
    readable, path_bytes = readable_path(where)
    opened = Opened(doc_id, readable, readable_path(path.name)[0], path_bytes, n_pages, error,
                    processed_at, started, path, seen)
    return opened, pages


def _identity(path: Path) -> tuple[int, int]:
    """What tells a file rewritten from the same one: its size and modification time."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


# Why a document whose file was rewritten while its pages were read is not kept: its pages
# may come from both versions, and its id (the hash taken first) names neither for sure.
CHANGED = "the file changed while it was read; the next run reads it again"


def changed(opened: Opened) -> bool:
    """Whether the file is no longer the one hashed when it was opened: another size or
    time, or other bytes. A file gone since is not changed: its pages were read before."""
    if opened.source is None or opened.seen is None:
        return False
    try:
        return (_identity(opened.source) != opened.seen
                or file_sha256(opened.source) != opened.doc_id)
    except FileNotFoundError:
        return False
    except OSError:  # cannot be read again: its pages cannot be vouched for
        return True


def _absolute(path: Path) -> Path:
    """The file's absolute path, links resolved where they lead somewhere."""
    try:
        return path.resolve(strict=True)
    except (RuntimeError, OSError):  # a broken or looping link: the link itself
        return path.absolute()


def finish(opened: Opened, pages: Iterable[PageContent]) -> DocumentResult:
    """Collect the pages (one page image in memory at a time; their words kept on disk, see
    PageSpill) and run the text stages."""
    # loaded on first use, while the workers read the first pages: the text stages' regexes
    from baocao.pipelines.analyse import analyse

    spill = PageSpill()
    read: list[PageContent] = []
    edges: list[dict[str, tuple[str, ...]]] = []  # each page's top and bottom lines
    error = opened.error
    try:
        for page in pages:
            if page.error:
                log.warning("%s page %d: %s", opened.path, page.page_no, page.error)
            else:
                edges.append(edge_keys(page))
            read.append(spill.add(page))
    except MissingDependencyError:
        raise
    except Exception as exc:  # the pages read so far are kept
        log.exception("unexpected error on %s", opened.path)
        error = f"unexpected error ({type(exc).__name__}): {exc}"
    result = DocumentResult(opened.doc_id, opened.path, opened.filename, "failed", error,
                            opened.processed_at, n_pages=opened.n_pages, pages=read,
                            path_bytes=opened.path_bytes, page_store=spill,
                            seconds=time.perf_counter() - opened.started)
    if read and changed(opened):
        log.warning("%s: %s", opened.path, CHANGED)
        return failed(result, CHANGED, retryable=True)
    try:
        result = analyse(result, repeated_edge_lines(edges))
    except Exception as exc:  # a bug or an input no stage expected: this document alone fails
        log.exception("text analysis failed on %s", opened.path)
        return failed(result, f"text analysis failed ({type(exc).__name__}): {exc}")
    retryable = result.status != "ok" and any(p.retryable for p in read if p.error)
    return replace(result, seconds=time.perf_counter() - opened.started, retryable=retryable)


def failed(result: DocumentResult, error: str, retryable: bool = False) -> DocumentResult:
    """The document as failed with its reason and nothing of what was read (no page, no
    figure): what a stage that raised, or a write that failed, leaves of it."""
    return DocumentResult(result.doc_id, result.path, result.filename, "failed", error,
                          result.processed_at, n_pages=result.n_pages, seconds=result.seconds,
                          path_bytes=result.path_bytes, retryable=retryable)
