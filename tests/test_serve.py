"""`baocao serve`: the real Datasette server on loopback, read through its JSON API."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, rows, run_cli, start_serve

from baocao.vietnamese.text import fold

ARTEFACTS = REPO / "out" / "test-artefacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(samples_db: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`baocao serve` on a free loopback port, until the module's tests are done."""
    base, proc = start_serve(samples_db, _free_port())
    yield base, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def get(base: str, path: str, **params) -> dict:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{base}{path}?{query}", timeout=30) as response:
        return json.loads(response.read())


def test_metadata_describes_tables_and_columns(server) -> None:
    meta = get(server[0], "/-/metadata.json")
    assert meta["title"].startswith("baocao")
    tables = meta["databases"]["baocao"]["tables"]
    assert {"documents", "pages", "sections", "items", "figures", "flags",
            "passages"} <= set(tables)
    assert "2025 mergers" in tables["documents"]["columns"]["province_2025"]
    assert tables["figures"]["columns"]["value"].startswith("amounts in đồng")


def test_facets_province_year_and_kinds(server, samples_db: Path) -> None:
    base = server[0]
    docs = get(base, "/baocao/documents.json", _size=0)["facet_results"]
    provinces = {r["value"]: r["count"] for r in docs["province"]["results"]}
    assert provinces == {"Bắc Giang": 1, "Thái Bình": 1, "Nghệ An": 1, "Quảng Nam": 1,
                         "Đồng Tháp": 1, "Lào Cai": 1}
    years = {r["value"]: r["count"] for r in docs["year_end"]["results"]}
    assert years == {2023: 2, 2020: 1, 2022: 2, 2019: 1}
    kinds = get(base, "/baocao/figures.json", _size=0)["facet_results"]["kind"]["results"]
    want = {r["kind"]: r["n"] for r in rows(samples_db, "SELECT kind, count(*) AS n FROM "
                                                        "figures GROUP BY kind")}
    assert {r["value"]: r["count"] for r in kinds} == want
    sections = get(base, "/baocao/sections.json", _size=0)["facet_results"]["kind"]["results"]
    assert {r["value"] for r in sections} >= {"difficulties", "lessons", "recommendations"}
    by_province = get(base, "/baocao/figure_details.json", _size=0,
                      _facet="province")["facet_results"]["province"]["results"]
    assert sum(r["count"] for r in by_province if r["value"] == "Bắc Giang") == rows(
        samples_db, "SELECT count(*) AS n FROM figures f JOIN documents d USING (doc_id) "
                    "WHERE d.province = 'Bắc Giang'")[0]["n"]


def test_full_text_search_on_pages_and_sections(server, samples_db: Path) -> None:
    base = server[0]
    found = get(base, "/baocao/pages.json", _search="hạn chế", _shape="objects", _size=100)

    def both(text: str) -> bool:  # Datasette's search: every word, anywhere in the page
        words = set(re.findall(r"\w+", text.lower()))
        return {"hạn", "chế"} <= words

    assert found["rows"] and all(both(r["text"]) for r in found["rows"])
    every = rows(samples_db, "SELECT text FROM pages")
    assert len(found["rows"]) == sum(both(r["text"]) for r in every)
    # tones count: "hán" (drought) is not "hạn" (limit)
    assert get(base, "/baocao/pages.json", _search="hán", _shape="objects")["rows"] == []
    lessons = get(base, "/baocao/sections.json", _search="kinh nghiệm", _shape="objects",
                  _size=100)["rows"]
    assert lessons and {r["kind"] for r in lessons} >= {"lessons"}


def test_canned_queries(server, samples_db: Path) -> None:
    base = server[0]
    lessons = get(base, "/baocao/lessons_learned.json", _shape="objects")["rows"]
    assert len(lessons) == rows(samples_db, "SELECT count(*) AS n FROM items WHERE "
                                "section_kind = 'lessons' AND parent_item_id IS NULL")[0]["n"]
    assert lessons and all(r["text"] and r["filename"] for r in lessons)
    hard = get(base, "/baocao/difficulties_mentioning.json", word="von doi ung",
               _shape="objects")["rows"]
    assert hard and all("von doi ung" in fold(r["text"]) for r in hard)
    amounts = get(base, "/baocao/amounts_listed.json", province="bac giang",
                  subject="kinh phi", _shape="objects")["rows"]
    assert amounts
    assert all(r["province"] == "Bắc Giang" and "kinh phi" in fold(r["subject"])
               for r in amounts)
    assert "12.492,1 triệu đồng" not in {r["raw"] for r in amounts}  # no province: not here
    found = get(base, "/baocao/search_without_diacritics.json", q="kho khan", _shape="objects")
    assert found["rows"] and all("kho khan" in fold(r["text"]) for r in found["rows"])


