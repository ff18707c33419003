"""The tables (see DESIGN.md: a contract): columns, views, and the migration that adds the
columns a newer baocao has to a database made by an older one. A new table goes here and in
rows.py, nothing else."""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, inspect, text

metadata = MetaData()


def box_columns() -> list[Column]:
    """Where a thing stands on its page (in the units of `words`): left, top, right, bottom."""
    return [Column(f"box_{side}", Float) for side in ("left", "top", "right", "bottom")]


def read_columns(*names: str) -> list[Column]:
    """`corrected` (1 where a person corrected the row) and, for each column a person may
    correct, the machine's reading beside it (value_read beside value), set once corrected."""
    kinds = {"value": Float, "text": Text}
    return [Column("corrected", Integer, default=0),
            *(Column(f"{name}_read", kinds.get(name, String)) for name in names)]


documents = Table(
    "documents", metadata,
    Column("doc_id", String, primary_key=True),
    Column("path", Text), Column("filename", Text), Column("n_pages", Integer),
    Column("status", String), Column("error", Text), Column("processed_at", String),
    Column("n_sections", Integer), Column("n_figures", Integer), Column("seconds", Float),
    Column("province", Text), Column("province_2025", Text), Column("issuer", Text),
    Column("title", Text), Column("doc_number", String), Column("doc_date", String),
    Column("period", Text), Column("year_start", Integer), Column("year_end", Integer),
    Column("n_flags", Integer),
    Column("path_bytes", Text), Column("retryable", Integer),
    Column("doc_type", String), Column("doc_code", String), Column("doc_date_precision", String),
    Column("signer", Text), Column("signer_title", Text),
    # 1 where a person corrected a field (the machine's reading is the correction's old_value)
    # or checked the whole document against its scan (see corrections)
    Column("corrected", Integer, default=0), Column("checked", Integer, default=0),
)
pages = Table(
    "pages", metadata,
    Column("doc_id", String, primary_key=True), Column("page_no", Integer, primary_key=True),
    Column("source", String), Column("text", Text), Column("ocr_confidence", Float),
    Column("raw_text", Text), Column("header", Text), Column("footer", Text),
    Column("dpi", Integer), Column("width", Float), Column("height", Float),
    Column("encoding", String), Column("source_reason", Text), Column("text_score", Float),
    Column("ocr_engine", String), Column("ocr_language", String), Column("ocr_psm", Integer),
    Column("preprocessing", Text), Column("furniture", Text),
    # what preparation did to the image before OCR (see PageContent): how to make it again
    Column("rotation", Integer), Column("skew", Float), Column("scale", Float),
    Column("checked", Integer, default=0),  # 1: a person checked this page against its scan
)
sections = Table(
    "sections", metadata,
    Column("doc_id", String, primary_key=True), Column("section_id", Integer, primary_key=True),
    Column("kind", String), Column("heading", Text), Column("level", Integer),
    Column("page_start", Integer), Column("page_end", Integer), Column("text", Text),
    Column("parent_id", Integer), Column("inherited_kind", String), Column("kinds", String),
    Column("inline", Integer), Column("label", String),
    *read_columns("kind"),
)
items = Table(
    "items", metadata,
    Column("doc_id", String, primary_key=True), Column("item_id", Integer, primary_key=True),
    Column("section_id", Integer), Column("section_kind", String),
    Column("parent_item_id", Integer), Column("ordinal", Integer), Column("marker", String),
    Column("text", Text), Column("page_no", Integer),
)
figures = Table(
    "figures", metadata,
    Column("doc_id", String, primary_key=True), Column("figure_id", Integer, primary_key=True),
    Column("kind", String), Column("value", Float), Column("unit", String), Column("raw", Text),
    Column("page_no", Integer), Column("section_id", Integer), Column("section_kind", String),
    Column("sentence", Text), Column("scale", String),
    Column("char_start", Integer), Column("char_end", Integer),
    Column("qualifier", String), Column("value_low", Float), Column("value_high", Float),
    Column("subject", Text), Column("locations", Text), Column("year", Integer),
    *box_columns(),
    Column("confidence", Float), Column("implied_total", Float), Column("flags", Text),
    Column("of_total", Float), Column("change", String), Column("unit_from", String),
    Column("unit_repaired", Integer),
    # a figure read from a printed table's cell: the table and the cell's row and column
    Column("table_id", Integer), Column("table_row", Integer), Column("table_col", Integer),
    # one box a printed line, "left,top,right,bottom;…", when the figure wraps onto the next
    Column("boxes", Text),
    *read_columns("value", "unit", "kind"),
)
flags = Table(
    "flags", metadata,
    Column("doc_id", String, primary_key=True), Column("flag_id", Integer, primary_key=True),
    Column("figure_id", Integer), Column("flag", String), Column("detail", Text),
    Column("other_figure_id", Integer),
    # a flag on a printed table's cell (its figure_id is empty when the cell is no figure)
    Column("table_id", Integer), Column("row", Integer), Column("col", Integer),
)
# One row per paragraph, for full-text search. Its own integer key is the row's SQLite rowid,
# which the search indexes point at: unlike the rowids of the other tables, it survives VACUUM.
passages = Table(
    "passages", metadata,
    Column("passage_key", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, index=True), Column("passage_id", Integer),
    Column("page_no", Integer), Column("section_id", Integer), Column("section_kind", String),
    Column("text", Text), Column("folded", Text), Column("char_start", Integer),
)
words = Table(
    "words", metadata,
    Column("doc_id", String, primary_key=True), Column("page_no", Integer, primary_key=True),
    Column("word_no", Integer, primary_key=True), Column("line_no", Integer),
    Column("text", Text), Column("left", Float), Column("top", Float),
    Column("width", Float), Column("height", Float), Column("conf", Float),
    # the text layer's font: bold, italic (1/0) and size in points; empty on OCR pages
    Column("bold", Integer), Column("italic", Integer), Column("size", Float),
)
# One row per printed table part (a table over two pages is two parts, the second pointing
# at the first with continues_table_id); one row per cell of its printed grid.
tables = Table(
    "tables", metadata,
    Column("doc_id", String, primary_key=True), Column("table_id", Integer, primary_key=True),
    Column("page_no", Integer), Column("page_end", Integer), Column("caption", Text),
    Column("label", String), Column("unit", String), Column("n_rows", Integer),
    Column("n_cols", Integer), Column("n_header_rows", Integer), Column("ruling", String),
    Column("source", String), Column("number_format", String),
    *box_columns(), Column("continues_table_id", Integer),
    Column("confidence", Float),
)
table_cells = Table(
    "table_cells", metadata,
    Column("doc_id", String, primary_key=True), Column("table_id", Integer, primary_key=True),
    Column("row", Integer, primary_key=True), Column("col", Integer, primary_key=True),
    Column("row_span", Integer), Column("col_span", Integer), Column("text", Text),
    Column("role", String), Column("value", Float), Column("value_kind", String),
    Column("column_path", Text), Column("row_path", Text),
    *box_columns(), Column("confidence", Float), Column("flags", Text),
    *read_columns("text", "value"),
)
TABLES = [documents, pages, sections, items, figures, flags, passages, words, tables,
          table_cells]
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


def _create_views(conn) -> None:
    """The views, made anew so they show the tables' columns of this version."""
    for name, sql in (("figure_details", FIGURE_DETAILS), ("table_values", TABLE_VALUES)):
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
        conn.execute(text(sql))


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
