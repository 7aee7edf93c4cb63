"""The entry directives on tiny roots: cv-entry and the kinds of record (grants,
awards, teaching, supervision, service), rendered in both outputs, undated items,
the date style, and errors for bad input."""

from __future__ import annotations

import re
import shutil
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, run_sphinx
from cvsource import in_order, letters, read_page

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def entries(app: SphinxTestApp) -> list[BeautifulSoup]:
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select(".cv-entry")


def cell(entry: BeautifulSoup, name: str) -> str | None:
    found = entry.select_one(f".cv-entry-{name}")
    return found.get_text() if found else None


@pytest.mark.sphinx("html", testroot="entry")
def test_entry_renders_every_option(app: SphinxTestApp) -> None:
    app.build()
    first = entries(app)[0]
    assert cell(first, "title") == "Research Engineer"
    assert cell(first, "organisation") == "Example Labs"
    assert cell(first, "location") == "Zürich, CH"
    assert cell(first, "dates") == "Jun 2019 \u2013 Present"
    assert first.select_one("time")["datetime"] == "2019-06"
    assert [li.get_text(strip=True) for li in first.select("li")] == ["Built things."]


@pytest.mark.sphinx("html", testroot="entry")
def test_optional_parts_are_left_out(app: SphinxTestApp) -> None:
    app.build()
    _, visiting, school, scholarship = entries(app)
    assert cell(visiting, "location") is None
    assert cell(visiting, "dates") == "Mar 2018 \u2013 Jul 2018"
    assert cell(school, "organisation") is None
    assert cell(school, "dates") == "Jul 2017"
    assert cell(scholarship, "dates") == "2015 \u2013 2016"
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("latex", testroot="entry")
def test_latex_uses_the_entry_environment(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "entry.tex").read_text(encoding="utf-8")
    assert (
        "\\begin{cventry}{Research Engineer}{Example Labs}{Jun 2019 \u2013 Present}{Zürich, CH}"
        in tex
    )
    assert tex.count(r"\begin{cventry}") == 4
    assert tex.count(r"\end{cventry}") == 4
    assert r"\usepackage{cvsphinx}" in tex
    assert (app.outdir / "cvsphinx.sty").exists()


# (options, message fragment, line named): a wrong option or date is named at its
# own line, a missing one at the directive's first line (line 5).
BAD_ENTRIES = [
    (":start: June 2019", "'June 2019' is not a date", 6),
    (":start: 2019-13", "no month 13", 6),
    (":start: 2020-05\n:end: 2019-01", "comes before the start", 7),
    (":start: 2020-05\n:end: May 2021", "'May 2021' is not a date", 7),
    (":end: 2019-01", "has an :end: but no :start:", 6),
    (":start: Fal 2021", "'Fal 2021' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", 6),
    (":start: Fal 2021", "(here: Fall 2021)", 6),
    (":start: Fall 2021\n:end: Spring 2021", "the end 'Spring 2021' comes before the start", 7),
    (
        ":start: 2020\n:place: Paris",
        "cv-entry has no option :place:; it takes :organisation:, :location:, :start:, :end:, "
        ":keywords:",
        7,
    ),
    (
        ":organisation: A\n:organisation: B\n:start: 2020",
        "cv-entry gives :organisation: twice, on lines 6 and 7",
        7,
    ),
    (
        ":start: 2020\n:organization: CERN",
        "cv-entry has no option :organization:; it takes :organisation:, :location:, :start:,"
        " :end:, :keywords: (did you mean :organisation:?)",
        7,
    ),
]


@pytest.mark.parametrize(("options", "message", "line"), BAD_ENTRIES)
def test_bad_entry_fails_naming_document_and_line(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    options: str,
    message: str,
    line: int,
) -> None:
    warnings = build_bad(make_app, rootdir, tmp_path, "cv-entry", options)
    assert message in warnings
    assert f"index.md:{line}:" in warnings


