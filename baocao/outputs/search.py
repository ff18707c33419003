"""Full-text search over the paragraphs of every report: exact Vietnamese or without
diacritics, ranked, each hit with its document, page, section kind and a marked snippet.

SQLite uses the FTS5 indexes store.write keeps (BM25 ranking); a PostgreSQL database is
searched with LIKE on the folded text and ranked by how often the words occur.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex
from sqlalchemy import create_engine, text

from baocao import store
from baocao.errors import BaocaoError
from baocao.extract.files import printable
from baocao.i18n import _, kind_name, ngettext, number
from baocao.nlp.provinces import province_named, province_names_folded
from baocao.vietnamese.text import fold_chars

KINDS = ("achievements", "difficulties", "causes", "lessons", "solutions", "recommendations",
         "plans", "other")
# Characters of context shown on each side of the first match in a snippet.
SNIPPET_CONTEXT = 90
# A quoted phrase in a query, or a word. Example: '"khó khăn" vốn' → phrase, word
QUERY_PART = regex.compile(r'"([^"]*)"|([^\s"]+)')
TOKEN = regex.compile(r"[\p{L}\p{N}]+")


@dataclass
class Hit:
    """One paragraph that matches, where it stands, and its text with the matches marked."""

    doc_id: str
    filename: str
    page_no: int
    section_kind: str | None  # its section's, or what its own sentences report (_shown_kind)
    heading: str | None
    province: str | None
    year_start: int | None
    year_end: int | None
    text: str
    spans: list[tuple[int, int]]  # the matches in text
    score: float  # higher is better

    def snippet(self, mark: tuple[str, str] = ("[", "]"), context: int = SNIPPET_CONTEXT) -> str:
        """The text around the first match, every match in it between the marks, for a
        terminal: control characters escaped, the marks (bold) not."""
        first = self.spans[0][0] if self.spans else 0
        start = max(0, first - context)
        end = min(len(self.text), first + context * 2)
        start = self.text.rfind(" ", 0, start) + 1 if start else 0  # whole words only
        end = end if end == len(self.text) else max(self.text.rfind(" ", start, end), first)
        out, at = [], start
        for a, b in self.spans:
            if a >= start and b <= end:
                out += [printable(self.text[at:a]), mark[0], printable(self.text[a:b]), mark[1]]
                at = b
        out.append(printable(self.text[at:end]))
        return ("… " if start else "") + "".join(out) + (" …" if end < len(self.text) else "")


@dataclass
class Query:
    """A parsed query: its phrases (lists of words) in the form the chosen index holds."""

    phrases: list[list[str]]
    folded: bool

    def fts(self) -> str:
        """FTS5 syntax: every phrase must match; the whole query as one phrase ranks higher.
        Each word is quoted, so no user input is read as an FTS operator."""
        quoted = [f'"{" ".join(p)}"' for p in self.phrases]
        words = [w for p in self.phrases for w in p]
        if len(words) > 1:
            return f'"{" ".join(words)}" OR ({" AND ".join(quoted)})'
        return quoted[0]


def parse(query: str, folded: bool | None) -> Query:
    """Split a query into phrases; with folded=None, fold when it has no diacritics."""
    query = unicodedata.normalize("NFC", query)
    if folded is None:
        folded = not _has_diacritics(query)
    phrases = []
    for quoted, word in QUERY_PART.findall(query):
        words = TOKEN.findall(quoted or word)
        if words:
            phrases.append([fold_chars(w) if folded else _lowered(w) for w in words])
    if not phrases:
        raise BaocaoError(_("the query has no words to search for"))
    return Query(phrases, folded)


def search(db: str | Path, query: str, *, folded: bool | None = None, kind: str | None = None,
           province: str | None = None, year: int | None = None, limit: int = 20
           ) -> tuple[Query, list[Hit]]:
    """The best `limit` paragraphs for the query, best first, after the filters."""
    q = parse(query, folded)
    hits = _hits(db, q, _filters(kind, province, year), limit)
    if store.is_url(db):
        hits.sort(key=lambda h: -h.score)
    return q, hits[:limit]


def count_hits(db: str | Path, q: Query, *, kind: str | None = None,
               province: str | None = None, year: int | None = None) -> int:
    """How many paragraphs match in all, where `search` shows only the best few."""
    filters = _filters(kind, province, year)
    if store.is_url(db):
        return len(_hits(db, q, filters, None))
    return _sqlite(db, q, filters, None, count=True)[0]["n"]


def _filters(kind: str | None, province: str | None, year: int | None) -> dict:
    """The filters as the SQL reads them: a section kind's code, a province's official name."""
    return {"kind": _kind(kind) if kind is not None else None,
            "province": _province(province) if province else None, "year": year}


def _kind(name: str) -> str:
    """The section kind a user typed: its code, or its name in either language, with or
    without diacritics ("khó khăn", "kho khan", "difficulties")."""
    wanted = fold_chars(" ".join(name.split()))
    for code in KINDS:
        if wanted in {code, fold_chars(kind_name(code)), fold_chars(kind_name(code, "vi"))}:
            return code
    raise BaocaoError(_("unknown section kind '{kind}'; the kinds are {kinds}").format(
        kind=name, kinds=", ".join(f"'{kind_name(k)}'" for k in KINDS)))


def _hits(db: str | Path, q: Query, filters: dict, limit: int | None) -> list[Hit]:
    rows = _sqlite(db, q, filters, limit) if not store.is_url(db) else _server(db, q, filters)
    hits = []
    for r in rows:
        haystack = r["folded"] if q.folded else _lowered(r["text"])
        spans = _matches(haystack, q.phrases)
        if not spans:  # the server path narrows by substring: keep whole-word matches only
            continue
        hits.append(Hit(r["doc_id"], r["filename"], r["page_no"], _shown_kind(r, filters),
                        r["heading"], r["province"], r["year_start"], r["year_end"], r["text"],
                        spans, r["score"] if r["score"] is not None else len(spans)))
    return hits


def _shown_kind(row: dict, filters: dict) -> str | None:
    """The kind a hit is shown with: the one asked for; else its section's, or what its own
    sentences report where the section names none (a difficulty told under "other")."""
    if filters["kind"]:
        return filters["kind"]
    if row["section_kind"] in (None, "other") and row["kind"]:
        return row["kind"]
    return row["section_kind"]


SELECT = """
SELECT p.doc_id, d.filename, p.page_no, p.section_kind, p.kind, s.heading, d.province,
       d.year_start,
       d.year_end, p.text, p.folded, {score} AS score
