"""`baocao summary`: one self-contained HTML page (and its Markdown twin) that tells what a
database holds: documents by status, type, province and year; pages by source and OCR
confidence; figures by kind and section; flags to check; amounts by province and year with a
chart; and a link to each document's review page.

Every count is one SQL query on the database (SQLite or PostgreSQL, read-only); the list of
documents is read typed (store/load.py); charts are matplotlib SVG, inlined, so the
page needs no network.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from baocao import store
from baocao.datamodel import DocumentResult
from baocao.errors import BaocaoError
from baocao.i18n import _, language
from baocao.outputs import pages as templates
from baocao.outputs.format import vn_number
from baocao.outputs.summary_facts import facts_frame, measure_tables
from baocao.store.load import load_documents

# Rows shown in the lists of things to check; bars at most in a chart.
WORST = 15
CHART_BARS = 60


@dataclass
class Block:
    """One table of the page: its id (an anchor), title, rows, and which columns hold
    amounts in đồng (shown in triệu đồng) or numbers."""

    key: str
    title: str
    frame: pd.DataFrame
    note: str = ""
    money: set[str] = field(default_factory=set)
    chart: str = ""  # inline SVG
    links: dict[int, str] = field(default_factory=dict)  # row → href, for the first column


@dataclass
class Summary:
    name: str
    totals: dict[str, int]
    groups: list[tuple[str, list[Block]]]


def _q(db: str | Path, sql: str) -> pd.DataFrame:
    return store.query(db, sql)


def _unstated(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Empty values named, so a row of reports without a province reads as such."""
    frame[column] = frame[column].astype(object).where(
        frame[column].notna() & (frame[column].astype(str) != ""), _("(not stated)"))
    return frame


# Where a document's page is: its review page, or its rows in `baocao serve` (None: nowhere).
ReviewLink = Callable[[DocumentResult], str | None]


def collect(db: str | Path, review_link: ReviewLink | None = None) -> Summary:
    """Every count and list the page shows, read from the database."""
    n = _q(db, """SELECT (SELECT count(*) FROM documents) AS documents,
                         (SELECT count(*) FROM pages) AS pages,
                         (SELECT count(*) FROM figures) AS figures,
                         (SELECT count(*) FROM flags) AS flags""").iloc[0]
    totals = {k: int(v) for k, v in n.items()}
    return Summary(store.display_name(db) if store.is_url(db) else Path(db).name, totals, [
        (_("Documents"), _documents(db)),
        (_("Pages"), _pages(db)),
        (_("Figures"), _figures(db)),
        (_("Comparable facts"), _facts(db)),
        (_("To check"), _to_check(db)),
        (_("Checked by a person"), _progress(db)),
        (_("Every document"), [_document_list(db, review_link)]),
    ])


def _by(db: str | Path, key: str, title: str, column: str, label: str) -> Block:
    frame = _q(db, f"SELECT {column} AS k, count(*) AS n FROM documents GROUP BY {column} "
                   "ORDER BY n DESC, k")
    frame = _unstated(frame, "k").rename(columns={"k": label, "n": _("documents")})
    return Block(key, title, frame)


def _documents(db: str | Path) -> list[Block]:
    years = _q(db, "SELECT year_end AS k, count(*) AS n FROM documents GROUP BY year_end "
                   "ORDER BY year_end")
    years["k"] = years["k"].map(lambda y: "" if pd.isna(y) else str(int(y)))
    years = _unstated(years, "k").rename(columns={"k": _("year"), "n": _("documents")})
    return [
        _by(db, "documents-by-status", _("By status"), "status", _("status")),
        _by(db, "documents-by-type", _("By type"), "doc_type", _("type")),
        _by(db, "documents-by-province", _("By province"), "province", _("province")),
        Block("documents-by-year", _("By year (last year of the period)"), years),
    ]


