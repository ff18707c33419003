"""Pipeline benchmark, run by hand (`make bench`): OCR-path seconds per page, the ratio of
`baocao run` over the plain `tesseract` CLI on the same 300-DPI page images, text-layer
pages per second, and peak memory. Medians of several runs, measured in one process."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SCANS = [
    REPO / "samples" / "bacninh_p62_scan.pdf",
    REPO / "samples" / "bacgiang_p56_scan.pdf",
    REPO / "samples" / "khuyencong_p62_p56_scan.pdf",
    REPO / "samples" / "bacgiang_p56_scan.png",
]
DEVSET = REPO.parent / "shared" / "devset" / "docs"
DIGITAL = REPO / "samples" / "khuyencong_p62_p56_digital.pdf"


def page_images(files: list[Path], folder: Path) -> list[Path]:
    """The same pages baocao OCRs, as 300-DPI greyscale PGM files for the plain CLI."""
    out = []
    for f in files:
        if f.suffix == ".pdf":
            pdf = pdfium.PdfDocument(str(f))
            images = [
                pdf[i].render(scale=300 / 72, grayscale=True).to_pil() for i in range(len(pdf))
            ]
        else:
            im = Image.open(f)
            images = []
            for i in range(getattr(im, "n_frames", 1)):
                im.seek(i)
                images.append(im.convert("L"))
        for i, image in enumerate(images):
            path = folder / f"{f.stem}-{f.suffix[1:]}-{i + 1}.pgm"
            image.save(path)
            out.append(path)
    return out


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB, largest process of the tree) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss // 1024


def plain_tesseract(images: list[Path], folder: Path, threads: str | None = "1") -> float:
    """`tesseract IMAGE OUT -l vie` on each page; one OpenMP thread as baocao uses, or the
    engine's default (None)."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    if threads:
        env["OMP_THREAD_LIMIT"] = threads
    start = time.perf_counter()
    for image in images:
        subprocess.run(["tesseract", str(image), str(folder / image.stem), "-l", "vie"],
                       check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def text_layer_pages_per_second(repeats: int) -> float:
    from baocao.pipelines.process import process_file

    process_file(DIGITAL)  # warm-up: imports, font caches
    rates = []
    for _ in range(repeats):
        result = process_file(DIGITAL)
        assert {p.source for p in result.pages} == {"text"}
        rates.append(result.n_pages / result.seconds)
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = SCANS + (sorted(DEVSET.glob("*")) if DEVSET.exists() else [])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        images = page_images(files, folder)
        n_pages = len(images)
        print(f"batch: {len(files)} scanned files, {n_pages} pages at 300 DPI")
        baocao = [sys.executable, "-m", "baocao", "run", *map(str, files)]
        ours, plain, peaks, parallel = [], [], [], []
        for run in range(args.runs):
            wall, peak = timed([*baocao, "--db", str(folder / f"run{run}.sqlite"), "--jobs", "1"])
            ours.append(wall)
            peaks.append(peak)
            plain.append(plain_tesseract(images, folder))
            wall2, _ = timed([*baocao, "--db", str(folder / f"par{run}.sqlite"), "--jobs", "2"])
            parallel.append(wall2)
            print(f"  run {run + 1}: baocao --jobs 1 {wall:6.1f} s, tesseract CLI "
                  f"{plain[-1]:6.1f} s, baocao --jobs 2 {wall2:6.1f} s")
        med_ours, med_plain = statistics.median(ours), statistics.median(plain)
        print(f"OCR path:        {med_ours / n_pages:.2f} s/page (baocao run --jobs 1, median)")
        print(f"plain tesseract: {med_plain / n_pages:.2f} s/page (median)")
        print(f"ratio baocao / tesseract CLI: {med_ours / med_plain:.3f} (target <= 1.15)")
        print(f"peak memory (largest process): {max(peaks)} MiB")
        med_par = statistics.median(parallel)
        print(f"--jobs 2: {n_pages / med_par:.2f} pages/s against {n_pages / med_ours:.2f} with "
              f"--jobs 1: scaling {med_ours / med_par:.2f}")
        default = plain_tesseract(images, folder, threads=None)
        print(f"plain tesseract, default OpenMP threads: {default / n_pages:.2f} s/page (one run)")
    rate = text_layer_pages_per_second(args.runs * 3)
    print(f"text-layer path: {rate:.1f} pages/s (median, in-process)")


if __name__ == "__main__":
    main()