FROM {source}
JOIN documents d ON d.doc_id = p.doc_id
LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.section_id = p.section_id
WHERE {where}
"""


def _conditions(filters: dict) -> list[str]:
    out = []
    if filters["kind"]:  # its section's kind, or what its own sentences report
        out.append("(p.section_kind = :kind OR p.kind = :kind)")
    if filters["province"]:
        out.append("d.province = :province")
    if filters["year"] is not None:
        out.append("d.year_start <= :year AND :year <= d.year_end")
    return out


def _sqlite(db: str | Path, q: Query, filters: dict, limit: int | None, count: bool = False
            ) -> list[dict]:
    """FTS5 match on the exact or the folded index, ranked by BM25 (lower is better); or,
    with count, one row holding how many match (n)."""
    path = Path(db)
    if not path.exists():
        raise BaocaoError(_("no database at {db}: run 'baocao run INPUT --db {db}' first")
                          .format(db=db))
    index = "passages_folded_fts" if q.folded else "passages_fts"
    sql = SELECT.format(
        score=f"-bm25({index})",
        source=f"{index} JOIN passages p ON p.passage_key = {index}.rowid",
        where=" AND ".join([f"{index} MATCH :match", *_conditions(filters)]),
    ) + f" ORDER BY bm25({index}) LIMIT :limit"
    if count:
        sql = f"SELECT count(*) AS n FROM ({sql})"
    limit = -1 if limit is None else limit  # SQLite: a negative LIMIT is none
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(sql, {**filters, "match": q.fts(), "limit": limit}).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            raise BaocaoError(_("{db} has no search index: it was made by an older baocao; "
                                "run 'baocao run INPUT --force' with this version").format(
                                    db=db)) from exc
        raise BaocaoError(_("the search failed: {error}").format(error=exc)) from exc
    finally:
        conn.close()
    return [dict(r) for r in rows]


def _server(db: str | Path, q: Query, filters: dict) -> list[dict]:
    """A database server: every word must occur in the folded text (LIKE), in a read-only
    transaction; whole words and ranking are checked in Python."""
    words = [w for p in q.phrases for w in p]
    likes = {f"w{i}": f"%{fold_chars(w)}%" for i, w in enumerate(words)}
    where = [f"p.folded LIKE :{k}" for k in likes] + _conditions(filters)
    sql = SELECT.format(score="NULL", source="passages p", where=" AND ".join(where))
    try:
        engine = create_engine(store.engine_url(db))
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION READ ONLY"))
            rows = conn.execute(text(sql), {**filters, **likes}).mappings().all()
            conn.rollback()
    except Exception as exc:
        raise BaocaoError(_("the search failed on {db}: {error}").format(
            db=store.display_name(db),
            error=str(getattr(exc, "orig", exc)).strip().splitlines()[0])) from exc
    return [dict(r) for r in rows]


def _matches(haystack: str, phrases: list[list[str]]) -> list[tuple[int, int]]:
    """Where the phrases occur as whole words, in order; none unless every phrase does."""
    spans = []
    for phrase in phrases:
        pattern = r"(?<![\p{L}\p{N}])" + r"[^\p{L}\p{N}]+".join(map(regex.escape, phrase)) + (
            r"(?![\p{L}\p{N}])")
        found = [m.span() for m in regex.finditer(pattern, haystack)]
        if not found:
            return []
        spans += found
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:  # overlapping matches, or matches a space apart, are marked as one
        if merged and (a <= merged[-1][1] or not haystack[merged[-1][1]:a].strip()):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _lowered(text_: str) -> str:
    """Lower case, one character for one, so offsets stay those of the original."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text_)


