"""Correcting on the review page, with no server: each figure's value, unit and kind, each
table cell, the document's details and 'page checked' are editable in place; the page
gathers the edits and saves them as a JSON file that `baocao correct --from FILE` applies.
A figure's value is shown and typed in the scale it is printed in ("6.420" beside "triệu
đồng"), here and on the command line alike: the numbers a person types are read here.

Every editable element (templates/review_edit.html) carries the correction's field
(data-field), the value shown (data-orig) and, on it or around it, the key of what it
corrects (data-key: page, position, text), the same key the corrections table keeps; here are
the keys and the values shown, static/review.js gathers the edits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, get_args

import regex

from baocao.datamodel import Cell, Figure, FigureKind, Table
from baocao.errors import BaocaoError
from baocao.i18n import _, code_name
from baocao.nlp.figure_forms import MULTIPLIERS
from baocao.nlp.table_figures import unit_read as read_unit
from baocao.outputs.format import vn_number
from baocao.store.corrections import NOT_A_FIGURE

# The document's details the page lets a person correct, in the order the facts list them.
DOC_FIELDS = ("province", "province_2025", "issuer", "doc_number", "doc_date", "period")
# A figure's value changed this many times or more, up or down, is refused unless the person
# confirms it (--force, the page's question): most likely a value typed in another scale.
BIG_CHANGE = 100
# What a printed scale means: kind, factor to the stored value, stored unit, words to show.
Scale = tuple[FigureKind, float, str, str]


def printed_scale(words: str | None, unit: str | None) -> Scale | None:
    """What a scale as printed means ("triệu đồng" → amount, 1.000.000, VND), read by the
    figure reader as a table's unit is ("Có 12 triệu đồng."), so a value typed in it is read
    as the page was; a bare "tỷ" (money said by its sentence, "kinh phí 6,4 tỷ") is read with
    the figure's unit after it, a compound "tỷ 500 triệu đồng" by its first word. None where
    the words name no unit."""
    if not words:
        return None
    noun = "đồng" if unit == "VND" else unit
    head = regex.split(r"\s*\d", words, maxsplit=1)[0].strip()
    tries = [words, *([f"{head} {noun}"] if noun and head.casefold() in MULTIPLIERS else [])]
    for tried in tries:
        read = read_unit(" ".join(tried.split()))
        if read is not None:
            kind, factor, stored, _scale = read
            return kind, factor, stored, words if tried == words or head == words else tried
    return None


def scale_of(scale: str | None, unit: str | None) -> tuple[float, str | None]:
    """The factor from the scale a figure is printed in to its stored value, and the scale's
    words to show beside a value in it; (1, None) where it is printed in full units."""
    read = printed_scale(scale, unit)
    return (1.0, None) if read is None or read[1] == 1 else (read[1], read[3])


def in_scale(value: float | None, scale: str | None, unit: str | None) -> str:
    """A figure's value as its page prints it, in its scale: 6.420 triệu đồng, 12,5%."""
    if value is None:
        return "—"
    factor, words = scale_of(scale, unit)
    if words and unit not in ("VND", "USD", "%"):
        words = f"{words} {unit}"  # a count's: 2,5 nghìn lao động
    label = words or ("đồng" if unit == "VND" else unit)
    shown = vn_number(value / factor, 6)
    return shown + ("%" if label == "%" else f" {label}" if label else "")


def big_change(old: float | None, new: float | None) -> bool:
    """Whether `new` is `old` times 100 or more, or a hundredth or less."""
    if not old or new is None:
        return False
    ratio = abs(new / old)
    return ratio >= BIG_CHANGE or ratio <= 1 / BIG_CHANGE


def table_places(tables: list[Table]) -> dict[int, tuple[int, int]]:
    """Each printed table's page and place among that page's tables (from 0): how a
    correction names it, so a re-run that numbers the tables otherwise still finds it."""
    places: dict[int, tuple[int, int]] = {}
    before: Counter[int] = Counter()
    for t in sorted(tables, key=lambda t: t.table_id):
        places[t.table_id] = (t.page_no, before[t.page_no])
        before[t.page_no] += 1
    return places


def figure_key(f: Figure, places: dict[int, tuple[int, int]]) -> dict:
    """What a figure correction names: its page and place in the text, or its table cell."""
    if f.table_id is not None and f.table_id in places:
        page_no, table_no = places[f.table_id]
        return {"target": "figure", "page_no": page_no, "table_no": table_no,
                "row": f.table_row, "col": f.table_col, "target_text": f.raw}
    return {"target": "figure", "page_no": f.page_no, "char_start": f.start,
            "char_end": f.end, "target_text": f.raw}


def cell_key(table_id: int, cell: Cell, places: dict[int, tuple[int, int]]) -> dict:
    page_no, table_no = places[table_id]
    return {"target": "cell", "page_no": page_no, "table_no": table_no, "row": cell.row,
            "col": cell.col}


