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
from baocao.outputs import pages as templates
from baocao.outputs import review_edit as edit
from baocao.outputs.format import vn_number as _number
from baocao.outputs.review_tables import cell_boxes, printed_tables

# Width in pixels of the embedded page images: sharp enough to read, small enough to mail.
IMAGE_WIDTH = 1100
JPEG_QUALITY = 70


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
    """The whole page (templates/review.html): header, outline, then every page with its
    figures."""
    doc = d.doc
    warnings = []
    if doc.get("error"):
        warnings.append(_("This document was read {status}: {error}").format(
            status=code_name(doc["status"]), error=doc["error"]))
    if missing:
        warnings.append(_("Page images are missing: {reason}. The text and figures are shown "
                          "without them.").format(reason=missing))
    flagged = {f["figure_id"] for f in d.flags.to_dict("records")}
    return templates.render(
        "review.html", lang=language(), doc=doc, title=doc.get("title") or doc["filename"],
        page_title=_("{name} — baocao review").format(name=doc["filename"]),
        checked=doc.get("checked") == 1, facts=_facts(d), warnings=warnings,
        flags=_flags(d), outline=_outline(d), text=_labels(), edit=edit.labels(),
        kinds=edit.kinds(), messages=edit.messages(),
        pages=[_page(d, page, images.get(page["page_no"]), flagged)
               for page in d.pages.to_dict("records")])


def _labels() -> dict[str, object]:
    """The page's fixed words, in the interface's language."""
    return {
        "document_checked": _("document checked"), "page_checked": _("page checked"),
        "to_check": _("Figures to check"), "no_flags": _("No figure is flagged."),
        "sections": _("Sections"), "no_headings": _("No headings were found."),
        "no_image": _("page image not available"), "no_figures": _("No figures on this page."),
        "columns": [_("as written"), _("value"), _("unit"), _("subject"), _("section"),
                    _("OCR conf."), _("flags")],
    }


def _facts(d: Document) -> list[tuple[str, object, str | None]]:
    """The document's facts: label, value and, where a person may correct it, its field."""
    doc = d.doc
    facts = [(_("File"), doc["filename"]), (_("Province"), doc.get("province")),
             (_("Since 2025"), doc.get("province_2025")), (_("Issuer"), doc.get("issuer")),
             (_("Number"), doc.get("doc_number")), (_("Date"), doc.get("doc_date")),
             (_("Period"), doc.get("period")), (_("Status"), code_name(doc["status"])),
             (_("Pages"), doc["n_pages"]), (_("Figures"), len(d.figures)),
             (_("Flags"), len(d.flags)), ("doc_id", doc["doc_id"])]
    fields = dict(zip((_("Province"), _("Since 2025"), _("Issuer"), _("Number"), _("Date"),
                       _("Period")), edit.DOC_FIELDS, strict=True))
    return [(k, v, fields.get(k)) for k, v in facts if v not in (None, "") or k in fields]


def _flags(d: Document) -> list[dict]:
    """The flags to check, each linked to its figure or table cell."""
    return [{"target": _flag_target(f), "name": _flag_name(f), "flag": code_name(f["flag"]),
             "detail": f["detail"]} for f in d.flags.to_dict("records")]


def _flag_target(flag: dict) -> str:
    if flag["figure_id"] is None and flag.get("table_id") is not None:
        return f"cell-{flag['table_id']}-{flag['row']}-{flag['col']}"
    return f"fig-{flag['figure_id']}"


def _flag_name(flag: dict) -> str:
    if flag["figure_id"] is None and flag.get("table_id") is not None:
        return _("table {table}, cell {row}:{col}").format(
            table=flag["table_id"] + 1, row=flag["row"] + 1, col=flag["col"] + 1)
    return _("figure {n}").format(n=flag["figure_id"])


def _outline(d: Document) -> list[dict]:
    """The sections with a heading, as a nested list: kind, heading, pages."""
    items = []
    for s in d.sections.to_dict("records"):
        if not s["heading"]:
            continue
        pages = (_("p. {n}").format(n=s["page_start"]) if s["page_start"] == s["page_end"]
                 else _("pp. {first}–{last}").format(first=s["page_start"], last=s["page_end"]))
        items.append({"indent": (s["level"] - 1) * 1.5, "kind": s["kind"],
                      "kind_name": kind_name(s["kind"]), "page": s["page_start"],
                      "heading": s["heading"], "pages": pages})
    return items


