"""Character error rate of baocao's page text against plain Tesseract, run by hand:
`.venv/bin/python bench/bench_cer.py` (add `--only degraded` to skip the extra rows).

For every page of `samples/degraded/` (see `samples/make_degraded.py`), and as extra rows the
ordinary samples (`samples/*.pdf|png`), the synthetic reports (`samples/reports/`) and the
development set (`../shared/devset/docs`), it measures in one run:

- baocao: `process_file(path)` in this process, the page text `result.texts[i].text`;
- plain Tesseract: `tesseract IMAGE - -l vie` (one thread: OMP_THREAD_LIMIT=1) on the page
  rendered with pypdfium2 at 300 DPI in greyscale (PDFs, text-layer pages too: the CLI sees
  what a scan of the page would show), or on the image file as it is (JPEG, PNG, TIFF; a
  multi-page TIFF gives one text per frame, split at Tesseract's form feeds).

CER = Levenshtein edit distance / gold length, both sides normalised alike: NFC, every run of
whitespace (line breaks included) collapsed to one space, stripped. So line wrapping and
paragraph breaks cost nothing; every letter, mark, digit and punctuation mark counts. Totals
are character-weighted: the sum of the distances over the sum of the gold lengths.

The gold page text holds the body only (no running header, page number or nav strip), which
baocao removes too. Plain Tesseract's output still has them, so for a fair comparison they
are removed from its output (and only from its output) by one simple rule: among the first
three and the last three non-empty lines of a page, a line is dropped when it matches one of
the header/footer lines printed on that page (the degraded gold's `headers`/`footers`, the
seed pages' header, page number and nav strip from make_samples.py, the reports' running
header and page number from make_reports.py, the devset's `layout.header`) with a
rapidfuzz `fuzz.ratio` of at least 70, or when it has no letter at all (a page number).

Times: baocao's `result.seconds` per file (open, render, OCR, text stages) against the
Tesseract CLI calls alone (the 300-DPI renders are made beforehand, untimed); the difference
per page is what baocao's preparation and text stages cost. The exit code is always 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEGRADED = SAMPLES / "degraded"
REPORTS = SAMPLES / "reports"
DEVSET = REPO.parent / "shared" / "devset"
DPI = 300
MARGIN_LINES = 3  # lines at the top and bottom of a page where headers/footers are looked for
MARGIN_RATIO = 70  # rapidfuzz fuzz.ratio for a line to count as a known header/footer line
TARGET_RATIO = 0.7  # baocao CER / plain Tesseract CER over the degraded set

sys.path.insert(0, str(SAMPLES))


@dataclass
class Doc:
    """One input file, its gold page texts and the header/footer lines printed per page."""

    path: Path
    group: str  # "degraded", "samples", "reports", "devset"
    variant: str  # the row it is counted in
    gold: list[str]
    margins: list[list[str]]
    sources: list[str] = field(default_factory=list)  # gold page sources, where known


@dataclass
class Measured:
    """Per-page results for one file."""

    doc: Doc
    ours: list[str]
    plain: list[str]
    ours_seconds: float
    plain_seconds: float
    ours_sources: list[str]
    error: str | None = None


def normalise(text: str) -> str:
    """NFC, whitespace runs to one space, stripped: applied to gold and output alike."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- the documents -------------------------------------------------------------------------


def degraded_docs() -> list[Doc]:
    docs = []
    for gold_file in sorted((DEGRADED / "gold").glob("*.json")):
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        margins = [h + f for h, f in zip(g["headers"], g["footers"], strict=True)]
        docs.append(
            Doc(
                DEGRADED / g["file"],
                "degraded",
                g["variant"],
                g["pages"],
                margins,
                g["page_sources"],
            )
        )
    return docs


