"""What a figure measures, as a code of the catalogue (baocao/data/measures.csv), so that
figures compare across reports by what they measure; only when sure: a wrong one is worse than none.

Texts read in order, the first naming a measure of the figure's kind deciding (even None): the
subject; the words before the figure in its clause (one of only linking and time words takes the
clause before: "X đạt 12 tỷ đồng, tăng 5%" → "X đạt"), with the counted noun phrase for a count;
the phrase after a percentage ("80% số xã …"). A text names a measure when it holds one of its
wordings as whole words (without diacritics), not after a comparison ("so với", "trong") nor
coordinated ("kinh phí khuyến công quốc gia và địa phương" is their parent's). After "tăng" or
"giảm" a percentage of X is X_growth where there is one; a count's noun or an amount's currency
must be one of the units. The longest wording wins; unrelated measures equally long give None,
related ones their common ancestor. A share of a plan ("đạt 100% kế hoạch") is none. Generic
funding ("kinh phí", "tổng kinh phí") is khuyến công funding only in a sentence naming the
programme (national or local if only that one) and no other money its total may hold.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from baocao.vietnamese.text import fold

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
TOKEN = regex.compile(r"\d+(?:[.,/]\s?\d+)*|[\p{L}\p{M}]+|[^\s\p{L}\p{M}\d]")
STOPS = {".", ";", ":", "!", "?", ","}
# Words opening a comparison or an exception: "tỷ lệ so với tổng kinh phí thực hiện".
BASE_WORDS = {"so", "đối", "ngoài", "trừ", "trong"}
# Linking, time and qualifying words: a clause of only these names nothing of its own.
FILLER = set(
    "ước đạt tính là bằng có còn chỉ mới được khoảng trên hơn gần đã sẽ tăng giảm trưởng lên "
    "xuống tới đến từ với ở mức lũy luỹ kế chung tháng năm quý đầu cuối cả nay qua và nhẹ mạnh "
    "nhiều bình quân thực hiện dự kiến trong đó so cùng kỳ ck i ii iii iv khi vào thì bị chiếm "
    "tỷ tỉ lệ".split())
UNIT_WORDS = {"%", "đồng", "trđ", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "usd", "vnd"}
TIME_WORDS = {"tháng", "quý", "năm", "ngày", "đoạn", "kỳ"}
DATE = regex.compile(r"(?:19|20)\d\d|(?:\d+/)+(?:19|20)\d\d")  # "2023", "11/2023", "14/6/2017"
# "tăng 9,07%", "giảm nhiều (-9,28%)", "tăng bình quân 7%": a growth rate.
GROWTH = regex.compile(
    r"(?:tăng|giảm|tang|giam)(?:\s+trưởng)?(?:\s+(?:bình quân|khoảng|hơn|gần|trên|nhẹ|mạnh"
    r"|nhiều|thêm|ước|đạt|ở mức|là|được))*\s*[(\[]?\s*[-+−]?\s*$")
# "chiếm 3,20%", "chiếm tỷ lệ 3,14%": a share of what the clause before counts.
SHARE = regex.compile(r"chiếm(?:\s+(?:tỷ lệ|tỉ lệ|khoảng|gần|hơn|trên))*\s*$")
# What follows a percentage of a plan, an estimate or the same period.
OF_PLAN = regex.compile(r"(?:so với\s+|so\s+|của\s+)?(kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu"
                        r"|nhiệm vụ|cùng kỳ|năm trước|ck)\b")
# First words of a phrase after a percentage that is its base, not its measure ("so với", "của").
AFTER_SKIP = FILLER | BASE_WORDS | {"của", "kế", "tổng", "dự", "chỉ"}
PLAN_SHARES = {"public_investment_disbursement_rate"}  # a share of the plan by definition
GENERIC_FUNDS = regex.compile(  # folded
    r"(?:tong )?(?:so )?(?:nguon )?(?:kinh phi|tien|so tien)(?: ho tro)?(?: thuc hien)?"
    r"(?: duoc (?:giao|phan bo|bo tri|cap|duyet|phe duyet))?")
OTHER_FUNDS = ("doi ung", "huy dong", "von vay", "xa hoi hoa", "tu co", "nong thon moi",
               "ntm", "muc tieu quoc gia", "mtqg", "ctmtqg", "khuyen nong", "ocop")
KC_NAMES = ("khuyen cong", "kcqg", "kcdp")
KC_WORDS = (*KC_NAMES, "cong nghiep nong thon", "cnnt")


@dataclass(frozen=True)
class Measure:
    """One entry of the catalogue; `units` lists the unit first, then its synonyms."""
    code: str
    name_vi: str
    name_en: str
    kind: str
    units: tuple[str, ...]
    parent: str | None
    wordings: tuple[str, ...]
    indicator_code: str | None
    source: str


@lru_cache(maxsize=1)
def catalogue() -> tuple[Measure, ...]:
    """The catalogue as shipped with the package, read once."""
    text = resources.files("baocao.data").joinpath("measures.csv").read_text(encoding="utf-8")
    def _split(cell: str) -> tuple[str, ...]:
        return tuple(filter(None, map(str.strip, cell.split("|"))))
    return tuple(
        Measure(row["code"], row["name_vi"], row["name_en"], row["kind"], _split(row["unit"]),
                row["parent"] or None, _split(row["wordings"]), row["indicator_code"] or None,
                row["source"])
        for row in csv.DictReader(text.splitlines()))


def measure_names() -> dict[str, str]:
    """Code → Vietnamese name, for labels in tables and pages."""
    return {m.code: m.name_vi for m in catalogue()}


def match_measure(subject: str | None, sentence: str, kind: str, unit: str,
                  start: int | None = None) -> str | None:
    """The catalogue code of what the figure measures, or None when not sure (see the module
    docstring). `start` is the figure's offset in `sentence` (None: a table cell)."""
    before = sentence[:start] if start is not None else ""
    growth = kind == "percent" and bool(GROWTH.search(before.lower()))
    texts = [subject or ""]
    if start is not None:
        clause = _clause_before(before, counting=kind == "count")
        texts.append(f"{clause} {_after(sentence, start)}" if kind == "count" else clause)
        wide = "" if kind == "count" else _clause_before(before, counting=False, wide=True)
        mark = sentence.find("%", start, start + 20) if kind == "percent" else -1
        after = _after(sentence, mark + 1) if mark >= 0 else ""  # "80% số xã đạt chuẩn …"
        texts += [wide, after if _words(after)[:1] and _words(after)[0] not in AFTER_SKIP else ""]
    for text in texts:
        if kind == "amount" and GENERIC_FUNDS.fullmatch(" ".join(_core(text))):
            if code := _programme_funds(sentence):
                return code
            continue
        named, code = _decide(text, sentence, kind, unit, growth)
        if named:  # a percentage of a plan measures no entry but the plan's share by definition
            plan = code not in PLAN_SHARES and _of_plan(sentence, start, growth)
            return None if kind == "percent" and plan else code
    return None


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[tuple[tuple[str, ...], Measure]]], dict[str, Measure]]:
    """Folded wordings by their first word, and measures by code."""
    index: dict[str, list[tuple[tuple[str, ...], Measure]]] = {}
    for m in catalogue():
        for wording in m.wordings:
            words = tuple(fold(w) for w in _words(wording))
            index.setdefault(words[0], []).append((words, m))
    return index, {m.code: m for m in catalogue()}


