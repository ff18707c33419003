"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI): tables checked letter by letter against
the standards written out below, real sentences round-tripped, detection, and real PDFs."""

from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from legacypdf import legacy_pdf

from baocao.extract import legacy
from baocao.extract.legacy import (
    convert,
    convert_runs,
    detect_encoding,
    encode,
    encode_runs,
    encoding_for_font,
    encoding_from_fonts,
)
from baocao.vietnamese.syllables import is_vietnamese_syllable, vietnamese_syllable_share

SHARED = Path(__file__).resolve().parents[2] / "shared"

# --- the standards, as test data independent of the converter's tables --------------------

# TCVN 5712:1993, table VN3 (the ".Vn" fonts), byte in hex and the letter it shows.
TCVN3_STANDARD = """
A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ  A8 ă  A9 â  AA ê  AB ô  AC ơ  AD ư  AE đ
B5 à  B6 ả  B7 ã  B8 á  B9 ạ  BB ằ  BC ẳ  BD ẵ  BE ắ
C6 ặ  C7 ầ  C8 ẩ  C9 ẫ  CA ấ  CB ậ  CC è  CE ẻ  CF ẽ
D0 é  D1 ẹ  D2 ề  D3 ể  D4 ễ  D5 ế  D6 ệ  D7 ì  D8 ỉ  DC ĩ  DD í  DE ị  DF ò
E1 ỏ  E2 õ  E3 ó  E4 ọ  E5 ồ  E6 ổ  E7 ỗ  E8 ố  E9 ộ  EA ờ  EB ở  EC ỡ  ED ớ  EE ợ  EF ù
F1 ủ  F2 ũ  F3 ú  F4 ụ  F5 ừ  F6 ử  F7 ữ  F8 ứ  F9 ự  FA ỳ  FB ỷ  FC ỹ  FD ý  FE ỵ
"""

# VNI Windows: each letter and the bytes (hex) that write it, base letter then mark.
VNI_STANDARD_LOWER = """
á 61F9  à 61F8  ả 61FB  ã 61F5  ạ 61EF
ă 61EA  ắ 61E9  ằ 61E8  ẳ 61FA  ẵ 61FC  ặ 61EB
â 61E2  ấ 61E1  ầ 61E0  ẩ 61E5  ẫ 61E3  ậ 61E4
é 65F9  è 65F8  ẻ 65FB  ẽ 65F5  ẹ 65EF
ê 65E2  ế 65E1  ề 65E0  ể 65E5  ễ 65E3  ệ 65E4
í ED    ì EC    ỉ E6    ĩ F3    ị F2
ó 6FF9  ò 6FF8  ỏ 6FFB  õ 6FF5  ọ 6FEF
ô 6FE2  ố 6FE1  ồ 6FE0  ổ 6FE5  ỗ 6FE3  ộ 6FE4
ơ F4    ớ F4F9  ờ F4F8  ở F4FB  ỡ F4F5  ợ F4EF
ú 75F9  ù 75F8  ủ 75FB  ũ 75F5  ụ 75EF
ư F6    ứ F6F9  ừ F6F8  ử F6FB  ữ F6F5  ự F6EF
ý 79F9  ỳ 79F8  ỷ 79FB  ỹ 79F5  ỵ EE
đ F1
"""
VNI_STANDARD_UPPER = """
Á 41D9  À 41D8  Ả 41DB  Ã 41D5  Ạ 41CF
Ă 41CA  Ắ 41C9  Ằ 41C8  Ẳ 41DA  Ẵ 41DC  Ặ 41CB
Â 41C2  Ấ 41C1  Ầ 41C0  Ẩ 41C5  Ẫ 41C3  Ậ 41C4
É 45D9  È 45D8  Ẻ 45DB  Ẽ 45D5  Ẹ 45CF
Ê 45C2  Ế 45C1  Ề 45C0  Ể 45C5  Ễ 45C3  Ệ 45C4
Í CD    Ì CC    Ỉ C6    Ĩ D3    Ị D2
Ó 4FD9  Ò 4FD8  Ỏ 4FDB  Õ 4FD5  Ọ 4FCF
Ô 4FC2  Ố 4FC1  Ồ 4FC0  Ổ 4FC5  Ỗ 4FC3  Ộ 4FC4
Ơ D4    Ớ D4D9  Ờ D4D8  Ở D4DB  Ỡ D4D5  Ợ D4CF
Ú 55D9  Ù 55D8  Ủ 55DB  Ũ 55D5  Ụ 55CF
Ư D6    Ứ D6D9  Ừ D6D8  Ử D6DB  Ữ D6D5  Ự D6CF
Ý 59D9  Ỳ 59D8  Ỷ 59DB  Ỹ 59D5  Ỵ CE
Đ D1
"""


def _pairs(block: str) -> list[tuple[str, str]]:
    items = block.split()
    return list(zip(items[::2], items[1::2], strict=True))


TCVN3_PAIRS = [(int(code, 16), letter) for code, letter in _pairs(TCVN3_STANDARD)]
VNI_PAIRS = [
    (letter, bytes.fromhex(code).decode("latin-1"))
    for block in (VNI_STANDARD_LOWER, VNI_STANDARD_UPPER)
    for letter, code in _pairs(block)
]

# Every precomposed Vietnamese letter, built from Unicode itself: 12 vowels x 5 tones, the 6
# vowels ă â ê ô ơ ư without tone, and đ: 67 lower-case letters and their 67 capitals.
TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"
LOWER_LETTERS = {
    unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ("", *TONE_MARKS)
} - set("aeiouy") | {"đ"}
UPPER_LETTERS = {ch.upper() for ch in LOWER_LETTERS}

# Real sentences from the seed pages (shared/seeds), kept here so the tests run without them.
SEED_LINES = [
    "- Chương trình bình chọn sản phẩm CNNT cấp tỉnh, đã tổ chức 6 cuộc",
    "bình chọn có 111 sản phẩm được bình chọn sản phẩm CNNT cấp tỉnh, kinh phí",
    "hỗ trợ là 320 triệu đồng.",
    "2. Những khó khăn cần tháo gỡ",
    "- Đẩy mạnh việc rà soát, xây dựng, bổ sung, sửa đổi và hoàn thiện các",
    "rừng trồng, gia súc, gia cầm, bún, bánh…); công nghiệp hỗ trợ (khuôn mẫu,",
    "Kế, mộc Bãi Ổi, thành phố Bắc Giang; tương Trí Yên, gốm làng Ngòi, huyện",
]


def _real_texts() -> list[str]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "devset" / "texts").glob("*.txt")
    )
    return [f.read_text(encoding="utf-8") for f in files] or ["\n".join(SEED_LINES)]


REAL_TEXTS = _real_texts()
REAL_LINES = [ln for text in REAL_TEXTS for ln in text.splitlines() if ln.strip()]


def _tcvn3_mixed_text(text: str) -> str:
    """What pdfplumber reads from a TCVN3 page (all fonts together)."""
    return "".join(piece for piece, _ in encode_runs(text, "tcvn3"))


# --- the standard letter by letter ---------------------------------------------------------


def test_the_test_data_covers_every_vietnamese_letter() -> None:
    assert len(LOWER_LETTERS) == 67 and len(UPPER_LETTERS) == 67
    tcvn3_letters = {letter for _, letter in TCVN3_PAIRS}
    assert tcvn3_letters == LOWER_LETTERS | set("ĂÂÊÔƠƯĐ")
    assert len(TCVN3_PAIRS) == len(tcvn3_letters) == 74
    assert {letter for letter, _ in VNI_PAIRS} == LOWER_LETTERS | UPPER_LETTERS
    assert len(VNI_PAIRS) == 134


@pytest.mark.parametrize(("byte", "letter"), TCVN3_PAIRS, ids=[f"{b:02X}" for b, _ in TCVN3_PAIRS])
def test_tcvn3_byte_gives_its_letter(byte: int, letter: str) -> None:
    assert convert(chr(byte), "tcvn3") == letter
    assert convert(bytes([byte]).decode("latin-1"), "tcvn3") == letter
    assert encode(letter, "tcvn3") == chr(byte)


@pytest.mark.parametrize(("byte", "letter"), TCVN3_PAIRS, ids=[f"{b:02X}" for b, _ in TCVN3_PAIRS])
def test_tcvn3_upper_font_shows_the_capital_at_each_position(byte: int, letter: str) -> None:
    # .VnTimeH draws at each position the capital of what .VnTime draws there.
    assert convert(chr(byte), "tcvn3-upper") == letter.upper()
    if letter.islower():
        assert encode(letter.upper(), "tcvn3-upper") == chr(byte)


@pytest.mark.parametrize(("letter", "code"), VNI_PAIRS, ids=[letter for letter, _ in VNI_PAIRS])
def test_vni_code_gives_its_letter(letter: str, code: str) -> None:
    assert convert(code, "vni") == letter
    assert encode(letter, "vni") == code
    # In a word, between other letters, too.
    assert convert(f"t{code}n", "vni") == f"t{letter}n"


def test_module_tables_equal_the_standard() -> None:
    assert legacy.TCVN3 == dict(TCVN3_PAIRS)
    assert legacy.VNI == dict(VNI_PAIRS)
    assert legacy.TCVN3_UPPER == {b: ch.upper() for b, ch in TCVN3_PAIRS} | {
        b: chr(b).upper() for b in range(ord("a"), ord("z") + 1)
    }
    assert legacy.VIETNAMESE_LETTERS == LOWER_LETTERS | UPPER_LETTERS


def test_tables_are_complete_and_one_to_one() -> None:
    lower_font = set(legacy.TCVN3.values())
    upper_font = set(legacy.TCVN3_UPPER.values())
    assert LOWER_LETTERS <= lower_font
    assert UPPER_LETTERS <= upper_font
    assert len(lower_font) == len(legacy.TCVN3)  # no letter at two positions
    assert set(legacy.VNI) == LOWER_LETTERS | UPPER_LETTERS
    assert len(set(legacy.VNI.values())) == len(legacy.VNI)
    # Each direction undoes the other, for every entry.
    for byte, letter in legacy.TCVN3.items():
        assert encode(convert(chr(byte), "tcvn3"), "tcvn3") == chr(byte)
        assert convert(encode(letter, "tcvn3"), "tcvn3") == letter
    for letter in UPPER_LETTERS:
        assert convert(encode(letter, "tcvn3-upper"), "tcvn3-upper") == letter
    for letter, code in legacy.VNI.items():
        assert encode(convert(code, "vni"), "vni") == code
        assert convert(encode(letter, "vni"), "vni") == letter


def test_upper_font_shows_ascii_as_capitals() -> None:
    assert convert("ch\xad\xacng tr\xd7nh", "tcvn3-upper") == "CHƯƠNG TRÌNH"
    assert convert("CH\xad\xacNG TR\xd7NH", "tcvn3-upper") == "CHƯƠNG TRÌNH"
    assert encode("CHƯƠNG TRÌNH", "tcvn3-upper") == "CH\xad\xacNG TR\xd7NH"
    with pytest.raises(ValueError):
        encode("Chương", "tcvn3-upper")


@pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv")
def test_tcvn3_agrees_with_glibc_iconv() -> None:
    """A third opinion: glibc's TCVN5712-1 (VN1, a superset of VN3) on the same bytes."""
    data = b" ".join(bytes([b]) for b, _ in TCVN3_PAIRS)
    run = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True
    )
    if run.returncode != 0:
        pytest.skip("iconv has no TCVN5712-1")
    decoded = run.stdout.decode("utf-8").split(" ")
    assert decoded == [convert(chr(b), "tcvn3") for b, _ in TCVN3_PAIRS]


