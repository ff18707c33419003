"""The Vietnamese interface: help pages, messages and the review page in the language of the
locale or of --lang, every message of the code translated in the committed catalog."""

from __future__ import annotations

import ast
import json
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from gettext import GNUTranslations
from importlib import metadata
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import REPO, SAMPLES, rows
from rich.text import Text

from baocao import store
from baocao.datamodel import DocumentMetadata, DocumentResult, Passage
from baocao.i18n import code_name, kind_name, translation

PO = REPO / "baocao" / "locale" / "vi" / "LC_MESSAGES" / "baocao.po"
MO = PO.with_suffix(".mo")
# The keywords `make i18n` extracts with.
KEYWORDS = {"_": None, "ngettext": (1, 2)}
LOCALE_VARIABLES = ("BAOCAO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
VI = translation("vi")


def cli(*args: str, lang: str = "C.UTF-8", **env: str) -> subprocess.CompletedProcess:
    """`baocao` under a locale, no other locale variable set, help pages wide enough that no
    sentence is wrapped."""
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=300,
                          env={**clean, "LANG": lang, "TERMINAL_WIDTH": "1000", **env})


def flat(text: str) -> str:
    return " ".join(text.split())


def shown(help_text: str) -> list[str]:
    """A help text's paragraphs as the help page shows them (Rich markup read)."""
    return [flat(Text.from_markup(p).plain) for p in help_text.split("\n\n") if p.strip()]


@pytest.fixture(scope="module")
def help_texts() -> dict[str, list[str]]:
    """Every command's English help texts, its options' included, read off the Typer app in
    a process whose language is English ("" stands for the app itself)."""
    code = """if True:
        import json, typer
        from baocao.cli.app import app
        group = typer.main.get_command(app)
        texts = {"": [group.help] + [p.help for p in group.params]}
        for name, command in group.commands.items():
            texts[name] = [command.help] + [p.help for p in command.params]
        print(json.dumps({k: [t for t in v if t] for k, v in texts.items()}))"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "BAOCAO_LANG": "en"}, check=True)
    return json.loads(proc.stdout)


def test_help_pages_are_vietnamese_under_a_vietnamese_locale(help_texts) -> None:
    assert {"run", "watch", "search", "review"} <= set(help_texts)
    for command, texts in help_texts.items():
        proc = cli(*([command] if command else []), "--help", lang="vi_VN.UTF-8")
        assert proc.returncode == 0, proc.stderr
        page = flat(proc.stdout)
        # Typer's own words
        assert "Cách dùng:" in page and "Tùy chọn" in page, command
        assert "Hiện trợ giúp này rồi thoát." in page, command
        for english in ("Usage:", "Options", "Arguments", "Commands", "Show this message",
                        "[default:", "[required]"):
            assert english not in page, (command, english)
        # every help text of ours, in Vietnamese, and not in English
        for text in texts:
            vietnamese = VI.gettext(text)
            assert vietnamese != text, (command, text)
            for paragraph in shown(vietnamese):
                assert paragraph in page, (command, paragraph)
            for paragraph in shown(text):
                assert paragraph not in page, (command, paragraph)


def test_lang_option_and_locale_pick_the_language() -> None:
    english = cli("--lang", "en", "--help", lang="vi_VN.UTF-8")
    assert english.returncode == 0, english.stderr
    assert "Usage:" in english.stdout and "Cách dùng" not in english.stdout
    assert "Turn scanned Vietnamese reports into tables you can query." in english.stdout
    assert "--lang" in english.stdout  # the option is listed
    vietnamese = cli("search", "--help", "--lang", "vi")  # anywhere on the line, LANG=C
    assert "Cách dùng:" in vietnamese.stdout
    assert "Usage:" in cli("--help", lang="vi_VN.UTF-8", BAOCAO_LANG="en").stdout
    assert "Usage:" in cli("--help").stdout
    wrong = cli("--lang", "fr", "query", "SELECT 1")
    assert wrong.returncode == 2 and "'fr' is not one of 'vi', 'en'" in wrong.stderr


def test_the_search_help_shows_its_brackets() -> None:
    for lang, words in (("en", "[like this]"), ("vi", "[như thế này]")):
        proc = cli("--lang", lang, "search", "--help")
        assert words in flat(proc.stdout), lang


def test_version() -> None:
    proc = cli("--version")
    [version] = re.findall(r'^version = "(.+)"$', (REPO / "pyproject.toml").read_text(),
                           flags=re.M)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"baocao {version}\n"
    assert proc.stdout.split()[1] == metadata.version("baocao")


def _catalog() -> dict:
    with PO.open("rb") as f:
        return {m.id: m for m in read_po(f) if m.id}


def test_every_message_of_the_code_has_a_vietnamese_translation() -> None:
    """Extracted afresh from the code as `make i18n` does: a new message that nobody
    translated (or a changed one, left fuzzy) fails here, not in front of a user."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {message for _, _, message, _, _ in extract_from_dir(
        REPO, method_map, options_map, keywords=KEYWORDS)}
    assert len(found) > 100
    catalog = _catalog()
    untranslated = [m for m in found if m not in catalog or not any(
        catalog[m].string if isinstance(m, tuple) else [catalog[m].string])
        or catalog[m].fuzzy]
    assert not untranslated, f"run `make i18n` and translate in {PO}: {untranslated}"
    for message in catalog.values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            # the same {placeholders}, so that .format() finds each; NFC Vietnamese
            assert set(re.findall(r"\{\w*\}", text)) == set(re.findall(r"\{\w*\}", ids[0])), (
                message.id, text)
            assert unicodedata.normalize("NFC", text) == text, message.id


