"""A document's dataclasses as rows, one stream of rows per table: the only place that
knows which field goes in which column. Words and the text as extracted are read page by
page from the document's page store, so a long document's rows are never all in memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict

from baocao.datamodel import DocumentResult, PageContent
from baocao.vietnamese.text import fold_chars, raw_text


def rows(r: DocumentResult) -> dict[str, Iterable[dict]]:
    """Each table's rows for the document; `words` is a generator over its pages."""
    texts = {t.page_no: t for t in r.texts}
    doc = {
        "doc_id": r.doc_id, "path": r.path, "filename": r.filename, "n_pages": r.n_pages,
        "status": r.status, "error": r.error, "processed_at": r.processed_at,
        "n_sections": len(r.sections), "n_figures": len(r.figures), "seconds": r.seconds,
        **asdict(r.metadata), "n_flags": len(r.flags),
        "path_bytes": r.path_bytes, "retryable": int(r.retryable),
    }

    pages = r.page_store if r.page_store is not None else r.pages

    def page_rows() -> Iterator[dict]:
        for p in pages:  # with their lines: the text as extracted is not kept elsewhere
            t = texts.get(p.page_no)
            yield {
                "doc_id": r.doc_id, "page_no": p.page_no, "source": p.source,
                "text": t.text if t else None, "ocr_confidence": p.ocr_confidence,
                "raw_text": raw_text(line.text for line in p.lines) if t else None,
                "header": "\n".join(t.header) if t else None,
                "footer": "\n".join(t.footer) if t else None,
                "dpi": p.dpi, "width": p.width, "height": p.height,
                "encoding": p.encoding, "source_reason": p.reason, "text_score": p.text_score,
                "ocr_engine": p.engine, "ocr_language": p.language, "ocr_psm": p.psm,
                "preprocessing": p.preprocessing,
                "furniture": "\n".join(t.furniture) if t and t.furniture else None,
                "rotation": p.rotation, "skew": p.skew, "scale": p.scale,
            }

    section_rows = ({
        "doc_id": r.doc_id, "section_id": s.section_id, "kind": s.kind, "heading": s.heading,
        "level": s.level, "page_start": s.page_start, "page_end": s.page_end, "text": s.text,
        "parent_id": s.parent_id, "inherited_kind": s.inherited_kind, "kinds": ",".join(s.kinds),
        "inline": int(s.inline), "label": s.label,
    } for s in r.sections)
    item_rows = ({
        "doc_id": r.doc_id, "item_id": i.item_id, "section_id": i.section_id,
        "section_kind": i.section_kind, "parent_item_id": i.parent_item_id,
        "ordinal": i.ordinal, "marker": i.marker, "text": i.text, "page_no": i.page_no,
    } for i in r.items)
    figure_rows = ({
        "doc_id": r.doc_id, "figure_id": f.figure_id, "kind": f.kind, "value": f.value,
        "unit": f.unit, "raw": f.raw, "page_no": f.page_no, "section_id": f.section_id,
        "section_kind": f.section_kind, "sentence": f.sentence, "scale": f.scale,
        "char_start": f.start, "char_end": f.end, "qualifier": f.qualifier,
        "value_low": f.value_low, "value_high": f.value_high, "subject": f.subject,
        "locations": "; ".join(f.locations) or None, "year": f.year,
        **_box(f.bbox),
        "confidence": f.confidence, "implied_total": f.implied_total,
        "flags": "; ".join(f.flags) or None,
        "of_total": f.of_total, "change": f.change, "unit_from": f.unit_from,
        "unit_repaired": int(f.unit_repaired),
        "table_id": f.table_id, "table_row": f.table_row, "table_col": f.table_col,
        "boxes": ";".join(",".join(f"{v:g}" for v in box) for box in f.line_boxes) or None,
    } for f in r.figures)
    flag_rows = ({
        "doc_id": r.doc_id, "flag_id": n, "figure_id": g.figure_id, "flag": g.flag,
        "detail": g.detail, "other_figure_id": g.other_figure_id,
        "table_id": g.table_id, "row": g.row, "col": g.col,
    } for n, g in enumerate(r.flags, 1))
    table_rows = ({
        "doc_id": r.doc_id, "table_id": t.table_id, "page_no": t.page_no,
        "page_end": t.page_end, "caption": t.caption, "label": t.label, "unit": t.unit,
        "n_rows": t.n_rows, "n_cols": t.n_cols, "n_header_rows": t.n_header_rows,
        "ruling": t.ruling, "source": t.source, "number_format": t.number_format,
        **_box(t.bbox), "continues_table_id": t.continues_table_id, "confidence": t.confidence,
    } for t in r.tables)
    cell_rows = ({
        "doc_id": r.doc_id, "table_id": t.table_id, "row": c.row, "col": c.col,
        "row_span": c.row_span, "col_span": c.col_span, "text": c.text, "role": c.role,
        "value": c.value, "value_kind": c.value_kind, "column_path": c.column_path or None,
        "row_path": c.row_path or None, **_box(c.bbox), "confidence": c.confidence,
        "flags": "; ".join(c.flags) or None,
    } for t in r.tables for c in t.cells)
    passage_rows = ({
        "doc_id": r.doc_id, "passage_id": p.passage_id, "page_no": p.page_no,
        "section_id": p.section_id, "section_kind": p.section_kind, "text": p.text,
        "folded": fold_chars(p.text), "char_start": p.char_start,
    } for p in r.passages)
    return {
        "documents": [doc], "pages": page_rows(), "sections": section_rows, "items": item_rows,
        "figures": figure_rows, "flags": flag_rows, "passages": passage_rows,
        "words": _word_rows(r.doc_id, pages), "tables": table_rows, "table_cells": cell_rows,
    }


def _word_rows(doc_id: str, pages: Iterable[PageContent]) -> Iterator[dict]:
    """Every word of every page with its box, numbered through the document."""
    n = 0
    for p in pages:
        for line_no, line in enumerate(p.lines, 1):
            for w in line.words:
                n += 1
                yield {
                    "doc_id": doc_id, "page_no": p.page_no, "word_no": n,
                    "line_no": line_no, "text": w.text, "left": w.left, "top": w.top,
                    "width": w.width, "height": w.height, "conf": w.conf,
                    "bold": None if w.bold is None else int(w.bold),
                    "italic": None if w.italic is None else int(w.italic), "size": w.size,
                }


def _box(bbox: tuple[float, float, float, float] | None) -> dict[str, float | None]:
    return dict(zip(("box_left", "box_top", "box_right", "box_bottom"), bbox or (None,) * 4,
                    strict=True))