def _bands() -> list[tuple[str, str]]:
    """The OCR confidence bands, in order, with their names."""
    return [("text", _("text layer (no OCR)")), ("blank", _("blank page (no OCR)")),
            ("under60", _("OCR, confidence under 60")),
            ("60to80", _("OCR, confidence 60 to 80")),
            ("80to90", _("OCR, confidence 80 to 90")),
            ("90up", _("OCR, confidence 90 or more")), ("unknown", _("OCR, confidence unknown"))]


def _pages(db: str | Path) -> list[Block]:
    source = _q(db, "SELECT source, count(*) AS n, avg(ocr_confidence) AS conf FROM pages "
                    "GROUP BY source ORDER BY n DESC")
    source["conf"] = pd.to_numeric(source["conf"]).round(1)  # none where no page had OCR
    source = _unstated(source, "source").rename(columns={
        "source": _("source"), "n": _("pages"), "conf": _("mean OCR confidence")})
    bands = _q(db, """
SELECT CASE WHEN source = 'blank' THEN 'blank' WHEN source <> 'ocr' THEN 'text'
            WHEN ocr_confidence IS NULL THEN 'unknown'
            WHEN ocr_confidence < 60 THEN 'under60' WHEN ocr_confidence < 80 THEN '60to80'
            WHEN ocr_confidence < 90 THEN '80to90' ELSE '90up' END AS band, count(*) AS n
FROM pages GROUP BY 1""")
    counts = dict(zip(bands["band"], bands["n"], strict=True))
    bands = pd.DataFrame([(label, int(counts[b])) for b, label in _bands() if b in counts],
                         columns=[_("how the page was read"), _("pages")])
    return [Block("pages-by-source", _("By source"), source),
            Block("pages-by-confidence", _("By OCR confidence"), bands,
                  note=_("Tesseract's mean word confidence, 0–100, per page."))]


def _figures(db: str | Path) -> list[Block]:
    kinds = _q(db, "SELECT section_kind, kind, count(*) AS n FROM figures "
                   "GROUP BY section_kind, kind")
    kinds = _unstated(kinds, "section_kind")
    table = kinds.pivot_table(index="section_kind", columns="kind", values="n",
                              aggfunc="sum", fill_value=0, margins=True,
                              margins_name=_("total"))
    table = table.reset_index().rename(columns={"section_kind": _("section kind")})
    table.columns.name = None
    amounts = _q(db, f"""
SELECT d.province, coalesce(f.year, d.year_end) AS year, count(*) AS n,
       count(DISTINCT f.doc_id) AS reports, sum(f.value) AS total
FROM figures f JOIN documents d ON d.doc_id = f.doc_id
WHERE f.kind = 'amount' AND f.unit = 'VND' AND {store.counted(db)} AND {store.single(db)}
GROUP BY d.province, coalesce(f.year, d.year_end) ORDER BY d.province, year""")
    amounts["year"] = amounts["year"].map(lambda y: "" if pd.isna(y) else str(int(y)))
    amounts = _unstated(_unstated(amounts, "province"), "year")
    chart = amounts_chart(amounts) if not amounts.empty else ""
    total_col = _("total (triệu đồng)")
    amounts = amounts.rename(columns={"province": _("province"), "year": _("year"),
                                      "n": _("amounts"), "reports": _("reports"),
                                      "total": total_col})
    return [
        Block("figures-by-kind", _("By section kind and kind"), table),
        Block("amounts", _("Amounts in đồng by province and year"), amounts,
              note=_("The year the sentence states, or else the last year of the report's "
                     "period. A total adds every amount stated, parts and wholes alike, each "
                     "report once: read it as a size, not a budget (the comparable facts "
                     "below are budgets). Amounts to check are left out until a person "
                     "confirms them."), money={total_col}, chart=chart),
    ]


def _facts(db: str | Path) -> list[Block]:
    """A table and a chart per measure: what was done, province by province, period by
    period (the facts view: requests, repeated reports and parts of a total left out)."""
    blocks = []
    for i, (name, table, chart, money) in enumerate(measure_tables(facts_frame(db)), 1):
        periods = {c for c in table.columns if c != _("province")}
        blocks.append(Block(f"facts-{i}", name, table, money=periods if money else set(),
                            chart=chart, note=_("in triệu đồng") if money else ""))
    return blocks


