"""`baocao review`: the HTML page, checked in a real headless Chromium (Debian's package,
driven by Playwright): it loads cleanly, and each figure's highlight lies on its words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES, rows, run_cli
from flagdoc import make_flag_page

ARTEFACTS = REPO / "out" / "test-artefacts"


def open_page(browser, html: Path):
    """The page loaded in a fresh tab, with every console error, page error and request."""
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    seen = {"errors": [], "requests": []}
    tab.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    tab.on("pageerror", lambda e: seen["errors"].append(str(e)))
    tab.on("request", lambda r: seen["requests"].append(r.url))
    tab.goto(html.as_uri())
    tab.wait_for_load_state("load")
    return tab, seen


def keep(tab, locator: str, tmp_path: Path, name: str) -> None:
    """A screenshot of part of the page, under the test's folder and out/test-artefacts/."""
    shot = tmp_path / f"{name}.png"
    tab.locator(locator).screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, ARTEFACTS / shot.name)


def overlap(a: dict, b: dict) -> float:
    """Share of b's area that a covers (rectangles as x, y, width, height)."""
    w = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(w, 0) * max(h, 0) / (b["width"] * b["height"])


@pytest.mark.parametrize("filename", ["khuyencong_p62_p56_scan.pdf",
                                      "khuyencong_p62_p56_digital.pdf", "bacgiang_p56_scan.png"])
def test_review_page_in_a_browser(samples_db: Path, browser, tmp_path: Path,
                                  filename: str) -> None:
    out = tmp_path / "review.html"
    proc = run_cli("review", filename, "--db", str(samples_db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out) and proc.stderr == ""
    [doc] = rows(samples_db, "SELECT * FROM documents WHERE filename = ?", filename)
    figures = rows(samples_db, "SELECT * FROM figures WHERE doc_id = ? ORDER BY figure_id",
                   doc["doc_id"])
    pages = {p["page_no"]: p for p in rows(samples_db, "SELECT * FROM pages WHERE doc_id = ?",
                                            doc["doc_id"])}
    tab, seen = open_page(browser, out)
    assert seen["errors"] == []
    assert all(u.startswith(("file:", "data:")) for u in seen["requests"])  # self-contained
    assert tab.locator(".scan img").count() == doc["n_pages"]
    assert tab.locator(".box").count() == len(figures) > 0
    assert tab.locator("table.figures tr[id^=fig-]").count() == len(figures)
    for f in figures:
        box = tab.locator(f"#box-{f['figure_id']}")
        box.scroll_into_view_if_needed()
        shown = box.bounding_box()
        image = tab.locator(f"#page-{f['page_no']} .scan img").bounding_box()
        page = pages[f["page_no"]]
        scale_x, scale_y = image["width"] / page["width"], image["height"] / page["height"]
        # the words of the figure, found by their text in the words table
        first = re.escape(f["raw"].split()[0])
        words = [w for w in rows(samples_db, "SELECT * FROM words WHERE doc_id = ? AND "
                                 "page_no = ?", doc["doc_id"], f["page_no"])
                 if re.match(rf"\W*{first}\W*$", w["text"])]
        assert words, f["raw"]
        on_screen = [{"x": image["x"] + w["left"] * scale_x, "y": image["y"] + w["top"] * scale_y,
                      "width": w["width"] * scale_x, "height": w["height"] * scale_y}
                     for w in words]
        assert max(overlap(shown, w) for w in on_screen) > 0.8, (f["raw"], shown, on_screen)
        assert image["x"] <= shown["x"] and shown["x"] + shown["width"] <= image["x"] + image[
            "width"]
    keep(tab, f"#page-{figures[-1]['page_no']}", tmp_path, f"review-{Path(filename).stem}")
    tab.close()


def test_flagged_figures_stand_out(browser, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    proc = run_cli("run", str(make_flag_page(tmp_path / "flags.png")), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "flags.html"
    assert run_cli("review", "flags.png", "--db", str(db), "--out", str(out)).returncode == 0
    flagged = {r["figure_id"] for r in rows(db, "SELECT DISTINCT figure_id FROM flags")}
    tab, seen = open_page(browser, out)
    assert seen["errors"] == []
    boxes = tab.locator(".box.flagged")
    assert {int(boxes.nth(i).get_attribute("data-figure")) for i in range(boxes.count())} == (
        flagged)
    assert tab.locator(".flags li").count() == len(rows(db, "SELECT * FROM flags"))
    colour = tab.locator(".box.flagged").first.evaluate("b => getComputedStyle(b).outlineColor")
    assert colour == "rgb(198, 40, 40)"
    keep(tab, "#page-1", tmp_path, "review-flags")


def test_missing_or_changed_original(tmp_path: Path) -> None:
    source = tmp_path / "report.pdf"
    shutil.copy(SAMPLES / "khuyencong_p62_p56_digital.pdf", source)
    db = tmp_path / "db.sqlite"
    assert run_cli("run", str(source), "--db", str(db)).returncode == 0
    source.write_bytes(source.read_bytes() + b"\n% another version\n")
    out = tmp_path / "changed.html"
    proc = run_cli("review", "report.pdf", "--db", str(db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "has changed since it was processed" in proc.stderr
    source.unlink()
    [doc] = rows(db, "SELECT doc_id FROM documents")
    out = tmp_path / "missing.html"
    proc = run_cli("review", doc["doc_id"][:8], "--db", str(db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == (f"baocao: warning: page images are missing: the original "
                                   f"file is no longer at {source}")
    html = out.read_text(encoding="utf-8")
    assert "Page images are missing" in html and "<img" not in html
    assert html.count('<tr id="fig-') == 6 and "12.492,1 triệu đồng" in html


def test_unknown_document_is_a_one_line_error(samples_db: Path) -> None:
    proc = run_cli("review", "nowhere.pdf", "--db", str(samples_db))
    assert proc.returncode == 2
    assert proc.stderr.startswith("baocao: error: no document 'nowhere.pdf'")
    assert "Traceback" not in proc.stderr
