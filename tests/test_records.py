"""The COinS record of each kind of publication, with no Sphinx build.

Each entry's fields are given as the bib parser reads them (the outer braces
gone) and normalised as the bib check does (:func:`cv.bibentries.normalise`), so
that biblatex's aliases, names and identifiers reach the record as in a build.
(Publications have no JSON-LD records any more: see :mod:`cv.records`.)
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from cv.bibentries import KNOWN_TYPES, normalise
from cv.bibstyle import TEXT_FIELDS
from cv.records import coins
from pybtex.database import Entry

MARKS = ("†", "*", "‡", "others")


def entry(kind: str, **fields: str) -> Entry:
    made = Entry(kind, fields=fields)
    made.key = "k"
    assert normalise(made, TEXT_FIELDS) == []
    return made


def kev(item: Entry) -> dict[str, list[str]]:
    return parse_qs(coins(item), keep_blank_values=True)  # so that "no key is empty" can fail


#: The keys of a ContextObject that name a person or a body.
NAME_KEYS = ("rft.au", "rft.aucorp", "rft.creator", "rft.inventor", "rft.assignee")


def records(item: Entry) -> dict[str, list[str]]:
    """The entry's COinS record, checked to be well formed: no key is empty, and
    no name carries a mark or "others"."""
    fields = kev(item)
    assert fields["ctx_ver"] == ["Z39.88-2004"]
    assert all(value for values in fields.values() for value in values)
    for key in NAME_KEYS:
        for name in fields.get(key, []):
            assert not any(mark in name for mark in MARKS), name
    return fields


def test_article() -> None:
    fields = records(
        entry(
            "article",
            author="Lee, Min and Mueller, Anna and others",
            title="A memory chip",
            subtitle="Based on {ReRAM}",
            journaltitle="Nature",
            volume="608",
            number="7923",
            pages="504--512",
            issn="0028-0836",
            date="2022-08-04",
            doi="https://doi.org/10.5555/12345678",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert fields["rft.genre"] == ["article"]
    assert fields["rft.atitle"] == ["A memory chip: Based on ReRAM"]
    assert fields["rft.jtitle"] == ["Nature"]
    assert fields["rft.au"] == ["Lee, Min", "Mueller, Anna"]
    assert (fields["rft.volume"], fields["rft.issue"]) == (["608"], ["7923"])
    assert (fields["rft.spage"], fields["rft.epage"]) == (["504"], ["512"])
    assert (fields["rft.pages"], fields["rft.issn"]) == (["504–512"], ["0028-0836"])
    assert fields["rft.date"] == ["2022-08-04"]
    assert fields["rft_id"] == ["info:doi/10.5555/12345678"]


def test_inproceedings_is_part_of_its_proceedings() -> None:
    fields = records(
        entry(
            "inproceedings",
            author="Rao, Priya",
            editor="Kim, Jae",
            title="Spiking networks",
            booktitle="Proceedings of {ISCAS}",
            publisher="IEEE",
            address="Austin, TX",
            pages="1--4",
            year="2021",
            month="may",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    assert fields["rft.genre"] == ["proceeding"]
    assert (fields["rft.atitle"], fields["rft.btitle"]) == (
        ["Spiking networks"],
        ["Proceedings of ISCAS"],
    )
    assert (fields["rft.pub"], fields["rft.place"]) == (["IEEE"], ["Austin, TX"])
    assert fields["rft.au"] == ["Rao, Priya"]  # the editor is no author
    assert (fields["rft.spage"], fields["rft.epage"]) == (["1"], ["4"])
    assert fields["rft.date"] == ["2021-05"]


def test_book_by_its_author() -> None:
    fields = records(
        entry(
            "book",
            author="van der Berg, Anna",
            title="Neuromorphic Engineering",
            publisher="MIT Press",
            location="Cambridge, MA",
            edition="2",
            series="Computational Neuroscience",
            isbn="978-0-262-04000-0",
            pagetotal="412",
            year="2020",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    assert fields["rft.genre"] == ["book"]
    assert fields["rft.btitle"] == ["Neuromorphic Engineering"]
    assert "rft.atitle" not in fields
    assert "rft.pages" not in fields
    assert fields["rft.au"] == ["van der Berg, Anna"]
    assert fields["rft.pub"] == ["MIT Press"]
    assert (fields["rft.edition"], fields["rft.isbn"], fields["rft.tpages"]) == (
        ["2"],
        ["978-0-262-04000-0"],
        ["412"],
    )
    assert (fields["rft.series"], fields["rft.place"]) == (
        ["Computational Neuroscience"],
        ["Cambridge, MA"],
    )


def test_collection_by_its_editors() -> None:
    fields = records(
        entry(
            "collection",
            editor="Kim, Jae and Rao, Priya",
            title="Memristors",
            publisher="Springer",
            year="2019",
        )
    )
    assert fields["rft.genre"] == ["book"]
    assert "rft.au" not in fields  # editors are not authors


def test_incollection_is_a_chapter_of_an_edited_book() -> None:
    fields = records(
        entry(
            "incollection",
            author="Mueller, Anna",
            editor="Kim, Jae",
            title="Synapses in silicon",
            booktitle="Memristors",
            publisher="Springer",
            address="Cham",
            edition="3",
            chapter="7",
            pages="101--130",
            year="2019",
        )
    )
    assert fields["rft.genre"] == ["bookitem"]
    assert (fields["rft.atitle"], fields["rft.btitle"]) == (["Synapses in silicon"], ["Memristors"])
    assert (fields["rft.pub"], fields["rft.place"], fields["rft.pages"]) == (
        ["Springer"],
        ["Cham"],
        ["101–130"],
    )
    assert (fields["rft.spage"], fields["rft.epage"], fields["rft.edition"]) == (
        ["101"],
        ["130"],
        ["3"],
    )
    assert fields["rft.au"] == ["Mueller, Anna"]  # the editor is no author


def test_phdthesis_names_its_school() -> None:
    fields = records(
        entry(
            "phdthesis",
            author="Mueller, Anna",
            title="Analog learning",
            school='ETH Z{\\"u}rich',
            year="2018",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dissertation"]
    assert (fields["rft.title"], fields["rft.inst"], fields["rft.degree"]) == (
        ["Analog learning"],
        ["ETH Zürich"],
        ["PhD"],
    )
    assert fields["rft.au"] == ["Mueller, Anna"]


def test_thesis_with_its_type_and_institution() -> None:
    fields = records(
        entry(
            "thesis",
            author="Mueller, Anna",
            title="Spikes",
            type="mathesis",
            institution="TU Wien",
            year="2014",
        )
    )
    assert (fields["rft.inst"], fields["rft.degree"]) == (["TU Wien"], ["Master's"])
    written = entry(
        "thesis", author="A, B", title="T", type="Habilitation thesis", institution="U", year="2020"
    )
    assert kev(written)["rft.degree"] == ["Habilitation thesis"]


def test_techreport_has_its_number() -> None:
    fields = records(
        entry(
            "techreport",
            author="Rao, Priya",
            title="Noise in crossbars",
            institution="IBM Research",
            number="RZ-3921",
            year="2017",
        )
    )
    assert fields["rft.genre"] == ["report"]
    assert (fields["rft.btitle"], fields["rft.pub"]) == (["Noise in crossbars"], ["IBM Research"])


def test_patent_has_its_number_and_holder() -> None:
    fields = records(
        entry(
            "patent",
            author="Mueller, Anna and Lee, Min",
            title="Crossbar array with selectors",
            number="11234567",
            type="patentus",
            holder="{ACME Corporation}",
            date="2023-03-14",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:patent"]
    assert (fields["rft.number"], fields["rft.cc"]) == (["11234567"], ["US"])
    assert fields["rft.inventor"] == ["Mueller, Anna", "Lee, Min"]
    assert fields["rft.assignee"] == ["ACME Corporation"]
    assert fields["rft.date"] == ["2023-03-14"]
    assert "rft.au" not in fields


def test_software_has_its_version_and_repository() -> None:
    fields = records(
        entry(
            "software",
            author="Mueller, Anna",
            title="spikesim",
            version="2.1.0",
            repository="https://github.com/example/spikesim",
            url="https://spikesim.example.org",
            doi="10.5281/zenodo.1234567",
            year="2024",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dc"]
    assert fields["rft.type"] == ["Software", "computerProgram"]
    assert fields["rft.creator"] == ["Mueller, Anna"]
    assert fields["rft_id"] == ["info:doi/10.5281/zenodo.1234567", "https://spikesim.example.org"]
    only_a_url = entry(
        "software", author="A, B", title="T", url="https://example.org/code", year="2020"
    )
    assert kev(only_a_url)["rft_id"] == ["https://example.org/code"]


def test_dataset() -> None:
    fields = records(
        entry(
            "dataset",
            author="Lee, Min",
            title="Spike recordings",
            version="3",
            publisher="Zenodo",
            doi="10.5281/zenodo.7654321",
            year="2023",
        )
    )
    assert fields["rft.type"] == ["Dataset", "dataset"]
    assert fields["rft.publisher"] == ["Zenodo"]


def test_online_with_a_urldate() -> None:
    fields = records(
        entry(
            "online",
            author="Mueller, Anna",
            title="Why spikes",
            organization="Example Blog",
            url="https://blog.example.org/spikes",
            urldate="2024-05-01",
            date="2023-11",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dc"]
    assert fields["rft.date"] == ["2023-11"]  # never the day it was read
    assert fields["rft.publisher"] == ["Example Blog"]
    assert fields["rft_id"] == ["https://blog.example.org/spikes"]
    undated = entry("online", title="T", url="https://example.org", urldate="2024-05-01")
    assert "rft.date" not in kev(undated)


def test_unpublished_with_its_state() -> None:
    fields = records(
        entry(
            "unpublished",
            author="Mueller, Anna",
            title="Learning rules",
            pubstate="submitted",
            year="2025",
        )
    )
    assert fields["rft.type"] == ["Text", "manuscript"]
    assert (fields["rft.title"], fields["rft.date"]) == (["Learning rules"], ["2025"])


@pytest.mark.parametrize(
    ("eprinttype", "eprint", "server", "address"),
    [
        ("arxiv", "arXiv:2206.07741", "arXiv", "https://arxiv.org/abs/2206.07741"),
        (
            "biorxiv",
            "10.1101/2023.01.01.522222",
            "bioRxiv",
            "https://doi.org/10.1101/2023.01.01.522222",
        ),
        ("ssrn", "4123456", "SSRN", "https://papers.ssrn.com/abstract=4123456"),
    ],
)
def test_preprints_from_any_server(eprinttype: str, eprint: str, server: str, address: str) -> None:
    fields = records(
        entry(
            "misc",
            author="Mueller, Anna",
            title="A preprint",
            eprinttype=eprinttype,
            eprint=eprint,
            year="2022",
        )
    )
    assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert fields["rft.genre"] == ["preprint"]
    assert (fields["rft.atitle"], fields["rft.jtitle"]) == (["A preprint"], [server])
    assert fields["rft_id"] == [address]


def test_a_published_preprint_links_both() -> None:
    fields = records(
        entry(
            "article",
            author="A, B",
            title="T",
            journal="J",
            year="2022",
            doi="10.5555/x",
            eprinttype="arxiv",
            eprint="2206.07741",
        )
    )
    assert fields["rft_id"] == ["info:doi/10.5555/x", "https://arxiv.org/abs/2206.07741"]
    assert (fields["rft.genre"], fields["rft.jtitle"]) == (["article"], ["J"])


def test_author_marks_never_reach_the_names() -> None:
    item = entry(
        "article",
        author="Lee, Min and Mueller, Anna and Rao, Priya and others",
        **{"author+an": '1="equal"; 2="equal"; 3="corresponding"'},
        title="Marked",
        journal="J",
        year="2024",
    )
    fields = records(item)
    assert fields["rft.au"] == ["Lee, Min", "Mueller, Anna", "Rao, Priya"]
    assert "equal" not in coins(item)
    assert "corresponding" not in coins(item)


def test_every_type_gives_valid_records() -> None:
    """Each biblatex type, with only an author, a title and a year, gives a
    ContextObject in a known format that holds the title."""
    formats = {
        f"info:ofi/fmt:kev:mtx:{name}"
        for name in ("journal", "book", "dissertation", "patent", "dc")
    }
    for kind in sorted(KNOWN_TYPES - {"xdata", "set"}):
        fields = records(entry(kind, author="Lee, Min", title="Title", year="2020"))
        assert fields["rft_val_fmt"][0] in formats, kind
        # A periodical's title is the journal's.
        titles = [
            fields.get(key) for key in ("rft.atitle", "rft.btitle", "rft.title", "rft.jtitle")
        ]
        assert ["Title"] in titles, kind


def test_a_body_is_an_organisation_and_a_single_name_a_person() -> None:
    fields = records(
        entry(
            "article",
            author="{Example Consortium} and Homer",
            title="T",
            journal="J",
            year="2020",
        )
    )
    assert (fields["rft.aucorp"], fields["rft.au"]) == (["Example Consortium"], ["Homer"])


def test_markup_in_a_field_the_cv_does_not_show_is_left_out() -> None:
    fields = records(
        entry("book", author="A, B", title="T", publisher="P", year="2020", pagetotal="\\cite{x}")
    )
    assert "rft.tpages" not in fields
