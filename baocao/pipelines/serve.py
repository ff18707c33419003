"""`baocao serve`: the database in Datasette, described for researchers: what each table and
column means, facets, full-text search and ready-made queries.

Datasette reads the SQLite file read-only. baocao adds one SQL function, fold(text) (lower
case, no diacritics), so queries can match words however they were typed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from baocao import store
from baocao.errors import BaocaoError

TITLE = "baocao: Vietnamese provincial reports as tables"
DESCRIPTION = (
    "Every page, section, enumerated point and figure (amounts in đồng, percentages, counts) "
    "of the reports, with each report's province, issuer, title, number, date and period. "
    "Search pages and sections with their search box (exact: diacritics count); the query "
    "'search_without_diacritics' finds words however they were typed."
)

TABLES: dict[str, dict] = {
    "documents": {
        "description": "One row per input file, with what its title block says.",
        "facets": ["province", "year_end", "issuer", "status"],
        "label_column": "filename",
        "columns": {
            "doc_id": "sha256 of the file's bytes: the same file has the same id anywhere",
            "path": "where the file was when it was processed",
            "filename": "the file's name",
            "n_pages": "pages in the file",
            "status": "ok, partial (some pages unreadable) or failed",
            "error": "why the file or some of its pages could not be read",
            "processed_at": "when baocao read it (UTC)",
            "province": "province or city the title block names, official name before the "
                        "2025 mergers (e.g. Bắc Giang)",
            "province_2025": "the province it lies in since the 2025 mergers (Bắc Giang → "
                             "Bắc Ninh)",
            "issuer": "the issuing body (e.g. Sở Công Thương, Ủy ban nhân dân tỉnh Lào Cai)",
            "title": "the report's title, after BÁO CÁO",
            "doc_number": "the document number (Số: 412/BC-SCT → 412/BC-SCT)",
            "doc_date": "date of issue (YYYY-MM-DD)",
            "period": "the period the title says the report covers (năm 2023, giai đoạn "
                      "2016-2020, 9 tháng đầu năm 2024)",
            "year_start": "first year of that period",
            "year_end": "last year of that period",
            "n_sections": "sections found", "n_figures": "figures found",
            "n_flags": "figures flagged for checking", "seconds": "processing time",
        },
    },
    "pages": {
        "description": "The text of every page, running headers and page numbers set aside.",
        "facets": ["source"],
        "columns": {
            "page_no": "page number in the file, from 1",
            "source": "text (the PDF's text layer) or ocr (read by Tesseract)",
            "text": "clean text, one paragraph per line",
            "ocr_confidence": "mean Tesseract word confidence, 0–100",
            "raw_text": "the text as extracted, before clean-up",
            "header": "running header lines removed from the text",
            "footer": "running footer lines removed from the text",
            "dpi": "resolution the page was read at (OCR pages)",
            "width": "page width, in pixels at dpi (OCR) or PDF points (text layer)",
            "height": "page height, in the same units",
        },
    },
    "sections": {
        "description": "Each heading and everything under it up to the next heading of the "
                       "same or a higher level.",
        "facets": ["kind", "inherited_kind", "level"],
        "columns": {
            "kind": "what the heading announces: achievements, difficulties, causes, lessons, "
                    "solutions, recommendations, plans or other",
            "heading": "the heading as written (empty for text before the first heading)",
            "level": "1 for the top headings (I., II.), 2 below them, …",
            "page_start": "page the section starts on", "page_end": "page it ends on",
            "text": "the section's own text",
            "parent_id": "the section it is part of",
            "inherited_kind": "its kind, or its parent's when the heading names none",
            "kinds": "every kind the heading names",
        },
    },
    "items": {
        "description": "Enumerated points (Thứ nhất, Một là, -, +): a lesson, a difficulty, "
                       "a recommendation each.",
        "facets": ["section_kind", "marker"],
        "columns": {
            "section_kind": "the kind of the section it stands in (or its parent's)",
            "parent_item_id": "the point it is a sub-point of",
            "ordinal": "its place among its siblings",
            "marker": "how it is marked: Thứ nhất, Một là, -, +, •",
            "text": "the point's text, joined across line and page breaks",
            "page_no": "page it starts on",
        },
    },
    "figures": {
        "description": "Every figure: money amounts (value in đồng), percentages and counts, "
                       "with its sentence, section and what it measures. Filter on flags to "
                       "see figures to check.",
        "facets": ["kind", "section_kind", "year", "flags", "unit"],
        "columns": {
            "kind": "amount, percent or count",
            "value": "amounts in đồng (VND) or USD; percentages as written; counts",
            "unit": "VND, USD, % or the counted noun (sản phẩm, cuộc, …)",
            "raw": "the figure exactly as on the page",
            "page_no": "page it stands on",
            "section_kind": "kind of the section it stands in",
            "sentence": "the sentence it stands in",
            "scale": "the scale word as written (triệu đồng, tỷ đồng, trđ)",
            "char_start": "where raw starts in the page's text",
            "char_end": "where raw ends in the page's text",
            "qualifier": "trên, hơn, gần, khoảng, tối đa… written before it",
            "value_low": "low end of a range (= value otherwise)",
            "value_high": "high end of a range (= value otherwise)",
            "subject": "what it measures (kinh phí hỗ trợ, …)",
            "locations": "places named in its sentence",
            "year": "the year its sentence states",
            "box_left": "its box on the page (units of the words table)",
            "confidence": "lowest OCR confidence of its words, 0–100 (empty: text layer)",
            "implied_total": "for a share of a total (chiếm 26,3% so với tổng …): the total "
                             "the amount before it implies",
            "flags": "low_confidence, total_mismatch, share_over_100 (see the flags table)",
        },
    },
    "figure_details": {
        "description": "Figures with their report's province, period, file and title, and "
                       "their section's heading.",
        "facets": ["kind", "section_kind", "province", "year_end", "flags"],
    },
    "flags": {
        "description": "Why a figure was flagged: low OCR confidence, or a total that "
                       "disagrees with what a share implies.",
        "facets": ["flag"],
        "columns": {
            "figure_id": "the flagged figure",
            "flag": "low_confidence, total_mismatch or share_over_100",
            "detail": "what disagrees with what",
            "other_figure_id": "the figure it disagrees with",
        },
    },
    "passages": {
        "description": "Every paragraph with its section's kind: what search finds.",
        "facets": ["section_kind"],
        "fts_table": "passages_fts",
        "columns": {
            "passage_id": "paragraph number in the document",
            "section_kind": "kind of its section (or its parent's)",
            "text": "the paragraph",
            "folded": "the paragraph in lower case without diacritics",
            "char_start": "where it starts in its page's text",
        },
    },
    "words": {
        "description": "Every OCR or text-layer word with its box and confidence.",
        "columns": {"conf": "Tesseract confidence 0–100 (empty: text layer)"},
    },
    "runs": {"description": "One row per `baocao run`: when, which version, what it did."},
    "tables": {
        "description": "Each printed table (Biểu, Bảng, Phụ lục) found, one row per page it "
                       "stands on; a part continued from the page before points at it.",
        "facets": ["ruling", "source", "number_format"],
        "label_column": "caption",
        "columns": {
            "caption": "the title printed above it (Biểu số 02: …)",
            "label": "Biểu / Bảng / Phụ lục with its number",
            "unit": "the unit printed above it (Đơn vị tính: triệu đồng → triệu đồng)",
            "n_header_rows": "rows of column headers at its top",
            "ruling": "full (every cell boxed), horizontal (rules between rows only) or none",
            "number_format": "vi (1.234,5) or en (1,234.5), from its columns' numbers",
            "continues_table_id": "the part on the previous page this one continues",
        },
    },
    "table_cells": {
        "description": "Every cell of the printed tables, at its row and column in the grid.",
        "facets": ["role", "value_kind"],
        "columns": {
            "row": "row in the printed grid, from 0, header rows included",
            "col": "column, from 0",
            "text": "the cell as printed",
            "role": "column_header, row_header, group (I. …, Trong đó:), body or total",
            "value": "the number, when the cell is one number",
            "column_path": "the headers above it (Năm 2023 > Kế hoạch)",
            "row_path": "its row's group and label (I. Thu nội địa > Thu thuế)",
            "flags": "checks it failed: total_mismatch, part_over_total, ratio_mismatch, "
                     "low_confidence",
        },
    },
    "table_values": {
        "description": "Every number in the printed tables with the headers that name it and "
                       "its document's province and period: filter by row or column words.",
        "facets": ["province", "value_kind", "flags"],
    },
}

# Ready-made queries. Parameters left empty match everything.
QUERIES = {
    "amounts_by_province_and_year": {
        "title": "Amounts by province and year",
        "description": "Every amount in đồng, by the report's province and the year its "
                       "sentence states (or the last year of the report's period). Narrow it "
                       "with a word of what it measures (kinh phí, vốn), diacritics optional.",
        "sql": """
