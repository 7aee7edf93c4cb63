"""Publications and talks of the real CV against ``refs.bib``, in the website and the
PDF's LaTeX; then the directives' behaviour on a tiny root.

What each list must hold is read from the bib files (:mod:`cvsource`): every
publication once, its title, every author in order with the owner in bold, its
year and venue, its DOI, arXiv and URL links; every talk; the same order in
both outputs. A new paper or a removed talk changes what is expected, not the
tests.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import SOURCES, build_root
from cv.bibcheck import check_bib_files
from cv.publications import BIBTEX_FOLDER, bibtex_source, download_name
from cvsource import BibRecord, in_order, letters

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from pybtex.database import Entry
    from sphinx.testing.util import SphinxTestApp

    MakeApp = Callable[..., SphinxTestApp]

#: The pages with a publication list, and with a list of talks.
PUBLICATION_PAGES = [p.docname for p in SOURCES.sections if "cv-publications" in p.directives]
TALK_PAGES = [p.docname for p in SOURCES.sections if "cv-talks" in p.directives]


def items(page: BeautifulSoup, kind: str) -> list[BeautifulSoup]:
    """The items of a page's lists of ``kind``; for publications, those of its full lists
    (a list of selected papers above them repeats some), or of its selected ones."""
    if kind == "publication":
        full = page.select("article .cv-publication-list:not(.cv-selected-list) > li")
        return full or page.select("article .cv-selected-list > li")
    return page.select(f"article .cv-{kind}-list > li")


#: Fields that tell apart two entries with one title (a talk given twice).
TELLING = ("journal", "booktitle", "eventtitle", "venue", "journaltitle")


def matching(records: list[BibRecord], shown: list[BeautifulSoup]) -> list[BeautifulSoup]:
    """For each record, the shown item with its title, year, authors and venue;
    each item is one record's (entries that read the same are taken in order)."""
    found: list[BeautifulSoup] = []
    for record in records:
        wanted = [record.title, record.year, *record.authors()]
        wanted += [record.field(name) for name in TELLING]
        candidates = [
            item
            for item in shown
            if all(letters(part) in letters(item.p.get_text()) for part in wanted)
            and all(item is not taken for taken in found)
        ]
        assert candidates, f"{record.key} is not listed"
        # A volume's item is also in the items of the papers in it: take the item that
        # starts with the record's first author (or editor).
        first = letters((record.authors() or record.editors() or [""])[0])
        found.append(
            next((i for i in candidates if letters(i.p.get_text()).startswith(first)), None)
            or candidates[0]
        )
    return found


@pytest.fixture(scope="session")
def latex_source(pdf_build: Path) -> str:
    """The LaTeX Sphinx wrote, with its hyphen macro read back as a hyphen."""
    source = (pdf_build / SOURCES.pdf_name).with_suffix(".tex")
    return source.read_text(encoding="utf-8").replace(r"\sphinxhyphen{}", "-")


def latex_items(tex: str, environment: str) -> list[str]:
    """The ``\\item``s of every list environment whose name starts ``environment``."""
    blocks = re.findall(rf"\\begin\{{({environment}\w*)\}}(.*?)\\end\{{\1\}}", tex, re.S)
    return [item for _, block in blocks for item in block.split(r"\item ")[1:]]


def test_the_bib_files_pass_every_check_and_lose_no_entry() -> None:
    files = [SOURCES.project / name for name in SOURCES.conf.bibtex_bibfiles]
    owner = tuple(SOURCES.conf.cv_highlight_names)
    bibdata, problems, _places = check_bib_files(files, "utf-8-sig", owner)
    assert problems == []
    # Every entry is kept but the crossref targets that are not yours, as the sources say.
    assert {key.lower() for key in bibdata.data.entries} == {r.key.lower() for r in SOURCES.bib}


@pytest.mark.parametrize("docname", PUBLICATION_PAGES)
def test_every_publication_is_listed_once_as_written(
    pages: dict[str, BeautifulSoup], docname: str
) -> None:
    shown = items(pages[docname], "publication")
    listed = SOURCES.listed_publications(docname)
    assert len(shown) == len(listed)
    for record, item in zip(listed, matching(listed, shown), strict=True):
        text = item.p.get_text()
        assert in_order([*record.authors(), record.title, record.year], text) == [], record.key
        for venue in ("journal", "booktitle", "journaltitle"):
            assert letters(record.field(venue)) in letters(text), (record.key, venue)
        bold = {letters(strong.get_text()) for strong in item.p.select("strong")}
        assert bold == {letters(name) for name in SOURCES.highlighted(record)}, record.key
        links = [a["href"] for a in item.p.select("a[href]")]
        if record.doi:
            assert f"https://doi.org/{record.doi}" in links, record.key
        if record.arxiv:
            assert f"https://arxiv.org/abs/{record.arxiv}" in links, record.key


