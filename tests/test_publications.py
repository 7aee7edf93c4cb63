"""Publications and talks: the same list in the website and the PDF's LaTeX."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import facts
import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

    MakeApp = Callable[..., SphinxTestApp]

TITLE = re.compile(r"“(.+?),”", re.S)


@pytest.fixture(scope="session")
def publication_items(pages: dict[str, BeautifulSoup]) -> list[BeautifulSoup]:
    return pages["sections/publications"].select("ol.cv-publication-list > li")


@pytest.fixture(scope="session")
def latex_source(pdf_build: Path) -> str:
    """The LaTeX Sphinx wrote, with its hyphen macro read back as a hyphen."""
    [source] = pdf_build.glob("*.tex")
    return source.read_text(encoding="utf-8").replace(r"\sphinxhyphen{}", "-")


def latex_block(tex: str, begin: str, end: str) -> str:
    start = tex.index(begin)
    return tex[start : tex.index(end, start)]


def latex_publications(tex: str) -> list[str]:
    block = latex_block(tex, r"\begin{cvcountdown}{7}", r"\end{cvcountdown}")
    return block.split(r"\item ")[1:]


def latex_talks(tex: str) -> list[str]:
    start = tex.index(r"\section{Invited Talks and Conference Presentations}")
    block = latex_block(tex[start:], r"\begin{itemize}", r"\end{itemize}")
    return block.split(r"\item ")[1:]


def test_seven_publications_numbered_down_from_seven(
    pages: dict[str, BeautifulSoup], publication_items: list[BeautifulSoup]
) -> None:
    assert len(publication_items) == 7
    listing = pages["sections/publications"].select_one("ol.cv-publication-list")
    assert listing.has_attr("reversed")
    assert listing["start"] == "7"


def test_owner_is_bold_in_every_publication(publication_items: list[BeautifulSoup]) -> None:
    for item in publication_items:
        assert [s.get_text() for s in item.select("strong")] == ["Clemens JS Schaefer"]


def test_years_do_not_increase(publication_items: list[BeautifulSoup]) -> None:
    years = [int(re.findall(r"\b(20\d\d)\.", item.p.get_text())[-1]) for item in publication_items]
    assert years == sorted(years, reverse=True)


def test_doi_and_arxiv_links(publication_items: list[BeautifulSoup]) -> None:
    links = [a["href"] for item in publication_items for a in item.p.select("a[href]")]
    assert len([link for link in links if link.startswith("https://doi.org/")]) == 3
    assert [link for link in links if link.startswith("https://arxiv.org/abs/")] == [
        "https://arxiv.org/abs/2206.07741"
    ]


def test_every_publication_offers_its_bibtex(publication_items: list[BeautifulSoup]) -> None:
    for item in publication_items:
        block = item.select_one("details.cv-bibtex")
        source = block.pre.get_text()
        assert re.match(r"@(article|inproceedings|misc)\{\w+,", source)
        title = TITLE.search(item.p.get_text()).group(1)
        assert title.split()[-1] in source
        download = block.select_one("a[download]")
        assert download["download"].endswith(".bib")
        assert download["href"].startswith("data:application/x-bibtex")


def test_six_talks_two_invited(pages: dict[str, BeautifulSoup]) -> None:
    talks = pages["sections/talks"].select("article ul > li")
    assert len(talks) == 6
    assert sum("Invited talk." in talk.get_text() for talk in talks) == 2
    assert all("cv-bibtex" not in str(talk) for talk in talks)


def test_latex_lists_the_same_publications_in_the_same_order(
    publication_items: list[BeautifulSoup], latex_source: str
) -> None:
    html_titles = [TITLE.search(item.p.get_text()).group(1) for item in publication_items]
    latex_items = latex_publications(latex_source)
    assert len(latex_items) == 7
    positions = [latex_source.index(title) for title in html_titles]
    assert positions == sorted(positions)
    for item in latex_items:
        assert r"\sphinxstylestrong{Clemens JS Schaefer}" in item
    assert html_titles == [t for t in facts.PUBLICATION_TITLES if t in html_titles]


def test_latex_has_the_links_but_no_bibtex(latex_source: str) -> None:
    block = "".join(latex_publications(latex_source))
    assert block.count(r"\sphinxhref{https://doi.org/") == 3
    assert block.count(r"\sphinxhref{https://arxiv.org/abs/2206.07741}{arXiv}") == 1
    assert "@article" not in latex_source


def test_latex_lists_the_same_talks_in_the_same_order(
    pages: dict[str, BeautifulSoup], latex_source: str
) -> None:
    html_dates = [
        re.findall(r"[A-Z][a-z]{2} [\d–, ]*\d{4}", li.get_text())[-1]
        for li in pages["sections/talks"].select("article ul > li")
    ]
    talks = latex_talks(latex_source)
    assert len(talks) == 6
    for date, talk in zip(html_dates, talks, strict=True):
        assert date in talk


# -- the tiny root -----------------------------------------------------------------


def build(
    make_app: MakeApp,
    rootdir: Path,
    tmp_path: Path,
    builder: str,
    warnings: Sequence[str] = (),
    **overrides: object,
) -> SphinxTestApp:
    """Build a copy of the ``test-bib`` root, its page optionally replaced; the
    build gives one warning per string of ``warnings``, each holding it."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-bib", srcdir)
    if "page" in overrides:
        (srcdir / "index.md").write_text(str(overrides.pop("page")), encoding="utf-8")
    app = make_app(builder, srcdir=srcdir, confoverrides=overrides)
    app.build()
    given = [line for line in app.warning.getvalue().splitlines() if "WARNING" in line]
    assert len(given) == len(warnings), given
    for expected, line in zip(warnings, given, strict=True):
        assert expected in line
    return app


