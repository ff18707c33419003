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


# A name at a line's end: 2 to 5 capitalised words. Examples: "Nguyễn Hoàng Giang",
# "“Đặng Văn Minh" (a pen stroke before it), "… CHỦ TỊCH UBND TỈNH Nguyễn Hoàng Giang"
NAME_TAIL = regex.compile(r"(?<![\p{L}\p{N}])(?P<name>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}*){1,4})$")


# Vietnamese family names, folded: the first word of a signer's name.
SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly phung dinh truong"
    " lam mai dao cao ha luong ta trieu chau to quach thai luu kieu la doan tong lai nghiem"
    " van thach khuc diep hua giap tieu mac an au".split()
)


# A military or police rank, all that stands before the signer's name on its line, its
# first word often damaged by the seal (matched folded); not an entry of the list ("- Tỉnh
# ủy"). Examples: "Thiếu tướng", "Đại tá", "Thượng tá", "'ạng tướng"
RANK = regex.compile(r"^[^\w-]*(?:thieu|trung|thuong|dai|\w{0,3})\s+(?:tuong|ta|uy)\s*$",
                     regex.I)
# The distribution list's last entry, filing with the typist's initials, beside which OCR
# may read the name. Example: "- Lưu: VT, KTTHh5. Nguyễn Phước Bình"
FILED = regex.compile(r"^\W*luu\b", regex.I)
# The distribution list, which the signature block stands beside (matched folded).
RECIPIENTS = "Noi nhan"


def signature_page(pages: list[str]) -> str:
    """The page that holds the signature block: the first with the distribution list (a
    cover letter's, before the report or draft it sends), else the last page."""
    for page in pages:
        if RECIPIENTS in fold_chars(page, lower=False):
            return page
    return pages[-1] if pages else ""


def signature(page: str) -> tuple[str | None, str | None]:
    """The signature block of the last page: its title lines joined by " / " and the
    signer's name ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Hoàng Giang"); None where unsure."""
    folded = fold_chars(page, lower=False)
    ends = [at for at in (page.rfind("./."), folded.rfind(RECIPIENTS)) if at >= 0]
    if not ends:
        return None, None
    titles: list[str] = []
    name = None
    for line in page[min(ends):].split("\n"):
        line = " ".join(line.split())
        found = NAME_TAIL.search(line)
        if found and _is_name(found["name"], line[:found.start("name")], line):
            name = found["name"]
            line = line[:found.start("name")].rstrip()
        tail = CAPITALS_TAIL.search(line)
        if tail:
            for piece in SIGNER_SPLIT.split(tail.group()):
                if SIGNER_TITLE.match(fold_chars(piece, lower=False)):
                    titles.append(FOR_MARK.sub(r"\1. ", piece.strip()))
    return (" / ".join(titles) or None), name


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