def build_bad(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    directive: str,
    options: str,
) -> str:
    """Build a page whose one entry (``directive``, at line 5) has ``options``; its warnings."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-entry-bad", srcdir)
    (srcdir / "index.md").write_text(
        f"# Entries\n\nSome text.\n\n:::{{{directive}}} Engineer\n{options}\n:::\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app.warning.getvalue()


# -- the kinds of record -----------------------------------------------------------------

#: What test-records shows of each entry, in order: title, organisation, location,
#: detail line, dates (None: not shown).
RECORDS = [
    ("Thin Films at Scale", "Example Research Council", "Lyon, France",
     "PI \u00b7 \u20ac1,200,000", "Jan 2021 \u2013 Dec 2025"),
    ("Travel Grant", "Example Foundation", None, "US$4,500", "2019"),
    ("Best Paper Award", "Example Conference", None, None, "Jun 2022"),
    ("Research Fellowship", "Example Society", None, None, "2018 \u2013 2020"),
    ("Introduction to Materials", "Example University", None,
     "Instructor \u00b7 Undergraduate", "Fall 2021 \u2013 Present"),
    ("Statistical Mechanics", "Example University", None,
     "Teaching Assistant \u00b7 Graduate", "Fall 2019, Spring 2020"),
    ("Jane Student", "Example University", None,
     "PhD \u00b7 Co-supervisor \u00b7 now Assistant Professor at Example Tech",
     "Sep 2019 \u2013 Aug 2023"),
    ("Reviewer", "Journal of Examples", None, None, "2019, 2021\u20132024"),
    ("Program Committee Member", "Example Workshop", None, None, "2023, 2024"),
    ("Department Seminar Organiser", "Example University", None, None,
     "Sep 2020 \u2013 Jun 2022"),
    ("Languages", None, None, None, None),
    ("Summer School", "Example Institute", None, None, "Jul 2017"),
]  # fmt: skip
HEAD = ("title", "organisation", "location", "detail", "dates")


@pytest.fixture(scope="module")
def records(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """test-records built with -W -n, to HTML and to LaTeX."""
    outdir = tmp_path_factory.mktemp("records")
    return {
        builder: build_root(rootdir / "test-records", builder, outdir / builder)
        for builder in ("html", "latex")
    }


def test_every_record_field_reaches_the_website(records: dict[str, Path]) -> None:
    html = (records["html"] / "index.html").read_text(encoding="utf-8")
    shown = BeautifulSoup(html, "html.parser").select(".cv-entry")
    assert [tuple(cell(entry, name) for name in HEAD) for entry in shown] == RECORDS
    assert shown[0].select_one(".cv-entry-head time")["datetime"] == "2021-01"
    assert [li.get_text() for li in shown[0].select("li")] == ["Four positions funded."]
    assert shown[7].select_one(".cv-entry-organisation em")  # inline Markdown


def test_every_record_field_reaches_the_pdf_source(records: dict[str, Path]) -> None:
    tex = (records["latex"] / "records.tex").read_text(encoding="utf-8")
    heads = re.findall(r"\\begin\{cventry\}(.*)", tex)
    assert len(heads) == len(RECORDS) == tex.count(r"\end{cventry}")
    for head, (title, organisation, location, detail, dates) in zip(heads, RECORDS, strict=True):
        # The LaTeX arguments: title, organisation, dates, location, detail.
        expected = [title, organisation, dates, location, detail]
        written = [plain_tex(part) for part in re.findall(r"\{((?:[^{}]|\{[^{}]*\})*)\}", head)]
        assert written == [value or "" for value in expected], title


def plain_tex(text: str) -> str:
    """A LaTeX argument's text: commands that only style or escape taken off."""
    text = text.replace(r"\sphinxhyphen{}", "-").replace(r"\$", "$")
    return re.sub(r"\\sphinxstyleemphasis\{([^{}]*)\}", r"\1", text)


def test_the_sources_reader_reads_every_record(records: dict[str, Path], rootdir: Path) -> None:
    """The plain reader of the sources behind a CV's derived checks (test_site.py,
    test_pdf.py) reads each kind of entry as the website shows it."""
    page = read_page(rootdir / "test-records" / "index.md", "index", SimpleNamespace())
    html = (records["html"] / "index.html").read_text(encoding="utf-8")
    shown = BeautifulSoup(html, "html.parser").select(".cv-entry")
    assert [entry.directive for entry in page.entries][:3] == ["cv-grant", "cv-grant", "cv-award"]
    assert len(page.entries) == len(shown)
    for entry, block in zip(page.entries, shown, strict=True):
        assert letters(cell(block, "title")) == letters(entry.title)
        head = block.select_one(".cv-entry-head").get_text()
        for name in ("organisation", "location"):
            assert letters(entry.options.get(name, "")) in letters(head), (entry.title, name)
        assert entry.date_texts("en") or entry.title == "Languages"
        assert in_order(entry.date_texts("en"), head) == [], entry.title
        assert in_order(entry.body, block.get_text()) == [], entry.title


