"""`baocao serve`: the database in Datasette, described for researchers: what each table and
column means, facets, full-text search and ready-made queries with totals.

Datasette reads the SQLite file read-only. baocao adds SQL functions (fold(text): lower case,
no diacritics; folded_match(words): the command line's folded search as an FTS5 query) and a
display plugin (serve_display) that shows documents by name and amounts the Vietnamese way.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlencode

from baocao import datamodel, store
from baocao.errors import BaocaoError
from baocao.i18n import _
from baocao.nlp.table_checks import CELL_FLAGS
from baocao.store.columns import descriptions
from baocao.store.schema import COUNTED, SINGLE

# The figures as a researcher reads them first: which report, what, how much, where, when.
FIGURE_COLUMNS = ["filename", "title", "page_no", "value", "unit", "subject", "province",
                  "period", "section_kind", "section_heading", "sentence", "flags"]


def figures_url(database: str, have: set[str] | None = None) -> str:
    """figure_details with its readable columns, in reading order: the way into the figures.
    `have`: the view's columns, where a database made by an older baocao lacks some."""
    from datasette.utils import tilde_encode

    return f"/{tilde_encode(database)}/figure_details?" + urlencode(
        [("_col", c) for c in FIGURE_COLUMNS if have is None or c in have])


def description_html(database: str, have: set[str] | None = None) -> str:
    """The index and database pages' description: what is here and where to start
    (templates/serve_description.html)."""
    from datasette.utils import tilde_encode

    from baocao.outputs import pages

    db = f"/{tilde_encode(database)}"
    links = [
        (figures_url(database, have), _("Figures with their report"),
         _("start here: every amount, percentage and count with its file, title, page, "
           "unit, subject, province, period and section; facets narrow it down.")),
        ("/-/baocao/summary", _("Overview of the database"),
         _("documents, pages, figures and flags counted, with charts of the amounts by "
           "province and year.")),
        (f"{db}/search_without_diacritics", _("Search every paragraph, diacritics optional"),
         _("kho khan ve von finds khó khăn về vốn, the words in any order, as `baocao search` "
           "does.")),
        (f"{db}/amounts_by_province_and_year", _("Amounts by province and year"),
         _("totals in đồng and how many amounts make them.")),
        (f"{db}/lessons_learned", _("Every lesson learned"), ""),
        (f"{db}/pages_to_check", _("Pages to check"), _("lowest OCR confidence first.")),
    ]
    intro = _("Every page, section, enumerated point and figure of the reports, with each "
              "report's province, issuer, title, number, date and period.")
    return pages.render("serve_description.html", intro=intro, links=links)


