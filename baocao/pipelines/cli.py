"""The `baocao` command: arguments in, calls to the pipelines, results out as terminal
lines. Errors reach the user as one line; the traceback, if any, goes to the run's log file."""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from baocao import store
from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError, ExitCode
from baocao.extract.files import printable
from baocao.i18n import _, code_name, localize_typer, ngettext, number, set_language
from baocao.pipelines import correct_cli
from baocao.pipelines.batch import (
    close_batch,
    collect_inputs,
    crash_log,
    open_batch,
    process_files,
    summary_lines,
    watch_folder,
)
from baocao.pipelines.correct import run_line
from baocao.pipelines.workers import page_workers

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help=_("Turn scanned Vietnamese reports into tables you can query."),
)
localize_typer()
log = logging.getLogger("baocao")

DbOption = Annotated[
    str, typer.Option("--db", help=_("SQLite file, or a PostgreSQL URL "
                                     "postgresql://USER@HOST/DB."))
]


def _fail(exc: BaocaoError) -> typer.Exit:
    typer.echo(_("baocao: error: {message}").format(message=exc), err=True)
    return typer.Exit(exc.exit_code)


class Language(str, Enum):
    vi = "vi"
    en = "en"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"baocao {metadata.version('baocao')}")
        raise typer.Exit()


@app.callback()
def options(
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help=_(
            "Language of the interface: vi (Vietnamese) or en (English). Default: the "
            "BAOCAO_LANG variable, else the locale (LANG=vi_VN.UTF-8 gives Vietnamese)."),
            show_default=False),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version,
                           help=_("Print the version and exit."))
    ] = False,
) -> None:
    # baocao.i18n read --lang from the command line already: the help texts above needed it
    if lang is not None:
        set_language(lang.value)


CORES = os.cpu_count() or 1
DEFAULT_DB = str(store.DEFAULT_DB)
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1,
                      help=_("Pages read side by side (default: cores)."))
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                 help=_("Dask scheduler: the cluster's workers read the pages.")),
]
ProgressOption = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress",
                 help=_("Progress bar with pages/s and ETA (default: on a terminal).")),
]


@app.command(help=_(
    "Extract text, sections and figures from INPUT files into the database.\n\n"
    "Files already there (same bytes) are skipped unless --force; one that failed for a "
    "reason that may pass (a worker killed for lack of memory) is tried again, and with "
    "--retry-failed every failed one. A file whose bytes changed is processed again and its "
    "old rows replaced. Each document is written in one transaction, so an interrupted run "
    "keeps every finished document and the next run does the rest."))
def run(
    inputs: Annotated[list[Path], typer.Argument(help=_("PDF/image files or folders."))],
    db: DbOption = DEFAULT_DB,
    force: Annotated[
        bool, typer.Option("--force", help=_("Process files already in the database again."))
    ] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help=_("Also try again every file that failed."))
    ] = False,
    jobs: JobsOption = CORES,
    scheduler: SchedulerOption = None,
    progress: ProgressOption = None,
) -> None:
    try:
        files = collect_inputs(inputs)
        batch = open_batch(db)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if not files:
        typer.echo(_("baocao: no PDF or image files found in the inputs"), err=True)
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
    corrected = run_line(batch.engine, [r.doc_id for r in batch.results])
    if corrected:
        typer.echo(corrected)
    if interrupted:
        n = len(batch.results)
        typer.echo("\n" + ngettext(
            "interrupted: the {n} document finished is kept; run again to do the rest",
            "interrupted: the {n} documents finished are kept; run again to do the rest",
            n).format(n=number(n)), err=True)
        raise typer.Exit(ExitCode.interrupted)
    failed = [r for r in batch.results if r.status == "failed"]
    if failed:
        n = len(batch.results)
        typer.echo("\n" + ngettext("{failed} of {n} file failed:", "{failed} of {n} files failed:",
                                   n).format(failed=number(len(failed)), n=number(n)), err=True)
        for r in failed:
            typer.echo(f"  {printable(r.path)}: {printable(r.error or '')}", err=True)
        typer.echo(_("details: {path}").format(path=batch.log_path), err=True)
        raise typer.Exit(ExitCode.files_failed)


