"""The tables (see DESIGN.md: a contract): the content tables as columns.py lists them, the
database's own (claims, corrections, runs), views, and the migration that adds the columns a
newer baocao has to a database made by an older one. A new table goes in columns.py."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, inspect, text

from baocao.store import columns

metadata = MetaData()


def _table(name: str) -> Table:
    """A content table as columns.py lists it: names, types, keys, indexes and defaults."""
    def column(c: columns.Column) -> Column:
        options = {"primary_key": c.primary_key}
        if c.index:
            options["index"] = True
        if c.default is not None:
            options["default"] = c.default
        if c.autoincrement:
            options["autoincrement"] = True
        return Column(c.name, c.type, **options)

    return Table(name, metadata, *map(column, columns.COLUMNS[name]))


documents, pages, sections, items, figures, flags, passages, words, tables, table_cells = (
    _table(name) for name in columns.COLUMNS)
TABLES = [documents, pages, sections, items, figures, flags, passages, words, tables,
          table_cells]
# The catalogue of measures a figure's `measure` names (baocao/data/measures.csv), written
# anew at the end of every run (fill_measures) so that a query joins it: code, names, kind,
# unit, the measure it is part of, the national indicator code and where the entry comes from.
measures = Table(
    "measures", metadata,
    Column("code", String, primary_key=True), Column("name_vi", Text), Column("name_en", Text),
    Column("kind", String), Column("unit", String), Column("parent", String),
    Column("wordings", Text), Column("indicator_code", String), Column("source", Text),
)
# A document some run is reading now: another run sharing the database leaves it alone
# instead of reading it twice. The row goes when the document is written; a killed run's
# rows are taken over once its process is gone.
claims = Table(
    "claims", metadata,
    Column("doc_id", String, primary_key=True), Column("host", Text), Column("pid", Integer),
    Column("claimed_at", String),
)
# What people corrected, keyed by what it corrects in a way a re-run keeps (page and position
# or text, never row ids), so every write of the document applies them again; see
# store/corrections.py. A correction whose target is gone stays, its status 'missing'.
corrections = Table(
    "corrections", metadata,
    Column("correction_id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, index=True),
    Column("target", String),  # figure, cell, section, document or page
    Column("page_no", Integer),  # the page of the figure, of the cell's table, of the heading
    Column("char_start", Integer), Column("char_end", Integer),  # a figure in the page's text
    # a table cell (or the figure read from it): the table's place among the page's tables
    Column("table_no", Integer), Column("row", Integer), Column("col", Integer),
    Column("target_text", Text),  # the figure as written, or the section's heading
    Column("field", String),  # value, unit, kind, not_a_figure, text, checked, doc_number…
    Column("old_value", Text),  # the machine's reading, as of the last time it was applied
    Column("new_value", Text),
    Column("note", Text), Column("author", Text), Column("created_at", String),
    Column("status", String),  # applied, superseded (a later one corrects the same), missing
    Column("applied_at", String),
)
runs = Table(
    "runs", metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String), Column("finished_at", String), Column("version", String),
    Column("files_seen", Integer), Column("files_ok", Integer), Column("files_partial", Integer),
    Column("files_failed", Integer), Column("files_skipped", Integer),
    Column("pages_ocr", Integer), Column("pages_text", Integer), Column("log_file", Text),
)


# The figures that totals add up, as a condition on the figures aliased `f`: those not
# to_check, and those a person confirmed (store/corrections.py sets to_check to 0 then).
COUNTED = "coalesce(f.to_check, 0) = 0"
# The figures each report counts once, on figures `f` of documents `d`: not those of a file
# or a page that repeats another's (store/duplicates.py).
SINGLE = ("d.same_as IS NULL AND NOT EXISTS (SELECT 1 FROM pages pg WHERE pg.doc_id = f.doc_id"
          " AND pg.page_no = f.page_no AND pg.same_as IS NOT NULL)")


# Every figure with its document's province, year, file and title and its section's heading:
# what researchers filter and facet on. (period: the report's, as its title words it.)
FIGURE_DETAILS = """
CREATE VIEW figure_details AS
SELECT d.filename, d.province, d.province_2025, d.year_start, d.year_end, d.title,
       d.issuer, s.heading AS section_heading, f.*, d.period
FROM figures f
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN sections s ON s.doc_id = f.doc_id AND s.section_id = f.section_id
"""


# Every value of a printed table's body with the headers that name it, its table's caption
# and unit, and its document's province and period: one row a number, ready to filter.
TABLE_VALUES = """
CREATE VIEW table_values AS
SELECT d.filename, d.province, d.province_2025, d.year_start, d.year_end, d.period,
       t.page_no AS table_page, t.caption, t.label, t.unit,
       c.doc_id, c.table_id, c."row", c.col, c.row_path, c.column_path, c.text, c.value,
       c.value_kind, c.role, c.confidence, c.flags
