"""Every figure's trust: what the text proves is no figure is set right or left out, what is
implausible or doubted (OCR, its second reading, handwriting) is flagged to_check and left out
of totals until a person confirms it. Sentences written after real provincial reports; the
expected values are read from them."""

from __future__ import annotations

from pathlib import Path

from conftest import rows, run_cli
from flagdoc import make_flag_page

from baocao.datamodel import Figure, PageText, Paragraph, Word
from baocao.nlp.checks import check_figures
from baocao.nlp.plausibility import (
    AGREED,
    DOUBTED,
    SURE_READ,
    TO_CHECK_BELOW,
    implausible,
    second_reading,
    weigh_figures,
)
from baocao.outputs.summary import collect
from baocao.pipelines.analyse import place_figures


def page_of(text: str, words: list[tuple[int, int, Word]] | None = None) -> PageText:
    return PageText(1, text, [Paragraph(1, text, 0, words=words or [])])


def weighed(text: str, words: list[tuple[int, int, Word]] | None = None):
    """One paragraph through the real figure stage, the checks and the weighing."""
    page = page_of(text, words)
    figures, flags = check_figures([page], place_figures([page], [], [0]))
    figures, doubted = weigh_figures([page], figures)
    return figures, flags + doubted


def found(text: str) -> list[tuple[str, float, str, float | None]]:
    figures, _ = weighed(text)
    return [(f.kind, f.value, f.unit, f.of_total) for f in figures]


def test_a_fraction_split_by_a_blank_is_a_count_of_its_total() -> None:
    # OCR put a blank after the slash of "09/12 xã": 9 communes of 12, not 12 communes
    text = "Đến nay toàn huyện có 09/ 12 xã đạt chuẩn nông thôn mới, chiếm 75%."
    assert found(text) == [("count", 9, "xã", 12), ("percent", 75, "%", None)]
    assert found(text.replace("09/ 12", "09/12")) == found(text)
    [count, _] = weighed(text)[0]
    assert count.raw == "09/ 12 xã" and not count.to_check


def test_a_split_fraction_that_cannot_be_one_is_no_figure() -> None:
    # 36 of 24 is no part of a whole: neither number is a count of cases
    assert found("Trong kỳ, Thanh tra tỉnh đã xử lý 36/ 24 vụ việc.") == []


def test_a_year_that_took_its_neighbours_unit_is_no_figure() -> None:
    # "năm 2025" misread "3025" sits before "và 95%": it is the year, not a percentage
    text = "Phấn đấu tỷ lệ hộ dân dùng nước sạch đạt 90% trong năm 3025 và 95% vào năm 2030."
    assert found(text) == [("percent", 90, "%", None), ("percent", 95, "%", None)]
    # "mỗi năm" is "a year": the counts after it stay, sharing their noun
    assert found("Mỗi năm 5 và 7 cuộc thanh tra được tiến hành.") == [
        ("count", 5, "cuộc", None), ("count", 7, "cuộc", None)]


def test_a_year_like_number_with_a_borrowed_unit_is_to_check() -> None:
    figures, flags = weighed("Tỷ lệ giải ngân đạt 3025 và 80% kế hoạch.")
    doubted = {f.raw: f for f in figures}
    assert doubted["3025"].to_check and doubted["3025"].trust <= DOUBTED
    assert not doubted["80%"].to_check and doubted["80%"].trust == 1.0
    [flag] = [g for g in flags if g.flag == "to_check"]
    assert "year-like" in flag.detail and "over 1000" in flag.detail


def test_a_number_after_a_stray_mark_is_to_check() -> None:
    # an italic "3,15%" read "3, l 5%": the 5% is the tail of a damaged number
    figures, flags = weighed("Số hồ sơ quá hạn là 125 hồ sơ, chiếm tỷ lệ 3, l 5%.")
    assert [(f.raw, f.to_check) for f in figures] == [("125 hồ sơ", False), ("5%", True)]
    assert [(g.figure_id, g.flag) for g in flags] == [(figures[1].figure_id, "to_check")]
    assert "stray mark" in flags[0].detail and figures[1].flags == ["to_check"]
    # a list with a blank after its comma is no damage
    figures, _ = weighed("Tỷ lệ hộ nghèo các năm lần lượt là 4, 3 và 2%.")
    assert not any(f.to_check for f in figures)


def test_a_percentage_over_1000_needs_a_multiple() -> None:
    [alone], _ = weighed("Doanh thu năm 2023 tăng 1.250% so với năm 2020.")
    assert alone.value == 1250 and alone.to_check
    [multiple], flags = weighed("Doanh thu năm 2023 tăng 1.250% (gấp 13,5 lần) so với năm 2020.")
    assert multiple.value == 1250 and not multiple.to_check and flags == []


