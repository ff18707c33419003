"""The `baocao` command: the app, its global options (--lang, --version) and the commands of
run.py, read.py and correct.py; cli/ parses arguments, calls outputs/ or pipelines/, prints
lines. Errors reach the user as one line; the traceback, if any, goes to the run's log file."""

from __future__ import annotations

import logging
import sys
from enum import Enum
from importlib import metadata
from typing import Annotated

import typer

from baocao.cli import correct, read, run
from baocao.cli.common import fail
from baocao.errors import ExitCode
from baocao.extract.files import printable
from baocao.i18n import LANGUAGES, _, localize_typer, set_language
from baocao.pipelines.batch import crash_log
from baocao.store import database_failure

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help=_("Turn scanned Vietnamese reports into tables you can query."),
)
localize_typer()
log = logging.getLogger("baocao")


# The --lang choices: the languages i18n has catalogs for.
Language = Enum("Language", {code: code for code in LANGUAGES}, type=str)


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


run.register(app)
read.register(app)
app.command(help=correct.CORRECT_HELP)(correct.correct)
app.command(help=correct.CORRECTIONS_HELP)(correct.corrections)


def main() -> None:
    """Console-script entry point: whatever goes wrong, the user sees one line, not a trace."""
    logging.getLogger().addHandler(logging.NullHandler())  # no trace on the terminal
    try:
        app(args=_lang_first(sys.argv[1:]))
    except Exception as exc:
        failure = database_failure(exc)
        if failure is not None:  # disk full, server gone: no bug, and no new log file
            log.error("the database failed", exc_info=exc)
            sys.exit(fail(failure).exit_code)
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
