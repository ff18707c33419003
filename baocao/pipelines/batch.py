"""Running many files: which to read, claiming and writing each document, progress, the
log file, the `runs` table, and stopping cleanly (pages are read side by side by
workers.py). The command line (cli.py) only calls these."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from sqlalchemy import Engine
from tqdm import tqdm

from baocao import store
from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError
from baocao.extract import SUPPORTED_SUFFIXES, page_count
from baocao.extract.files import file_sha256, is_regular, printable
from baocao.extract.tesseract import check_tesseract, limit_threads
from baocao.i18n import _, code_name, ngettext, number
from baocao.nlp.measures import catalogue
from baocao.pipelines.process import failed
from baocao.pipelines.workers import PageWorkers, read_documents
from baocao.store.database import database_error, reason

log = logging.getLogger("baocao")

# Office and other document formats met in archives: found in a folder, they are
# recorded as failed (unsupported) so nobody thinks they were read.
DOCUMENT_LIKE_SUFFIXES = {
    ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".djvu",
    ".gif", ".bmp", ".webp", ".heic", ".jp2",
}


def collect_inputs(inputs: list[Path], unreadable: list[tuple[Path, str]] | None = None
                   ) -> list[Path]:
    """Files named on the command line are always tried; folders are walked recursively
    for documents, skipping code, notes and hidden files. A folder that cannot be listed is
    added to `unreadable` with the reason: no row can say that its files were not read."""
    files: list[Path] = []
    wanted = SUPPORTED_SUFFIXES | DOCUMENT_LIKE_SUFFIXES

    def refused(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append((Path(exc.filename), exc.strerror or str(exc)))

    for item in inputs:
        if item.is_dir():
            found = []
            for folder, dirs, names in os.walk(item, onerror=refused):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                # a broken link, a FIFO… is listed too: processing records why it failed
                found += [Path(folder, name) for name in names if not name.startswith(".")
                          and Path(name).suffix.lower() in wanted]
            files += sorted(found)
        elif item.exists() or item.is_symlink():
            files.append(item)
        else:
            raise BaocaoError(f"no such file or folder: {item}")
    return list(dict.fromkeys(files))


def start_log(db: str, prefix: str = "run") -> Path:
    """One log file per run beside the database (out/logs for a database server); it holds
    every warning and traceback. It replaces the log file of an earlier run in this process,
    and nothing else."""
    logdir = (Path("out") if store.is_url(db) else Path(db).parent) / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    path = logdir / f"{prefix}-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    # a file name in no encoding (bytes from an old disk) is written escaped, not refused
    handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "baocao_run_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.baocao_run_log = True
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def crash_log() -> Path:
    """The log file an internal error is written to: the run's, or (a command that keeps
    no log, such as review) a new one in out/logs/."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "baocao_run_log", False):
            return Path(handler.baseFilename)
    return start_log(str(store.DEFAULT_DB), prefix="error")


def settled(files: list[Path], last_seen: dict[Path, tuple[int, int]],
             handled: set[tuple[Path, int, int]]) -> list[Path]:
    """Files not handled yet whose size and mtime did not change since the last look."""
    ready = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:  # gone meanwhile
            continue
        now = (stat.st_size, stat.st_mtime_ns)
        if (path, *now) not in handled and last_seen.get(path) == now:
            ready.append(path)
        last_seen[path] = now
    return ready


@dataclass
class Batch:
    """One run (or one round of `watch`): where results go and what happened so far."""

    engine: Engine
    db: str
    log_path: Path
    started: str = field(default_factory=lambda: _now())
    files_seen: int = 0
    # already in the database, or (of these) read by another run meanwhile, or the same
    # bytes as a file earlier in this run
    skipped: int = 0
    elsewhere: int = 0
    copies: int = 0
    # one per document written (the documents rows this run made), in the order written
    results: list[DocumentResult] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)  # folders, and why
    _where: dict[str, int] = field(default_factory=dict)  # doc_id → its place in results

    def keep(self, result: DocumentResult) -> None:
        """A document written: one result per documents row, the later one kept."""
        result = _written(result)
        if result.doc_id in self._where:
            self.results[self._where[result.doc_id]] = result
        else:
            self._where[result.doc_id] = len(self.results)
            self.results.append(result)