def _page(d: Document, page: dict, image: str | None, flagged: set[int]) -> dict:
    """One page of the document: its image with the figures and cells framed, its text, its
    printed tables and its figures."""
    n = page["page_no"]
    figures = [f for f in d.figures.to_dict("records") if f["page_no"] == n]
    width, height = page["width"] or 0, page["height"] or 0
    boxes = []
    for f in figures:
        if f["box_left"] is None or not width or not height:
            continue
        for n_line, (left, top, right, bottom) in enumerate(_line_boxes(f)):
            boxes.append({"figure": f["figure_id"], "first": n_line == 0,
                          "flagged": f["figure_id"] in flagged,
                          "title": f"{f['raw']}: {_value(f)}",
                          "left": left / width * 100, "top": top / height * 100,
                          "width": (right - left) / width * 100,
                          "height": (bottom - top) / height * 100})
    source = _("OCR") if page["source"] == "ocr" else _("text layer")
    if page["ocr_confidence"] is not None:
        source = _("{source}, OCR confidence {confidence}").format(
            source=source, confidence=f"{page['ocr_confidence']:.0f}")
    return {"n": n, "heading": _("Page {n}").format(n=n), "source": source,
            "checked": page.get("checked") == 1, "image": image,
            "alt": _("page {n}").format(n=n), "width": width, "height": height,
            "boxes": boxes, "cell_boxes": cell_boxes(d.tables, d.cells, n, width, height),
            "paragraphs": _text(d, page, figures),
            "tables": printed_tables(d.tables, d.cells, n),
            "figures": _figure_rows(d, figures, flagged)}


def _line_boxes(f: dict) -> list[tuple[float, ...]]:
    """The figure's box on each printed line it stands on; its one box where it stands on
    one line, or in a database an older baocao made."""
    if f.get("boxes"):
        return [tuple(float(v) for v in box.split(",")) for box in f["boxes"].split(";")]
    return [(f["box_left"], f["box_top"], f["box_right"], f["box_bottom"])]


def _text(d: Document, page: dict, figures: list[dict]) -> list[dict]:
    """The page text, paragraph by paragraph, each with its section's kind at its side and
    every figure marked: (text, figure_id) parts, the id None between figures."""
    text = page["text"] or ""
    kinds = {p["char_start"]: p["section_kind"] for p in d.passages.to_dict("records")
             if p["page_no"] == page["page_no"]}
    headings = {s["heading"] for s in d.sections.to_dict("records") if s["heading"]}
    out, at = [], 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        parts: list[tuple[str, int | None]] = []
        pos = start
        for f in figures:
            if f["char_start"] is None:  # a table cell's figure: framed in its table
                continue
            a, b = int(f["char_start"]), int(f["char_end"])
            if start <= a and b <= end:
                parts += [(text[pos:a], None), (text[a:b], f["figure_id"])]
                pos = b
        parts.append((text[pos:end], None))
        kind = kinds.get(start) or "other"
        out.append({"cls": f"k-{kind}" + (" heading" if line in headings else ""),
                    "title": kind_name(kind), "parts": parts})
    return out


def _figure_rows(d: Document, figures: list[dict], flagged: set[int]) -> list[dict]:
    """The page's figures as the table under it lists them, each with its correction key."""
    sections = {s["section_id"]: s for s in d.sections.to_dict("records")}
    details: dict[int, list[str]] = {}
    for g in d.flags.to_dict("records"):
        details.setdefault(g["figure_id"], []).append(f'{code_name(g["flag"])}: {g["detail"]}')
    places = edit.table_places(d.tables)
    rows = []
    for f in figures:
        s = sections.get(f["section_id"])
        section = (f'{kind_name(f["section_kind"])}: {s["heading"]}' if s and s["heading"]
                   else kind_name(f["section_kind"]))
        implied = (None if f.get("implied_total") is None else _(
            "implies a total of {total}").format(total=_number(round(f["implied_total"]))))
        rows.append({**edit.figure_edit(f), "id": f["figure_id"], "raw": f["raw"],
                     "flagged": f["figure_id"] in flagged, "key": edit.figure_key(f, places),
                     "implied": implied, "unit": f["unit"],
                     "unit_read": edit.was_read(f, "unit"), "subject": f["subject"] or "",
                     "section": section,
                     "confidence": "" if f["confidence"] is None else f'{f["confidence"]:.0f}',
                     "details": "; ".join(details.get(f["figure_id"], []))})
    return rows


def _value(f: dict) -> str:
    return f"{_number(f['value'])} {f['unit']}"