FROM table_cells c
JOIN tables t ON t.doc_id = c.doc_id AND t.table_id = c.table_id
JOIN documents d ON d.doc_id = c.doc_id
WHERE c.role IN ('body', 'total') AND c.value IS NOT NULL
"""


# Every figure whose measure is known, with what tells facts apart: its document's province
# and the file its document or page repeats, whether a figure of its own measure is its total
# (then the total counts, not it), and its rank among the figures of the same measure,
# province, period and status (1: the one the facts view shows, from the latest document,
# the most trusted).
MEASURED = f"""
CREATE VIEW measured AS
SELECT m.name_vi AS measure_name, d.province, f.period_start, f.period_end, f.status,
       f.value, f.unit, f.raw, f.measure, f.compared_to, f.place, d.filename, d.doc_date,
       f.page_no, f.sentence, f.doc_id, f.figure_id, f.part_of,
       coalesce(d.same_as, pg.same_as) AS same_as,
       CASE WHEN t.figure_id IS NOT NULL THEN 1 ELSE 0 END AS total_counted,
       ROW_NUMBER() OVER (
           PARTITION BY f.measure, d.province, f.period_start, f.period_end, f.status,
                        coalesce(d.same_as, pg.same_as) IS NULL, t.figure_id IS NULL
           ORDER BY d.doc_date DESC, f.trust DESC, f.figure_id) AS rank,
       COUNT(*) OVER (PARTITION BY f.measure, d.province, f.period_start, f.period_end,
                                   f.status, coalesce(d.same_as, pg.same_as) IS NULL,
                                   t.figure_id IS NULL) AS n_figures
FROM figures f
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN pages pg ON pg.doc_id = f.doc_id AND pg.page_no = f.page_no
LEFT JOIN measures m ON m.code = f.measure
LEFT JOIN figures t ON t.doc_id = f.doc_id AND t.figure_id = f.part_of
                    AND t.measure = f.measure AND {COUNTED.replace("f.", "t.")}
WHERE f.measure IS NOT NULL AND {COUNTED}
"""
# One row per measure, province, period and status: the comparable facts. Requests, files
# that repeat another and parts whose total is counted are left out (see `measured` for them).
FACTS = """
CREATE VIEW facts AS
SELECT measure_name, province, period_start, period_end, status, value, unit, raw, measure,
       compared_to, filename, page_no, sentence, n_figures, doc_id, figure_id
FROM measured
WHERE rank = 1 AND status <> 'request' AND same_as IS NULL AND total_counted = 0
"""
VIEWS = (("figure_details", FIGURE_DETAILS), ("table_values", TABLE_VALUES),
         ("measured", MEASURED), ("facts", FACTS))


def _create_views(conn) -> None:
    """The views, made anew so they show the tables' columns of this version."""
    for name, _sql in reversed(VIEWS):  # a view before the view it is made from
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
    for _name, sql in VIEWS:
        conn.execute(text(sql))


def fill_measures(engine, catalogue: Iterable) -> None:
    """The catalogue of measures as this version ships it (nlp/measures.py reads it)."""
    with engine.begin() as conn:
        conn.execute(measures.delete())
        conn.execute(measures.insert(), [
            {"code": m.code, "name_vi": m.name_vi, "name_en": m.name_en, "kind": m.kind,
             "unit": m.units[0] if m.units else None, "parent": m.parent or None,
             "wordings": " | ".join(m.wordings),
             "indicator_code": m.indicator_code or None, "source": m.source}
            for m in catalogue])


# fold() on PostgreSQL, for the server's schema: the Vietnamese letters mapped one by one to
# their bare lower-case letter (translate() needs no extension and no locale), then lower()
# for the rest. Unlike fold_chars() it leaves non-Vietnamese accented letters (é, ü) as they are.
_VN_UPPER = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_VN_BARE = "AAAAAAAAAAAAAAAAADEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYY"
FOLD_FUNCTION_PG = f"""
CREATE OR REPLACE FUNCTION fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(translate(value, '{_VN_UPPER + _VN_UPPER.lower()}',
                               '{_VN_BARE + _VN_BARE.lower()}')) $$
"""


def create(conn) -> None:
    """Every table, column and view of this version, keeping the rows already there (and on
    PostgreSQL the fold() function queries use; SQLite connections register their own)."""
    metadata.create_all(conn)
    _add_missing_columns(conn)
    _create_views(conn)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(FOLD_FUNCTION_PG)


def _add_missing_columns(conn) -> None:
    """A database made by an older baocao gains the columns added since, keeping its rows."""
    inspector = inspect(conn)
    for table in [*TABLES, runs, claims, corrections]:
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(conn.dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))
