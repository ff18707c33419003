"""Correcting on the review page, with no server: each figure's value, unit and kind, each
table cell, the document's details and 'page checked' are editable in place; the page
gathers the edits and saves them as a JSON file that `baocao correct --from FILE` applies.

Every editable element carries the correction's field (data-field), the value shown
(data-orig) and, on it or around it, the key of what it corrects (data-key: page, position,
text), the same key the corrections table keeps."""

from __future__ import annotations

import json
from typing import get_args

import pandas as pd

from baocao.datamodel import FigureKind
from baocao.i18n import _, code_name
from baocao.outputs.format import escape as _e
from baocao.outputs.format import vn_number

NOT_A_FIGURE = "not_a_figure"
# The document's details the page lets a person correct, in the order the facts list them.
DOC_FIELDS = ("province", "province_2025", "issuer", "doc_number", "doc_date", "period")


def key_attr(key: dict) -> str:
    """A key as an HTML attribute: data-key='{"target": …}'."""
    return f" data-key='{_e(json.dumps(key, ensure_ascii=False))}'"


def editable(field: str, shown: object, number: bool = False) -> str:
    """Text a person may change in place: its field and the value as shown."""
    text = "" if shown is None else str(shown)
    return (f'<span class="edit" contenteditable="true" spellcheck="false" '
            f'data-field="{field}" data-orig="{_e(text)}"'
            f'{" data-number" if number else ""}>{_e(text)}</span>')


def table_places(tables: pd.DataFrame) -> dict[int, tuple[int, int]]:
    """Each printed table's page and place among that page's tables (from 0): how a
    correction names it, so a re-run that numbers the tables otherwise still finds it."""
    places: dict[int, tuple[int, int]] = {}
    if tables.empty:
        return places
    for page_no, group in tables.sort_values("table_id").groupby("page_no", sort=False):
        for n, table_id in enumerate(group["table_id"]):
            places[int(table_id)] = (int(page_no), n)
    return places


def figure_key(f: dict, places: dict[int, tuple[int, int]]) -> dict:
    """What a figure correction names: its page and place in the text, or its table cell."""
    if f.get("table_id") is not None and int(f["table_id"]) in places:
        page_no, table_no = places[int(f["table_id"])]
        return {"target": "figure", "page_no": page_no, "table_no": table_no,
                "row": int(f["table_row"]), "col": int(f["table_col"]), "target_text": f["raw"]}
    return {"target": "figure", "page_no": f["page_no"], "char_start": f["char_start"],
            "char_end": f["char_end"], "target_text": f["raw"]}


def cell_key(cell: dict, places: dict[int, tuple[int, int]]) -> dict:
    page_no, table_no = places[int(cell["table_id"])]
    return {"target": "cell", "page_no": page_no, "table_no": table_no,
            "row": int(cell["row"]), "col": int(cell["col"])}


def was_read(row: dict, column: str, number: bool = False) -> str:
    """On a corrected row, what the machine read, small beneath the correction."""
    read = row.get(f"{column}_read")
    if row.get("corrected") != 1 or read == row.get(column):
        return ""
    shown = vn_number(read, 4) if number and read is not None else (read or "—")
    return '<small class="wasread">' + _e(_("read: {value}").format(value=shown)) + "</small>"


def figure_value(f: dict) -> str:
    """The value cell's editable value, kind and 'not a figure' mark."""
    not_figure = f["kind"] == NOT_A_FIGURE
    kind = f.get("kind_read") if not_figure else f["kind"]
    shown = "" if f["value"] is None else vn_number(f["value"], 6)
    options = "".join(f'<option value="{k}"{" selected" if k == kind else ""}>'
                      f"{_e(code_name(k))}</option>" for k in get_args(FigureKind))
    return (editable("value", shown, number=True) + was_read(f, "value", number=True)
            + f'<span class="figedit"><select data-field="kind" data-orig="{_e(kind)}">'
            f'{options}</select><label><input type="checkbox" data-field="{NOT_A_FIGURE}" '
            f'data-orig="{int(not_figure)}"{" checked" if not_figure else ""}> '
            + _e(_("not a figure")) + "</label></span>")


def check_box(key: dict, checked: object, label: str) -> str:
    """'Checked by a person' for a page or the document."""
    on = checked == 1
    return (f'<label class="checkmark"{key_attr(key)}><input type="checkbox" data-field="checked"'
            f' data-orig="{int(on)}"{" checked" if on else ""}> {_e(label)}</label>')