@pytest.mark.parametrize(
    ("builder", "output", "bold"),
    [
        ("html", "index.html", "<strong>{}</strong>"),
        ("latex", "bib.tex", r"\sphinxstylestrong{{{}}}"),
    ],
)
def test_changing_highlight_names_changes_the_output(
    make_app: MakeApp, rootdir: Path, tmp_path: Path, builder: str, output: str, bold: str
) -> None:
    # Two entries do not name Bob: each is a warning, naming the entry.
    unnamed = [
        f"{key} names you in none of the forms of cv_highlight_names (Other, Bob)"
        for key in ("entry 'preprint2022'", "talk 'talk2020'")
    ]
    app = build(
        make_app, rootdir, tmp_path, builder, warnings=unnamed, cv_highlight_names=["Other, Bob"]
    )
    text = (app.outdir / output).read_text(encoding="utf-8")
    assert bold.format("Bob Other") in text
    assert bold.format("Ada Example") not in text


def test_talks_are_not_publications(make_app: MakeApp, rootdir: Path, tmp_path: Path) -> None:
    text = (build(make_app, rootdir, tmp_path, "html").outdir / "index.html").read_text()
    assert "A Preprint" in text
    assert "A Talk" not in text


@pytest.mark.parametrize(
    ("directive", "keep_talks", "message"),
    [
        ("cv-publications", True, "cv-publications found no publications in refs.bib"),
        ("cv-talks", False, "cv-talks found no talks in refs.bib"),
    ],
)
def test_a_list_with_nothing_to_list_is_an_error_naming_the_bib_files(
    make_app: MakeApp,
    rootdir: Path,
    tmp_path: Path,
    directive: str,
    keep_talks: bool,
    message: str,
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-bib", srcdir)
    entries = (srcdir / "refs.bib").read_text(encoding="utf-8").split("\n@")
    kept = [text for text in entries if ("{talk" in text) == keep_talks]
    assert kept, "test-bib has nothing to keep"
    (srcdir / "refs.bib").write_text("\n@".join(kept), encoding="utf-8")
    (srcdir / "index.md").write_text(f"# List\n\n:::{{{directive}}}\n:::\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert f"index.md:3: ERROR: {message} (bibtex_bibfiles)" in app.warning.getvalue()


GROUPED = "# Publications\n\n:::{cv-publications}\n:group-by: kind\n:::\n"


def test_grouping_by_kind_keeps_one_countdown(
    make_app: MakeApp, rootdir: Path, tmp_path: Path
) -> None:
    app = build(make_app, rootdir, tmp_path, "html", page=GROUPED)
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    groups = [p.get_text() for p in page.select(".cv-publications-group")]
    assert groups == ["Journal Articles", "Conference Papers", "Preprints"]
    assert [ol["start"] for ol in page.select("ol.cv-publication-list")] == ["3", "2", "1"]


@pytest.mark.parametrize(("numbering", "selector"), [("forward", "ol"), ("none", "ul")])
def test_other_numberings(
    make_app: MakeApp, rootdir: Path, tmp_path: Path, numbering: str, selector: str
) -> None:
    page_source = f"# Publications\n\n:::{{cv-publications}}\n:numbering: {numbering}\n:::\n"
    app = build(make_app, rootdir, tmp_path, "html", page=page_source)
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    listing = page.select_one(f"section {selector}")
    assert not listing.has_attr("reversed")
    assert len(listing.find_all("li", recursive=False)) == 3