def sample_docs() -> list[Doc]:
    import make_samples as ms

    seeds = [ms.load_page(spec) for spec in (ms.BACNINH, ms.BACGIANG)]
    by_text = {ms.page_text(p): [*p.header, p.page_no, *([p.nav] if p.nav else [])] for p in seeds}
    docs = []
    for path in sorted([*SAMPLES.glob("*.pdf"), *SAMPLES.glob("*.png")]):
        stem = path.stem if path.suffix == ".pdf" else f"{path.stem}_{path.suffix[1:]}"
        gold_file = SAMPLES / "gold" / f"{stem}.json"
        if not gold_file.exists():
            continue
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        variant = f"samples: {g['source']} {path.suffix[1:]}"
        docs.append(
            Doc(
                path,
                "samples",
                variant,
                g["text"],
                [by_text.get(t, []) for t in g["text"]],
                [g["source"]] * len(g["text"]),
            )
        )
    return docs


def report_docs() -> list[Doc]:
    import make_reports as mr

    reports = {r.stem: r for r in mr.REPORTS}
    docs = []
    for path in sorted(REPORTS.glob("*.pdf")):
        gold_file = REPORTS / "gold" / f"{path.stem}.json"
        if not gold_file.exists() or path.stem not in reports:
            continue
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        header = mr.running_header(reports[path.stem])
        margins = [([header] if n > 1 else []) + [str(n)] for n in range(1, len(g["text"]) + 1)]
        docs.append(
            Doc(path, "reports", "reports: scan pdf", g["text"], margins, ["ocr"] * len(g["text"]))
        )
    return docs


def devset_docs() -> list[Doc]:
    docs = []
    for gold_file in sorted((DEVSET / "gold").glob("*.json")):
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        path = DEVSET / g["file"]
        if not path.exists():
            continue
        header = g.get("layout", {}).get("header")
        margins = [[header] if header else [] for _ in g["text"]]
        variant = f"devset: {g.get('degradation', '?')} {g.get('format', path.suffix[1:])}"
        docs.append(Doc(path, "devset", variant, g["text"], margins, ["ocr"] * len(g["text"])))
    return docs


# --- the two readers -----------------------------------------------------------------------


def page_images(path: Path, folder: Path) -> list[Path]:
    """What the plain CLI reads: each PDF page at 300 DPI greyscale (written uncompressed,
    untimed), or the image file as it is."""
    if path.suffix.lower() != ".pdf":
        return [path]
    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for i in range(len(pdf)):
            image = pdf[i].render(scale=DPI / 72, grayscale=True).to_pil()
            out.append(folder / f"{path.stem}-{i + 1}.pgm")
            image.save(out[-1])
    finally:
        pdf.close()
    return out


def n_frames(path: Path) -> int:
    if path.suffix.lower() == ".pdf":
        return 1
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def plain_tesseract(images: list[Path]) -> tuple[list[str], float]:
    """`tesseract IMAGE - -l vie` per image, one thread; page texts (split at form feeds,
    one per frame of a multi-page image) and the seconds the calls took."""
    env = os.environ | {"OMP_THREAD_LIMIT": "1"}
    texts, seconds = [], 0.0
    for image in images:
        start = time.perf_counter()
        proc = subprocess.run(
            ["tesseract", str(image), "-", "-l", "vie"], capture_output=True, env=env, check=False
        )
        seconds += time.perf_counter() - start
        out = proc.stdout.decode("utf-8", errors="replace")
        pages = out.split("\f")
        if len(pages) > 1 and not pages[-1].strip():
            pages.pop()
        texts += pages[: n_frames(image)]
    return texts, seconds


