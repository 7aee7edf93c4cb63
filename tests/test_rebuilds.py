"""A rebuild does again only what changed (engine behaviour, on tiny roots).

sphinxcontrib-bibtex formats every entry of every list on every build, even when
nothing changed; the engine keeps each entry's text and COinS record in the
environment, under everything they are made from. These tests count, as a user
builds (a fresh ``python -m sphinx`` per build), how many entries each build of
``tests/roots/test-senior`` formats: a ``sitecustomize`` module on the build's
``PYTHONPATH`` wraps the style's formatter and the COinS maker and writes the
counts when the process ends. Counts, never timings: those live in the benchmark.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, run_sphinx
from cvsource import CvSources

SENIOR = Path(__file__).parent / "roots" / "test-senior"
FRESH = Path(__file__).parent / "roots" / "test-fresh"

COUNTER = textwrap.dedent(
    """\
    import atexit, collections, json, os

    import cv.bibstyle
    import cv.publications

    counts = collections.Counter()

    def counted(name, function):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return function(*args, **kwargs)
        return wrapper

    cv.bibstyle.CvStyle.format_text = counted("texts", cv.bibstyle.CvStyle.format_text)
    cv.publications.coins = counted("coins", cv.publications.coins)
    atexit.register(
        lambda: open(os.environ["CV_COUNTS"], "w").write(json.dumps(counts))
    )
    """
)


class CountedProject:
    """A copy of a root, built into one output folder, with the counts of each build."""

    def __init__(self, root: Path, tmp_path: Path, engine: Path = PROJECT / "_ext") -> None:
        self.engine = engine
        self.srcdir = tmp_path / "src"
        shutil.copytree(root, self.srcdir)
        self.outdir = tmp_path / "html"
        self.hooks = tmp_path / "hooks"
        self.hooks.mkdir()
        (self.hooks / "sitecustomize.py").write_text(COUNTER, encoding="utf-8")
        self.counts_file = tmp_path / "counts.json"

    def build(self, *options: str) -> dict[str, int]:
        environment = {
            "PYTHONPATH": f"{self.hooks}:{self.engine}",
            "CV_COUNTS": str(self.counts_file),
        }
        result = run_sphinx(
            "-W", "-n", "-q", "-b", "html", *options, ".", self.outdir,
            cwd=self.srcdir, env=environment,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        counts = json.loads(self.counts_file.read_text(encoding="utf-8"))
        return {"texts": counts.get("texts", 0), "coins": counts.get("coins", 0)}

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / name).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def senior(tmp_path: Path) -> CountedProject:
    return CountedProject(SENIOR, tmp_path)


def listed_counts(project: CountedProject) -> tuple[int, int]:
    """How many entries the site lists (texts), and how many publications (COinS)."""
    sources = CvSources(project.srcdir)
    publications = {record.key for record in sources.publications}
    talks = {record.key for record in sources.talks}
    return len(publications | talks), len(publications)


def test_a_rebuild_with_nothing_changed_formats_nothing(senior: CountedProject) -> None:
    entries, publications = listed_counts(senior)
    first = senior.build()
    # Each entry once, however many lists and pages show it.
    assert first == {"texts": entries, "coins": publications}
    assert senior.build() == {"texts": 0, "coins": 0}
    # Nor does a page edit that leaves the bib file alone.
    page = senior.srcdir / "sections" / "awards.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert senior.build() == {"texts": 0, "coins": 0}
    assert "One more line." in senior.page("sections/awards.html").get_text()


def test_an_edited_entry_alone_is_formatted_again(senior: CountedProject) -> None:
    senior.build()
    bib = senior.srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    old = "Forecasting Coral Recovery after Marine Heatwaves"
    new = "Forecasting Coral Recovery after Four Marine Heatwaves"
    assert old in text
    bib.write_text(text.replace(old, new), encoding="utf-8")
    assert senior.build() == {"texts": 1, "coins": 1}
    page = senior.page("sections/publications.html")
    assert new in page.get_text()
    assert old not in page.get_text()
    [coins] = [span["title"] for span in page.select(".Z3988") if "Four+Marine" in span["title"]]
    assert "Four+Marine+Heatwaves" in coins


def test_a_new_language_formats_everything_again(senior: CountedProject) -> None:
    entries, publications = listed_counts(senior)
    senior.build()
    # Generated words ("Invited talk", months) are in the CV's language.
    assert senior.build("-D", "language=de") == {"texts": entries, "coins": publications}
    assert "Eingeladener Vortrag" in senior.page("sections/talks.html").get_text()


def test_an_engine_update_formats_everything_again(tmp_path: Path) -> None:
    engine = tmp_path / "engine"
    shutil.copytree(PROJECT / "_ext" / "cv", engine / "cv")
    senior = CountedProject(SENIOR, tmp_path, engine)
    entries, publications = listed_counts(senior)
    senior.build()
    style = engine / "cv" / "bibstyle.py"
    text = style.read_text(encoding="utf-8")
    style.write_text(text.replace('"Keynote"', '"Keynote!"'), encoding="utf-8")
    assert senior.build() == {"texts": entries, "coins": publications}


def test_each_list_keeps_only_its_own_entries(senior: CountedProject) -> None:
    """sphinxcontrib-bibtex makes a list item for every entry of the bib files in
    each list; the environment keeps, for each list, only those it shows."""
    senior.build()
    with (senior.outdir / ".doctrees" / "environment.pickle").open("rb") as file:
        environment = pickle.load(file)
    domain = environment.domaindata["cite"]
    shown: dict[object, set[str]] = {}
    for citation in domain["citations"]:
        shown.setdefault(citation.bibliography_key, set()).add(citation.key)
    assert shown
    for key, bibliography in domain["bibliographies"].items():
        assert set(bibliography.citation_nodes) == shown.get(key, set()), key


def test_the_one_page_cv_is_left_out_of_the_search(tmp_path: Path) -> None:
    project = CountedProject(FRESH, tmp_path)
    project.build()
    script = (project.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", script, re.DOTALL).group(1))
    found: set[int] = set()
    for documents in index["terms"].values():
        found |= {documents} if isinstance(documents, int) else set(documents)
    searched = {index["docnames"][number] for number in found}
    # Sphinx lists the page, with no words: a search never finds it.
    assert "all" not in searched
    assert {"index", "papers", "skills"} <= searched


def test_compiled_templates_follow_an_edit_of_a_template(tmp_path: Path) -> None:
    """The templates are compiled once and kept beside the doctrees; an edited
    template (here the owner's own) is compiled again, and every page shows it."""
    project = CountedProject(FRESH, tmp_path)
    templates = project.srcdir / "_templates" / "sidebar"
    templates.mkdir(parents=True)
    scroll_end = templates / "scroll-end.html"
    scroll_end.write_text('<p class="owner-note">First words</p>\n', encoding="utf-8")
    with (project.srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ntemplates_path = ["_templates"]\n')
    project.build()
    assert list((project.outdir / ".doctrees" / "cv-templates").glob("*.cache"))
    assert project.page("skills.html").select_one(".owner-note").get_text() == "First words"
    scroll_end.write_text('<p class="owner-note">Second words</p>\n', encoding="utf-8")
    project.build()
    for page in ("index.html", "skills.html", "papers.html"):
        assert project.page(page).select_one(".owner-note").get_text() == "Second words"
