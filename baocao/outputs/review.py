"""`baocao review`: one self-contained HTML page per document, for an archivist to check it
against the scan: every page image beside its text, each figure boxed on the image and
listed with its value, unit, subject, section and flags, and the outline of its sections.

Images are rendered from the original file (documents.path) and embedded as JPEG; figure
boxes are placed in percent of the page, from the word boxes OCR or the text layer gave.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from baocao import extract, store
from baocao.errors import BaocaoError
from baocao.extract.files import file_sha256, path_from_bytes
from baocao.extract.prepare import remade
from baocao.i18n import _, code_name, kind_name, language
from baocao.outputs import review_edit as edit
from baocao.outputs.format import escape as _e
from baocao.outputs.format import vn_number as _number
from baocao.outputs.review_tables import CSS as TABLE_CSS
from baocao.outputs.review_tables import table_boxes, tables_html

# Width in pixels of the embedded page images: sharp enough to read, small enough to mail.
IMAGE_WIDTH = 1100
JPEG_QUALITY = 70
KIND_COLOURS = {
    "achievements": "#2e7d32", "difficulties": "#c62828", "causes": "#ef6c00",
    "lessons": "#1565c0", "solutions": "#6a1b9a", "recommendations": "#00838f",
    "plans": "#5d4037", "other": "#9e9e9e",
}


@dataclass
class Document:
    """What the page shows: the document's rows from every table."""

    doc: dict
    pages: pd.DataFrame
    sections: pd.DataFrame
    figures: pd.DataFrame
    flags: pd.DataFrame
    passages: pd.DataFrame
    tables: pd.DataFrame = field(default_factory=pd.DataFrame)
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)


def find_document(db: str | Path, wanted: str) -> dict:
    """The document a user named by its file name or path, its id (or the start of it), or
    the start of its file name ("report_1"), when only one document's starts so."""
    docs = store.query(db, "SELECT * FROM documents")
    docs = docs.astype(object).where(docs.notna(), None)
    by_name = (docs["filename"] == wanted) | (docs["path"] == str(Path(wanted).resolve()))
    by_id = docs["doc_id"].str.startswith(wanted.lower()) if len(wanted) >= 6 else False
    hits = docs[by_name | by_id]
    if hits.empty and wanted:
        hits = docs[docs["filename"].str.casefold().str.startswith(wanted.casefold())]
    if hits.empty:
        raise BaocaoError(_("no document '{name}' in {db}: name it by its file name (or the "
                            "start of it) or by its doc_id (at least its first 6 "
                            "characters)").format(name=wanted, db=store.display_name(db)))
    if len(hits) > 1:
        choices = ", ".join(f"{r.doc_id[:12]} ({r.path})" for r in hits.itertuples())
        raise BaocaoError(_("'{name}' names {n} documents; give more of the file name, or "
                            "a doc_id: {choices}").format(name=wanted, n=len(hits),
                                                          choices=choices))
    return hits.iloc[0].to_dict()


def load(db: str | Path, wanted: str) -> Document:
    doc = find_document(db, wanted)

    def rows(table: str, order: str) -> pd.DataFrame:
        frame = store.query(db, f"SELECT * FROM {table} WHERE doc_id = '{doc['doc_id']}' "
                                f"ORDER BY {order}")
        return frame.astype(object).where(frame.notna(), None)

    return Document(doc, rows("pages", "page_no"), rows("sections", "section_id"),
                    rows("figures", "figure_id"), rows("flags", "flag_id"),
                    rows("passages", "passage_id"), *_printed(rows))


