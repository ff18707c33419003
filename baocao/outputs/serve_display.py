"""The Datasette plugin that makes `baocao serve` readable: documents by name rather than by
hash, figures the Vietnamese way (12.492,1 triệu đồng), long text folded to a few lines,
column descriptions behind a click, the command line's folded search as an SQL function,
and the database summary at /-/baocao/summary."""

from __future__ import annotations

import asyncio
import json

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from baocao.errors import BaocaoError
from baocao.i18n import _
from baocao.outputs.format import vn_amount, vn_number
from baocao.outputs.search import parse
from baocao.outputs.summary import collect, render_html

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
    order, the whole as a phrase ranking first. No words: a query that matches nothing."""
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
        return Markup(f'<a class="doc-id" href="{escape(href)}" title="{escape(value)}">'
                      f"{escape(value[:8])}…</a>")
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
        return Markup(f'<div class="baocao-long" tabindex="0">{escape(value)}</div>')
    return None


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):
    """Column descriptions folded behind one line, so the rows are on the first screen."""
    label = json.dumps(_("What the columns mean"))
    return f"""
document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {{
  var box = document.createElement("details"), line = document.createElement("summary");
  box.className = "baocao-columns"; line.textContent = {label};
  dl.parentNode.insertBefore(box, dl); box.appendChild(line); box.appendChild(dl);
}});"""


@hookimpl
def register_routes(datasette):
    return [(r"^/-/baocao/summary$", summary_page), (r"^/-/baocao/serve\.css$", stylesheet)]


# Rows no taller than a few lines, whatever the text; the short doc_id and the link column
# narrow; the text of a search hit wide enough to read.
CSS = """
.rows-and-columns td { max-width: 36em; }
.baocao-long { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3;
               overflow: hidden; min-width: 14em; max-width: 34em; cursor: pointer; }
.baocao-long:focus, body.row .baocao-long { -webkit-line-clamp: unset; max-width: none; }
td.type-pk a { display: inline-block; max-width: 7em; overflow: hidden;
               text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
td.col-value, td.col-total_vnd, td.col-amount_vnd, td.col-largest_vnd, td.col-total {
    text-align: right; white-space: nowrap; }
body.query td.col-text, body.query td.col-sentence, body.query td.col-beginning {
    min-width: 32em; }
details.baocao-columns { margin: .5em 0; } details.baocao-columns summary { cursor: pointer; }
ul.baocao-start li { margin: .3em 0; }
.facet-results { display: block; margin-bottom: .8em; }
.facet-info { width: auto; margin: 0 0 .3em; display: flex; align-items: baseline; gap: .6em; }
.facet-info-name { margin: 0; min-width: 10em; white-space: nowrap; }
.facet-info ul { display: flex; flex-wrap: wrap; gap: 0 1.2em; padding: 0; margin: 0;
                 list-style: none; }
.facet-info ul li { list-style: none; } ul li.facet-truncated { top: 0; text-indent: 0; }
td.col-subject, td.col-section_heading { min-width: 11em; }
td.col-sentence { min-width: 24em; } td.col-raw { white-space: nowrap; }
"""


async def stylesheet(request) -> Response:
    return Response(CSS, content_type="text/css; charset=utf-8")


async def summary_page(datasette, request) -> Response:
    """The summary `baocao summary` writes, made from the served database; file names link
    to the document's figures here."""
    db = datasette.get_database()

    def link(doc: dict) -> str:
        return f"/{tilde_encode(db.name)}/documents/{tilde_encode(doc['doc_id'])}"

    page = await asyncio.to_thread(lambda: render_html(collect(db.path, link)))
    return Response.html(page)
