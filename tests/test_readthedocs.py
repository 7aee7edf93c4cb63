"""Read the Docs as it really builds the project: the replica in tools/readthedocs.py.

It reads ``.readthedocs.yaml`` and runs what Read the Docs would run, in its
order, folder and environment, then applies its output checks. A normal build
and a pull-request preview must publish a site whose Download link works; a
TeX error or a character the font lacks must fail the build with the same
message as a local build.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT, SOURCES, project_copy, project_files, require_tex
from cv.publications import download_name

if TYPE_CHECKING:
    from pathlib import Path

REPLICA = PROJECT / "tools" / "readthedocs.py"


def replica(source: Path, workdir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(REPLICA), "--keep", str(workdir), *options, str(source)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def a_copy(tmp_path: Path) -> Path:
    """The project as committed, in a git repository of its own (the replica checks out
    what git tracks), with the changes a test makes."""
    return project_copy(tmp_path / "source", tracked_only=True)


def test_every_page_and_bib_file_is_tracked_by_git() -> None:
    """Read the Docs builds what is pushed: a page never added to git is missing there
    (and in the replica below), while a local build finds it."""
    untracked = set(project_files()) - set(project_files(tracked_only=True))
    sources = sorted(name for name in untracked if name.endswith((".md", ".bib", ".py")))
    assert not sources, f"not tracked by git, so not on Read the Docs: git add {' '.join(sources)}"


def commit(source: Path) -> None:
    subprocess.run(["git", "add", "-A"], cwd=source, check=True)


def download_links_resolve(html: Path) -> list[str]:
    """Each page's Download link, checked to point at a file that is in the site."""
    found = []
    for page in html.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a.cv-download"):
            target = (page.parent / link["href"]).resolve()
            assert target.is_file(), (page, link["href"])
            assert html.resolve() in target.parents
            found.append(link["href"])
    return found


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tex()
    workdir = tmp_path_factory.mktemp("rtd") / "checkout"
    result = replica(PROJECT, workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    return workdir / "_readthedocs"


def test_a_push_publishes_the_site_and_one_pdf(published: Path) -> None:
    """Read the Docs keeps one PDF per version: the full CV. The variants ship with
    the site, which links every PDF it ships."""
    assert (published / "html" / "index.html").is_file()
    [pdf] = (published / "pdf").iterdir()
    shipped = {path.name: path for path in (published / "html").glob("*.pdf")}
    assert sorted(shipped) == sorted(name for _, name in SOURCES.downloads)
    assert pdf.read_bytes() == shipped[SOURCES.pdf_name].read_bytes()
    linked = download_links_resolve(published / "html")
    assert set(linked) == set(shipped)


def test_each_papers_bibtex_link_is_published(published: Path) -> None:
    """The papers' BibTeX files are in the published site, one per file linked, as
    the lists link them (with ``download``: a link the site's own check must not skip)."""
    html = published / "html"
    linked = set()
    for page in html.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[download]:not(.cv-download)"):
            assert "cv-bibtex" in link["class"], (page, link)
            target = (page.parent / link["href"]).resolve()
            assert target.is_file(), (page, link["href"])
            assert target.parent == (html / "_bibtex").resolve()
            assert target.read_text(encoding="utf-8").startswith("@")
            linked.add(target.name)
    pages = [page.docname for page in SOURCES.sections if "cv-publications" in page.directives]
    listed = {record.key for page in pages for record in SOURCES.listed_publications(page)}
    assert linked == {f"{download_name(key)}.bib" for key in listed}
    assert linked == {path.name for path in (html / "_bibtex").iterdir()}


def test_the_site_knows_its_address_on_read_the_docs(published: Path) -> None:
    page = BeautifulSoup((published / "html" / "index.html").read_text(), "html.parser")
    assert page.select_one('link[rel="canonical"]')["href"] == (
        "https://cv.readthedocs.io/en/latest/index.html"
    )
    assert page.select_one("#ethical-ad-placement").find_parent("article") is None


def test_a_pull_request_preview_has_a_working_download_link(tmp_path: Path) -> None:
    require_tex()
    result = replica(PROJECT, tmp_path / "checkout", "--preview")
    assert result.returncode == 0, result.stdout + result.stderr
    output = tmp_path / "checkout" / "_readthedocs"
    assert not (output / "pdf").exists()  # Read the Docs builds no PDF for a preview
    assert download_links_resolve(output / "html")


@pytest.mark.parametrize(
    ("addition", "message"),
    [
        ("```{raw} latex\n\\undefinedcommandxyz\n```\n", "Undefined control sequence"),
        ("- 王小明\n", "the PDF's font (Linux Libertine O) has no glyph for '小'"),
    ],
    ids=["TeX error", "a character the font lacks"],
)
def test_a_pdf_that_fails_here_fails_on_read_the_docs(
    tmp_path: Path, addition: str, message: str
) -> None:
    require_tex()
    source = a_copy(tmp_path)
    skills = next((source / "sections").glob("*.md"))
    skills.write_text(skills.read_text(encoding="utf-8") + "\n" + addition, encoding="utf-8")
    commit(source)
    result = replica(source, tmp_path / "checkout")
    assert result.returncode == 1
    assert "Read the Docs would fail this build" in result.stderr
    assert message in result.stderr


def test_read_the_docs_own_commands_would_publish_a_broken_pdf(tmp_path: Path) -> None:
    """Why the project gives its own commands: Read the Docs' own (no -W, latexmk -f,
    "Output written on" counts as success) publish a PDF with a TeX error in it."""
    require_tex()
    source = a_copy(tmp_path)
    skills = next((source / "sections").glob("*.md"))
    skills.write_text(
        skills.read_text(encoding="utf-8") + "\n```{raw} latex\n\\undefinedcommandxyz\n```\n",
        encoding="utf-8",
    )
    commit(source)
    result = replica(source, tmp_path / "checkout", "--default-commands")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "checkout" / "_readthedocs" / "pdf").iterdir())) == 1


def test_the_configuration_runs_the_project_commands() -> None:
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    build = config["build"]["jobs"]["build"]
    assert any("-W -n -b latexpdf" in command for command in build["html"])
    assert any("-W -n -b html" in command for command in build["html"])
    assert config["formats"] == ["pdf"]
    assert "apt_packages" not in config["build"]


def test_the_github_pages_workflow_runs_what_ci_checks() -> None:
    workflow = yaml.safe_load((PROJECT / ".github/workflows/pages.yml").read_text())
    commands = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "NO_BROWSER=1 bash .ci/install-tex" in commands
    assert "python -m pip install -r requirements.txt" in commands
    assert "bash .ci/build-site _site" in commands
    ci = (PROJECT / ".ci" / "run").read_text()
    assert "bash .ci/install-tex" in ci
    assert ".ci/build-site" in ci
