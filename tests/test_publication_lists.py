"""Lists of names and publication lists: marks, et al., shortening, selection,
grouping and numbering, the same on the website and in the PDF.

Name lists are first driven through :mod:`cv.bibauthors` on hand-built
entries; then the tiny ``test-authors`` root is built with the ``html`` and
``latex`` builders, and each list is read back from both outputs into one
plain form (``**bold**``, ``^mark``) so that the two can be compared whole.
"""

from __future__ import annotations

import ast
import re
import shutil
from typing import TYPE_CHECKING
from urllib.parse import unquote_plus

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, run_sphinx
from cv.bibauthors import (
    DEFAULT_MARKS,
    AnnotationError,
    NameListStyle,
    annotation_mistakes,
    format_names,
    highlighted_keys,
    ordinal,
    parse_annotations,
)
from cv.publications import (
    KeyedListsDomain,
    bibtex_source,
    is_constant_false,
    outermost,
    publication_kind,
)
from cv.records import coins
from docutils import nodes
from pybtex.database import Entry, Person
from sphinxcontrib.bibtex.domain import BibtexDomain

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

OWNER = highlighted_keys(["Example, Ada"])
ROOT = "test-authors"


def people(*names: str) -> list[Person]:
    return [Person(name) for name in names]


def made(authors: list[Person], kind: str = "article", **fields: str) -> Entry:
    entry = Entry(kind, fields=fields)
    entry.key = "k"
    entry.persons["author"] = authors
    return entry


def names(entry: Entry, backend: str = "text", **style: object) -> str:
    options = NameListStyle(highlighted=OWNER, **style)  # type: ignore[arg-type]
    return format_names(entry, "author", options).render_as(backend)


def crowd(count: int, owner_at: int | None = None) -> list[Person]:
    """``count`` authors, the owner at position ``owner_at`` (from 1)."""
    listed = [Person(f"Author{number}, Al") for number in range(1, count + 1)]
    if owner_at is not None:
        listed[owner_at - 1] = Person("Example, Ada")
    return listed


# -- names, without a build -------------------------------------------------------------


def test_marks_follow_the_name_and_keep_the_owner_bold() -> None:
    entry = made(
        people("Alpha, Ann", "Example, Ada", "Gamma, Gil"),
        **{"author+an": '1="equal"; 2="corresponding,equal"; 3:family="student"'},
    )
    assert names(entry) == "Ann Alpha†, Ada Example†*, Gil Gamma‡"
    html = names(entry, "html")
    assert "Ann Alpha<sup>†</sup>" in html
    assert "<b>Ada Example</b><sup>†*</sup>" in html
    assert r"\textbf{Ada Example}\textsuperscript{†*}" in names(entry, "latex")


def test_a_long_list_ending_in_others_reads_et_al() -> None:
    entry = made([*crowd(60, owner_at=17), Person("others")])
    shown = names(entry)
    assert shown.endswith("Al Author60 et\u00a0al.")
    assert "others" not in shown.lower()


@pytest.mark.parametrize(
    ("count", "owner_at", "others", "expected"),
    [
        # The owner far down a long list: the place and the length are given.
        (3012, 17, False, "…, Ada Example (17th of 3,012 authors) et\u00a0al."),
        # Right after the names kept: no ellipsis.
        (10, 4, False, "Al Author3, Ada Example (4th of 10 authors) et\u00a0al."),
        # Last: nothing follows.
        (40, 40, False, "…, Ada Example (last of 40 authors)"),
        # The list's length is unknown when it ends in "others".
        (30, 21, True, "…, Ada Example (21st author) et\u00a0al."),
        # The owner among the names kept.
        (30, 2, False, "Al Author1, Ada Example, Al Author3 et\u00a0al."),
        # Not over the limit: nothing is left out.
        (3, 3, False, "Al Author1, Al Author2, Ada Example"),
    ],
)
def test_a_long_list_keeps_the_owner_and_their_place(
    count: int, owner_at: int, others: bool, expected: str
) -> None:
    authors = crowd(count, owner_at) + ([Person("others")] if others else [])
    shown = names(made(authors), max_names=3)
    assert shown.endswith(expected), shown
    assert shown.startswith("Al Author1") or owner_at == 1
    assert shown.count(",") <= 5


