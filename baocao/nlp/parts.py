"""Which figures are parts of a total, so that a sum never counts a total with its parts:
"tổng kinh phí 6.850 triệu đồng, trong đó kinh phí khuyến công quốc gia là 2.100 triệu đồng,
kinh phí khuyến công địa phương là 4.750 triệu đồng", a list under "…, trong đó:" whose items
add up to it, figures in brackets after it. Checked by the sum: parts never exceed their total,
and parts that are the whole list ("gồm", a list) add up to it."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from baocao.datamodel import Figure

# What opens the parts of the figure before it. Examples: "…6.850 triệu đồng, trong đó kinh
# phí …", "Tổng vốn 500 tỷ đồng, gồm: …", "bao gồm", "chia ra", "cụ thể:".
PARTS_CUE = regex.compile(
    r"\b(?:trong\s+đó(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?|chia\s+ra|cụ\s+thể(?:\s+như\s+sau)?)"
    r"\s*:?", regex.I)
# Cues whose parts make the whole, which must add up to it: "gồm", "bao gồm", "chia ra".
WHOLE_CUE = regex.compile(r"^(?:bao\s+gồm|gồm|chia\s+ra)", regex.I)
# Where the parts of a cue end in its sentence: a semicolon, a new clause with a verb of its
# own is not told, so a part must also keep the total's kind and unit.
PARTS_END = regex.compile(r";|\.\s")
MAX_LIST_ITEMS = 15  # sentences after a "trong đó:" read as its list's items
TOLERANCE = 0.005  # parts printed rounded: 8,6 + 18,8 = 27,4 tỷ within half a percent


def _same(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.kind in ("amount", "count")


def _adds_up(parts: Sequence[Figure], total: Figure, whole: bool) -> bool:
    """Parts no larger than their total; all of it where they are the whole."""
    got = sum(p.value for p in parts)
    slack = TOLERANCE * abs(total.value) + 1e-9
    if any(p.value > total.value + slack for p in parts) or got > total.value + slack:
        return False
    return abs(got - total.value) <= slack if whole else True


def _sentences(figures: list[Figure]) -> list[list[Figure]]:
    """The text figures grouped by their sentence, in reading order."""
    groups: dict[tuple[int, int], list[Figure]] = {}
    for f in figures:
        if f.sentence_start is not None and f.start is not None and f.table_id is None:
            groups.setdefault((f.page_no, f.sentence_start), []).append(f)
    return [groups[k] for k in sorted(groups)]


def find_parts(figures: list[Figure]) -> dict[int, int]:
    """figure_id of a part → figure_id of its total."""
    sentences = _sentences(figures)
    part_of: dict[int, int] = {}
    for n, group in enumerate(sentences):
        sentence = group[0].sentence
        offset = group[0].sentence_start or 0
        for cue in PARTS_CUE.finditer(sentence):
            before = [f for f in group if f.end - offset <= cue.start()]
            after = [f for f in group if f.start - offset >= cue.end()]
            if not before:
                continue
            if not after and not sentence[cue.end():].strip(" :.-"):
                # the total may close the sentence before: "…3.240 triệu đồng. …, trong đó:"
                earlier = [f for g in sentences[max(0, n - 2):n] for f in g
                           if f.section_id == group[0].section_id]
                _list_parts(earlier + before, sentences[n + 1:n + 1 + MAX_LIST_ITEMS], part_of)
                continue
            end = PARTS_END.search(sentence, cue.end())
            stop = end.start() if end else len(sentence)
            inside = [f for f in after if f.start - offset < stop]
            whole = bool(WHOLE_CUE.match(cue[0]))
            for total in reversed(before):  # the nearest total of each kind and unit
                parts = [f for f in inside if _same(f, total) and f.figure_id not in part_of]
                if parts and total.figure_id not in part_of and _adds_up(parts, total, whole):
                    part_of.update((p.figure_id, total.figure_id) for p in parts)
        _bracketed(group, offset, part_of)
    return part_of


def _list_parts(totals: list[Figure], items: list[list[Figure]], part_of: dict[int, int]
                ) -> None:
    """A list after "…, trong đó:": the first figure of each item sentence of a total's kind
    and unit, read until they add up to it; parts only where they do, two at least."""
    for total in reversed(totals):
        if total.kind not in ("amount", "count") or total.figure_id in part_of:
            continue
        parts: list[Figure] = []
        for item in items:
            if item[0].section_id != total.section_id:
                break
            first = next((f for f in item if _same(f, total) and f.figure_id not in part_of),
                         None)
            if first is None:
                continue
            parts.append(first)
            if sum(p.value for p in parts) > total.value * (1 + TOLERANCE):
                break
            if len(parts) >= 2 and _adds_up(parts, total, whole=True):
                part_of.update((p.figure_id, total.figure_id) for p in parts)
                break


# Figures in brackets right after their total: "6.850 triệu đồng (trung ương 2.100 triệu
# đồng, địa phương 4.750 triệu đồng)".
BRACKETED = regex.compile(r"\s*\(([^()]*)\)")  # matched at the figure's end


def _bracketed(group: list[Figure], offset: int, part_of: dict[int, int]) -> None:
    """Figures in brackets just after a figure of their kind and unit, adding up to it."""
    sentence = group[0].sentence
    for total in group:
        match = BRACKETED.match(sentence, total.end - offset)
        if not match:
            continue
        inside = [f for f in group if f.figure_id != total.figure_id and _same(f, total)
                  and match.start(1) <= f.start - offset and f.end - offset <= match.end(1)]
        if len(inside) >= 2 and total.figure_id not in part_of and \
                _adds_up(inside, total, whole=True):
            part_of.update((p.figure_id, total.figure_id) for p in inside)
