"""The real CV built to HTML once, read by many small assertions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import facts
import pytest
from conftest import SECTION_PAGES, main_text

if TYPE_CHECKING:
    from types import SimpleNamespace

    from bs4 import BeautifulSoup

CV_PAGES = ["index", *(f"sections/{name}" for name in SECTION_PAGES)]


def site_text(pages: dict[str, BeautifulSoup]) -> str:
    return " ".join(main_text(pages[name]) for name in CV_PAGES)


@pytest.mark.parametrize("fact", facts.ALL)
def test_every_fact_of_the_source_is_on_the_site(
    pages: dict[str, BeautifulSoup], fact: str
) -> None:
    assert fact in site_text(pages)


@pytest.mark.parametrize("name", SECTION_PAGES)
def test_each_section_page_has_one_title(pages: dict[str, BeautifulSoup], name: str) -> None:
    page = pages[f"sections/{name}"]
    assert len(page.select("article h1")) == 1


def test_there_is_a_page_for_each_section_of_the_source() -> None:
    expected = [
        "coursework", "education", "experience", "fellowships",
        "publications", "research-interests", "skills", "talks",
    ]  # fmt: skip
    assert expected == SECTION_PAGES


def test_landing_page_links_every_section(pages: dict[str, BeautifulSoup]) -> None:
    links = {a["href"] for a in pages["index"].select("article a[href]")}
    for name in SECTION_PAGES:
        assert f"sections/{name}.html" in links


def test_header_is_rendered_from_config(
    pages: dict[str, BeautifulSoup], conf: SimpleNamespace
) -> None:
    page = pages["index"]
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == conf.cv_name
    header = page.select_one(".cv-header")
    assert header.select_one(".cv-header-fullname").get_text() == conf.cv_full_name
    assert header.select_one(".cv-header-role").get_text() == conf.cv_role
    email = header.select_one("a.cv-contact-email")
    assert email["href"] == f"mailto:{conf.cv_email}"
    assert email.get_text() == conf.cv_email
    assert header.select_one("a.cv-contact-website")["href"] == conf.cv_website


def test_html_title_is_the_owners_name(
    pages: dict[str, BeautifulSoup], conf: SimpleNamespace
) -> None:
    assert conf.cv_name in pages["index"].title.get_text()


def publication_items(pages: dict[str, BeautifulSoup]) -> list[str]:
    return [li.get_text(" ", strip=True) for li in pages["sections/publications"].select("ol > li")]


def test_every_publication_title_appears_once(pages: dict[str, BeautifulSoup]) -> None:
    items = publication_items(pages)
    assert len(items) == 7
    for title in facts.PUBLICATION_TITLES:
        assert sum(title in item for item in items) == 1, title


def test_six_talks_and_no_publication_among_them(pages: dict[str, BeautifulSoup]) -> None:
    talks = pages["sections/talks"].select("article ul > li")
    assert len(talks) == 6
    assert all(re.search(r"20\d\d\.", li.get_text()) for li in talks)


def test_entries_are_cv_entry_nodes(pages: dict[str, BeautifulSoup]) -> None:
    assert len(pages["sections/experience"].select(".cv-entry")) == 7
    assert len(pages["sections/education"].select(".cv-entry")) == 3
    assert len(pages["sections/fellowships"].select(".cv-entry")) == 3