class Terminated(KeyboardInterrupt):
    """SIGTERM (kill, a service manager stopping baocao): a run stops as on Ctrl-C."""


class _Stops:
    """Whether Ctrl-C and SIGTERM are held back now, and the one that came meanwhile."""

    held = False
    pending: KeyboardInterrupt | None = None


@contextmanager
def stop_cleanly() -> Iterator[None]:
    """In the block Ctrl-C raises KeyboardInterrupt and SIGTERM Terminated, each held back
    while the database is written (_interrupt_after), so a run stops cleanly on either."""
    def stop(signum: int, frame: object) -> None:
        if _Stops.held:
            _Stops.pending = _Stops.pending or _stop_for(signum)
        else:
            raise _stop_for(signum)

    before = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _stop_for(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextmanager
def _interrupt_after() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back until the block ends, so no transaction is cut short
    (its connection would keep the write lock) and the `runs` row counts every document
    the database got. (A signal mask would not do: the kernel hands the signal to another
    thread, and Python runs its handler in this one all the same.)"""
    if _Stops.held:  # within another such block
        yield
        return
    _Stops.held = True
    try:
        yield
    finally:
        _Stops.held = False
        pending, _Stops.pending = _Stops.pending, None
        if pending is not None:
            raise pending


@_interrupt_after()
def open_batch(db: str, log_path: Path | None = None,
               unreadable: list[tuple[Path, str]] | None = None) -> Batch:
    """Start the log, check Tesseract and open the database: everything a run needs first.
    Folders that could not be read (see collect_inputs) are logged and kept for the summary."""
    log_path = log_path or start_log(db)
    for folder, why in unreadable or []:
        log.warning("%s: folder cannot be read (%s): its files are not processed", folder, why)
    check_tesseract()
    limit_threads()  # inherited by the worker processes and their Tesseracts
    return Batch(store.connect(db), db, log_path, unreadable=list(unreadable or []))


@_interrupt_after()
def close_batch(batch: Batch) -> None:
    """Record the run in the `runs` table, let go of documents claimed but not written, and
    link the files that are the same report."""
    store.release_claims(batch.engine)
    store.link_same(batch.engine)
    store.fill_measures(batch.engine, catalogue())
    status = Counter(r.status for r in batch.results)
    sources = Counter(p.source for r in batch.results for p in r.pages if not p.error)
    store.record_run(batch.engine, {
        "started_at": batch.started, "finished_at": _now(), "version": _version(),
        "files_seen": batch.files_seen, "files_ok": status["ok"],
        "files_partial": status["partial"], "files_failed": status["failed"],
        "files_skipped": batch.skipped, "pages_ocr": sources["ocr"],
        "pages_text": sources["text"] + sources["text-converted"], "log_file": str(batch.log_path),
    })


# Why a file is skipped, as process_files tells skipped(path, why, detail); and a folder
# that cannot be read, as watch_folder tells it.
KNOWN, ELSEWHERE, COPY, UNREADABLE = "known", "elsewhere", "copy", "unreadable"


def process_files(batch: Batch, files: list[Path], workers: PageWorkers | None, *,
                  force: bool = False, retry_failed: bool = False,
                  progress: bool | None = None,
                  report: Callable[[DocumentResult], None] | None = None,
                  skipped: Callable[[Path, str, str], None] | None = None) -> None:
    """Process the files not yet in the database, writing each document as it finishes.
    Each is claimed before it is read, so runs sharing the database never read it twice.
    report(result) hears of each document written; skipped(path, why, detail) of each
    skipped: KNOWN, ELSEWHERE, or COPY of the earlier file named in detail.

    A document that fails in any stage or in its write is recorded failed and the batch
    goes on; the database's own failure (DatabaseError) stops it."""
    batch.files_seen += len(files)
    with _interrupt_after():
        known = set() if force else store.known_documents(batch.engine, retry_failed)
    shas = {path: _sha256_or_none(path) for path in files}
    first: dict[str, Path] = {}  # sha256 → the file of this run that has those bytes
    todo = []
    for path in files:
        sha = shas[path]
        if sha is not None and sha in known:
            log.info("%s: already in the database, skipped", path)
            why, detail = KNOWN, ""
        elif sha is not None and sha in first:
            log.info("%s: the same bytes as %s, earlier in this run: skipped", path, first[sha])
            why, detail = COPY, str(first[sha])
            batch.copies += 1
        else:
            if sha is not None:
                first[sha] = path
            todo.append(path)
            continue
        batch.skipped += 1
        if skipped:
            skipped(path, why, detail)
    if progress is None:
        progress = sys.stderr.isatty()
    bar = tqdm(
        total=sum(page_count(p) for p in todo) if progress and todo else 0,
        unit=" pages", disable=not (progress and todo), file=sys.stderr, leave=False,
        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} pages "
                   "[{elapsed}, {rate_fmt}, ETA {remaining}]{postfix}",
    )

    @_interrupt_after()
    def claim(path: Path) -> bool:
        sha = shas[path]
        if sha is None or store.claim(batch.engine, sha, not force, retry_failed):
            return True
        batch.skipped += 1
        batch.elsewhere += 1
        log.info("%s: read by another run meanwhile, skipped", path)
        if skipped:
            skipped(path, ELSEWHERE, "")
        return False

    def done(result: DocumentResult) -> None:
        with _interrupt_after():  # a document written is a document counted
            result = _write(batch.engine, result)
            batch.keep(result)
        log.info("%s: %s (%d pages, %.1f s)", result.path, result.status, result.n_pages,
                 result.seconds)
        bar.set_postfix_str(result.filename[-30:])
        if report:
            report(result)

    try:
        read_documents(todo, workers, done, tick=bar.update, claim=claim)
    finally:
        bar.close()


