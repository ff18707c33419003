"""`baocao review`: one self-contained HTML page per document, for an archivist to check it
against the scan: every page image beside its text, each figure boxed on the image and
listed with its value, unit, subject, section and flags, and the outline of its sections.

The document is read back typed (store.load_stored), with what a person corrected or checked
beside it. Images are rendered from the original file (documents.path) and embedded as JPEG;
figure boxes are placed in percent of the page, from the word boxes OCR or the text layer gave.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

from baocao import extract, store
from baocao.datamodel import DocumentResult, Figure, Flag, PageContent
from baocao.errors import BaocaoError
from baocao.extract.files import file_sha256, path_from_bytes
from baocao.extract.prepare import remade
from baocao.i18n import _, code_name, kind_name, language
from baocao.outputs import pages as templates
from baocao.outputs import review_edit as edit
from baocao.outputs.format import vn_number as _number
from baocao.outputs.review_tables import cell_boxes, printed_tables
from baocao.store import StoredDocument

# Width in pixels of the embedded page images: sharp enough to read, small enough to mail.
IMAGE_WIDTH = 1100
JPEG_QUALITY = 70
# What the database keeps beside a row: a person's corrections (corrected, value_read…), checks.
Kept = dict[str, Any]


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


def page_images(d: DocumentResult) -> tuple[dict[int, str], str | None]:
    """Each page as a JPEG data URI, from the original file, turned and straightened as it
    was before OCR (so the boxes fall on their words); or none and why not."""
    raw = d.path_bytes  # a name in no encoding: open it by its bytes
    path = path_from_bytes(raw) if raw else Path(d.path or "")
    if not path.is_file():
        return {}, _("the original file is no longer at {path}").format(path=path)
    try:
        if file_sha256(path) != d.doc_id:
            return {}, _("the file at {path} has changed since it was processed").format(
                path=path)
        images = extract.page_images(path, len(d.pages), IMAGE_WIDTH)
        for page in d.pages:  # none of these: an older baocao's database
            turn, skew = page.rotation or 0, page.skew or 0.0
            if page.page_no in images and (turn or skew):
                images[page.page_no] = remade(images[page.page_no], int(turn), skew)
    except Exception as exc:  # an unreadable file still gets its text and figures shown
        return {}, _("the page images could not be rendered ({error})").format(error=exc)
    return {n: _data_uri(img) for n, img in images.items()}, None


def _data_uri(image) -> str:
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def write_review(db: str | Path, wanted: str, out: Path) -> tuple[Path, str | None]:
    """Write the review page of a document; return where, and why images are missing."""
    stored = store.load_stored(db, find_document(db, wanted)["doc_id"])
    images, missing = page_images(stored.document)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(stored, images, missing), encoding="utf-8")
    return out, missing


def render(stored: StoredDocument, images: dict[int, str], missing: str | None) -> str:
    """The whole page (templates/review.html): header, outline, then every page with its
    figures."""
    d = stored.document
    [kept] = stored.kept["documents"]
    warnings = []
    if d.error:
        warnings.append(_("This document was read {status}: {error}").format(
            status=code_name(d.status), error=d.error))
    if missing:
        warnings.append(_("Page images are missing: {reason}. The text and figures are shown "
                          "without them.").format(reason=missing))
    flagged = {f.figure_id for f in d.flags}
    return templates.render(
        "review.html", lang=language(), doc=d, title=d.metadata.title or d.filename,
        page_title=_("{name} — baocao review").format(name=d.filename),
        checked=kept.get("checked") == 1, facts=_facts(d), warnings=warnings,
        flags=_flags(d.flags), outline=_outline(d), text=_labels(), edit=edit.labels(),
        kinds=edit.kinds(), messages=edit.messages(),
        pages=[_page(stored, page, beside, images.get(page.page_no), flagged)
               for page, beside in zip(d.pages, stored.kept["pages"], strict=True)])


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


def _facts(d: DocumentResult) -> list[tuple[str, object, str | None]]:
    """The document's facts: label, value and, where a person may correct it, its field."""
    details = (_("Province"), _("Since 2025"), _("Issuer"), _("Number"), _("Date"),
               _("Period"))
    facts = [(_("File"), d.filename, None),
             *((label, getattr(d.metadata, name), name)
               for label, name in zip(details, edit.DOC_FIELDS, strict=True)),
             (_("Status"), code_name(d.status), None), (_("Pages"), d.n_pages, None),
             (_("Figures"), len(d.figures), None), (_("Flags"), len(d.flags), None),
             ("doc_id", d.doc_id, None)]
    return [(k, v, name) for k, v, name in facts if v not in (None, "") or name]


# The numbers that say what a flag is on.
FLAG_PLACE = ("figure_id", "table_id", "row", "col")


def _flags(flags: list[Flag]) -> list[dict]:
    """The flags to check, each linked to its figure or table cell."""
    return [{"target": _flag_target(place), "name": _flag_name(place),
             "flag": code_name(f.flag), "detail": f.detail}
            for f, place in ((f, {name: getattr(f, name) for name in FLAG_PLACE})
                             for f in flags)]


def _flag_target(place: dict) -> str:
    if place["figure_id"] is None and place["table_id"] is not None:
        return f"cell-{place['table_id']}-{place['row']}-{place['col']}"
    return f"fig-{place['figure_id']}"


