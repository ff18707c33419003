"""What a paragraph reports, read from its own sentences: difficulties, causes or lessons,
even where no heading names them ("Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế…"
in a section of results). Matched on folded text (lower case, no diacritics), so OCR's
accents do not matter; a cue said not to hold ("không gặp khó khăn") is none."""

from __future__ import annotations

import regex

from baocao.vietnamese.text import fold

# A difficulty reported: "còn" (still) before a difficulty noun, "gặp" (meet) before a
# number of them, or a target missed. Examples: "vẫn còn một số hạn chế", "còn gặp nhiều
# khó khăn", "gặp không ít khó khăn, vướng mắc", "chưa đáp ứng được yêu cầu", "chưa đạt kế
# hoạch đề ra"; not "hỗ trợ người dân gặp khó khăn" (people in need).
DIFFICULTY = regex.compile(
    r"(?<!khong )(?<!chua )\bcon\s+(?:gap\s+)?(?:nhieu\s+|mot so\s+|nhung\s+|khong it\s+"
    r"|rat nhieu\s+)?(?:kho khan|han che|ton tai|vuong mac|bat cap|yeu kem)\b"
    r"|(?<!khong )\bgap\s+(?:nhieu|mot so|khong it|rat nhieu)\s+(?:kho khan|vuong mac)\b"
    r"|\bchua\s+(?:dap ung(?:\s+duoc)?\s+(?:yeu cau|nhu cau)|dat\s+(?:ke hoach|chi tieu|muc tieu))"
)
# A cause given. Examples: "Nguyên nhân là do nguồn vốn…", "nguyên nhân chủ yếu là",
# "nguyên nhân của tình trạng trên", "do một số nguyên nhân sau".
CAUSE = regex.compile(
    r"\bnguyen nhan\s+(?:chu yeu\s+|chinh\s+|khach quan\s+|chu quan\s+)?(?:la|do|vi|cua)\b"
    r"|\bdo\s+(?:mot so\s+|cac\s+|nhung\s+)?nguyen nhan\b"
)
# A lesson drawn. Examples: "qua đó rút ra một số bài học kinh nghiệm", "bài học kinh nghiệm
# được rút ra là", "kinh nghiệm cho thấy", "rút ra được những kinh nghiệm".
LESSON = regex.compile(
    r"\brut ra\s+(?:duoc\s+)?(?:mot so\s+|nhung\s+|cac\s+)?(?:bai hoc|kinh nghiem)\b"
    r"|\bbai hoc(?:\s+kinh nghiem)?\s+(?:duoc\s+)?rut ra\b|\bkinh nghiem\s+cho thay\b"
)
CUES = {"difficulties": DIFFICULTY, "causes": CAUSE, "lessons": LESSON}

# Confidence of a kind told by one sentence; one more per sentence telling it, to ALL_TOLD.
ONE_TOLD, EACH_MORE, ALL_TOLD = 0.6, 0.15, 0.9
# A sentence's end in folded text: what one cue's sentence is counted by.
SENTENCE_END = regex.compile(r"[.;!?](?:\s|$)")


def passage_kind(text: str) -> tuple[str | None, float | None]:
    """The kind a paragraph's sentences report and how sure that is (0–1): each sentence
    tells the kind whose cue it gives first ("Nguyên nhân là do … còn hạn chế": a cause);
    the kind told by the most sentences, the first told on a tie; (None, None) if none."""
    told: dict[str, int] = {}
    for sentence in SENTENCE_END.split(fold(text)):
        cues = [(m.start(), kind) for kind, cue in CUES.items() if (m := cue.search(sentence))]
        if cues:
            kind = min(cues)[1]
            told[kind] = told.get(kind, 0) + 1
    if not told:
        return None, None
    kind = max(told, key=told.__getitem__)  # dicts keep the order kinds were first told
    return kind, round(min(ALL_TOLD, ONE_TOLD + EACH_MORE * (told[kind] - 1)), 2)
