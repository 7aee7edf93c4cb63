"""The ``latexpdf`` builder and the other ways of making the PDF give one document."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

from conftest import PROJECT, SOURCES, require_tex, text_layer
from conftest import run_sphinx as sphinx
from cv.latex.builder import first_tex_error
from pypdf import PdfReader

if TYPE_CHECKING:
    from pathlib import Path


def test_first_tex_error_finds_the_error_and_its_context() -> None:
    log = "This is XeTeX\n./cv.tex:42: Undefined control sequence.\nl.42 \\foo\n! Later error\n"
    assert first_tex_error(log) == "./cv.tex:42: Undefined control sequence. l.42 \\foo"
    assert first_tex_error("! Emergency stop.\n<*> cv.tex\n") == "! Emergency stop. <*> cv.tex"
    assert first_tex_error("all fine\n") is None


def test_make_mode_gives_the_same_document(pdf_build: Path, tmp_path: Path) -> None:
    result = sphinx("-M", "latexpdf", ".", str(tmp_path), "-W", "-n", "-q")
    assert result.returncode == 0, result.stderr
    # Sphinx's make mode makes the full CV alone (the variants come from -b latexpdf).
    [made] = (tmp_path / "latex").glob("*.pdf")
    built = pdf_build / SOURCES.pdf_name
    assert made.name == built.name
    assert text_layer(PdfReader(made)) == text_layer(PdfReader(built))


def test_read_the_docs_command_sequence_gives_the_cv(pdf_build: Path, tmp_path: Path) -> None:
    """The two commands Read the Docs runs for ``formats: [pdf]``, word for word."""
    outdir = tmp_path / "pdf"
    doctrees = tmp_path / "doctrees"
    # Read the Docs passes the project's language (its settings; here, the CV's).
    language = f"language={SOURCES.language}"
    result = sphinx("-T", "-b", "latex", "-d", str(doctrees), "-D", language, ".", str(outdir))
    assert result.returncode == 0, result.stderr
    assert len(list(outdir.glob("*.tex"))) == 1
    latexmk = [
        "latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
        "-jobname=example-cv-rtd", "-interaction=nonstopmode",
    ]  # fmt: skip
    made = subprocess.run(latexmk, cwd=outdir, capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stdout[-2000:]
    built = pdf_build / SOURCES.pdf_name
    assert text_layer(PdfReader(outdir / "example-cv-rtd.pdf")) == text_layer(PdfReader(built))


def test_us_letter_is_one_setting_away(pdf_build: Path, tmp_path: Path) -> None:
    require_tex()
    result = sphinx(
        "-b", "latexpdf", "-W", "-n", "-q", "-D", "latex_elements.papersize=letterpaper",
        ".", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / SOURCES.pdf_name)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    # The same CV: a letter page is 50pt shorter than A4, so at most a page more.
    configured = pdf_build / SOURCES.pdf_name
    assert len(reader.pages) <= len(PdfReader(configured).pages) + 1


def test_tex_error_fails_the_build_and_shows_the_error(tmp_path: Path) -> None:
    require_tex()
    srcdir = tmp_path / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-texerror", srcdir)
    outdir = tmp_path / "out"
    result = sphinx("-b", "latexpdf", "-q", ".", str(outdir), cwd=srcdir)
    assert result.returncode != 0
    assert "Undefined control sequence" in result.stderr
    assert str(outdir / "broken.log") in result.stderr
    assert not (outdir / "broken.pdf").exists()