def _flag_name(place: dict) -> str:
    if place["figure_id"] is None and place["table_id"] is not None:
        return _("table {table}, cell {row}:{col}").format(
            table=place["table_id"] + 1, row=place["row"] + 1, col=place["col"] + 1)
    return _("figure {n}").format(n=place["figure_id"])


def _outline(d: DocumentResult) -> list[dict]:
    """The sections with a heading, as a nested list: kind, heading, pages."""
    items = []
    for s in d.sections:
        if not s.heading:
            continue
        pages = (_("p. {n}").format(n=s.page_start) if s.page_start == s.page_end
                 else _("pp. {first}–{last}").format(first=s.page_start, last=s.page_end))
        items.append({"indent": (s.level - 1) * 1.5, "kind": s.kind,
                      "kind_name": kind_name(s.kind), "page": s.page_start,
                      "heading": s.heading, "pages": pages})
    return items


def _page(stored: StoredDocument, page: PageContent, kept: Kept, image: str | None,
          flagged: set[int | None]) -> dict:
    """One page of the document: its image with the figures and cells framed, its text, its
    printed tables and its figures."""
    d, n = stored.document, page.page_no
    figures = [(f, k) for f, k in zip(d.figures, stored.kept["figures"], strict=True)
               if f.page_no == n]
    width, height = page.width or 0, page.height or 0
    boxes = []
    for f, _k in figures:
        if f.bbox is None or not width or not height:
            continue
        for n_line, (left, top, right, bottom) in enumerate(f.line_boxes or (f.bbox,)):
            boxes.append({"figure": f.figure_id, "first": n_line == 0,
                          "flagged": f.figure_id in flagged, "title": f"{f.raw}: {_value(f)}",
                          "left": left / width * 100, "top": top / height * 100,
                          "width": (right - left) / width * 100,
                          "height": (bottom - top) / height * 100})
    source = {"ocr": _("OCR"), "blank": _("blank page, not read")}.get(page.source,
                                                                      _("text layer"))
    if page.ocr_confidence is not None:
        source = _("{source}, OCR confidence {confidence}").format(
            source=source, confidence=f"{page.ocr_confidence:.0f}")
    return {"n": n, "heading": _("Page {n}").format(n=n), "source": source,
            "checked": kept.get("checked") == 1, "image": image,
            "alt": _("page {n}").format(n=n), "width": width, "height": height,
            "boxes": boxes, "cell_boxes": cell_boxes(d.tables, n, width, height),
            "paragraphs": _text(d, n, [f for f, _k in figures]),
            "tables": printed_tables(d.tables, _beside_cells(stored), n),
            "figures": _figure_rows(d, figures, flagged)}


def _beside_cells(stored: StoredDocument) -> list[list[Kept]]:
    """What the database keeps beside each table's cells, table by table."""
    kept = iter(stored.kept["table_cells"])
    return [[next(kept) for _c in t.cells] for t in stored.document.tables]


def _text(d: DocumentResult, page_no: int, figures: list[Figure]) -> list[dict]:
    """The page text, paragraph by paragraph, each with its section's kind at its side and
    every figure marked: (text, figure_id) parts, the id None between figures."""
    text = next((t.text for t in d.texts if t.page_no == page_no), None) or ""
    kinds = {p.char_start: p.section_kind for p in d.passages if p.page_no == page_no}
    headings = {s.heading for s in d.sections if s.heading}
    out, at = [], 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        parts: list[tuple[str, int | None]] = []
        pos = start
        for f in figures:
            if f.start is None or f.end is None:  # a table cell's figure: framed in its table
                continue
            if start <= f.start and f.end <= end:
                parts += [(text[pos:f.start], None), (text[f.start:f.end], f.figure_id)]
                pos = f.end
        parts.append((text[pos:end], None))
        kind = kinds.get(start) or "other"
        out.append({"cls": f"k-{kind}" + (" heading" if line in headings else ""),
                    "title": kind_name(kind), "parts": parts})
    return out


def _figure_rows(d: DocumentResult, figures: list[tuple[Figure, Kept]],
                 flagged: set[int | None]) -> list[dict]:
    """The page's figures as the table under it lists them, each with its correction key."""
    sections = {s.section_id: s for s in d.sections}
    details: dict[int | None, list[str]] = {}
    for g in d.flags:
        details.setdefault(g.figure_id, []).append(f"{code_name(g.flag)}: {g.detail}")
    places = edit.table_places(d.tables)
    rows = []
    for f, kept in figures:
        s = sections.get(f.section_id)
        section = (f"{kind_name(f.section_kind)}: {s.heading}" if s and s.heading
                   else kind_name(f.section_kind))
        implied = (None if f.implied_total is None else _(
            "implies a total of {total}").format(total=_number(round(f.implied_total))))
        rows.append({**edit.figure_edit(f, kept), "id": f.figure_id, "raw": f.raw,
                     "flagged": f.figure_id in flagged, "key": edit.figure_key(f, places),
                     "implied": implied, "unit": f.unit,
                     "unit_read": edit.was_read(kept, "unit", f.unit),
                     "subject": f.subject or "", "section": section,
                     "confidence": "" if f.confidence is None else f"{f.confidence:.0f}",
                     "details": "; ".join(details.get(f.figure_id, []))})
    return rows


def _value(f: Figure) -> str:
    return f"{_number(f.value)} {f.unit}"
