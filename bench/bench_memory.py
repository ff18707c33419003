"""Memory benchmark (`make bench-memory`, about 20 minutes): peak memory of `baocao run
--jobs 2` on a 1,000-page scanned document (the sample reports' pages over and over)
against a 24-page one, for the main process (which gathers a document's pages, runs the
text stages and writes it) and for the whole process tree (workers and Tesseract too): its
peak PSS, and each process's own peak PSS (the tree's peak is the moment when the workers
and both Tesseracts are at their largest together, which a long run is likelier to catch)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_batch import baocao, long_document, measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, nargs=2, default=(24, 1000),
                        metavar=("SHORT", "LONG"))
    args = parser.parse_args()
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.pages:
            doc = long_document(Path(tmp) / f"scan{n}.pdf", n)
            each: dict[str, float] = {}
            wall, pss, _, main_rss = measured(
                baocao(str(doc), "--db", str(Path(tmp) / f"scan{n}.db"), "--jobs", "2",
                       "--no-progress"), memory=True, each=each)
            peaks[n] = (main_rss, pss)
            print(f"{n:5}-page scanned document, --jobs 2: main process {main_rss:.0f} MiB "
                  f"peak RSS, all processes {pss:.0f} MiB PSS; each process's own peak PSS: "
                  + ", ".join(f"{k} {v:.0f}" for k, v in each.items())
                  + f" MiB; {n / wall:.2f} pages/s")
    short, long = args.pages
    print(f"ratio {long} / {short} pages: main process "
          f"{peaks[long][0] / peaks[short][0]:.2f}, all processes "
          f"{peaks[long][1] / peaks[short][1]:.2f} (target <= 1.10)")


if __name__ == "__main__":
    main()
