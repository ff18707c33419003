"""The commands that process files: `baocao run` (a batch) and `baocao watch` (an inbox),
their options, and the lines they print about each file and the whole batch."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from baocao.cli.common import DEFAULT_DB, DbOption, fail
from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError, ExitCode
from baocao.extract.files import printable
from baocao.i18n import _, code_name, ngettext, number
from baocao.outputs.correct import run_line
from baocao.pipelines.batch import (
    COPY,
    ELSEWHERE,
    KNOWN,
    UNREADABLE,
    Terminated,
    close_batch,
    collect_inputs,
    open_batch,
    process_files,
    stop_cleanly,
    summary_lines,
    watch_folder,
)
from baocao.pipelines.workers import page_workers

COMMANDS: list[tuple[dict, Callable]] = []


def command(**settings) -> Callable:
    """Keeps a command and its settings for register(), in the order help lists them."""
    def keep(fn: Callable) -> Callable:
        COMMANDS.append((settings, fn))
        return fn
    return keep


CORES = os.cpu_count() or 1
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


@command(help=_(
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
    unreadable: list[tuple[Path, str]] = []
    try:
        files = collect_inputs(inputs, unreadable)
        batch = open_batch(db, unreadable=unreadable)
    except BaocaoError as exc:
        raise fail(exc) from None
    if not files and not unreadable:
        typer.echo(_("baocao: no PDF or image files found in the inputs"), err=True)
        raise typer.Exit(ExitCode.files_failed)
    interrupted: KeyboardInterrupt | None = None
    try:
        with stop_cleanly(), page_workers(jobs, scheduler) as workers:
            process_files(batch, files, workers, force=force, retry_failed=retry_failed,
                          progress=progress)
    except BaocaoError as exc:  # missing Tesseract, unreachable cluster: every file would fail
        raise fail(exc) from None
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (Terminated)
        interrupted = stop
    close_batch(batch)
    for line in summary_lines(batch):
        typer.echo(line)
    corrected = run_line(batch.engine, [r.doc_id for r in batch.results])
    if corrected:
        typer.echo(corrected)
    if interrupted is not None:
        n = len(batch.results)
        typer.echo("\n" + ngettext(
            "interrupted: the {n} document finished is kept; run again to do the rest",
            "interrupted: the {n} documents finished are kept; run again to do the rest",
            n).format(n=number(n)), err=True)
        raise typer.Exit(ExitCode.terminated if isinstance(interrupted, Terminated)
                         else ExitCode.interrupted)
    failed = [r for r in batch.results if r.status == "failed"]
    if failed:
        n = len(batch.results)
        typer.echo("\n" + ngettext("{failed} of {n} file failed:", "{failed} of {n} files failed:",
                                   n).format(failed=number(len(failed)), n=number(n)), err=True)
        for r in failed:
            typer.echo(f"  {printable(r.path)}: {printable(r.error or '')}", err=True)
        typer.echo(_("details: {path}").format(path=batch.log_path), err=True)
        raise typer.Exit(ExitCode.files_failed)
    if unreadable:  # its files were not read: the run did not do all it was asked
        raise typer.Exit(ExitCode.files_failed)


@command(help=_(
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
        raise fail(BaocaoError(_("no such folder: {path}").format(path=inbox)))
    try:
        batch = open_batch(db)
    except BaocaoError as exc:
        raise fail(exc) from None
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

    def skipped(path: Path, why: str, detail: str) -> None:
        reason = {
            KNOWN: _("{name}: already in the database, skipped"),
            ELSEWHERE: _("{name}: read by another run at the same time, skipped"),
            COPY: _("{name}: the same bytes as {detail}, skipped"),
            UNREADABLE: _("{name}: folder cannot be read ({detail}), its files are not "
                          "processed"),
        }[why]
        _timed(reason.format(name=path.name, detail=detail))

    try:
        with stop_cleanly(), page_workers(jobs, scheduler) as workers:
            watch_folder(batch, inbox, workers, interval, report, skipped)
    except BaocaoError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the way to stop watching, exit 0
        typer.echo(_("stopped"), err=True)


def _timed(line: str) -> None:
    """A line of `watch`, after the time it happened, so a log of it reads as a diary."""
    typer.echo(printable(f"{datetime.now():%H:%M:%S} {line}"))


def register(app: typer.Typer) -> None:
    for settings, fn in COMMANDS:
        app.command(**settings)(fn)
