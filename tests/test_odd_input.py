"""Odd input renders as written in both outputs; what the font cannot show fails early."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from conftest import (
    PROJECT,
    build_root,
    link_targets,
    require_tex,
    run_sphinx,
    squash,
    text_layer,
)
from pypdf import PdfReader

if TYPE_CHECKING:
    import subprocess
    from pathlib import Path

ROOT = PROJECT / "tests" / "roots" / "test-odd"

#: Each string as the page or refs.bib of the odd root writes it, as a reader must see it.
ODD_STRINGS = [
    "Specials in text: & % $ # _ { } ~ ^ \\ and a",  # Markdown text
    "Łukasz Wróbel, Antonín Dvořák, Søren Ørsted, Gülşen Şahin, Nguyễn Văn Ánh",
    "Γιώργος Παπαδόπουλος",
    "R&D Engineer #1 (50% ~ ^ _ $ { } \\)",  # entry title
    "Ørsted & Wróbel_Lab {Σ}",  # entry option
    "Kraków ~ Zürich",
    "Bullet with 100% & $ # _ ^ ~ { } \\ characters.",
    "Profit & Loss: 50% of $100 for #1_snake ^ up",  # bib title
    "R&D_Journal #5",  # bib venue
    "Łukasz Wróbel, Γιώργος Παπαδόπουλος, Antonín Dvořák",  # bib authors, LaTeX accents
    "Zoë Ørsted-Łukasiewicz",  # the name, in the PDF's footer
    # Markdown the owner may write, typeset in the PDF as on the website:
    'Run make html or x = {"a": 1} inline',  # inline code
    'return f"Hello, {name}!"  # a comment',  # a code block
    "A \u201cBig\u201d bold title with a link",  # quotes and emphasis in an entry title
    "\u201cQuoted Lab\u201d of Examples",  # ... and in its options
    "\u2018Single\u2019 Town",
    "https://example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/until/it/would/"
    "run/past/the/margin/of/the/page",  # a long address breaks, and nothing runs off the page
]
URLS = ["https://example.org/a%20b?x=1#frag_2", "https://example.org/p%C3%A9ch?q=1#sec_2"]


def sphinx(builder: str, srcdir: Path, outdir: Path) -> subprocess.CompletedProcess[str]:
    return run_sphinx("-W", "-n", "-q", "-b", builder, ".", outdir, cwd=srcdir)


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_root(ROOT, "html", tmp_path_factory.mktemp("odd-html"))


@pytest.fixture(scope="module")
def odd_html(odd_site: Path) -> BeautifulSoup:
    return BeautifulSoup((odd_site / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def odd_pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    require_tex()
    outdir = build_root(ROOT, "latexpdf", tmp_path_factory.mktemp("odd-pdf"))
    return PdfReader(outdir / "odd.pdf")


@pytest.mark.parametrize("odd", [odd for odd in ODD_STRINGS if odd != "Zoë Ørsted-Łukasiewicz"])
def test_odd_string_in_html(odd_html: BeautifulSoup, odd: str) -> None:
    text = " ".join(odd_html.select_one("div.body, article, main").get_text(" ").split())
    assert squash(odd) in squash(text)


@pytest.mark.parametrize("odd", ODD_STRINGS)
def test_odd_string_in_pdf(odd_pdf: PdfReader, odd: str) -> None:
    text = text_layer(odd_pdf)
    assert squash(odd) in squash(text)


def test_urls_with_percent_and_hash_in_html(odd_html: BeautifulSoup) -> None:
    hrefs = [a["href"] for a in odd_html.select("a[href]")]
    for url in URLS:
        assert url in hrefs


def test_urls_with_percent_and_hash_in_pdf(odd_pdf: PdfReader) -> None:
    targets = link_targets(odd_pdf)
    for url in URLS:
        assert url in targets


def test_highlighted_name_with_diacritics(odd_html: BeautifulSoup) -> None:
    assert [s.get_text() for s in odd_html.select("ol li strong")] == ["Łukasz Wróbel"] * 2


def test_markup_in_bib_values_cannot_break_the_page(
    odd_site: Path, odd_html: BeautifulSoup
) -> None:
    """``</script>`` and ``<!--`` in a bib title or URL stay text in every context
    (in the title, ``--`` reads as a dash, as in any BibTeX field): the list, the
    COinS record, the JSON-LD and the paper's BibTeX file."""
    title = "Angle <brackets> & </script><!\u2013<script> in a title"
    url = "https://example.org/<!--<script>alert(1)</script>"
    assert title in odd_html.select_one("ol.cv-publication-list").get_text()
    [link] = [a for a in odd_html.select("ol a") if a.get_text() == "URL" and "script" in a["href"]]
    assert link["href"] == url
    [item] = [li for li in odd_html.select("ol.cv-publication-list > li") if title in li.get_text()]
    record = parse_qs(item.select_one("span.Z3988")["title"])
    assert (record["rft.title"], record["rft_id"]) == ([title], [url])
    records = [script.string for script in odd_html.select('script[type="application/ld+json"]')]
    assert records  # the Person
    assert all("<" not in record for record in records)
    bibtex = (odd_site / item.select_one("a.cv-bibtex")["href"]).read_text(encoding="utf-8")
    assert "title = {Angle <brackets> & </script><!--<script> in a title}" in bibtex
    assert "url = {https://example.org/<!--<script>alert(1)</script>}" in bibtex
    assert odd_html.select_one("footer, .footer")  # the rest of the page is still there


