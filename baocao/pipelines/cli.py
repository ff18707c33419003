"""The `baocao` command: arguments in, calls to the pipelines, results out as terminal
lines. Errors reach the user as one line; the traceback, if any, goes to the run's log file."""

from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from baocao import store
from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError, ExitCode
from baocao.extract.files import printable
from baocao.i18n import _
from baocao.pipelines.batch import (
    close_batch,
    collect_inputs,
    crash_log,
    open_batch,
    page_workers,
    process_files,
    summary_lines,
    watch_folder,
)

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Turn scanned Vietnamese reports into tables you can query.",
)
log = logging.getLogger("baocao")

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file, or a PostgreSQL URL postgresql://USER@HOST/DB.")
]


def _fail(exc: BaocaoError) -> typer.Exit:
    typer.echo(f"baocao: error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


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
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Also try again every file that failed.")
    ] = False,
    jobs: JobsOption = CORES,
    scheduler: SchedulerOption = None,
    progress: ProgressOption = None,
) -> None:
    """Extract text, sections and figures from INPUT files into the database.

    Files already there (same bytes) are skipped unless --force; one that failed for a
    reason that may pass (a worker killed for lack of memory) is tried again, and with
    --retry-failed every failed one. A file whose bytes changed is processed again and its
    old rows replaced. Each document is written in one
    transaction, so an interrupted run keeps every finished document and the next run
    does the rest."""
    try:
        files = collect_inputs(inputs)
        batch = open_batch(db)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if not files:
        typer.echo("baocao: no PDF or image files found in the inputs", err=True)
        raise typer.Exit(ExitCode.files_failed)
    interrupted = False
    try:
        with page_workers(jobs, scheduler) as workers:
            process_files(batch, files, workers, force=force, retry_failed=retry_failed,
                          progress=progress)
    except BaocaoError as exc:  # missing Tesseract, unreachable cluster: every file would fail
        raise _fail(exc) from None
    except KeyboardInterrupt:
        interrupted = True
    close_batch(batch)
    for line in summary_lines(batch):
        typer.echo(line)
    if interrupted:
        typer.echo(f"\ninterrupted: the {len(batch.results)} documents finished are kept; "
                   "run again to do the rest", err=True)
        raise typer.Exit(ExitCode.interrupted)
    failed = [r for r in batch.results if r.status == "failed"]
    if failed:
        typer.echo(f"\n{len(failed)} of {len(batch.results)} files failed:", err=True)
        for r in failed:
            typer.echo(f"  {printable(r.path)}: {printable(r.error or '')}", err=True)
        typer.echo(f"details: {batch.log_path}", err=True)
        raise typer.Exit(ExitCode.files_failed)


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

    def report(result: DocumentResult) -> None:
        reason = f": {result.error}" if result.error else ""
        typer.echo(printable(f"{result.filename}: {result.status}, {result.n_pages} pages, "
                             f"{len(result.figures)} figures{reason}"))

    try:
        with page_workers(jobs, scheduler) as workers:
            watch_folder(batch, inbox, workers, interval, report)
    except BaocaoError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help=_(
        "One SQL SELECT statement. fold(text) is the text in lower case without diacritics: "
        "fold(province) = 'bac giang' finds Bắc Giang."))],
    db: DbOption = DEFAULT_DB,
    width: Annotated[int, typer.Option(min=0, help=_(
        "Cut longer cells to this many characters, ending in '…' (0: never)."))] = 60,
    csv: Annotated[bool, typer.Option("--csv", help=_(
        "Print CSV instead of a table (for other programs)."))] = False,
    out: Annotated[Path | None, typer.Option("--out", help=_(
        "Write the result to this file instead: .csv or .xlsx."))] = None,
) -> None:
    """Print the result of a read-only SQL query as a table, empty cells blank."""
    from baocao.store.readonly import typed

    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise _fail(BaocaoError(_("--out: name a .csv or .xlsx file, not {name}").format(
            name=out.name)))
    try:
        frame = typed(store.query(db, sql))
    except BaocaoError as exc:
        raise _fail(exc) from None
    if out is not None:
        _write_query(frame, out)
        typer.echo(str(out))
    elif csv:
        # 12492100000 and 52.8 as people write them, not 1.249210e+10 and 52.800000
        typer.echo(frame.to_csv(index=False, float_format="%.15g"), nl=False)
    elif frame.empty:
        typer.echo(_("(no rows; columns: {columns})").format(columns=", ".join(frame.columns)))
    else:
        typer.echo(frame.astype(object).map(lambda v: _cell(v, width)).to_string(index=False))


