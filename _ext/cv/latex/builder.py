"""``latexpdf``: the LaTeX builder, followed by ``latexmk`` in the output folder.

``sphinx-build -b latexpdf SRC OUT`` leaves ``OUT/<name>.pdf``. When TeX fails,
the build reports the first TeX error and the path of the log as an error,
exits non-zero, and leaves no PDF behind that could be taken for a good one.
A build that already failed (an error, or a warning under ``-W``) does not
run TeX at all, and removes the PDF of an earlier build. A line TeX set past
the right margin is a warning naming the page and line it came from.

For ``sphinx-build -M latexpdf``, which runs ``make`` in the output folder of
the plain ``latex`` builder, the Makefile gets a rule that does the same
checks after ``latexmk`` (see :func:`checked_makefile`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.latex import LaTeXBuilder
from sphinx.locale import __
from sphinx.util import logging

from ..freshness import build_failed
from .texlog import first_tex_error, missing_characters, overfull_messages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Sphinx's ``latexmkrc`` makes ``-pdf`` run the configured engine (XeLaTeX);
#: ``-file-line-error`` makes TeX report ``./file.tex:12: message``.
LATEXMK_OPTIONS = (
    "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
    "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
)  # fmt: skip
ENGINE_PARENT = Path(__file__).resolve().parents[2]


class LaTeXPDFBuilder(LaTeXBuilder):
    """Writes the LaTeX sources, then compiles each document with ``latexmk``."""

    name = "latexpdf"
    epilog = __("The PDF files are in %(outdir)s.")

    def init(self) -> None:
        super().init()
        self.failed: list[str] = []

    def finish(self) -> None:
        super().finish()
        for document in self.config.latex_documents:
            jobname = Path(document[1]).stem
            if build_failed(self._app):
                # remove_pdfs_of_failed_builds takes away the PDF of an earlier build.
                logger.info(__("not compiling %s.pdf: the build has errors (see above)"), jobname)
                continue
            self.compile(jobname)

    def fail(self, jobname: str, message: str) -> None:
        logger.error("%s.pdf: %s", jobname, message, type="latexpdf")
        self.failed.append(jobname)

    def compile(self, jobname: str) -> None:
        latexmk = shutil.which("latexmk")
        if latexmk is None:
            self.fail(jobname, "latexmk was not found; install TeX Live (see the README)")
            return
        outdir = Path(self.outdir)
        pdf = outdir / f"{jobname}.pdf"
        log = outdir / f"{jobname}.log"
        logger.info(__("compiling %s.pdf with latexmk..."), jobname)
        command = [latexmk, *LATEXMK_OPTIONS, f"-jobname={jobname}", f"{jobname}.tex"]
        result = subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=False)
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if result.returncode != 0:
            output = (result.stdout + result.stderr).strip().splitlines()
            error = first_tex_error(text) or (output[-1] if output else "latexmk failed")
            self.fail(jobname, f"TeX failed: {error}\n(see {log})")
            return
        if lost := missing_characters(text):
            # XeTeX only notes these and leaves gaps; a PDF with gaps is not a good PDF.
            self.fail(jobname, f"the font has no glyph for {', '.join(lost)}\n(see {log})")
            return
        for message, location in overfull_messages(outdir / f"{jobname}.tex", log):
            logger.warning(message, location=location, type="cv", subtype="overfull")
        # latexmk leaves the PDF alone when the .tex did not change; it is still the
        # PDF of today's sources, and the website judges a PDF by its date.
        pdf.touch()


def remove_pdfs_of_failed_builds(app: Sphinx, exception: BaseException | None) -> None:
    """A failed build leaves no PDF in its output folder, nor one from before it."""
    if not isinstance(app.builder, LaTeXBuilder):
        return
    if isinstance(app.builder, LaTeXPDFBuilder) and app.builder.failed:
        app.statuscode = 1  # with or without -W
    if exception is not None or build_failed(app) or app.statuscode:
        for document in app.config.latex_documents:
            (Path(app.outdir) / Path(document[1]).with_suffix(".pdf").name).unlink(missing_ok=True)


def checked_makefile(app: Sphinx, exception: BaseException | None) -> None:
    """Teach the Makefile of ``-M latexpdf`` to check TeX's log as this builder does."""
    builder = app.builder
    if exception is not None or type(builder) is not LaTeXBuilder:
        return
    makefile = Path(app.outdir) / "Makefile"
    if not makefile.exists():
        return
    strict = " --strict" if getattr(app, "_fail_on_warnings", False) else ""
    rule = (
        "\n# cv: a TeX run that fails, lacks a glyph or runs past the margin leaves no PDF.\n"
        f"CV_PYTHON = {sys.executable}\n"
        f"export PYTHONPATH := {ENGINE_PARENT}$(if $(PYTHONPATH),:$(PYTHONPATH))\n"
        "%.pdf: %.tex FORCE_MAKE\n"
        "\t$(PDFLATEX) $(LATEXMKOPTS) '$<' || { rm -f '$@'; exit 1; }\n"
        f"\t@$(CV_PYTHON) -m cv.latex{strict} '$*'\n"
        "\t@touch '$@'\n"
    )
    text = makefile.read_text(encoding="utf-8")
    if "# cv: " not in text:
        makefile.write_text(text + rule, encoding="utf-8")
