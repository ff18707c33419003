"""The Datasette plugin that makes `baocao serve` readable: documents by name rather than by
hash, figures the Vietnamese way (12.492,1 triệu đồng), long text folded to a few lines,
column descriptions behind a click, the command line's folded search as an SQL function,
and the database summary at /-/baocao/summary."""

from __future__ import annotations

import asyncio

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response

from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError
from baocao.i18n import _
from baocao.outputs import pages
from baocao.outputs.format import vn_amount, vn_number
from baocao.outputs.search import parse
from baocao.outputs.summary import collect, render_html
from baocao.store.readonly import FOLD_LIMIT

# Columns that hold a figure in the unit of the row's `unit` column.
FIGURE_VALUES = {"value", "value_low", "value_high", "implied_total"}
FIGURE_TABLES = {"figures", "figure_details"}
# Query columns of amounts in đồng, and of plain totals.
VND_COLUMNS = {"amount_vnd", "total_vnd", "largest_vnd"}
NUMBER_COLUMNS = {"total"}
# Text longer than this, in a table's rows, is folded to a few lines (click unfolds it).
LONG = 100
MATCH_NOTHING = '""'


def folded_match(words: str | None) -> str:
    """The FTS5 query `baocao search --folded` runs for these words: every word, in any
    order, the whole as a phrase ranking first. No words: a query that matches nothing. More
    than fold() takes: an error (SQLite's time limit is not checked inside a function)."""
    if words is not None and len(words) > FOLD_LIMIT:
        raise ValueError(f"folded_match() takes at most {FOLD_LIMIT} characters")
    try:
        return parse(words or "", folded=True).fts()
    except BaocaoError:
        return MATCH_NOTHING


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("folded_match", 1, folded_match, deterministic=True)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Figures with their unit, the Vietnamese way; doc_id cut to its start, linked to its
    document; long text folded. Stored values are left as they are (JSON, CSV)."""
    if value is None or isinstance(value, bool):
        return None
    if column == "doc_id" and isinstance(value, str) and len(value) == 64:
        href = f"/{tilde_encode(database)}/documents/{tilde_encode(value)}"
        return pages.macro("serve_cells.html", "doc_id")(href, value)
    keys = row.keys() if hasattr(row, "keys") else ()
    if f"{column}_figure" in keys and isinstance(value, (int, float)):
        held = row[f"{column}_figure"]
        text = vn_amount(value, row["unit"] if "unit" in keys else None)
        return pages.macro("serve_cells.html", "review_link")(_review_href(held), text) \
            if held else text
    if column.endswith("_figure") and isinstance(value, str) and value.count("/") == 2:
        page = value.rsplit("/", 1)[1]
        return pages.macro("serve_cells.html", "review_link")(
            _review_href(value), _("p. {page}").format(page=page))
    if isinstance(value, (int, float)):
        if column in VND_COLUMNS:
            return vn_amount(value, "VND")
        if column in FIGURE_VALUES and table in FIGURE_TABLES:
            keys = row.keys() if hasattr(row, "keys") else ()
            return vn_amount(value, row["unit"] if "unit" in keys else None)
        if column in NUMBER_COLUMNS or (column == "value" and table == "table_values"):
            return vn_number(value)
        return None
    if table and isinstance(value, str) and len(value) > LONG:
        return pages.macro("serve_cells.html", "long_text")(value)
    return None


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):
    """Column descriptions folded behind one line, so the rows are on the first screen
    (templates/serve_columns.js)."""
    return pages.render("serve_columns.js", label=_("What the columns mean"))


def _review_href(held: str) -> str:
    """Where a fact's figure stands on its document's review page: "DOC_ID/FIGURE_ID/PAGE"."""
    doc_id, figure_id, _page = held.split("/")
    return f"/-/baocao/review/{doc_id}#fig-{figure_id}"


@hookimpl
def register_routes(datasette):
    return [(r"^/-/baocao/summary$", summary_page), (r"^/-/baocao/serve\.css$", stylesheet),
            (r"^/-/baocao/review/(?P<doc_id>[0-9a-f]{64})$", review_page)]


async def review_page(datasette, request) -> Response:
    """A document's review page (`baocao review`), made from the served database: where the
    values of the ready-made queries link."""
    from baocao import store
    from baocao.outputs.review import page_images, render

    db = datasette.get_database()
    doc_id = request.url_vars["doc_id"]

    def make() -> str:
        stored = store.load_stored(db.path, doc_id)
        return render(stored, *page_images(stored.document))

    try:
        return Response.html(await asyncio.to_thread(make))
    except BaocaoError as exc:
        return Response.text(str(exc), status=404)


async def stylesheet(request) -> Response:
    """static/serve.css: rows a few lines tall, figures right-aligned, facets compact."""
    return Response(pages.static("serve.css"), content_type="text/css; charset=utf-8")


async def summary_page(datasette, request) -> Response:
    """The summary `baocao summary` writes, made from the served database; file names link
    to the document's figures here."""
    db = datasette.get_database()

    def link(doc: DocumentResult) -> str:
        return f"/{tilde_encode(db.name)}/documents/{tilde_encode(doc.doc_id)}"

    page = await asyncio.to_thread(lambda: render_html(collect(db.path, link)))
    return Response.html(page)
