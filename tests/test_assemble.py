"""Pages shown inside another (``cv-sections``): one id per element on the page,
and every in-page link still leading to its own page's target.

The tiny ``test-assemble`` root shows two pages that share a heading and footnote
numbers, so that their ids meet on the one-page CV.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_root

if TYPE_CHECKING:
    from pathlib import Path

ROOT = "test-assemble"


@pytest.fixture(scope="module")
def one_page(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    outdir = build_root(rootdir / ROOT, "html", tmp_path_factory.mktemp("assemble") / "html")
    html = (outdir / "all.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def shown_page(one_page: BeautifulSoup, heading: str) -> BeautifulSoup:
    """The shown page whose title is ``heading`` (its first section)."""
    for section in one_page.select("section"):
        title = section.find(["h1", "h2"])
        if title is not None and title.get_text().strip().rstrip("#¶").strip() == heading:
            return section
    raise AssertionError(f"no shown page titled {heading!r}")


def test_every_id_on_the_page_is_unique(one_page: BeautifulSoup) -> None:
    ids = Counter(element["id"] for element in one_page.select("[id]"))
    assert ids, "the page has no ids"
    assert [ident for ident, count in ids.items() if count > 1] == []
    # The pages' shared ids were renamed, not dropped.
    assert {"notes", "notes-2"} <= set(ids)


def test_each_in_page_link_leads_to_its_own_pages_note(one_page: BeautifulSoup) -> None:
    ids = {element["id"] for element in one_page.select("[id]")}
    for link in one_page.select('a[href^="#"]'):
        assert link["href"][1:] in ids, link
    for heading, notes in (
        ("First", ["First note of the first page.", "Second note of the first page."]),
        ("Second", ["Only note of the second page."]),
    ):
        page = shown_page(one_page, heading)
        references = page.select('a.footnote-reference[href^="#"]')
        assert len(references) == len(notes)
        for reference, note in zip(references, notes, strict=True):
            target = one_page.find(id=reference["href"][1:])
            assert target is not None
            assert note in target.get_text(" ", strip=True)
            # And the note leads back to where it was cited.
            back = [a["href"][1:] for a in target.select('a[href^="#"]')]
            assert reference["id"] in back