@pytest.mark.parametrize("docname", PUBLICATION_PAGES)
def test_numbering_counts_down_across_groups(pages: dict[str, BeautifulSoup], docname: str) -> None:
    lists = pages[docname].select("article ol.cv-publication-list[reversed]")
    full = [listing for listing in lists if "cv-selected-list" not in listing["class"]]
    lists = full or lists
    expected = len(SOURCES.listed_publications(docname))
    for listing in lists:
        assert int(listing["start"]) == expected
        expected -= len(listing.find_all("li", recursive=False))


@pytest.mark.parametrize("docname", PUBLICATION_PAGES)
def test_years_never_increase_within_a_list(pages: dict[str, BeautifulSoup], docname: str) -> None:
    # A work with no year yet (submitted) comes first.
    by_title = {letters(r.title): int(r.year or 9999) for r in SOURCES.publications}
    for listing in pages[docname].select("article .cv-publication-list"):
        years = [
            next(year for title, year in by_title.items() if title in letters(item.p.get_text()))
            for item in listing.find_all("li", recursive=False)
        ]
        assert years == sorted(years, reverse=True)


@pytest.fixture(scope="module")
def checked_entries() -> dict[str, Entry]:
    """The bib files' entries as the engine's check leaves them, by key."""
    files = [SOURCES.project / name for name in SOURCES.conf.bibtex_bibfiles]
    owner = tuple(SOURCES.conf.cv_highlight_names)
    bibdata, _problems, _places = check_bib_files(files, "utf-8-sig", owner)
    return {key.lower(): entry for key, entry in bibdata.data.entries.items()}


@pytest.mark.parametrize("docname", PUBLICATION_PAGES)
def test_every_publication_offers_its_bibtex(
    pages: dict[str, BeautifulSoup],
    html_dir: Path,
    checked_entries: dict[str, Entry],
    docname: str,
) -> None:
    """A link to a file of the site, the entry as written; not the entry itself,
    which made a page of 300 papers weigh over a megabyte."""
    shown = items(pages[docname], "publication")
    listed = SOURCES.listed_publications(docname)
    site = html_dir.resolve()
    for record, item in zip(listed, matching(listed, shown), strict=True):
        [link] = item.select("a.cv-bibtex")
        assert link.has_attr("download"), record.key
        hidden = " " + SOURCES.generated("for {key}").format(key=record.key)
        assert link.select_one(".visually-hidden").get_text() == hidden
        assert link.get_text() == f"BibTeX{hidden}"
        assert not link["href"].startswith(("data:", "/", "http")), link["href"]
        path = ((html_dir / docname).parent / link["href"]).resolve()
        assert path.parent == site / BIBTEX_FOLDER, link["href"]
        assert path.name == f"{download_name(record.key)}.bib"
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"@{record.entry.original_type}{{{record.key},")
        assert text == bibtex_source(checked_entries[record.key.lower()])
        assert item.select_one("pre, details") is None
        assert "data:" not in str(item)


@pytest.mark.parametrize("docname", TALK_PAGES)
def test_every_talk_is_listed_once(pages: dict[str, BeautifulSoup], docname: str) -> None:
    shown = items(pages[docname], "talk")
    assert len(shown) == len(SOURCES.talks)
    for record, item in zip(SOURCES.talks, matching(SOURCES.talks, shown), strict=True):
        text = item.get_text()
        for name in ("eventtitle", "venue"):
            assert letters(record.field(name)) in letters(text), (record.key, name)
        invited = SOURCES.generated("Invited talk") + "."
        assert (invited in text) == ("invited" in record.keywords), record.key
        assert "cv-bibtex" not in str(item)


def test_latex_lists_the_same_publications_in_the_same_order(
    pages: dict[str, BeautifulSoup], latex_source: str
) -> None:
    if not PUBLICATION_PAGES:
        pytest.skip("the CV lists no publications")
    full_pages = [
        p for p in PUBLICATION_PAGES if SOURCES.listed_publications(p) is not SOURCES.selected
    ]
    shown = [
        item.p.get_text()
        for item in items(pages[(full_pages or PUBLICATION_PAGES)[0]], "publication")
    ]
    listed = latex_items(latex_source, "cvcountdown") or latex_items(latex_source, "enumerate")
    assert len(listed) >= len(SOURCES.publications)
    # Math is markup in LaTeX and letters on the site: compare the ASCII letters.
    assert (
        in_order(
            [_ascii(text) for text in shown], _ascii("".join(_latex_text(item) for item in listed))
        )
        == []
    )
    for record in SOURCES.publications:
        if record.doi:
            # LaTeX escapes a DOI's "_" (DBLP's 978-3-030-43427-3_13) and "%" in the link.
            link = f"https://doi.org/{record.doi}"
            assert link in latex_source or re.sub(r"([_%#&])", r"\\\1", link) in latex_source
        if record.arxiv:
            assert rf"\sphinxhref{{https://arxiv.org/abs/{record.arxiv}}}{{arXiv}}" in latex_source
    assert "@" + "article{" not in latex_source


