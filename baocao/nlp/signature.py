"""The signature block on a document's last page: who signed it and in what capacity
("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Văn A"), read off the right column's capitals."""

from __future__ import annotations

import regex

from baocao.vietnamese.text import fold_chars

# The signature block's capitals at a line's end, where OCR puts the right column beside
# the "Nơi nhận" list. Examples: "Nơi nhận: TL. CHỦ TỊCH", "- CT, PCT UBND tỉnh; PHÓ CHỦ TỊCH",
# "Nơi nhận: KT.BỘ TRƯỞNG" (the space after the dot lost)
CAPITALS_TAIL = regex.compile(r"(?<![\p{L}\p{N}])(?:\p{Lu}+(?:\.[ \t]*|[ \t]+))*\p{Lu}{2,}$")
# The signing-for mark, to be written with its space. Example: "KT.BỘ TRƯỞNG" → "KT. BỘ TRƯỞNG"
FOR_MARK = regex.compile(r"^(TM|KT|TL|TUQ)\.[ \t]*")


# Where one title line of the block ends and the next begins, when OCR joined them: before
# "KT."/"TM."/"TL." and before the deputy's "PHÓ" that follows a complete title.
# Example: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → 3 lines
SIGNER_SPLIT = regex.compile(r"\s+(?=(?:TM|KT|TL|TUQ)\.)|(?<!\.)\s+(?=PHÓ\s)")


# A title of the signature block (matched folded): signing for a body or a person
# ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH") or a function ("PHÓ CHỦ TỊCH",
# "GIÁM ĐỐC", "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG BAN", "CHỦ TỊCH UBND TỈNH").
SIGNER_TITLE = regex.compile(
    r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s*\S|(?:PHO\s+)?(?:CHU\s+TICH|GIAM\s+DOC|CHANH\s+VAN\s+PHONG"
    r"|TRUONG\s+BAN|TRUONG\s+PHONG|CHANH\s+THANH\s+TRA|BI\s+THU|CUC\s+TRUONG|VIEN\s+TRUONG"
    r"|BO\s+TRUONG|THU\s+TRUONG|TONG\s+GIAM\s+DOC)\b)"
)


# A name at a line's end: 2 to 5 capitalised words, the first letter maybe damaged by the
# seal or the signature over it. Examples: "Nguyễn Hoàng Giang", "“Đặng Văn Minh" (a pen
# stroke before it), "… CHỦ TỊCH UBND TỈNH Nguyễn Hoàng Giang", "1rương Minh Đương"
NAME_TAIL = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<name>[\p{Lu}\d]\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}*){1,4})$")


# Vietnamese family names, folded, as they are spelt: the first word of a signer's name.
SURNAME_SPELLING = {
    "nguyen": "Nguyễn", "tran": "Trần", "le": "Lê", "pham": "Phạm", "hoang": "Hoàng",
    "huynh": "Huỳnh", "phan": "Phan", "vu": "Vũ", "vo": "Võ", "dang": "Đặng", "bui": "Bùi",
    "do": "Đỗ", "ho": "Hồ", "ngo": "Ngô", "duong": "Dương", "ly": "Lý", "phung": "Phùng",
    "dinh": "Đinh", "truong": "Trương", "lam": "Lâm", "mai": "Mai", "dao": "Đào",
    "cao": "Cao", "ha": "Hà", "luong": "Lương", "ta": "Tạ", "trieu": "Triệu", "chau": "Châu",
    "to": "Tô", "quach": "Quách", "thai": "Thái", "luu": "Lưu", "kieu": "Kiều", "la": "La",
    "doan": "Đoàn", "tong": "Tống", "lai": "Lại", "nghiem": "Nghiêm", "van": "Văn",
    "thach": "Thạch", "khuc": "Khúc", "diep": "Diệp", "hua": "Hứa", "giap": "Giáp",
    "tieu": "Tiêu", "mac": "Mạc", "an": "An", "au": "Âu",
}
SURNAMES = frozenset(SURNAME_SPELLING)
# A family name whose first letter a seal or a pen stroke damaged is mended only when it is
# this long: "Âguyền" is Nguyễn, "1rương" Trương; "Jê" could be Lê or Hà's neighbour.
MENDED_LENGTH = 5


# A military or police rank, all that stands before the signer's name on its line, its
# first word often damaged by the seal (matched folded); not an entry of the list ("- Tỉnh
# ủy"). Examples: "Thiếu tướng", "Đại tá", "Thượng tá", "'ạng tướng"
RANK = regex.compile(r"^[^\w-]*(?:thieu|trung|thuong|dai|\w{0,3})\s+(?:tuong|ta|uy)\s*$",
                     regex.I)