def test_the_compiled_catalog_is_the_po() -> None:
    """The committed .mo (what the program reads) says what the .po says: `make i18n` ran."""
    with PO.open("rb") as f:
        catalog = read_po(f)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    with MO.open("rb") as f:
        assert GNUTranslations(f)._catalog == GNUTranslations(compiled)._catalog


def test_messages_are_literal_so_they_can_be_extracted() -> None:
    """_("…") takes a literal, outside f-strings: Babel cannot see a message built at run time
    or one inside an f-string's braces (Python 3.11), and it would stay English."""
    for path in (REPO / "baocao").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr)
                  for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in KEYWORDS:
                where = f"{path.relative_to(REPO)}:{node.lineno}"
                assert id(node) not in inside, f"{where}: a message inside an f-string"
                literal = [a for a in node.args[:2] if isinstance(a, ast.Constant)
                           and isinstance(a.value, str)]
                assert literal and literal[0] is node.args[0], where


def test_section_kinds_have_vietnamese_names() -> None:
    from baocao.datamodel import SECTION_KINDS

    assert {k: kind_name(k, "vi") for k in SECTION_KINDS} == {
        "achievements": "thành tựu", "difficulties": "khó khăn", "causes": "nguyên nhân",
        "lessons": "bài học kinh nghiệm", "solutions": "giải pháp",
        "recommendations": "kiến nghị", "plans": "phương hướng, nhiệm vụ", "other": "khác"}
    assert [kind_name(k, "en") for k in SECTION_KINDS] == list(SECTION_KINDS)


def test_every_stored_code_has_a_vietnamese_name() -> None:
    from typing import get_args

    from baocao import datamodel

    for closed_set in ("PageSource", "Status", "FigureKind", "Ruling", "SectionKind",
                       "FlagKind"):
        for code in get_args(getattr(datamodel, closed_set)):
            assert code_name(code, "en") == code
            assert code_name(code, "vi") not in ("", code), code


def _tiny(db: Path, texts: list[tuple[str, str]], province: str = "Lào Cai") -> None:
    """A document with these paragraphs (text, section kind), written by store.write as a
    run would."""
    result = DocumentResult("e" * 64, "/nowhere/tiny.pdf", "tiny.pdf", "ok", None, "now",
                            n_pages=1, metadata=DocumentMetadata(province=province))
    result.passages = [Passage(i, 1, None, kind, text, 0)
                       for i, (text, kind) in enumerate(texts, 1)]
    store.write(store.connect(db), result)


LOANS = [(f"Nguồn vốn vay ưu đãi đợt {n} còn hạn chế", "difficulties") for n in range(1, 26)]
WITHOUT_ACCENTS = [("Nhung kho khan ve von can thao go", "other"),
                   ("Kho khan trong giai ngan", "other")]