def test_a_count_with_decimals_is_implausible() -> None:
    # the finder never makes one; a figure from elsewhere (a table) is weighed the same
    base = {"figure_id": 1, "unit": "người", "page_no": 1, "start": None, "end": None,
            "sentence": "", "section_id": None, "section_kind": None, "table_id": 1}
    half = Figure(kind="count", value=2.5, raw="2,5", value_low=2.5, value_high=2.5, **base)
    whole = Figure(kind="count", value=2500, raw="2,5", value_low=2500, value_high=2500,
                   scale="nghìn", **base)
    assert implausible(half) == ["a count with decimals"] and implausible(whole) == []


def word(text: str, conf: float | None = 95, reread: str | None = None,
         handwritten: bool | None = None) -> Word:
    return Word(text, 0, 0, 10, 10, conf=conf, reread=reread, handwritten=handwritten)


def test_second_reading_of_a_figures_words() -> None:
    assert second_reading([word("1.250", reread="1250"), word("hộ")]) == ("1250", True, None)
    assert second_reading([word("1.250", reread="1850"), word("hộ")]) == ("1850", False, None)
    # one of two numbers re-read and agreeing: no verdict; none re-read: none either
    assert second_reading([word("2", reread="2"), word("tỷ"), word("500"),
                           word("triệu")]) == ("2", None, None)
    assert second_reading([word("320"), word("triệu")]) == (None, None, None)
    # a second reading that came back empty is no reading, not a disagreement
    assert second_reading([word("3", reread=""), word("xã")]) == (None, None, None)
    assert second_reading([word("15", handwritten=True), word("hộ", handwritten=False)])[2]


SCANNED = "Kinh phí hỗ trợ là 320 triệu đồng."


def scanned(conf: float, reread: str | None = None, handwritten: bool | None = None):
    """SCANNED as OCR gave it, the number read with `conf` and re-read as `reread`."""
    spans, words, at = [], [], 0
    for text in SCANNED.split(" "):
        number = text == "320"
        w = word(text, conf if number else 99, reread if number else None,
                 handwritten if number else None)
        spans.append((at, at + len(text), w))
        words.append(w)
        at += len(text) + 1
    [figure], flags = weighed(SCANNED, spans)
    return figure, [g.flag for g in flags]


def test_an_agreeing_second_reading_vouches_for_a_doubtful_ocr_figure() -> None:
    figure, flags = scanned(55)
    assert figure.value == 320e6 and figure.to_check and figure.trust == 0.55
    assert flags == ["low_confidence", "to_check"]
    figure, flags = scanned(55, reread="320")
    assert figure.reread_agrees and figure.trust == AGREED and not figure.to_check
    assert flags == []


def test_a_disagreeing_second_reading_or_handwriting_is_to_check() -> None:
    figure, flags = scanned(85, reread="820")
    assert figure.reread == "820" and figure.reread_agrees is False
    assert figure.to_check and figure.trust < TO_CHECK_BELOW and flags == ["to_check"]
    # a first reading OCR was sure of outweighs the second: kept, trusted less than it was
    figure, flags = scanned(96, reread="820")
    assert figure.reread_agrees is False and not figure.to_check and flags == []
    assert figure.trust == SURE_READ / 100
    figure, flags = scanned(96, reread="320", handwritten=True)
    assert figure.handwritten and figure.to_check and flags == ["to_check"]
    figure, flags = scanned(96)
    assert figure.trust == 0.96 and not figure.to_check and flags == []


def amounts_total(db: Path) -> float:
    [block] = [b for _, blocks in collect(db).groups for b in blocks if b.key == "amounts"]
    return float(block.frame.iloc[:, -1].sum())


def test_a_figure_to_check_counts_once_a_person_confirms_it(tmp_path: Path) -> None:
    """A scan through the real pipeline: the amount struck through with a pen, which OCR
    reads unsure, is to_check; totals leave it out until `baocao correct --confirm`, and a
    re-run keeps the confirmation."""
    page = make_flag_page(tmp_path / "flags.png")
    db = tmp_path / "db.sqlite"
    assert run_cli("run", str(page), "--db", str(db)).returncode == 0
    doubted = rows(db, "SELECT figure_id, raw, value, trust FROM figures WHERE to_check = 1")
    assert [(r["raw"], r["value"]) for r in doubted] == [("7350 triệu đồng", 7350e6)]
    assert doubted[0]["trust"] < TO_CHECK_BELOW
    everything = rows(db, "SELECT sum(value) AS s FROM figures WHERE kind = 'amount'")[0]["s"]
    assert amounts_total(db) == everything - 7350e6
    to_check = [r for _, blocks in collect(db).groups for b in blocks if b.key == "flags-worst"
                for r in b.frame.itertuples(index=False) if r[2] == "to_check"]
    assert len(to_check) == 1
    proc = run_cli("correct", "flags.png", str(doubted[0]["figure_id"]), "--confirm",
                   "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert amounts_total(db) == everything
    [confirmed] = rows(db, "SELECT to_check, to_check_read FROM figures WHERE raw = "
                           "'7350 triệu đồng'")
    assert (confirmed["to_check"], confirmed["to_check_read"]) == (0, 1)
    assert run_cli("run", str(page), "--db", str(db), "--force").returncode == 0
    assert amounts_total(db) == everything
