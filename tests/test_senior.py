"""A senior academic's CV, built both ways: every kind of record reaches both outputs.

``tests/roots/test-senior`` is the CV of a fictional professor that uses every
publication type, author marks, a shortened author list, a selected list,
grouping by kind, links to papers' material, talks without a title, grants,
awards, teaching terms, supervision, service years and an undated entry. Its
site and its PDF are built once, with ``-W -n``; the checks read what each
entry should show from its bib file (through :mod:`cvsource`, not the engine),
and look for it in the entry's list item on the site and in the PDF's text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, link_targets, require_tex, run_sphinx, text_layer
from cvsource import CvSources, letters
from pypdf import PdfReader

if TYPE_CHECKING:
    from bs4 import Tag
    from cvsource import BibRecord

ROOT = Path(__file__).parent / "roots" / "test-senior"
SOURCES = CvSources(ROOT)

#: Fields whose words a reader needs, wherever the entry's type shows them.
READER_FIELDS = (
    "title", "subtitle", "titleaddon", "journal", "journaltitle", "booktitle", "publisher",
    "address", "location", "series", "volume", "number", "eid", "chapter", "school",
    "institution", "version", "isbn", "howpublished", "organization", "note", "addendum",
    "eprint", "primaryclass", "eventtitle", "venue",
)  # fmt: skip
#: Link fields and the address each one is shown under.
LINKED = ("doi", "url", "pdf", "code", "repository", "data", "slides", "poster", "video", "html")


def expected_words(record: BibRecord) -> list[str]:
    """What the entry must show, as written in the bib file: its reader fields, its
    editors, book authors and holders, its year."""
    words = [record.field(name) for name in READER_FIELDS if record.field(name)]
    for role in ("editor", "bookauthor", "holder"):
        words += [
            " ".join([*person.first_names, *person.middle_names, *person.last_names])
            for person in record.entry.persons.get(role, [])
        ]
    if record.field("year") or record.field("date"):
        words.append(record.year)
    return [word for word in words if letters(word)]


def expected_links(record: BibRecord) -> set[str]:
    links = set()
    for name in LINKED:
        value = record.field(name)
        if value:
            links.add(f"https://doi.org/{value}" if name == "doi" else value)
    return links


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("senior") / "test-senior"
    shutil.copytree(ROOT, copy)
    return copy


@pytest.fixture(scope="module")
def site(project: Path) -> dict[str, BeautifulSoup]:
    outdir = build_root(project, "html", project / "_build" / "html")
    return {
        path.relative_to(outdir).with_suffix("").as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in outdir.rglob("*.html")
    }


@pytest.fixture(scope="module")
def pdf(project: Path) -> PdfReader:
    require_tex()
    outdir = project / "_build" / "pdf"
    result = run_sphinx("-M", "latexpdf", ".", outdir, "-W", "-n", "-q", cwd=project)
    assert result.returncode == 0, result.stderr
    return PdfReader(outdir / "latex" / "senior-cv.pdf")


@pytest.fixture(scope="module")
def pdf_letters(pdf: PdfReader) -> str:
    return letters(text_layer(pdf))


def items(soup: BeautifulSoup, list_class: str) -> list[Tag]:
    return [item for listing in soup.select(f".{list_class}") for item in listing.find_all("li")]


def item_text(item: Tag) -> str:
    shown = BeautifulSoup(str(item), "html.parser")
    for hidden in shown.select(".cv-bibtex, .visually-hidden"):
        hidden.decompose()
    return shown.get_text(" ")


def publication_items(site: dict[str, BeautifulSoup], record: BibRecord) -> list[Tag]:
    """The full list's items that hold the entry's title (a short title may be part of
    another's)."""
    found = [
        item
        for item in items(site["sections/publications"], "cv-publication-list")
        if letters(record.title) in letters(item_text(item))
    ]
    assert found, f"{record.key}: not listed"
    return found


def publication_item(site: dict[str, BeautifulSoup], record: BibRecord) -> Tag:
    """The entry's item: of those holding its title, the one that shows most of it."""
    return max(
        publication_items(site, record),
        key=lambda item: sum(
            letters(word) in letters(item_text(item)) for word in expected_words(record)
        ),
    )


def pdf_windows(pdf_letters: str, record: BibRecord) -> list[str]:
    """The PDF's letters around each place the entry's title is (names come before
    it, the details after)."""
    title = letters(record.title)
    starts = [match.start() for match in re.finditer(re.escape(title), pdf_letters)]
    assert starts, f"{record.key}: title not in the PDF"
    return [pdf_letters[max(0, start - 300) : start + 900] for start in starts]


PUBLICATIONS = SOURCES.publications
TALKS = SOURCES.talks


@pytest.mark.parametrize("record", PUBLICATIONS, ids=[r.key for r in PUBLICATIONS])
def test_every_field_a_reader_needs_is_on_the_site(
    site: dict[str, BeautifulSoup], record: BibRecord
) -> None:
    item = publication_item(site, record)
    shown = letters(item_text(item))
    missing = [word for word in expected_words(record) if letters(word) not in shown]
    assert missing == [], f"{record.key} ({record.entry.type}) lacks {missing}"
    hrefs = {anchor["href"] for anchor in item.find_all("a", href=True)}
    assert expected_links(record) <= hrefs


@pytest.mark.parametrize("record", PUBLICATIONS, ids=[r.key for r in PUBLICATIONS])
def test_every_field_a_reader_needs_is_in_the_pdf(pdf_letters: str, record: BibRecord) -> None:
    missing = min(
        ([word for word in expected_words(record) if letters(word) not in window]
         for window in pdf_windows(pdf_letters, record)),
        key=len,
    )  # fmt: skip
    assert missing == [], f"{record.key} ({record.entry.type}) lacks {missing}"


def test_every_link_is_clickable_in_the_pdf(pdf: PdfReader) -> None:
    targets = set(link_targets(pdf))
    for record in [*PUBLICATIONS, *TALKS]:
        assert expected_links(record) <= targets, record.key


def test_bookkeeping_fields_are_not_shown(site: dict[str, BeautifulSoup], pdf_letters: str) -> None:
    page = site["sections/publications"]
    shown = " ".join(item_text(item) for item in items(page, "cv-publication-list"))
    for hidden in ("Not shown.", "+0100"):
        assert hidden not in shown
        assert letters(hidden) not in pdf_letters


def test_groups_are_the_same_in_both_outputs(
    site: dict[str, BeautifulSoup], pdf_letters: str
) -> None:
    headings = [
        rubric.get_text()
        for rubric in site["sections/publications"].select(".cv-publications-group")
    ]
    assert len(headings) >= 10, headings  # every kind present has its heading
    position = 0
    for heading in headings:
        found = pdf_letters.find(letters(heading), position)
        assert found >= 0, f"group {heading!r} missing or out of order in the PDF"
        position = found


def test_numbering_counts_down_across_groups_in_both_outputs(
    site: dict[str, BeautifulSoup], pdf: PdfReader
) -> None:
    lists = site["sections/publications"].select("ol.cv-publication-list")
    starts = [int(listing["start"]) for listing in lists]
    sizes = [len(listing.find_all("li", recursive=False)) for listing in lists]
    assert starts[0] == len(PUBLICATIONS)
    for start, size, following in zip(starts, sizes, starts[1:], strict=False):
        assert following == start - size
    numbers = [int(n) for n in re.findall(r"^(\d+)\.\s", text_layer(pdf), re.M)]
    assert numbers[:1] == [len(PUBLICATIONS)]
    assert numbers[-1] == 1


def test_marks_and_their_legend_in_both_outputs(
    site: dict[str, BeautifulSoup], pdf: PdfReader
) -> None:
    text = text_layer(pdf)
    page = site["sections/publications"].get_text(" ")
    for output in (page, text):
        assert "equal contribution" in output
        assert "corresponding author" in output
        assert "student or mentee" in output
    reefs = next(r for r in PUBLICATIONS if r.key == "reefs2024")
    item = item_text(publication_item(site, reefs))
    for mark in ("Okafor", "†", "‡", "*"):
        assert mark in item
    window = text[text.rfind("Forecasting Coral Recovery") - 200 :][:400]
    assert "†" in window
    assert "‡" in window


def test_a_long_author_list_keeps_the_owner_and_says_where(
    site: dict[str, BeautifulSoup], pdf_letters: str
) -> None:
    plankton = next(r for r in PUBLICATIONS if r.key == "plankton2020")
    item = publication_item(site, plankton)
    assert item.find("strong") or item.find("b"), "the owner is not in bold"
    shown = item_text(item)
    assert "Coauthor30" not in shown
    assert "22nd of 30 authors" in shown
    assert letters("22nd of 30 authors") in pdf_letters
    census = next(r for r in PUBLICATIONS if r.key == "census2021")
    assert "et\u00a0al." in item_text(publication_item(site, census))
    assert "others" not in item_text(publication_item(site, census))


def test_the_selected_list_holds_exactly_the_selected(
    site: dict[str, BeautifulSoup], pdf_letters: str
) -> None:
    selected = [r for r in PUBLICATIONS if "selected" in r.keywords or r.field("selected")]
    listed = items(site["index"], "cv-publication-list")
    assert len(listed) == len(selected) == 2
    for record in selected:
        assert any(letters(record.title) in letters(item_text(item)) for item in listed)
        assert pdf_letters.count(letters(record.title)) == 2  # selected, then in the list


@pytest.mark.parametrize("record", TALKS, ids=[r.key for r in TALKS])
def test_every_talk_in_both_outputs(
    site: dict[str, BeautifulSoup], pdf_letters: str, record: BibRecord
) -> None:
    words = [record.field("eventtitle"), record.field("venue"), record.title]
    talks = " ".join(item_text(i) for i in items(site["sections/talks"], "cv-talk-list"))
    for word in filter(None, words):
        assert letters(word) in letters(talks)
        assert letters(word) in pdf_letters


def test_talk_marks_and_dates_in_both_outputs(
    site: dict[str, BeautifulSoup], pdf_letters: str
) -> None:
    talks = site["sections/talks"].get_text(" ")
    for shown in ("Keynote.", "Invited talk.", "14 Mar 2023", "28\u201330 Jul 2022"):
        assert shown in talks
        assert letters(shown) in pdf_letters


RECORDS = {
    "sections/grants": ["PI", "\u20ac1,850,000", "Co-PI", "US$420,000", "Jan 2022 \u2013 Dec 2026"],
    "sections/teaching": ["Fall 2018 \u2013 Present", "Spring 2013, Spring 2014, Fall 2016"],
    "sections/supervision": ["Main supervisor", "now Lecturer at Northport Polytechnic"],
    "sections/service": ["2021, 2023, 2024", "2015\u20132019, 2022", "Jan 2020 \u2013 Present"],
    "sections/awards": ["International Society for Ecological Modelling", "Sep 2023"],
    "sections/appointments": ["Member, Examplia Academy of Sciences"],
}


@pytest.mark.parametrize("page", RECORDS)
def test_records_in_both_outputs(
    site: dict[str, BeautifulSoup], pdf_letters: str, page: str
) -> None:
    text = " ".join(site[page].get_text(" ").split())
    for shown in RECORDS[page]:
        assert shown in text, shown
        assert letters(shown) in pdf_letters, shown