def _to_check(db: str | Path) -> list[Block]:
    # a to_check flag whose figure a person has confirmed since is no longer to check
    confirmed = f"g.flag = 'to_check' AND {store.counted(db)}"
    flags = _q(db, f"""
SELECT g.flag, count(*) AS n, count(DISTINCT g.doc_id) AS docs FROM flags g
LEFT JOIN figures f ON f.doc_id = g.doc_id AND f.figure_id = g.figure_id
WHERE NOT ({confirmed}) GROUP BY g.flag ORDER BY n DESC, g.flag""")
    flags = flags.rename(columns={"flag": _("flag"), "n": _("figures and cells"),
                                  "docs": _("documents")})
    worst = _q(db, f"""
SELECT d.filename, coalesce(f.page_no, t.page_no) AS page, g.flag, g.detail, f.raw,
       f.confidence
FROM flags g JOIN documents d ON d.doc_id = g.doc_id
LEFT JOIN figures f ON f.doc_id = g.doc_id AND f.figure_id = g.figure_id
LEFT JOIN tables t ON t.doc_id = g.doc_id AND t.table_id = g.table_id
WHERE NOT ({confirmed})
ORDER BY (f.confidence IS NULL), f.confidence, d.filename, page
LIMIT {WORST}""")
    worst["confidence"] = worst["confidence"].round(1)
    worst = worst.rename(columns={"filename": _("file"), "page": _("page"), "flag": _("flag"),
                                  "detail": _("detail"), "raw": _("as written"),
                                  "confidence": _("OCR confidence")})
    pages = _q(db, f"""
SELECT d.filename, p.page_no, p.ocr_confidence FROM pages p
JOIN documents d ON d.doc_id = p.doc_id WHERE p.source = 'ocr'
ORDER BY p.ocr_confidence, d.filename, p.page_no LIMIT {WORST}""")
    pages["ocr_confidence"] = pages["ocr_confidence"].round(1)
    pages = pages.rename(columns={"filename": _("file"), "page_no": _("page"),
                                  "ocr_confidence": _("OCR confidence")})
    return [
        Block("flags-by-flag", _("Flags by kind"), flags,
              note=_("No figure or table cell is flagged.") if flags.empty else ""),
        Block("flags-worst", _("Flagged figures, lowest OCR confidence first"), worst),
        Block("pages-worst", _("Pages with the lowest OCR confidence"), pages),
    ]


def _progress(db: str | Path) -> list[Block]:
    """How far people have checked the archive (pages and documents marked checked, by
    document where begun) and what they corrected: a team splits the work by it."""
    try:
        docs = _q(db, """
SELECT d.filename, d.checked, count(p.page_no) AS pages, sum(p.checked) AS pages_checked,
       (SELECT count(*) FROM corrections c WHERE c.doc_id = d.doc_id) AS corrections,
       (SELECT count(*) FROM corrections c WHERE c.doc_id = d.doc_id
                                             AND c.status = 'missing') AS missing
FROM documents d LEFT JOIN pages p ON p.doc_id = d.doc_id
GROUP BY d.doc_id, d.filename, d.checked ORDER BY d.filename""")
    except BaocaoError:  # a database made before corrections: nothing checked yet
        return []
    docs = docs.fillna(0)
    totals = pd.DataFrame([[_("pages"), int(docs["pages_checked"].sum()), int(docs["pages"].sum())],
                           [_("documents"), int((docs["checked"] == 1).sum()), len(docs)]],
                          columns=["", _("checked"), _("of")])
    begun = docs[(docs["pages_checked"] > 0) | (docs["checked"] == 1) | (docs["corrections"] > 0)]
    begun = begun.assign(checked=begun["checked"].map({1: "✓"}).fillna("")).rename(columns={
        "filename": _("file"), "checked": _("document checked"), "pages": _("pages"),
        "pages_checked": _("pages checked"), "corrections": _("corrections"),
        "missing": _("corrections whose target is gone")})
    return [Block("checked", _("Checked so far"), totals, note=_(
        "Marked in the review page or with 'baocao correct FILE --checked [--page N]'.")),
        Block("checked-documents", _("Documents begun"), begun)]


