"""The `baocao correct` and `baocao corrections` commands (app.py registers them): a person's
fixes to what baocao read, kept in the corrections table and applied again by every run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from baocao import store
from baocao.cli.common import DEFAULT_DB, DbOption
from baocao.errors import BaocaoError, ExitCode
from baocao.i18n import _
from baocao.outputs.correct import (
    big_changes,
    command_records,
    file_records,
    lines,
    save,
    status_line,
    with_cell_values,
)

DocArgument = Annotated[str | None, typer.Argument(
    metavar="DOC", help=_(
        "File name (its start will do), path or doc_id (its first 6+ characters will do)."),
    show_default=False)]

CORRECT_HELP = _(
    "Correct what baocao read: a figure's value, unit or kind, a table cell, a heading's "
    "kind, a document's number, date, province or title; or mark a figure as no figure, "
    "confirm a figure to check (totals count it again), mark a page or document as checked "
    "by a person.\n\n"
    "The correction is kept in the corrections table with who made it and when, keyed by the "
    "page and the place or text of what it corrects, so 'baocao run --force' and later "
    "versions apply it again. --from applies the file the review page saves, or a "
    "corrections export from another database.")


def correct(
    document: DocArgument = None,
    figure: Annotated[int | None, typer.Argument(
        metavar="FIGURE_ID", help=_("The figure to correct: its figure_id, the # column of "
                                    "the review page."), show_default=False)] = None,
    value: Annotated[str | None, typer.Option("--value", help=_(
        "The right value: for a figure, a number in the scale it is printed in (6.820 on a "
        "figure printed 6.420 triệu đồng is 6.820 triệu đồng), or with its unit (\"6,82 tỷ "
        "đồng\"); for a cell, the number as printed (8.699.280.000 or 12,5); else the text "
        "of the --field."))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=_(
        "The figure's right unit (VND, USD, %, sản phẩm…)."))] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=_(
        "The figure's right kind (amount, percent, count), or with --section the heading's "
        "kind."))] = None,
    not_a_figure: Annotated[bool, typer.Option("--not-a-figure", help=_(
        "The figure is no figure (a phone number, a date): its kind becomes not_a_figure "
        "and its value empty."))] = False,
    confirm: Annotated[bool, typer.Option("--confirm", help=_(
        "The figure to check is right as read: totals count it again."))] = False,
    cell: Annotated[str | None, typer.Option("--cell", metavar="TABLE:ROW:COL", help=_(
        "A printed table's cell, numbered from 1 as on the review page; with --text or "
        "--value."))] = None,
    text: Annotated[str | None, typer.Option("--text", help=_(
        "The cell's right text as printed; a number in it corrects its value too."))] = None,
    section: Annotated[int | None, typer.Option("--section", metavar="SECTION_ID", help=_(
        "A heading, by its section_id; with --kind."))] = None,
    field: Annotated[str | None, typer.Option("--field", help=_(
        "A document field: doc_number, doc_date, province, province_2025, issuer, title, "
        "period, year_start, year_end, doc_type, doc_code, signer, signer_title; with "
        "--value."))] = None,
    checked: Annotated[bool | None, typer.Option("--checked/--unchecked", help=_(
        "Mark the document (or with --page one page) as checked by a person, or not."),
        show_default=False)] = None,
    page: Annotated[int | None, typer.Option("--page", min=1, help=_(
        "The page --checked marks."))] = None,
    note: Annotated[str | None, typer.Option("--note", help=_(
        "Why: kept with the correction."))] = None,
    by: Annotated[str | None, typer.Option("--by", help=_(
        "Who corrects (default: the user logged in)."))] = None,
    from_file: Annotated[Path | None, typer.Option("--from", metavar="FILE", help=_(
        "Apply the corrections of a file: the review page's JSON, or an exported "
        "corrections.csv or .parquet."))] = None,
    force: Annotated[bool, typer.Option("--force", help=_(
        "Accept a figure's value changed 100 times or more, up or down (refused otherwise: "
        "most likely a value typed in another scale)."))] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    from baocao.outputs.review import find_document

    refused: list[str] = []
    try:
        if not store.is_url(db) and not Path(db).exists():
            raise BaocaoError(_("no database at {db}: run 'baocao run INPUT --db {db}' "
                                "first").format(db=db))
        if from_file is not None:
            records, refused = big_changes(db, file_records(from_file, by), force, from_file)
            records = with_cell_values(db, records)
        elif document is None:
            raise BaocaoError(_("name the document to correct, or give --from FILE"))
        else:
            options = {"value": value, "unit": unit, "kind": kind, "text": text,
                       "not_a_figure": not_a_figure, "confirm": confirm, "cell": cell,
                       "section": section, "field": field, "checked": checked, "page": page,
                       "note": note, "by": by, "force": force}
            records = with_cell_values(db, command_records(
                db, find_document(db, document), figure, options))
        added, same = save(db, records)
    except BaocaoError as exc:
        typer.echo(_("baocao: error: {message}").format(message=exc), err=True)
        raise typer.Exit(exc.exit_code) from None
    for line in lines(added):
        typer.echo(line)
    if same:
        typer.echo(_("{n} corrections were in the database already").format(n=same))
    if (added["status"] == "missing").any():
        typer.echo(_("baocao: warning: a correction whose target is not in the database is "
                     "kept, and applied once a run reads its document so"), err=True)
    for line in refused:  # the file's others are applied
        typer.echo(_("baocao: error: {message}").format(message=line), err=True)
    if refused:
        raise typer.Exit(ExitCode.usage)


CORRECTIONS_HELP = _(
    "List the corrections made to a document (or to every document): what, the machine's "
    "reading, the new value, who, and whether it applies (a correction whose target a "
    "re-run no longer finds is kept and shown here).")


def corrections(document: DocArgument = None, db: DbOption = DEFAULT_DB) -> None:
    from baocao.outputs.review import find_document

    try:
        where = f"WHERE c.doc_id = '{find_document(db, document)['doc_id']}'" if document else ""
        found = store.query(db, "SELECT c.*, d.filename FROM corrections c LEFT JOIN "
                                f"documents d ON d.doc_id = c.doc_id {where} "
                                "ORDER BY c.correction_id")
    except BaocaoError as exc:
        typer.echo(_("baocao: error: {message}").format(message=exc), err=True)
        raise typer.Exit(exc.exit_code) from None
    for line in lines(found, with_file=document is None):
        typer.echo(line)
    typer.echo(status_line(Counter(found["status"])) or _("no corrections"))