SELECT d.province, coalesce(f.year, d.year_end) AS year, f.subject, f.value AS amount_vnd,
       f.raw, f.section_kind, d.filename, f.page_no, f.flags, f.sentence
FROM figures f JOIN documents d ON d.doc_id = f.doc_id
WHERE f.kind = 'amount' AND f.unit = 'VND'
  AND (:province = '' OR fold(d.province) = fold(:province))
  AND (:subject = '' OR fold(coalesce(f.subject, '')) LIKE '%' || fold(:subject) || '%')
ORDER BY d.province, year, f.value DESC""",
    },
    "lessons_learned": {
        "title": "All lessons learned",
        "description": "Every point of every lessons-learned section (kinh nghiệm, bài học).",
        "sql": """
SELECT d.province, d.year_end AS year, d.filename, i.page_no, i.marker, i.text
FROM items i JOIN documents d ON d.doc_id = i.doc_id
WHERE i.section_kind = 'lessons' AND i.parent_item_id IS NULL
ORDER BY d.province, d.filename, i.item_id""",
    },
    "difficulties_mentioning": {
        "title": "Difficulties mentioning a word",
        "description": "Paragraphs of difficulties sections (khó khăn, hạn chế, tồn tại) "
                       "holding a word or phrase, with or without diacritics.",
        "sql": """
