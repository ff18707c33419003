"""baocao against plain Tesseract on real scans, side by side in one run (issue 15's bar):
`baocao run` with its defaults on the scanned documents of ../shared/realdev/docs, against
`pdftoppm -r 300 -gray` + `tesseract -l vie` on the same pages, two pages at a time (this
machine's two cores), median of --runs; then baocao on every document (the text-layer one
too), for reference. Also the words each side read, and the per-stage split of one
page-by-page pass in this process (render, prepare, tables, page OCR) from cProfile.

    .venv/bin/python bench/bench_realdev.py [--runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO.parent / "shared" / "realdev" / "docs"


def cpu_seconds() -> float:
    """CPU time (user + system) of every child process waited for so far: the work done,
    which a busy machine disturbs less than the wall time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_baocao(db: Path, inputs: list[Path]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "baocao", "run", *map(str, inputs), "--db", str(db),
                    "--force", "--no-progress"], cwd=REPO, check=False, capture_output=True)
    return time.perf_counter() - start


def scanned_pages(db: Path) -> list[tuple[Path, int]]:
    """The pages read by OCR, of the documents read wholly by OCR (all but the text-layer
    one in realdev)."""
    conn = sqlite3.connect(db)
    found = conn.execute("SELECT d.path, p.page_no FROM pages p JOIN documents d USING "
                         "(doc_id) WHERE d.doc_id NOT IN (SELECT doc_id FROM pages WHERE "
                         "source != 'ocr') ORDER BY 1, 2").fetchall()
    conn.close()
    return [(Path(p), n) for p, n in found]


def words_read(db: Path, folder: Path, n_pages: int) -> tuple[int, int]:
    """Words in baocao's OCR text of the scanned pages (as read, before page furniture is set
    apart), and in plain Tesseract's."""
    conn = sqlite3.connect(db)
    texts = conn.execute("SELECT raw_text FROM pages WHERE source = 'ocr'").fetchall()
    conn.close()
    ours = sum(len((t or "").split()) for (t,) in texts)
    theirs = sum(len((folder / f"p{k}.txt").read_text("utf-8").split()) for k in range(n_pages))
    return ours, theirs


def plain(pages: list[tuple[Path, int]], folder: Path) -> float:
    """pdftoppm then tesseract for each page, two pages at a time; the image as PGM,
    pdftoppm's own format and the fastest for both (PNG costs a second more a page)."""

    def one(item: tuple[int, tuple[Path, int]]) -> None:
        k, (pdf, n) = item
        stem = folder / f"p{k}"
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-singlefile", "-f",
                        str(n), "-l", str(n), str(pdf), str(stem)], check=True)
        subprocess.run(["tesseract", f"{stem}.pgm", str(stem), "-l", "vie"], check=True,
                       capture_output=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin"})

    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, enumerate(pages)))
    return time.perf_counter() - start


def profile(pages: list[tuple[Path, int]]) -> None:
    """Seconds per stage over the scanned pages, one after the other in this process."""
    import pypdfium2 as pdfium

    from baocao.extract.pdf import render
    from baocao.extract.scan import read_scan
    from baocao.extract.tesseract import limit_threads

    limit_threads()
    prof = cProfile.Profile()
    start = time.perf_counter()
    for pdf_path, n in pages:
        pdf = pdfium.PdfDocument(str(pdf_path))
        prof.enable()
        read_scan(render(pdf, n - 1), n, 300)
        prof.disable()
        pdf.close()
    total = time.perf_counter() - start
    stats = pstats.Stats(prof)
    wanted = {"render": ("pdf.py", "render"), "prepare": ("prepare.py", "prepare"),
              "of which OSD": ("prepare.py", "orientation"),
              "tables": ("scan.py", "_tables_in"), "tesseract": ("tesseract.py", "ocr_image")}
    print(f"\nper stage, {len(pages)} pages one by one ({total:.1f} s):")
    for name, (file, func) in wanted.items():
        cum = sum(v[3] for k, v in stats.stats.items() if k[0].endswith(file) and k[2] == func)
        print(f"  {name:14} {cum:6.2f} s  {cum / len(pages):.3f} s/page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        every = sorted(DOCS.glob("*.pdf"))
        run_baocao(db, every)  # warm the caches, and learn which pages are scanned
        pages = scanned_pages(db)
        scanned = sorted({path for path, _ in pages})
        cpu_ours, cpu_theirs, whole = [], [], []
        for _ in range(args.runs):
            before = cpu_seconds()
            ours.append(run_baocao(db, scanned))
            cpu_ours.append(cpu_seconds() - before)
            before = cpu_seconds()
            theirs.append(plain(pages, Path(tmp)))
            cpu_theirs.append(cpu_seconds() - before)
            whole.append(run_baocao(Path(tmp) / "every.sqlite", every))
        words = words_read(db, Path(tmp), len(pages))
        if args.profile:
            profile(pages)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"realdev, {len(pages)} scanned pages in {len(scanned)} documents: baocao {a:.1f} s, "
          f"plain tesseract {b:.1f} s, ratio {a / b:.2f} (median of {args.runs}; runs: "
          + ", ".join(f"{x:.1f}/{y:.1f}" for x, y in zip(ours, theirs, strict=True)) + ")")
    c, d = statistics.median(cpu_ours), statistics.median(cpu_theirs)
    print(f"CPU time: baocao {c:.1f} s, plain tesseract {d:.1f} s, ratio {c / d:.2f}")
    print(f"words read: baocao {words[0]:,}, plain tesseract {words[1]:,}")
    print(f"every realdev document ({len(every)}, the text-layer one too): baocao "
          f"{statistics.median(whole):.1f} s, ratio {statistics.median(whole) / b:.2f} to the "
          "plain run above")


if __name__ == "__main__":
    main()