def strip_margins(text: str, margins: list[str]) -> str:
    """Drop the running header / page number lines from plain Tesseract's output (see the
    module docstring for the rule)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    known = [normalise(m) for m in margins if normalise(m)]

    def is_margin(line: str) -> bool:
        line = normalise(line)
        if not any(ch.isalpha() for ch in line):
            return True
        return any(fuzz.ratio(line, m) >= MARGIN_RATIO for m in known)

    n = len(lines)
    edge = set(range(min(MARGIN_LINES, n))) | set(range(max(n - MARGIN_LINES, 0), n))
    return "\n".join(ln for i, ln in enumerate(lines) if not (i in edge and is_margin(ln)))


def baocao_pages(path: Path, n_pages: int) -> tuple[list[str], list[str], float, str | None]:
    """baocao's clean page texts (empty for a page it did not read), page sources, seconds."""
    from baocao.pipelines.process import process_file

    try:
        result = process_file(path)
    except Exception as exc:  # a report, not a test: keep going
        return [""] * n_pages, ["?"] * n_pages, 0.0, f"{type(exc).__name__}: {exc}"
    # the text with its furniture in place (motto, "Nơi nhận", signature block): the gold
    # transcribes the whole page, and pages.text keeps the furniture in its own column
    texts = {t.page_no: t.full_text or t.text for t in result.texts}
    sources = {p.page_no: p.source for p in result.pages}
    return (
        [texts.get(n, "") for n in range(1, n_pages + 1)],
        [sources.get(n, "-") for n in range(1, n_pages + 1)],
        result.seconds,
        result.error,
    )


def measure(doc: Doc, folder: Path) -> Measured:
    n = len(doc.gold)
    ours, ours_sources, ours_s, error = baocao_pages(doc.path, n)
    plain, plain_s = plain_tesseract(page_images(doc.path, folder))
    plain = [strip_margins(t, m) for t, m in zip(plain, doc.margins, strict=False)]
    plain += [""] * (n - len(plain))
    return Measured(doc, ours, plain[:n], ours_s, plain_s, ours_sources, error)


# --- the report ----------------------------------------------------------------------------


@dataclass
class Tally:
    files: int = 0
    pages: int = 0
    chars: int = 0
    ours: int = 0  # edit distance
    plain: int = 0
    ours_s: float = 0.0
    plain_s: float = 0.0

    def add(self, m: Measured) -> None:
        self.files += 1
        self.ours_s += m.ours_seconds
        self.plain_s += m.plain_seconds
        for gold, ours, plain in zip(m.doc.gold, m.ours, m.plain, strict=True):
            ref = normalise(gold)
            self.pages += 1
            self.chars += len(ref)
            self.ours += Levenshtein.distance(normalise(ours), ref)
            self.plain += Levenshtein.distance(normalise(plain), ref)

    @property
    def cer_ours(self) -> float:
        return self.ours / max(self.chars, 1)

    @property
    def cer_plain(self) -> float:
        return self.plain / max(self.chars, 1)

    @property
    def ratio(self) -> float:
        return self.cer_ours / self.cer_plain if self.cer_plain else float("inf")


HEAD = (
    f"{'variant':26s} {'files':>5s} {'pages':>5s} {'chars':>7s} {'baocao':>8s} "
    f"{'tesseract':>9s} {'ratio':>6s} {'baocao s/p':>10s} {'tess s/p':>8s}"
)


def row(name: str, t: Tally) -> str:
    ratio = f"{t.ratio:6.2f}" if t.cer_plain else "     -"
    return (
        f"{name:26s} {t.files:5d} {t.pages:5d} {t.chars:7d} {t.cer_ours:8.3f} "
        f"{t.cer_plain:9.3f} {ratio} {t.ours_s / t.pages:10.2f} {t.plain_s / t.pages:8.2f}"
    )


