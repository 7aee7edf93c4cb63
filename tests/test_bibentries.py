"""Bib entries as exporters write them: what each means, and each mistake's message.

Every case parses a small bib file with the engine's check (no Sphinx build)
and expects either exactly one error, ``refs.bib:<line>: <message>``, or the
entry formatted as the CV shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import pytest
from cv.bibcheck import check_bib_files
from cv.bibentries import is_preprint_journal
from cv.bibstyle import CvStyle
from cv.publications import bibtex_source, download_name
from cv.records import coins
from pybtex.database.input.bibtex import Parser

if TYPE_CHECKING:
    from pathlib import Path

    from pybtex.database import Entry


def entry(kind: str, key: str, **fields: str) -> str:
    """A bib entry with one field a line, as most exporters write it."""
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    return f"@{kind}{{{key},\n{body}}}\n"


ARTICLE = {"author": "Example, Ada", "title": "A Title", "journal": "J", "year": "2020"}


def check(tmp_path: Path, bib: str, owner: tuple[str, ...] = ()) -> tuple[dict, list[str]]:
    path = tmp_path / "refs.bib"
    path.write_text(bib, encoding="utf-8")
    bibdata, problems, _places = check_bib_files([path], "utf-8-sig", owner)
    messages = [f"refs.bib:{p.line}: {p.level}: {p.message}" for p in problems]
    return dict(bibdata.data.entries), messages


def shown(item: Entry) -> str:
    return CvStyle().format_entry("1", item).text.render_as("text")


# id: (the bib file, the one message it gives)
MISTAKES = {
    "trailing and": (
        entry("article", "x", **{**ARTICLE, "author": "Example, Ada and Other, Bob and"}),
        "refs.bib:2: error: entry 'x': the author list 'Example, Ada and Other, Bob and' has an "
        "'and' with no name on one side (at its start or end, or 'and and'); separate names "
        "with a single ' and '",
    ),
    "and and": (
        entry("article", "x", **{**ARTICLE, "author": "Example, Ada and and Other, Bob"}),
        "refs.bib:2: error: entry 'x': the author list 'Example, Ada and and Other, Bob' has an "
        "'and' with no name on one side (at its start or end, or 'and and'); separate names "
        "with a single ' and '",
    ),
    "others first": (
        entry("article", "x", **{**ARTICLE, "author": "others and Example, Ada"}),
        "refs.bib:2: error: entry 'x': the author list 'others and Example, Ada' has 'others' "
        "before its end; put 'and others' last",
    ),
    "doi not a doi": (
        entry("article", "x", **ARTICLE, doi="see the website"),
        "refs.bib:6: error: entry 'x' has the doi 'see the website', which is not a DOI; write it "
        "as 10.NNNN/..., as doi.org shows it",
    ),
    "url without scheme": (
        entry("article", "x", **ARTICLE, url="www.example.org"),
        "refs.bib:6: error: entry 'x' has the url 'www.example.org': it is not an absolute "
        "address; write 'https://www.example.org'",
    ),
    "javascript url": (
        entry("article", "x", **ARTICLE, url="javascript:alert(1)"),
        "refs.bib:6: error: entry 'x' has the url 'javascript:alert(1)': a CV links only to http "
        "or https addresses, not javascript:",
    ),
    "javascript in a title": (
        entry("article", "x", **{**ARTICLE, "title": r"See \url{javascript:alert(1)}"}),
        "refs.bib:3: error: entry 'x': the title links to 'javascript:alert(1)': a CV links only "
        "to http or https addresses, not javascript:",
    ),
    "date in words": (
        entry("article", "x", **{**ARTICLE, "year": "2023", "date": "May 2023"}),
        "refs.bib:6: error: entry 'x' has a bad date: 'May 2023' is not a date; write YYYY, "
        "YYYY-MM or YYYY-MM-DD, or a range START/END, as biblatex reads dates (here: 2023-05)",
    ),
    "date and year disagree": (
        entry("article", "x", **ARTICLE, date="2021-05"),
        "refs.bib:5: error: entry 'x' has the date '2021-05' and the year '2020', which "
        "disagree; give one of them",
    ),
    "month a season": (
        entry("article", "x", **ARTICLE, month="Spring"),
        "refs.bib:6: error: entry 'x' has the month 'Spring', which is not a month; write a "
        "number from 1 to 12 or a name such as aug",
    ),
    "month 13": (
        entry("article", "x", **ARTICLE, month="13"),
        "refs.bib:6: error: entry 'x' has the month '13', which is not a month; write a number "
        "from 1 to 12 or a name such as aug",
    ),
    "crossref to nothing": (
        entry("inproceedings", "x", author="Example, Ada", title="T", crossref="proc2020"),
        "refs.bib:4: error: entry 'x' has crossref = {proc2020}, but there is no entry "
        "'proc2020' in the bib files",
    ),
    "xdata to nothing": (
        entry("book", "x", author="Example, Ada", title="T", year="2019", xdata="pub"),
        "refs.bib:5: error: entry 'x' has xdata = {pub}, but there is no entry 'pub' in the bib "
        "files",
    ),
    "unknown type": (
        entry("artcle", "x", **ARTICLE),
        "refs.bib:1: error: entry 'x' has the unknown type @artcle; did you mean @article?",
    ),
    "math never closes": (
        entry("article", "x", **{**ARTICLE, "title": "Costs $100"}),
        "refs.bib:3: error: entry 'x': the title 'Costs $100': a '$' opens math that never "
        "closes; write \\$ for a dollar sign",
    ),
    "unknown command": (
        entry("article", "x", **{**ARTICLE, "journal": r"\jpn{Journal}"}),
        "refs.bib:4: error: entry 'x': the journal '\\jpn{Journal}': unknown LaTeX command \\jpn",
    ),
    "arxiv id that is none": (
        entry(
            "misc",
            "x",
            author="Example, Ada",
            title="T",
            year="2020",
            eprint="2206",
            archiveprefix="arXiv",
        ),
        "refs.bib:5: error: entry 'x' has the eprint '2206', which is not an arXiv identifier "
        "(such as 2206.07741 or hep-th/9901001)",
    ),
}


@pytest.mark.parametrize(("bib", "message"), MISTAKES.values(), ids=MISTAKES.keys())
def test_each_mistake_gives_one_error_naming_line_entry_and_field(
    tmp_path: Path, bib: str, message: str
) -> None:
    entries, messages = check(tmp_path, bib)
    assert messages == [message]
    assert entries == {}  # left out, never shown wrongly


# -- what entries mean -----------------------------------------------------------------


@pytest.mark.parametrize(
    "doi",
    [
        "10.5555/12345678",
        "https://doi.org/10.5555/12345678",
        "http://dx.doi.org/10.5555/12345678",
        "doi:10.5555/12345678",
        "DOI: 10.5555/12345678",
        "https://doi.org/10.5555%2F12345678",
    ],
)
def test_a_doi_in_any_common_form_links_once(tmp_path: Path, doi: str) -> None:
    entries, messages = check(tmp_path, entry("article", "x", **ARTICLE, doi=doi))
    assert messages == []
    html = CvStyle().format_entry("1", entries["x"]).text.render_as("html")
    assert 'href="https://doi.org/10.5555/12345678"' in html
    assert "doi.org/https" not in html
    assert parse_qs(coins(entries["x"]))["rft_id"] == ["info:doi/10.5555/12345678"]


def test_and_others_reads_et_al_and_is_no_person(tmp_path: Path) -> None:
    bib = entry("article", "x", **{**ARTICLE, "author": "Example, Ada and Other, Bob and others"})
    entries, messages = check(tmp_path, bib)
    assert messages == []
    assert shown(entries["x"]).startswith("Ada Example, Bob Other et\u00a0al., “A Title,”")
    assert parse_qs(coins(entries["x"]))["rft.au"] == ["Example, Ada", "Other, Bob"]
    assert "others" not in coins(entries["x"])


def test_a_date_sets_the_year_and_the_order(tmp_path: Path) -> None:
    bib = entry("article", "x", author="Example, Ada", title="T", journal="J", date="2023-05-04")
    entries, messages = check(tmp_path, bib)
    assert messages == []
    assert shown(entries["x"]).endswith("J, 2023.")
    assert parse_qs(coins(entries["x"]))["rft.date"] == ["2023-05-04"]


@pytest.mark.parametrize("month", ["aug", "Aug.", "August", "8", "08"])
def test_a_month_by_name_number_or_macro(tmp_path: Path, month: str) -> None:
    bib = entry("article", "x", **ARTICLE, month=month).replace("{aug}", "aug")
    assert check(tmp_path, bib)[1] == []


def test_crossref_inherits_as_bibtex_and_biblatex_do(tmp_path: Path) -> None:
    """DBLP's "with crossref" export: the proceedings' title is the paper's booktitle,
    and the proceedings is not listed as a publication of its own."""
    bib = entry("inproceedings", "paper", author="Example, Ada", title="A Paper",
                crossref="DBLP:conf/x/2020", pages="1--8")  # fmt: skip
    bib += entry("proceedings", "DBLP:conf/x/2020", editor="Editor, Ed",
                 title="Proceedings of {X} 2020", publisher="{ACM}", year="2020")  # fmt: skip
    entries, messages = check(tmp_path, bib)
    assert messages == []
    assert list(entries) == ["paper"]
    assert shown(entries["paper"]) == (
        "Ada Example, “A Paper,” in Proceedings of X 2020, Ed Editor, Ed., ACM, pp.\u00a01–8, 2020."
    )


def test_xdata_inherits_every_field(tmp_path: Path) -> None:
    bib = entry("xdata", "acm", publisher="ACM", year="2021")
    bib += entry("book", "b", author="Example, Ada", title="A Book", xdata="acm")
    entries, messages = check(tmp_path, bib)
    assert messages == []
    assert list(entries) == ["b"]
    assert shown(entries["b"]) == "Ada Example, A Book, ACM, 2021."


def test_keywords_split_on_commas_or_semicolons(tmp_path: Path) -> None:
    """IEEE Xplore and Zotero separate keywords with semicolons."""
    bib = entry("misc", "t", author="Example, Ada", title="T", eventtitle="E", date="2020-01",
                keywords="Talk; Invited")  # fmt: skip
    entries, messages = check(tmp_path, bib)
    assert messages == []
    assert shown(entries["t"]).endswith("Invited talk.")


def test_empty_fields_are_no_fields(tmp_path: Path) -> None:
    """IEEE Xplore exports ``volume={}``."""
    entries, messages = check(tmp_path, entry("article", "x", **ARTICLE, volume="", number=""))
    assert messages == []
    assert "vol." not in shown(entries["x"])


def test_biblatex_names_for_journal_and_eprint_type(tmp_path: Path) -> None:
    bib = entry("article", "x", author="Example, Ada", title="T", journaltitle="Nature",
                date="2022", eprint="arXiv:2206.07741", eprinttype="arxiv")  # fmt: skip
    entries, messages = check(tmp_path, bib)
    assert messages == []
    html = CvStyle().format_entry("1", entries["x"]).text.render_as("html")
    assert "<em>Nature</em>" in html
    assert 'href="https://arxiv.org/abs/2206.07741"' in html


def test_an_entry_that_does_not_name_the_owner_is_a_warning(tmp_path: Path) -> None:
    """DBLP writes "Anna J. S. Mueller": the initials' stops and spaces do not
    matter, but a form of the name the owner did not list is reported."""
    owner = ("Mueller, Anna JS",)
    bib = entry("article", "dblp", **{**ARTICLE, "author": "Anna J. S. Mueller and Rao, P."})
    bib += entry("article", "ieee", **{**ARTICLE, "author": "A. J. S. {Mueller} and P. Rao"})
    entries, messages = check(tmp_path, bib, owner)
    assert messages == [
        "refs.bib:8: warning: entry 'ieee' names you in none of the forms of cv_highlight_names "
        "(Mueller, Anna JS), so your name is not set in bold; its authors are Mueller, "
        "A. J. S.; Rao, P.: add the form used here to cv_highlight_names in conf.py"
    ]
    html = CvStyle(highlight_names=owner).format_entry("1", entries["dblp"]).text.render_as("html")
    assert "<b>Anna J. S. Mueller</b>" in html
    assert "ieee" in entries  # shown, but reported


@pytest.mark.parametrize("bib", ["", "% only a comment\n% and another\n", "@comment{nothing}\n"])
def test_a_bib_file_without_entries_is_no_traceback(tmp_path: Path, bib: str) -> None:
    entries, messages = check(tmp_path, bib)
    assert entries == {}
    assert messages == []


def test_the_bibtex_offered_on_the_website_is_the_entry_as_written(tmp_path: Path) -> None:
    """Values as in refs.bib (no second layer of escapes), crossref fields inherited,
    private fields left out; it reads back as the same entry."""
    bib = entry(
        "inproceedings",
        "DBLP:conf/x/Example20",
        author='Example, Ada and M{\\"u}ller, J{\\"o}rg',
        title=r"Learning \& Forecasting: 100\% with $x_{t+1}$",
        url="https://example.org/a_b%20c.pdf#p=3",
        file="/home/ada/Zotero/storage/ABC/paper.pdf",
        crossref="proc",
    )
    bib += entry("proceedings", "proc", title="Proceedings of {X}", year="2020")
    entries, messages = check(tmp_path, bib)
    assert messages == []
    source = bibtex_source(entries["DBLP:conf/x/Example20"])
    assert r"title = {Learning \& Forecasting: 100\% with $x_{t+1}$}," in source
    assert "url = {https://example.org/a_b%20c.pdf#p=3}," in source
    assert "booktitle = {Proceedings of {X}}," in source
    assert "file" not in source
    assert "crossref" not in source
    again = Parser().parse_string(source).entries["DBLP:conf/x/Example20"]
    assert again.fields["title"] == r"Learning \& Forecasting: 100\% with $x_{t+1}$"
    assert [str(person) for person in again.persons["author"]] == [
        "Example, Ada",
        'M{\\"u}ller, J{\\"o}rg',
    ]
    assert download_name("DBLP:conf/x/Example20") == "DBLP-conf-x-Example20"


def test_windows_line_ends_strings_and_a_preamble(tmp_path: Path) -> None:
    bib = (
        "@string{jnl = {Journal of Strings}}\r\n"
        '@preamble{"\\newcommand{\\noopsort}[1]{}"}\r\n'
        "@article{x,\r\n  author = {Smith, Jr., John},\r\n  title = {Caf{\\'e}\r\n"
        "   society},\r\n  journal = jnl,\r\n  year = 2021,\r\n}\r\n"
    )
    entries, messages = check(tmp_path, bib)
    assert messages == []
    assert shown(entries["x"]) == "John Smith Jr., “Café society,” Journal of Strings, 2021."


def test_a_proceedings_you_edited_is_listed_even_when_papers_cite_it(tmp_path: Path) -> None:
    bib = entry("inproceedings", "paper", author="Other, Bob", title="A Paper",
                crossref="conf20", pages="1--8")  # fmt: skip
    bib += entry("proceedings", "conf20", editor="Example, Ada", title="Proceedings of X",
                 publisher="ACM", year="2020")  # fmt: skip
    entries, messages = check(tmp_path, bib, owner=("Example, Ada",))
    assert sorted(entries) == ["conf20", "paper"]
    assert [m for m in messages if "conf20" in m] == []


def test_a_collaboration_paper_that_stops_before_your_name_is_no_warning(
    tmp_path: Path,
) -> None:
    """INSPIRE exports the first authors and 'others'; the owner is among them."""
    fields = {**ARTICLE, "author": "Abi, B. and Acciarri, R. and others"}
    entries, messages = check(tmp_path, entry("article", "x", **fields), owner=("Example, Ada",))
    assert any("names you in none of the forms" in message for message in messages)
    fields["collaboration"] = "DUNE"
    entries, messages = check(tmp_path, entry("article", "x", **fields), owner=("Example, Ada",))
    assert messages == []
    assert shown(entries["x"]).startswith("B. Abi, R. Acciarri et\u00a0al. (DUNE Collaboration), ")


def test_google_scholar_arxiv_journal_is_an_eprint(tmp_path: Path) -> None:
    fields = {**ARTICLE, "journal": "arXiv preprint arXiv:2407.04567"}
    entries, messages = check(tmp_path, entry("article", "x", **fields))
    assert messages == []
    assert entries["x"].fields["eprint"] == "2407.04567"
    assert is_preprint_journal(entries["x"])
    assert shown(entries["x"]) == (
        "Ada Example, “A Title,” arXiv preprint arXiv:2407.04567, 2020. arXiv"
    )


def test_a_file_name_as_a_link_says_it_is_one(tmp_path: Path) -> None:
    _, messages = check(tmp_path, entry("article", "x", **ARTICLE, pdf="argoneut.pdf"))
    assert messages == [
        "refs.bib:6: error: entry 'x' has the pdf 'argoneut.pdf', a file name, not a web "
        "address: give the full address (https://...) where readers find the file (al-folio's "
        "files live on the al-folio site)"
    ]


@pytest.mark.parametrize("written", ["in press", "In-Press", "inpress"])
def test_pubstate_is_read_as_biblatex_key(tmp_path: Path, written: str) -> None:
    fields = {k: v for k, v in ARTICLE.items() if k != "year"}
    entries, messages = check(tmp_path, entry("article", "x", **fields, pubstate=written))
    assert messages == []
    assert shown(entries["x"]) == "Ada Example, “A Title,” J. In press."


def test_the_website_bibtex_gives_fields_as_written(tmp_path: Path) -> None:
    """Aliases are read under one name, but exported under the name the file uses."""
    fields = {"author": "Example, Ada", "title": "A Title", "journaltitle": "J",
              "date": "2020", "primaryclass": "cs.LG", "abstract": "Kept."}  # fmt: skip
    entries, messages = check(tmp_path, entry("article", "x", **fields))
    assert messages == []
    source = bibtex_source(entries["x"])
    for name, value in fields.items():
        assert f"  {name} = {{{value}}},\n" in source
    assert "  journal = " not in source
