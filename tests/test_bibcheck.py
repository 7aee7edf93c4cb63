"""Mistakes in a hand-edited refs.bib: one clear error naming the file, line and entry.

Each row writes a bib file with one mistake (and a good entry) into a
copy of the ``test-bibcheck`` root, builds it, and expects exactly one error,
``refs.bib:<line>: ERROR: <message>``, where before there was a traceback, a
warning naming no line, or a quietly shortened list.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import run_sphinx

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


GOOD = """
@article{good2019,
  author  = {Example, Ada},
  title   = {A Good Article},
  journal = {Journal of Examples},
  year    = {2019},
}
"""


def article(key: str, *fields: str) -> str:
    body = "".join(f"  {field},\n" for field in fields)
    return f"@article{{{key},\n{body}}}\n"


def talk(key: str, *fields: str) -> str:
    body = "".join(f"  {field},\n" for field in fields)
    return f"@misc{{{key},\n{body}  keywords = {{talk}},\n}}\n"


AUTHOR = "author = {Example, Ada}"
TITLE = "title = {A Title}"
JOURNAL = "journal = {Journal of Examples}"
YEAR = "year = {2020}"
EVENT = "eventtitle = {Workshop on Examples}"
DATE = "date = {2020-05-04}"

# id: (the bib file's text before GOOD, the message, the line named)
BAD_BIBS = {
    "no title": (article("x2020", AUTHOR, JOURNAL, YEAR), "entry 'x2020' has no title", 1),
    "no author": (article("x2020", TITLE, JOURNAL, YEAR), "entry 'x2020' has no author", 1),
    "no year": (article("x2020", AUTHOR, TITLE, JOURNAL), "entry 'x2020' has no year", 1),
    "no venue": (
        article("x2020", AUTHOR, TITLE, YEAR),
        "entry 'x2020' has no venue: give a journal (or, for a preprint, an eprint)",
        1,
    ),
    "five-digit year": (
        article("x2020", AUTHOR, TITLE, JOURNAL, "year = {20201}"),
        "entry 'x2020' has the year '20201', which is not a four-digit year",
        5,
    ),
    "year in words": (
        article("x2020", AUTHOR, TITLE, "year = {twenty}", JOURNAL),
        "entry 'x2020' has the year 'twenty', which is not a four-digit year",
        4,
    ),
    "duplicate key": (
        article("same2020", AUTHOR, TITLE, JOURNAL, YEAR)
        + article("Same2020", AUTHOR, "title = {Another}", JOURNAL, YEAR),
        "entry 'Same2020' has the same key as the entry on line 1; keys must be unique",
        7,
    ),
    "duplicate field": (
        article("x2020", AUTHOR, TITLE, JOURNAL, YEAR, "year = {2021}"),
        "entry 'x2020' gives year twice, on lines 5 and 6",
        6,
    ),
    "talk without date": (
        talk("t2020", AUTHOR, TITLE, EVENT),
        "talk 't2020' has no date: give an ISO date or range",
        1,
    ),
    "talk without event": (
        talk("t2020", AUTHOR, TITLE, DATE),
        "talk 't2020' has no eventtitle",
        1,
    ),
    "talk date in words": (
        talk("t2020", AUTHOR, TITLE, EVENT, "date = {May 2020}"),
        "entry 't2020' has a bad date: 'May 2020' is not a date; write YYYY, YYYY-MM or "
        "YYYY-MM-DD, or a range START/END, as biblatex reads dates (here: 2020-05)",
        5,
    ),
    "talk range backwards": (
        talk("t2020", AUTHOR, TITLE, "date = {2020-05-04/2020-05-01}", EVENT),
        "entry 't2020' has a bad date: the range '2020-05-04/2020-05-01' ends before it starts",
        4,
    ),
    "brace left open": (
        article("x2020", AUTHOR, "title = {A Title", JOURNAL, YEAR),
        "BibTeX syntax error in entry 'x2020' (which starts on line 1): '}' expected",
        8,
    ),
    "brace too many": (
        article("x2020", AUTHOR, "title = {A Title}}", JOURNAL, YEAR),
        "entry 'x2020' (line 1) ends before this text, which BibTeX ignores: "
        "'journal = {Journal of Examples},'; is there a '}' too many?",
        4,
    ),
    "comma missing": (
        article("x2020", AUTHOR, TITLE + " " + JOURNAL, YEAR),
        "BibTeX syntax error in entry 'x2020' (which starts on line 1): '}' expected; "
        "is a comma missing, or a brace unbalanced?",
        3,
    ),
    "unbraced value": (
        article("x2020", AUTHOR, "title = A Title", JOURNAL, YEAR),
        "BibTeX syntax error in entry 'x2020' (which starts on line 1): "
        "'A' is not a defined @string; put text in braces",
        3,
    ),
    "file ends inside an entry": (
        GOOD.lstrip() + "@article{x2020,\n  author = {Example, Ada},\n  title = {A Title,\n",
        "BibTeX syntax error in entry 'x2020' (which starts on line 7): "
        "the file ends inside it; is a '{' or '\"' left open?",
        16,
    ),
    "names without and": (
        article("x2020", "author = {Example, Ada, Other, Bob}", TITLE, JOURNAL, YEAR),
        "entry 'x2020' has too many commas in the name 'Example, Ada, Other, Bob'",
        2,
    ),
}

#: Rows built by a real ``sphinx-build -W``: the two mistakes that used to
#: end in a traceback or in a warning without a line and a shortened list.
SUBPROCESS_ROWS = ("brace left open", "duplicate key")


def bad_root(rootdir: Path, tmp_path: Path, bib: str) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-bibcheck", srcdir)
    (srcdir / "refs.bib").write_text(bib + GOOD, encoding="utf-8")
    return srcdir


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "ERROR" in line or "WARNING" in line]


@pytest.mark.parametrize(("bib", "message", "line"), BAD_BIBS.values(), ids=BAD_BIBS.keys())
def test_bad_bib_gives_one_error_naming_file_line_and_entry(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    bib: str,
    message: str,
    line: int,
) -> None:
    app = make_app("html", srcdir=bad_root(rootdir, tmp_path, bib))
    app.build()
    errors = error_lines(app.warning.getvalue())
    assert len(errors) == 1, errors
    assert f"refs.bib:{line}: ERROR: {message}" in errors[0]


@pytest.mark.parametrize("row", SUBPROCESS_ROWS)
def test_sphinx_build_w_fails_on_a_bad_bib(rootdir: Path, tmp_path: Path, row: str) -> None:
    bib, message, line = BAD_BIBS[row]
    srcdir = bad_root(rootdir, tmp_path, bib)
    result = run_sphinx("-W", "-q", "-b", "html", srcdir, tmp_path / "out")
    assert result.returncode != 0
    assert f"refs.bib:{line}: ERROR: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Extension error" not in result.stderr


@pytest.mark.sphinx("html", testroot="bibcheck")
def test_good_bib_builds_without_warnings(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "A Journal Article" in html
    assert "A Talk" in html


def test_entries_after_a_duplicate_are_kept_and_the_duplicates_left_out(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """pybtex alone stops at a repeated key and drops every entry after it."""
    bib, _, _ = BAD_BIBS["duplicate key"]
    app = make_app("html", srcdir=bad_root(rootdir, tmp_path, bib))
    app.build()
    text = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = text.get_text()
    assert "A Good Article" in shown
    assert "Another" not in shown
    assert "A Title" not in shown


def test_unchanged_rebuild_repeats_the_errors(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """The second build reads the parsed data from the environment, not the file."""
    bib, message, line = BAD_BIBS["no year"]
    srcdir = bad_root(rootdir, tmp_path, bib)
    make_app("html", srcdir=srcdir).build()
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert "0 added, 0 changed" in again.status.getvalue()
    assert f"refs.bib:{line}: ERROR: {message}" in again.warning.getvalue()