def _cell(value: object, width: int) -> str:
    """A value as the terminal shows it: blank when empty, numbers in full, on one line, cut
    to width characters with '…'."""
    if value is None or (not isinstance(value, str | bytes) and pd.isna(value)):
        return ""
    text = f"{value:.15g}" if isinstance(value, float) else " ".join(str(value).split())
    return text[:width - 1] + "…" if width and len(text) > width else text


def _write_query(frame: pd.DataFrame, out: Path) -> None:
    """A query's result as a CSV file Excel reads, or a workbook like the export's."""
    from baocao.pipelines.export import dated, fit_excel_cells, write_sheet

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".csv":
        frame.to_csv(out, index=False, encoding="utf-8-sig", float_format="%.15g")
        return
    fit_excel_cells(frame)
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        write_sheet(writer, "query", dated(frame, keep_zone=False))


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
    from baocao.pipelines.search import hit_lines
    from baocao.pipelines.search import search as run_search

    try:
        q, hits = run_search(db, query, folded=None if exact is None else not exact, kind=kind,
                             province=province, year=year, limit=limit)
    except BaocaoError as exc:
        raise _fail(exc) from None
    for line in hit_lines(q, hits, bold=sys.stdout.isatty()):
        typer.echo(line)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8001,
) -> None:
    """Browse the tables in Datasette: figures with their report's file and title, amounts
    the Vietnamese way, facets, search with or without diacritics, ready-made queries with
    totals (amounts by province and year or by subject, lessons learned, pages to check) and
    an overview with charts. SQLite databases only. Ctrl-C stops it."""
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


@app.command()
def summary(
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path, typer.Option("--out", help="HTML file to write (a .md beside it).")
    ] = Path("out/summary.html"),
    markdown: Annotated[
        bool, typer.Option("--markdown/--no-markdown", help="Also write the page as Markdown.")
    ] = True,
    with_reviews: Annotated[
        bool, typer.Option("--with-reviews", help="Also write every document's review page "
                                                  "into review/ beside it, linked.")
    ] = False,
) -> None:
    """Write one self-contained HTML page on what the database holds: documents by status,
    type, province and year; pages by source and OCR confidence; figures by kind and section;
    flags to check; amounts by province and year with a chart; each document's review page."""
    from baocao.pipelines.summary import write_summary

    try:
        written = write_summary(db, out, markdown=markdown, with_reviews=with_reviews)
    except BaocaoError as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(str(path))


class Format(str, Enum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"
    json = "json"
    markdown = "markdown"


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", help=_(
        "csv, parquet or xlsx: the tables; json or markdown: one file per document."))
    ] = Format.csv,
    out: Annotated[Path | None, typer.Option("--out", help=_(
        "Folder to write into (default: out/export, for one document's tables "
        "out/export/FILE)."))] = None,
    document: Annotated[str | None, typer.Option("--document", help=_(
        "Only this document: file name, path or doc_id (its first 6+ characters will do)."))
    ] = None,
    table: Annotated[list[str] | None, typer.Option("--table", metavar="NAME", help=_(
        "Only this table or view (repeat for more): documents, figure_details, "
        "table_values, figures, printed_tables…"))] = None,
) -> None:
    """Write the tables to files: one CSV/Parquet file per table and view, or one XLSX
    workbook ready to filter; or each document whole as JSON or Markdown."""
    from baocao.pipelines.document_export import export_documents
    from baocao.pipelines.export import export_tables

    try:
        found = None
        if document:
            from baocao.pipelines.review import find_document

            found = find_document(db, document)
        folder = out or Path("out/export")
        if format in (Format.json, Format.markdown):
            if table:
                raise BaocaoError(_("--table chooses tables for csv, parquet and xlsx; json "
                                    "and markdown write each document whole"))
            written = export_documents(db, format.value, folder,
                                       found["doc_id"] if found else None)
        else:
            if found and out is None:
                folder = folder / Path(found["filename"]).stem
            written = export_tables(db, format.value, folder,
                                    warn=lambda m: typer.echo(m, err=True),
                                    doc_id=found["doc_id"] if found else None,
                                    tables=table or ())
    except BaocaoError as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(str(path))


def main() -> None:
    """Console-script entry point: whatever goes wrong, the user sees one line, not a trace."""
    logging.getLogger().addHandler(logging.NullHandler())  # no trace on the terminal
    try:
        app()
    except Exception as exc:
        where = crash_log()
        log.exception("internal error")
        typer.echo(printable(f"baocao: internal error ({type(exc).__name__}): {exc}"), err=True)
        typer.echo(f"details: {where}", err=True)
        sys.exit(ExitCode.internal_error)
