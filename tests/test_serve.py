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
from conftest import rows, run_cli, start_serve

from baocao.vietnamese.text import fold


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
    amounts = get(base, "/baocao/amounts_by_province_and_year.json", province="bac giang",
                  subject="kinh phi", _shape="objects")["rows"]
    assert amounts
    assert all(r["province"] == "Bắc Giang" and "kinh phi" in fold(r["subject"])
               for r in amounts)
    assert "12.492,1 triệu đồng" not in {r["raw"] for r in amounts}  # no province: not here
    found = get(base, "/baocao/search_without_diacritics.json", q="kho khan", _shape="objects")
    assert found["rows"] and all("kho khan" in fold(r["text"]) for r in found["rows"])


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