def test_undated_entry_has_no_dates_in_either_output(records: dict[str, Path]) -> None:
    html = (records["html"] / "index.html").read_text(encoding="utf-8")
    languages = BeautifulSoup(html, "html.parser").select(".cv-entry")[-2]
    assert languages.select(".cv-entry-dates, time") == []
    tex = (records["latex"] / "records.tex").read_text(encoding="utf-8")
    # Its own environment, as its dated neighbours: the same spacing in the PDF.
    assert "\\begin{cventry}{Languages}{}{}{}{}\n" in tex


def test_emphasis_in_the_organisation_reads_upright_in_both_outputs(
    records: dict[str, Path],
) -> None:
    """The organisation line is italic; a journal's name emphasised in it turns
    upright, as LaTeX's \\emph does in the PDF and as cv.css makes the website."""
    css = (records["html"] / "_static" / "cv.css").read_text(encoding="utf-8")
    rule = re.search(r"\.cv-entry-organisation em \{([^}]*)\}", css)
    assert rule, "no rule for emphasis in an entry's organisation"
    assert "font-style: normal" in rule[1]
    assert re.search(r"\.cv-entry-organisation \{[^}]*font-style: italic", css)
    tex = (records["latex"] / "records.tex").read_text(encoding="utf-8")
    assert "\\begin{cventry}{Reviewer}{\\sphinxstyleemphasis{Journal of Examples}}" in tex
    # In the PDF the organisation is set in \itshape, where \emph is upright.
    sty = (records["latex"] / "cvsphinx.sty").read_text(encoding="utf-8")
    assert "{\\itshape #2}" in sty
    styletext = (records["latex"] / "sphinxlatexstyletext.sty").read_text(encoding="utf-8")
    assert re.search(r"\\def\\sphinxstyleemphasis\s*#1\{\\emph\{#1\}\}", styletext)


#: The heading commands of a howto document, largest first: a page's #, ## and ###
#: (a page under the CV's toctree; the root's own page is the document's title),
#: and a rubric, which Sphinx writes as \subsubsection*.
HEADINGS = ("section", "subsection", "subsubsection")


def heading_styles(sty: str) -> dict[str, str]:
    """Each heading's titlesec format (its first argument: the font)."""
    return {
        name: re.search(rf"\\titleformat\{{\\{name}\}}\[block\]\s*\{{(.*)\}}", sty)[1]
        for name in HEADINGS
    }


def test_each_heading_level_has_its_own_smaller_style(records: dict[str, Path]) -> None:
    tex = (records["latex"] / "records.tex").read_text(encoding="utf-8")
    assert re.findall(r"\\((?:sub)*section\*?)\{", tex) == [
        "section", "subsection", "subsubsection", "subsubsection*"
    ]  # fmt: skip
    styles = heading_styles((records["latex"] / "cvsphinx.sty").read_text(encoding="utf-8"))
    sizes = [re.search(r"\\(large|normalsize|small|footnotesize)\b", styles[name])[1]
             for name in HEADINGS]  # fmt: skip
    assert sizes == ["large", "normalsize", "small"]
    assert all(r"\sffamily" in style and r"\bfseries" in style for style in styles.values())


def test_a_heading_is_kept_with_what_follows_it(records: dict[str, Path]) -> None:
    """Nothing may break under a heading: no \\needspace in a heading's format
    or at the start of an entry right under it (each is a place to break), and
    the room asked for before a heading that follows text covers it, the
    headings of the levels under it and an entry's head (3 lines)."""
    sty = (records["latex"] / "cvsphinx.sty").read_text(encoding="utf-8")
    assert all(r"\needspace" not in style for style in heading_styles(sty).values())
    assert r"\if@nobreak\else\needspace{3\baselineskip}\fi" in sty
    hooks = dict(re.findall(r"\\newcommand\*\{\\(\w+)break\}\{\\cv@keepwithnext\{(\d+)\}\}", sty))
    room = {name: int(hooks[name]) for name in HEADINGS}
    assert room["subsubsection"] >= 3 + 2
    assert room["subsection"] >= room["subsubsection"] + 2
    assert room["section"] >= room["subsection"] + 2


