"""Search benchmark, run by hand: `baocao search` latency on an archive-sized SQLite file.

The six scanned reports of samples/reports/ are read once, then written COPIES times under
other ids (as other files would be), so the indexes hold about 20 × COPIES pages. Medians of
repeated queries in one process, and the wall time of the command itself."""

from __future__ import annotations

import dataclasses
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baocao import store
from baocao.outputs.search import search
from baocao.pipelines.process import process_file

REPO = Path(__file__).resolve().parents[1]
COPIES = 200
QUERIES = [
    ("khó khăn về vốn", {}),
    ("kho khan ve von", {}),
    ("kinh phí", {"kind": "difficulties"}),
    ("vốn đối ứng", {"province": "Lào Cai", "year": 2022}),
]


def median_ms(work, repeats: int = 20) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    results = [process_file(p) for p in sorted((REPO / "samples" / "reports").glob("*.pdf"))]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.sqlite"
        engine = store.connect(db)
        start = time.perf_counter()
        for copy in range(COPIES):
            for r in results:
                other = hashlib.sha256(f"{r.doc_id}{copy}".encode()).hexdigest()
                store.write(engine, dataclasses.replace(r, doc_id=other,
                                                        path=f"{r.path}.{copy}"))
        writes = len(results) * COPIES
        write_ms = (time.perf_counter() - start) / writes * 1000
        pages = sum(r.n_pages for r in results) * COPIES
        print(f"{writes} documents, {pages} pages, {db.stat().st_size / 2**20:.0f} MiB; "
              f"store.write {write_ms:.1f} ms per document")
        for query, options in QUERIES:
            n = len(search(db, query, **options)[1])
            ms = median_ms(lambda q=query, o=options: search(db, q, **o))
            print(f"search {query!r} {options or ''}: {ms:.1f} ms (median), {n} hits shown")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "baocao", "search", "khó khăn về vốn", "--db",
                        str(db)], check=True, capture_output=True)
        print(f"the command `baocao search` end to end: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
