"""What the command modules share: the --db option, the check of every --out, and how an error
reaches the user (one line, the exit code its kind names)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from baocao import store
from baocao.errors import BaocaoError
from baocao.i18n import _

DbOption = Annotated[
    str, typer.Option("--db", help=_("SQLite file, or a PostgreSQL URL "
                                     "postgresql://USER@HOST/DB."))
]
DEFAULT_DB = str(store.DEFAULT_DB)


def fail(exc: BaocaoError) -> typer.Exit:
    """Print the error as one line; the Exit to raise carries its exit code."""
    typer.echo(_("baocao: error: {message}").format(message=exc), err=True)
    return typer.Exit(exc.exit_code)


def not_an_option(out: Path | None) -> Path | None:
    """--out's check: `--out --help` would otherwise write files named "--help…"."""
    if out is not None and str(out).startswith("-"):
        raise fail(BaocaoError(_("--out: {value} looks like an option, not a file or folder "
                                 "name").format(value=out)))
    return out