def parse_number(text: str) -> float:
    """A number as typed: the Vietnamese way (8.699.280.000; 12,5; -0,4) or plain
    (8699280000); read as the tables are, so 8.699 is eight thousand six hundred ninety-nine."""
    from baocao.nlp.table_numbers import cell_number, parse

    written = cell_number(text)
    value = parse(written[0], "vi") if written else None
    if value is None:
        raise BaocaoError(_("not a number: {text} (write it as 8.699.280.000 or 12,5)")
                          .format(text=text))
    return -value if written[2] else value


def typed_value(typed: str, f: dict, kind: str, unit: str | None) -> float:
    """A value typed for figure `f` (its value, scale, unit and kind now), in full units, for
    the figure's `kind` and `unit` (a person may correct them at once): a number alone in the
    scale the figure is printed in, one with its unit or scale read as the page is; with a
    unit of another kind, or money in another currency, it is refused: 12,5% is no amount."""
    from baocao.nlp.figures import find_figures
    from baocao.nlp.table_figures import PROBE_LEAD

    at, read = len(PROBE_LEAD), None
    found = find_figures(f"{PROBE_LEAD}{typed}.")
    if len(found) == 1 and (found[0].start, found[0].end) == (at, at + len(typed)):
        read = found[0].kind, found[0].value, found[0].unit
    elif (written := _NUMBER_WORDS.fullmatch(typed)) is not None:  # a bare scale: 6,82 tỷ
        scale = printed_scale(written["words"], f["unit"])
        if scale is not None:
            read = scale[0], parse_number(written["number"]) * scale[1], scale[2]
    if read is None:  # a number alone; in the printed scale unless the kind changes with it
        return parse_number(typed) * (scale_of(f["scale"], f["unit"])[0]
                                      if kind == f["kind"] else 1)
    if (kind in get_args(FigureKind) and read[0] != kind) or (
            kind == "amount" and read[2] != unit):
        raise BaocaoError(_("--value {typed}: {kind} ({unit}), but the figure: {its_kind} "
                            "({its_unit}); write the number alone, in the scale the figure is "
                            "printed in, or correct its --kind or --unit too").format(
            typed=typed, kind=code_name(read[0]), unit=read[2], its_kind=code_name(kind),
            its_unit=unit))
    return read[1]


# A number and the words after it: "6,82 tỷ", "-0,4 triệu đồng".
_NUMBER_WORDS = regex.compile(r"(?P<number>[-\u2212]?[\d.,]*\d)\s*(?P<words>[\p{L}%].*)")


def was_read(kept: dict[str, Any], column: str, now: object,
             show: Callable[[Any], str] | None = None) -> str | None:
    """On a corrected row (`kept`: the columns the database keeps beside its fields), what
    the machine read (written by `show`), small beneath the correction `now`; None where
    nothing was."""
    read = kept.get(f"{column}_read")
    if kept.get("corrected") != 1 or read == now:
        return None
    shown = show(read) if show and read is not None else (read or "—")
    return _("read: {value}").format(value=shown)


def figure_edit(f: Figure, kept: dict[str, Any]) -> dict:
    """What the value cell lets a person correct: the value in the scale it is printed in
    (6.420 beside "triệu đồng", as on the page: the factor takes it back to full units),
    the kind, and whether it is a figure at all."""
    not_figure = f.kind == NOT_A_FIGURE
    factor, scale = scale_of(f.scale, f.unit)
    return {"shown": "" if f.value is None else vn_number(f.value / factor, 6),
            "factor": None if factor == 1 else f"{factor:.15g}", "scale": scale,
            "value_read": was_read(kept, "value", f.value,
                                   lambda v: in_scale(v, f.scale, f.unit)),
            "kind": kept.get("kind_read") if not_figure else f.kind, "not_figure": not_figure}


def kinds() -> list[tuple[str, str]]:
    """The figure kinds a person may choose, with their names."""
    return [(k, code_name(k)) for k in get_args(FigureKind)]


def labels() -> dict[str, str]:
    """The words of the corrections panel and the value cells."""
    return {"corrections": _("Corrections"), "name": _("your name"), "note": _("note (why)"),
            "save": _("Save corrections"), "not_a_figure": _("not a figure"),
            "how": _("Click a value, unit, table cell or detail to correct it. Saving downloads "
                     "a file; apply it with: baocao correct --from FILE")}


def messages() -> dict[str, str]:
    """What static/review.js says, in the interface's language (BAOCAO_MSG)."""
    return {"bad": _("Not a number (write it as 8.699.280.000 or 12,5):"),
            "none": _("Nothing was changed."),
            "big": _("These values change 100 times or more (each in the scale printed "
                     "beside it). Save them all the same?")}