def tables() -> dict[str, dict]:
    """Each table's description, facets and column descriptions (store/columns.py), in the
    interface language."""
    return {
        "documents": {
            "description": _("One row per input file, with what its title block says."),
            "facets": ["province", "year_end", "issuer", "status", "checked"],
            "label_column": "filename",
            "columns": _found_last(descriptions("documents")),
        },
        "pages": {
            "description": _("The text of every page, running headers and page numbers set "
                             "aside."),
            "facets": ["source", "checked"],
            "columns": descriptions("pages"),
        },
        "sections": {
            "description": _("Each heading and everything under it up to the next heading of "
                             "the same or a higher level."),
            "facets": ["kind", "inherited_kind", "level"],
            "columns": descriptions("sections"),
        },
        "items": {
            "description": _("Enumerated points (Thứ nhất, Một là, -, +): a lesson, a "
                             "difficulty, a recommendation each."),
            "facets": ["section_kind", "marker"],
            "columns": descriptions("items"),
        },
        "figures": {
            "description": _("Every figure: money amounts (value in đồng), percentages and "
                             "counts, with its sentence, section and what it measures. "
                             "figure_details shows them with their report's file and title."),
            "facets": ["kind", "section_kind", "status", "measure", "year", "flags", "unit",
                       "to_check", "corrected"],
            "columns": _figure_columns(),
        },
        "figure_details": {
            "description": _("Figures with their report's file, title, province and period, "
                             "and their section's heading. Amounts in đồng are shown in "
                             "triệu đồng (stored in đồng)."),
            "facets": ["kind", "section_kind", "province", "year_end", "flags", "to_check"],
            "columns": {
                "filename": _("the report's file"),
                "title": _("the report's title"),
                "period": _("the period the report covers"),
                "section_heading": _("the heading of the section it stands in"),
                **_figure_columns(),
            },
        },
        "flags": {
            "description": _("Why a figure was flagged: low OCR confidence, a total that "
                             "disagrees with what a share implies, or a value too doubtful to "
                             "count (to_check: left out of totals until a person confirms "
                             "it)."),
            "facets": ["flag"],
            "columns": descriptions("flags", flags=", ".join(datamodel.FIGURE_FLAGS[:-1]),
                                    last=datamodel.FIGURE_FLAGS[-1]),
        },
        "passages": {
            "description": _("Every paragraph with its section's kind: what search finds. "
                             "The search box here is exact (diacritics count); the query "
                             "search_without_diacritics is not."),
            "facets": ["section_kind"],
            "fts_table": "passages_fts",
            "columns": descriptions("passages"),
        },
        "words": {
            "description": _("Every OCR or text-layer word with its box and confidence."),
            "columns": descriptions("words"),
        },
        "runs": {"description": _("One row per `baocao run`: when, which version, what it "
                                  "did.")},
        "tables": {
            "description": _("Each printed table (Biểu, Bảng, Phụ lục) found, one row per "
                             "page it stands on; a part continued from the page before "
                             "points at it."),
            "facets": ["ruling", "source", "number_format"],
            "label_column": "caption",
            "columns": descriptions("tables"),
        },
        "table_cells": {
            "description": _("Every cell of the printed tables, at its row and column in the "
                             "grid."),
            "facets": ["role", "value_kind", "corrected"],
            "columns": descriptions("table_cells", flags=", ".join(CELL_FLAGS)),
        },
        "corrections": {"facets": ["status", "target", "field", "author"], "description": _(
            "What people corrected (baocao correct, the review page), applied again after "
            "every run; old_value is the machine's reading.")},
        "table_values": {
            "description": _("Every number in the printed tables with the headers that name "
                             "it and its document's province and period: filter by row or "
                             "column words."),
            "facets": ["province", "value_kind", "flags"],
        },
        "facts": {
            "description": _("The comparable facts: one row per measure, province, period "
                             "and status (actual, estimate, plan, target), from the latest "
                             "report. Requests, reports that repeat another and parts of a "
                             "total already counted are left out."),
            "facets": ["measure_name", "province", "status", "period_end"],
        },
        "measured": {
            "description": _("Every figure whose measure is known, requests, repeated "
                             "reports and parts included: rank 1 is the one facts shows, "
                             "total_counted 1 where its total is counted instead."),
            "facets": ["measure_name", "province", "status", "total_counted"],
        },
        "measures": {
            "description": _("The catalogue of measures a figure's measure names: names, "
                             "kind, unit, the measure it is part of, the national indicator "
                             "code and the source of each."),
            "facets": ["kind", "parent"],
            "label_column": "name_vi",
        },
    }


def _figure_columns() -> dict[str, str]:
    return descriptions("figures", flags=", ".join(datamodel.FIGURE_FLAGS))


# What baocao found in a document and the time it took: listed after what the file and its
# title block say.
FOUND = ("n_sections", "n_figures", "n_flags", "seconds")


def _found_last(described: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in described.items() if k not in FOUND} | {
        k: described[k] for k in FOUND}


# The amounts the queries add up: in đồng, the year their sentence states or else the last
# year of the report's period, none to check that no person has confirmed ({counted}).
# Parameters left empty match everything.
AMOUNTS = """
FROM figures f JOIN documents d ON d.doc_id = f.doc_id
WHERE f.kind = 'amount' AND f.unit = 'VND' AND {counted} AND {single}
  AND (:province = '' OR fold(d.province) = fold(:province))
  AND (:subject = '' OR fold(coalesce(f.subject, '')) LIKE '%' || fold(:subject) || '%')"""
# Paragraphs holding every word of :q, folded, in any order (the whole query as a phrase
# ranks first): the same FTS5 query `baocao search --folded` runs.
FOLDED_SEARCH = """
FROM passages_folded_fts
JOIN passages p ON p.passage_key = passages_folded_fts.rowid
JOIN documents d ON d.doc_id = p.doc_id
WHERE passages_folded_fts MATCH folded_match(:{param})"""


# A fact's value under each status, and where its figure stands ("DOC_ID/FIGURE_ID/PAGE":
# serve_display links the value to its review page).
FACT_COLUMNS = ",\n".join(
    f"max(CASE WHEN status = '{s}' THEN value END) AS {s}, max(CASE WHEN status = '{s}' THEN "
    f"doc_id || '/' || figure_id || '/' || page_no END) AS {s}_figure"
    for s in ("actual", "estimate", "plan", "target")) + ",\nmax(unit) AS unit"