def _write(engine: Engine, result: DocumentResult) -> DocumentResult:
    """Write the document, or (its write failed: a constraint, a value the database refuses)
    its failure instead, so the batch goes on; what was written of it is rolled back. The
    database's own failure, or a failure row it cannot take either, raises DatabaseError."""
    try:
        store.write(engine, result)
        return result
    except Exception as exc:
        _stop_if_database(exc, result)
        log.exception("%s: could not be written to the database", result.path)
        result = failed(result, f"could not be written to the database "
                                f"({type(exc).__name__}): {reason(exc)}")
    try:
        store.write(engine, result)
    except Exception as exc:  # not even its failure: the database is at fault
        _stop_if_database(exc, result)
        log.exception("%s: its failure could not be written either", result.path)
        raise database_error(exc) from exc
    return result


def _stop_if_database(exc: Exception, result: DocumentResult) -> None:
    """Raise the database's own failure, logged with its traceback."""
    failure = store.database_failure(exc)
    if failure is not None:
        log.error("%s: the database failed while writing it", result.path, exc_info=exc)
        raise failure from exc


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sha256_or_none(path: Path) -> str | None:
    if not is_regular(path):  # a FIFO would block; processing records why
        return None
    try:
        return file_sha256(path)
    except OSError:  # unreadable: let processing record why
        return None


def _version() -> str:
    try:
        return metadata.version("baocao")
    except metadata.PackageNotFoundError:
        return "unknown"