def _document_list(db: str | Path, review_link: ReviewLink | None) -> Block:
    """Every document, by file name: what it is, how it went, what was found; each linked to
    its page."""
    docs = load_documents(db, order=("filename", "doc_id"))
    links = {}
    for i, (doc, _kept) in enumerate(docs):
        href = review_link(doc) if review_link else None
        if href:
            links[i] = href
    rows = [(d.filename, d.metadata.title, d.metadata.province, d.metadata.period, d.status,
             d.n_pages, kept["n_figures"], kept["n_flags"]) for d, kept in docs]
    # typed as a query's rows are (store.query): a column of numbers with gaps as floats
    frame = pd.DataFrame.from_records(rows, coerce_float=True, columns=[
        _("file"), _("title"), _("province"), _("period"), _("status"), _("pages"),
        _("figures"), _("flags")])
    return Block("documents", "", frame, links=links)


def amounts_chart(amounts: pd.DataFrame) -> str:
    """One horizontal bar per province and year, a colour per province, each labelled with
    its total in tỷ đồng: inline SVG. Sparse or dense, every pair stays readable."""
    from matplotlib import colormaps, rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rows = amounts.sort_values(["province", "year"]).tail(CHART_BARS)
    labels = [f"{p} · {y}" for p, y in zip(rows["province"], rows["year"], strict=True)]
    values = list(rows["total"] / 1e9)
    palette = colormaps["tab10"].colors
    colour = {p: palette[i % len(palette)] for i, p in enumerate(dict.fromkeys(rows["province"]))}
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "baocao",
                     "font.family": "DejaVu Sans", "font.size": 10}):
        fig = Figure(figsize=(9, 1.0 + 0.3 * len(values)))
        ax = fig.add_subplot()
        bars = ax.barh(range(len(values)), values, color=[colour[p] for p in rows["province"]])
        ax.bar_label(bars, [vn_number(v, 1) for v in values], padding=3, fontsize=8)
        ax.set_yticks(range(len(values)), labels)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: vn_number(v, 1)))
        ax.set_xlabel(_("tỷ đồng"))
        ax.set_title(_("Amounts by province and year"), loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(x=0.12)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def _cell(value, money: bool) -> tuple[str, bool]:
    """A cell's text and whether it is a number (right-aligned)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "", False
    if money:
        return vn_number(float(value) / 1e6, 3), True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return vn_number(value), True
    return str(value), False


def _table_rows(block: Block) -> list[list[tuple[str, bool, str | None]]]:
    """The block's rows as the page shows them: each cell's text, whether it is a number
    (right-aligned), and the first cell's link."""
    rows = []
    for i, row in enumerate(block.frame.itertuples(index=False)):
        cells = [(*_cell(value, column in block.money), None)
                 for column, value in zip(block.frame.columns, row, strict=True)]
        if i in block.links:
            cells[0] = (cells[0][0], cells[0][1], block.links[i])
        rows.append(cells)
    return rows


def render_html(s: Summary, how_to_review: str = "") -> str:
    """The whole page (templates/summary.html), self-contained: styles inline, charts as
    inline SVG."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    groups = [(group, [{"key": b.key, "title": b.title, "note": b.note,
                        "chart": Markup(b.chart),  # matplotlib's own SVG
                        "columns": list(b.frame.columns),
                        "rows": None if b.frame.empty else _table_rows(b)}
                       for b in blocks if not (b.frame.empty and not b.note)])
              for group, blocks in s.groups]
    return templates.render(
        "summary.html", lang=language(), title=_("baocao summary"), name=s.name,
        heading=_("What {name} holds").format(name=s.name),
        made=_("Made {when} by baocao summary.").format(when=stamp),
        totals=_total_labels(s), groups=groups, how_to_review=how_to_review)


def _total_labels(s: Summary) -> list[tuple[str, int, str]]:
    return [("documents", s.totals["documents"], _("documents")),
            ("pages", s.totals["pages"], _("pages")),
            ("figures", s.totals["figures"], _("figures")),
            ("flags", s.totals["flags"], _("flags"))]


def render_markdown(s: Summary, charts: dict[str, str] | None = None) -> str:
    """The same counts as Markdown tables; each chart as an image beside the file (`charts`:
    a block's key → the file's name)."""
    lines = ["# " + _("What {name} holds").format(name=s.name), ""]
    lines.append(" · ".join(f"{vn_number(v)} {label}" for _k, v, label in _total_labels(s)))
    for group, blocks in s.groups:
        lines += ["", f"## {group}"]
        for b in blocks:
            if b.frame.empty and not b.note:
                continue
            lines += ["", f"### {b.title}", ""] if b.title else [""]
            if b.note:
                lines += [b.note, ""]
            if b.chart and (charts or {}).get(b.key):
                lines += [f"![{b.title}]({charts[b.key]})", ""]
            if not b.frame.empty:
                lines += _markdown_table(b)
    return "\n".join(lines) + "\n"


def _markdown_table(b: Block) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(cell(str(c)) for c in b.frame.columns) + " |",
           "|" + "|".join("---:" if b.frame[c].dtype.kind in "if" else "---"
                          for c in b.frame.columns) + "|"]
    for i, row in enumerate(b.frame.itertuples(index=False)):
        texts = [cell(_cell(v, c in b.money)[0]) for c, v in zip(b.frame.columns, row,
                                                                   strict=True)]
        if i in b.links:
            texts[0] = f"[{texts[0]}]({b.links[i]})"
        out.append("| " + " | ".join(texts) + " |")
    return out


def review_name(doc: DocumentResult, stems: Counter[str]) -> str:
    """The review page's file name: the document's stem, as `baocao review` names it, or its
    whole file name where two files share a stem (x.pdf and x.png)."""
    stem = Path(doc.filename or doc.doc_id).stem
    return f"{doc.filename}.html" if stems[stem] > 1 else f"{stem}.html"


def write_summary(db: str | Path, out: Path, markdown: bool = True,
                  with_reviews: bool = False) -> list[Path]:
    """Write the summary page (and its Markdown twin and chart); with_reviews, every
    document's review page beside it in review/. Returns the files written."""
    from baocao.outputs.review import write_review

    docs = [doc for doc, _kept in load_documents(db, order=())]
    stems = Counter(Path(d.filename or "").stem for d in docs)
    review_dir = out.parent / "review"
    written: list[Path] = []
    if with_reviews:
        for doc in docs:
            if doc.status == "failed":
                continue
            try:
                path, _missing = write_review(db, doc.doc_id,
                                              review_dir / review_name(doc, stems))
            except BaocaoError:
                continue
            written.append(path)

    def link(doc: DocumentResult) -> str | None:
        name = review_name(doc, stems)
        return f"review/{name}" if (review_dir / name).exists() else None

    s = collect(db, link)
    how = _("A file name links to its review page (the scan beside the text, each figure "
            "boxed) where one is in {folder}. Make them all with 'baocao summary "
            "--with-reviews', or one with 'baocao review FILE --out {folder}/NAME.html'."
            ).format(folder=review_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(s, how), encoding="utf-8")
    written.insert(0, out)
    if markdown:
        charts = {}
        for block in (b for _g, bs in s.groups for b in bs if b.chart):
            chart_path = out.with_name(f"{out.stem}-{block.key}.svg")
            chart_path.write_text(block.chart, encoding="utf-8")
            charts[block.key] = chart_path.name
            written.append(chart_path)
        md = out.with_suffix(".md")
        md.write_text(render_markdown(s, charts), encoding="utf-8")
        written.insert(1, md)
    return written