def queries(counted: str = COUNTED, single: str = SINGLE) -> dict[str, dict]:
    """The ready-made queries, titled and described in the interface language; their SQL
    behind a "show" link, so the results come first. `counted`: the condition on figures `f`
    of what totals add up (store.counted)."""
    return {name: {**q, "hide_sql": True} for name, q in _queries(counted, single).items()}


def _queries(counted: str, single: str) -> dict[str, dict]:
    amounts = AMOUNTS.format(counted=counted, single=single)
    return {
        "search_without_diacritics": {
            "title": _("Search every paragraph, diacritics optional"),
            "description": _("Paragraphs holding every word, however it was typed and in any "
                             "order (kho khan ve von finds khó khăn về vốn), best first; "
                             "\"quote\" words that must stand together."),
            "sql": f"""
SELECT d.filename, p.page_no, p.section_kind, d.province, d.year_end AS year, p.text
{FOLDED_SEARCH.format(param="q")}
ORDER BY bm25(passages_folded_fts)""",
        },
        "facts_by_province_and_period": {
            "title": _("Measures by province and period"),
            "description": _("Pick a measure, by its code or a word of its name, diacritics "
                             "optional (kinh phi khuyen cong): one row per province and "
                             "period, what was done beside the estimate, the plan and the "
                             "target, each value linking to its page on the review page. "
                             "Requests, reports that repeat another and parts of a total "
                             "already counted are left out (see the measured view)."),
            "sql": f"""
SELECT measure_name, province, period_start, period_end,
{FACT_COLUMNS}
FROM facts
WHERE :measure = '' OR measure = :measure
   OR fold(coalesce(measure_name, '')) LIKE '%' || fold(:measure) || '%'
GROUP BY measure, measure_name, province, period_start, period_end
ORDER BY measure_name, province, period_start, period_end""",
        },
        "amounts_by_province_and_year": {
            "title": _("Amounts by province and year"),
            "description": _("Totals of the amounts in đồng by the report's province and the "
                             "year the sentence states (or the last year of the report's "
                             "period), with how many amounts and reports make them. Totals "
                             "add every amount stated, parts and wholes alike, but none to "
                             "check that no person has confirmed. Narrow it with a word of "
                             "what it measures (kinh phí, vốn), diacritics optional."),
            "sql": f"""
SELECT d.province, coalesce(f.year, d.year_end) AS year, count(*) AS amounts,
       count(DISTINCT f.doc_id) AS reports, sum(f.value) AS total_vnd,
       max(f.value) AS largest_vnd
{amounts}
GROUP BY d.province, coalesce(f.year, d.year_end)
ORDER BY d.province, year""",
        },
        "amounts_by_subject": {
            "title": _("Amounts by what they measure"),
            "description": _("Totals of the amounts in đồng by what they measure (kinh phí "
                             "hỗ trợ, vốn đối ứng…), largest first, with the provinces they "
                             "come from."),
            "sql": f"""
SELECT max(f.subject) AS subject, count(*) AS amounts, count(DISTINCT f.doc_id) AS reports,
       sum(f.value) AS total_vnd, group_concat(DISTINCT d.province) AS provinces
{amounts}
GROUP BY fold(coalesce(f.subject, ''))
ORDER BY total_vnd DESC""",
        },
        "amounts_listed": {
            "title": _("Every amount, one by one"),
            "description": _("Every amount in đồng with its report, page, sentence and what "
                             "it measures, by province and year."),
            "sql": f"""
SELECT d.filename, d.province, coalesce(f.year, d.year_end) AS year, f.subject,
       f.value AS amount_vnd, f.raw, f.section_kind, f.page_no, f.flags, f.sentence
{amounts}
ORDER BY d.province, year, f.value DESC""",
        },
        "counts_by_subject": {
            "title": _("Counts by what they count"),
            "description": _("Counts (đề án, cơ sở, lượt…) added up by the counted noun and "
                             "what they measure."),
            "sql": f"""
SELECT f.unit AS counted, max(f.subject) AS subject, count(*) AS figures,
       count(DISTINCT f.doc_id) AS reports, sum(f.value) AS total
FROM figures f
WHERE f.kind = 'count' AND {counted}
GROUP BY f.unit, fold(coalesce(f.subject, ''))
ORDER BY f.unit, total DESC""",
        },
        "lessons_learned": {
            "title": _("Every lesson learned"),
            "description": _("Every point of every lessons-learned section (kinh nghiệm, "
                             "bài học)."),
            "sql": """
SELECT d.filename, d.province, d.year_end AS year, i.page_no, i.marker, i.text
FROM items i JOIN documents d ON d.doc_id = i.doc_id
WHERE i.section_kind = 'lessons' AND i.parent_item_id IS NULL
ORDER BY d.province, d.filename, i.item_id""",
        },
        "difficulties_mentioning": {
            "title": _("Difficulties mentioning words"),
            "description": _("Paragraphs of difficulties sections (khó khăn, hạn chế, tồn "
                             "tại) holding every word, with or without diacritics."),
            "sql": f"""
SELECT d.filename, d.province, d.year_end AS year, p.page_no, p.text
{FOLDED_SEARCH.format(param="word")}
  AND p.section_kind = 'difficulties'
ORDER BY bm25(passages_folded_fts)""",
        },
        "pages_to_check": {
            "title": _("Pages to check"),
            "description": _("Pages read by OCR, lowest confidence first, with how many of "
                             "their words Tesseract doubted (confidence under 60)."),
            "sql": """
SELECT d.filename, p.page_no, round(p.ocr_confidence, 1) AS ocr_confidence,
       (SELECT count(*) FROM words w WHERE w.doc_id = p.doc_id AND w.page_no = p.page_no
                                      AND w.conf < 60) AS doubtful_words,
       substr(p.text, 1, 160) AS beginning
FROM pages p JOIN documents d ON d.doc_id = p.doc_id
WHERE p.source = 'ocr'
ORDER BY p.ocr_confidence, d.filename, p.page_no""",
        },
        "figures_to_check": {
            "title": _("Figures to check"),
            "description": _("Flagged figures with the reason and the page to look at; those "
                             "to check are left out of totals until a person confirms them "
                             "(baocao correct FILE FIGURE_ID --confirm)."),
            "sql": f"""
SELECT d.filename, f.page_no, f.raw, f.value, f.unit, g.flag, g.detail, f.sentence
FROM flags g
JOIN figures f ON f.doc_id = g.doc_id AND f.figure_id = g.figure_id
JOIN documents d ON d.doc_id = g.doc_id
WHERE NOT (g.flag = 'to_check' AND {counted})
ORDER BY d.filename, f.figure_id""",
        },
    }