def toolbar(doc: dict) -> str:
    """The panel that counts the edits and saves them, with who makes them and why."""
    name, why = _e(_("your name")), _e(_("note (why)"))
    return (
        f'<aside id="corrections" data-doc="{_e(doc["doc_id"])}" '
        f'data-file="{_e(doc["filename"])}"><b>' + _e(_("Corrections")) + "</b> "
        '<span id="n-edits">0</span> '
        f'<input id="corrector" placeholder="{name}" size="12"> '
        f'<input id="edit-note" placeholder="{why}" size="16"> '
        '<button id="save-corrections" type="button">' + _e(_("Save corrections"))
        + "</button><small>" + _e(_(
            "Click a value, unit, table cell or detail to correct it. Saving downloads a file; "
            "apply it with: baocao correct --from FILE")) + "</small></aside>")


def script() -> str:
    """The page's editing code, with its messages in the interface's language."""
    messages = {"bad": _("Not a number (write it as 8.699.280.000 or 12,5):"),
                "none": _("Nothing was changed.")}
    return f"<script>const BAOCAO_MSG = {json.dumps(messages, ensure_ascii=False)};\n{JS}</script>"


# Numbers are read as baocao reads a Vietnamese table (nlp/table_numbers.parse with "vi"):
# 8.699.280.000, 12,5 and -0,4; a lone "." before other than three digits is a decimal point.
JS = r"""
(function () {
  const bar = document.getElementById("corrections");
  const fields = () => Array.from(document.querySelectorAll("[data-field]"));
  const flat = (s) => s.replace(/\s+/g, " ").trim();
  const now = (el) => el.type === "checkbox" ? (el.checked ? "1" : "0")
    : el.tagName === "SELECT" ? el.value : flat(el.textContent);
  function number(text) {
    const s = text.replace(/\s+/g, "").replace("\u2212", "-").replace(/%$/, "");
    const m = /^(-?)(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$/.exec(s);
    if (!m) return null;
    let n = m[2], dots = (n.match(/\./g) || []).length, commas = (n.match(/,/g) || []).length;
    let dec = null;
    if (dots && commas) dec = n.lastIndexOf(",") > n.lastIndexOf(".") ? "," : ".";
    else if (dots > 1 || commas > 1) dec = dots > 1 ? "," : ".";
    else if (dots + commas === 1) {
      const [head, tail] = n.split(/[.,]/);
      dec = (tail.length !== 3 || head === "0") ? (commas ? "," : ".") : ",";
    }
    if (dec) n = n.split(dec === "," ? "." : ",").join("").replace(dec, ".");
    return String((m[1] ? -1 : 1) * Number(n));
  }
  const changed = () => fields().filter((el) => now(el) !== el.dataset.orig);
  function refresh() {
    fields().forEach((el) => (el.closest("label") || el).classList.toggle(
      "edited", now(el) !== el.dataset.orig));
    document.getElementById("n-edits").textContent = changed().length;
  }
  document.addEventListener("input", refresh);
  document.addEventListener("change", refresh);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target.isContentEditable) { e.preventDefault(); e.target.blur(); }
  });
  document.getElementById("save-corrections").addEventListener("click", () => {
    const author = document.getElementById("corrector").value.trim();
    const note = document.getElementById("edit-note").value.trim();
    const made = new Date().toISOString(), bad = [], out = [];
    changed().forEach((el) => {
      const key = JSON.parse(el.closest("[data-key]").dataset.key);
      let value = now(el);
      if (el.hasAttribute("data-number") && value !== "") {
        value = number(value);
        if (value === null) { bad.push(now(el)); return; }
      }
      out.push(Object.assign({doc_id: bar.dataset.doc}, key, {
        field: el.dataset.field, old_value: el.dataset.orig, new_value: value,
        note: note, author: author, created_at: made}));
    });
    if (bad.length) { alert(BAOCAO_MSG.bad + " " + bad.join(", ")); return; }
    if (!out.length) { alert(BAOCAO_MSG.none); return; }
    const file = {format: "baocao-corrections", version: 1, corrections: out};
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)],
                                             {type: "application/json"}));
    link.download = bar.dataset.file.replace(/\.[^.]*$/, "") + "-corrections.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();
"""

CSS = """
#corrections { position: sticky; top: 0; z-index: 5; background: #f5f9ff; padding: .4em .6em;
               border: 1px solid #90caf9; display: flex; gap: .5em; align-items: center;
               flex-wrap: wrap; }
#corrections small { color: #555; }
#n-edits { background: #1565c0; color: #fff; border-radius: 1em; padding: 0 .5em; }
.edit { border-bottom: 1px dashed #90a4ae; min-width: 2em; display: inline-block; }
.edit:empty::before { content: "—"; color: #aaa; }
.edit:focus { outline: 2px solid #1565c0; background: #fff; }
.edited { background: #fff59d !important; }
.figedit { display: block; font-size: .8em; } .figedit label { margin-left: .4em; }
.wasread { display: block; color: #6a1b9a; }
.checkmark { font-size: .7em; font-weight: normal; margin-left: 1em; }
"""
