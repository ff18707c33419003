"""Batch benchmark (`make bench`): a 20-page scanned batch with --jobs 1, --jobs 2 and a
Dask cluster of 2 workers; peak memory of --jobs 2 on a 100-page document (the whole
process tree, Tesseract included) against a 20-page one; and a re-run of 100 files already
in the database. Medians of several runs, each compared with a baseline in the same run."""

from __future__ import annotations

import argparse
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[1]
REPORTS = sorted((REPO / "samples" / "reports").glob("*.pdf"))  # 6 scanned reports, 20 pages
DIGITAL = REPO / "samples" / "khuyencong_p62_p56_digital.pdf"


def baocao(*args: str) -> list[str]:
    return [sys.executable, "-m", "baocao", "run", *args]


def measured(cmd: list[str], memory: bool = False, each: dict[str, float] | None = None
             ) -> tuple[float, float, float, float]:
    """Wall seconds and, with memory=True, the peak memory (MiB) of the command's whole
    process tree (worker processes and their Tesseract children included), sampled every
    0.1 s: as PSS (shared pages divided among the processes sharing them: the memory the
    tree really takes) and as the sum of RSS (which counts pages shared by the forked
    workers once per process); and the peak RSS of the main process alone. `each`, if given,
    gets the peak PSS of each kind of process: main, the largest worker, the largest
    Tesseract."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_pss = peak_rss = peak_main = 0
    while proc.poll() is None:
        if memory:
            pss = rss = 0
            for p in [proc, *proc.children(recursive=True)]:
                try:
                    info = p.memory_full_info()
                except psutil.Error:  # ended between listing and reading
                    continue
                pss, rss = pss + info.pss, rss + info.rss
                if p is proc:
                    peak_main = max(peak_main, info.rss)
                if each is not None:
                    kind = ("main" if p is proc else
                            "tesseract" if p.name() == "tesseract" else "worker")
                    each[kind] = max(each.get(kind, 0.0), info.pss / 2**20)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.1 if memory else 0.02)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return wall, peak_pss / 2**20, peak_rss / 2**20, peak_main / 2**20


def long_document(path: Path, n_pages: int) -> Path:
    """A scanned PDF of n_pages made of the sample reports' pages over and over."""
    out = pdfium.PdfDocument.new()
    while len(out) < n_pages:
        for report in REPORTS:
            src = pdfium.PdfDocument(str(report))
            take = min(len(src), n_pages - len(out))
            out.import_pages(src, list(range(take)))
            src.close()
            if len(out) == n_pages:
                break
    out.save(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n_pages = sum(len(pdfium.PdfDocument(str(r))) for r in REPORTS)
    batch = [str(r) for r in REPORTS]
    print(f"batch: {len(REPORTS)} scanned reports, {n_pages} pages")
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp, LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:
        folder = Path(tmp)
        one, two, dask = [], [], []
        for run in range(args.runs):
            one.append(measured(baocao(*batch, "--db", str(folder / f"j1-{run}.db"),
                                       "--jobs", "1"))[0])
            two.append(measured(baocao(*batch, "--db", str(folder / f"j2-{run}.db"),
                                       "--jobs", "2"))[0])
            dask.append(measured(baocao(*batch, "--db", str(folder / f"dask-{run}.db"),
                                        "--scheduler", cluster.scheduler_address))[0])
            print(f"  run {run + 1}: --jobs 1 {one[-1]:5.1f} s, --jobs 2 {two[-1]:5.1f} s, "
                  f"Dask (2 workers) {dask[-1]:5.1f} s")
        t1, t2, td = (statistics.median(x) for x in (one, two, dask))
        print(f"--jobs 1: {n_pages / t1:.2f} pages/s (median)")
        print(f"--jobs 2: {n_pages / t2:.2f} pages/s (median)")
        print(f"scaling --jobs 2 / --jobs 1: {t1 / t2:.2f} (target >= 1.8 on 2 cores)")
        print(f"Dask, 2 workers: {n_pages / td:.2f} pages/s; overhead over --jobs 2: "
              f"{(td / t2 - 1) * 100:+.1f}%")

        for pages in (20, 100):
            doc = long_document(folder / f"long{pages}.pdf", pages)
            wall, pss, rss, _ = measured(baocao(str(doc), "--db", str(folder / f"long{pages}.db"),
                                             "--jobs", "2"), memory=True)
            print(f"{pages}-page document, --jobs 2: peak memory of all processes "
                  f"{pss * 2**20 / 1e6:.0f} MB PSS (target < 600 MB; sum of RSS "
                  f"{rss * 2**20 / 1e6:.0f} MB), {pages / wall:.2f} pages/s")

        inbox = folder / "inbox"
        inbox.mkdir()
        data = DIGITAL.read_bytes()
        for i in range(100):  # 100 different files: a comment after %%EOF changes the bytes
            (inbox / f"bao_cao_{i:03}.pdf").write_bytes(data + f"\n% copy {i}\n".encode())
        db = str(folder / "inbox.db")
        first = measured(baocao(str(inbox), "--db", db))[0]
        reruns = [measured(baocao(str(inbox), "--db", db))[0] for _ in range(args.runs)]
        startup = [measured([sys.executable, "-m", "baocao", "--help"])[0]
                   for _ in range(args.runs)]
        print(f"100 files: first run {first:.1f} s; re-run with nothing new "
              f"{statistics.median(reruns):.2f} s (median, target < 2 s), of which "
              f"{statistics.median(startup):.2f} s is starting the command")


if __name__ == "__main__":
    main()