def report(results: list[Measured], verbose: bool) -> None:
    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    totals: dict[str, Tally] = defaultdict(Tally)
    ocr_only: dict[str, Tally] = defaultdict(Tally)
    for m in results:
        groups[m.doc.group][m.doc.variant].add(m)
        totals[m.doc.group].add(m)
        if all(s == "ocr" for s in m.doc.sources):
            ocr_only[m.doc.group].add(m)

    if verbose:
        print("per page (CER baocao / tesseract, baocao's page source):")
        for m in results:
            for i, (gold, ours, plain) in enumerate(zip(m.doc.gold, m.ours, m.plain, strict=True)):
                ref = normalise(gold)
                a = Levenshtein.distance(normalise(ours), ref) / max(len(ref), 1)
                b = Levenshtein.distance(normalise(plain), ref) / max(len(ref), 1)
                print(f"  {m.doc.path.name:40s} p{i + 1}  {a:6.3f} {b:6.3f}  {m.ours_sources[i]}")
            if m.error:
                print(f"  {m.doc.path.name:40s} baocao error: {m.error}")
        print()

    for group, variants in groups.items():
        title = "degraded set (samples/degraded)" if group == "degraded" else f"extra: {group}"
        print(title)
        print(HEAD)
        for name, t in variants.items():
            print(row(name, t))
        print(row("ALL", totals[group]))
        print()

    if "degraded" not in totals:
        return
    t = totals["degraded"]
    print("targets (degraded set):")
    print(
        f"  overall CER: baocao {t.cer_ours:.3f}, plain tesseract {t.cer_plain:.3f} "
        f"(character-weighted over {t.pages} pages, {t.chars} gold characters)"
    )
    met = t.ratio <= TARGET_RATIO
    print(
        f"  ratio baocao / tesseract: {t.ratio:.2f} (target <= {TARGET_RATIO}): "
        f"{'MET' if met else 'NOT MET'}"
    )
    worse = [n for n, v in groups["degraded"].items() if v.cer_ours > v.cer_plain]
    print(
        f"  no variant worse than plain tesseract: {'MET' if not worse else 'NOT MET'}"
        + (f" (worse: {', '.join(worse)})" if worse else "")
    )
    ours, plain = t.ours_s / t.pages, t.plain_s / t.pages
    print(
        f"  seconds per page, all pages: baocao {ours:.2f}, plain tesseract {plain:.2f}, "
        f"difference {ours - plain:+.2f}"
    )
    o = ocr_only.get("degraded")
    if o and o.pages:
        ours, plain = o.ours_s / o.pages, o.plain_s / o.pages
        print(
            f"  seconds per page, scanned files only ({o.pages} pages): baocao {ours:.2f}, "
            f"plain tesseract {plain:.2f}, difference (preparation cost) {ours - plain:+.2f}"
        )
    for group, t in totals.items():
        if group != "degraded":
            print(
                f"  extra {group}: CER baocao {t.cer_ours:.3f}, tesseract {t.cer_plain:.3f}, "
                f"ratio {t.ratio:.2f}, s/page {t.ours_s / t.pages:.2f} vs "
                f"{t.plain_s / t.pages:.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only",
        choices=("degraded", "samples", "reports", "devset"),
        help="measure one set only (default: all)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="CER of every page")
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"  # baocao's Tesseract and the plain CLI alike

    loaders = {
        "degraded": degraded_docs,
        "samples": sample_docs,
        "reports": report_docs,
        "devset": devset_docs,
    }
    docs: list[Doc] = []
    for name, load in loaders.items():
        if args.only in (None, name):
            try:
                docs += load()
            except Exception as exc:  # a missing set is a row less, not a failed report
                print(f"({name}: not measured: {type(exc).__name__}: {exc})")
    if not docs:
        print("nothing to measure: run samples/make_degraded.py first")
        return

    from baocao.pipelines.process import process_file

    process_file(SAMPLES / "khuyencong_p62_p56_digital.pdf")  # warm-up: imports, models
    n_pages = sum(len(d.gold) for d in docs)
    print(
        f"{len(docs)} files, {n_pages} pages; baocao in-process, plain `tesseract - -l vie` "
        f"with OMP_THREAD_LIMIT=1\n"
    )
    results = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-cer-") as tmp:
        for doc in docs:
            results.append(measure(doc, Path(tmp)))
    report(results, args.verbose)
    print(f"\n(run took {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # a report: say what broke, exit 0 all the same
        print(f"benchmark stopped: {type(exc).__name__}: {exc}")
    sys.exit(0)
