"""The `baocao` command: run, query, export. Errors reach the user as one line; the
traceback, if any, goes to the run's log file."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from sqlalchemy import Engine
from tqdm import tqdm

from baocao.datamodel import DocumentResult, PageContent
from baocao.errors import EXIT_FILES_FAILED, BaocaoError, MissingDependencyError
from baocao.extract import SUPPORTED_SUFFIXES, page_count, read_page
from baocao.extract.tesseract import check_tesseract
from baocao.pipelines import store
from baocao.pipelines.process import begin, file_sha256, finish

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Turn scanned Vietnamese reports into tables you can query.",
)
log = logging.getLogger("baocao")

# Office and other document formats met in archives: found in a folder, they are
# recorded as failed (unsupported) so nobody thinks they were read.
DOCUMENT_LIKE_SUFFIXES = {
    ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".djvu",
    ".gif", ".bmp", ".webp", ".heic", ".jp2",
}

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file, or a PostgreSQL URL postgresql://USER@HOST/DB.")
]


def _fail(exc: BaocaoError) -> typer.Exit:
    typer.echo(f"baocao: error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


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


def _start_log(db: str) -> Path:
    """One log file per run beside the database (out/logs for a database server); it holds
    every warning and traceback."""
    logdir = (Path("out") if store.is_url(db) else Path(db).parent) / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    path = logdir / f"run-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    return path


CORES = os.cpu_count() or 1
DEFAULT_DB = str(store.DEFAULT_DB)
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Pages read side by side (default: cores).")
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                 help="Dask scheduler: the cluster's workers read the pages."),
]
ProgressOption = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress",
                 help="Progress bar with pages/s and ETA (default: on a terminal)."),
]


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="PDF/image files or folders.")],
    db: DbOption = DEFAULT_DB,
    force: Annotated[
        bool, typer.Option("--force", help="Process files already in the database again.")
    ] = False,
    jobs: JobsOption = CORES,
    scheduler: SchedulerOption = None,
    progress: ProgressOption = None,
) -> None:
    """Extract text, sections and figures from INPUT files into the database.

    Files already there (same bytes) are skipped unless --force; a file whose bytes
    changed is processed again and its old rows replaced. Each document is written in one
    transaction, so an interrupted run keeps every finished document and the next run
    does the rest."""
    try:
        files = collect_inputs(inputs)
        batch = open_batch(db)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if not files:
        typer.echo("baocao: no PDF or image files found in the inputs", err=True)
        raise typer.Exit(EXIT_FILES_FAILED)
    interrupted = False
    try:
        with page_workers(jobs, scheduler) as workers:
            process_files(batch, files, workers, force=force, progress=progress)
    except BaocaoError as exc:  # missing Tesseract, unreachable cluster: every file would fail
        raise _fail(exc) from None
    except KeyboardInterrupt:
        interrupted = True
    close_batch(batch)
    _print_summary(batch)
    if interrupted:
        typer.echo(f"\ninterrupted: the {len(batch.results)} documents finished are kept; "
                   "run again to do the rest", err=True)
        raise typer.Exit(130)
    failed = [r for r in batch.results if r.status == "failed"]
    if failed:
        typer.echo(f"\n{len(failed)} of {len(batch.results)} files failed:", err=True)
        for r in failed:
            typer.echo(f"  {r.path}: {r.error}", err=True)
        typer.echo(f"details: {batch.log_path}", err=True)
        raise typer.Exit(EXIT_FILES_FAILED)


@app.command()
def watch(
    inbox: Annotated[Path, typer.Argument(help="Folder where new reports arrive.")],
    db: DbOption = DEFAULT_DB,
    jobs: JobsOption = CORES,
    scheduler: SchedulerOption = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="Seconds between looks at INBOX.")
    ] = 5.0,
) -> None:
    """Process new files as they appear in INBOX (walked recursively), until Ctrl-C.

    A file is read once its size and time stamp stayed the same for one interval, so a
    file still being copied is not read half-written."""
    if not inbox.is_dir():
        raise _fail(BaocaoError(f"no such folder: {inbox}"))
    try:
        batch = open_batch(db)
    except BaocaoError as exc:
        raise _fail(exc) from None
    typer.echo(f"watching {inbox} every {interval:g} s (Ctrl-C stops)", err=True)
    last_seen: dict[Path, tuple[int, int]] = {}
    handled: set[tuple[Path, int, int]] = set()

    def report(result: DocumentResult) -> None:
        reason = f": {result.error}" if result.error else ""
        typer.echo(f"{result.filename}: {result.status}, {result.n_pages} pages, "
                   f"{len(result.figures)} figures{reason}")

    try:
        with page_workers(jobs, scheduler) as workers:
            while True:
                ready = _settled(collect_inputs([inbox]), last_seen, handled)
                if ready:
                    handled.update((p, *last_seen[p]) for p in ready)
                    process_files(batch, ready, workers, progress=False, report=report)
                    close_batch(batch)
                    batch = open_batch(db, batch.log_path)
                time.sleep(interval)
    except BaocaoError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
    if batch.files_seen:
        close_batch(batch)


def _settled(files: list[Path], last_seen: dict[Path, tuple[int, int]],
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
    log_path = log_path or _start_log(db)
    check_tesseract()
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
            result, pages = begin(path)
            done(finish(result, _ticking(pages or [], tick)))
        return
    window: deque[tuple[DocumentResult, list]] = deque()
    for path in paths:
        result, pages = begin(path)
        if pages is None:
            window.append((result, []))
        else:
            pages.close()  # the workers open the file themselves
            window.append((result, workers.submit(path, result.n_pages)))
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


def _collect(result: DocumentResult, tasks: list, done, tick) -> None:
    done(finish(result, _ticking((_page_of(task, i) for i, task in enumerate(tasks)), tick)))


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


def _print_summary(batch: Batch) -> None:
    results, skipped = batch.results, batch.skipped
    status = Counter(r.status for r in results)
    sources = Counter(p.source for r in results for p in r.pages if not p.error)
    kinds = Counter(s.kind for r in results for s in r.sections if s.heading)
    figures = Counter(f.kind for r in results for f in r.figures)
    flags = Counter(g.flag for r in results for g in r.flags)

    def fmt(counter: Counter) -> str:
        return ", ".join(f"{k} {n}" for k, n in sorted(counter.items())) or "none"

    done = f" ({skipped} already in the database, skipped)" if skipped else ""
    typer.echo(f"documents: {len(results)} ({fmt(status)}){done}")
    typer.echo(f"pages:     {sum(sources.values())} ({fmt(sources)})")
    typer.echo(f"sections:  {sum(kinds.values())} ({fmt(kinds)})")
    typer.echo(f"figures:   {sum(figures.values())} ({fmt(figures)})")
    typer.echo(f"flags:     {sum(flags.values())} ({fmt(flags)})")
    typer.echo(f"database:  {store.display_name(batch.db)}")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL SELECT statement.")],
    db: DbOption = DEFAULT_DB,
    width: Annotated[int, typer.Option(help="Cut cells to this many characters (0: never).")] = 60,
) -> None:
    """Print the result of a read-only SQL query as a table."""
    try:
        frame = store.query(db, sql)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if frame.empty:
        typer.echo(f"(no rows; columns: {', '.join(frame.columns)})")
        return
    with pd.option_context(
        "display.max_colwidth", width or None, "display.width", 250,
        "display.max_rows", 200, "display.max_columns", 50,
    ):
        # 12492100000 and 52.8 as people write them, not 1.249210e+10 and 52.800000
        typer.echo(frame.to_string(index=False, float_format=lambda x: f"{x:.15g}"))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words to find; "quote" a phrase.')],
    db: DbOption = DEFAULT_DB,
    exact: Annotated[
        bool | None,
        typer.Option("--exact/--folded", help=(
            "--exact: diacritics count, 'hạn' is not 'hán'. --folded: without diacritics, "
            "for OCR-damaged text or a query typed without them ('kho khan ve von'). "
            "Default: exact when the query has diacritics, folded when it has none.")),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this section kind: difficulties, lessons…")
    ] = None,
    province: Annotated[
        str | None, typer.Option("--province", help="Only reports of this province.")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Only reports whose period covers this year.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits shown.")] = 20,
) -> None:
    """Full-text search: ranked paragraphs with their report, page and section kind, the
    matches marked [like this] (in bold on a terminal)."""
    from baocao.pipelines.search import search as run_search

    try:
        q, hits = run_search(db, query, folded=None if exact is None else not exact, kind=kind,
                             province=province, year=year, limit=limit)
    except BaocaoError as exc:
        raise _fail(exc) from None
    mode = "without diacritics" if q.folded else "exact, diacritics count"
    typer.echo(f"{len(hits)} hit{'' if len(hits) == 1 else 's'} ({mode})")
    bold = sys.stdout.isatty()
    mark = ("\033[1m", "\033[0m") if bold else ("[", "]")
    for n, hit in enumerate(hits, 1):
        where = ", ".join(str(x) for x in (hit.province, _years(hit)) if x)
        typer.echo(f"\n{n}. {hit.filename}  page {hit.page_no}  {hit.section_kind or '-'}"
                   + (f"  ({where})" if where else ""))
        typer.echo(f"   {hit.snippet(mark)}")


def _years(hit) -> str | None:
    if hit.year_start is None:
        return None
    if hit.year_start == hit.year_end:
        return str(hit.year_start)
    return f"{hit.year_start}-{hit.year_end}"


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8001,
) -> None:
    """Browse the tables in Datasette: descriptions, facets, full-text search and ready-made
    queries (amounts by province and year, lessons learned, difficulties mentioning a word).
    SQLite databases only. Ctrl-C stops it."""
    from baocao.pipelines.serve import serve as run_server

    try:
        run_server(db, host, port)
    except BaocaoError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        pass


@app.command()
def review(
    document: Annotated[str, typer.Argument(help="File name, path or doc_id (its first 6+ "
                                                 "characters will do).")],
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path | None, typer.Option("--out", help="HTML file to write (default: out/review/).")
    ] = None,
) -> None:
    """Write a self-contained HTML page to check a document against its scan: every page
    image beside its text, each figure boxed on the image and listed with its value, unit,
    subject, section and flags, and the outline of its sections."""
    from baocao.pipelines.review import find_document, write_review

    try:
        if out is None:
            out = Path("out/review") / f"{Path(find_document(db, document)['filename']).stem}.html"
        path, missing = write_review(db, document, out)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if missing:
        typer.echo(f"baocao: warning: page images are missing: {missing}", err=True)
    typer.echo(str(path))


class Format(str, Enum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", help="csv, parquet or xlsx.")] = Format.csv,
    out: Annotated[Path, typer.Option("--out", help="Folder to write into.")] = Path("out/export"),
) -> None:
    """Write every table to files: one CSV/Parquet file per table, or one XLSX workbook."""
    try:
        frames = {t.name: store.read_table(db, t.name) for t in [*store.TABLES, store.runs]}
    except BaocaoError as exc:
        raise _fail(exc) from None
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if format is Format.xlsx:
        path = out / "baocao.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in frames.items():
                cut = fit_excel_cells(frame)
                if cut:
                    typer.echo(f"baocao: warning: {name}: {cut} cells longer than Excel holds "
                               "were cut (the CSV and Parquet exports keep them whole)", err=True)
                for sheet, part in excel_sheets(name, frame):
                    part.to_excel(writer, sheet_name=sheet, index=False)
        written.append(path)
    for name, frame in frames.items() if format is not Format.xlsx else []:
        path = out / f"{name}.{format.value}"
        if format is Format.csv:
            frame.to_csv(path, index=False, encoding="utf-8-sig")  # BOM: Excel reads UTF-8
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    for path in written:
        typer.echo(str(path))


# What one Excel sheet holds: rows (less the header) and characters in a cell.
EXCEL_MAX_ROWS = 1_048_575
EXCEL_MAX_CHARS = 32_767
EXCEL_CUT_NOTE = " … [cut: an Excel cell holds 32,767 characters]"


def excel_sheets(name: str, frame: pd.DataFrame, max_rows: int = EXCEL_MAX_ROWS
                 ) -> list[tuple[str, pd.DataFrame]]:
    """One sheet per table; a table longer than a sheet goes on over "words 2", "words 3"…"""
    parts = [frame.iloc[i:i + max_rows] for i in range(0, max(len(frame), 1), max_rows)]
    return [(name if n == 1 else f"{name} {n}", part) for n, part in enumerate(parts, 1)]


def fit_excel_cells(frame: pd.DataFrame) -> int:
    """Cut, visibly, the texts Excel cannot hold in a cell; return how many were cut."""
    cut = 0
    for column in frame.columns:
        long = frame[column].map(lambda v: isinstance(v, str) and len(v) > EXCEL_MAX_CHARS)
        if long.any():
            keep = EXCEL_MAX_CHARS - len(EXCEL_CUT_NOTE)
            frame.loc[long, column] = frame.loc[long, column].str[:keep] + EXCEL_CUT_NOTE
            cut += int(long.sum())
    return cut


def main() -> None:
    """Console-script entry point: whatever goes wrong, the user sees one line, not a trace."""
    logging.getLogger().addHandler(logging.NullHandler())  # no trace on the terminal
    try:
        app()
    except Exception as exc:
        log.exception("internal error")
        typer.echo(f"baocao: internal error ({type(exc).__name__}): {exc}", err=True)
        typer.echo("details are in the run's log file under the database folder's logs/",
                   err=True)
        sys.exit(70)