def test_a_shortened_list_keeps_the_owners_bold_and_mark() -> None:
    entry = made(crowd(50, owner_at=20), **{"author+an": '1="equal"; 20="equal"; 30="student"'})
    html = names(entry, "html", max_names=2)
    assert html == (
        "Al Author1<sup>†</sup>, Al Author2, …, <b>Ada Example</b><sup>†</sup> "
        "(20th of 50 authors) et\u00a0al."
    )


@pytest.mark.parametrize(
    ("number", "shown"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (21, "21st"), (102, "102nd"), (111, "111th"), (1001, "1,001st")],
)  # fmt: skip
def test_ordinals(number: int, shown: str) -> None:
    assert ordinal(number) == shown


def test_annotations_read_as_biblatex_writes_them() -> None:
    assert parse_annotations('1="equal"; 2:given = "equal, corresponding" ;="list"') == {
        1: ["equal"],
        2: ["equal", "corresponding"],
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('4="equal"', 'annotates name 4, but the entry has 3 authors'),
        ('1=equal', "the item '1=equal' is not of the form N=\"name\""),
        ('1="equal"; 2', "the item '2' is not of the form"),
        ('2:middle="equal"', "annotates the name part 'middle'"),
        ('1="eqaul"', "uses the annotation 'eqaul', which is not one of the marks "
                      "(corresponding, equal, student): write 'equal', or define it in "
                      "cv_author_marks"),
        ('0="equal"', "names position 0"),
        ('1="equal,"', "has an empty annotation name"),
    ],
)  # fmt: skip
def test_annotation_mistakes_name_the_entry_and_field(value: str, message: str) -> None:
    entry = made(people("Alpha, Ann", "Example, Ada", "Gamma, Gil", "others"))
    entry.fields["author+an"] = value
    mistakes = annotation_mistakes(entry, DEFAULT_MARKS)
    assert len(mistakes) == 1
    assert mistakes[0].field == "author+an"
    assert mistakes[0].message.startswith(f"entry 'k': author+an = {{{value}}}")
    assert message in mistakes[0].message


def test_an_annotation_is_no_error_of_parsing_alone() -> None:
    with pytest.raises(AnnotationError):
        parse_annotations("1:")
    assert annotation_mistakes(made(people("Example, Ada")), DEFAULT_MARKS) == []


def test_exported_records_keep_the_names_clean() -> None:
    entry = made(
        people("Alpha, Ann", "Example, Ada"),
        title="A Marked Article",
        journal="Journal of Examples",
        year="2023",
        **{"author+an": '1="equal"; 2="corresponding"'},
    )
    record = coins(entry)
    assert "Alpha" in record
    assert not {"†", "*", "‡"} & set(record)
    # The BibTeX offered is the entry as written: its annotation with it.
    source = bibtex_source(entry)
    assert "author = {Alpha, Ann and Example, Ada}" in source
    assert 'author+an = {1="equal"; 2="corresponding"}' in source


@pytest.mark.parametrize(
    ("kind", "fields", "expected"),
    [
        ("article", {"journal": "J"}, "journal"),
        ("article", {"eprint": "2201.00001"}, "preprint"),
        ("article", {}, "other"),
        ("inproceedings", {"eprint": "2201.00001"}, "conference"),
        ("incollection", {}, "chapter"),
        ("inbook", {}, "chapter"),
        ("collection", {}, "book"),
        ("proceedings", {}, "book"),
        ("phdthesis", {}, "thesis"),
        ("thesis", {}, "thesis"),
        ("techreport", {"eprint": "2201.00001"}, "report"),
        ("patent", {}, "patent"),
        ("software", {}, "software"),
        ("dataset", {}, "dataset"),
        ("unpublished", {}, "preprint"),
        ("misc", {"eprint": "2201.00001"}, "preprint"),
        ("online", {"eprint": "x", "booktitle": "B"}, "other"),
        ("misc", {}, "other"),
    ],
)
def test_publication_kinds(kind: str, fields: dict[str, str], expected: str) -> None:
    assert publication_kind(made(people("Example, Ada"), kind, **fields)) == expected


# -- both outputs ------------------------------------------------------------------------

