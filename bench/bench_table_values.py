"""Printed tables as a user gets them: `baocao run` on the realtables documents, the table
samples and the scanned-table set (its held-out half totalled apart), then every gold cell
compared with what the database holds at its row and column.

Per document: table parts found (by page) and invented; numeric cells whose stored `value`
equals the gold's; cells whose text is exact; numeric cells left empty or unread (a
number whose separators could be read two ways); and of those stored with a wrong value,
how many a check flagged or OCR marked below the confidence threshold (caught).

    .venv/bin/python bench/bench_table_values.py [--keep DB]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = {
    "realtables": (REPO.parent / "shared" / "realtables" / "docs",
                   REPO.parent / "shared" / "realtables" / "gold"),
    "samples/tables": (REPO / "samples" / "tables", REPO / "samples" / "tables" / "gold"),
    "samples/scantables": (REPO / "samples" / "scantables",
                           REPO / "samples" / "scantables" / "gold"),
}
LOW_CONFIDENCE = 70
FIELDS = ("parts", "found", "invented", "numeric", "numeric_ok", "cells", "cells_ok",
          "unread", "wrong", "caught")


def run(folders: list[Path], db: Path) -> None:
    subprocess.run([sys.executable, "-m", "baocao", "run", *map(str, folders), "--db",
                    str(db), "--force", "--no-progress"], check=False, cwd=REPO,
                   capture_output=True)


def score(conn: sqlite3.Connection, gold: dict, body: bool = False) -> dict[str, int]:
    """One document's counts against its gold: each cell at its row and column; with
    `body`, a body cell at its row counted from the first body row (the header read in
    more or fewer rows than the gold's shifts no value), header cells left out."""
    name = Path(gold["file"]).name
    doc = conn.execute("SELECT doc_id FROM documents WHERE filename = ?", (name,)).fetchone()
    out = dict.fromkeys(FIELDS, 0)
    if doc is None:
        return out
    stored = conn.execute("SELECT table_id, page_no, n_header_rows FROM tables "
                          "WHERE doc_id = ?", doc).fetchall()
    gold_pages = {t["page"] for t in gold["tables"]}
    out["invented"] = sum(1 for _, page, _ in stored if page not in gold_pages)
    for table in gold["tables"]:
        out["parts"] += 1
        ids = [(t, head) for t, page, head in stored if page == table["page"]]
        cells = {}
        if ids:
            out["found"] += 1
            shift = (ids[0][1] or 0) - table["n_header_rows"] if body else 0
            cells = {(r - shift, c): (text, value, conf, flags)
                     for r, c, text, value, conf, flags in
                     conn.execute('SELECT "row", col, text, value, confidence, flags FROM '
                                  "table_cells WHERE doc_id = ? AND table_id = ?",
                                  (doc[0], ids[0][0]))}
        for cell in table["cells"]:
            if body and cell["header"]:
                continue
            got = cells.get((cell["row"], cell["col"]))
            out["cells"] += 1
            out["cells_ok"] += bool(got and " ".join(got[0].split()) == cell["text"])
            if not cell["numeric"]:
                continue
            out["numeric"] += 1
            if got and got[1] is not None and abs(got[1] - cell["value"]) < 1e-9:
                out["numeric_ok"] += 1
                continue
            if not got or got[1] is None:
                out["unread"] += 1  # empty or left unread: missing, not wrong
                continue
            out["wrong"] += 1
            out["caught"] += bool(got[3] or (got[2] is not None and got[2] < LOW_CONFIDENCE))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the database here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.sqlite"
        run([docs for docs, _ in SETS.values()], db)
        conn = sqlite3.connect(db)
        print(f"{'document':44} {'found':>7} {'invented':>8} {'numeric exact':>16} "
              f"{'cells exact':>14} {'unread':>6} {'wrong caught':>12} {'body-aligned':>16}")
        for set_name, (_, gold_dir) in SETS.items():
            totals: dict[str, dict[str, int]] = {}
            for path in sorted(gold_dir.glob("*.json")):
                gold = json.loads(path.read_text(encoding="utf-8"))
                counts = score(conn, gold)
                counts |= {f"body_{k}": v for k, v in score(conn, gold, body=True).items()}
                half = f"{set_name}, held out" if gold.get("held_out") else set_name
                total = totals.setdefault(half, dict.fromkeys(counts, 0))
                totals[half] = {k: total[k] + counts[k] for k in counts}
                _line(path.stem, counts)
            for half, total in totals.items():
                _line(f"= {half}", total)
            print()
        conn.close()


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "-"


def _line(name: str, c: dict[str, int]) -> None:
    pct = _pct
    print(f"{name[:44]:44} {c['found']:>3}/{c['parts']:<3} {c['invented']:>8} "
          f"{pct(c['numeric_ok'], c['numeric']):>16} {pct(c['cells_ok'], c['cells']):>14} "
          f"{c['unread']:>6} {c['caught']:>5}/{c['wrong']:<6} "
          f"{pct(c['body_numeric_ok'], c['body_numeric']):>16}")


if __name__ == "__main__":
    main()
