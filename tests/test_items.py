"""Items: the enumerated lessons, difficulties and proposals, one row each."""

from __future__ import annotations

from pathlib import Path

from conftest import rows


def items_of(db: Path, filename: str) -> list:
    return rows(db, "SELECT i.*, s.heading FROM items i JOIN documents d USING (doc_id) "
                "JOIN sections s ON s.doc_id = i.doc_id AND s.section_id = i.section_id "
                "WHERE d.filename = ? ORDER BY i.item_id", filename)


def test_bac_ninh_items(samples_db: Path) -> None:
    items = items_of(samples_db, "bacninh_p62_scan.pdf")
    got = [(i["heading"], i["section_kind"], i["marker"], i["ordinal"], i["parent_item_id"],
            i["text"][:30]) for i in items]
    thu_nhat = items[4]["item_id"]
    assert got == [
        # continued from the page before: an item of the section with no heading
        (None, "other", "-", 1, None, "- Chương trình bình chọn sản p"),
        ("2. Những khó khăn cần tháo gỡ", "difficulties", "-", 1, None,
         "- Nguồn kinh phí KCQG và KCĐP "),
        ("2. Những khó khăn cần tháo gỡ", "difficulties", "-", 2, None,
         "- Số lượng doanh nghiệp, cơ sở"),
        ("2. Những khó khăn cần tháo gỡ", "difficulties", "-", 3, None,
         "- Công tác quản lý nhà nước về"),
        ("3. Kinh nghiệm thực hiện", "lessons", "Thứ nhất", 1, None,
         "Thứ nhất: Nâng cao chất lượng "),
        ("3. Kinh nghiệm thực hiện", "lessons", "-", 1, thu_nhat,
         "- Đẩy mạnh việc rà soát, xây d"),
        ("3. Kinh nghiệm thực hiện", "lessons", "-", 2, thu_nhat,
         "- Tăng cường nội dung công tác"),
        ("3. Kinh nghiệm thực hiện", "lessons", "Thứ hai", 2, None,
         "Thứ hai: Đẩy mạnh triển khai c"),
    ]
    # "Thứ hai" holds the paragraphs that follow it, to the end of the page
    assert items[-1]["text"].endswith("chú trọng đối tượng thụ")
    assert "\nTăng cường tư vấn" in items[-1]["text"]
    # a wrapped item is one text: its first and second printed lines are both in it
    assert "thu hút được" in items[1]["text"] and "vào đầu tư sản xuất" in items[1]["text"]
    assert "\n" not in items[1]["text"]


def test_bac_giang_items(samples_db: Path) -> None:
    items = items_of(samples_db, "bacgiang_p56_scan.pdf")
    assert [(i["section_kind"], i["marker"], i["ordinal"]) for i in items] == [
        ("lessons", "Một là", 1), ("lessons", "Hai là", 2)]
    assert items[1]["text"].endswith("đề án khuyến công")  # runs to the end of the page
    [difficulties] = rows(samples_db, "SELECT s.text FROM sections s JOIN documents d "
                          "USING (doc_id) WHERE d.filename = 'bacgiang_p56_scan.pdf' AND "
                          "s.kind = 'difficulties'")
    assert len(difficulties["text"].split("\n")) == 4  # four paragraphs, no items


def test_lessons_query(samples_db: Path) -> None:
    lessons = rows(samples_db, "SELECT text FROM items WHERE section_kind = 'lessons'")
    assert any(r["text"].startswith("Một là, tăng cường công tác tuyên truyền") for r in lessons)
    assert any(r["text"].startswith("Thứ nhất: Nâng cao chất lượng") for r in lessons)