@app.command(help=_(
    "Process new files as they appear in INBOX (walked recursively), until Ctrl-C.\n\n"
    "A file is read once its size and time stamp stayed the same for one interval, so a file "
    "still being copied is not read half-written. Each file seen gets a line with the time, "
    "skipped ones too."))
def watch(
    inbox: Annotated[Path, typer.Argument(help=_("Folder where new reports arrive."))],
    db: DbOption = DEFAULT_DB,
    jobs: JobsOption = CORES,
    scheduler: SchedulerOption = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help=_("Seconds between looks at INBOX."))
    ] = 5.0,
) -> None:
    if not inbox.is_dir():
        raise _fail(BaocaoError(_("no such folder: {path}").format(path=inbox)))
    try:
        batch = open_batch(db)
    except BaocaoError as exc:
        raise _fail(exc) from None
    typer.echo(_("watching {folder} every {seconds} s (Ctrl-C stops)").format(
        folder=inbox, seconds=number(interval)), err=True)

    def report(result: DocumentResult) -> None:
        line = ngettext("{name}: {status}, {n} page", "{name}: {status}, {n} pages",
                        result.n_pages).format(name=result.filename,
                                               status=code_name(result.status),
                                               n=number(result.n_pages))
        line += ngettext(", {n} figure", ", {n} figures", len(result.figures)).format(
            n=number(len(result.figures)))
        _timed(line + (f": {result.error}" if result.error else ""))

    def skipped(path: Path, elsewhere: bool) -> None:
        reason = (_("{name}: read by another run at the same time, skipped") if elsewhere
                  else _("{name}: already in the database, skipped"))
        _timed(reason.format(name=path.name))

    try:
        with page_workers(jobs, scheduler) as workers:
            watch_folder(batch, inbox, workers, interval, report, skipped)
    except BaocaoError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        typer.echo(_("stopped"), err=True)


def _timed(line: str) -> None:
    """A line of `watch`, after the time it happened, so a log of it reads as a diary."""
    typer.echo(printable(f"{datetime.now():%H:%M:%S} {line}"))


@app.command(help=_("Print the result of a read-only SQL query as a table, empty cells "
                    "blank."))
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


# Typer reads help texts as Rich markup: "\\[" keeps a bracket that would be read as a tag.
@app.command(help=_(
    "Full-text search: ranked paragraphs with their report, page and section kind, the "
    "matches marked \\[like this] (in bold on a terminal)."))
def search(
    query: Annotated[str, typer.Argument(help=_('Words to find; "quote" a phrase.'))],
    db: DbOption = DEFAULT_DB,
    exact: Annotated[
        bool | None,
        typer.Option("--exact/--folded", help=_(
            "--exact: diacritics count, 'hạn' is not 'hán'. --folded: without diacritics, "
            "for OCR-damaged text or a query typed without them ('kho khan ve von'). "
            "Default: exact when the query has diacritics, folded when it has none.")),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help=_(
            "Only this section kind: achievements, difficulties, causes, lessons, solutions, "
            "recommendations, plans, other."))
    ] = None,
    province: Annotated[
        str | None, typer.Option("--province", help=_("Only reports of this province."))
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help=_("Only reports whose period covers this year."))
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help=_("Most hits shown."))] = 20,
) -> None:
    from baocao.pipelines.search import count_hits, hint_lines, hit_lines
    from baocao.pipelines.search import search as run_search

    filters = {"kind": kind, "province": province, "year": year}
    try:
        q, hits = run_search(db, query, folded=None if exact is None else not exact, limit=limit,
                             **filters)
        total = count_hits(db, q, **filters) if len(hits) == limit else len(hits)
        hints = [] if hits else hint_lines(db, query, q, **filters)
    except BaocaoError as exc:
        raise _fail(exc) from None
    for line in hit_lines(q, hits, bold=sys.stdout.isatty(), total=total) + hints:
        typer.echo(line)