def _printed(rows) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The printed tables and their cells; none in a database an older baocao made."""
    try:
        return rows("tables", "table_id"), rows("table_cells", 'table_id, "row", col')
    except Exception:  # no such table: written before tables were read
        return pd.DataFrame(), pd.DataFrame()


def page_images(doc: dict, pages: pd.DataFrame) -> tuple[dict[int, str], str | None]:
    """Each page as a JPEG data URI, from the original file, turned and straightened as it
    was before OCR (so the boxes fall on their words); or none and why not."""
    raw = doc.get("path_bytes")  # a name in no encoding: open it by its bytes
    path = path_from_bytes(raw) if raw else Path(doc["path"] or "")
    if not path.is_file():
        return {}, _("the original file is no longer at {path}").format(path=path)
    try:
        if file_sha256(path) != doc["doc_id"]:
            return {}, _("the file at {path} has changed since it was processed").format(
                path=path)
        images = extract.page_images(path, len(pages), IMAGE_WIDTH)
        for page in pages.to_dict("records"):  # no such columns: an older baocao's database
            turn, skew = page.get("rotation") or 0, page.get("skew") or 0.0
            if page["page_no"] in images and (turn or skew):
                images[page["page_no"]] = remade(images[page["page_no"]], int(turn), skew)
    except Exception as exc:  # an unreadable file still gets its text and figures shown
        return {}, _("the page images could not be rendered ({error})").format(error=exc)
    return {n: _data_uri(img) for n, img in images.items()}, None


def _data_uri(image) -> str:
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def write_review(db: str | Path, wanted: str, out: Path) -> tuple[Path, str | None]:
    """Write the review page of a document; return where, and why images are missing."""
    d = load(db, wanted)
    images, missing = page_images(d.doc, d.pages)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(d, images, missing), encoding="utf-8")
    return out, missing


def render(d: Document, images: dict[int, str], missing: str | None) -> str:
    """The whole page: header, outline, then every page with its figures."""
    doc = d.doc
    title = doc.get("title") or doc["filename"]
    checked = edit.check_box({"target": "document"}, doc.get("checked"), _("document checked"))
    parts = [
        "<!DOCTYPE html>", f'<html lang="{language()}"><head><meta charset="utf-8">',
        "<title>" + _e(_("{name} — baocao review").format(name=doc["filename"])) + "</title>",
        f"<style>{CSS}</style>", "</head><body>", edit.toolbar(doc),
        f'<header><h1{edit.key_attr({"target": "document"})}>{edit.editable("title", title)}'
        f"{checked}</h1>{_facts(d)}",
    ]
    if doc.get("error"):
        parts.append('<p class="missing">' + _e(_("This document was read {status}: {error}")
                     .format(status=code_name(doc["status"]), error=doc["error"])) + "</p>")
    if missing:
        parts.append('<p class="missing">' + _e(_(
            "Page images are missing: {reason}. The text and figures are shown without them.")
            .format(reason=missing)) + "</p>")
    parts += [_flag_summary(d), "</header>", _outline(d)]
    for page in d.pages.to_dict("records"):
        parts.append(_page(d, page, images.get(page["page_no"])))
    parts.append(f"{edit.script()}</body></html>")
    return "\n".join(parts)


def _facts(d: Document) -> str:
    doc = d.doc
    facts = [(_("File"), doc["filename"]), (_("Province"), doc.get("province")),
             (_("Since 2025"), doc.get("province_2025")), (_("Issuer"), doc.get("issuer")),
             (_("Number"), doc.get("doc_number")), (_("Date"), doc.get("doc_date")),
             (_("Period"), doc.get("period")), (_("Status"), code_name(doc["status"])),
             (_("Pages"), doc["n_pages"]), (_("Figures"), len(d.figures)),
             (_("Flags"), len(d.flags)), ("doc_id", doc["doc_id"])]
    fields = dict(zip((_("Province"), _("Since 2025"), _("Issuer"), _("Number"), _("Date"),
                       _("Period")), edit.DOC_FIELDS, strict=True))
    cells = "".join(f"<dt>{_e(k)}</dt><dd>{edit.editable(fields[k], v)}</dd>" if k in fields
                    else f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts
                    if v not in (None, "") or k in fields)
    return f'<dl class="facts"{edit.key_attr({"target": "document"})}>{cells}</dl>'


def _flag_summary(d: Document) -> str:
    if d.flags.empty:
        return '<p class="ok">' + _e(_("No figure is flagged.")) + "</p>"
    items = "".join(
        f'<li><a href="#{_flag_target(f)}">{_e(_flag_name(f))}</a>: '
        f'<b>{_e(code_name(f["flag"]))}</b> — {_e(f["detail"])}</li>'
        for f in d.flags.to_dict("records"))
    heading = _e(_("Figures to check"))
    return f'<div class="flags"><h2>{heading}</h2><ul>{items}</ul></div>'


def _flag_target(flag: dict) -> str:
    if flag["figure_id"] is None and flag.get("table_id") is not None:
        return f"cell-{flag['table_id']}-{flag['row']}-{flag['col']}"
    return f"fig-{flag['figure_id']}"


def _flag_name(flag: dict) -> str:
    if flag["figure_id"] is None and flag.get("table_id") is not None:
        return _("table {table}, cell {row}:{col}").format(
            table=flag["table_id"] + 1, row=flag["row"] + 1, col=flag["col"] + 1)
    return _("figure {n}").format(n=flag["figure_id"])


def _outline(d: Document) -> str:
    """The sections as a nested list: kind, heading, pages."""
    items = []
    for s in d.sections.to_dict("records"):
        if not s["heading"]:
            continue
        pages = (_("p. {n}").format(n=s["page_start"]) if s["page_start"] == s["page_end"]
                 else _("pp. {first}–{last}").format(first=s["page_start"], last=s["page_end"]))
        items.append(
            f'<li style="margin-left:{(s["level"] - 1) * 1.5}em">'
            f'<span class="kind k-{_e(s["kind"])}">{_e(kind_name(s["kind"]))}</span> '
            f'<a href="#page-{s["page_start"]}">{_e(s["heading"])}</a> '
            f"<small>{_e(pages)}</small></li>")
    body = "".join(items) or "<li>" + _e(_("No headings were found.")) + "</li>"
    heading = _e(_("Sections"))
    return f'<nav class="outline"><h2>{heading}</h2><ul>{body}</ul></nav>'


def _page(d: Document, page: dict, image: str | None) -> str:
    n = page["page_no"]
    figures = [f for f in d.figures.to_dict("records") if f["page_no"] == n]
    flagged = {f["figure_id"] for f in d.flags.to_dict("records")}
    width, height = page["width"] or 0, page["height"] or 0
    boxes = []
    for f in figures:
        if f["box_left"] is None or not width or not height:
            continue
        cls = "box flagged" if f["figure_id"] in flagged else "box"
        for n_line, (left, top, right, bottom) in enumerate(_line_boxes(f)):
            anchor = f'id="box-{f["figure_id"]}" ' if n_line == 0 else ""
            boxes.append(
                f'<a class="{cls}" {anchor}href="#fig-{f["figure_id"]}" '
                f'data-figure="{f["figure_id"]}" title="{_e(f["raw"])}: {_e(_value(f))}" '
                f'style="left:{left / width * 100:.3f}%;top:{top / height * 100:.3f}%;'
                f'width:{(right - left) / width * 100:.3f}%;'
                f'height:{(bottom - top) / height * 100:.3f}%"></a>')
    boxes += table_boxes(d.tables, d.cells, n, width, height)
    alt = _("page {n}").format(n=n)
    if image:
        scan = (f'<div class="scan" style="aspect-ratio:{width:.2f}/{height:.2f}">'
                f'<img src="{image}" alt="{_e(alt)}">{"".join(boxes)}</div>')
    else:
        scan = '<div class="scan noimage">' + _e(_("page image not available")) + "</div>"
    source = _("OCR") if page["source"] == "ocr" else _("text layer")
    if page["ocr_confidence"] is not None:
        source = _("{source}, OCR confidence {confidence}").format(
            source=source, confidence=f"{page['ocr_confidence']:.0f}")
    heading = _("Page {n}").format(n=n)
    checked = edit.check_box({"target": "page", "page_no": n}, page.get("checked"),
                             _("page checked"))
    return (f'<section class="page" id="page-{n}"><h2>{_e(heading)} <small>({_e(source)})'
            f'</small>{checked}</h2><div class="columns">{scan}<div class="text">'
            f"{_text(d, page, figures)}"
            f"</div></div>{tables_html(d.tables, d.cells, n)}"
            f"{_figure_table(d, figures, flagged)}</section>")


def _line_boxes(f: dict) -> list[tuple[float, ...]]:
    """The figure's box on each printed line it stands on; its one box where it stands on
    one line, or in a database an older baocao made."""
    if f.get("boxes"):
        return [tuple(float(v) for v in box.split(",")) for box in f["boxes"].split(";")]
    return [(f["box_left"], f["box_top"], f["box_right"], f["box_bottom"])]


def _text(d: Document, page: dict, figures: list[dict]) -> str:
    """The page text, paragraph by paragraph, each with its section's kind at its side and
    every figure marked."""
    text = page["text"] or ""
    kinds = {p["char_start"]: p["section_kind"] for p in d.passages.to_dict("records")
             if p["page_no"] == page["page_no"]}
    headings = {s["heading"] for s in d.sections.to_dict("records") if s["heading"]}
    out, at = [], 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        marked, pos = [], start
        for f in figures:
            if f["char_start"] is None:  # a table cell's figure: framed in its table
                continue
            a, b = int(f["char_start"]), int(f["char_end"])
            if start <= a and b <= end:
                marked += [_e(text[pos:a]),
                           f'<mark id="mark-{f["figure_id"]}"><a href="#box-{f["figure_id"]}">'
                           f"{_e(text[a:b])}</a></mark>"]
                pos = b
        marked.append(_e(text[pos:end]))
        kind = kinds.get(start) or "other"
        cls = f"k-{_e(kind)}" + (" heading" if line in headings else "")
        out.append(f'<p class="{cls}" title="{_e(kind_name(kind))}">{"".join(marked)}</p>')
    return "".join(out)


def _figure_table(d: Document, figures: list[dict], flagged: set[int]) -> str:
    if not figures:
        return '<p class="nofig">' + _e(_("No figures on this page.")) + "</p>"
    sections = {s["section_id"]: s for s in d.sections.to_dict("records")}
    details = {}
    for g in d.flags.to_dict("records"):
        details.setdefault(g["figure_id"], []).append(f'{code_name(g["flag"])}: {g["detail"]}')
    rows = []
    places = edit.table_places(d.tables)
    for f in figures:
        s = sections.get(f["section_id"])
        section = (f'{_e(kind_name(f["section_kind"]))}: {_e(s["heading"])}'
                   if s and s["heading"] else _e(kind_name(f["section_kind"])))
        implied = ("<br><small>" + _e(_("implies a total of {total}").format(
            total=_number(round(f["implied_total"])))) + "</small>"
            if f.get("implied_total") is not None else "")
        conf = "" if f["confidence"] is None else f'{f["confidence"]:.0f}'
        cls = ' class="flagged"' if f["figure_id"] in flagged else ""
        rows.append(
            f'<tr id="fig-{f["figure_id"]}"{cls}{edit.key_attr(edit.figure_key(f, places))}>'
            f'<td><a href="#box-{f["figure_id"]}">{f["figure_id"]}</a></td>'
            f'<td>{_e(f["raw"])}</td><td class="num">{edit.figure_value(f)}{implied}</td>'
            f'<td>{edit.editable("unit", f["unit"])}{edit.was_read(f, "unit")}</td>'
            f'<td>{_e(f["subject"] or "")}</td><td>{section}</td><td class="num">{conf}</td>'
            f'<td>{_e("; ".join(details.get(f["figure_id"], [])))}</td></tr>')
    head = "<tr><th>#</th>" + "".join(f"<th>{_e(h)}</th>" for h in (
        _("as written"), _("value"), _("unit"), _("subject"), _("section"), _("OCR conf."),
        _("flags"))) + "</tr>"
    return f'<table class="figures">{head}{"".join(rows)}</table>'


def _value(f: dict) -> str:
    return f"{_number(f['value'])} {f['unit']}"


CSS = """
body { font: 15px/1.45 "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 1500px;
       padding: 1em 2em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: .3em; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
.missing { background: #fff3cd; border: 1px solid #e0b000; padding: .5em; }
.ok { color: #2e7d32; }
.flags { background: #fdecea; border: 1px solid #c62828; padding: .2em 1em; }
.outline ul { list-style: none; padding-left: 0; }
.kind { display: inline-block; min-width: 9em; font-size: .8em; color: #fff;
        border-radius: 3px; padding: 0 .4em; }
.page { border-top: 2px solid #888; margin-top: 2em; }
.columns { display: flex; gap: 1.5em; align-items: flex-start; }
.scan { position: relative; flex: 0 0 55%; border: 1px solid #999; }
.scan img { display: block; width: 100%; height: 100%; }
.scan.noimage { aspect-ratio: 210/297; background: #eee; display: flex;
                align-items: center; justify-content: center; color: #666; }
.box { position: absolute; outline: 2px solid #1565c0; outline-offset: 1px;
       background: rgba(21,101,192,.15); }
.box.flagged { outline-color: #c62828; background: rgba(198,40,40,.2); }
.box:target { box-shadow: 0 0 0 5px #ffb300; }
.text { flex: 1; max-height: 110vh; overflow-y: auto; }
.text p { margin: 0 0 .5em; padding-left: .6em; border-left: 4px solid #ccc; }
.text p.heading { font-weight: bold; }
mark { background: #bbdefb; } mark a { color: inherit; text-decoration: none; }
table.figures { border-collapse: collapse; margin-top: 1em; width: 100%; font-size: .9em; }
table.figures td, table.figures th { border: 1px solid #ccc; padding: .2em .4em;
                                     vertical-align: top; text-align: left; }
table.figures td.num { text-align: right; white-space: nowrap; }
tr.flagged { background: #fdecea; } tr:target { outline: 3px solid #ffb300; }
""" + "".join(
    f".kind.k-{k} {{ background: {c}; }} .text p.k-{k} {{ border-left-color: {c}; }}\n"
    for k, c in KIND_COLOURS.items()) + TABLE_CSS + edit.CSS
