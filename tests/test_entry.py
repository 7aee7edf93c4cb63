"""The cv-entry directive on a tiny root: rendering, and errors for bad input."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

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
    (":end: 2019-01", "has an :end: but no :start:", 5),
    (":location: Paris", "needs a :start: date", 5),
    (
        ":start: 2020\n:place: Paris",
        "cv-entry has no option :place:; it takes :organisation:, :location:, :start:, :end:",
        7,
    ),
    (
        ":organisation: A\n:organisation: B\n:start: 2020",
        "cv-entry gives :organisation: twice, on lines 6 and 7",
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
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-entry-bad", srcdir)
    (srcdir / "index.md").write_text(
        f"# Entries\n\nSome text.\n\n:::{{cv-entry}} Engineer\n{options}\n:::\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = app.warning.getvalue()
    assert message in warnings
    assert f"index.md:{line}:" in warnings
