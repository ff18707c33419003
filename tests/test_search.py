"""`baocao search`: full-text search over every paragraph, exact or without diacritics."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SAMPLES, rows, run_cli

from baocao import store
from baocao.datamodel import DocumentResult, PageText, Paragraph, Passage
from baocao.outputs.search import parse, search
from baocao.pipelines.analyse import make_passages
from baocao.vietnamese.text import fold


def test_search_prints_ranked_hits_with_context(samples_db: Path) -> None:
    proc = run_cli("search", "khó khăn về vốn", "--db", str(samples_db))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "2 hits (exact, diacritics count)"
    assert lines[2].startswith("1. report_")
    for snippet in (lines[3], lines[6]):
        marked = " ".join(re.findall(r"\[([^\]]+)\]", snippet)).split()
        assert set(marked) == {"khó", "khăn", "về", "vốn"}, snippet
    hits = [line for line in lines if re.match(r"\d+\. ", line)]
    assert {h.split()[1] for h in hits} == {"report_1_bac_giang.pdf", "report_2_thai_binh.pdf"}
    # each hit names its page and the kind of section it stands in
    assert all(h.split()[2] == "page" and h.split()[4] == "causes" for h in hits)


def test_every_hit_holds_every_word_and_marks_them(samples_db: Path) -> None:
    _, hits = search(samples_db, "kinh phí khuyến công", limit=200)
    assert len(hits) >= 10
    for hit in hits:
        marked = [hit.text[a:b].lower() for a, b in hit.spans]
        for word in ("kinh", "phí", "khuyến", "công"):
            assert any(word in m.split() for m in marked), (word, hit.text)
    # BM25: the best hit is at least as good as the last
    assert hits[0].score >= hits[-1].score


def test_tones_tell_words_apart_unless_folded(samples_db: Path) -> None:
    """"đồng" (money) and "động" (activity) are different words; folded they are one."""
    _, money = search(samples_db, "đồng", limit=1000)
    _, activity = search(samples_db, "động", limit=1000)
    _, either = search(samples_db, "dong", limit=1000)
    assert money and activity
    assert all("đồng" in h.text.lower() for h in money)
    assert all("động" in h.text.lower() for h in activity)
    assert not [h for h in activity if "động" not in h.text.lower()]
    key = {(h.doc_id, h.page_no, h.text) for h in money} | {
        (h.doc_id, h.page_no, h.text) for h in activity}
    assert {(h.doc_id, h.page_no, h.text) for h in either} == key


def test_mode_follows_the_query_and_can_be_forced() -> None:
    assert parse("khó khăn", None).folded is False
    assert parse("kho khan", None).folded is True
    assert parse("khó khăn", True).phrases == [["kho"], ["khan"]]
    assert parse('"khó khăn" VỐN', False).phrases == [["khó", "khăn"], ["vốn"]]
    # FTS5 operators typed by a user are words, not syntax
    assert parse('vốn" OR * NEAR(', False).fts() == '"vốn or near" OR ("vốn" AND "or" AND "near")'


def test_filters(samples_db: Path) -> None:
    _, hits = search(samples_db, "kinh phí", kind="difficulties", limit=100)
    assert hits and {h.section_kind for h in hits} == {"difficulties"}
    _, hits = search(samples_db, "kinh phí", province="bac giang", limit=100)
    assert hits and {h.filename for h in hits} == {"report_1_bac_giang.pdf"}
    _, hits = search(samples_db, "kinh phí", year=2017, limit=100)
    assert hits and {h.filename for h in hits} == {"report_2_thai_binh.pdf"}  # 2016-2020
    proc = run_cli("search", "vốn", "--kind", "causes", "--province", "Lào Cai", "--year",
                   "2022", "--db", str(samples_db))
    assert proc.returncode == 0, proc.stderr
    hits = [line for line in proc.stdout.splitlines() if re.match(r"\d+\. ", line)]
    assert hits and all("report_6_lao_cai.pdf" in h and " causes " in h for h in hits)
    assert all("(Lào Cai, 2022)" in h for h in hits)


def test_bad_filters_are_one_line_errors(samples_db: Path) -> None:
    proc = run_cli("search", "vốn", "--province", "Bac Giag", "--db", str(samples_db))
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("baocao: error: no province named 'Bac Giag'; "
                                   "did you mean Bắc Giang?")
    proc = run_cli("search", "vốn", "--kind", "problems", "--db", str(samples_db))
    assert proc.returncode == 2 and "unknown section kind 'problems'" in proc.stderr
    assert "Traceback" not in proc.stderr


def _tiny(db: str | Path, texts: list[str]) -> None:
    """A document with these paragraphs, written by store.write as a run would."""
    result = DocumentResult("d" * 64, "/nowhere/tiny.pdf", "tiny.pdf", "ok", None, "now",
                            n_pages=1)
    result.passages = [Passage(i, 1, None, None, t, 0) for i, t in enumerate(texts, 1)]
    store.write(store.connect(db), result)


TINY = ["Hạn hán kéo dài ảnh hưởng sản xuất", "Nguồn vốn còn hạn chế",
        "Nhung kho khan ve von can thao go"]  # the last as OCR reads a page without accents


def test_a_paragraph_is_found_by_the_kind_its_sentences_report(tmp_path: Path) -> None:
    """A difficulty told in a section naming no kind (passages.kind, read at analysis) is
    found by --kind difficulties and shown so; a paragraph of results is not."""
    db = tmp_path / "kinds.sqlite"
    result = DocumentResult("e" * 64, "/nowhere/kinds.pdf", "kinds.pdf", "ok", None, "now",
                            n_pages=1)
    texts = ["Năm 2023 tỉnh đã hỗ trợ 25 đề án khuyến công, kinh phí 3.450 triệu đồng.",
             "Bên cạnh kết quả đạt được, việc giải ngân kinh phí khuyến công vẫn còn nhiều "
             "vướng mắc."]
    result.passages = make_passages(
        [PageText(1, "\n".join(texts), [Paragraph(1, t, 0) for t in texts])], [], [0, 0])
    store.write(store.connect(db), result)
    _, hits = search(db, "kinh phí khuyến công", kind="difficulties")
    assert [(h.text, h.section_kind) for h in hits] == [(texts[1], "difficulties")]
    assert {h.section_kind for h in search(db, "kinh phí khuyến công")[1]} == {
        None, "difficulties"}


def test_exact_and_folded_on_a_small_database(tmp_path: Path) -> None:
    db = tmp_path / "tiny.sqlite"
    _tiny(db, TINY)
    assert sorted(h.text for h in search(db, "hạn")[1]) == sorted(TINY[:2])
    assert [h.text for h in search(db, "hán")[1]] == TINY[:1]
    assert search(db, "khó khăn", folded=False)[1] == []
    assert [h.text for h in search(db, "khó khăn", folded=True)[1]] == TINY[2:]
    [drought] = search(db, '"han han"', folded=True)[1]  # the phrase, folded
    assert drought.snippet() == "[Hạn hán] kéo dài ảnh hưởng sản xuất"


def test_search_on_postgresql(pg_url: str, samples_db: Path) -> None:
    files = [str(SAMPLES / "reports" / "report_6_lao_cai.pdf"),
             str(SAMPLES / "khuyencong_p62_p56_digital.pdf")]
    proc = run_cli("run", *files, "--db", pg_url, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    names = {Path(f).name for f in files}
    for query, options in [("khó khăn", {}), ("kho khan", {}), ("vốn", {"province": "lao cai"}),
                           ("đồng", {"kind": "achievements"}), ("kinh phí", {"year": 2022})]:
        _, on_server = search(pg_url, query, limit=500, **options)
        _, in_sqlite = search(samples_db, query, limit=500, **options)
        expected = {(h.filename, h.page_no, h.text) for h in in_sqlite if h.filename in names}
        assert {(h.filename, h.page_no, h.text) for h in on_server} == expected, query
        assert expected
    proc = run_cli("search", "hạn chế", "--db", pg_url, "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    total = len(search(pg_url, "hạn chế", limit=500)[1])
    assert total > 2 and proc.stdout.startswith(f"2 of {total} hits (exact, diacritics count)")
    assert "[hạn chế]" in proc.stdout


def test_passages_keep_the_page_text(samples_db: Path) -> None:
    """Each paragraph is the page text at char_start; its folded copy lines up with it."""
    for p in rows(samples_db, "SELECT p.*, g.text AS page FROM passages p JOIN pages g "
                  "USING (doc_id, page_no) LIMIT 400"):
        assert p["page"][p["char_start"]:p["char_start"] + len(p["text"])] == p["text"]
        assert len(p["folded"]) == len(p["text"]) and p["folded"] == fold(p["text"]).lower()