def test_capitals_missing_from_vn3_are_refused_not_guessed() -> None:
    for letter in UPPER_LETTERS - set("ĂÂÊÔƠƯĐ"):
        with pytest.raises(ValueError):
            encode(letter, "tcvn3")
    # Latin-1 characters that TCVN3 uses for letters cannot be written as themselves.
    with pytest.raises(ValueError):
        encode("5 × 3", "tcvn3")
    with pytest.raises(ValueError):
        encode("señor", "vni")


def test_ascii_digits_and_punctuation_pass_unchanged() -> None:
    text = 'Page 62 - Tai lieu (13-12): 12.492,1 trieu; 52,8%; so 12/QD-UBND "OK" [x] ~ # @ &'
    assert convert(text, "tcvn3") == text
    assert convert(text, "vni") == text
    assert convert(text, "tcvn3-upper") == text.upper()
    assert convert("12.492,1 tri\xd6u \xae\xe5ng; 52,8%", "tcvn3") == "12.492,1 triệu đồng; 52,8%"
    assert convert("12.492,1 trieäu ñoàng; 52,8%", "vni") == "12.492,1 triệu đồng; 52,8%"


def test_pdfminer_forms_of_a_byte() -> None:
    # pdfminer writes "(cid:N)" for a byte WinAnsi leaves undefined.
    assert convert("Ch(cid:173)\xacng", "tcvn3") == "Chương"
    assert convert("(cid:65) (cid:999) (cid:7)", "tcvn3") == "(cid:65) (cid:999) (cid:7)"
    # A legacy byte in 0x80-0x9F arrives as its cp1252 character ("“" for 0x93).
    assert legacy._with_cp1252({0x93: "ơ", 0x81: "ư"}) == {"\x93": "ơ", "“": "ơ", "\x81": "ư"}


