"""Shared fixtures: one build of the real CV per output, tiny roots for the extension.

The real CV is built once per test session (HTML, and the PDF where TeX Live
is present) and many small tests read the result. Extension behaviour is
tested on the tiny projects under ``tests/roots/`` through Sphinx's own
testing fixtures.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from cv import language
from cvsource import CvSources
from pypdf import PdfReader
from sphinx.cmd.build import build_main

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType, SimpleNamespace


pytest_plugins = ("sphinx.testing.fixtures",)

PROJECT = Path(__file__).resolve().parent.parent
#: The real CV's sources, read without the engine: what its outputs must show.
SOURCES = CvSources(PROJECT)


def load_tool(name: str) -> ModuleType:
    """``tools/NAME.py`` as a module (the tools are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, PROJECT / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def engine_speaks_english() -> Iterator[None]:
    """The engine's functions, called by a test with no app, write English: a build of
    a CV in another language in this process (the session's build of a German CV)
    leaves its catalog loaded, as Sphinx's own."""
    with language.use("en"):
        yield


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>`` roots."""
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def conf() -> SimpleNamespace:
    """The real ``conf.py``'s values, as the build sees them."""
    return SOURCES.conf


def run_sphinx(
    *args: str | Path, cwd: Path = PROJECT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m sphinx ARGS`` as a user runs it, in a fresh process.

    Tiny roots find the local extension through ``PYTHONPATH``; ``env`` adds to
    (or overrides) this process's environment.
    """
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "_ext"), **(env or {})}
    command = [sys.executable, "-m", "sphinx", *map(str, args)]
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "CV Tests", "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "CV Tests", "GIT_COMMITTER_EMAIL": "tests@example.org",
}  # fmt: skip


def project_files(*, tracked_only: bool = False) -> list[str]:
    """The project's files as git sees them: tracked, and unless ``tracked_only`` also
    new ones not yet added (never ignored ones: builds, environments, caches)."""
    extra = [] if tracked_only else ["--others", "--exclude-standard"]
    listed = subprocess.run(
        ["git", "ls-files", "--cached", *extra],
        cwd=PROJECT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [name for name in listed.stdout.splitlines() if (PROJECT / name).is_file()]


def project_copy(destination: Path, *, tracked_only: bool = False, commit: bool = False) -> Path:
    """A copy of the project without its build output, as a git repository of its own
    (every file staged; committed when ``commit``)."""
    for name in project_files(tracked_only=tracked_only):
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, destination / name)
    environment = {**os.environ, **GIT_IDENTITY}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=destination, env=environment, check=True)
    if commit:
        subprocess.run(
            ["git", "commit", "-q", "-m", "copy"], cwd=destination, env=environment, check=True
        )
    return destination


def build_root(srcdir: Path, builder: str, outdir: Path) -> Path:
    """Build a tiny project with ``-W -n`` in a fresh process; any warning fails the test."""
    result = run_sphinx("-W", "-n", "-q", "-b", builder, ".", outdir, cwd=srcdir)
    assert result.returncode == 0, result.stderr
    return outdir


def squash(text: str) -> str:
    """Text without white space: PDF text extraction spaces symbols its own way."""
    return re.sub(r"\s+", "", text)


def sphinx_build(builder: str, outdir: Path, *extra: str) -> tuple[int, str]:
    """Run ``sphinx-build -W -n`` on the real CV; return its exit code and warnings."""
    warnings = outdir / "warnings.txt"
    args = ["-W", "-n", "-q", "-b", builder, "-w", str(warnings), *extra]
    status = build_main([*args, str(PROJECT), str(outdir)])
    return status, warnings.read_text(encoding="utf-8") if warnings.exists() else ""


@pytest.fixture(scope="session")
def html_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("html")
    status, warnings = sphinx_build("html", outdir)
    assert status == 0, f"HTML build failed:\n{warnings}"
    assert warnings == ""
    return outdir


@pytest.fixture(scope="session")
def pages(html_dir: Path) -> dict[str, BeautifulSoup]:
    """Each page of the site by its document name (``index``, ``sections/skills``...)."""
    return {
        path.relative_to(html_dir).with_suffix("").as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in html_dir.rglob("*.html")
    }


#: Elements a reader sees as separate blocks (an entry's cells are laid out apart).
BLOCKS = "p, li, dt, dd, div, h1, h2, h3, h4, td, th, [class^=cv-entry-], .cv-header li"


def main_text(page: BeautifulSoup) -> str:
    """The page's article text with white space folded, as a reader sees it."""
    article = copy.copy(page.select_one("article"))
    for block in article.select(BLOCKS):
        block.insert_before(" ")
        block.insert_after(" ")
    return " ".join(article.get_text().split())


def text_layer(reader: PdfReader) -> str:
    """The PDF's text layer, page after page."""
    return "\n".join(page.extract_text() for page in reader.pages)


def link_targets(reader: PdfReader) -> list[str]:
    """The addresses of the PDF's clickable links, in page order."""
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]


def require_tex() -> None:
    """Skip without TeX Live, except under CI, where its absence is a failure."""
    if shutil.which("latexmk") and shutil.which("xelatex"):
        return
    message = "TeX Live (latexmk, xelatex) is not installed"
    if os.environ.get("CI"):
        pytest.fail(f"{message}, and CI is set: the PDF must be built")
    pytest.skip(message)


@pytest.fixture(scope="session")
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``sphinx-build -W -n -b latexpdf`` on the real CV."""
    require_tex()
    outdir = tmp_path_factory.mktemp("latexpdf")
    status, warnings = sphinx_build("latexpdf", outdir)
    assert status == 0, f"PDF build failed:\n{warnings}"
    assert warnings == ""
    return outdir


@pytest.fixture(scope="session")
def pdf_path(pdf_build: Path) -> Path:
    # The full CV; the variants' PDFs are beside it (tests/test_variants.py).
    return pdf_build / SOURCES.pdf_name


@pytest.fixture(scope="session")
def tex(pdf_build: Path) -> str:
    return (pdf_build / SOURCES.pdf_name).with_suffix(".tex").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reader(pdf_path: Path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="session")
def pdf_text(reader: PdfReader) -> str:
    return text_layer(reader)
