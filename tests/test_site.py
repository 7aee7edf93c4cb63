"""The real CV's website against its own sources: every page, entry and value shown.

What each page must show is read from the sources (:mod:`cvsource`), so these
checks hold for whoever's CV this is, and after any edit of its content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import SOURCES, main_text
from cvsource import in_order, letters

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

SECTIONS = {page.docname: page for page in SOURCES.sections}
PAGES = {"index": SOURCES.root, **SECTIONS}


def test_the_cv_has_sections() -> None:
    assert SOURCES.sections, "the landing page's toctree lists no section"


@pytest.mark.parametrize("docname", PAGES)
def test_each_page_shows_its_text_in_order(pages: dict[str, BeautifulSoup], docname: str) -> None:
    page = PAGES[docname]
    assert in_order(page.prose["html"], main_text(pages[docname])) == []


@pytest.mark.parametrize("docname", SECTIONS)
def test_each_section_page_has_its_title_once(
    pages: dict[str, BeautifulSoup], docname: str
) -> None:
    [title] = pages[docname].select("article h1")
    assert letters(title.get_text()) == letters(SECTIONS[docname].title)


def test_landing_page_links_every_section_in_order(pages: dict[str, BeautifulSoup]) -> None:
    links = [a["href"] for a in pages["index"].select("article a[href]")]
    wanted = [f"{name}.html" for name in SECTIONS]
    assert [link for link in links if link in wanted] == wanted


def test_whole_cv_page_shows_every_section_in_order(pages: dict[str, BeautifulSoup]) -> None:
    """Each page that shows the sections (``cv-sections``) shows all of their text."""
    showing = [name for name in pages if name in PAGES or name == "full-cv"]
    wholes = [
        name
        for name in showing
        if name != "index" and len(pages[name].select("article h1, article h2")) > len(SECTIONS)
    ]
    for name in wholes:
        text = main_text(pages[name])
        prose = [line for page in SOURCES.sections for line in page.prose["html"]]
        assert in_order(prose, text) == [], name


@pytest.mark.parametrize("docname", [name for name, page in SECTIONS.items() if page.entries])
def test_every_entry_shows_its_head_and_dates(
    pages: dict[str, BeautifulSoup], docname: str
) -> None:
    written = SECTIONS[docname].entries
    shown = pages[docname].select("article .cv-entry")
    assert len(shown) == len(written)
    for entry, block in zip(written, shown, strict=True):
        title = block.select_one(".cv-entry-title").get_text()
        assert letters(title) == letters(entry.title)
        head = block.select_one(".cv-entry-head").get_text()
        for name in ("organisation", "location"):
            assert letters(entry.options.get(name, "")) in letters(head), (entry.title, name)
        assert in_order(entry.date_texts(SOURCES.language), head) == [], entry.title
        assert in_order(entry.body, block.get_text()) == [], entry.title


def test_header_shows_every_identity_value(pages: dict[str, BeautifulSoup]) -> None:
    conf = SOURCES.conf
    page = pages["index"]
    assert letters(page.select_one("article h1").get_text()) == letters(conf.cv_name)
    header = page.select_one(".cv-header")
    for value in (conf.cv_full_name, conf.cv_role):
        assert letters(value) in letters(header.get_text())
    hrefs = [a["href"] for a in header.select("a[href]")]
    if conf.cv_email:
        assert f"mailto:{conf.cv_email}" in hrefs
        assert conf.cv_email in header.get_text()
    if conf.cv_website:
        assert conf.cv_website in hrefs
    for _label, url in conf.cv_links:
        assert url in hrefs


def test_html_title_is_the_owners_name(pages: dict[str, BeautifulSoup]) -> None:
    assert SOURCES.conf.cv_name in pages["index"].title.get_text()