def test_vni_marks_attach_only_where_they_can() -> None:
    assert convert("Chöông trình", "vni") == "Chương trình"
    assert convert("ngöôøi", "vni") == "người"
    assert convert("Vieät Nam", "vni") == "Việt Nam"
    # A mark after a consonant, at the start, or on a letter that has a tone stays as it is.
    assert convert("bù", "vni") == "bù"
    assert convert("ø", "vni") == "ø"
    assert convert("aùù", "vni") == "áù"
    assert convert("uâ", "vni") == "uâ"
    # Capital letters with their capital marks, and runs that split a letter from its mark.
    assert convert("ÑEÀ AÙN", "vni") == "ĐỀ ÁN"
    assert convert_runs([("Vie", "vni"), ("ät", "vni")]) == "Việt"


# --- real sentences ----------------------------------------------------------------------


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_lines_round_trip(line: str) -> None:
    assert convert(encode(line, "vni"), "vni") == line
    assert convert_runs(encode_runs(line, "tcvn3")) == line
    upper = line.upper()
    assert convert(encode(upper, "tcvn3-upper"), "tcvn3-upper") == upper
    if not set(line) & (UPPER_LETTERS - set("ĂÂÊÔƠƯĐ")):
        assert convert(encode(line, "tcvn3"), "tcvn3") == line