@pytest.mark.parametrize(
    ("style", "shown"),
    [
        ("short", "Jun 2019 \u2013 Present"),
        ("long", "June 2019 \u2013 Present"),
        ("numeric", "06/2019 \u2013 Present"),
        ("iso", "2019-06 \u2013 Present"),
        ("year", "2019 \u2013 Present"),
    ],
)
def test_date_style_applies_to_every_entry(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, style: str, shown: str
) -> None:
    app = make_app("html", srcdir=rootdir / "test-entry", confoverrides={"cv_date_style": style})
    app.build(force_all=True)
    assert cell(entries(app)[0], "dates") == shown
    assert app.warning.getvalue() == ""


def test_unknown_date_style_is_an_error_at_its_line(rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-entry", srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('cv_date_style = "american"\n')
    result = run_sphinx("-W", "-n", "-q", "-b", "html", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0
    assert "conf.py:7: ERROR: cv_date_style 'american' is not a date style" in result.stderr
    assert '"short", "long", "numeric", "iso", "year"' in result.stderr


# (directive, options, message fragment, line named): the entry starts at line 5.
BAD_RECORDS = [
    ("cv-grant", ":amount: 1.2M EUR", "'1.2M EUR' is not an amount; write an ISO 4217", 6),
    ("cv-grant", ":funder: F\n:amount: \u20ac1.2M", "(for \u20ac write EUR)", 7),
    ("cv-grant", ":amount: eur 100", "write the currency code in capitals, EUR", 6),
    ("cv-grant", ":amount: EUX 100", "EUX is not an ISO 4217 currency code", 6),
    ("cv-grant", ":amount: USD 1.200.000", "'USD 1.200.000' is not an amount", 6),
    ("cv-teaching", ":terms: Fall 2021, Sprng 2022", "'Sprng 2022' is not a date", 6),
    ("cv-teaching", ":terms: Fall 2022, Fall 2021", "'Fall 2021' does not come after", 6),
    (
        "cv-teaching",
        ":start: Fall 2021\n:terms: Fall 2022",
        "gives both :start: and :terms:; keep one",
        7,
    ),
    ("cv-service", ":years: 2019, 2021a", "'2021a' is not a year; list years as YYYY", 6),
    ("cv-service", ":years: 2019, 2018-2020", "lists 2019 twice", 6),
    ("cv-service", ":years: 2023-2021", "the run '2023-2021' ends before it starts", 6),
    ("cv-service", ":body: B\n:years: 2019-", "'2019-' is not a year", 7),
    ("cv-award", ":date: 2022\n:start: 2021", "gives both :date: and :start:", 7),
    ("cv-award", ":date: 14 June 2022", "(here: 2022-06-14)", 6),
    ("cv-supervision", ":start: 2020\n:end: 2019", "the end '2019' comes before the start", 7),
    ("cv-supervision", ":end: 2019", "cv-supervision has an :end: but no :start:", 6),
    ("cv-award", ":date: 2019\n:end: 2020", "an :end: but no :start: date (:date: is no start)", 7),
    ("cv-award", ":funder: F", "cv-award has no option :funder:; it takes :by:, :date:", 6),
    ("cv-service", ":years: 2019\n:years: 2020", "cv-service gives :years: twice", 7),
    (
        "cv-service",
        ":body: B\n:years: 2014-present",
        "cv-service 'Engineer': '2014-present' is not a year; for years that go on,"
        " write :start: 2014 and :end: present instead of :years:",
        7,
    ),
    (
        "cv-teaching",
        ":terms: Spring 2016; Spring 2018",
        "separate the terms with commas: Spring 2016, Spring 2018",
        6,
    ),
    ("cv-teaching", ":term: Fall 2021", "no option :term:; it takes", 6),
    ("cv-teaching", ":term: Fall 2021", "(did you mean :terms:?)", 6),
    ("cv-grant", ":amout: EUR 100", "(did you mean :amount:?)", 6),
    ("cv-service", ":year: 2019", "(did you mean :years:?)", 6),
]


@pytest.mark.parametrize(("directive", "options", "message", "line"), BAD_RECORDS)
def test_bad_record_fails_naming_document_and_line(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    directive: str,
    options: str,
    message: str,
    line: int,
) -> None:
    warnings = build_bad(make_app, rootdir, tmp_path, directive, options)
    assert message in warnings
    assert f"index.md:{line}: ERROR" in warnings