def test_facts_by_province_and_period_link_to_the_review_page(server, samples_db: Path
                                                              ) -> None:
    base = server[0]
    found = get(base, "/baocao/facts_by_province_and_period.json", measure="kinh phi khuyen cong",
                _shape="objects")["rows"]
    bac_giang = [r for r in found if r["province"] == "Bắc Giang"
                 and r["measure_name"] == "Kinh phí khuyến công"]
    assert [(r["actual"], r["plan"]) for r in bac_giang] == [(6_420_000_000, 6_850_000_000)]
    with urllib.request.urlopen(f"{base}/baocao/facts_by_province_and_period?"
                                "measure=kinh+phi+khuyen+cong", timeout=60) as response:
        page = response.read().decode()
    links = re.findall(r'href="(/-/baocao/review/[0-9a-f]{64}#fig-\d+)"', page)
    assert links
    doc_id, figure = re.match(r"/-/baocao/review/(\w+)#fig-(\d+)", links[0]).groups()
    with urllib.request.urlopen(f"{base}/-/baocao/review/{doc_id}", timeout=120) as response:
        review = response.read().decode()
    assert f'id="fig-{figure}"' in review


def vn_parse(text: str) -> float:
    """A number written the Vietnamese way: 12.492,1 → 12492.1."""
    return float(text.replace(".", "").replace(",", "."))


def test_queries_add_up_what_the_tables_hold(server, samples_db: Path) -> None:
    base = server[0]
    # each report once: not the files or pages that repeat another (documents.same_as)
    amounts = rows(samples_db, "SELECT d.province, coalesce(f.year, d.year_end) AS year, "
                               "f.value FROM figures f JOIN documents d USING (doc_id) "
                               "JOIN pages p ON p.doc_id = f.doc_id AND p.page_no = f.page_no "
                               "WHERE f.kind = 'amount' AND f.unit = 'VND' "
                               "AND d.same_as IS NULL AND p.same_as IS NULL")
    want: dict[tuple, list[float]] = {}
    for r in amounts:
        want.setdefault((r["province"], r["year"]), []).append(r["value"])
    got = get(base, "/baocao/amounts_by_province_and_year.json", _shape="objects")["rows"]
    assert {(r["province"], r["year"]): (r["amounts"], r["total_vnd"]) for r in got} == {
        k: (len(v), pytest.approx(sum(v))) for k, v in want.items()}
    by_subject = get(base, "/baocao/amounts_by_subject.json", _shape="objects")["rows"]
    assert sum(r["amounts"] for r in by_subject) == len(amounts)
    assert sum(r["total_vnd"] for r in by_subject) == pytest.approx(
        sum(r["value"] for r in amounts))
    assert [r["total_vnd"] for r in by_subject] == sorted(
        (r["total_vnd"] for r in by_subject), reverse=True)
    counts = get(base, "/baocao/counts_by_subject.json", _shape="objects")["rows"]
    assert sum(r["total"] for r in counts) == pytest.approx(rows(
        samples_db, "SELECT sum(value) AS n FROM figures WHERE kind = 'count'")[0]["n"])
    pages = get(base, "/baocao/pages_to_check.json", _shape="objects", _size="max")["rows"]
    ocr = rows(samples_db, "SELECT ocr_confidence FROM pages WHERE source = 'ocr'")
    assert len(pages) == len(ocr) and pages[0]["filename"]
    assert [p["ocr_confidence"] for p in pages] == sorted(
        round(p["ocr_confidence"], 1) for p in ocr)


