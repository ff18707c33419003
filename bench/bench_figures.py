"""Figure-extraction benchmark, run by hand: figures and pages per second of the extractor
alone (and with its context tagging) on real report text, and its share of the whole
pipeline's time on the samples. Medians of repeated runs in one process."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from baocao.nlp.context import _tag, describe
from baocao.nlp.counts import _tagged_noun
from baocao.nlp.figures import find_figures
from baocao.pipelines.analyse import place_figures
from baocao.pipelines.process import process_file

REPO = Path(__file__).resolve().parents[1]
GOLDS = sorted((REPO / "samples" / "gold").glob("*.json")) + sorted(
    (REPO.parent / "shared" / "devset" / "gold").glob("*.json")
)


def pages() -> list[str]:
    """Every page text of the samples' and the development set's gold."""
    return [page for path in GOLDS for page in json.loads(path.read_text("utf-8"))["text"]]


def median_seconds(work, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    texts = pages()
    n_figures = sum(len(find_figures(p)) for p in texts)
    print(f"text: {len(texts)} pages, {sum(map(len, texts))} characters, {n_figures} figures")

    def extract_cold() -> None:  # the tagger's answers for unknown nouns are not reused
        _tagged_noun.cache_clear()
        for page in texts:
            find_figures(page)

    alone = median_seconds(extract_cold, 21)
    print(f"extractor alone:  {len(texts) / alone:8.0f} pages/s  {n_figures / alone:8.0f} "
          "figures/s")

    def with_context() -> None:
        _tag.cache_clear()
        _tagged_noun.cache_clear()
        for page in texts:
            for paragraph in page.split("\n"):
                for f in find_figures(paragraph):
                    describe(paragraph, f.start, f.end, f.kind, f.unit)

    context = median_seconds(with_context, 5)
    print(f"with context:     {len(texts) / context:8.0f} pages/s  {n_figures / context:8.0f} "
          "figures/s (subject, places, year; underthesea per sentence with figures)")

    samples = sorted(p for p in (REPO / "samples").iterdir() if p.suffix in (".pdf", ".png"))
    shares = []
    for path in samples:
        total = median_seconds(lambda path=path: process_file(path), 3)
        result = process_file(path)
        owner_sections = result.sections

        def figures_only(result=result, sections=owner_sections) -> None:
            _tag.cache_clear()
            _tagged_noun.cache_clear()
            from baocao.nlp.sections import tag_sections

            _, owner = tag_sections(result.texts)
            place_figures(result.texts, sections, owner)

        part = median_seconds(figures_only, 3)
        shares.append(part / total)
        print(f"  {path.name:34s} pipeline {total:6.2f} s, figures {part * 1000:6.1f} ms "
              f"({100 * part / total:4.1f} %)")
    print(f"figures' share of pipeline time on the samples: median "
          f"{100 * statistics.median(shares):.1f} %")


if __name__ == "__main__":
    main()
