"""The researcher's question on the samples, through the real pipeline and SQLite: how much
did each province spend on khuyến công, per year (issue 27). Expected values are the
reports' own words (samples/make_reports.py holds their text)."""

from __future__ import annotations

from pathlib import Path

from conftest import rows, run_cli

from baocao import store
from baocao.outputs.serve import queries
from baocao.outputs.summary import write_summary


def _facts(db: Path, measure: str) -> dict[tuple, float]:
    found = rows(db, "SELECT province, period_start, period_end, status, value FROM facts "
                     "WHERE measure = ? AND province IS NOT NULL", measure)
    return {(r["province"], r["period_start"], r["period_end"], r["status"]): r["value"]
            for r in found}


def test_khuyen_cong_budget_by_province_and_period(samples_db: Path) -> None:
    facts = _facts(samples_db, "khuyen_cong_budget")
    million = 1_000_000
    assert facts[("Bắc Giang", "2023-01", "2023-12", "actual")] == 6_420 * million
    assert facts[("Bắc Giang", "2023-01", "2023-12", "plan")] == 6_850 * million
    assert facts[("Lào Cai", "2022-01", "2022-12", "plan")] == 5_650 * million  # được giao
    assert facts[("Lào Cai", "2022-01", "2022-12", "actual")] == 5_380 * million  # giải ngân
    assert facts[("Quảng Nam", "2021-01", "2023-12", "actual")] == 27_400 * million
    assert facts[("Thái Bình", "2016-01", "2020-12", "actual")] == 38_500 * million
    # the request "khoảng 2.500 triệu đồng" for 2024 is no fact; nor Lào Cai's for 2023
    assert ("Bắc Giang", "2024-01", "2024-12", "request") not in facts
    assert not [k for k in facts if k[3] == "request"]


def test_parts_requests_and_repeated_reports_are_kept_apart(samples_db: Path) -> None:
    # the national and local shares stay parts of their total, each its own measure
    national = _facts(samples_db, "khuyen_cong_budget_national")
    assert national[("Thái Bình", "2016-01", "2020-12", "actual")] == 12_800_000_000
    [part] = rows(samples_db, """
        SELECT f.value, t.value AS total FROM figures f JOIN documents d USING (doc_id)
        JOIN figures t ON t.doc_id = f.doc_id AND t.figure_id = f.part_of
        WHERE d.filename = 'report_2_thai_binh.pdf' AND f.raw = '25,7 tỷ đồng'""")
    assert (part["value"], part["total"]) == (25_700_000_000, 38_500_000_000)
    # the one-page scans are pages of the two-page file: their figures are counted there
    copies = rows(samples_db, """
        SELECT d.filename, o.filename AS original FROM documents d
        JOIN documents o ON o.doc_id = d.same_as ORDER BY d.filename""")
    both = {"khuyencong_p62_p56_digital.pdf", "khuyencong_p62_p56_scan.pdf"}
    assert {r["filename"] for r in copies} >= {"bacgiang_p56_scan.pdf", "bacninh_p62_scan.pdf",
                                               "bacgiang_p56_scan.png"}
    assert {r["original"] for r in copies} <= both
    assert not {r["filename"] for r in copies} & {f"report_{n}" for n in range(1, 7)}
    [n] = rows(samples_db, "SELECT count(*) AS n FROM measured WHERE sentence LIKE "
                           "'%12.492,1 triệu đồng%' AND same_as IS NULL")
    assert n["n"] == 1  # printed on the Bắc Giang page of four files, counted once
    [request] = rows(samples_db, """
        SELECT status, period_start FROM measured
        WHERE province = 'Bắc Giang' AND measure = 'khuyen_cong_budget_national'
          AND value = 2500000000""")
    assert (request["status"], request["period_start"]) == ("request", "2024-01")


def test_the_catalogue_is_in_the_database_and_query_answers(samples_db: Path) -> None:
    [n] = rows(samples_db, "SELECT count(*) AS n FROM measures WHERE source <> ''")
    assert n["n"] >= 40
    proc = run_cli("query", "SELECT province, period_start, period_end, status, value FROM "
                   "facts WHERE measure = 'khuyen_cong_budget' AND province = 'Quảng Nam' "
                   "AND status = 'actual'", "--db", str(samples_db))
    assert proc.returncode == 0, proc.stderr
    assert "27.400.000.000" in proc.stdout or "2,74e+10" in proc.stdout.lower() \
        or "27400000000" in proc.stdout
    sql = queries()["facts_by_province_and_period"]["sql"]
    found = store.query(samples_db, sql.replace(":measure", "'kinh phi khuyen cong'"))
    bac_giang = found[(found["province"] == "Bắc Giang")
                      & (found["measure_name"] == "Kinh phí khuyến công")]
    assert list(zip(bac_giang["actual"], bac_giang["plan"], strict=True)) == [
        (6_420_000_000, 6_850_000_000)]
    assert bac_giang["actual_figure"].iloc[0].count("/") == 2


def test_the_summary_draws_each_measure_by_province(samples_db: Path, tmp_path: Path) -> None:
    written = write_summary(samples_db, tmp_path / "summary.html")
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    section = md.split("### Kinh phí khuyến công\n", 1)[1].split("\n### ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith("| Bắc Giang"))
    assert "6.420" in row and "2.500" not in section  # done, not the plan or the request
    assert any(p.name.startswith("summary-facts-") for p in written)
