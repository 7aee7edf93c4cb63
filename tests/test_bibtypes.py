"""Every entry type an academic lists, formatted by the style with no Sphinx build.

Each case is a bib entry as its exporter or biblatex's manual writes it, read
by the bib check's normalisation (aliases, names, dates), then formatted: the
text says what a reader needs of that type, in its order. The website and the
PDF draw the same rich text (see ``test_bibtypes_build.py`` for both outputs).
"""

from __future__ import annotations

import pytest
from cv import bibentries
from cv.bibstyle import TEXT_FIELDS, CvStyle
from pybtex.database import Entry

OWNER = ["Example, Ada"]


def normalised(kind: str, **fields: str) -> Entry:
    made = Entry(kind, fields=fields)
    made.key = "k"
    assert bibentries.normalise(made, TEXT_FIELDS) == []
    return made


def text(kind: str, **fields: str) -> str:
    made = normalised(kind, **fields)
    return CvStyle(highlight_names=OWNER).format_entry("1", made).text.render_as("text")


NBSP = "\u00a0"

CASES = {
    "article with article number": (
        "article",
        {"author": "Example, Ada and Roe, Rita", "title": "Fast Things",
         "subtitle": "A Survey", "journaltitle": "Journal of Things", "volume": "12",
         "number": "3", "eid": "e1042", "date": "2024-03"},
        f"Ada Example, Rita Roe, “Fast Things: A Survey,” Journal of Things, vol.{NBSP}12, "
        f"no.{NBSP}3, art.{NBSP}no.{NBSP}e1042, 2024.",
    ),
    "proceedings as editor": (
        "proceedings",
        {"editor": "Example, Ada and Roe, Rita", "title": "Proceedings of the Workshop on Things",
         "publisher": "ACM", "address": "New York, NY", "year": "2022"},
        "Ada Example, Rita Roe, Eds., Proceedings of the Workshop on Things, ACM, "
        "New York, NY, 2022.",
    ),
    "book": (
        "book",
        {"author": "Example, Ada", "title": "A Book on Things", "edition": "2",
         "series": "Lecture Notes in Things", "number": "7", "publisher": "Example Press",
         "location": "Oxford", "isbn": "978-0-00-000000-2", "year": "2021"},
        f"Ada Example, A Book on Things, 2nd ed., Lecture Notes in Things, no.{NBSP}7, "
        f"Example Press, Oxford, 2021, ISBN{NBSP}978-0-00-000000-2.",
    ),
    "chapter with editors and publisher": (
        "incollection",
        {"author": "Example, Ada", "title": "Things in Context",
         "booktitle": "The Handbook of Things", "editor": "Doe, Jane and Poe, Ed",
         "edition": "3", "publisher": "Example Press", "address": "Cham",
         "chapter": "4", "pages": "77--101", "year": "2020"},
        f"Ada Example, “Things in Context,” in The Handbook of Things, Jane Doe, Ed Poe, Eds., "
        f"3rd ed., Example Press, Cham, ch.{NBSP}4, pp.{NBSP}77–101, 2020.",
    ),
    "PhD thesis": (
        "phdthesis",
        {"author": "Example, Ada", "title": "On Things", "school": "Example University",
         "address": "Springfield", "year": "2015"},
        "Ada Example, “On Things,” PhD thesis, Example University, Springfield, 2015.",
    ),
    "thesis with a type key": (
        "thesis",
        {"author": "Example, Ada", "title": "Small Things", "type": "mathesis",
         "institution": "Example University", "year": "2011"},
        "Ada Example, “Small Things,” Master's thesis, Example University, 2011.",
    ),
    "technical report": (
        "techreport",
        {"author": "Example, Ada", "title": "Counting Things", "institution": "Example Lab",
         "number": "TR-2019-04", "year": "2019"},
        f"Ada Example, “Counting Things,” Technical report{NBSP}TR-2019-04, Example Lab, 2019.",
    ),
    "patent": (
        "patent",
        {"author": "Example, Ada and Roe, Rita", "title": "Device for Things",
         "type": "patentus", "number": "11,222,333", "holder": "{Example Corp.}",
         "date": "2023-05-16"},
        f"Ada Example, Rita Roe, “Device for Things,” U.S. patent{NBSP}11,222,333, "
        "assigned to Example Corp., 16 May 2023.",
    ),
    "pending patent application": (
        "patent",
        {"author": "Example, Ada", "title": "Method for Things", "type": "patreqeu",
         "number": "EP4000000A1", "year": "2024", "pubstate": "pending"},
        f"Ada Example, “Method for Things,” European patent request{NBSP}EP4000000A1, 2024. "
        "Pending.",
    ),
    "software": (
        "software",
        {"author": "Example, Ada", "title": "thingkit", "version": "2.1.0",
         "organization": "Example Lab", "year": "2024",
         "repository": "https://example.org/thingkit", "doi": "10.5281/zenodo.1234567"},
        f"Ada Example, “thingkit,” version{NBSP}2.1.0, Example Lab, 2024. DOI · Code",
    ),
    "dataset": (
        "dataset",
        {"author": "Example, Ada", "title": "The Things Dataset", "version": "3",
         "publisher": "Zenodo", "year": "2022", "data": "https://example.org/things.zip"},
        f"Ada Example, “The Things Dataset,” version{NBSP}3, Zenodo, 2022. Data",
    ),
    "online with urldate": (
        "online",
        {"author": "Example, Ada", "title": "Things, Explained", "organization": "Example Blog",
         "date": "2023", "urldate": "2024-01-05", "url": "https://example.org/things"},
        "Ada Example, “Things, Explained,” Example Blog, 2023, accessed 5 Jan 2024. URL",
    ),
    "misc with howpublished": (
        "misc",
        {"author": "Example, Ada", "title": "A Poster on Things",
         "howpublished": "Poster at the Things Meeting", "year": "2018"},
        "Ada Example, “A Poster on Things,” Poster at the Things Meeting, 2018.",
    ),
    "unpublished, submitted": (
        "unpublished",
        {"author": "Example, Ada", "title": "Things to Come", "note": "under review at "
         "Journal of Things", "pubstate": "submitted"},
        "Ada Example, “Things to Come.” Submitted. Under review at Journal of Things.",
    ),
    "article in press with titleaddon and addendum": (
        "article",
        {"author": "Example, Ada", "title": "Late Things", "titleaddon": "Invited paper",
         "journal": "Journal of Things", "year": "2025", "pubstate": "inpress",
         "addendum": "With a reply by R. Roe"},
        "Ada Example, “Late Things,” Invited paper, Journal of Things, 2025. In press. "
        "With a reply by R. Roe.",
    ),
    "arXiv preprint": (
        "misc",
        {"author": "Example, Ada", "title": "Preprinted Things", "eprint": "2401.01234",
         "archiveprefix": "arXiv", "primaryclass": "cs.LG", "year": "2024"},
        "Ada Example, “Preprinted Things,” arXiv:2401.01234 [cs.LG], 2024. arXiv",
    ),
    "bioRxiv preprint": (
        "article",
        {"author": "Example, Ada", "title": "Living Things", "eprinttype": "bioRxiv",
         "eprint": "2022.07.07.499039", "year": "2022"},
        "Ada Example, “Living Things,” bioRxiv:2022.07.07.499039, 2022. bioRxiv",
    ),
    "SSRN preprint": (
        "unpublished",
        {"author": "Example, Ada", "title": "Priced Things", "eprinttype": "ssrn",
         "eprint": "4412345", "year": "2023"},
        "Ada Example, “Priced Things,” SSRN:4412345, 2023. SSRN",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("kind", "fields", "shown"), CASES.values(), ids=CASES.keys())
def test_each_type_reads_as_its_kind(kind: str, fields: dict[str, str], shown: str) -> None:
    assert text(kind, **fields) == shown


def test_material_links_follow_the_identifiers_in_a_fixed_order() -> None:
    made = normalised(
        "inproceedings",
        author="Example, Ada",
        title="Linked Things",
        booktitle="Proc. Things",
        year="2024",
        doi="10.5555/1",
        video="https://example.org/v",
        pdf="https://example.org/p.pdf",
        code="https://example.org/c",
        slides="https://example.org/s",
        poster="https://example.org/po",
        data="https://example.org/d",
        html="https://example.org/project",
    )
    html = CvStyle(highlight_names=OWNER).format_entry("1", made).text.render_as("html")
    labels = [
        ("DOI", "https://doi.org/10.5555/1"),
        ("PDF", "https://example.org/p.pdf"),
        ("Code", "https://example.org/c"),
        ("Data", "https://example.org/d"),
        ("Slides", "https://example.org/s"),
        ("Poster", "https://example.org/po"),
        ("Video", "https://example.org/v"),
        ("Project", "https://example.org/project"),
    ]
    position = 0
    for label, address in labels:
        anchor = f'<a href="{address}">{label}</a>'
        assert anchor in html[position:], label
        position = html.index(anchor, position)


def test_a_material_link_that_is_not_a_web_address_is_a_mistake() -> None:
    made = Entry("article", fields={"author": "Example, Ada", "title": "T", "pdf": "paper.pdf"})
    made.key = "k"
    [mistake] = bibentries.normalise(made, TEXT_FIELDS)
    assert mistake.field == "pdf"
    assert "paper.pdf" in mistake.message
    assert "full address (https://...)" in mistake.message


@pytest.mark.parametrize(("value", "selected"), [("true", True), ("false", False)])
def test_al_folio_selected_field_is_the_keyword(value: str, selected: bool) -> None:
    made = normalised("article", author="Example, Ada", title="T", selected=value)
    assert ("selected" in made.fields.get("keywords", "")) is selected


def test_a_selected_field_that_is_no_yes_or_no_is_a_mistake() -> None:
    made = Entry("article", fields={"author": "Example, Ada", "title": "T", "selected": "maybe"})
    made.key = "k"
    [mistake] = bibentries.normalise(made, TEXT_FIELDS)
    assert mistake.field == "selected"


def test_a_talk_without_a_title_reads_from_its_speakers() -> None:
    assert (
        text(
            "misc",
            author="Example, Ada",
            eventtitle="Theory Seminar, Example University",
            date="2023-03-14",
            keywords="talk, invited",
        )
        == "Ada Example, Theory Seminar, Example University, 14 Mar 2023. Invited talk."
    )


def test_a_keynote_is_marked_as_one() -> None:
    shown = text(
        "misc",
        author="Example, Ada",
        title="Things Ahead",
        eventtitle="Things Conference",
        date="2023-06",
        keywords="talk, invited, keynote",
    )
    assert shown.endswith("Jun 2023. Keynote.")


def test_the_date_style_reaches_talks_and_patents() -> None:
    made = normalised("patent", author="Example, Ada", title="T", number="1", date="2023-05-16")
    style = type("Long", (CvStyle,), {"date_style": "long", "highlight_names": OWNER})()
    assert style.format_entry("1", made).text.render_as("text").endswith("16 May 2023.")
    iso = type("Iso", (CvStyle,), {"date_style": "iso", "highlight_names": OWNER})()
    assert iso.format_entry("1", made).text.render_as("text").endswith("2023-05-16.")


def test_a_volume_of_a_multivolume_work_names_the_whole_and_its_translator() -> None:
    assert text(
        "book",
        author="Example, Ada",
        title="Letters",
        maintitle="Collected Works",
        volume="5",
        translator="Roe, Rita",
        publisher="Example Press",
        year="2019",
    ) == (
        f"Ada Example, Letters, trans. Rita Roe, vol.{NBSP}5 of Collected Works, "
        "Example Press, 2019."
    )


KNOWN_TYPES = sorted(bibentries.KNOWN_TYPES - {"xdata", "set"})


@pytest.mark.parametrize("kind", KNOWN_TYPES)
def test_every_known_type_reads_with_its_title_venue_and_year(kind: str) -> None:
    """Whatever the type, what the bib check asks of it is enough to format it."""
    fields = {
        "author": "Example, Ada", "title": "A Work", "year": "2020", "journal": "J. Ex.",
        "booktitle": "Book of Examples", "institution": "Ex. University", "number": "42",
    }  # fmt: skip
    shown = text(kind, **fields)
    assert shown.startswith("Ada Example, ")
    for part in ("A Work", "2020"):
        assert part in shown


def test_a_paper_in_proceedings_published_as_a_journal_names_both() -> None:
    """INSPIRE's PoS entries give booktitle, journal and volume."""
    assert text(
        "inproceedings",
        author="Example, Ada",
        title="Results",
        booktitle="39th International Conference on High Energy Physics",
        journal="PoS",
        volume="ICHEP2018",
        pages="712",
        year="2019",
    ) == (
        "Ada Example, “Results,” in 39th International Conference on High Energy Physics, "
        f"PoS, vol.{NBSP}ICHEP2018, p.{NBSP}712, 2019."
    )


@pytest.mark.parametrize(
    ("fields", "links"),
    [
        (  # the bioRxiv e-print's address is its DOI's
            {"doi": "10.1101/2024.02.11.579000", "eprinttype": "bioRxiv",
             "eprint": "2024.02.11.579000", "url": "https://example.org/x"},
            "DOI · URL",
        ),
        (  # a url that is the repository reads "Code"
            {"url": "https://example.org/code", "repository": "https://example.org/code"},
            "Code",
        ),
        ({"pmid": "31234567"}, "PubMed"),
    ],
)  # fmt: skip
def test_each_address_is_linked_once_under_its_best_label(
    fields: dict[str, str], links: str
) -> None:
    shown = text("online", author="Example, Ada", title="T", year="2024", **fields)
    assert shown.endswith(f"2024. {links}")


def test_invited_talk_as_a_keyword_marks_the_talk() -> None:
    shown = text(
        "misc", author="Example, Ada", title="T", eventtitle="E", date="2023-06",
        keywords="talk, Invited Talk",
    )  # fmt: skip
    assert shown.endswith("Invited talk.")