def folded_words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def test_folded_search_finds_the_words_in_any_order(server, samples_db: Path, browser) -> None:
    """'kho khan ve von' typed without diacritics finds paragraphs with khó khăn … về vốn
    even where the words do not stand together, as `baocao search` does."""
    words = ["kho", "khan", "ve", "von"]
    passages = [r["text"] for r in rows(samples_db, "SELECT text FROM passages")]
    every = [t for t in passages if set(words) <= set(folded_words(t))]
    phrase = [t for t in passages if " ".join(words) in " ".join(folded_words(t))]
    assert len(every) > len(phrase)  # the data must tell the two apart
    base = server[0]
    found = get(base, "/baocao/search_without_diacritics.json", q=" ".join(words),
                _shape="objects", _size="max")["rows"]
    assert sorted(r["text"] for r in found) == sorted(every)
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    tab.goto(f"{base}/baocao/search_without_diacritics?q=kho+khan+ve+von")
    shot(tab, "serve-folded-search")
    cells = tab.locator("table.rows-and-columns td.col-text").all_inner_texts()
    assert sorted(cells) == sorted(every)
    top = tab.locator("table.rows-and-columns td.col-text").first.bounding_box()
    assert top["y"] < 800 and top["width"] > 400  # on the first screen, not squeezed
    tab.close()


def shot(tab, name: str) -> None:
    """The first screen, kept under out/test-artefacts/ for a person to look at."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTEFACTS / f"{name}.png"))


def test_figures_first_screen_reads_like_a_report(server, samples_db: Path, browser) -> None:
    """From the index's first link: file names and values the Vietnamese way on the first
    screen, no 64-character doc_id, rows a few lines tall, column descriptions folded."""
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    tab.goto(server[0] + "/")
    tab.locator("ul.baocao-start a").first.click()
    tab.wait_for_load_state("load")
    assert "/figure_details" in tab.url
    shot(tab, "serve-figure-details")
    assert not tab.locator("dl.column-descriptions").is_visible()

    def on_screen(selector: str) -> list[str]:
        return [e.inner_text().strip() for e in tab.locator(selector).all()
                if (box := e.bounding_box()) and box["y"] + box["height"] <= 800
                and box["x"] + box["width"] <= 1280]

    headers = [h.split()[0] for h in on_screen("table.rows-and-columns th")]
    assert {"filename", "value", "unit", "subject"} <= set(headers)
    assert "doc_id" not in tab.locator("table.rows-and-columns th").all_inner_texts()
    page = tab.locator("table.rows-and-columns").inner_text()
    assert not re.search(r"\b[0-9a-f]{64}\b", page)
    names = {r["filename"] for r in rows(samples_db, "SELECT filename FROM documents")}
    files = on_screen("table.rows-and-columns td.col-filename")
    assert files and set(files) <= names
    stored = {(round(r["value"] / (1e6 if r["unit"] == "VND" else 1), 3), r["unit"])
              for r in rows(samples_db, "SELECT value, unit FROM figures")}
    values = on_screen("table.rows-and-columns td.col-value")
    assert values
    for text in values:  # 12.492,1 triệu đồng · 52,8% · 20 đề án
        m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?: triệu đồng|%| (.+))", text)
        assert m, text
        unit = "VND" if text.endswith("triệu đồng") else "%" if text.endswith("%") else m[2]
        assert (round(vn_parse(m[1]), 3), unit) in stored, text
    heights = [r.bounding_box()["height"] for r in tab.locator(
        "table.rows-and-columns tbody tr").all()[:10]]
    assert max(heights) < 200
    tab.close()


def test_summary_page_served_with_its_chart(server, samples_db: Path) -> None:
    with urllib.request.urlopen(server[0] + "/-/baocao/summary", timeout=60) as response:
        page = response.read().decode()
    assert "<svg" in page and 'id="amounts"' in page
    n = rows(samples_db, "SELECT count(*) AS n FROM figures")[0]["n"]
    assert f'id="total-figures"><b>{n:,}</b>'.replace(",", ".") in page


def test_ctrl_c_stops_it_cleanly(server) -> None:
    proc = server[1]
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_serve_refuses_what_it_cannot_open(tmp_path: Path) -> None:
    proc = run_cli("serve", "--db", "postgresql://someone@localhost/db")
    assert proc.returncode == 2
    assert proc.stderr.startswith("baocao: error: baocao serve opens a SQLite file")
    proc = run_cli("serve", "--db", str(tmp_path / "none.sqlite"))
    assert proc.returncode == 2 and "no database at" in proc.stderr
    assert not (tmp_path / "none.sqlite").exists()
