"""Metadata benchmark, run by hand: the title and signature blocks of the real Quảng Ngãi
documents (../shared/realdev) read by the real pipeline, per document gold against read,
then the totals of the issue's bar. Usage: python bench/bench_metadata.py [DOCS_DIR]"""

from __future__ import annotations

import json
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

from baocao.datamodel import DocumentMetadata
from baocao.pipelines.process import process_file
from baocao.vietnamese.text import fold_chars

REPO = Path(__file__).resolve().parents[1]
REALDEV = REPO.parent / "shared" / "realdev"
TYPES = ["quyết định", "thông báo", "chỉ thị", "tờ trình", "báo cáo", "kế hoạch", "công văn",
         "nghị quyết", "đề án"]


def gold_type(title: str) -> str | None:
    """The type the gold's title opens with: "Chỉ thị về việc …" → "chỉ thị"."""
    return next((t for t in TYPES if fold_chars(title).startswith(fold_chars(t))), None)


def title_ratio(read: str | None, gold_title: str, doc_type: str | None) -> float:
    """Folded similarity of the title read to the gold's, whose leading type word is taken
    off ("Quyết định về việc …" → "về việc …")."""
    want, kind = fold_chars(gold_title).strip(), fold_chars(doc_type or "")
    if kind and want.startswith(kind):
        want = want[len(kind):].strip()
    return SequenceMatcher(None, fold_chars(read or "").strip(), want).ratio()


def main() -> None:
    docs = Path(sys.argv[1]) if len(sys.argv) > 1 else REALDEV / "docs"
    totals = dict.fromkeys(["type", "number_right", "number_wrong", "code_right", "date_full",
                            "date_part", "date_wrong", "title", "issuer", "signer"], 0)
    golds = sorted((REALDEV / "gold").glob("*.json"))
    started = time.perf_counter()
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        want = gold["metadata"]
        result = process_file(docs / gold["file"])
        got: DocumentMetadata = result.metadata
        kind = gold_type(want["title"])
        type_ok = got.doc_type == kind
        number_ok = got.doc_number == want["doc_number"]
        code_ok = bool(got.doc_code) and want["doc_number"].endswith("/" + got.doc_code)
        date_ok = got.doc_date is not None and want["doc_date"].startswith(got.doc_date)
        ratio = title_ratio(got.title, want["title"], got.doc_type)
        issuer_ok = bool(got.issuer) and fold_chars(want["issuer"]).startswith(
            fold_chars(got.issuer))
        totals["type"] += type_ok
        totals["number_right"] += number_ok
        totals["number_wrong"] += got.doc_number is not None and not number_ok
        totals["code_right"] += code_ok
        totals["date_full"] += date_ok and got.doc_date_precision == "day"
        totals["date_part"] += date_ok and got.doc_date_precision != "day"
        totals["date_wrong"] += got.doc_date is not None and not date_ok
        totals["title"] += ratio >= 0.9
        totals["issuer"] += issuer_ok
        totals["signer"] += got.signer is not None and fold_chars(got.signer) in fold_chars(
            gold["notes"])
        print(f"== {gold['file']}")
        print(f"  doc_type   {'ok ' if type_ok else 'BAD'} gold {kind!r:24} read "
              f"{got.doc_type!r}")
        print(f"  doc_number {'ok ' if number_ok else '-- '} gold {want['doc_number']!r:24} read "
              f"{got.doc_number!r}")
        print(f"  doc_code   {'ok ' if code_ok else '-- '} gold "
              f"{want['doc_number'].partition('/')[2]!r:24} read {got.doc_code!r}")
        print(f"  doc_date   {'ok ' if date_ok else '-- '} gold {want['doc_date']!r:24} read "
              f"{got.doc_date!r} ({got.doc_date_precision})")
        print(f"  title      {ratio:.2f} gold {want['title']!r}")
        print(f"                  read {got.title!r}")
        print(f"  issuer     {'ok ' if issuer_ok else 'BAD'} gold {want['issuer']!r} read "
              f"{got.issuer!r}")
        print(f"  signer     read {got.signer!r} / {got.signer_title!r}")
    n = len(golds)
    print(f"\n{n} documents in {time.perf_counter() - started:.0f} s")
    print(f"doc_type   {totals['type']}/{n}")
    print(f"doc_number {totals['number_right']}/{n} right, {totals['number_wrong']} wrong "
          "(the rest empty)")
    print(f"doc_code   {totals['code_right']}/{n}")
    print(f"doc_date   {totals['date_full'] + totals['date_part']}/{n} right "
          f"({totals['date_full']} full, {totals['date_part']} partial), "
          f"{totals['date_wrong']} wrong")
    print(f"title      {totals['title']}/{n} (similarity >= 0.9)")
    print(f"issuer     {totals['issuer']}/{n}")
    print(f"signer     {totals['signer']}/{n} (name found in the gold's notes)")


if __name__ == "__main__":
    main()