def datasette_metadata(name: str, columns: dict[str, set[str]] | None = None) -> dict:
    """Datasette's metadata for a database served under `name`; `columns`: each table's and
    view's, where an older baocao's database lacks some (no facet on a missing column)."""
    description = description_html(name, (columns or {}).get("figure_details"))
    described = tables()
    for table, known in (columns or {}).items():
        if "facets" in described.get(table, {}):
            described[table]["facets"] = [f for f in described[table]["facets"] if f in known]
    counted = COUNTED if "to_check" in (columns or {}).get("figures", {"to_check"}) else "1 = 1"
    single = SINGLE if "same_as" in (columns or {}).get("pages", {"same_as"}) else "1 = 1"
    return {
        "title": _("baocao: Vietnamese provincial reports as tables"),
        "description_html": description,
        "extra_css_urls": ["/-/baocao/serve.css"],
        "databases": {name: {"description_html": description,
                             "tables": described, "queries": queries(counted, single)}},
    }


def serve(db: str | Path, host: str, port: int) -> None:
    """Run Datasette on the database until Ctrl-C."""
    if store.is_url(db):
        raise BaocaoError("baocao serve opens a SQLite file, not a database server; "
                          "export the tables, or point Datasette-like tools at the server")
    path = Path(db)
    if not path.exists():
        raise BaocaoError(f"no database at {db}: run 'baocao run INPUT --db {db}' first")
    import uvicorn

    ds = datasette_app(path)
    print(f"serving {path} at http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


def datasette_app(path: Path):
    """Datasette on the file, with baocao's plugins, metadata and settings."""
    import datasette.handle_exception as datasette_errors
    from datasette.app import Datasette
    from datasette.plugins import pm

    from baocao.outputs import datasette_plugin, serve_display

    for name, module in (("baocao", datasette_plugin), ("baocao_display", serve_display)):
        if not pm.has_plugin(name):
            pm.register(module, name=name)
    # Datasette's error handler runs once, through datasette_plugin's; and without rich's
    # traceback (rich comes with typer), which fails outside an except block and turned each
    # 404 of an address no route knows (HEAD /db/figures/-/insert) into a 500.
    pm.set_blocked("datasette.handle_exception")
    datasette_errors.rich = None
    columns = {}
    for table in tables():
        try:
            columns[table] = set(store.query(path, f'SELECT * FROM "{table}" LIMIT 0').columns)
        except BaocaoError:  # a database older than the table or view
            columns[table] = set()
    return Datasette([str(path)], metadata=datasette_metadata(path.stem, columns),
                     settings={"sql_time_limit_ms": 5000, "default_facet_size": 8})