def _hits(text: str) -> list[tuple[int, Measure | None, str]]:
    """(length, measure, folded wording) of each wording the text holds as whole words, not after
    a comparison; one coordinated ("A và B") stands for its parent (None where it has none)."""
    index, by_code = _tables()
    lower = _words(text)
    folded = [fold(w) for w in lower]
    hits: list[tuple[int, Measure | None, str]] = []
    for i, word in enumerate(folded):
        for words, found in index.get(word, ()):
            end = i + len(words)
            if tuple(folded[i:end]) != words or any(
                    w in BASE_WORDS and lower[k + 1:k + 2] != ["đó"]
                    for k, w in enumerate(lower[:i])):
                continue
            measure: Measure | None = found
            if "và" in lower[max(i - 1, 0):i] + lower[end:end + 1]:
                measure = by_code.get(found.parent or "")
            hits.append((len(words), measure, " ".join(words)))
    return hits


def _decide(text: str, sentence: str, kind: str, unit: str,
            growth: bool) -> tuple[bool, str | None]:
    """(whether the text names a measure of the figure's kind, the code it gives the figure).
    Khuyến công found through words any programme uses ("lớp tập huấn") counts only in a
    sentence about khuyến công or rural industry."""
    by_code, best, named, doubt = _tables()[1], {}, False, False
    for size, measure, wording in _hits(text):
        if measure is not None and measure.kind != kind:
            measure = by_code.get(measure.code + "_growth") if growth else None
            if measure is None or measure.kind != kind:
                continue
        named = True
        if measure is None:
            best[""] = max(size, best.get("", 0))  # coordinated with no parent: no one measure
        elif not _unit_fits(measure, kind, unit):
            continue
        elif (not measure.code.startswith("khuyen_cong") or _holds(wording, KC_WORDS)
              or _holds(sentence, KC_WORDS)):
            best[measure.code] = max(size, best.get(measure.code, 0))
        else:  # "Đào tạo nghề cho 150 lao động … gắn với giải quyết việc làm": which one?
            doubt = True
    if not best or doubt:
        return named, None
    codes = [code for code, size in best.items() if size == max(best.values())]
    common = [c for c in codes if c and all(c in _lineage(other) for other in codes)]
    return True, (common[0] if common else None)


def _lineage(code: str) -> set[str]:
    """The code and its ancestors."""
    by_code, seen = _tables()[1], set()
    while code in by_code and code not in seen:
        seen.add(code)
        code = by_code[code].parent or ""
    return seen


def _unit_fits(measure: Measure, kind: str, unit: str) -> bool:
    """A count's noun ("hộ nghèo" is in "hộ") or an amount's currency is one of its units."""
    if kind == "percent" or not unit:
        return kind != "count"
    counted = [fold(w) for w in _words(unit)]
    return any(counted[:len(u)] == u for u in ([fold(w) for w in _words(x)]
                                               for x in measure.units))


