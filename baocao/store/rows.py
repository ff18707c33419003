"""A document's dataclasses as rows, one stream of rows per table, made by the columns of
columns.py. Words and the text as extracted are read page by page from the document's page
store, so a long document's rows are never all in memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import Any

from baocao.datamodel import DocumentResult, PageContent
from baocao.store.columns import COLUMNS, PageRow

# Each table's written columns with how each is read (None: from where the row stands),
# looked up once: a long document has millions of words.
_WRITTEN = {table: [(c.name, None if c.placed else c.get or attrgetter(c.attr))
                    for c in columns if c.written] for table, columns in COLUMNS.items()}


def row(table: str, obj: Any, **place: Any) -> dict:
    """The row of `table` made of `obj`: every column the pipeline writes, those that say
    where the row stands (its doc_id, its number, a cell's table) taken from `place`."""
    return {name: place[name] if get is None else get(obj) for name, get in _WRITTEN[table]}


def rows(r: DocumentResult) -> dict[str, Iterable[dict]]:
    """Each table's rows for the document; `words` is a generator over its pages."""
    texts = {t.page_no: t for t in r.texts}
    pages = r.page_store if r.page_store is not None else r.pages
    doc_id = r.doc_id

    def made(table: str, objects: Iterable) -> Iterator[dict]:
        return (row(table, o, doc_id=doc_id) for o in objects)

    return {
        "documents": [row("documents", r)],
        # with their lines: the text as extracted is not kept elsewhere
        "pages": made("pages", (PageRow(p, texts.get(p.page_no)) for p in pages)),
        "sections": made("sections", r.sections), "items": made("items", r.items),
        "figures": made("figures", r.figures),
        "flags": (row("flags", g, doc_id=doc_id, flag_id=n) for n, g in enumerate(r.flags, 1)),
        "passages": made("passages", r.passages),
        "words": _word_rows(doc_id, pages),
        "tables": made("tables", r.tables),
        "table_cells": (row("table_cells", c, doc_id=doc_id, table_id=t.table_id)
                        for t in r.tables for c in t.cells),
    }


def _word_rows(doc_id: str, pages: Iterable[PageContent]) -> Iterator[dict]:
    """Every word of every page with its box, numbered through the document."""
    n = 0
    for p in pages:
        for line_no, line in enumerate(p.lines, 1):
            for w in line.words:
                n += 1
                yield row("words", w, doc_id=doc_id, page_no=p.page_no, word_no=n,
                          line_no=line_no)
