"""The development set: real State Audit report passages, scanned, with hand-made gold."""

from __future__ import annotations

import json

import pytest
from conftest import DEVSET, require_shared
from rapidfuzz.distance import Levenshtein

from baocao.datamodel import DocumentResult
from baocao.pipelines.process import process_file


@pytest.fixture(autouse=True)
def _devset() -> None:
    require_shared(DEVSET)

DOCS = ["d13_ktnn_kinhphi_bosung_tontai_scan", "d14_ktnn_ktmt_baihoc_scan",
        "d15_ktnn_dutoan_kiennghi_scan"]
# Character error rate of baocao's page text against the gold, per document. d14 is the
# "rough" scan (low resolution, blur, shadow) that plain OCR cannot read yet.
MAX_CER = {DOCS[0]: 0.02, DOCS[2]: 0.02}


def load_gold(name: str) -> dict:
    return json.loads((DEVSET / "gold" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> dict[str, DocumentResult]:
    out = {}
    for name in DOCS:
        gold = load_gold(name)
        out[name] = process_file(DEVSET / gold["file"])
    return out


def cer(got: str, want: str) -> float:
    return Levenshtein.distance(got, want) / max(len(want), 1)


@pytest.mark.parametrize("name", MAX_CER)
def test_page_text_close_to_gold(results: dict, name: str) -> None:
    result, gold = results[name], load_gold(name)
    assert result.status == "ok"
    got = "\n".join(t.text for t in result.texts)
    assert cer(got, "\n".join(gold["text"])) <= MAX_CER[name]
    assert len(result.texts) == gold["n_pages"]


@pytest.mark.parametrize("name", MAX_CER)
def test_sections_match_gold(results: dict, name: str) -> None:
    result, gold = results[name], load_gold(name)
    got = [s for s in result.sections if s.heading]
    assert [(s.kind, s.page_start) for s in got] == [(g["kind"], g["page"]) for g in
                                                      gold["sections"]]
    for s, g in zip(got, gold["sections"], strict=True):
        assert cer(s.heading, g["heading"]) < 0.05


@pytest.mark.parametrize("name", DOCS)
def test_no_wrong_figures(results: dict, name: str) -> None:
    """Every figure found is one of the gold figures, with its value: a wrong value is
    worse than a missing one, even on the rough scan."""
    gold = {(f["kind"], f["value"], f["page"]) for f in load_gold(name)["figures"]}
    found = [(f.kind, f.value, f.page_no) for f in results[name].figures]
    assert [f for f in found if f not in gold] == []


def test_figure_recall_on_readable_scans(results: dict) -> None:
    wanted = found = 0
    for name in MAX_CER:
        gold = [(f["kind"], f["value"], f["page"]) for f in load_gold(name)["figures"]]
        got = [(f.kind, f.value, f.page_no) for f in results[name].figures]
        wanted += len(gold)
        found += sum(1 for g in gold if g in got)
    assert found / wanted >= 0.7