def _holds(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {' '.join(fold(w) for w in _words(text))} "
    return any(f" {p} " in padded for p in phrases)


def _programme_funds(sentence: str) -> str | None:
    """Which khuyến công funding a generic funding subject is, by the programme the sentence
    names; None when it names none, or other money its total may hold."""
    if not _holds(sentence, KC_NAMES) or _holds(sentence, OTHER_FUNDS):
        return None
    national = _holds(sentence, ("khuyen cong quoc gia", "kcqg"))
    local = _holds(sentence, ("khuyen cong dia phuong", "kcdp"))
    return {(True, False): "khuyen_cong_budget_national",
            (False, True): "khuyen_cong_budget_local"}.get((national, local), "khuyen_cong_budget")


def _core(text: str) -> list[str]:
    """The folded words without the linking and time words at either end."""
    words = _words(text)
    keep = [k for k, w in enumerate(words) if w not in FILLER]
    return [fold(w) for w in words[keep[0]:keep[-1] + 1]] if keep else []


def _time_number(tokens: list[str], i: int) -> bool:
    """A number of a date or period ("năm 2023", "8 tháng", "11/2023"), not a figure."""
    near = {t.lower() for t in tokens[max(i - 1, 0):i + 2:2]}
    return bool(DATE.fullmatch(tokens[i])) or bool(near & TIME_WORDS)


def _collect(tokens: list[str], i: int, counting: bool,
             wide: bool = False) -> tuple[list[str], int, bool]:
    """(words back from tokens[i] to punctuation (wide: not a comma between words, "xuất, nhập
    khẩu"), an open bracket, a figure or, for a count, "và"; where it stopped; whether at a
    figure, whose units and what precedes a "và" after it are left out)."""
    words: list[str] = []
    depth = 0
    while i > 0:
        token = tokens[i - 1]
        if token == ")":
            depth += 1
        elif depth:  # a closed bracket is left out: "(GRDP)", "(chiếm 13,13% …)"
            depth -= token == "("
        elif token in STOPS and not (wide and token == "," and words and tokens[i - 2].isalpha())\
                or token == "(" or (counting and token.lower() == "và"):
            return words, i, False
        elif token[0].isdigit() and not _time_number(tokens, i - 1):
            while words and words[0].lower() in UNIT_WORDS:
                words = words[1:]
            low = [w.lower() for w in words]
            return (words[len(low) - low[::-1].index("và"):] if "và" in low else words), i, True
        elif token[0].isalpha():
            words.insert(0, token)
        i -= 1
    return words, i, False


def _clause_before(before: str, counting: bool, wide: bool = False) -> str:
    """The figure's clause before it; one of only linking and time words takes the one before,
    over a figure ending it, or with that figure's noun for a share ("9.604 hộ, chiếm 3%")."""
    tokens = TOKEN.findall(before)
    words, i, at_figure = _collect(tokens, len(tokens), counting, wide)
    if wide and at_figure:  # over a comma into another figure's phrase: "80% số xã …, 40%"
        return ""
    if counting or _core(" ".join(words)):
        return " ".join(words[-20:])
    share = bool(SHARE.search(before.lower()))
    for _ in range(3):
        if i == 0 or tokens[i - 1] not in {",", ";", "("}:
            return ""
        words, i, at_figure = _collect(tokens, i - 1, counting)
        if at_figure:
            if words and not share:
                return ""  # another figure's noun phrase: "15% số xã …; 95% chất thải …"
            earlier, i, _ = _collect(tokens, i - 1, counting)
            words = earlier + (words if share else [])
        if _core(" ".join(words)):
            return " ".join(words[-20:])
    return ""


def _after(sentence: str, start: int) -> str:
    """The phrase after a count's number ("120 xã đạt chuẩn nông thôn mới, …" → "xã đạt chuẩn
    nông thôn mới") to punctuation, "và" or another number, without brackets; 16 words at most."""
    number = regex.match(r"[-+−]?\d[\d.,/\s]*(?:(?:nghìn|ngàn|triệu|tỷ|vạn)\s)?", sentence[start:])
    words: list[str] = []
    depth = 0
    for token in TOKEN.findall(sentence[start + (number.end() if number else 0):]):
        depth = max(depth + (token == "(") - (token == ")"), 0)
        if not depth and (token in STOPS or token[0].isdigit() or token.lower() == "và"):
            break
        if token[0].isalpha() and not depth and len(words) < 16:
            words.append(token)
    return " ".join(words)


def _of_plan(sentence: str, start: int | None, growth: bool) -> bool:
    """A percentage of a plan or the same period ("bằng 139% cùng kỳ"), which growth is not."""
    mark = sentence.find("%", start, start + 20) if start is not None else -1
    base = OF_PLAN.match(sentence[mark + 1:].lower().strip()) if mark >= 0 else None
    return bool(base) and not (growth and base.group(1) in {"cùng kỳ", "năm trước", "ck"})
