"""`baocao summary`: the real CLI writes the page from the samples database; a real Chromium
reads it, and every count and total it shows is checked against SQLite directly."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import REPO, rows, run_cli

ARTEFACTS = REPO / "out" / "test-artefacts"
UNSTATED = "(not stated)"


def vn_parse(text: str) -> float:
    """A number written the Vietnamese way: 12.492,1 → 12492.1."""
    return float(text.replace(".", "").replace(",", "."))


@pytest.fixture(scope="module")
def written(samples_db: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("summary") / "summary.html"
    proc = run_cli("summary", "--db", str(samples_db), "--out", str(out), "--with-reviews")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[:2] == [str(out), str(out.with_suffix(".md"))]
    return out


@pytest.fixture(scope="module")
def tab(written: Path, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(written.as_uri())
    page.wait_for_load_state("load")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "summary.png"), full_page=True)
    assert all(u.startswith(("file:", "data:")) for u in requests)  # self-contained
    yield page
    page.close()


def table(tab, key: str) -> list[list[str]]:
    return [r.locator("td").all_inner_texts() for r in tab.locator(f"#{key} tbody tr").all()]


def test_totals_and_counts_match_the_database(tab, samples_db: Path) -> None:
    for name in ("documents", "pages", "figures", "flags"):
        n = rows(samples_db, f"SELECT count(*) AS n FROM {name}")[0]["n"]
        assert vn_parse(tab.locator(f"#total-{name} b").inner_text()) == n
    docs = rows(samples_db, "SELECT * FROM documents")
    for key, column in (("documents-by-status", "status"), ("documents-by-type", "doc_type"),
                        ("documents-by-province", "province")):
        want = Counter(d[column] or UNSTATED for d in docs)
        assert {k: int(n) for k, n in table(tab, key)} == want
    years = Counter(str(d["year_end"]) if d["year_end"] else UNSTATED for d in docs)
    assert {k: int(n) for k, n in table(tab, "documents-by-year")} == years
    figures = rows(samples_db, "SELECT kind, section_kind FROM figures")
    shown = tab.locator("#figures-by-kind thead th").all_inner_texts()
    for row in table(tab, "figures-by-kind"):
        for kind, n in zip(shown[1:-1], row[1:-1], strict=True):
            if row[0] != "total":
                assert int(n) == sum(f["kind"] == kind and (f["section_kind"] or UNSTATED)
                                     == row[0] for f in figures), (row[0], kind)
    assert table(tab, "figures-by-kind")[-1][-1] == str(len(figures))
    pages = rows(samples_db, "SELECT source, ocr_confidence FROM pages")
    bands = dict(table(tab, "pages-by-confidence"))
    assert int(bands["OCR, confidence 90 or more"]) == sum(
        p["source"] == "ocr" and p["ocr_confidence"] >= 90 for p in pages)
    assert sum(int(n) for n in bands.values()) == len(pages)


def test_amounts_by_province_and_year_add_up(tab, samples_db: Path) -> None:
    """Each row's count and total (in triệu đồng, Vietnamese style) is the sum SQLite gives
    for its province and year; the chart has one labelled bar per row."""
    want: dict[tuple[str, str], list[float]] = defaultdict(list)
    # each report once: not the files or pages that repeat another (documents.same_as)
    for r in rows(samples_db, "SELECT d.province, coalesce(f.year, d.year_end) AS year, "
                              "f.value FROM figures f JOIN documents d USING (doc_id) "
                              "JOIN pages p ON p.doc_id = f.doc_id AND p.page_no = f.page_no "
                              "WHERE f.kind = 'amount' AND f.unit = 'VND' "
                              "AND d.same_as IS NULL AND p.same_as IS NULL"):
        want[(r["province"] or UNSTATED, str(r["year"] or UNSTATED))].append(r["value"])
    shown = table(tab, "amounts")
    assert len(shown) == len(want)
    for province, year, n, _reports, total in shown:
        values = want[(province, year)]
        assert int(n) == len(values)
        assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{1,3})?", total), total
        assert vn_parse(total) * 1e6 == pytest.approx(sum(values), abs=500)
    labels = set(tab.locator("#section-amounts svg text").all_text_contents())
    assert {f"{p} · {y}" for p, y, *_ in shown} <= labels


def test_review_pages_linked_and_written(tab, written: Path, samples_db: Path) -> None:
    links = tab.locator("#documents tbody a").all()
    docs = rows(samples_db, "SELECT filename FROM documents WHERE status != 'failed'")
    assert sorted(a.inner_text() for a in links) == sorted(d["filename"] for d in docs)
    for a in links:
        page = written.parent / a.get_attribute("href")
        assert page.is_file() and a.inner_text() in page.read_text(encoding="utf-8")


def test_markdown_beside_it_and_no_reviews_without_the_option(written: Path, tmp_path: Path,
                                                             samples_db: Path) -> None:
    md = written.with_suffix(".md").read_text(encoding="utf-8")
    n = rows(samples_db, "SELECT count(*) AS n FROM figures")[0]["n"]
    assert f"{n:,}".replace(",", ".") + " " in md.splitlines()[2]
    assert "](summary-amounts.svg)" in md and (written.parent / "summary-amounts.svg").is_file()
    assert "| [report_1_bac_giang.pdf](review/report_1_bac_giang.html) |" in md
    out = tmp_path / "bare.html"
    proc = run_cli("summary", "--db", str(samples_db), "--out", str(out), "--no-markdown")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert not out.with_suffix(".md").exists() and "--with-reviews" in html
    assert 'href="review/' not in html and not (tmp_path / "review").exists()
