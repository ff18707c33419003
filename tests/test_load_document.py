"""store.load_document: a document written by the pipeline and read back is the document the
pipeline made, field for field (every field a column holds), with people's corrections
applied; in SQLite and in PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLES

from baocao import store
from baocao.datamodel import DocumentResult
from baocao.pipelines.process import process_file
from baocao.store.columns import COLUMNS
from baocao.store.corrections import add

HEADINGS_DOC = SAMPLES / "khuyencong_p62_p56_digital.pdf"  # text layer: headings, points
TABLE_DOC = SAMPLES / "tables" / "g_khanhhoa_binhchon_ruled_digital.pdf"  # a ruled table
FLAGGED_DOC = SAMPLES / "tables" / "e_pci2024_landscape_scan.pdf"  # OCR: doubtful cells
FILES = [HEADINGS_DOC, TABLE_DOC, FLAGGED_DOC]


@pytest.fixture(scope="module")
def made() -> dict[str, DocumentResult]:
    """What the pipeline made of each file, by file name."""
    return {path.name: process_file(path) for path in FILES}


@pytest.fixture(scope="module")
def db(made: dict[str, DocumentResult], tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("load") / "db.sqlite"
    engine = store.connect(path)
    for result in made.values():
        store.write(engine, result)
    engine.dispose()
    return path


def stored(table: str, part: str = "") -> list[str]:
    """The fields of the table's columns (of one part: "page", "text", "metadata")."""
    names = [c.attr for c in COLUMNS[table] if c.attr and c.attr.rpartition(".")[0] == part]
    return list(dict.fromkeys(name.rpartition(".")[2] for name in names))


def same(loaded: object, made: object, fields: list[str]) -> None:
    for name in fields:
        mine, theirs = getattr(loaded, name), getattr(made, name)
        if name == "line_boxes":  # stored with 6 significant digits
            theirs = tuple(tuple(float(f"{v:g}") for v in box) for box in theirs)
        assert mine == theirs, (type(made).__name__, name, mine, theirs)


def test_a_document_read_back_is_the_one_the_pipeline_made(made, db) -> None:
    for name, result in made.items():
        loaded = store.load_document(db, result.doc_id)
        same(loaded, result, stored("documents"))
        assert loaded.metadata == result.metadata
        assert [p.page_no for p in loaded.pages] == [p.page_no for p in result.pages]
        for page, made_page in zip(loaded.pages, result.pages, strict=True):
            same(page, made_page, stored("pages", "page"))
        for text, made_text in zip(loaded.texts, result.texts, strict=True):
            same(text, made_text, [*stored("pages", "text"), "page_no"])
            assert [p.text for p in text.paragraphs] == [p.text for p in made_text.paragraphs]
        for kind in ("sections", "items", "figures", "flags", "passages", "tables"):
            assert len(getattr(loaded, kind)) == len(getattr(result, kind)), (name, kind)
            for one, other in zip(getattr(loaded, kind), getattr(result, kind), strict=True):
                same(one, other, stored(kind))
        for section, made_section in zip(loaded.sections, result.sections, strict=True):
            assert section.text == made_section.text  # its body: the paragraphs under it
        for table, made_table in zip(loaded.tables, result.tables, strict=True):
            assert len(table.cells) == len(made_table.cells)
            for cell, made_cell in zip(table.cells, made_table.cells, strict=True):
                same(cell, made_cell, stored("table_cells"))
    assert made[FLAGGED_DOC.name].flags and made[TABLE_DOC.name].tables  # all were tried