def test_tcvn3_looks_like_the_known_garbage() -> None:
    assert encode("Chương trình", "tcvn3") == "Ch\xad¬ng tr×nh"
    assert encode("Chương trình", "vni") == "Chöông trình"
    assert encode_runs("Ổi", "tcvn3") == [("æ", "tcvn3-upper"), ("i", "tcvn3")]


VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from(
        sorted(LOWER_LETTERS | UPPER_LETTERS)
        + list("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789 .,;:%()-/\n…“”\xa0")
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(VIETNAMESE_TEXT)
def test_round_trip_property(text: str) -> None:
    assert convert(encode(text, "vni"), "vni") == text
    assert convert_runs(encode_runs(text, "tcvn3")) == text
    upper = text.upper()
    assert convert(encode(upper, "tcvn3-upper"), "tcvn3-upper") == upper


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_ascii_is_never_touched(text: str) -> None:
    assert convert(text, "tcvn3") == text
    assert convert(text, "vni") == text


# --- font names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (".VnTime", "tcvn3"),
        ("ABCDEF+.VnTime", "tcvn3"),
        (".VnTime,Bold", "tcvn3"),
        (".VnTime-BoldItalic", "tcvn3"),
        (".VnArial", "tcvn3"),
        (".VnArial Narrow", "tcvn3"),
        (".VnCentury Schoolbook", "tcvn3"),
        (".VnBlack", "tcvn3"),
        (".VnBahamasB", "tcvn3"),
        ("VnTime", "tcvn3"),
        (".VnTimeH", "tcvn3-upper"),
        ("QWERTY+.VnTimeH", "tcvn3-upper"),
        (".VnTimeH,Bold", "tcvn3-upper"),
        (".VnArialH", "tcvn3-upper"),
        (".VnArial NarrowH", "tcvn3-upper"),
        (".VnCentury SchoolbookH", "tcvn3-upper"),
        (".VnBlackH", "tcvn3-upper"),
        (".VnBahamasBH", "tcvn3-upper"),
        ("VNI-Times", "vni"),
        ("VNI-Times,Bold", "vni"),
        ("ABCDEF+VNI-Helve", "vni"),
        ("VNI-Helve-Condense", "vni"),
        ("VNI-Avo", "vni"),
        ("TimesNewRomanPSMT", None),
        ("ABCDEF+TimesNewRomanPS-BoldMT", None),
        ("Arial-BoldMT", None),
        ("Helvetica", None),
        ("VNTime", None),
        ("Vni", None),
    ],
)
def test_encoding_for_font(name: str, expected: str | None) -> None:
    assert encoding_for_font(name) == expected


