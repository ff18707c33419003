"""Do two versions of the code show people the same things from one database?

Used with same_tables.py to prove that a change of layout changed no output: every export
format, `query --out`, each document's review page and the summary page, the pages
compared by the text a browser shows (Chromium's innerText) and the files byte for byte
or cell for cell.

    python scripts/same_outputs.py write DB OUT [CODE]   # CODE: the folder whose baocao runs
    python scripts/same_outputs.py compare BEFORE AFTER

Exit 0 when everything is the same, 1 otherwise, with the differences printed.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# The summary page says when it was made ("Tạo lúc 2026-12-07 06:05 UTC"): not compared.
MADE_AT = re.compile(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2}( UTC)?")
QUERY = ("SELECT d.filename, f.page_no, f.kind, f.value, f.unit, f.raw, f.section_kind "
         "FROM figures f JOIN documents d USING (doc_id) ORDER BY f.figure_id")


def _baocao(code: Path, *args: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "baocao", "--lang", "vi", *args], cwd=code,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"baocao {' '.join(args)}: exit {proc.returncode}\n{proc.stderr}")


def write(db: Path, out: Path, code: Path) -> None:
    """Every output of DB into OUT, made by the baocao in CODE."""
    db, out = db.resolve(), out.resolve()
    for fmt in ("csv", "parquet", "xlsx", "json", "markdown"):
        _baocao(code, "export", "--db", str(db), "--format", fmt, "--out", str(out / fmt))
    for ext in ("csv", "xlsx"):
        _baocao(code, "query", QUERY, "--db", str(db), "--out", str(out / f"query.{ext}"))
    _baocao(code, "summary", "--db", str(db), "--out", str(out / "summary" / "summary.html"),
            "--with-reviews")
    docs = sqlite3.connect(db).execute(
        "SELECT doc_id FROM documents WHERE status != 'failed' ORDER BY doc_id").fetchall()
    for (doc_id,) in docs:
        _baocao(code, "review", doc_id, "--db", str(db), "--out",
                str(out / "review" / f"{doc_id}.html"))
    _page_texts(out)


def _page_texts(out: Path) -> None:
    """Beside each HTML page, the text Chromium shows of it (scripts run)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        for html in sorted(out.rglob("*.html")):
            page.goto(html.as_uri())
            html.with_suffix(".dom.txt").write_text(page.inner_text("body"), encoding="utf-8")
        browser.close()


def _same(a: Path, b: Path, roots: tuple[Path, Path]) -> str | None:
    """None when the two files hold the same thing; else a short reason."""
    if a.suffix == ".parquet":
        import pandas as pd

        fa, fb = pd.read_parquet(a), pd.read_parquet(b)
        return None if fa.equals(fb) and list(fa.dtypes) == list(fb.dtypes) else "frames differ"
    if a.suffix == ".xlsx":
        import openpyxl

        wa, wb = openpyxl.load_workbook(a), openpyxl.load_workbook(b)
        if wa.sheetnames != wb.sheetnames:
            return f"sheets {wa.sheetnames} / {wb.sheetnames}"
        for name in wa.sheetnames:
            va = [[(c.value, c.data_type, c.number_format) for c in r] for r in wa[name].rows]
            vb = [[(c.value, c.data_type, c.number_format) for c in r] for r in wb[name].rows]
            if va != vb:
                return f"sheet {name} differs"
        return None
    if a.suffix == ".html":  # compared by what the browser shows (.dom.txt)
        return None
    bytes_a, bytes_b = a.read_bytes(), b.read_bytes()
    if a.parent.name == "summary":  # it names when it was made and the folder it was made in
        bytes_a = MADE_AT.sub(b"<time>", bytes_a).replace(bytes(roots[0]), b"<out>")
        bytes_b = MADE_AT.sub(b"<time>", bytes_b).replace(bytes(roots[1]), b"<out>")
    return None if bytes_a == bytes_b else "bytes differ"


def compare(before: Path, after: Path) -> int:
    files_a = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    files_b = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    differ = 0
    for rel in sorted(files_a ^ files_b):
        print(f"only {'before' if rel in files_a else 'after'}: {rel}")
        differ += 1
    for rel in sorted(files_a & files_b):
        why = _same(before / rel, after / rel, (before.resolve(), after.resolve()))
        if why:
            print(f"{rel}: {why}")
            differ += 1
    print(f"{len(files_a & files_b)} files compared, {differ} differences")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "write":
        code = Path(sys.argv[4] if len(sys.argv) == 5 else ".").resolve()
        write(Path(sys.argv[2]), Path(sys.argv[3]), code)
        sys.exit(0)
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(__doc__)