def watch_folder(batch: Batch, inbox: Path, workers: PageWorkers | None, interval: float,
                 report: Callable[[DocumentResult], None],
                 skipped: Callable[[Path, str, str], None] | None = None) -> None:
    """Process files as they settle in `inbox`, one `runs` row per round, until Ctrl-C
    (KeyboardInterrupt reaches the caller after the round's row is written). A folder that
    cannot be read is told once, to the log and to skipped(folder, UNREADABLE, reason)."""
    last_seen: dict[Path, tuple[int, int]] = {}
    handled: set[tuple[Path, int, int]] = set()
    told: set[Path] = set()
    try:
        while True:
            unreadable: list[tuple[Path, str]] = []
            ready = settled(collect_inputs([inbox], unreadable), last_seen, handled)
            for folder, why in unreadable:
                if folder not in told:
                    told.add(folder)
                    log.warning("%s: folder cannot be read (%s): its files are not processed",
                                folder, why)
                    if skipped:
                        skipped(folder, UNREADABLE, why)
            if ready:
                handled.update((p, *last_seen[p]) for p in ready)
                process_files(batch, ready, workers, progress=False, report=report,
                              skipped=skipped)
                with _interrupt_after():  # a stop in between would close the round twice
                    close_batch(batch)
                    batch = open_batch(batch.db, batch.log_path)
            time.sleep(interval)
    finally:
        if batch.files_seen:
            close_batch(batch)


def _written(result: DocumentResult) -> DocumentResult:
    """What a batch keeps of a document once it is in the database: its counts, not its
    words, lines and texts (a run over a whole archive would hold them all otherwise)."""
    pages = [replace(p, lines=[], tables=[]) for p in result.pages]
    tables = [replace(t, cells=[replace(c, text="", row_path="", column_path="")
                                for c in t.cells]) for t in result.tables]
    sections = [replace(x, body=[]) for x in result.sections]
    figures = [replace(f, sentence="") for f in result.figures]
    return replace(result, pages=pages, texts=[], passages=[], items=[], tables=tables,
                   sections=sections, figures=figures)


def summary_lines(batch: Batch) -> list[str]:
    """What a run did, in the lines the terminal shows at its end."""
    results, skipped = batch.results, batch.skipped
    status = Counter(r.status for r in results)
    sources = Counter(p.source for r in results for p in r.pages if not p.error)
    kinds = Counter(s.kind for r in results for s in r.sections if s.heading)
    figures = Counter(f.kind for r in results for f in r.figures)
    flags = Counter(g.flag for r in results for g in r.flags)
    tables = Counter(t.ruling for r in results for t in r.tables)
    cells = sum(len(t.cells) for r in results for t in r.tables)
    numbers = sum(1 for r in results for t in r.tables for c in t.cells if c.value is not None)

    def fmt(counter: Counter, label: str = "") -> str:
        """"4 (ok 3; failed 1)": the total, then each code's count (names may hold commas)."""
        items = sorted((code_name(k), n) for k, n in counter.items())
        total = number(sum(counter.values()))
        if not items:
            return total
        return f"{total} ({label}{'; '.join(f'{k} {number(n)}' for k, n in items)})"

    known = skipped - batch.elsewhere - batch.copies
    done = ""
    if known:
        done += " " + _("({n} already in the database, skipped)").format(n=number(known))
    if batch.elsewhere:
        done += " " + _("({n} read by another run at the same time, skipped)").format(
            n=number(batch.elsewhere))
    if batch.copies:
        done += " " + ngettext("({n} copy of a file earlier in this run, skipped)",
                               "({n} copies of a file earlier in this run, skipped)",
                               batch.copies).format(n=number(batch.copies))
    unread = [(_("folder not read:"), _("{path} ({reason}): its files are not processed")
               .format(path=printable(str(folder)), reason=why))
              for folder, why in batch.unreadable]
    lines = [
        (_("documents:"), fmt(status) + done),
        *unread,
        (_("pages:"), fmt(sources)),
        (_("sections:"), fmt(kinds)),
        (_("figures:"), fmt(figures)),
        (_("flags:"), fmt(flags)),
        (_("tables:"), _("{tables}; {cells} cells, {numbers} numbers").format(
            tables=fmt(tables, _("ruling") + " "), cells=number(cells), numbers=number(numbers))),
        (_("database:"), store.display_name(batch.db)),
    ]
    width = max(len(label) for label, _value in lines) + 1
    return [f"{label:<{width}}{value}" for label, value in lines]
