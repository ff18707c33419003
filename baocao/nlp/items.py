"""Enumerated points inside sections: the lessons, difficulties and proposals one by one."""

from __future__ import annotations

import regex

from baocao.datamodel import Item, PageText, Paragraph, Section

# An enumeration word opening a point. Examples: "Thứ nhất: Nâng cao…", "Thứ hai, …",
# "Một là, tăng cường…", "Hai là, công tác…".
ENUMERATION = regex.compile(
    r"^(?P<marker>Thứ\s+(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)"
    r"|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là)\s*[:,.]"
)
# A bullet opening a point. Examples: "- Nguồn kinh phí…", "+ BCKT tỉnh…", "• …".
BULLET = regex.compile(r"^(?P<marker>[-+•*–])\s")
# How deep each marker sits: enumerations hold dashes, dashes hold pluses.
RANK = {"enumeration": 1, "-": 2, "–": 2, "+": 3, "•": 3, "*": 3}
SENTENCE_END = (".", ";", ":", "!", "?", "…")


def find_items(pages: list[PageText], sections: list[Section], owner: list[int]) -> list[Item]:
    """Items of every section, nested by marker, each re-joined across page breaks."""
    by_id = {s.section_id: s for s in sections}
    paragraphs = [p for page in pages for p in page.paragraphs]
    items: list[Item] = []
    open_items: list[tuple[int, Item]] = []  # (rank, item) from outermost to innermost
    section_id = None
    for paragraph, owner_id in zip(paragraphs, owner, strict=True):
        if owner_id != section_id:  # a new section closes every open item
            section_id, open_items = owner_id, []
            if by_id[owner_id].heading is not None and _is_heading(paragraph, by_id[owner_id]):
                continue
        marker = _marker(paragraph.text)
        if marker is None:
            _continue_item(open_items, paragraph)
            continue
        rank = RANK.get(marker, 1)
        while open_items and open_items[-1][0] >= rank:
            open_items.pop()
        parent = open_items[-1][1] if open_items else None
        siblings = [i for i in items if i.section_id == section_id and
                    i.parent_item_id == (parent.item_id if parent else None)]
        section = by_id[section_id]
        item = Item(
            item_id=len(items) + 1, section_id=section_id, section_kind=section.inherited_kind,
            parent_item_id=parent.item_id if parent else None, ordinal=len(siblings) + 1,
            marker=marker, text=paragraph.text, page_no=paragraph.page_no,
        )
        items.append(item)
        open_items.append((rank, item))
    return items


def _is_heading(paragraph: Paragraph, section: Section) -> bool:
    return paragraph.text == section.heading


def _marker(text: str) -> str | None:
    match = ENUMERATION.match(text) or BULLET.match(text)
    return " ".join(match.group("marker").split()) if match else None


def _continue_item(open_items: list[tuple[int, Item]], paragraph: Paragraph) -> None:
    """An unmarked paragraph goes on the open item when it continues it: a sentence cut by
    a page break, or the body of an enumerated point ("Thứ hai: …" then its paragraphs).
    Otherwise it is section text, and the run of items ends."""
    if not open_items:
        return
    item = open_items[-1][1]
    cut = not item.text.endswith(SENTENCE_END) and paragraph.text[:1].islower()
    if cut:
        item.text += " " + paragraph.text
    elif open_items[-1][0] == RANK["enumeration"]:
        item.text += "\n" + paragraph.text
    else:
        open_items.clear()
