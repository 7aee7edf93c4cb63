"""``conf.py`` values reach every output as written, escaped for where they land;
a value that cannot be shown, or an unsafe address, is an error naming conf.py.

The ``test-identity`` root's values hold every character that is special in
LaTeX, in HTML or inside a ``<script>``.
"""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, require_tex, run_sphinx, squash, text_layer
from pypdf import PdfReader

ROOT = Path(__file__).parent / "roots" / "test-identity"
VALUES = runpy.run_path(str(ROOT / "conf.py"))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    outdir = build_root(ROOT, "html", tmp_path_factory.mktemp("identity-html"))
    return BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    require_tex()
    outdir = build_root(ROOT, "latexpdf", tmp_path_factory.mktemp("identity-pdf"))
    return PdfReader(outdir / "identity.pdf")


def test_html_shows_each_value_as_text(page: BeautifulSoup) -> None:
    header = page.select_one(".cv-header")
    assert page.select_one("article h1").get_text().rstrip("¶") == VALUES["cv_name"]
    assert header.select_one(".cv-header-role").get_text() == VALUES["cv_role"]
    assert header.select_one(".cv-contact-link").get_text() == "Code & <Data>"
    assert header.select_one(".cv-contact-link")["href"] == "https://example.org/code?x=1&y=2"
    # furo's sidebar brand takes the site title as HTML: it must be escaped.
    assert page.select_one(".sidebar-brand-text").get_text() == VALUES["cv_name"]
    assert not page.select(".sidebar-brand-text b")
    assert page.title.get_text().endswith(VALUES["cv_name"])


def test_json_ld_and_meta_tags_hold_each_value(page: BeautifulSoup) -> None:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert "<" not in scripts[0].string  # no "</script>" or "<!--" can end it early
    person = json.loads(scripts[0].string)
    assert person["name"] == VALUES["cv_name"]
    assert person["description"] == VALUES["cv_role"]
    assert person["knowsAbout"] == VALUES["cv_keywords"]
    assert person["affiliation"]["name"] == VALUES["cv_affiliation"]
    description = page.select_one('meta[property="og:description"]')["content"]
    assert description == VALUES["cv_role"]
    # The page after the values is whole: its stylesheets and scripts are still there.
    assert page.select('link[rel="stylesheet"]')
    assert page.select("article p")[-1].get_text() == "Some text."


def test_pdf_header_footer_and_metadata_hold_each_value(pdf: PdfReader) -> None:
    text = text_layer(pdf)
    for name in ("cv_name", "cv_role", "cv_full_name"):
        assert squash(VALUES[name]) in squash(text), name
    assert squash("Code & <Data>") in squash(text)
    # The footer's name is the cv_name, "~" and all.
    assert squash(VALUES["cv_name"] + "Page 1 of 1") in squash(text)
    info = pdf.metadata
    assert info.title == f"{VALUES['cv_name']} — Curriculum Vitae"
    assert info.author == VALUES["cv_name"]
    assert info.subject == VALUES["cv_role"]
    assert info["/Keywords"] == ", ".join(VALUES["cv_keywords"])


# -- mistakes in conf.py ---------------------------------------------------------------

BAD_VALUES = {
    "links not pairs": (
        "cv_links = ['https://github.com/zoe']",
        "conf.py:17: ERROR: cv_links[0] must be a (label, address) pair, such as ('GitHub', "
        "'https://github.com/you'), not 'https://github.com/zoe'",
    ),
    "link to javascript": (
        "cv_links = [('Home', 'javascript:alert(1)')]",
        "conf.py:17: ERROR: cv_links[0] 'javascript:alert(1)': a CV links only to http, https, "
        "mailto or tel addresses, not javascript:",
    ),
    "website to javascript": (
        "cv_website = 'javascript:alert(1)'",
        "conf.py:17: ERROR: cv_website 'javascript:alert(1)': a CV links only to http or https "
        "addresses, not javascript:",
    ),
    "website without scheme": (
        "cv_website = 'zoe.example.org'",
        "conf.py:17: ERROR: cv_website 'zoe.example.org': it is not an absolute address; write "
        "'https://zoe.example.org'",
    ),
    "email that is none": (
        "cv_email = 'zoe at example'",
        "conf.py:17: ERROR: cv_email 'zoe at example' is not an email address",
    ),
    "role that is a list": (
        "cv_role = ['PhD student']",
        "conf.py:17: ERROR: cv_role must be text (a string), not list",
    ),
    "control character": (
        "cv_role = 'PhD\\x07student'",
        "conf.py:17: ERROR: cv_role 'PhD\\x07student' holds the control character U+0007; "
        "remove it",
    ),
    "keywords as one string": (
        "cv_keywords = 'a, b'",
        "conf.py:17: ERROR: cv_keywords must be a list of texts, such as ['one', 'two'], not "
        "'a, b'",
    ),
}


@pytest.mark.parametrize(("line", "message"), BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_bad_value_is_an_error_naming_conf_py(tmp_path: Path, line: str, message: str) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("# A mistake, as an owner might make it:\n" + line + "\n")
    result = run_sphinx("-N", "-q", "-b", "html", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0  # without -W too
    errors = [row for row in result.stderr.splitlines() if "ERROR" in row]
    assert errors == [f"{srcdir / message.split(':', 1)[0]}:{message.split(':', 1)[1]} [cv.config]"]
    assert "Traceback" not in result.stderr


def test_a_character_the_pdf_font_lacks_in_conf_py(tmp_path: Path) -> None:
    require_tex()
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("cv_full_name = '王小明'\n")
    result = run_sphinx("-N", "-q", "-b", "latexpdf", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0
    assert (
        f"{srcdir / 'conf.py'}:16: ERROR: the PDF's font (Linux Libertine O) has no glyph for "
        "'小' (U+5C0F CJK UNIFIED IDEOGRAPH-5C0F), '明' (U+660E CJK UNIFIED IDEOGRAPH-660E), "
        "'王' (U+738B CJK UNIFIED IDEOGRAPH-738B)"
    ) in result.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))