def test_latex_lists_the_same_talks_in_the_same_order(
    pages: dict[str, BeautifulSoup], latex_source: str
) -> None:
    if not TALK_PAGES:
        pytest.skip("the CV lists no talks")
    shown = [item.get_text() for item in items(pages[TALK_PAGES[0]], "talk")]
    assert in_order(shown, _latex_text(latex_source)) == []


def _ascii(text: str) -> str:
    return "".join(char for char in letters(text) if char.isascii())


def _latex_text(tex: str) -> str:
    """LaTeX source with its commands taken out, so that only the words remain."""
    return re.sub(r"\\[a-zA-Z]+\*?|\{[^{}]*\}(?=\{)|\\.", " ", tex)


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


# -- the BibTeX files ------------------------------------------------------------------

#: The test-bib root's page with its talks listed too: a talk has no BibTeX file.
WITH_TALKS = "# Publications\n\n:::{cv-publications}\n:::\n\n## Talks\n\n:::{cv-talks}\n:::\n"


def bib_site(rootdir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of test-bib, with its talks listed, and its website: (srcdir, outdir)."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-bib", srcdir)
    (srcdir / "index.md").write_text(WITH_TALKS, encoding="utf-8")
    return srcdir, build_root(srcdir, "html", tmp_path / "html")


def bibtex_files(outdir: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in (outdir / "_bibtex").iterdir()}


def bibtex_links(outdir: Path) -> list[str]:
    page = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [link["href"] for link in page.select("a.cv-bibtex")]


def expected_files(srcdir: Path) -> dict[str, str]:
    """Each publication's file name and text, from the bib file as the engine reads it."""
    bibdata, problems, _places = check_bib_files([srcdir / "refs.bib"], "utf-8-sig", ())
    assert [p for p in problems if p.level == "error"] == []
    return {
        f"{download_name(key)}.bib": bibtex_source(entry)
        for key, entry in bibdata.data.entries.items()
        if "talk" not in entry.fields.get("keywords", "")
    }


def test_one_bibtex_file_per_publication_and_none_for_talks(rootdir: Path, tmp_path: Path) -> None:
    srcdir, outdir = bib_site(rootdir, tmp_path)
    files = bibtex_files(outdir)
    assert sorted(files) == ["conf2019.bib", "journal2021.bib", "preprint2022.bib"]
    assert files == expected_files(srcdir)
    assert sorted(bibtex_links(outdir)) == [f"_bibtex/{name}" for name in sorted(files)]
    page = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select(".cv-talk-list > li")
    assert not page.select(".cv-talk-list a.cv-bibtex")


def test_a_removed_publication_loses_its_bibtex_file(rootdir: Path, tmp_path: Path) -> None:
    srcdir, outdir = bib_site(rootdir, tmp_path)
    assert "journal2021.bib" in bibtex_files(outdir)
    bib = srcdir / "refs.bib"
    entries = bib.read_text(encoding="utf-8").split("\n@")
    bib.write_text("\n@".join(e for e in entries if "journal2021" not in e), encoding="utf-8")
    build_root(srcdir, "html", outdir)
    files = bibtex_files(outdir)
    assert sorted(files) == ["conf2019.bib", "preprint2022.bib"]
    assert files == expected_files(srcdir)
    assert sorted(bibtex_links(outdir)) == ["_bibtex/conf2019.bib", "_bibtex/preprint2022.bib"]


def test_an_edited_title_rewrites_that_bibtex_file_only(rootdir: Path, tmp_path: Path) -> None:
    srcdir, outdir = bib_site(rootdir, tmp_path)
    folder = outdir / "_bibtex"
    written = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("{A Journal Article}", "{An Edited Article}"),
        encoding="utf-8",
    )
    build_root(srcdir, "html", outdir)
    files = bibtex_files(outdir)
    assert "title = {An Edited Article}" in files["journal2021.bib"]
    assert files == expected_files(srcdir)
    # A file whose text is the same is left as it was (a server's caches keep it).
    again = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert again["journal2021.bib"] != written["journal2021.bib"]
    assert {name: t for name, t in again.items() if name != "journal2021.bib"} == {
        name: t for name, t in written.items() if name != "journal2021.bib"
    }
