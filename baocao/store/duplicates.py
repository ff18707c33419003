"""Files that are the same report (documents.same_as), so that summaries and the facts view
count its figures once: the same number and date from the same issuer, or the text of one
found almost whole in the other (a re-typed copy, a scan of a printed one, a page of it).

Each page keeps a sample of its text's word triples (`fingerprint`: the hashes that fall in
one sixteenth of the hash range), so that comparing two documents never reads their text."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import regex
from sqlalchemy import text as sql
from sqlalchemy.engine import Engine

from baocao.vietnamese.text import fold

WORD = regex.compile(r"\p{L}+")
SAMPLE = 16  # one hash in SAMPLE is kept
CONTAINED = 0.8  # share of one document's sampled triples found in the other: the same text
MIN_SAMPLED = 8  # fewer sampled triples say too little (a page of a few lines)


def fingerprint(text: str | None) -> str | None:
    """The sampled hashes of a page's word triples (letters only, folded), joined."""
    words = WORD.findall(fold(text or "").lower())
    kept = set()
    for i in range(len(words) - 2):
        digest = hashlib.blake2b(" ".join(words[i:i + 3]).encode(), digest_size=5).digest()
        value = int.from_bytes(digest, "big")
        if value % SAMPLE == 0:
            kept.add(f"{value:x}")
    return " ".join(sorted(kept)) or None


def link_same(engine: Engine) -> int:
    """Mark what repeats what another file holds: a page whose text is almost whole in a
    better copy (pages.same_as), a document that repeats one (documents.same_as: the same
    number, date and issuer, or every page of it found in that one). The better copy: a
    report with its title block (province and number) before a compilation of pages, then
    the longer, then the one read first. Returns how many documents repeat another."""
    with engine.connect() as conn:
        docs = {r[0]: r for r in conn.execute(sql(
            "SELECT doc_id, issuer, doc_number, doc_date, doc_date_precision, processed_at,"
            " province, coalesce(same_as, '') FROM documents WHERE status <> 'failed'"))}
        pages = [r for r in conn.execute(sql(
            "SELECT doc_id, page_no, fingerprint, coalesce(same_as, '') FROM pages"))
            if r[0] in docs]
    page_hashes = {(r[0], r[1]): set((r[2] or "").split()) for r in pages}
    samples: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for (d, _n), hashes in page_hashes.items():
        samples[d] |= hashes
        for h in hashes:
            holders[h].add(d)
    rank = {d: (not (r[6] and r[2]), -len(samples[d]), r[5] or "", d) for d, r in docs.items()}
    page_same: dict[tuple[str, int], str] = {}
    for (d, n), hashes in page_hashes.items():
        if len(hashes) < MIN_SAMPLED:
            continue
        shared = Counter(o for h in hashes for o in holders[h] if o != d)
        found = [o for o, k in shared.items() if k >= CONTAINED * len(hashes) and rank[o] < rank[d]]
        if found:
            page_same[(d, n)] = min(found, key=rank.__getitem__)
    same: dict[str, str] = {}
    by_number: dict[tuple, list[str]] = defaultdict(list)
    for d, r in docs.items():
        if r[2] and r[3] and r[4] == "day" and r[1]:
            by_number[(r[1].lower(), r[2].upper(), r[3])].append(d)
    for group in by_number.values():
        best = min(group, key=rank.__getitem__)
        same.update((d, best) for d in group if d != best)
    for d in docs:
        read = [n for (o, n), h in page_hashes.items() if o == d and len(h) >= MIN_SAMPLED]
        targets = {page_same.get((d, n)) for n in read}
        if read and len(targets) == 1 and None not in targets:
            same.setdefault(d, targets.pop())
    roots = {d: _root(d, same) for d in same}
    with engine.begin() as conn:
        for d, r in docs.items():
            if (roots.get(d) or "") != r[7]:
                conn.execute(sql("UPDATE documents SET same_as = :s WHERE doc_id = :d"),
                             {"s": roots.get(d), "d": d})
        for d, n, _f, was in pages:
            now = page_same.get((d, n))
            now = roots.get(now, now) if now else None
            if (now or "") != was:
                conn.execute(sql("UPDATE pages SET same_as = :s WHERE doc_id = :d AND "
                                 "page_no = :n"), {"s": now, "d": d, "n": n})
    return len(roots)


def _root(d: str, same: dict[str, str]) -> str:
    """The first copy a chain of copies leads to."""
    seen = {d}
    while d in same and same[d] not in seen:
        d = same[d]
        seen.add(d)
    return d