# The distribution list's last entry, filing with the typist's initials, beside which OCR
# may read the name. Example: "- Lưu: VT, KTTHh5. Nguyễn Phước Bình"
FILED = regex.compile(r"^\W*luu\b", regex.I)
# The distribution list, which the signature block stands beside (matched folded), its N
# sometimes read as V or lost. Examples: "Nơi nhận:", "Voi nhận:", "ơi nhận:"
RECIPIENTS = regex.compile(r"(?<!\p{L})[NV]?oi[ \t]+nhan\b")


def signature_page(pages: list[str]) -> str:
    """The page that holds the signature block: the first with the distribution list (a
    cover letter's, before the report or draft it sends), else the last with a signer's
    title in capitals, else the last page."""
    for page in pages:
        if RECIPIENTS.search(fold_chars(page, lower=False)):
            return page
    titled = [page for page in pages if _title_line(page) is not None]
    return titled[-1] if titled else pages[-1] if pages else ""


def signature(page: str) -> tuple[str | None, str | None]:
    """The signature block of the last page: its title lines joined by " / " and the
    signer's name ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Hoàng Giang"); None where unsure."""
    lists = [m.start() for m in RECIPIENTS.finditer(fold_chars(page, lower=False))]
    ends = [at for at in (page.rfind("./."), lists[-1] if lists else -1) if at >= 0]
    start = min(ends) if ends else _title_line(page)  # neither read: from the title on
    if start is None:
        return None, None
    titles: list[str] = []
    name = None
    for line in page[start:].split("\n"):
        line = " ".join(line.split())
        found = NAME_TAIL.search(line)
        mended = _mended(found["name"]) if found else None
        if mended and _is_name(mended, line[:found.start("name")], line):
            name = mended
            line = line[:found.start("name")].rstrip()
        titles += _titles(line)
    return (" / ".join(titles) or None), name


def _titles(line: str) -> list[str]:
    """The signer's titles in the capitals that end a line ("TL. CHỦ TỊCH")."""
    tail = CAPITALS_TAIL.search(line)
    if not tail:
        return []
    return [FOR_MARK.sub(r"\1. ", piece.strip()) for piece in SIGNER_SPLIT.split(tail.group())
            if SIGNER_TITLE.match(fold_chars(piece, lower=False))]


def _title_line(page: str) -> int | None:
    """Where the signature block starts on a page where neither its "./." nor its
    distribution list was read: the last line ending in a signing-for title ("TL. CHỦ
    TỊCH"), else the last ending in a signer's title ("PHÓ CỤC TRƯỞNG"); None without."""
    marked = titled = None
    at = 0
    for line in page.split("\n"):
        found = _titles(" ".join(line.split()))
        if found:
            titled = at
            if any(FOR_MARK.match(t) for t in found):
                marked = at
        at += len(line) + 1
    return marked if marked is not None else titled


def _mended(name: str) -> str | None:
    """The name with its family name spelt right where a seal or a pen stroke damaged its
    first letter ("Âguyền Hoàng Giang" → "Nguyễn Hoàng Giang"); as read where the family
    name is whole; None where its first word is no family name either way."""
    first, _, rest = name.partition(" ")
    folded = fold_chars(first)
    if folded in SURNAMES and first[0].isupper():
        return name
    if len(folded) < MENDED_LENGTH:
        return None
    near = [s for s in SURNAMES if len(s) == len(folded) and s[1:] == folded[1:]]
    return f"{SURNAME_SPELLING[near[0]]} {rest}" if len(near) == 1 else None


def _is_name(name: str, before: str, line: str) -> bool:
    """A person's name: 2 to 5 words from a family name, alone on its line, after the title
    or after a rank; three words at least after a comma of the distribution list or at the
    end of its filing entry."""
    words = name.split()
    if fold_chars(words[0]) not in SURNAMES:
        return False
    if before.rstrip().endswith(",") or FILED.match(fold_chars(line)):
        # "… Nội vụ, Phùng Tô Long", "- Lưu: VT, KTTHh5. Nguyễn Phước Bình": columns run together
        return len(words) >= 3
    if RANK.search(fold_chars(before)):  # "Thiếu tướng Trương Minh Đương"
        return True
    return not regex.search(r"\p{Ll}$", regex.sub(r"[^\p{L}]+", "", before))
