"""Pages as files (outputs/pages.py): the templates and the CSS and JavaScript they inline are
shipped with the package, escape what they show, and numbers are written one way."""

from __future__ import annotations

import fnmatch

import pytest
from babel.numbers import format_decimal
from conftest import REPO

from baocao import i18n
from baocao.outputs import pages
from baocao.outputs.format import vn_amount, vn_number

OUTPUTS = REPO / "baocao" / "outputs"


def test_templates_and_static_files_are_package_data() -> None:
    """A wheel or sdist carries every file pages.py reads: each matches a package-data glob."""
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["baocao"]
    files = [p for folder in ("templates", "static") for p in (OUTPUTS / folder).iterdir()]
    assert {p.name for p in files} >= {"review.html", "summary.html", "review.css", "review.js"}
    for path in files:
        name = path.relative_to(REPO / "baocao").as_posix()
        assert any(fnmatch.fnmatch(name, g) for g in globs), name
    assert "Jinja2" in " ".join(config["project"]["dependencies"])


def test_every_template_compiles_and_every_static_file_is_named() -> None:
    env = pages.environment()
    for name in env.list_templates():
        env.get_template(name)
    used = " ".join(p.read_text(encoding="utf-8") for p in OUTPUTS.glob("*.py"))
    used += " ".join(p.read_text(encoding="utf-8") for p in (OUTPUTS / "templates").iterdir())
    for path in (OUTPUTS / "static").iterdir():
        assert f'static("{path.name}")' in used, path.name


def test_what_a_page_shows_is_escaped() -> None:
    html = pages.render("serve_description.html", intro='<script>alert("x")</script> & co',
                        links=[("/db/t?a=1&b=2", "<b>", None)])
    assert html == ('<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</p>'
                    '<ul class="baocao-start"><li><a href="/db/t?a=1&amp;b=2">&lt;b&gt;</a>'
                    '</li></ul>')
    cell = pages.macro("serve_cells.html", "long_text")("a < b")
    assert str(cell) == '<div class="baocao-long" tabindex="0">a &lt; b</div>'


def test_a_message_cannot_end_the_review_script() -> None:
    """The review page's messages go into its script as JSON: a quote or </script> in a
    translation stays text."""
    template = pages.environment().from_string("{{ m|tojson }}")
    assert template.render(m={"bad": "</script> 'số'"}) == (
        '{"bad": "\\u003c/script\\u003e \\u0027số\\u0027"}')
    assert "BAOCAO_MSG.bad" in pages.static("review.js")


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (12_492_100_000, "VND", "12.492,1 triệu đồng"), (26.3, "%", "26,3%"),
    (1_050_000, "USD", "1.050.000 USD"), (16, "đề án", "16 đề án"), (None, "VND", ""),
    (float("nan"), "VND", ""), (-0.4, None, "-0,4")])
def test_vietnamese_amounts(value: float | None, unit: str | None, shown: str) -> None:
    assert vn_amount(value, unit) == shown


def test_the_command_line_counts_as_babel_wrote_them() -> None:
    """i18n.number in Vietnamese is the pages' formatter to three decimals: for the counts
    and seconds the command line prints, what Babel's CLDR data wrote before."""
    values = [*range(0, 2000), 12_492, 1_000_000, 2**40, 9_007_199_254_740_992,
              0.05, 0.5, 1.5, 2.0, 2.25, 30.0, 12.345, 12492.5, 0.001, 1e-7]
    old = i18n.language()
    try:
        i18n.set_language("vi")
        assert [i18n.number(v) for v in values] == [format_decimal(v, locale="vi")
                                                     for v in values]
    finally:
        i18n.set_language(old)
    assert vn_number(12_492_100_000) == "12.492.100.000" and vn_number(26.3) == "26,3"
