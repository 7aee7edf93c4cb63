"""Every edit reaches every page of both outputs, whatever order the builds run in.

The ``test-fresh`` root has a landing page with the header, a section page,
a publications page and a whole-CV page that shows every section. Each test
builds it the way a user does (``python -m sphinx`` in a fresh process,
``-W -n``), edits it as an owner does, rebuilds in one of the orders the
README and nox allow, and reads every output again.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import require_tex, run_sphinx, text_layer
from pypdf import PdfReader

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).parent / "roots" / "test-fresh"
HTML_PAGES = ("index", "skills", "papers", "all")

#: How each order builds the PDF and the site: (arguments, where the PDF is).
ORDERS: dict[str, list[tuple[str, ...]]] = {
    "README: PDF then site, one doctree folder": [
        ("-b", "latexpdf", "-d", "_build/doctrees", ".", "_build/latexpdf"),
        ("-b", "html", "-d", "_build/doctrees", ".", "_build/html"),
    ],
    "site then PDF, one doctree folder": [
        ("-b", "html", "-d", "_build/doctrees", ".", "_build/html"),
        ("-b", "latexpdf", "-d", "_build/doctrees", ".", "_build/latexpdf"),
    ],
    "separate doctree folders": [
        ("-b", "latexpdf", ".", "_build/latexpdf"),
        ("-b", "html", ".", "_build/html"),
    ],
    "make mode: -M latexpdf, then -M html": [
        ("-M", "latexpdf", ".", "_build"),
        ("-M", "html", ".", "_build"),
    ],
}


class Project:
    """A copy of the root, built in one order."""

    def __init__(self, srcdir: Path, order: list[tuple[str, ...]]) -> None:
        self.srcdir = srcdir
        self.order = order

    def build(self) -> None:
        for arguments in self.order:
            result = run_sphinx(*arguments, "-W", "-n", "-q", cwd=self.srcdir)
            assert result.returncode == 0, result.stderr

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.srcdir / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    def page(self, name: str) -> str:
        html = self.srcdir / "_build" / "html" / f"{name}.html"
        return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").get_text(" ")

    def article(self, name: str) -> BeautifulSoup:
        html = self.srcdir / "_build" / "html" / f"{name}.html"
        return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")

    def pdf(self) -> str:
        # The PDF builder's; the site has a copy of it.
        [pdf] = [
            path for path in (self.srcdir / "_build").rglob("fresh.pdf") if "html" not in path.parts
        ]
        return " ".join(text_layer(PdfReader(pdf)).split())

    def tex(self) -> str:
        [tex] = list((self.srcdir / "_build").rglob("fresh.tex"))
        return tex.read_text(encoding="utf-8")


README = ORDERS["README: PDF then site, one doctree folder"]
SITE_ONLY = [("-b", "html", "-d", "_build/doctrees", ".", "_build/html")]


def copy_of_root(tmp_path: Path, order: list[tuple[str, ...]]) -> Project:
    """A fresh copy of the root, to be built in ``order`` (not built yet)."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return Project(srcdir, order)


@pytest.fixture
def project(tmp_path: Path) -> Callable[[list[tuple[str, ...]]], Project]:
    require_tex()

    def make(order: list[tuple[str, ...]]) -> Project:
        made = copy_of_root(tmp_path, order)
        made.build()
        return made

    return make