def test_search_counts_every_hit_and_names_kinds(tmp_path: Path) -> None:
    db = tmp_path / "tiny.sqlite"
    _tiny(db, LOANS + WITHOUT_ACCENTS)
    proc = cli("search", "vốn vay", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"20 of {len(LOANS)} hits (exact, diacritics count)"
    assert len([line for line in lines if re.match(r"\d+\. ", line)]) == 20
    proc = cli("--lang", "vi", "search", "vốn vay", "--kind", "khó khăn", "--limit", "3",
               "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"3 trên tổng số {len(LOANS)} kết quả (chính xác, phân biệt dấu)"
    assert lines[2] == "1. tiny.pdf  trang 1  khó khăn  (Lào Cai)"
    assert cli("search", "vốn vay", "--db", str(db), "--limit", "30").stdout.startswith(
        f"{len(LOANS)} hits (exact")


def test_search_with_no_hit_says_what_may_help(tmp_path: Path) -> None:
    db = tmp_path / "tiny.sqlite"
    _tiny(db, LOANS + WITHOUT_ACCENTS)
    proc = cli("search", "khó khăn", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "0 hits (exact, diacritics count)",
        f"Without diacritics (--folded) {len(WITHOUT_ACCENTS)} paragraphs match: OCR may have "
        "lost some diacritics."]
    assert "--folded" not in cli("search", "khó khăn", "--folded", "--db", str(db)).stdout
    provinces = [r["province"] for r in rows(db, "SELECT DISTINCT province FROM documents")]
    proc = cli("--lang", "vi", "search", "vốn", "--province", "ha noi", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == (
        "Cơ sở dữ liệu không có báo cáo nào của Hà Nội; các tỉnh hiện có: "
        f"{', '.join(provinces)}.")


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    """A born-digital report and the Lào Cai scan run by the real CLI."""
    db = tmp_path_factory.mktemp("i18n") / "db.sqlite"
    proc = cli("run", str(SAMPLES / "khuyencong_p62_p56_digital.pdf"),
               str(SAMPLES / "reports" / "report_6_lao_cai.pdf"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


def test_run_summary_in_vietnamese(small_db: Path) -> None:
    proc = cli("--lang", "vi", "run", str(SAMPLES / "khuyencong_p62_p56_digital.pdf"),
               "--db", str(small_db))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split() == [
        "văn", "bản:", "0", "(1", "đã", "có", "trong", "cơ", "sở", "dữ", "liệu,", "bỏ", "qua)"]
    assert proc.stdout.splitlines()[-1].split()[:4] == ["cơ", "sở", "dữ", "liệu:"]


def test_watch_prints_a_timed_line_for_every_file(small_db: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    known = inbox / "khuyencong_p62_p56_digital.pdf"
    known.write_bytes((SAMPLES / known.name).read_bytes())
    new = inbox / "bao_cao_moi.pdf"
    new.write_bytes((SAMPLES / "bacninh_p62_scan.pdf").read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    watcher = subprocess.Popen(
        [sys.executable, "-m", "baocao", "--lang", "vi", "watch", str(inbox), "--db",
         str(small_db), "--interval", "0.3", "--jobs", "1"], cwd=REPO, text=True, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not rows(small_db, "SELECT 1 FROM documents WHERE filename = ?", new.name):
            assert time.monotonic() < deadline and watcher.poll() is None, "not read"
            time.sleep(0.2)
        time.sleep(1)
    finally:
        os.killpg(watcher.pid, signal.SIGINT)
        out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err
    [doc] = rows(small_db, "SELECT * FROM documents WHERE filename = ?", new.name)
    [(figures,)] = rows(small_db, "SELECT count(*) FROM figures WHERE doc_id = ?", doc["doc_id"])
    lines = sorted(out.splitlines(), key=lambda line: line[9:])
    assert len(lines) == 2, out
    assert re.fullmatch(r"\d\d:\d\d:\d\d", lines[0][:8]) and re.fullmatch(
        r"\d\d:\d\d:\d\d", lines[1][:8])
    assert lines[0][9:] == f"{new.name}: đọc đủ, {doc['n_pages']} trang, {figures} số liệu"
    assert lines[1][9:] == f"{known.name}: đã có trong cơ sở dữ liệu, bỏ qua"
    assert err.startswith(f"đang theo dõi {inbox}, 0,3 giây một lần") and "đã dừng" in err


def test_review_page_in_vietnamese(small_db: Path, browser, tmp_path: Path) -> None:
    [doc] = rows(small_db, "SELECT * FROM documents WHERE filename = 'report_6_lao_cai.pdf'")
    kinds = [r["kind"] for r in rows(
        small_db, "SELECT kind FROM sections WHERE doc_id = ? AND heading IS NOT NULL "
        "ORDER BY section_id", doc["doc_id"])]
    for lang in ("vi", "en"):
        out = tmp_path / f"review-{lang}.html"
        proc = cli("--lang", lang, "review", doc["filename"], "--db", str(small_db), "--out",
                   str(out))
        assert proc.returncode == 0, proc.stderr
        tab = browser.new_page()
        tab.goto(out.as_uri())
        assert tab.evaluate("document.documentElement.lang") == lang
        assert tab.locator(".outline .kind").all_inner_texts() == [
            kind_name(k, lang) for k in kinds]
        headings = tab.locator("table.figures").first.locator("th").all_inner_texts()
        facts = tab.locator(".facts dt").all_inner_texts()
        if lang == "vi":
            assert tab.locator(".outline h2").inner_text() == "Các mục"
            assert {"Tệp", "Tỉnh", "Tình trạng", "Số trang"} <= set(facts)
            assert headings == ["#", "nguyên văn", "giá trị", "đơn vị", "nội dung", "mục",
                                "Độ tin cậy OCR", "cảnh báo"]
            assert tab.locator("#page-1 h2").inner_text().startswith("Trang 1 (OCR")
            assert "đối chiếu" in tab.title()
        else:
            assert {"File", "Province", "Status", "Pages"} <= set(facts)
            assert headings[1:3] == ["as written", "value"]
        tab.close()
