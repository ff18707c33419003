"""The text stages over a document's pages: clean pages, sections, figures with what they
measure and their boxes, items, passages, printed tables, metadata. Pages are cleaned and
their figures boxed one at a time; the words are then let go."""

from __future__ import annotations

from dataclasses import replace

from baocao.datamodel import (
    Box,
    DocumentResult,
    Figure,
    PageContent,
    PageText,
    Paragraph,
    Passage,
    Section,
    Word,
    extend,
)
from baocao.nlp.checks import check_figures
from baocao.nlp.context import describe
from baocao.nlp.facts import settle
from baocao.nlp.figures import find_figures
from baocao.nlp.items import find_items
from baocao.nlp.layout import clean_page
from baocao.nlp.meaning import passage_kind
from baocao.nlp.metadata import read_metadata
from baocao.nlp.plausibility import mend, second_reading, weigh_figures
from baocao.nlp.sections import tag_sections
from baocao.nlp.sentences import sentence_at, sentence_spans
from baocao.nlp.table_figures import table_figures
from baocao.nlp.tables import read_tables, table_flags, table_page


def analyse(read: DocumentResult, repeated: set[str]) -> DocumentResult:
    """The document with the nlp stages run on the pages read, and its status. Pages are
    cleaned and their figures boxed one at a time; the words are then let go."""
    good = [p for p in read.pages if not p.error]
    bad = [p for p in read.pages if p.error]
    error = read.error
    if bad and not error:
        error = "; ".join(f"page {p.page_no}: {p.error}" for p in bad)
    if not good:
        return replace(read, status="failed", error=error or "no page could be read")
    status = "ok" if not bad and len(good) == read.n_pages else "partial"
    if len(good) < read.n_pages and not error:
        error = f"only {len(good)} of {read.n_pages} pages were read"
    texts: list[PageText] = []
    found: list[Figure] = []
    with_tables: list[PageContent] = []
    for page in read.page_store if read.page_store is not None else read.pages:
        if page.error:
            continue
        text = clean_page(page, repeated)
        found += page_figures(text)
        texts.append(replace(  # a footnote kept as the store gives it back: its text, its place
            text, paragraphs=[replace(p, words=()) for p in text.paragraphs],
            footnotes=[Paragraph(f.page_no, f.text, f.start) for f in text.footnotes]))
        if page.tables:
            with_tables.append(table_page(page))
    sections, owner = tag_sections(texts)
    figures, flags = check_figures(texts, in_sections(found, texts, sections, owner))
    tables = read_tables(with_tables)
    in_tables = table_figures(tables, sections, len(figures) + 1)
    flags += table_flags(tables, in_tables)
    figures, doubted = weigh_figures(texts, figures + in_tables)
    metadata = read_metadata(texts)
    return replace(
        read, status=status, error=error, texts=texts, sections=sections,
        items=find_items(texts, sections, owner),
        passages=make_passages(texts, sections, owner),
        figures=settle(figures, sections, tables, metadata), flags=flags + doubted,
        tables=tables, metadata=metadata,
    )


def make_passages(texts: list[PageText], sections: list[Section], owner: list[int]
                  ) -> list[Passage]:
    """Every paragraph with its section and what its own sentences report, for full-text
    search."""
    by_id = {s.section_id: s for s in sections}
    paragraphs = [(page.page_no, p) for page in texts for p in page.paragraphs]
    passages = []
    for index, (page_no, paragraph) in enumerate(paragraphs):
        section = by_id.get(owner[index]) if sections else None
        kind, confidence = passage_kind(paragraph.text)
        passages.append(Passage(
            passage_id=index + 1, page_no=page_no,
            section_id=section.section_id if section else None,
            section_kind=section.inherited_kind if section else None,
            text=paragraph.text, char_start=paragraph.start,
            kind=kind, kind_confidence=confidence,
        ))
    return passages


def place_figures(
    texts: list[PageText], sections: list[Section], owner: list[int]
) -> list[Figure]:
    """Find figures paragraph by paragraph; attach page, sentence, section, what each
    measures (subject, places, year) and its box on the page image."""
    found = [f for page in texts for f in page_figures(page)]
    return in_sections(found, texts, sections, owner)


