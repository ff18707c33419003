"""`baocao review`: the HTML page, checked in a real headless Chromium (Debian's package,
driven by Playwright): it loads cleanly, and each figure's highlight lies on its words."""

from __future__ import annotations

import base64
import io
import re
import shutil
import statistics
from pathlib import Path

import pytesseract
import pytest
from conftest import REPO, SAMPLES, rows, run_cli
from flagdoc import make_flag_page
from PIL import Image

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
    drawn = tab.locator(".box")
    assert {int(drawn.nth(i).get_attribute("data-figure")) for i in range(drawn.count())} == {
        f["figure_id"] for f in figures} != set()
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


def shown_image(tab, page_no: int) -> tuple[Image.Image, dict]:
    """The page image as the browser shows it (decoded from its data URI) and its place."""
    img = tab.locator(f"#page-{page_no} .scan img")
    img.scroll_into_view_if_needed()
    data = img.get_attribute("src").split(",", 1)[1]
    return Image.open(io.BytesIO(base64.b64decode(data))), img.bounding_box()


def read_under(image: Image.Image, where: dict, box: dict) -> str:
    """Tesseract's reading of the part of the shown image a drawn box covers (a little
    around it, for the letters' edges), enlarged to the letter size Tesseract expects."""
    sx, sy = image.width / where["width"], image.height / where["height"]
    pad = box["height"] * 0.3
    crop = image.crop((round((box["x"] - where["x"] - pad) * sx),
                       round((box["y"] - where["y"] - pad) * sy),
                       round((box["x"] - where["x"] + box["width"] + pad) * sx),
                       round((box["y"] - where["y"] + box["height"] + pad) * sy)))
    crop = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
    return pytesseract.image_to_string(crop, lang="vie", config="--psm 7").strip()


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# Pages turned or straightened before OCR: the figures' boxes are in the prepared image's
# pixels, so the review page must show the image as prepared, not as scanned.
@pytest.mark.parametrize("filename", ["rotated90.pdf", "rotated180.pdf", "skew_minus_3_5.pdf",
                                      "skew_plus_2_5.pdf"])
def test_boxes_cover_their_figures_on_turned_and_straightened_pages(
        degraded_db: Path, browser, tmp_path: Path, filename: str) -> None:
    out = tmp_path / "review.html"
    proc = run_cli("review", filename, "--db", str(degraded_db), "--out", str(out))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    [doc] = rows(degraded_db, "SELECT * FROM documents WHERE filename = ?", filename)
    pages = rows(degraded_db, "SELECT * FROM pages WHERE doc_id = ?", doc["doc_id"])
    assert any(p["rotation"] or p["skew"] for p in pages)  # the pages were prepared
    figures = rows(degraded_db, "SELECT * FROM figures WHERE doc_id = ?", doc["doc_id"])
    assert figures
    tab, seen = open_page(browser, out)
    assert seen["errors"] == []
    read = {}
    for page in pages:
        image, where = shown_image(tab, page["page_no"])
        # the image the boxes were measured on: the page as OCR read it, not a sideways scan
        assert abs(image.width / image.height - page["width"] / page["height"]) < 0.01
        drawn = tab.locator(f"#page-{page['page_no']} .box")
        boxes = [(int(drawn.nth(i).get_attribute("data-figure")), drawn.nth(i).bounding_box())
                 for i in range(drawn.count())]
        line = statistics.median(b["height"] for _, b in boxes)
        for figure_id, box in boxes:
            assert box["height"] < 1.6 * line, figure_id  # one box a printed line
            read[figure_id] = read.get(figure_id, "") + " " + read_under(image, where, box)
    misread = [(f["raw"], read.get(f["figure_id"])) for f in figures
               if digits(f["raw"]) not in digits(read.get(f["figure_id"], ""))]
    assert misread == []
    keep(tab, f"#page-{pages[-1]['page_no']}", tmp_path, f"review-{Path(filename).stem}")
    tab.close()


def test_a_figure_that_wraps_is_boxed_on_each_line(degraded_db: Path, browser,
                                                   tmp_path: Path) -> None:
    # rotated90.pdf p. 2: "… thu hút khoảng 650 lao" ends a printed line, "động vào làm
    # việc…" begins the next
    [f] = rows(degraded_db, "SELECT f.* FROM figures f JOIN documents d USING (doc_id) "
                            "WHERE d.filename = 'rotated90.pdf' AND f.raw = '650 lao động'")
    first, second = [tuple(map(float, b.split(","))) for b in f["boxes"].split(";")]
    words = rows(degraded_db, "SELECT * FROM words WHERE doc_id = ? AND page_no = ?",
                 f["doc_id"], f["page_no"])
    line = statistics.median(w["height"] for w in words)
    assert all(b[3] - b[1] < 1.6 * line for b in (first, second))
    assert second[1] > first[3] - line / 2 and second[0] < first[0]  # below, back at the left
    assert (min(first[0], second[0]), first[1], max(first[2], second[2]), second[3]) == (
        f["box_left"], f["box_top"], f["box_right"], f["box_bottom"])
    out = tmp_path / "review.html"
    assert run_cli("review", "rotated90.pdf", "--db", str(degraded_db), "--out",
                   str(out)).returncode == 0
    tab, _ = open_page(browser, out)
    image, where = shown_image(tab, f["page_no"])
    drawn = tab.locator(f".box[data-figure='{f['figure_id']}']")
    assert drawn.count() == 2
    assert "650 lao" in read_under(image, where, drawn.nth(0).bounding_box())
    assert "động" in read_under(image, where, drawn.nth(1).bounding_box())
    tab.close()


def test_a_document_named_by_the_start_of_its_file_name(samples_db: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_cli("review", "report_1", "--db", str(samples_db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "<title>report_1_bac_giang.pdf" in out.read_text(encoding="utf-8")
    reports = sorted(p.name for p in (SAMPLES / "reports").glob("report_*.pdf"))
    proc = run_cli("review", "report_", "--db", str(samples_db), "--out", str(out))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"baocao: error: 'report_' names {len(reports)} documents")
    assert all(name in proc.stderr for name in reports)
