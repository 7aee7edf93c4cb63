"""The real CV built to PDF once (``sphinx-build -b latexpdf``), read by small assertions."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import facts
import pytest
from conftest import link_targets, text_layer
from pypdf import PdfReader

if TYPE_CHECKING:
    from pathlib import Path
    from types import SimpleNamespace

SECTION_HEADINGS = [
    "Education",
    "Research Interests",
    "Experience",
    "Publications",
    "Invited Talks and Conference Presentations",
    "Relevant Coursework",
    "Skills",
    "Fellowships",
]


@pytest.fixture(scope="session")
def pdf_path(pdf_build: Path) -> Path:
    [pdf] = pdf_build.glob("*.pdf")
    return pdf


@pytest.fixture(scope="session")
def tex(pdf_build: Path) -> str:
    [source] = pdf_build.glob("*.tex")
    return source.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reader(pdf_path: Path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="session")
def pdf_text(reader: PdfReader) -> str:
    return text_layer(reader)


def squash(text: str) -> str:
    """Text without white space or hyphens: line breaks and hyphenation fall away."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def test_pdf_is_named_after_the_document(pdf_path: Path, conf: SimpleNamespace) -> None:
    assert pdf_path.name == conf.latex_documents[0][1].replace(".tex", ".pdf")


def test_two_or_three_pages(reader: PdfReader) -> None:
    assert 2 <= len(reader.pages) <= 3


def test_a4_by_default(reader: PdfReader) -> None:
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.parametrize("fact", facts.ALL)
def test_every_fact_of_the_source_is_in_the_pdf(pdf_text: str, fact: str) -> None:
    assert squash(fact) in squash(pdf_text)


def test_sections_appear_in_order(pdf_text: str) -> None:
    lines = [line.strip() for line in pdf_text.splitlines()]
    positions = [lines.index(heading) for heading in SECTION_HEADINGS]
    assert positions == sorted(positions)


def test_header_comes_first_and_reads_config(pdf_text: str, conf: SimpleNamespace) -> None:
    first_lines = [line.strip() for line in pdf_text.splitlines()[:5]]
    assert first_lines[0] == conf.cv_name
    assert any(conf.cv_email in line for line in first_lines)


def test_no_manual_furniture(pdf_text: str) -> None:
    for word in ("Contents", "Index", "References", "Bibliography", "Chapter", "Release"):
        assert not re.search(rf"^\s*{word}\s*$", pdf_text, re.MULTILINE), word
    assert not re.search(r"^\s*\d+(\.\d+)*\s+(Education|Experience|Publications)", pdf_text, re.M)


def test_footer_names_owner_and_counts_pages(reader: PdfReader, conf: SimpleNamespace) -> None:
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert conf.cv_name in text


def test_metadata_comes_from_config(reader: PdfReader, conf: SimpleNamespace) -> None:
    info = reader.metadata
    assert info.author == conf.cv_name
    assert conf.cv_name in info.title
    assert info.subject == conf.cv_role
    assert conf.cv_keywords[0] in info["/Keywords"]


def test_every_font_is_embedded(pdf_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    rows = subprocess.run(
        ["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        # Columns from the right: object ID (2), uni, sub, emb.
        assert row.split()[-5] == "yes", row


def test_latex_source_is_a_cv_not_a_manual(tex: str) -> None:
    for command in (r"\tableofcontents", r"\sphinxtableofcontents", r"\printindex", r"\maketitle"):
        assert command not in tex
    assert tex.count(r"\begin{cventry}") == 13
    assert r"\cvheader{" in tex
    assert r"\usepackage{cvsphinx}" in tex


def test_no_blank_pages(reader: PdfReader) -> None:
    for page in reader.pages:
        body = [line for line in page.extract_text().splitlines() if "Page " not in line]
        assert len(body) > 10


def test_contacts_and_identifiers_are_clickable(reader: PdfReader, conf: SimpleNamespace) -> None:
    targets = link_targets(reader)
    assert f"mailto:{conf.cv_email}" in targets
    assert conf.cv_website in targets
    assert "https://doi.org/10.1038/s41586-022-04992-8" in targets
    assert "https://arxiv.org/abs/2206.07741" in targets
