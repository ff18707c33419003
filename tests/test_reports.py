"""Multi-page synthetic provincial reports (scanned): outlines and items against gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, rows
from rapidfuzz.distance import Levenshtein

REPORTS = sorted((SAMPLES / "reports" / "gold").glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def close(got: str | None, want: str) -> bool:
    """OCR misreads a letter or adds a speck (" :", "THỤC" for "THỰC"): the text is the
    same when at most 2 characters, or 5% of it, differ."""
    return got is not None and Levenshtein.distance(got, want) <= max(2, 0.05 * len(want))


def marker_kind(marker: str) -> str:
    """The gold names the kind of marker: "Thứ hai" is a "Thứ nhất" marker, "Hai là" a "Một là"."""
    if marker.startswith("Thứ"):
        return "Thứ nhất"
    return "Một là" if marker.endswith("là") else marker


def test_there_are_six_reports() -> None:
    assert len(REPORTS) >= 6
    assert all(load(p)["n_pages"] >= 3 for p in REPORTS)


@pytest.mark.parametrize("gold_path", REPORTS, ids=lambda p: p.stem)
def test_outline(samples_db: Path, gold_path: Path) -> None:
    gold = load(gold_path)
    got = rows(samples_db, "SELECT s.* FROM sections s JOIN documents d USING (doc_id) "
               "WHERE d.filename = ? AND s.heading IS NOT NULL ORDER BY s.section_id",
               gold["file"])
    assert [(s["kind"], s["level"], s["page_start"], s["page_end"]) for s in got] == [
        (g["kind"], g["level"], g["page_start"], g["page_end"]) for g in gold["sections"]]
    for s, g in zip(got, gold["sections"], strict=True):
        assert close(s["heading"], g["heading"]), (s["heading"], g["heading"])


@pytest.mark.parametrize("gold_path", REPORTS, ids=lambda p: p.stem)
def test_items(samples_db: Path, gold_path: Path) -> None:
    gold = load(gold_path)
    got = rows(samples_db, "SELECT i.*, s.heading FROM items i JOIN documents d USING (doc_id) "
               "JOIN sections s ON s.doc_id = i.doc_id AND s.section_id = i.section_id "
               "WHERE d.filename = ? ORDER BY i.item_id", gold["file"])
    ids = {item["item_id"]: n for n, item in enumerate(got)}
    assert [(marker_kind(i["marker"]), i["page_no"], ids.get(i["parent_item_id"]))
            for i in got] == [(g["marker"], g["page"], g["parent"]) for g in gold["items"]]
    for i, g in zip(got, gold["items"], strict=True):
        assert close(i["heading"], g["section"]), (i["heading"], g["section"])
        assert close(i["text"], g["text"]), (i["text"], g["text"])
