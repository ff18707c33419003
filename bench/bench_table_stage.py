"""What the table stage costs a scanned page that holds no table: the ruled and horizontally
ruled finders on the prepared page, the look at a slightly askew page put level, and the
unruled finder on the page's OCR words; beside it, in the same process on the same
pages, the page's plain Tesseract reading (the cost the stage adds to). Medians of --runs
runs per page; the pages are the real scans of ../shared/realdev (text pages) and the
sample reports, none of which prints a table.

    .venv/bin/python bench/bench_table_stage.py [--runs 5] [--pages 12]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from baocao.extract import tesseract
from baocao.extract.prepare import prepare
from baocao.extract.scan import _level_tables, _unruled, ruled_tables

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO.parent / "shared" / "realdev" / "docs", REPO / "samples" / "reports"]
BUDGET_MS = 30.0


def pages(limit: int) -> list[Image.Image]:
    """Page images at 300 DPI from the text-only scans, up to `limit`."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.pdf")):
            pdf = pdfium.PdfDocument(path)
            for page in pdf:
                out.append(page.render(scale=300 / 72).to_pil().convert("L"))
                if len(out) == limit:
                    return out
    return out


def table_stage(image: Image.Image, lines: list, runs: int) -> float:
    """Median ms of the table stage's work on a page without a table."""
    prepared = prepare(image, 300)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        ruled_tables(prepared)
        if prepared.slant:  # as read_scan looks: a slightly askew page put level
            _level_tables(lines, prepared)
        _unruled(lines, prepared.image)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=12)
    args = parser.parse_args()
    stage, ocr = [], []
    for image in pages(args.pages):
        prepared = prepare(image, 300)
        start = time.perf_counter()
        lines, _ = tesseract.ocr_image(prepared.image, psm=3)
        ocr.append((time.perf_counter() - start) * 1000)
        stage.append(table_stage(image, lines, args.runs))
    print(f"pages without a table: {len(stage)} (median of {args.runs} runs each)")
    print(f"table stage: median {statistics.median(stage):.1f} ms a page, "
          f"max {max(stage):.1f} ms (budget {BUDGET_MS:.0f} ms)")
    print(f"plain Tesseract page reading: median {statistics.median(ocr):.0f} ms a page; "
          f"the stage adds {statistics.median(stage) / statistics.median(ocr):.1%}")


if __name__ == "__main__":
    main()
