"""Odd input renders as written in both outputs; what the font cannot show fails early."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, link_targets, require_tex, run_sphinx, text_layer
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
]
URLS = ["https://example.org/a%20b?x=1#frag_2", "https://example.org/p%C3%A9ch?q=1#sec_2"]


def sphinx(builder: str, srcdir: Path, outdir: Path) -> subprocess.CompletedProcess[str]:
    return run_sphinx("-W", "-n", "-q", "-b", builder, ".", outdir, cwd=srcdir)


def squash(text: str) -> str:
    """Text without white space: PDF text extraction spaces symbols its own way."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def odd_html(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    outdir = tmp_path_factory.mktemp("odd-html")
    result = sphinx("html", ROOT, outdir)
    assert result.returncode == 0, result.stderr
    return BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def odd_pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    require_tex()
    outdir = tmp_path_factory.mktemp("odd-pdf")
    result = sphinx("latexpdf", ROOT, outdir)
    assert result.returncode == 0, result.stderr
    return PdfReader(outdir / "odd.pdf")


@pytest.mark.parametrize("odd", ODD_STRINGS[:-1])
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
    assert [s.get_text() for s in odd_html.select("ol li strong")] == ["Łukasz Wróbel"]


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
    result = sphinx("html", srcdir, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "王小明" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