_LATEX_SHOWN = (
    (re.compile(r"\$\^\{\\text\{([^{}]*)\}\}\$"), r"^\1"),
    (re.compile(r"\\sphinxstylestrong\{([^{}]*)\}"), r"**\1**"),
    (re.compile(r"\\sphinxstyleemphasis\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\sphinxhref\{[^{}]*\}\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\sphinxAtStartPar|%[^\n]*"), ""),
)


def squeezed(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces kept."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def latex_shown(tex: str) -> str:
    for pattern, replacement in _LATEX_SHOWN:
        tex = pattern.sub(replacement, tex)
    return squeezed(tex.replace("~", "\u00a0"))


def html_shown(node: BeautifulSoup) -> str:
    for found in node.find_all("strong"):
        found.replace_with(f"**{found.get_text()}**")
    for found in node.find_all("sup"):
        found.replace_with(f"^{found.get_text()}")
    return squeezed(node.get_text())


def read_html(path: Path) -> list[tuple[str, object]]:
    """The page's lists in order: ``("heading", text)``, ``("list", (numbers, items))``,
    ``("legend", text)``; numbers as shown (None for bullets)."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found: list[tuple[str, object]] = []
    body = page.select_one("article") or page
    for node in body.select(
        ".cv-publications-group, ol.cv-publication-list, ul.cv-publication-list, "
        "ul.cv-talk-list, .cv-mark-legend"
    ):
        if "cv-publications-group" in node["class"]:
            found.append(("heading", node.get_text().strip()))
        elif "cv-mark-legend" in node["class"]:
            found.append(("legend", html_shown(node)))
        else:
            items = [html_shown(li.find("p")) for li in node.find_all("li", recursive=False)]
            found.append(("list", (html_numbers(node, len(items)), items)))
    return found


def html_numbers(listing: BeautifulSoup, count: int) -> list[int] | None:
    if listing.name == "ul":
        return None
    start = int(listing.get("start", 1))
    step = -1 if listing.has_attr("reversed") else 1
    return [start + step * index for index in range(count)]


_LATEX_BLOCK = re.compile(
    r"\\subsubsection\*\{(?P<heading>[^{}]*)\}"
    r"|\\begin\{cvcountdown\}\{(?P<down>\d+)\}(?P<countdown>.*?)\\end\{cvcountdown\}"
    r"|\\begin\{enumerate\}(?P<enumerate>.*?)\\end\{enumerate\}"
    r"|\\begin\{itemize\}(?P<itemize>.*?)\\end\{itemize\}"
    r"|\\begin\{sphinxuseclass\}\{cv-mark-legend\}(?P<legend>.*?)\\end\{sphinxuseclass\}",
    re.DOTALL,
)
_COUNTER = re.compile(r"\\setcounter\{enumi\}\{(\d+)\}")


def read_latex(path: Path) -> list[tuple[str, object]]:
    """The same reading of the generated LaTeX."""
    tex = path.read_text(encoding="utf-8")
    tex = tex[tex.index(r"\begin{document}") :]
    found: list[tuple[str, object]] = []
    for match in _LATEX_BLOCK.finditer(tex):
        if match["heading"] is not None:
            found.append(("heading", match["heading"]))
        elif match["legend"] is not None:
            found.append(("legend", latex_shown(match["legend"])))
        else:
            body = match["countdown"] or match["enumerate"] or match["itemize"]
            items = [latex_shown(item) for item in body.split(r"\item {}")[1:]]
            if match["down"]:
                first = int(match["down"])
                numbers: list[int] | None = [first - index for index in range(len(items))]
            elif match["enumerate"] is not None:
                counter = _COUNTER.search(body)
                first = int(counter[1]) + 1 if counter else 1
                numbers = [first + index for index in range(len(items))]
            else:
                numbers = None
            found.append(("list", (numbers, items)))
    return found


def build_lists(tmp_path: Path, rootdir: Path, page: str | None = None, conf: str = "") -> dict:
    """Build the root (its page replaced, lines added to its conf.py) with both
    builders; return each output's lists, read back the same way."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    if page is not None:
        (srcdir / "index.md").write_text(page, encoding="utf-8")
    if conf:
        with (srcdir / "conf.py").open("a", encoding="utf-8") as written:
            written.write(conf + "\n")
    html = build_root(srcdir, "html", tmp_path / "html")
    latex = build_root(srcdir, "latex", tmp_path / "latex")
    return {
        "html": read_html(html / "index.html"),
        "latex": read_latex(latex / "authors.tex"),
    }


def lists_of(read: list[tuple[str, object]]) -> list[tuple[list[int] | None, list[str]]]:
    return [value for what, value in read if what == "list"]  # type: ignore[misc]


def same_in_both(outputs: dict) -> list[tuple[str, object]]:
    assert outputs["html"] == outputs["latex"]
    return outputs["html"]


LEGEND = "^†\u00a0equal contribution · ^*\u00a0corresponding author · ^‡\u00a0student or mentee"


def test_marks_and_legends_in_both_outputs(tmp_path: Path, rootdir: Path) -> None:
    shown = same_in_both(build_lists(tmp_path, rootdir))
    assert [what for what, _ in shown] == ["list", "legend", "list", "legend"]
    (numbers, papers), (bullets, talks) = lists_of(shown)
    assert numbers == [7, 6, 5, 4, 3, 2, 1]
    assert bullets is None
    assert papers[1].startswith("Ann Alpha^†, **Ada Example**^†*, Gil Gamma, “A Marked")
    assert papers[2].startswith("**Ada Example**, Sam Student^‡, “A Conference Paper,”")
    # 60 authors and others: all shown, the last then "et al.", never "others".
    assert "Pat PersonI60 et\u00a0al., “A Very Collaborative Article,”" in papers[4]
    assert not any("others" in item for item in papers)
    assert shown[1] == ("legend", LEGEND)
    assert talks == ["“A Talk,” **Ada Example**, Sam Student^‡, Workshop on Examples, 4 May 2020."]
    assert shown[3] == ("legend", "^‡\u00a0student or mentee")


def test_the_websites_records_name_people_without_marks(tmp_path: Path, rootdir: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    page = BeautifulSoup(
        (build_root(srcdir, "html", tmp_path / "html") / "index.html").read_text(), "html.parser"
    )
    records = [span["title"] for span in page.select(".Z3988")]
    # The landing page's Person: the owner's name, unmarked too.
    records += [script.get_text() for script in page.select('script[type="application/ld+json"]')]
    marked = unquote_plus(next(record for record in records if "Marked+Article" in record))
    # Each name as the bib file gives it, whatever the order of its parts.
    authors = re.findall(r"rft\.au=([^&]*)", marked)
    assert [sorted(re.split(r"[ ,]+", name)) for name in authors] == [
        ["Alpha", "Ann"], ["Ada", "Example"], ["Gamma", "Gil"],
    ]  # fmt: skip
    for record in records:
        assert not {"†", "‡", "§"} & set(record), record
        assert "*" not in unquote_plus(record), record


def test_long_lists_are_shortened_alike(tmp_path: Path, rootdir: Path) -> None:
    shown = same_in_both(build_lists(tmp_path, rootdir, conf="cv_max_authors = 2"))
    papers = lists_of(shown)[0][1]
    assert papers[4].startswith(
        "Pat PersonB01, Pat PersonC02, …, **Ada Example** (17th author) et\u00a0al., “A Very"
    )
    # Three authors, the owner second: the third is left out, and so is its mark.
    assert papers[1].startswith("Ann Alpha^†, **Ada Example**^†* et\u00a0al., “A Marked")
    assert shown[1] == ("legend", LEGEND)


SELECTED = "# Selected\n\n:::{cv-publications}\n:selected:\n:::\n"


def test_selected_lists_only_the_selected(tmp_path: Path, rootdir: Path) -> None:
    shown = same_in_both(build_lists(tmp_path, rootdir, page=SELECTED))
    ((numbers, papers),) = lists_of(shown)
    assert numbers == [2, 1]
    assert [paper.split("“")[1].split(",")[0] for paper in papers] == [
        "A Marked Article",
        "A Conference Paper",
    ]


def test_nothing_selected_is_an_error(tmp_path: Path, rootdir: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    bib = srcdir / "refs.bib"
    bib.write_text(re.sub(r"(?i)keywords\s*=\s*\{selected[^}]*\},\n", "", bib.read_text()))
    (srcdir / "index.md").write_text(SELECTED, encoding="utf-8")
    result = run_sphinx("-W", "-n", "-q", "-b", "html", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0
    assert (
        "index.md:3: ERROR: cv-publications found no publications with the keyword 'selected' "
        "in refs.bib (bibtex_bibfiles): add 'selected' to the keywords of the papers to show, "
        "or take :selected: out"
    ) in result.stderr


@pytest.mark.parametrize(
    ("options", "headings", "numbers"),
    [
        (
            ":group-by: kind",
            ["Journal Articles", "Conference Papers", "Book Chapters", "Preprints", "Theses",
             "Reports"],
            [[7, 6], [5], [4], [3], [2], [1]],
        ),
        (
            ":group-by: kind\n:numbering: forward",
            ["Journal Articles", "Conference Papers", "Book Chapters", "Preprints", "Theses",
             "Reports"],
            [[1, 2], [3], [4], [5], [6], [7]],
        ),
        (
            ":group-by: year\n:numbering: forward",
            ["2024", "2023", "2022", "2021", "2020", "2019"],
            [[1], [2], [3, 4], [5], [6], [7]],
        ),
        (":group-by: year\n:numbering: none", ["2024", "2023", "2022", "2021", "2020", "2019"],
         [None] * 6),
        (":group-by: none\n:numbering: forward", [], [[1, 2, 3, 4, 5, 6, 7]]),
    ],
)  # fmt: skip
def test_groups_and_numbers_run_on_alike(
    tmp_path: Path, rootdir: Path, options: str, headings: list[str], numbers: list
) -> None:
    page = f"# Publications\n\n:::{{cv-publications}}\n{options}\n:::\n"
    shown = same_in_both(build_lists(tmp_path, rootdir, page=page))
    assert [text for what, text in shown if what == "heading"] == headings
    assert [listed for listed, _ in lists_of(shown)] == numbers
    assert [what for what, _ in shown][-1] == "legend"


def test_kind_headings_follow_the_configuration(tmp_path: Path, rootdir: Path) -> None:
    page = "# Publications\n\n:::{cv-publications}\n:group-by: kind\n:::\n"
    conf = "cv_publication_kinds = {'thesis': 'Dissertation', 'journal': 'Refereed Articles'}"
    shown = same_in_both(build_lists(tmp_path, rootdir, page=page, conf=conf))
    assert [text for what, text in shown if what == "heading"] == [
        "Dissertation", "Refereed Articles", "Conference Papers", "Book Chapters",
        "Preprints", "Reports",
    ]  # fmt: skip
    assert [listed for listed, _ in lists_of(shown)] == [[7], [6, 5], [4], [3], [2], [1]]


@pytest.mark.parametrize(
    ("conf", "message"),
    [
        (
            "cv_publication_kinds = {'jounral': 'Articles'}",
            "cv_publication_kinds has the unknown kind 'jounral': did you mean 'journal'?",
        ),
        (
            "cv_publication_kinds = {'journal': ''}",
            "cv_publication_kinds gives the kind 'journal' the heading ''",
        ),
        ("cv_max_authors = -1", "cv_max_authors must be a whole number of names"),
        ("cv_author_marks = {'equal': '†'}", "cv_author_marks gives 'equal' the value '†'"),
        (
            "cv_author_marks = {'first': ('*', 'first author')}",
            "cv_author_marks gives 'corresponding' and 'first' the same symbol '*'",
        ),
    ],
)
def test_configuration_mistakes_name_the_line(
    tmp_path: Path, rootdir: Path, conf: str, message: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    lines = (srcdir / "conf.py").read_text().count("\n")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as written:
        written.write(conf + "\n")
    result = run_sphinx("-W", "-n", "-q", "-b", "html", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0
    assert f"conf.py:{lines + 1}: ERROR: {message}" in result.stderr


def test_own_marks_are_shown_and_explained(tmp_path: Path, rootdir: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text().replace('2="student"', '2="student,first"', 1))
    with (srcdir / "conf.py").open("a", encoding="utf-8") as written:
        written.write("cv_author_marks = {'first': ('§', 'first author'), "
                      "'student': ('‡', 'supervised student')}\n")  # fmt: skip
    html = read_html(build_root(srcdir, "html", tmp_path / "html") / "index.html")
    assert "**Ada Example**, Sam Student^‡§, “A Conference Paper,”" in lists_of(html)[0][1][2]
    assert html[1] == (
        "legend",
        "^†\u00a0equal contribution · ^*\u00a0corresponding author · "
        "^‡\u00a0supervised student · ^§\u00a0first author",
    )


def test_works_with_no_year_yet_come_first_grouped_by_year(tmp_path: Path, rootdir: Path) -> None:
    page = "# Publications\n\n:::{cv-publications}\n:group-by: year\n:::\n"
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    with (srcdir / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(
            "\n@unpublished{next,\n  author = {Example, Ada},\n  title = {A Submitted Paper},"
            "\n  pubstate = {submitted},\n}\n"
        )
    (srcdir / "index.md").write_text(page, encoding="utf-8")
    html = read_html(build_root(srcdir, "html", tmp_path / "html") / "index.html")
    latex = read_latex(build_root(srcdir, "latex", tmp_path / "latex") / "authors.tex")
    assert html == latex
    headings = [text for what, text in html if what == "heading"]
    assert headings[:2] == ["Forthcoming", "2024"]
    [(numbers, first_group), *_] = lists_of(html)
    assert numbers == [8]
    assert "Submitted" in first_group[0]


SELECTED_AND_ALL = (
    "# Publications\n\n:::{cv-publications}\n:selected:\n:numbering: none\n:::\n\n"
    "## All\n\n:::{cv-publications}\n:group-by: kind\n:::\n"
)


def test_a_paper_in_two_lists_is_one_record(tmp_path: Path, rootdir: Path) -> None:
    shown = same_in_both(build_lists(tmp_path, rootdir, page=SELECTED_AND_ALL))
    ((_, selected), *groups) = lists_of(shown)
    listed = [paper for _, papers in groups for paper in papers]
    assert len(selected) == 2
    assert len(listed) == 7
    assert all(any(paper == other for other in listed) for paper in selected)
    page = BeautifulSoup((tmp_path / "html" / "index.html").read_text("utf-8"), "html.parser")
    # Each list links the BibTeX, both to the paper's one file; a reference manager
    # sees each paper once.
    links = [link["href"] for link in page.select("a.cv-bibtex")]
    assert len(links) == 9
    assert len(set(links)) == 7
    files = {f"_bibtex/{path.name}" for path in (tmp_path / "html" / "_bibtex").iterdir()}
    assert set(links) == files
    titles = [
        unquote_plus(span["title"]).split("rft.atitle=")[-1] for span in page.select(".Z3988")
    ]
    assert len(titles) == len(set(titles)) == 7


def build_failing(
    tmp_path: Path, rootdir: Path, page: str, bib: Callable[[str], str] | None = None
) -> str:
    """Build the root with ``page`` (and its bib changed by ``bib``), without ``-W``:
    it must fail; return its messages."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, srcdir)
    (srcdir / "index.md").write_text(page, encoding="utf-8")
    if bib is not None:
        path = srcdir / "refs.bib"
        path.write_text(bib(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_sphinx("-N", "-q", "-b", "html", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0  # without -W too
    assert "Traceback" not in result.stderr
    return result.stderr.replace(str(srcdir) + "/", "")


BAD_OPTIONS = {
    "misspelled option": (
        "cv-publications",
        ":group_by: kind",
        "cv-publications has no option :group_by:; it takes :group-by:, :numbering:, "
        ":selected: (did you mean :group-by:?)",
    ),
    "unknown choice": (
        "cv-publications",
        ":group-by: type",
        'cv-publications :group-by: "type" unknown; choose from "kind", "year", or "none"',
    ),
    "unknown numbering": (
        "cv-publications",
        ":numbering: reversed",
        'cv-publications :numbering: "reversed" unknown; choose from "reverse", "forward", or '
        '"none"',
    ),
    "a value for a flag": (
        "cv-publications",
        ":selected: no",
        "cv-publications :selected: takes no value, 'no' given; write it alone or leave it out",
    ),
    "an option twice": (
        "cv-publications",
        ":numbering: none\n:numbering: forward",
        "cv-publications gives :numbering: twice, on lines 4 and 5",
    ),
    "an option of talks": (
        "cv-talks",
        ":group-by: kind",
        "cv-talks has no option :group-by:; it takes no options",
    ),
}


@pytest.mark.parametrize(
    ("directive", "options", "message"), BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys()
)
def test_a_mistake_in_a_lists_options_is_an_error_at_its_line(
    tmp_path: Path, rootdir: Path, directive: str, options: str, message: str
) -> None:
    page = f"# Lists\n\n:::{{{directive}}}\n{options}\n:::\n"
    stderr = build_failing(tmp_path, rootdir, page)
    line = 4 + options.count("\n")
    # One error, at the option's line; MyST's warning, which dropped it, is not repeated.
    assert stderr.splitlines() == [f"index.md:{line}: ERROR: {message} [docutils]"]


def test_content_in_a_list_is_an_error(tmp_path: Path, rootdir: Path) -> None:
    stderr = build_failing(tmp_path, rootdir, "# Lists\n\n:::{cv-publications}\nmarked2023\n:::\n")
    assert stderr.splitlines() == [
        "index.md:3: ERROR: cv-publications takes no content, only options (:group-by:, "
        ":numbering:, :selected:); found 'marked2023' [docutils]"
    ]


def only_one_selected(text: str) -> str:
    return text.replace("  keywords  = {Selected, reviewed},\n", "")


def test_a_selected_paper_with_a_mistake_is_reported_once(tmp_path: Path, rootdir: Path) -> None:
    # The only selected paper has no journal: the bib check leaves it out, and says so.
    stderr = build_failing(
        tmp_path,
        rootdir,
        SELECTED,
        lambda text: only_one_selected(text).replace("  journal   = {Journal of Examples},\n", ""),
    )
    assert stderr.splitlines() == [
        "refs.bib:1: ERROR: entry 'marked2023' has no venue: give a journal (or, for a preprint, "
        "an eprint) [cv.bibfile]"
    ]


def test_nothing_selected_beside_another_mistake_is_still_an_error(
    tmp_path: Path, rootdir: Path
) -> None:
    stderr = build_failing(
        tmp_path,
        rootdir,
        SELECTED,
        lambda text: (
            only_one_selected(text)
            .replace("  keywords  = {selected},\n", "")
            .replace("  journal  = {Physical Examples},\n", "")
        ),
    )
    assert "refs.bib:9: ERROR: entry 'big2021' has no venue" in stderr
    assert "index.md:3: ERROR: cv-publications found no publications with the keyword" in stderr


# -- lists handed to sphinxcontrib-bibtex as keys ------------------------------------


@pytest.mark.sphinx("html", testroot="senior")
def test_keyed_lists_hold_what_sphinxcontrib_bibtex_would_put_in_them(
    app: SphinxTestApp,
) -> None:
    """The engine's ``cite`` domain skips evaluating ``:filter: False`` once per
    entry; each list still gets the very entries, in the very order, that
    sphinxcontrib-bibtex's own filtering gives."""
    app.build()
    domain = app.env.get_domain("cite")
    assert isinstance(domain, KeyedListsDomain)
    assert domain.bibliographies
    for key in domain.bibliographies:
        fast = [(name, entry.key) for name, entry in domain.get_filtered_entries(key)]
        walked = [
            (name, entry.key) for name, entry in BibtexDomain.get_filtered_entries(domain, key)
        ]
        assert fast, key
        assert fast == walked, key


@pytest.mark.parametrize(
    ("expression", "never"),
    [("False", True), ("True", False), ("False or cited", False), ("0", False), ("", False)],
)
def test_only_the_constant_false_filter_is_taken_as_keys(expression: str, never: bool) -> None:
    assert is_constant_false(ast.parse(expression)) is never


def test_outermost_does_not_look_inside_what_it_finds() -> None:
    inner = nodes.bullet_list("", nodes.list_item("", nodes.paragraph("", "inner")))
    first = nodes.bullet_list("", nodes.list_item("", inner))
    second = nodes.enumerated_list("", nodes.list_item("", nodes.paragraph("", "x")))
    tree = nodes.section("", nodes.title("", "T"), first, nodes.container("", second))
    found = list(outermost(tree, lambda node: isinstance(node, nodes.Sequential)))
    assert found == [first, second]