def page_figures(page: PageText) -> list[tuple[int | None, Figure]]:
    """The figures of one page with what each measures, its box and its second reading, each
    with the index of its paragraph on the page (None: of a footnote); in no section yet
    (see `in_sections`)."""
    figures: list[tuple[int | None, Figure]] = []
    places = [*enumerate(page.paragraphs), *((None, note) for note in page.footnotes)]
    for index, paragraph in places:
        matches = mend(paragraph.text, find_figures(paragraph.text))
        if not matches:
            continue
        spans = sentence_spans(paragraph.text)
        sentences: dict[tuple[int, int], str] = {}  # one string for a sentence's figures
        for m in matches:
            s_start, s_end = sentence_at(paragraph.text, spans, m.start)
            sentence = sentences.setdefault((s_start, s_end), paragraph.text[s_start:s_end])
            context = describe(sentence, m.start - s_start, m.end - s_start, m.kind, m.unit)
            start, end = paragraph.start + m.start, paragraph.start + m.end
            words = [w for a, b, w in paragraph.words if a < end and b > start]
            reread, agrees, handwritten = second_reading(words)
            figure = extend(
                m, Figure, figure_id=0, page_no=page.page_no, start=start, end=end,
                sentence=sentence, section_id=None, section_kind=None,
                value_low=m.value if m.value_low is None else m.value_low,
                value_high=m.value if m.value_high is None else m.value_high,
                subject=context.subject, locations=tuple(context.locations), year=context.year,
                bbox=_box(words), line_boxes=tuple(_line_boxes(words)),
                confidence=_confidence(words), reread=reread, reread_agrees=agrees,
                handwritten=handwritten, footnote=index is None,
                sentence_start=paragraph.start + s_start,
            )
            figures.append((index, figure))
    return figures


def in_sections(found: list[tuple[int | None, Figure]], texts: list[PageText],
                sections: list[Section], owner: list[int]) -> list[Figure]:
    """The pages' figures numbered in document order, each placed in the section its
    paragraph stands in (a footnote's in none)."""
    by_id = {s.section_id: s for s in sections}
    first: dict[int, int] = {}  # page → index of its first paragraph in the document
    total = 0
    for page in texts:
        first[page.page_no], total = total, total + len(page.paragraphs)
    placed = []
    for n, (index, f) in enumerate(found, 1):
        section = (by_id.get(owner[first[f.page_no] + index])
                   if sections and index is not None else None)
        placed.append(replace(f, figure_id=n,
                              section_id=section.section_id if section else None,
                              section_kind=section.inherited_kind if section else None))
    return placed


def _box(hit: list[Word]) -> Box | None:
    """The union of the boxes of the words the figure's characters fall in."""
    if not hit:
        return None
    return Box(
        min(w.left for w in hit),
        min(w.top for w in hit),
        max(w.left + w.width for w in hit),
        max(w.top + w.height for w in hit),
    )


def _line_boxes(hit: list[Word]) -> list[Box]:
    """A box for each printed line of a figure that wraps onto the next, none for a figure on
    one line: its words in reading order, a new line where a word stands clear of the last
    line's height (words of one line overlap by more than half the smaller's height)."""
    lines: list[list[Word]] = []
    for w in hit:
        if lines:
            top = min(v.top for v in lines[-1])
            bottom = max(v.top + v.height for v in lines[-1])
            shared = min(bottom, w.top + w.height) - max(top, w.top)
            if shared > min(bottom - top, w.height) / 2:
                lines[-1].append(w)
                continue
        lines.append([w])
    return [_box(line) for line in lines] if len(lines) > 1 else []


def _confidence(hit: list[Word]) -> float | None:
    """The lowest OCR confidence among the figure's words: one misread digit is enough to
    make its value wrong. None for text-layer words, which have no confidence."""
    confs = [w.conf for w in hit if w.conf is not None]
    return min(confs) if confs else None