SELECT d.province, d.year_end AS year, d.filename, p.page_no, p.text
FROM passages_folded_fts
JOIN passages p ON p.passage_key = passages_folded_fts.rowid
JOIN documents d ON d.doc_id = p.doc_id
WHERE p.section_kind = 'difficulties'
  AND passages_folded_fts MATCH '"' || replace(fold(:word), '"', '') || '"'
ORDER BY bm25(passages_folded_fts)""",
    },
    "search_without_diacritics": {
        "title": "Search every paragraph, diacritics optional",
        "description": "Paragraphs holding a word or phrase however it was typed (kho khan "
                       "finds khó khăn), best first.",
        "sql": """
SELECT d.filename, p.page_no, p.section_kind, d.province, d.year_end AS year, p.text
FROM passages_folded_fts
JOIN passages p ON p.passage_key = passages_folded_fts.rowid
JOIN documents d ON d.doc_id = p.doc_id
WHERE passages_folded_fts MATCH '"' || replace(fold(:q), '"', '') || '"'
ORDER BY bm25(passages_folded_fts)""",
    },
    "figures_to_check": {
        "title": "Figures to check",
        "description": "Flagged figures with the reason and the page to look at.",
        "sql": """
SELECT d.filename, f.page_no, f.raw, f.value, f.unit, g.flag, g.detail, f.sentence
FROM flags g
JOIN figures f ON f.doc_id = g.doc_id AND f.figure_id = g.figure_id
JOIN documents d ON d.doc_id = g.doc_id
ORDER BY d.filename, f.figure_id""",
    },
}


def datasette_metadata(name: str) -> dict:
    """Datasette's metadata for a database served under `name`."""
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {name: {"tables": TABLES, "queries": QUERIES}},
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
    from datasette.app import Datasette
    from datasette.plugins import pm

    from baocao.pipelines import datasette_plugin

    if not pm.has_plugin("baocao"):
        pm.register(datasette_plugin, name="baocao")
    ds = Datasette([str(path)], metadata=datasette_metadata(path.stem),
                   settings={"sql_time_limit_ms": 5000})
    print(f"serving {path} at http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
