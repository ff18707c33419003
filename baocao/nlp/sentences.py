"""Sentence boundaries with underthesea, returned as spans so figures keep exact offsets."""

from __future__ import annotations


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (a paragraph), in order, covering it."""
    from underthesea import sent_tokenize  # loaded on first use: workers never need it

    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in sent_tokenize(text):
        start = text.find(sentence, pos)
        if start < 0:  # the tokenizer changed the text: keep what is left as one sentence
            break
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    if pos < len(text) and text[pos:].strip():
        start = len(text) - len(text[pos:].lstrip())
        spans.append((start, len(text)))
    return spans


def sentence_at(text: str, spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span of the sentence holding character `offset`, or of the whole text."""
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return 0, len(text)
