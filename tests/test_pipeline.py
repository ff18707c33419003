"""End to end from the scanned samples (real Tesseract, real PDFs, real SQLite)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES, gold, rows, run_cli

from baocao.extract.files import file_sha256


def doc_rows(db: Path, table: str, filename: str, order: str) -> list:
    return rows(db, f"SELECT t.* FROM {table} t JOIN documents d USING (doc_id) "
                f"WHERE d.filename = ? ORDER BY {order}", filename)


def figures_of(db: Path, filename: str) -> list[tuple]:
    return [(f["page_no"], f["kind"], f["value"], f["unit"], f["raw"])
            for f in doc_rows(db, "figures", filename, "t.figure_id")]


def gold_figures(name: str) -> list[tuple]:
    return [(f["page"], f["kind"], f["value"], f["unit"], f["raw"]) for f in gold(name)["figures"]]


GOLD_NAMES = sorted(p.stem for p in (SAMPLES / "gold").glob("*.json"))


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_every_sample_gives_exactly_its_gold_figures(samples_db: Path, name: str) -> None:
    expected = gold(name)
    assert figures_of(samples_db, expected["file"]) == gold_figures(name)


def test_every_sample_has_gold() -> None:
    documents = {p.name for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".png")}
    assert documents == {gold(n)["file"] for n in GOLD_NAMES}
    assert len(documents) == 5


def test_seed_figures_exactly(samples_db: Path) -> None:
    assert figures_of(samples_db, "bacninh_p62_scan.pdf") == [
        (1, "count", 6, "cuộc", "6 cuộc"),
        (1, "count", 111, "sản phẩm", "111 sản phẩm"),
        (1, "amount", 320_000_000, "VND", "320 triệu đồng"),
    ]
    assert figures_of(samples_db, "bacgiang_p56_scan.pdf") == [
        (1, "percent", 52.8, "%", "52,8%"),
        (1, "amount", 12_492_100_000, "VND", "12.492,1 triệu đồng"),
        (1, "percent", 26.3, "%", "26,3%"),
    ]


def test_figures_carry_sentence_section_and_exact_span(samples_db: Path) -> None:
    for f in doc_rows(samples_db, "figures", "khuyencong_p62_p56_scan.pdf", "t.figure_id"):
        [page] = rows(samples_db, "SELECT text FROM pages WHERE doc_id = ? AND page_no = ?",
                      f["doc_id"], f["page_no"])
        assert page["text"][f["char_start"]:f["char_end"]] == f["raw"]
        assert f["raw"] in f["sentence"]
    amount = rows(samples_db, "SELECT * FROM figures WHERE raw = '12.492,1 triệu đồng'")[0]
    assert amount["section_kind"] == "difficulties"
    assert amount["scale"] == "triệu đồng"
    assert amount["sentence"].startswith("Tuy số lượng cơ sở công nghiệp nông thôn")


@pytest.mark.parametrize("filename,expected", [
    ("bacninh_p62_scan.pdf", [("2. Những khó khăn cần tháo gỡ", "difficulties"),
                              ("3. Kinh nghiệm thực hiện", "lessons")]),
    ("bacgiang_p56_scan.pdf", [("(2) Những khó khăn cần tháo gỡ:", "difficulties"),
                               ("(3) Kinh nghiệm thực tiễn:", "lessons")]),
])
def test_seed_sections(samples_db: Path, filename: str, expected: list) -> None:
    got = [(s["heading"], s["kind"]) for s in doc_rows(samples_db, "sections", filename,
                                                        "t.section_id") if s["heading"]]
    assert got == expected


def test_sections_cross_the_page_break(samples_db: Path) -> None:
    sections = doc_rows(samples_db, "sections", "khuyencong_p62_p56_scan.pdf", "t.section_id")
    lessons = [s for s in sections if s["heading"] == "3. Kinh nghiệm thực hiện"][0]
    assert (lessons["page_start"], lessons["page_end"]) == (1, 2)  # runs on into page 2
    assert "Tăng cường tư vấn" in lessons["text"]


def test_born_digital_takes_the_text_layer_and_matches_its_scanned_twin(samples_db: Path) -> None:
    digital = "khuyencong_p62_p56_digital.pdf"
    scan = "khuyencong_p62_p56_scan.pdf"
    assert {p["source"] for p in doc_rows(samples_db, "pages", digital, "t.page_no")} == {"text"}
    assert {p["source"] for p in doc_rows(samples_db, "pages", scan, "t.page_no")} == {"ocr"}

    def outline(filename: str) -> list[tuple]:
        return [(s["heading"], s["kind"], s["level"], s["page_start"], s["page_end"])
                for s in doc_rows(samples_db, "sections", filename, "t.section_id")]

    assert outline(digital) == outline(scan)
    assert figures_of(samples_db, digital) == figures_of(samples_db, scan)


def test_page_text_is_clean(samples_db: Path) -> None:
    for p in doc_rows(samples_db, "pages", "khuyencong_p62_p56_scan.pdf", "t.page_no"):
        assert "Page 6" not in p["text"] and "P. 6" not in p["text"]
        assert "51 52 53" not in p["text"]
        assert p["ocr_confidence"] > 80
        assert p["header"]  # kept aside, not lost


def test_words_keep_boxes_and_confidences(samples_db: Path) -> None:
    words = doc_rows(samples_db, "words", "bacninh_p62_scan.pdf", "t.word_no")
    assert len(words) > 300
    hit = [w for w in words if w["text"] == "111"]
    assert hit and hit[0]["conf"] > 50 and hit[0]["width"] > 0 and hit[0]["height"] > 0


def test_rerun_replaces_rows(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    sample = str(SAMPLES / "khuyencong_p62_p56_digital.pdf")
    counts = []
    for extra in ([], ["--force"]):
        assert run_cli("run", sample, "--db", str(db), *extra).returncode == 0
        counts.append([rows(db, f"SELECT count(*) AS n FROM {t}")[0]["n"]
                       for t in ("documents", "pages", "sections", "figures", "words")])
    assert counts[0] == counts[1]
    assert counts[0][:2] == [1, 2] and counts[0][3] == 6


def test_rerun_skips_known_files_and_replaces_changed_ones(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = inbox / "bao_cao.pdf"
    shutil.copy(SAMPLES / "khuyencong_p62_p56_digital.pdf", report)
    db = tmp_path / "db.sqlite"
    assert run_cli("run", str(inbox), "--db", str(db)).returncode == 0
    again = run_cli("run", str(inbox), "--db", str(db))
    assert again.returncode == 0 and "1 already in the database, skipped" in again.stdout

    shutil.copy(SAMPLES / "bacninh_p62_scan.pdf", report)  # same name, new bytes
    assert run_cli("run", str(inbox), "--db", str(db)).returncode == 0
    [doc] = rows(db, "SELECT * FROM documents")
    assert doc["n_pages"] == 1 and doc["doc_id"] == file_sha256(report)
    assert {r["doc_id"] for r in rows(db, "SELECT DISTINCT doc_id FROM figures")} == {
        doc["doc_id"]}
    runs = rows(db, "SELECT * FROM runs ORDER BY run_id")
    assert [(r["files_seen"], r["files_ok"], r["files_skipped"]) for r in runs] == [
        (1, 1, 0), (1, 0, 1), (1, 1, 0)]
    assert runs[0]["pages_text"] == 2 and runs[2]["pages_ocr"] == 1
    assert all(r["version"] and r["finished_at"] >= r["started_at"] for r in runs)


@pytest.mark.parametrize("suffix", [".tif", ".jpg"])
def test_images_multi_page_tiff_and_jpeg(tmp_path: Path, suffix: str) -> None:
    """Images go straight to OCR; every frame of a TIFF is a page."""
    from PIL import Image

    from baocao.pipelines.process import process_file

    page = Image.open(SAMPLES / "bacgiang_p56_scan.png").convert("L")
    path = tmp_path / f"scan{suffix}"
    if suffix == ".tif":
        page.save(path, save_all=True, append_images=[page], dpi=(300, 300))
    else:
        page.save(path, quality=85, dpi=(300, 300))
    result = process_file(path)
    n = 2 if suffix == ".tif" else 1
    assert (result.status, result.n_pages) == ("ok", n)
    assert [p.source for p in result.pages] == ["ocr"] * n
    assert [p.dpi for p in result.pages] == [300] * n
    assert [(f.page_no, f.raw) for f in result.figures] == [
        (no, raw) for no in range(1, n + 1) for raw in ("52,8%", "12.492,1 triệu đồng", "26,3%")
    ]


def test_pages_read_side_by_side_give_the_same_tables(tmp_path: Path) -> None:
    """--jobs 2 (worker processes, pages across documents) equals --jobs 1, row for row."""
    files = [str(SAMPLES / n) for n in ("bacninh_p62_scan.pdf", "khuyencong_p62_p56_digital.pdf",
                                        "bacgiang_p56_scan.png")]
    tables = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.sqlite"
        assert run_cli("run", *files, "--db", str(db), "--jobs", jobs).returncode == 0
        tables[jobs] = {
            t: [tuple(r) for r in rows(db, f"SELECT * FROM {t} ORDER BY 1, 2, 3")]
            for t in ("pages", "sections", "items", "figures", "words")
        }
    assert tables["1"] == tables["2"]
    assert len(tables["2"]["figures"]) == 12


def test_figures_take_their_parent_sections_kind(samples_db: Path) -> None:
    """figures.section_kind follows the rule of items and passages: the section's own kind,
    or its parent's when its heading names none ("1. Công tác tuyên truyền" under
    "I. KẾT QUẢ THỰC HIỆN" is achievements)."""
    sql = ("SELECT f.section_kind, s.kind, s.inherited_kind FROM figures f "
           "JOIN sections s USING (doc_id, section_id)")
    placed = rows(samples_db, sql)
    assert placed and all(r["section_kind"] == r["inherited_kind"] for r in placed)
    inherited = [r for r in placed if r["kind"] == "other" and r["inherited_kind"] != "other"]
    assert inherited, "no figure stands in a sub-section that inherits its parent's kind"
