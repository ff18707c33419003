"""Do two baocao databases hold the same rows? Table by table, row by row.

Used to prove that a change of code layout changed no output:

    python scripts/same_tables.py run OUT.sqlite   # samples/, devset, realdev, realtables, wilddev
    python scripts/same_tables.py compare BEFORE.sqlite AFTER.sqlite

Columns that hold times, versions, run ids and log files are left out; the `runs` table
(one row per run) too. Exit 0 when every table is the same, 1 otherwise, with the first
differences printed.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
INPUTS = [REPO / "samples", SHARED / "devset" / "docs", SHARED / "realdev" / "docs",
          SHARED / "realtables" / "docs", SHARED / "wilddev" / "docs"]

# Per table, the columns that differ from run to run whatever the code does.
VOLATILE = {"documents": {"processed_at", "seconds"}}
SKIP_TABLES = {"runs", "claims"}  # claims: empty once a run ends


def run(db: Path) -> int:
    """`baocao run` over every input, with the code of the current folder."""
    inputs = [str(p) for p in INPUTS if p.exists()]
    proc = subprocess.run([sys.executable, "-m", "baocao", "run", *inputs, "--db", str(db),
                           "--force", "--no-progress"], cwd=Path.cwd())
    return 0 if proc.returncode in (0, 1) else proc.returncode


def _tables(conn: sqlite3.Connection) -> list[str]:
    names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                         "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'").fetchall()
    return sorted(n for (n,) in names if n not in SKIP_TABLES)


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    keep = [c for c in columns if c not in VOLATILE.get(table, set())]
    cols = ", ".join(f'"{c}"' for c in keep)
    rows = conn.execute(f'SELECT {cols} FROM "{table}"').fetchall()
    return keep, sorted(rows, key=repr)


def compare(before: Path, after: Path) -> int:
    """Print each difference (at most five per table); 0 when there is none."""
    a, b = sqlite3.connect(before), sqlite3.connect(after)
    differ = 0
    tables_a, tables_b = _tables(a), _tables(b)
    for table in sorted(set(tables_a) | set(tables_b)):
        if table not in tables_a or table not in tables_b:
            print(f"{table}: only in {'after' if table in tables_b else 'before'}")
            differ += 1
            continue
        cols_a, rows_a = _rows(a, table)
        cols_b, rows_b = _rows(b, table)
        if cols_a != cols_b:
            print(f"{table}: columns differ: {cols_a} / {cols_b}")
            differ += 1
            continue
        set_a, set_b = set(rows_a), set(rows_b)
        gone = [r for r in rows_a if r not in set_b]
        new = [r for r in rows_b if r not in set_a]
        if gone or new or len(rows_a) != len(rows_b):
            differ += 1
            print(f"{table}: {len(rows_a)} rows before, {len(rows_b)} after; "
                  f"{len(gone)} only before, {len(new)} only after")
            for r in gone[:5]:
                print(f"  - {r!r:.300}")
            for r in new[:5]:
                print(f"  + {r!r:.300}")
        else:
            print(f"{table}: {len(rows_a)} rows, the same")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "run":
        sys.exit(run(Path(sys.argv[2])))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(__doc__)