@app.command(help=_(
    "Browse the tables in Datasette: figures with their report's file and title, amounts "
    "the Vietnamese way, facets, search with or without diacritics, ready-made queries with "
    "totals (amounts by province and year or by subject, lessons learned, pages to check) and "
    "an overview with charts. SQLite databases only. Ctrl-C stops it."))
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help=_("Address to listen on."))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help=_("Port."))] = 8001,
) -> None:
    from baocao.pipelines.serve import serve as run_server

    try:
        run_server(db, host, port)
    except BaocaoError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        pass


@app.command(help=_(
    "Write a self-contained HTML page to check a document against its scan: every page image "
    "beside its text, each figure boxed on the image and listed with its value, unit, "
    "subject, section and flags, and the outline of its sections."))
def review(
    document: Annotated[str, typer.Argument(help=_(
        "File name (its start will do), path or doc_id (its first 6+ characters will do)."))],
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path | None, typer.Option("--out", help=_("HTML file to write (default: out/review/)."))
    ] = None,
) -> None:
    from baocao.pipelines.review import find_document, write_review

    try:
        if out is None:
            out = Path("out/review") / f"{Path(find_document(db, document)['filename']).stem}.html"
        path, missing = write_review(db, document, out)
    except BaocaoError as exc:
        raise _fail(exc) from None
    if missing:
        typer.echo(_("baocao: warning: page images are missing: {reason}").format(
            reason=missing), err=True)
    typer.echo(str(path))


@app.command(help=_(
    "Write one self-contained HTML page on what the database holds: documents by status, "
    "type, province and year; pages by source and OCR confidence; figures by kind and "
    "section; flags to check; amounts by province and year with a chart; each document's "
    "review page."))
def summary(
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path, typer.Option("--out", help=_("HTML file to write (a .md beside it)."))
    ] = Path("out/summary.html"),
    markdown: Annotated[
        bool, typer.Option("--markdown/--no-markdown", help=_("Also write the page as Markdown."))
    ] = True,
    with_reviews: Annotated[
        bool, typer.Option("--with-reviews", help=_("Also write every document's review page "
                                                    "into review/ beside it, linked."))
    ] = False,
) -> None:
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


@app.command(help=_(
    "Write the tables to files: one CSV/Parquet file per table and view, or one XLSX "
    "workbook ready to filter; or each document whole as JSON or Markdown."))
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", help=_(
        "csv, parquet or xlsx: the tables; json or markdown: one file per document."))
    ] = Format.csv,
    out: Annotated[Path | None, typer.Option("--out", help=_(
        "Folder to write into (default: out/export, for one document's tables "
        "out/export/FILE)."))] = None,
    document: Annotated[str | None, typer.Option("--document", help=_(
        "Only this document: file name (its start will do), path or doc_id (its first 6+ "
        "characters will do)."))
    ] = None,
    table: Annotated[list[str] | None, typer.Option("--table", metavar="NAME", help=_(
        "Only this table or view (repeat for more): documents, figure_details, "
        "table_values, figures, printed_tables…"))] = None,
) -> None:
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


app.command(help=correct_cli.CORRECT_HELP)(correct_cli.correct)
app.command(help=correct_cli.CORRECTIONS_HELP)(correct_cli.corrections)


def main() -> None:
    """Console-script entry point: whatever goes wrong, the user sees one line, not a trace."""
    logging.getLogger().addHandler(logging.NullHandler())  # no trace on the terminal
    try:
        app(args=_lang_first(sys.argv[1:]))
    except Exception as exc:
        where = crash_log()
        log.exception("internal error")
        typer.echo(printable(_("baocao: internal error ({kind}): {message}").format(
            kind=type(exc).__name__, message=exc)), err=True)
        typer.echo(_("details: {path}").format(path=where), err=True)
        sys.exit(ExitCode.internal_error)


def _lang_first(args: list[str]) -> list[str]:
    """`--lang X` is taken anywhere on the line, as baocao.i18n reads it: it is moved before
    the command, where the option stands."""
    end = args.index("--") if "--" in args else len(args)
    lang, rest, n = [], [], 0
    while n < end:
        if args[n] == "--lang" and n + 1 < end:
            lang, n = args[n:n + 2], n + 2
            continue
        if args[n].startswith("--lang="):
            lang = [args[n]]
        else:
            rest.append(args[n])
        n += 1
    return lang + rest + args[end:]
