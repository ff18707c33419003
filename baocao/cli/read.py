"""The commands that read the database (app.py registers them): query, search, serve,
review, summary, export. Each parses its arguments, calls its pipeline, prints the result."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from baocao import store
from baocao.cli.common import DEFAULT_DB, DbOption, fail, not_an_option
from baocao.errors import BaocaoError
from baocao.extract.files import printable
from baocao.i18n import _
from baocao.outputs.formats import FORMATS, result_writer

QUERY_HELP = _("Print the result of a read-only SQL query as a table, empty cells "
                    "blank.")


def query(
    sql: Annotated[str, typer.Argument(help=_(
        "One SQL SELECT statement. fold(text) is the text in lower case without diacritics: "
        "fold(province) = 'bac giang' finds Bắc Giang."))],
    db: DbOption = DEFAULT_DB,
    width: Annotated[int, typer.Option(min=0, help=_(
        "Cut longer cells to this many characters, ending in '…' (0: never)."))] = 60,
    csv: Annotated[bool, typer.Option("--csv", help=_(
        "Print CSV instead of a table (for other programs)."))] = False,
    out: Annotated[Path | None, typer.Option("--out", callback=not_an_option, help=_(
        "Write the result to this file instead: .csv or .xlsx."))] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help=_(
        "Stop the query after this many seconds (0: never)."))] = 60,
) -> None:
    from baocao.store.readonly import typed

    write = result_writer(out) if out is not None else None
    if out is not None and write is None:
        raise fail(BaocaoError(_("--out: name a .csv or .xlsx file, not {name}").format(
            name=out.name)))
    try:
        frame = typed(store.query(db, sql, timeout or None))
    except BaocaoError as exc:
        raise fail(exc) from None
    if out is not None and write is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        write(frame, out)
        typer.echo(str(out))
    elif csv:
        # for other programs as it is; on a terminal with control characters escaped
        if sys.stdout.isatty():
            frame = frame.map(lambda v: printable(v) if isinstance(v, str) else v)
        # 12492100000 and 52.8 as people write them, not 1.249210e+10 and 52.800000
        typer.echo(frame.to_csv(index=False, float_format="%.15g"), nl=False)
    elif frame.empty:
        typer.echo(_("(no rows; columns: {columns})").format(
            columns=printable(", ".join(map(str, frame.columns)))))
    else:
        frame.columns = [printable(str(c)) for c in frame.columns]
        typer.echo(frame.astype(object).map(lambda v: _cell(v, width)).to_string(index=False))


def _cell(value: object, width: int) -> str:
    """A value as the terminal shows it: blank when empty, numbers in full, on one line, its
    control characters escaped (a file name's ESC cannot retitle the terminal), cut to width
    characters with '…'."""
    import pandas as pd

    if value is None or (not isinstance(value, str | bytes) and pd.isna(value)):
        return ""
    text = f"{value:.15g}" if isinstance(value, float) else printable(" ".join(
        str(value).split()))
    return text[:width - 1] + "…" if width and len(text) > width else text


# Typer reads help texts as Rich markup: "\\[" keeps a bracket that would be read as a tag.
SEARCH_HELP = _(
    "Full-text search: ranked paragraphs with their report, page and section kind, the "
    "matches marked \\[like this] (in bold on a terminal).")


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
    from baocao.outputs.search import count_hits, hint_lines, hit_lines
    from baocao.outputs.search import search as run_search

    filters = {"kind": kind, "province": province, "year": year}
    try:
        q, hits = run_search(db, query, folded=None if exact is None else not exact, limit=limit,
                             **filters)
        total = count_hits(db, q, **filters) if len(hits) == limit else len(hits)
        hints = [] if hits else hint_lines(db, query, q, **filters)
    except BaocaoError as exc:
        raise fail(exc) from None
    for line in hit_lines(q, hits, bold=sys.stdout.isatty(), total=total) + hints:
        typer.echo(line)


SERVE_HELP = _(
    "Browse the tables in Datasette: figures with their report's file and title, amounts "
    "the Vietnamese way, facets, search with or without diacritics, ready-made queries with "
    "totals (amounts by province and year or by subject, lessons learned, pages to check) and "
    "an overview with charts. SQLite databases only. Ctrl-C stops it.")


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help=_("Address to listen on."))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help=_("Port."))] = 8001,
) -> None:
    from baocao.outputs.serve import serve as run_server

    try:
        run_server(db, host, port)
    except BaocaoError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        pass


REVIEW_HELP = _(
    "Write a self-contained HTML page to check a document against its scan: every page image "
    "beside its text, each figure boxed on the image and listed with its value, unit, "
    "subject, section and flags, and the outline of its sections.")


def review(
    document: Annotated[str, typer.Argument(help=_(
        "File name (its start will do), path or doc_id (its first 6+ characters will do)."))],
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path | None, typer.Option("--out", callback=not_an_option, help=_(
            "HTML file to write (default: out/review/)."))
    ] = None,
) -> None:
    from baocao.outputs.review import find_document, write_review

    try:
        if out is None:
            out = Path("out/review") / f"{Path(find_document(db, document)['filename']).stem}.html"
        path, missing = write_review(db, document, out)
    except BaocaoError as exc:
        raise fail(exc) from None
    if missing:
        typer.echo(_("baocao: warning: page images are missing: {reason}").format(
            reason=missing), err=True)
    typer.echo(str(path))


SUMMARY_HELP = _(
    "Write one self-contained HTML page on what the database holds: documents by status, "
    "type, province and year; pages by source and OCR confidence; figures by kind and "
    "section; flags to check; amounts by province and year with a chart; each document's "
    "review page.")


def summary(
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path, typer.Option("--out", callback=not_an_option, help=_(
            "HTML file to write (a .md beside it)."))
    ] = Path("out/summary.html"),
    markdown: Annotated[
        bool, typer.Option("--markdown/--no-markdown", help=_("Also write the page as Markdown."))
    ] = True,
    with_reviews: Annotated[
        bool, typer.Option("--with-reviews", help=_("Also write every document's review page "
                                                    "into review/ beside it, linked."))
    ] = False,
) -> None:
    from baocao.outputs.summary import write_summary

    try:
        written = write_summary(db, out, markdown=markdown, with_reviews=with_reviews)
    except BaocaoError as exc:
        raise fail(exc) from None
    for path in written:
        typer.echo(str(path))


# --format's choices: the registered formats, in their order.
Format = Enum("Format", [(name, name) for name in FORMATS], type=str)


EXPORT_HELP = _(
    "Write the tables to files: one CSV/Parquet file per table and view, or one XLSX "
    "workbook ready to filter; or each document whole as JSON or Markdown.")


def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", help=_(
        "csv, parquet or xlsx: the tables; json or markdown: one file per document."))
    ] = Format["csv"],
    out: Annotated[Path | None, typer.Option("--out", callback=not_an_option, help=_(
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
    chosen = FORMATS[format.value]
    try:
        found = None
        if document:
            from baocao.outputs.review import find_document

            found = find_document(db, document)
        folder = out or Path("out/export")
        if chosen.per_document and table:
            raise BaocaoError(_("--table chooses tables for csv, parquet and xlsx; json "
                                "and markdown write each document whole"))
        if not chosen.per_document and found and out is None:
            folder = folder / Path(found["filename"]).stem
        written = chosen.write(db, folder, found["doc_id"] if found else None, table or (),
                               lambda m: typer.echo(m, err=True))
    except BaocaoError as exc:
        raise fail(exc) from None
    for path in written:
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    """Add these commands to the `baocao` command."""
    app.command(help=QUERY_HELP)(query)
    app.command(help=SEARCH_HELP)(search)
    app.command(help=SERVE_HELP)(serve)
    app.command(help=REVIEW_HELP)(review)
    app.command(help=SUMMARY_HELP)(summary)
    app.command(help=EXPORT_HELP)(export)
