"""The `baocao` command: run, query, export. Errors reach the user as one line; the
traceback, if any, goes to the run's log file."""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime, timezone
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from tqdm import tqdm

from baocao.datamodel import DocumentResult, PageContent
from baocao.errors import EXIT_FILES_FAILED, BaocaoError
from baocao.extract import SUPPORTED_SUFFIXES, read_page
from baocao.extract.tesseract import check_tesseract
from baocao.pipelines import store
from baocao.pipelines.process import begin, file_sha256, finish, process_file

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

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


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


def _start_log(db: Path) -> Path:
    """One log file per run beside the database; it holds every warning and traceback."""
    logdir = db.parent / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    path = logdir / f"run-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    return path


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="PDF/image files or folders.")],
    db: DbOption = store.DEFAULT_DB,
    force: Annotated[
        bool, typer.Option("--force", help="Process files already in the database again.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Pages read side by side (default: cores).")
    ] = os.cpu_count() or 1,
) -> None:
    """Extract text, sections and figures from INPUT files into the database.

    Files already there (same bytes) are skipped unless --force; a file whose bytes
    changed is processed again and its old rows replaced."""
    started = _now()
    try:
        files = collect_inputs(inputs)
        log_path = _start_log(db)
        check_tesseract()
        engine = store.connect(db)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if not files:
        typer.echo("baocao: no PDF or image files found in the inputs", err=True)
        raise typer.Exit(EXIT_FILES_FAILED)
    known = set() if force else store.known_documents(engine)
    todo = [p for p in files if not (known and _sha256_or_none(p) in known)]
    skipped = len(files) - len(todo)
    for path in files:
        if path not in todo:
            log.info("%s: already in the database, skipped", path)
    results: list[DocumentResult] = []
    quiet = len(todo) < 2 or not sys.stderr.isatty()
    bar = tqdm(total=len(todo), unit="file", disable=quiet, file=sys.stderr, leave=False)

    def done(result: DocumentResult) -> None:
        store.write(engine, result)
        log.info("%s: %s (%d pages, %.1f s)", result.path, result.status, result.n_pages,
                 result.seconds)
        results.append(result)
        bar.set_postfix_str(result.filename[-40:])
        bar.update()

    try:
        read_documents(todo, jobs, done)
    except BaocaoError as exc:  # missing Tesseract: every other file would fail too
        bar.close()
        raise _fail(exc) from None
    bar.close()
    _record_run(engine, started, files, results, skipped, log_path)
    _print_summary(results, skipped, db)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        typer.echo(f"\n{len(failed)} of {len(results)} files failed:", err=True)
        for r in failed:
            typer.echo(f"  {r.path}: {r.error}", err=True)
        typer.echo(f"details: {log_path}", err=True)
        raise typer.Exit(EXIT_FILES_FAILED)


def read_documents(paths: list[Path], jobs: int, done) -> None:
    """Process the files in order, calling done(result) for each. With jobs > 1 their pages
    are OCRed by worker processes, side by side, across documents; each worker holds one
    page image at a time, and at most a few pages per worker wait to be collected."""
    if jobs < 2 or not paths:
        for path in paths:
            done(process_file(path))
        return
    window: deque[tuple[DocumentResult, list[Future]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for path in paths:
            result, pages = begin(path)
            if pages is None:
                window.append((result, []))
            else:
                pages.close()  # the workers open the file themselves
                tasks = [pool.submit(read_page, path, i) for i in range(result.n_pages)]
                window.append((result, tasks))
            while sum(len(t) for _, t in window) > PAGES_IN_FLIGHT * jobs or (
                window and not window[0][1]
            ):
                _collect(*window.popleft(), done)
        while window:
            _collect(*window.popleft(), done)


# Pages submitted ahead per worker: enough to keep every worker busy across documents.
PAGES_IN_FLIGHT = 4


def _collect(result: DocumentResult, tasks: list[Future], done) -> None:
    done(finish(result, (_page_of(task, i) for i, task in enumerate(tasks))))


def _page_of(task: Future, index: int) -> PageContent:
    """A worker's page, or the page marked failed if the worker itself failed."""
    try:
        return task.result()
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


def _record_run(engine, started: str, files: list[Path], results: list[DocumentResult],
                skipped: int, log_path: Path) -> None:
    status = Counter(r.status for r in results)
    sources = Counter(p.source for r in results for p in r.pages if not p.error)
    store.record_run(engine, {
        "started_at": started, "finished_at": _now(), "version": _version(),
        "files_seen": len(files), "files_ok": status["ok"], "files_partial": status["partial"],
        "files_failed": status["failed"], "files_skipped": skipped,
        "pages_ocr": sources["ocr"], "pages_text": sources["text"], "log_file": str(log_path),
    })


def _version() -> str:
    try:
        return metadata.version("baocao")
    except metadata.PackageNotFoundError:
        return "unknown"


def _print_summary(results: list[DocumentResult], skipped: int, db: Path) -> None:
    status = Counter(r.status for r in results)
    sources = Counter(p.source for r in results for p in r.pages if not p.error)
    kinds = Counter(s.kind for r in results for s in r.sections if s.heading)
    figures = Counter(f.kind for r in results for f in r.figures)

    def fmt(counter: Counter) -> str:
        return ", ".join(f"{k} {n}" for k, n in sorted(counter.items())) or "none"

    done = f" ({skipped} already in the database, skipped)" if skipped else ""
    typer.echo(f"documents: {len(results)} ({fmt(status)}){done}")
    typer.echo(f"pages:     {sum(sources.values())} ({fmt(sources)})")
    typer.echo(f"sections:  {sum(kinds.values())} ({fmt(kinds)})")
    typer.echo(f"figures:   {sum(figures.values())} ({fmt(figures)})")
    typer.echo(f"database:  {db}")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL SELECT statement.")],
    db: DbOption = store.DEFAULT_DB,
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


class Format(str, Enum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"


@app.command()
def export(
    db: DbOption = store.DEFAULT_DB,
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
                frame.to_excel(writer, sheet_name=name, index=False)
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