def test_what_the_pages_say_is_read_back(made, db) -> None:
    """Values read off the pages themselves."""
    text = store.load_document(db, made[HEADINGS_DOC.name].doc_id)
    figures = {f.raw: f for f in text.figures}
    # page 1: "kinh phí hỗ trợ là 320 triệu đồng"; page 2: "mới đạt 12.492,1 triệu đồng"
    assert (figures["320 triệu đồng"].value, figures["320 triệu đồng"].unit) == (320e6, "VND")
    assert figures["320 triệu đồng"].page_no == 1
    assert figures["12.492,1 triệu đồng"].value == 12_492_100_000
    assert figures["12.492,1 triệu đồng"].page_no == 2
    assert (figures["6 cuộc"].kind, figures["6 cuộc"].value) == ("count", 6)
    kinds = {s.heading: s.kind for s in text.sections}
    assert kinds["2. Những khó khăn cần tháo gỡ"] == "difficulties"
    assert kinds["3. Kinh nghiệm thực hiện"] == "lessons"
    first = next(i for i in text.items if i.marker == "Thứ nhất")
    assert first.section_kind == "lessons"
    assert first.text == "Thứ nhất: Nâng cao chất lượng công tác thông tin, tuyên truyền"

    table = store.load_document(db, made[TABLE_DOC.name].doc_id).tables[0]
    assert (table.label, table.n_rows, table.n_cols) == ("Biểu 01", 4, 6)
    cells = {(c.row_path, c.column_path): c for c in table.cells}
    registered = cells[("Cấp huyện", "Số sản phẩm > Đăng ký")]
    assert (registered.text, registered.value, registered.role) == ("346", 346, "body")


def test_a_document_read_back_carries_its_corrections(made, db, tmp_path: Path) -> None:
    copy = tmp_path / "corrected.sqlite"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    result = made[TABLE_DOC.name]
    figure = next(f for f in result.figures if f.raw == "558 triệu đồng")
    cell = next(c for c in result.tables[0].cells if c.text == "192")
    doc_id = result.doc_id
    engine = store.connect(copy)
    add(engine, [
        {"doc_id": doc_id, "figure_id": figure.figure_id, "field": "value",
         "new_value": "588000000"},
        {"doc_id": doc_id, "table_id": 0, "row": cell.row, "col": cell.col, "field": "text",
         "new_value": "198"},
        {"doc_id": doc_id, "target": "document", "field": "doc_number",
         "new_value": "280/BC-SCT"},
    ])
    engine.dispose()
    kept = store.load_stored(copy, doc_id)
    loaded = kept.document
    n = next(n for n, f in enumerate(loaded.figures) if f.figure_id == figure.figure_id)
    assert loaded.figures[n].value == loaded.figures[n].value_low == 588e6
    assert kept.kept["figures"][n] | {"doc_id": None} == {
        "doc_id": None, "corrected": 1, "value_read": 558e6, "unit_read": "VND",
        "kind_read": "amount", "to_check_read": 0}
    assert not loaded.figures[n].to_check
    cells = loaded.tables[0].cells
    n = next(n for n, c in enumerate(cells) if (c.row, c.col) == (cell.row, cell.col))
    assert cells[n].text == "198"
    assert kept.kept["table_cells"][n]["text_read"] == "192"
    assert loaded.metadata.doc_number == "280/BC-SCT"
    assert kept.kept["documents"][0]["corrected"] == 1
    # the rest is as the pipeline made it
    assert [f.value for f in loaded.figures if f.figure_id != figure.figure_id] == [
        f.value for f in result.figures if f.figure_id != figure.figure_id]


def test_the_rows_read_back_are_the_rows_stored(made, db) -> None:
    """load_stored is the inverse of rows(): the rows made again from it are those stored."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    for result in made.values():
        kept = store.load_stored(db, result.doc_id)
        for table in kept.columns:
            want = [dict(r) for r in conn.execute(
                f'SELECT * FROM "{table}" WHERE doc_id = ?', (result.doc_id,))]
            key = ["passage_id"] if table == "passages" else [
                c.name for c in COLUMNS[table] if c.primary_key and c.name != "doc_id"]
            want.sort(key=lambda r: [r[k] for k in key])
            assert list(kept.rows(table)) == want, table
    conn.close()


def test_a_document_read_back_from_postgresql(pg_url: str, made, db) -> None:
    engine = store.connect(pg_url)
    for result in made.values():
        store.write(engine, result)
    try:
        for result in made.values():
            assert store.load_document(engine, result.doc_id) == store.load_document(
                db, result.doc_id)
    finally:
        engine.dispose()