def test_encoding_from_fonts() -> None:
    assert encoding_from_fonts([]) is None
    assert encoding_from_fonts(["TimesNewRomanPSMT", "Arial"]) is None
    assert encoding_from_fonts([".VnTime"] * 50 + [".VnTimeH"] * 5) == "tcvn3"
    assert encoding_from_fonts([".VnTimeH", "ABCDEF+.VnArialH"]) == "tcvn3-upper"
    assert encoding_from_fonts(["Arial", "VNI-Times", "VNI-Times"]) == "vni"
    assert encoding_from_fonts(["VNI-Times", ".VnTime", ".VnTime"]) == "tcvn3"
    assert encoding_from_fonts(["VNI-Times", ".VnTime"]) is None  # a tie: unsure


# --- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", REAL_TEXTS)
def test_detect_from_characters(text: str) -> None:
    assert detect_encoding(_tcvn3_mixed_text(text)) == "tcvn3"
    assert detect_encoding(encode(text, "vni")) == "vni"
    upper = text.upper()
    assert detect_encoding(encode(upper, "tcvn3-upper")) == "tcvn3-upper"
    # The converted text reads as Vietnamese; the garbage does not.
    assert vietnamese_syllable_share(convert(encode(text, "vni"), "vni")) > 0.9
    assert vietnamese_syllable_share(encode(text, "vni")) < 0.5
    assert vietnamese_syllable_share(_tcvn3_mixed_text(text)) < 0.5


@pytest.mark.parametrize("text", REAL_TEXTS)
def test_unicode_vietnamese_is_left_alone(text: str) -> None:
    assert detect_encoding(text) is None
    # Even when a legacy-looking font name is there: the text says it is Unicode already.
    assert detect_encoding(text, [".VnTime"]) is None
    assert detect_encoding(text.upper(), ["VNI-Times"]) is None


def test_detect_prefers_font_names() -> None:
    garbage = _tcvn3_mixed_text("Chương trình bình chọn sản phẩm")
    assert detect_encoding(garbage, ["ABCDEF+.VnTimeH"]) == "tcvn3-upper"
    assert detect_encoding(garbage, [".VnTime"]) == "tcvn3"
    assert detect_encoding("Chöông trình", ["VNI-Times"]) == "vni"


def test_detect_is_none_for_english_and_unaccented_text() -> None:
    english = (
        "The Provincial People's Committee approved 111 products in 2020, a 52.8% rise; "
        "café owners and naïve façades aside, the programme's budget was VND 320 million."
    )
    assert detect_encoding(english) is None
    assert detect_encoding("Page 62 - Tai lieu Khuyen cong OK (13-12)") is None
    assert detect_encoding("") is None
    assert detect_encoding("12.492,1 52,8% 111") is None


def test_detect_is_none_for_random_latin1_noise() -> None:
    rng = random.Random(20240601)
    alphabet = [chr(b) for b in range(0x20, 0x7F)] + [chr(b) for b in range(0xA0, 0x100)]
    for n in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 400)))
        assert detect_encoding(text) is None, (n, text)
        # Noise shaped like words: letters and spaces only.
        letters = [c for c in alphabet if c.isalpha()] + [" "] * 10
        text = "".join(rng.choice(letters) for _ in range(rng.randint(20, 400)))
        assert detect_encoding(text) is None, (n, text)


def test_short_or_ambiguous_text_is_none() -> None:
    assert detect_encoding("\xa7\xd2") is None  # "Đề" alone: too little to go on
    assert detect_encoding("Ch\xad\xacng") is None


@pytest.mark.parametrize(
    ("word", "ok"),
    [
        ("chương", True), ("trình", True), ("nghiêng", True), ("người", True),
        ("khuỷu", True), ("quyết", True), ("gì", True), ("giữa", True), ("xoong", True),
        ("thuở", True), ("rượu", True), ("Việt", True), ("khuya", True), ("ĐỀ", True),
        ("chửụng", False), ("bàt", False), ("tâ", False), ("CNNT", False),
        ("strong", False), ("lieu", False), ("tØnh", False), ("chän", False),
    ],
)  # fmt: skip
def test_is_vietnamese_syllable(word: str, ok: bool) -> None:
    assert is_vietnamese_syllable(word) is ok


def test_syllable_share() -> None:
    assert vietnamese_syllable_share("Chương trình bình chọn sản phẩm") == 1.0
    assert vietnamese_syllable_share("Ch\xad¬ng tr×nh b×nh chän") == 0.0
    assert vietnamese_syllable_share("") == 0.0
    assert vietnamese_syllable_share("the programme was approved by the committee") < 0.5


def test_unknown_encoding_is_an_error() -> None:
    with pytest.raises(ValueError):
        convert("x", "viscii")
    with pytest.raises(ValueError):
        encode("x", "tcvn")


