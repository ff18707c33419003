"""Running many files: worker processes or a Dask cluster reading pages side by side,
progress, the log file, the `runs` table, and stopping cleanly. The command line (cli.py)
only calls these."""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from sqlalchemy import Engine
from tqdm import tqdm

from baocao import store
from baocao.datamodel import DocumentResult, PageContent
from baocao.errors import BaocaoError, MissingDependencyError
from baocao.extract import SUPPORTED_SUFFIXES, page_count, read_page
from baocao.extract.tesseract import check_tesseract, limit_threads
from baocao.pipelines.process import Opened, begin, file_sha256, finish

log = logging.getLogger("baocao")

# Office and other document formats met in archives: found in a folder, they are
# recorded as failed (unsupported) so nobody thinks they were read.
DOCUMENT_LIKE_SUFFIXES = {
    ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".djvu",
    ".gif", ".bmp", ".webp", ".heic", ".jp2",
}

def collect_inputs(inputs: list[Path]) -> list[Path]:
    """Files named on the command line are always tried; folders are walked recursively
    for documents, skipping code, notes and hidden files."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                hidden = any(part.startswith(".") for part in path.relative_to(item).parts)
                wanted = SUPPORTED_SUFFIXES | DOCUMENT_LIKE_SUFFIXES
                if path.is_file() and not hidden and path.suffix.lower() in wanted:
                    files.append(path)
        elif item.exists():
            files.append(item)
        else:
            raise BaocaoError(f"no such file or folder: {item}")
    return list(dict.fromkeys(files))


def start_log(db: str) -> Path:
    """One log file per run beside the database (out/logs for a database server); it holds
    every warning and traceback. It replaces the log file of an earlier run in this process,
    and nothing else."""
    logdir = (Path("out") if store.is_url(db) else Path(db).parent) / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    path = logdir / f"run-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "baocao_run_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.baocao_run_log = True
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


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
    skipped: int = 0
    results: list[DocumentResult] = field(default_factory=list)


def open_batch(db: str, log_path: Path | None = None) -> Batch:
    """Start the log, check Tesseract and open the database: everything a run needs first."""
    log_path = log_path or start_log(db)
    check_tesseract()
    limit_threads()  # inherited by the worker processes and their Tesseracts
    return Batch(store.connect(db), db, log_path)


def close_batch(batch: Batch) -> None:
    """Record the run in the `runs` table."""
    status = Counter(r.status for r in batch.results)
    sources = Counter(p.source for r in batch.results for p in r.pages if not p.error)
    store.record_run(batch.engine, {
        "started_at": batch.started, "finished_at": _now(), "version": _version(),
        "files_seen": batch.files_seen, "files_ok": status["ok"],
        "files_partial": status["partial"], "files_failed": status["failed"],
        "files_skipped": batch.skipped, "pages_ocr": sources["ocr"],
        "pages_text": sources["text"] + sources["text-converted"], "log_file": str(batch.log_path),
    })


def process_files(batch: Batch, files: list[Path], workers: PageWorkers | None, *,
                  force: bool = False, progress: bool | None = None,
                  report: Callable[[DocumentResult], None] | None = None) -> None:
    """Process the files not yet in the database, writing each document as it finishes."""
    batch.files_seen += len(files)
    known = set() if force else store.known_documents(batch.engine)
    todo = [p for p in files if not (known and _sha256_or_none(p) in known)]
    batch.skipped += len(files) - len(todo)
    for path in files:
        if path not in todo:
            log.info("%s: already in the database, skipped", path)
    if progress is None:
        progress = sys.stderr.isatty()
    bar = tqdm(
        total=sum(page_count(p) for p in todo) if progress and todo else 0,
        unit=" pages", disable=not (progress and todo), file=sys.stderr, leave=False,
        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} pages "
                   "[{elapsed}, {rate_fmt}, ETA {remaining}]{postfix}",
    )

    def done(result: DocumentResult) -> None:
        store.write(batch.engine, result)
        log.info("%s: %s (%d pages, %.1f s)", result.path, result.status, result.n_pages,
                 result.seconds)
        batch.results.append(result)
        bar.set_postfix_str(result.filename[-30:])
        if report:
            report(result)

    try:
        read_documents(todo, workers, done, tick=bar.update)
    finally:
        bar.close()


class PageWorkers:
    """Where pages are read side by side: local worker processes or a Dask cluster."""

    def __init__(self, pool: ProcessPoolExecutor | None = None, client=None, slots: int = 1):
        self.pool, self.client, self.slots = pool, client, slots

    def submit(self, path: Path, n_pages: int) -> list:
        """One task per page. A cluster worker may not see the file: it gets its bytes."""
        if self.client is not None:
            data = self.client.scatter(path.read_bytes())
            return [self.client.submit(read_page, data, i, pure=False) for i in range(n_pages)]
        return [self.pool.submit(read_page, path, i) for i in range(n_pages)]


@contextmanager
def page_workers(jobs: int, scheduler: str | None) -> Iterator[PageWorkers | None]:
    """Worker processes (--jobs N), a Dask cluster (--scheduler), or None: pages in turn."""
    if scheduler:
        from distributed import Client

        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise BaocaoError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield PageWorkers(client=client, slots=max(1, sum(client.nthreads().values())))
        finally:
            client.close()
    elif jobs > 1:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)
        try:
            yield PageWorkers(pool=pool, slots=jobs)
        except BaseException:  # Ctrl-C: drop the pages not started, finish the running ones
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    else:
        yield None


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the main process, which stops the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def read_documents(paths: list[Path], workers: PageWorkers | None,
                   done: Callable[[DocumentResult], None],
                   tick: Callable[[int], object] = lambda n: None) -> None:
    """Process the files in order, calling done(result) for each and tick(1) for each page.

    With workers, pages are read side by side across documents; each worker holds one page
    image at a time, and at most a few pages per worker wait to be collected."""
    if workers is None:
        for path in paths:
            opened, pages = begin(path)
            done(finish(opened, _ticking(pages or [], tick)))
        return
    window: deque[tuple[Opened, list]] = deque()
    for path in paths:
        opened, pages = begin(path)
        if pages is None:
            window.append((opened, []))
        else:
            pages.close()  # the workers open the file themselves
            window.append((opened, workers.submit(path, opened.n_pages)))
        while sum(len(t) for _, t in window) > PAGES_IN_FLIGHT * workers.slots or (
            window and not window[0][1]
        ):
            _collect(*window.popleft(), done, tick)
    while window:
        _collect(*window.popleft(), done, tick)


# Pages submitted ahead per worker: enough to keep every worker busy across documents.
PAGES_IN_FLIGHT = 4


def _ticking(pages: Iterable[PageContent], tick: Callable[[int], object]
             ) -> Iterator[PageContent]:
    for page in pages:
        tick(1)
        yield page


def _collect(opened: Opened, tasks: list, done, tick) -> None:
    done(finish(opened, _ticking((_page_of(task, i) for i, task in enumerate(tasks)), tick)))


def _page_of(task, index: int) -> PageContent:
    """A worker's page, or the page marked failed if the worker itself failed."""
    try:
        return task.result()
    except MissingDependencyError as exc:  # e.g. a cluster worker without Tesseract
        return PageContent(index + 1, "ocr", [], 0, 0, error=f"worker: {exc}")
    except Exception as exc:
        log.exception("worker failed on page %d", index + 1)
        return PageContent(index + 1, "ocr", [], 0, 0, error=f"worker failed: {exc}")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sha256_or_none(path: Path) -> str | None:
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
                 report: Callable[[DocumentResult], None]) -> None:
    """Process files as they settle in `inbox`, one `runs` row per round, until Ctrl-C
    (KeyboardInterrupt reaches the caller after the round's row is written)."""
    last_seen: dict[Path, tuple[int, int]] = {}
    handled: set[tuple[Path, int, int]] = set()
    try:
        while True:
            ready = settled(collect_inputs([inbox]), last_seen, handled)
            if ready:
                handled.update((p, *last_seen[p]) for p in ready)
                process_files(batch, ready, workers, progress=False, report=report)
                close_batch(batch)
                batch = open_batch(batch.db, batch.log_path)
            time.sleep(interval)
    finally:
        if batch.files_seen:
            close_batch(batch)


def summary_lines(batch: Batch) -> list[str]:
    """What a run did, in the lines the terminal shows at its end."""
    results, skipped = batch.results, batch.skipped
    status = Counter(r.status for r in results)
    sources = Counter(p.source for r in results for p in r.pages if not p.error)
    kinds = Counter(s.kind for r in results for s in r.sections if s.heading)
    figures = Counter(f.kind for r in results for f in r.figures)
    flags = Counter(g.flag for r in results for g in r.flags)

    def fmt(counter: Counter) -> str:
        return ", ".join(f"{k} {n}" for k, n in sorted(counter.items())) or "none"

    done = f" ({skipped} already in the database, skipped)" if skipped else ""
    return [
        f"documents: {len(results)} ({fmt(status)}){done}",
        f"pages:     {sum(sources.values())} ({fmt(sources)})",
        f"sections:  {sum(kinds.values())} ({fmt(kinds)})",
        f"figures:   {sum(figures.values())} ({fmt(figures)})",
        f"flags:     {sum(flags.values())} ({fmt(flags)})",
        f"database:  {store.display_name(batch.db)}",
    ]