def _province(name: str) -> str:
    """The official name of a province the user typed, with or without diacritics."""
    found = province_named(name)
    if found:
        return found
    from rapidfuzz import process

    names = province_names_folded()
    best = process.extractOne(fold_chars(name).replace(" ", ""), list(names))
    if best and best[1] >= 70:
        raise BaocaoError(_("no province named '{name}'; did you mean {province}?").format(
            name=name, province=names[best[0]]))
    raise BaocaoError(_("no province named '{name}'").format(name=name))


def hit_lines(q: Query, hits: list[Hit], bold: bool = False, total: int | None = None
              ) -> list[str]:
    """The hits as the terminal shows them: a count (of all the matches, where only the best
    are shown), then each hit's place and snippet with the matches marked [like this] (or in
    bold on a terminal); control characters escaped (a file name's newline forges no line)."""
    mode = _("without diacritics") if q.folded else _("exact, diacritics count")
    total = max(total or 0, len(hits))
    if total > len(hits):
        count = ngettext("{shown} of {total} hit", "{shown} of {total} hits", total).format(
            shown=number(len(hits)), total=number(total))
    else:
        count = ngettext("{n} hit", "{n} hits", total).format(n=number(total))
    lines = [f"{count} ({mode})"]
    mark = ("\033[1m", "\033[0m") if bold else ("[", "]")
    for n, hit in enumerate(hits, 1):
        where = ", ".join(str(x) for x in (hit.province, _years(hit)) if x)
        page = _("page {n}").format(n=hit.page_no)
        place = f"{n}. {hit.filename}  {page}  {kind_name(hit.section_kind) or '-'}"
        lines.append("\n" + printable(place + (f"  ({where})" if where else "")))
        lines.append(f"   {hit.snippet(mark)}")
    return lines


def _has_diacritics(query: str) -> bool:
    query = unicodedata.normalize("NFC", query)
    return fold_chars(query) != _lowered(query)


def hint_lines(db: str | Path, query: str, q: Query, *, kind: str | None = None,
               province: str | None = None, year: int | None = None) -> list[str]:
    """What may help when nothing matched: searching without diacritics where the words
    were typed with them (OCR loses some), and the provinces the database holds where the
    one asked for has no report in it."""
    hints = []
    if not q.folded and _has_diacritics(query):
        folded = count_hits(db, parse(query, True), kind=kind, province=province, year=year)
        if folded:
            hints.append(ngettext(
                "Without diacritics (--folded) {n} paragraph matches: OCR may have lost "
                "some diacritics.",
                "Without diacritics (--folded) {n} paragraphs match: OCR may have lost "
                "some diacritics.", folded).format(n=number(folded)))
    if province:
        wanted = _province(province)
        known = sorted(set(store.query(db, "SELECT DISTINCT province FROM documents WHERE "
                                           "province IS NOT NULL")["province"]))
        if wanted not in known and known:
            hints.append(_("No report of {province} is in the database; its provinces are: "
                           "{provinces}.").format(province=wanted,
                                                  provinces=printable(", ".join(known))))
        elif wanted not in known:
            hints.append(_("No report of {province} is in the database, nor of any other "
                           "province named in a report.").format(province=wanted))
    return hints


def _years(hit: Hit) -> str | None:
    if hit.year_start is None:
        return None
    if hit.year_start == hit.year_end:
        return str(hit.year_start)
    return f"{hit.year_start}-{hit.year_end}"