# --- real PDFs ---------------------------------------------------------------------------


@pytest.fixture
def pdfminer_keeps_bytes():
    with legacy.legacy_bytes_in_pdfminer():  # as baocao's PDF reader has it while extracting
        yield


def _page_runs(page) -> list[list[tuple[str, str | None]]]:
    """Per text line, (text, encoding) runs of chars in one font, as a caller would build them."""
    lines: list[list[tuple[str, str | None]]] = []
    for line in page.extract_text_lines(return_chars=True):
        chars = [c for c in page.chars if line["top"] - 1 <= c["top"] <= line["bottom"]]
        runs: list[tuple[str, str | None]] = []
        for c in chars:
            enc = encoding_for_font(c["fontname"])
            if runs and runs[-1][1] == enc:
                runs[-1] = (runs[-1][0] + c["text"], enc)
            else:
                runs.append((c["text"], enc))
        lines.append(runs)
    return lines


@pytest.mark.usefixtures("pdfminer_keeps_bytes")
@pytest.mark.parametrize("font", [".VnTime", "ABCDEF+.VnArial"])
def test_tcvn3_pdf(tmp_path: Path, font: str) -> None:
    path = legacy_pdf(tmp_path / "tcvn3.pdf", SEED_LINES, "tcvn3", font=font)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        fontnames = [c["fontname"] for c in page.chars]
        assert text == "\n".join(map(_tcvn3_mixed_text, SEED_LINES))
        assert text.startswith("- Ch\xad¬ng tr×nh b×nh chän")
        assert set(fontnames) == {font, font + "H"}  # "Ổi" needs the H font for its capital
        assert fontnames.count(font) > 20 * fontnames.count(font + "H")
        assert detect_encoding(text, fontnames) == "tcvn3"
        assert detect_encoding(text) == "tcvn3"
        # Converted per font run, every line comes back exactly, the H-font capital included.
        assert [convert_runs(runs) for runs in _page_runs(page)] == SEED_LINES
        # Converted as one text, only the H-font capital loses its case.
        assert convert(text, "tcvn3") == "\n".join(SEED_LINES).replace("Ổi", "ổi")


@pytest.mark.usefixtures("pdfminer_keeps_bytes")
def test_tcvn3_upper_pdf(tmp_path: Path) -> None:
    lines = ["2. NHỮNG KHÓ KHĂN CẦN THÁO GỠ", "3. KINH NGHIỆM THỰC HIỆN"]
    path = legacy_pdf(tmp_path / "upper.pdf", lines, "tcvn3-upper")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        fontnames = [c["fontname"] for c in page.chars]
    assert set(fontnames) == {".VnTimeH"}
    assert text == "2. NH÷NG KHã KH¨N CÇN TH¸O Gì\n3. KINH NGHIÖM THùC HIÖN"
    assert detect_encoding(text, fontnames) == "tcvn3-upper"
    assert convert(text, "tcvn3-upper") == "\n".join(lines)


def test_vni_pdf(tmp_path: Path) -> None:
    path = legacy_pdf(tmp_path / "vni.pdf", SEED_LINES, "vni")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        fontnames = {c["fontname"] for c in page.chars}
    assert text == "\n".join(encode(line, "vni") for line in SEED_LINES)
    assert text.startswith("- Chöông trình bình choïn")
    assert fontnames == {"VNI-Times"}
    assert detect_encoding(text, fontnames) == "vni"
    assert detect_encoding(text) == "vni"
    assert convert(text, "vni") == "\n".join(SEED_LINES)


def test_pdfminer_reads_tcvn3_u_horn_as_a_space_unless_told(tmp_path: Path) -> None:
    """Byte 0xAD (ư) comes out of pdfminer's WinAnsi table as " ": the letter is lost unless
    legacy_bytes_in_pdfminer() is in force, and only while it is."""
    path = legacy_pdf(tmp_path / "tcvn3.pdf", SEED_LINES[:1], "tcvn3")
    with legacy.legacy_bytes_in_pdfminer(), pdfplumber.open(path) as pdf:
        kept = pdf.pages[0].extract_text()
    with pdfplumber.open(path) as pdf:
        text = pdf.pages[0].extract_text()
    assert kept == _tcvn3_mixed_text(SEED_LINES[0])
    assert text == _tcvn3_mixed_text(SEED_LINES[0]).replace("\xad", " ")
    assert convert(text, "tcvn3") == SEED_LINES[0].replace("ư", " ")