@pytest.mark.parametrize("order", ORDERS.values(), ids=ORDERS.keys())
def test_every_edit_reaches_every_page_of_both_outputs(
    project: Callable[[list[tuple[str, ...]]], Project], order: list[tuple[str, ...]]
) -> None:
    cv = project(order)
    assert "The First Title" in cv.page("papers")

    # A title in refs.bib, and a line of a page that the whole-CV page shows.
    cv.edit("refs.bib", "The First Title", "The Edited Title")
    cv.edit("skills.md", "first version", "second version")
    cv.build()
    for page in ("papers", "all"):
        assert "The Edited Title" in cv.page(page), page
        assert "The First Title" not in cv.page(page), page
    for page in ("skills", "all"):
        assert "second version" in cv.page(page), page
    assert "The Edited Title" in cv.pdf()
    assert "second version" in cv.pdf()

    # A new paper, and a cv_* value from conf.py that every page shows.
    cv.edit("refs.bib", "@article{first2020", NEW_PAPER + "@article{first2020")
    cv.edit("conf.py", 'cv_role = "Role One"', 'cv_role = "Role Two"')
    cv.build()
    for page in ("papers", "all"):
        assert len(cv.article(page).select("ol.cv-publication-list > li")) == 2, page
    for page in HTML_PAGES:
        html = (cv.srcdir / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
        assert 'content="Role Two"' in html, page
        assert "Role One" not in html, page
    for page in ("index", "all"):
        assert "Role Two" in cv.article(page).get_text(), page
    assert "A Second Paper" in cv.pdf()
    assert "Role Two" in cv.pdf()

    # Whose name is bold, and a section's title, which every page's navigation shows.
    cv.edit("conf.py", '["Example, Ada"]', '["Other, Bob"]')
    cv.edit("skills.md", "# Skills", "# Expertise")
    cv.build()
    for page in ("papers", "all"):
        bold = {tag.get_text() for tag in cv.article(page).select("li strong")}
        assert bold == {"Bob Other"}, page
    for page in HTML_PAGES:
        assert "Expertise" in cv.page(page), page
        assert "Skills" not in cv.page(page), page
    assert r"\sphinxstylestrong{Bob Other}" in cv.tex()
    assert r"\sphinxstylestrong{Ada Example}" not in cv.tex()
    assert "Expertise" in cv.pdf()


NEW_PAPER = """@inproceedings{second2021,
  author    = {Other, Bob and Example, Ada},
  title     = {A Second Paper},
  booktitle = {Conference on Examples},
  year      = {2021},
}

"""


def test_the_website_alone_follows_every_edit(tmp_path: Path) -> None:
    """What ``nox -s serve`` (sphinx-autobuild) does: the site, rebuilt after each edit."""
    cv = copy_of_root(tmp_path, SITE_ONLY)
    cv.build()
    cv.edit("skills.md", "first version", "second version")
    cv.build()
    assert "second version" in cv.page("all")
    cv.edit("refs.bib", "The First Title", "The Edited Title")
    cv.build()
    assert "The Edited Title" in cv.page("all")


# -- mistakes come back until they are fixed ----------------------------------------------

BAD_DATE = ":::{cv-entry} A Job\n:start: March 2018\n:::\n"
BAD_DATE_ERROR = "skills.md:4: ERROR: cv-entry 'A Job': 'March 2018' is not a date"


def test_an_error_fails_every_build_until_fixed_and_leaves_no_pdf(tmp_path: Path) -> None:
    require_tex()
    cv = copy_of_root(tmp_path, README)
    srcdir, readme = cv.srcdir, README
    pdf = srcdir / "_build" / "latexpdf" / "fresh.pdf"
    cv.build()
    assert pdf.exists()
    (srcdir / "skills.md").write_text("# Skills\n\n" + BAD_DATE, encoding="utf-8")
    for arguments in [*readme, *readme]:
        result = run_sphinx(*arguments, "-W", "-n", "-q", cwd=srcdir)
        assert result.returncode != 0, arguments
        # Once per build, at the page that has it (not again for the whole-CV page).
        assert result.stderr.count("'March 2018' is not a date") == 1, result.stderr
        assert BAD_DATE_ERROR in result.stderr
        assert not pdf.exists()
        if "html" in arguments:
            assert not (srcdir / "_build" / "html" / "fresh.pdf").exists()
    # Without -W too: an error fails the build.
    result = run_sphinx(*readme[0], "-q", cwd=srcdir)
    assert result.returncode != 0
    assert not pdf.exists()
    (srcdir / "skills.md").write_text("# Skills\n\n- fixed\n", encoding="utf-8")
    cv.build()
    assert pdf.exists()
    assert "fixed" in cv.page("all")


def test_a_warning_in_a_shown_page_is_reported_once_each_build(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "skills.md").write_text("# Skills\n\n- see {ref}`nowhere`\n", encoding="utf-8")
    for _ in range(2):
        result = run_sphinx("-b", "html", "-n", "-q", "-N", ".", "_build/html", cwd=srcdir)
        assert re.findall(r"\S+: WARNING: .*", result.stderr) == [
            f"{srcdir / 'skills.md'}:3: WARNING: undefined label: 'nowhere' [ref.ref]"
        ]


# -- the Download PDF link -----------------------------------------------------------------


def download_links(cv: Project) -> list[str]:
    return [a["href"] for a in cv.article("index").select("a.cv-download")]


def test_the_site_never_links_a_pdf_older_than_its_sources(tmp_path: Path) -> None:
    require_tex()
    cv = copy_of_root(tmp_path, README)
    srcdir, readme = cv.srcdir, README
    cv.build()
    assert download_links(cv) == ["fresh.pdf"]
    copied = srcdir / "_build" / "html" / "fresh.pdf"
    assert copied.read_bytes() == (srcdir / "_build" / "latexpdf" / "fresh.pdf").read_bytes()

    cv.edit("skills.md", "first version", "second version")
    site_only = Project(srcdir, readme[1:])
    site_only.build()
    assert download_links(cv) == []
    assert not copied.exists()
    result = run_sphinx(*readme[1], cwd=srcdir)
    assert "is older than" in result.stdout
    assert "skills.md" in result.stdout

    cv.build()
    assert download_links(cv) == ["fresh.pdf"]
    assert "second version" in text_layer(PdfReader(copied))

    # An edit that leaves the PDF as it was (latexmk then keeps the old file) still
    # leaves a PDF as new as the sources.
    os.utime(srcdir / "conf.py")
    cv.build()
    assert download_links(cv) == ["fresh.pdf"]


def test_a_change_of_the_owners_names_checks_the_bib_again(tmp_path: Path) -> None:
    cv = copy_of_root(tmp_path, SITE_ONLY)
    srcdir = cv.srcdir
    cv.build()
    cv.edit("conf.py", '["Example, Ada"]', '["Nobody, Nemo"]')
    result = run_sphinx(*cv.order[0], "-W", "-q", cwd=srcdir)
    assert result.returncode != 0
    assert "entry 'first2020' names you in none of the forms of cv_highlight_names" in (
        result.stderr
    )
    cv.edit("conf.py", '["Nobody, Nemo"]', '["Other, Bob"]')
    cv.build()


def test_an_edit_of_the_engine_reaches_every_page(tmp_path: Path) -> None:
    """A template or a visitor of ``_ext/cv`` changed: every page is read and written again."""
    engine = tmp_path / "engine"
    shutil.copytree(Path(__file__).parents[1] / "_ext" / "cv", engine / "cv")
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    arguments = ("-b", "html", "-d", "_build/doctrees", ".", "_build/html", "-W", "-n", "-q")

    def build() -> None:
        result = run_sphinx(*arguments, cwd=srcdir, env={"PYTHONPATH": str(engine)})
        assert result.returncode == 0, result.stderr

    build()
    template = engine / "cv" / "templates" / "search.html"
    template.write_text(template.read_text().replace("<h1>", '<h1 class="edited">'))
    visitor = engine / "cv" / "entry.py"
    visitor.write_text(visitor.read_text().replace('"cv-entry-head"', '"cv-entry-head edited"'))
    (srcdir / "skills.md").write_text(
        "# Skills\n\n:::{cv-entry} A Job\n:start: 2020\n:::\n", encoding="utf-8"
    )
    build()
    search = (srcdir / "_build" / "html" / "search.html").read_text(encoding="utf-8")
    assert '<h1 class="edited">' in search
    visitor.write_text(visitor.read_text().replace('"cv-entry-head edited"', '"cv-entry-head new"'))
    build()
    for page in ("skills", "all"):
        html = (srcdir / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
        assert 'class="cv-entry-head new"' in html, page


def test_a_removed_page_leaves_the_site(tmp_path: Path) -> None:
    cv = copy_of_root(tmp_path, SITE_ONLY)
    srcdir = cv.srcdir
    cv.build()
    assert (srcdir / "_build" / "html" / "skills.html").exists()
    (srcdir / "skills.md").unlink()
    cv.edit("index.md", "skills\n", "")
    cv.build()
    assert not (srcdir / "_build" / "html" / "skills.html").exists()
    assert "Skills" not in cv.page("all")
