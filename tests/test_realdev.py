"""Real scanned Quảng Ngãi documents (../shared/realdev, gold made by hand): the figures a
reader finds, scored by the set's own compare.py on a real `baocao run`."""

from __future__ import annotations

import re


def test_figures_of_real_documents_meet_the_bar(realdev_compared: str) -> None:
    """Recall ≥ 0.90, precision ≥ 0.95 and not one wrong value (the issue's bar)."""
    out = realdev_compared
    scores = re.search(r"wrong value=(\d+).*\n\s*precision=([\d.]+)\s+recall=([\d.]+)", out)
    assert scores, out
    wrong, precision, recall = int(scores[1]), float(scores[2]), float(scores[3])
    assert wrong == 0, out
    assert precision >= 0.95, out
    assert recall >= 0.90, out
