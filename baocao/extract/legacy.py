"""Legacy 8-bit Vietnamese font encodings (TCVN3/ABC and VNI) in born-digital PDFs of the 2000s.

Such PDFs draw text with fonts like .VnTime or VNI-Times through a plain Latin-1/WinAnsi
encoding, so their text layer reads as "Ch­¬ng tr×nh" or "Chöông trình" for "Chương trình".
Each legacy byte b reaches us as chr(b), or as the cp1252 character for 0x80-0x9F, or as
pdfminer's "(cid:b)" where WinAnsi has no character; all three are accepted.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from baocao.vietnamese.syllables import TONES, vietnamese_syllable_share
from baocao.vietnamese.syllables import WORD as _WORD

ENCODINGS = ("tcvn3", "tcvn3-upper", "vni")

# Tone marks in the order the VNI table below lists them: none, sắc, huyền, hỏi, ngã, nặng.
_TONES = ("", *TONES)

# TCVN 5712:1993 VN3, the table of the ".Vn" fonts (.VnTime, .VnArial, ...): byte -> letter.
# VN3 has every lower-case letter but, of the capitals, only the seven without a tone.
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# The all-capitals ".Vn...H" fonts (.VnTimeH, .VnArialH): the same positions show capitals,
# ASCII a-z included, which is how toned capitals were written with TCVN3.
TCVN3_UPPER: dict[int, str] = {b: ch.upper() for b, ch in TCVN3.items()} | {
    ord(ch): ch.upper() for ch in string.ascii_lowercase
}

# VNI Windows: a letter is a base (a e i o u y, or the single codes ô=ơ, ö=ư) followed by one
# mark character; i and ỵ have single-character codes. Columns follow _TONES.
VNI_ROWS: dict[str, tuple[str, str, str, str, str, str]] = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}


def _vni_table() -> dict[str, str]:
    """Letter -> VNI code for all 134 letters; capitals are the codes upper-cased (AÙ = Á)."""
    table = {"đ": "ñ", "Đ": "Ñ"}
    for base, codes in VNI_ROWS.items():
        for tone, code in zip(_TONES, codes, strict=True):
            if tone or base not in "aeiouy":
                letter = unicodedata.normalize("NFC", base + tone)
                table[letter] = code
                table[letter.upper()] = code.upper()
    return table


VNI: dict[str, str] = _vni_table()

# The precomposed Vietnamese letters (67 lower-case, 67 capitals) that ASCII lacks.
VIETNAMESE_LETTERS: frozenset[str] = frozenset(VNI)


def _vni_decoding() -> tuple[dict[str, str], dict[str, tuple[str, frozenset[str]]]]:
    """VNI code characters: single-character letters, and marks with the combining marks they
    stand for and the base letters they may follow (so a stray 'ê' is never taken for a breve)."""
    letters: dict[str, str] = {}
    for letter, code in VNI.items():
        if len(code) == 1 and code != letter:
            letters[code] = letter
    marks: dict[str, tuple[str, set[str]]] = {}
    for letter, code in VNI.items():
        if len(code) != 2:
            continue
        base = letters.get(code[0], code[0])
        combining = unicodedata.normalize("NFD", letter)[len(unicodedata.normalize("NFD", base)) :]
        seq, bases = marks.setdefault(code[1], (combining, set()))
        if seq != combining:
            raise AssertionError(f"VNI mark {code[1]!r} is inconsistent")
        bases.add(base.lower())
    return letters, {m: (seq, frozenset(bases)) for m, (seq, bases) in marks.items()}


_VNI_LETTERS, _VNI_MARKS = _vni_decoding()


def _with_cp1252(table: dict[int, str]) -> dict[str, str]:
    """Key a byte table by the characters an extractor may hand us for each byte."""
    out: dict[str, str] = {}
    for b, ch in table.items():
        out[chr(b)] = ch
        if 0x80 <= b <= 0x9F:
            try:
                out[bytes([b]).decode("cp1252")] = ch
            except UnicodeDecodeError:
                pass
    return out


_DECODE = {"tcvn3": _with_cp1252(TCVN3), "tcvn3-upper": _with_cp1252(TCVN3_UPPER)}
_BYTES = {"tcvn3": set(TCVN3), "tcvn3-upper": set(TCVN3_UPPER)}
_BYTES["vni"] = {ord(ch) for ch in (*_VNI_LETTERS, *_VNI_MARKS)}
_CID = re.compile(r"\(cid:(\d{1,3})\)")


def _check(encoding: str) -> None:
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")


def _uncid(text: str, encoding: str) -> str:
    """pdfminer writes '(cid:N)' for a byte WinAnsi leaves undefined; restore the legacy ones."""
    if "(cid:" not in text:
        return text
    known = _BYTES[encoding]
    return _CID.sub(lambda m: chr(int(m[1])) if int(m[1]) in known else m[0], text)


def _decode_into(out: list[str], text: str, encoding: str) -> None:
    """Append the decoded characters of `text` to `out`; VNI marks attach to out[-1], so runs
    converted one after another join up as they did on the page."""
    text = _uncid(text, encoding)
    if encoding != "vni":
        table = _DECODE[encoding]
        out.extend(table.get(ch, ch) for ch in text)
        return
    for ch in text:
        if ch in _VNI_LETTERS:
            out.append(_VNI_LETTERS[ch])
            continue
        mark = _VNI_MARKS.get(ch)
        # A mark counts only after a base it can follow that has no tone yet (bases are toneless).
        if mark is not None and out and out[-1].lower() in mark[1]:
            out[-1] = unicodedata.normalize("NFC", out[-1] + mark[0])
            continue
        out.append(ch)


def convert(text: str, encoding: str) -> str:
    """Turn text extracted from a legacy-font run into NFC Unicode; ASCII passes unchanged."""
    _check(encoding)
    out: list[str] = []
    _decode_into(out, text, encoding)
    return unicodedata.normalize("NFC", "".join(out))


def convert_runs(runs: Iterable[tuple[str, str | None]]) -> str:
    """Convert consecutive (text, encoding) runs, e.g. per font in a line, where a TCVN3 line
    writes its toned capitals with the H font; encoding None marks text that is Unicode already."""
    out: list[str] = []
    for text, encoding in runs:
        if encoding is None:
            out.extend(text)
        else:
            _check(encoding)
            _decode_into(out, text, encoding)
    return unicodedata.normalize("NFC", "".join(out))


def _encode_maps() -> dict[str, dict[str, str]]:
    """Unicode letter -> legacy characters, for writing test and sample documents."""
    tcvn3 = {ch: chr(b) for b, ch in TCVN3.items()}
    # The H fonts show capitals at the lower-case positions; ASCII capitals stay as typed.
    upper = {ch.upper(): chr(b) for b, ch in TCVN3.items() if ch.islower()}
    return {"tcvn3": tcvn3, "tcvn3-upper": upper, "vni": dict(VNI)}


_ENCODE = _encode_maps()
# Characters that would read back as something else, so encode() refuses them.
_RESERVED = {enc: {chr(b) for b in _BYTES[enc]} | set(_DECODE.get(enc, ())) for enc in ENCODINGS}


def encode(text: str, encoding: str) -> str:
    """Write Unicode text the way a legacy font stores it (each byte as chr(b)); raise ValueError
    for what that font cannot show, so generated samples never hold a silently wrong letter."""
    _check(encoding)
    text = unicodedata.normalize("NFC", text)
    table = _ENCODE[encoding]
    out: list[str] = []
    for ch in text:
        if ch in table:
            out.append(table[ch])
        elif encoding == "tcvn3-upper" and ch != ch.upper():
            raise ValueError(f"{ch!r}: the upper-case TCVN3 fonts have no lower-case letters")
        elif ch in _RESERVED[encoding] or ch in VIETNAMESE_LETTERS:
            raise ValueError(f"{ch!r} cannot be written in {encoding}")
        else:
            out.append(ch)
    return "".join(out)


def encode_runs(text: str, encoding: str) -> list[tuple[str, str]]:
    """Encode like a typist of the time: in TCVN3, toned capitals (missing from VN3) go into
    runs of the matching H font; returns (legacy text, encoding) runs."""
    _check(encoding)
    if encoding != "tcvn3":
        return [(encode(text, encoding), encoding)]
    runs: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFC", text):
        upper_only = ch not in _ENCODE["tcvn3"] and ch in _ENCODE["tcvn3-upper"]
        enc = "tcvn3-upper" if upper_only else "tcvn3"
        piece = encode(ch, enc)
        if runs and runs[-1][1] == enc:
            runs[-1] = (runs[-1][0] + piece, enc)
        else:
            runs.append((piece, enc))
    return runs


# --- font names -------------------------------------------------------------------------

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE = re.compile(
    r"(?:[,\- ]?(?:Bold|Italic|BoldItalic|Oblique|BoldOblique)|[,\-](?:Regular|Roman|Normal))+$"
)
# ".Vn" fonts without their dot (some producers drop it) are accepted for known families only.
_VN_FAMILIES = (
    "Time", "Arial", "Avant", "Bahamas", "Black", "Bodoni", "Book", "Century", "Centur",
    "Clarendon", "Commercial", "Cooper", "Courier", "Free", "Gothic", "Helvet", "Linus",
    "Lucida", "Monotype", "Mystical", "Present", "Revue", "Shelley", "Southern", "Stamp",
    "Teknical", "Tifani", "Univers", "Vogue", "Aristote",
)  # fmt: skip
_VN_FONT = re.compile(r"^(?:[._]Vn[A-Z]|Vn(?:" + "|".join(_VN_FAMILIES) + "))")
_VNI_FONT = re.compile(r"^VNI[-_ ]?[A-Z]")


def encoding_for_font(fontname: str) -> str | None:
    """The legacy encoding one PDF font name implies (subset prefix and style suffix ignored)."""
    name = _SUBSET.sub("", fontname.strip().lstrip("/"))
    if _VNI_FONT.match(name):
        return "vni"
    if _VN_FONT.match(name):
        family = _STYLE.sub("", name).rstrip()
        return "tcvn3-upper" if family.endswith("H") else "tcvn3"
    return None


def encoding_from_fonts(fontnames: Iterable[str]) -> str | None:
    """The legacy encoding of a page from its font names (one per char or per font): the
    family most used among legacy fonts; "tcvn3-upper" only when no mixed-case .Vn font is seen."""
    counts = Counter(e for e in map(encoding_for_font, fontnames) if e is not None)
    if not counts:
        return None
    tcvn = counts["tcvn3"] + counts["tcvn3-upper"]
    if tcvn == counts["vni"]:
        return None
    if counts["vni"] > tcvn:
        return "vni"
    return "tcvn3" if counts["tcvn3"] else "tcvn3-upper"


# --- Vietnamese syllables ---------------------------------------------------------------

# --- detection --------------------------------------------------------------------------

MIN_LEGACY_CHARS = 3  # fewer candidate legacy characters than this: not enough evidence
MIN_WORDS = 3
MIN_SHARE = 0.7  # the converted text must read as Vietnamese at least this well...
MIN_GAIN = 0.25  # ...gain this much over the text as it is...
MIN_MARGIN = 0.15  # ...and beat the other encoding by this much


def _vietnamese_only(ch: str) -> bool:
    return ord(ch) > 0xFF and ch in VIETNAMESE_LETTERS


def _already_unicode(text: str) -> bool:
    """Real Unicode Vietnamese has ơ, ư, đ, ạ ... beyond Latin-1, which legacy text never has."""
    vn = sum(map(_vietnamese_only, text))
    high = sum(0x80 <= ord(ch) <= 0xFF for ch in text)
    return vn >= 3 and vn >= 0.3 * high


def _looks_upper(text: str) -> bool:
    """TCVN3 words written in an H font keep ASCII capitals beside lower-case-position letters;
    mixed-case text has lower-case ASCII there."""
    upper = mixed = 0
    for word in re.findall(r"\S+", text):
        ascii_letters = [ch for ch in word if ch in string.ascii_letters]
        if not any(ord(ch) in TCVN3 and TCVN3[ord(ch)].islower() for ch in word):
            continue
        if any(ch.islower() for ch in ascii_letters):
            mixed += 1
        elif len(ascii_letters) >= 2:
            upper += 1
    return upper > 0 and upper > mixed


def detect_encoding(text: str, fontnames: Iterable[str] = ()) -> str | None:
    """The legacy encoding of extracted text, from font names first, then from how well each
    conversion reads as Vietnamese; None when unsure (the caller then OCRs the page)."""
    if _already_unicode(text):
        return None
    by_font = encoding_from_fonts(fontnames)
    if by_font is not None:
        return by_font
    if sum(ord(ch) >= 0x80 for ch in text) < MIN_LEGACY_CHARS:
        return None
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    before = vietnamese_syllable_share(text)
    scores = {enc: vietnamese_syllable_share(convert(text, enc)) for enc in ("tcvn3", "vni")}
    best, other = sorted(scores, key=scores.__getitem__, reverse=True)
    share = scores[best]
    if share < MIN_SHARE or share - before < MIN_GAIN or share - scores[other] < MIN_MARGIN:
        return None
    if best == "tcvn3" and _looks_upper(text):
        return "tcvn3-upper"
    return best


# --- pdfminer ---------------------------------------------------------------------------


@contextmanager
def legacy_bytes_in_pdfminer() -> Iterator[None]:
    """While text is extracted: pdfminer decodes WinAnsi bytes 0xA0 and 0xAD as plain spaces,
    and TCVN3 has ư at 0xAD; map them to cp1252's own NBSP and soft hyphen so the byte
    survives. pdfminer's table is process-wide: it is put back on leaving."""
    from pdfminer.encodingdb import EncodingDB

    table = EncodingDB.win2unicode
    original = {byte: table.get(byte) for byte in (0xA0, 0xAD)}
    table.update({0xA0: "\xa0", 0xAD: "\xad"})
    try:
        yield
    finally:
        for byte, char in original.items():
            if char is None:
                table.pop(byte, None)
            else:
                table[byte] = char
