"""Hostile-input benchmark: `baocao run FOLDER --jobs 2` over the whole battery of hostile
files (tests/hostile.py: memory bombs, a 1.1 GB content stream, 100 000 pages, images inside
PDFs declared 60,000 pixels a side, PNG chunks inflating to 1 GiB, a FIFO, broken links, a
name that is not UTF-8, a forged name, a ruled table whose grid overlaps itself, a report
rewritten between two of its pages by the run's fault of tests/faults.py…) and one good
report, watched from outside: wall time, peak memory of the whole process tree (PSS,
Tesseracts included), and for every file its status and reason from the database. Then a
2,000-page PDF of blank pages (240 KB), run alone --blank-runs times: its median time.

Exits non-zero when the run's exit code is not 1 (some files failed, the run finished),
when a file is not recorded or lacks the reason it should give, when any reason says
"unexpected error", when the process tree's peak reaches 1 GiB, or when the run hangs
(--timeout) or runs away with memory (--kill-above, the run is killed); or when the blank
pages take a minute or more, or are not all recorded blank.

    .venv/bin/python bench/bench_hostile.py [--quick] [--timeout 600] [--blank-runs 3]
    prlimit --as=6000000000 .venv/bin/python bench/bench_hostile.py   # on a shared machine
    .venv/bin/python bench/bench_hostile.py --without pages_100000   # past one blocker
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import faults  # noqa: E402
from hostile import (  # noqa: E402  (tests/ is not a package)
    MEMORY_LIMIT,
    REWRITTEN,
    hostile_batch,
    outcome_ok,
    readable_name,
    run_watched,
    write_blank_pages_pdf,
    write_rewritten_pair,
)

GOOD = REPO / "samples" / "bacninh_p62_scan.pdf"
# What a volume of blank pages may take, whole (issue 25: 2,000 pages once took 20 minutes).
BLANK_PAGES, BLANK_SECONDS = 2000, 60.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds before the run counts as hung and is killed (600)")
    parser.add_argument("--kill-above", type=float, default=4.0, metavar="GIB",
                        help="kill the run when its process tree holds this much (4 GiB)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--quick", action="store_true",
                        help="leave out the 1.1 GB content stream and the 72-DPI A4 scan")
    parser.add_argument("--without", action="append", default=[], metavar="PART",
                        help="leave out the files whose name holds PART (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep the folder and database")
    parser.add_argument("--blank-runs", type=int, default=3, metavar="N",
                        help=f"runs of the {BLANK_PAGES:,}-page blank PDF, their median "
                             "reported (3; 0 leaves it out)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench_hostile_"))
    try:
        failed = bench(work, args)
        return blank_pages(work, args) or failed if args.blank_runs else failed
    finally:
        if args.keep:
            print(f"\nkept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def bench(work: Path, args) -> int:
    folder = work / "inbox"
    expect = hostile_batch(folder, slow=not args.quick)
    for name in [n for n in expect if any(p in readable_name(n) for p in args.without)]:
        os.unlink(os.path.join(os.fsencode(folder), os.fsencode(name)))
        del expect[name]
    shutil.copy(GOOD, folder / "zz_good.pdf")
    expect["zz_good.pdf"] = None
    program = None
    # a report rewritten between its pages, by a worker (tests/faults.py): none with --jobs 1
    if args.jobs > 1 and not any(p in REWRITTEN for p in args.without):
        _, new = write_rewritten_pair(folder)
        expect[REWRITTEN] = "changed while it was read"
        program = faults.command("rewrite", REWRITTEN, str(new))
    db = work / "db.sqlite"
    print(f"{len(expect)} files in {folder}; baocao run --jobs {args.jobs} "
          f"(timeout {args.timeout:g} s, killed above {args.kill_above:g} GiB)", flush=True)

    watched = run_watched("run", str(folder), "--db", str(db), "--jobs", str(args.jobs),
                          timeout=args.timeout, kill_above=int(args.kill_above * 2**30),
                          program=program)

    docs = {}
    if db.exists():
        conn = sqlite3.connect(db)
        try:
            docs = {name: (status, error) for name, status, error in conn.execute(
                "SELECT filename, status, error FROM documents")}
        except sqlite3.Error as exc:
            print(f"cannot read the database: {exc}")
        finally:
            conn.close()

    problems = []
    print(f"\n{'file':<28} {'status':<8} {'verdict':<7} reason")
    for name, expected in expect.items():
        shown = readable_name(name)
        status, error = docs.get(shown, (None, None))
        good = status is not None and outcome_ok(status, error, expected)
        if not good:
            wanted = "ok" if expected is None else expected
            problems.append(f"{shown!r}: {status or 'not recorded'} (wanted: {wanted})")
        reason = (error or "").replace("\n", "\\n")
        print(f"{ascii(shown)[1:-1]:<28} {status or '-':<8} {'ok' if good else 'WRONG':<7} "
              f"{reason[:110]}")

    unexpected = [n for n, (_, e) in docs.items() if e and "unexpected error" in e]
    unexpected += ["stderr"] if "unexpected error" in watched.stderr else []
    crashed = "internal error" in watched.stderr or "Traceback" in watched.stderr
    print(f"\nexit code:         {watched.returncode}")
    print(f"wall time:         {watched.seconds:.1f} s")
    print(f"peak memory:       {watched.peak / 2**20:.0f} MiB (process tree, PSS)")
    where = ", ".join(map(repr, unexpected))
    print(f"unexpected error:  {'yes: ' + where if unexpected else 'no'}")
    if watched.why_not_done():
        print(f"run:               {watched.why_not_done()}")
    if crashed:
        print("stderr (end):\n" + watched.stderr[-2000:])

    if watched.why_not_done():
        problems.append(watched.why_not_done())
    if watched.returncode != 1:
        problems.append(f"exit code {watched.returncode}, not 1")
    if unexpected:
        problems.append("an 'unexpected error'")
    if crashed:
        problems.append("an internal error or traceback on stderr")
    if watched.peak >= MEMORY_LIMIT:
        problems.append(f"peak memory {watched.peak / 2**20:.0f} MiB >= 1024 MiB")
    if problems:
        print("\nFAILED:\n  " + "\n  ".join(problems))
        return 1
    print("\nall hostile files failed alone, with a reason, in bounded time and memory")
    return 0


def blank_pages(work: Path, args) -> int:
    """Run a PDF of BLANK_PAGES blank pages alone, --blank-runs times, each into a new
    database: every page must be recorded blank (none OCRed), in under BLANK_SECONDS."""
    pdf = write_blank_pages_pdf(work / "blank_pages.pdf", BLANK_PAGES)
    print(f"\n{BLANK_PAGES:,} blank pages ({pdf.stat().st_size / 1000:.0f} KB), "
          f"baocao run --jobs {args.jobs}, {args.blank_runs} runs")
    seconds, problems = [], []
    for k in range(args.blank_runs):
        db = work / f"blank_{k}.sqlite"
        watched = run_watched("run", str(pdf), "--db", str(db), "--jobs", str(args.jobs),
                              timeout=args.timeout, kill_above=int(args.kill_above * 2**30))
        seconds.append(watched.seconds)
        conn = sqlite3.connect(db)
        try:
            sources = dict(conn.execute("SELECT source, count(*) FROM pages GROUP BY source"))
        finally:
            conn.close()
        print(f"  run {k + 1}: {watched.seconds:.1f} s, peak {watched.peak / 2**20:.0f} MiB, "
              f"pages {sources}")
        if watched.why_not_done() or watched.returncode != 0:
            problems.append(f"run {k + 1}: {watched.why_not_done() or watched.returncode}")
        if sources != {"blank": BLANK_PAGES}:
            problems.append(f"run {k + 1}: pages {sources}, not {BLANK_PAGES} blank")
    median = statistics.median(seconds)
    print(f"blank pages:       median {median:.1f} s ({BLANK_PAGES / median:.0f} pages a second)")
    if median >= BLANK_SECONDS:
        problems.append(f"{BLANK_PAGES} blank pages took {median:.0f} s (limit {BLANK_SECONDS:g})")
    if problems:
        print("\nFAILED:\n  " + "\n  ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
