"""Printed-table extraction scored against two gold sets in one format: the real
documents of ../shared/realtables and the composed pages of samples/tables.

Per table part: found or not (matched by page), numeric cells exact at their (row, col),
all cells exact; tables invented on pages without gold tables; for scanned table pages,
the pipeline's own read_scan on the rendered page image (tables included) against a plain
`tesseract -l vie --psm 3` run on the same image, each the median of --runs runs.

    .venv/bin/python bench/bench_tables.py [--runs 3] [--set realtables|samples]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from baocao.datamodel import TableGrid
from baocao.extract.pdf import render
from baocao.extract.scan import read_scan
from baocao.extract.table_text import text_tables
from baocao.extract.tesseract import limit_threads

REPO = Path(__file__).resolve().parents[1]
REALTABLES = REPO.parent / "shared" / "realtables"
SAMPLES = REPO / "samples" / "tables"


def parse_number(text: str, english: bool) -> float | None:
    """The gold's way of reading a number: Vietnamese (. thousands, , decimals) or English."""
    t = "".join(text.split()).rstrip("%")
    thousands, decimal = (",", ".") if english else (".", ",")
    t = t.replace(thousands, "").replace(decimal, ".")
    try:
        return float(t)
    except ValueError:
        return None


def same(got: str, gold: str) -> bool:
    return " ".join(got.split()) == " ".join(gold.split())


def score(gold: dict, grid: TableGrid | None) -> tuple[int, int, int, int]:
    """(numeric right, numeric, cells right, cells) of one table part."""
    english = gold.get("number_format") == "en"
    got = {(c.row, c.col): c.text for c in grid.cells} if grid else {}
    num_ok = num = ok = 0
    for cell in gold["cells"]:
        text = got.get((cell["row"], cell["col"]))
        right = text is not None and same(text, cell["text"])
        ok += right
        if cell["numeric"]:
            num += 1
            value = parse_number(text, english) if text is not None else None
            num_ok += right or (value is not None and abs(value - cell["value"]) < 1e-9)
    return num_ok, num, ok, len(gold["cells"])


def text_pages(path: Path) -> dict[int, tuple[list[TableGrid], float]]:
    with pdfplumber.open(path) as pdf:
        out = {}
        for i, page in enumerate(pdf.pages):
            start = time.perf_counter()
            out[i + 1] = (text_tables(page), time.perf_counter() - start)
        return out


def plain_ocr_seconds(image, runs: int) -> float:
    """Median seconds of `tesseract -l vie` on the page image, as the pipeline runs it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.bmp"
        image.save(path)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(["tesseract", str(path), str(Path(tmp) / "out"), "-l", "vie",
                            "--psm", "3", "tsv"], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def scan_pages(path: Path, table_pages: set[int], runs: int) -> dict:
    """Tables per page, and for table pages (plain OCR s, read_scan s), medians of runs."""
    pdf = pdfium.PdfDocument(str(path))
    out = {}
    try:
        for i in range(len(pdf)):
            image = render(pdf, i)
            n = runs if i + 1 in table_pages else 1
            times = []
            for _ in range(n):
                start = time.perf_counter()
                grids = read_scan(image, i + 1, 300).tables
                times.append(time.perf_counter() - start)
            plain = plain_ocr_seconds(image, runs) if i + 1 in table_pages else None
            out[i + 1] = (grids, statistics.median(times), plain)
    finally:
        pdf.close()
    return out


def gold_sets(which: str) -> list[tuple[str, Path, list[tuple[Path, Path]]]]:
    """(name, folder, [(gold, document)]) of the sets asked for."""
    sets = []
    if which in ("all", "realtables") and (REALTABLES / "gold").is_dir():
        golds = sorted((REALTABLES / "gold").glob("*.json"))
        sets.append(("realtables", REALTABLES,
                     [(g, REALTABLES / json.loads(g.read_text())["file"]) for g in golds]))
    if which in ("all", "samples"):
        golds = sorted((SAMPLES / "gold").glob("*.json"))
        sets.append(("samples/tables", SAMPLES,
                     [(g, SAMPLES / f"{g.stem}.pdf") for g in golds]))
    return sets


def bench_set(name: str, docs: list[tuple[Path, Path]], runs: int) -> None:
    """Score one gold set and print its parts, documents and totals."""
    print(f"== {name}")
    print(f"{'part':<22}{'found':>6}{'shape':>12}{'numeric':>10}{'cells':>10}{'ratio':>7}")
    totals: dict[str, list[int]] = {}
    invented, ratios = 0, []
    for gold_path, doc in docs:
        gold = json.loads(gold_path.read_text())
        pages = {t["page"] for t in gold["tables"]}
        if gold["kind"] == "text-layer":
            found = {p: (g, t, None) for p, (g, t) in text_pages(doc).items()}
        else:
            found = scan_pages(doc, pages, runs)
        invented += sum(len(g) for p, (g, _, _) in found.items() if p not in pages)
        sums = totals.setdefault(gold_path.stem, [0, 0, 0, 0, 0, 0])
        for part in gold["tables"]:
            grids, seconds, plain = found.get(part["page"], ([], 0.0, None))
            grid = grids[0] if grids else None
            num_ok, num, ok, n = score(part, grid)
            ratio = seconds / plain if plain else None
            if ratio:
                ratios.append(ratio)
            shape = f"{grid.n_rows}x{grid.n_cols}" if grid else "-"
            print(f"{gold_path.stem[:16] + ' p' + str(part['page']):<22}{bool(grid)!s:>6}"
                  f"{shape + '/' + str(part['n_rows']) + 'x' + str(part['n_cols']):>12}"
                  f"{num_ok:>5}/{num:<4}{ok:>5}/{n:<4}"
                  f"{(f'{ratio:.2f}' if ratio else ''):>7}")
            for i, v in enumerate((bool(grid), 1, num_ok, num, ok, n)):
                sums[i] += v
    print()
    print(f"{'document':<40}{'found':>8}{'numeric exact':>18}{'cells exact':>18}")
    rows = list(totals.items()) + [("TOTAL " + name, [sum(v) for v in zip(*totals.values(),
                                                                             strict=True)])]
    for stem, (f, parts, num_ok, num, ok, n) in rows:
        print(f"{stem[:40]:<40}{f'{f}/{parts}':>8}"
              f"{f'{num_ok}/{num} ({num_ok / max(num, 1):.0%})':>18}"
              f"{f'{ok}/{n} ({ok / max(n, 1):.0%})':>18}")
    print(f"tables invented on pages without tables: {invented}")
    if ratios:
        print(f"scanned table page: read_scan / plain tesseract: median "
              f"{statistics.median(ratios):.2f}, max {max(ratios):.2f}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--set", choices=("all", "realtables", "samples"), default="all")
    args = parser.parse_args()
    limit_threads()
    for name, _, docs in gold_sets(args.set):
        bench_set(name, docs, args.runs)


if __name__ == "__main__":
    main()
