"""The real CV built to PDF once (``sphinx-build -b latexpdf``), against its sources.

What the PDF must show is read from the sources (:mod:`cvsource`): the
sections in the landing page's order, every line of their text, every entry's
head and dates, the identity values; so the checks hold for any CV.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from conftest import SOURCES, link_targets
from cvsource import in_order, letters

if TYPE_CHECKING:
    from pathlib import Path
    from types import SimpleNamespace

    from pypdf import PdfReader

#: Paper sizes in PostScript points, as LaTeX's class options name them.
PAPER = {"a4paper": (595, 842), "letterpaper": (612, 792)}


def test_pdf_is_named_after_the_document(pdf_path: Path, conf: SimpleNamespace) -> None:
    assert pdf_path.name == conf.latex_documents[0][1].replace(".tex", ".pdf")


def test_page_size_is_the_configured_one(reader: PdfReader, conf: SimpleNamespace) -> None:
    paper = getattr(conf, "latex_elements", {}).get("papersize", "letterpaper")
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == PAPER[paper]


def test_sections_appear_in_order(pdf_text: str) -> None:
    lines = [letters(line) for line in pdf_text.splitlines()]
    titles = [letters(page.title) for page in SOURCES.sections]
    positions = [lines.index(title) for title in titles]
    assert positions == sorted(positions)


def test_every_line_of_the_sources_is_in_the_pdf_in_order(pdf_text: str) -> None:
    prose = [line for page in [SOURCES.root, *SOURCES.sections] for line in page.prose["latex"]]
    assert in_order(prose, pdf_text) == []


def test_every_entry_shows_its_head_and_dates(pdf_text: str) -> None:
    entries = [entry for page in SOURCES.sections for entry in page.entries]
    assert in_order([entry.title for entry in entries], pdf_text) == []
    text, cursor = letters(pdf_text), 0
    for page in SOURCES.sections:
        # From the section's heading on: a title may also be named earlier (a student
        # who is a coauthor), never before its own section.
        cursor = max(cursor, text.find(letters(page.title), cursor))
        for entry in page.entries:
            start = cursor = text.index(letters(entry.title), cursor)
            # The head is the title's line and the next: organisation, dates, location.
            near = text[start : start + 8 * len(letters(entry.title)) + 200]
            for name in ("organisation", "location"):
                assert letters(entry.options.get(name, "")) in near, (entry.title, name)
            for date in entry.date_texts(SOURCES.language):
                assert letters(date) in near, (entry.title, date)


def test_header_comes_first_and_reads_config(pdf_text: str, conf: SimpleNamespace) -> None:
    first_lines = pdf_text.splitlines()[:6]
    assert first_lines[0].strip() == conf.cv_name
    header = letters(" ".join(first_lines))
    for value in (conf.cv_full_name, conf.cv_role, conf.cv_email):
        assert letters(value) in header, value


def test_no_manual_furniture(pdf_text: str) -> None:
    titles = {letters(page.title) for page in SOURCES.sections}
    for word in ("Contents", "Index", "References", "Bibliography", "Chapter", "Release"):
        if letters(word) not in titles:
            assert not re.search(rf"^\s*{word}\s*$", pdf_text, re.MULTILINE), word
    for page in SOURCES.sections:
        numbered = rf"^\s*\d+(\.\d+)*\s+{re.escape(page.title)}\s*$"
        assert not re.search(numbered, pdf_text, re.MULTILINE), page.title


def test_footer_names_owner_and_counts_pages(reader: PdfReader, conf: SimpleNamespace) -> None:
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        footer = SOURCES.generated("Page {page} of {total}").format(page=number, total=total)
        assert footer in text
        assert conf.cv_name in text


def test_metadata_comes_from_config(reader: PdfReader, conf: SimpleNamespace) -> None:
    info = reader.metadata
    assert info.author == conf.cv_name
    assert conf.cv_name in info.title
    # The engine's fallback, in the CV's language.
    assert info.subject == (conf.cv_role or SOURCES.generated("Curriculum Vitae"))
    for keyword in conf.cv_keywords:
        assert keyword in info["/Keywords"]


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
    entries = sum(len(page.entries) for page in SOURCES.sections)
    assert tex.count(r"\begin{cventry}") == entries
    assert r"\cvheader{" in tex
    assert r"\usepackage{cvsphinx}" in tex


def test_no_blank_pages(reader: PdfReader) -> None:
    for page in reader.pages:
        body = [line for line in page.extract_text().splitlines() if "Page " not in line]
        # More than the footer's name: a page of the CV itself.
        assert len(body) > 1


def test_contacts_and_identifiers_are_clickable(reader: PdfReader, conf: SimpleNamespace) -> None:
    targets = link_targets(reader)
    if conf.cv_email:
        assert f"mailto:{conf.cv_email}" in targets
    if conf.cv_website:
        assert conf.cv_website in targets
    for _label, url in conf.cv_links:
        assert url in targets