@pytest.mark.parametrize("builder", ["latex", "latexpdf"])
def test_characters_the_font_lacks_fail_before_tex(tmp_path: Path, builder: str) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "index.md").write_text(
        "# Odd input\n\nA name in Chinese: 王小明.\n", encoding="utf-8"
    )
    result = sphinx(builder, srcdir, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md:3: ERROR: the PDF's font (Linux Libertine O) has no glyph for" in result.stderr
    assert "U+738B CJK UNIFIED IDEOGRAPH-738B" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_the_html_shows_those_characters(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "index.md").write_text(
        "# Odd input\n\nA name in Chinese: 王小明.\n", encoding="utf-8"
    )
    outdir = build_root(srcdir, "html", tmp_path / "out")
    assert "王小明" in (outdir / "index.html").read_text(encoding="utf-8")


def test_entry_titles_and_options_are_markdown(odd_html: BeautifulSoup) -> None:
    [entry] = [e for e in odd_html.select(".cv-entry") if "Big" in e.get_text()]
    title = entry.select_one(".cv-entry-title")
    assert [bold.get_text() for bold in title.select("strong")] == ["bold"]
    assert title.select_one("a")["href"] == "https://example.org/entry"
    assert [em.get_text() for em in entry.select(".cv-entry-organisation em")] == ["of"]


def test_a_line_that_cannot_break_is_a_warning_naming_page_and_line(tmp_path: Path) -> None:
    require_tex()
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    token = "x" * 150
    (srcdir / "index.md").write_text(f"# Odd input\n\nA hash: {token}.\n", encoding="utf-8")
    result = sphinx("latexpdf", srcdir, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(
        rf"{re.escape(str(srcdir / 'index.md'))}:3: WARNING: a line of the PDF runs \d+pt past "
        r"the right margin: 'A hash: xxx",
        result.stderr,
    ), result.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_a_link_with_another_scheme_is_an_error(tmp_path: Path) -> None:
    """MyST makes ``ftp:`` links; a CV links only to http, https, mailto and tel."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    page = "# Odd input\n\nA [file](ftp://example.org/cv.pdf).\n"
    (srcdir / "index.md").write_text(page, encoding="utf-8")
    result = sphinx("html", srcdir, tmp_path / "out")
    assert result.returncode != 0
    assert (
        "index.md:3: ERROR: the link to 'ftp://example.org/cv.pdf' uses the scheme 'ftp:', which "
        "a CV may not link to; use http, https, mailto or tel"
    ) in result.stderr
    assert 'href="ftp:' not in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("target", ["javascript:alert(1)", "data:text/html,x", "file:///etc"])
def test_a_script_link_in_a_page_is_an_error_and_never_a_link(tmp_path: Path, target: str) -> None:
    """markdown-it keeps these as text; a reader would see the raw Markdown."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "index.md").write_text(f"# Odd input\n\nA [link]({target}).\n", encoding="utf-8")
    result = sphinx("html", srcdir, tmp_path / "out")
    assert result.returncode != 0
    scheme = target.split(":", 1)[0]
    assert (
        f"index.md:3: ERROR: the link to '{target}' uses the scheme '{scheme}:', which a CV "
        "may not link to (Markdown shows it as text); use http, https, mailto or tel"
    ) in result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="{scheme}' not in html
