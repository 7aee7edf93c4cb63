"""``latexpdf``: the LaTeX builder, followed by ``latexmk`` in the output folder.

``sphinx-build -b latexpdf SRC OUT`` leaves ``OUT/<name>.pdf``, and after it
one PDF for each of the CV's variants (:mod:`..variants`): the first document
again, cut down to what the variant selects, with its own title in its
metadata; a variant's PDF that runs past its ``max_pages`` is a warning
naming the variant. ``OUT/pdfs.txt`` lists the PDFs, the full CV first.

When TeX fails, the build reports the first TeX error and the path of the
log as an error, exits non-zero, and leaves no PDF behind that could be
taken for a good one. A build that already failed (an error, or a warning
under ``-W``) does not run TeX at all, and removes the PDFs of an earlier
build. A line TeX set past the right margin is a warning naming the page and
line it came from.

For ``sphinx-build -M latexpdf``, which runs ``make`` in the output folder of
the plain ``latex`` builder, the Makefile gets a rule that does the same
checks after ``latexmk`` (see :func:`checked_makefile`); that builder, like
Read the Docs' default commands (whose ``latexmk -jobname=...`` takes a single
``.tex`` file), writes the full CV alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.latex import LaTeXBuilder
from sphinx.locale import __
from sphinx.util import logging

from ..freshness import build_failed
from ..variants import Variant, setting_location, variant_documents, variants, writing
from .preamble import CV_PREAMBLE_END, pdf_metadata
from .texlog import (
    first_tex_error,
    missing_characters,
    overfull_messages,
    page_count,
    page_limit_message,
)

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.builders.latex.theming import Theme
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: Sphinx's ``latexmkrc`` makes ``-pdf`` run the configured engine (XeLaTeX);
#: ``-file-line-error`` makes TeX report ``./file.tex:12: message``.
LATEXMK_OPTIONS = (
    "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
    "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
)  # fmt: skip
ENGINE_PARENT = Path(__file__).resolve().parents[2]


def variant_preamble(config: Config, variant: Variant) -> str:
    """The preamble, with the PDF's title naming the variant; the owner's own
    preamble (``latex_elements``) follows."""
    own = config.latex_elements["preamble"].partition(CV_PREAMBLE_END)[2]
    return pdf_metadata(config, variant.title) + CV_PREAMBLE_END + own


def latex_jobnames(config: Config) -> list[str]:
    """Every PDF ``latexpdf`` makes: ``latex_documents``, then the variants."""
    documents = [*config.latex_documents, *variant_documents(config)]
    return [Path(document[1]).stem for document in documents]


#: The PDFs ``latexpdf`` made, one name per line, the full CV first: Read the Docs
#: publishes the first as the version's PDF (``.readthedocs.yaml``).
PDF_LIST = "pdfs.txt"


def listed_pdfs(outdir: Path) -> list[str]:
    """The PDFs the last good build in ``outdir`` listed (file names only)."""
    try:
        text = (outdir / PDF_LIST).read_text(encoding="utf-8")
    except OSError:
        return []
    return [Path(line).name for line in text.split() if line.endswith(".pdf")]


class LaTeXPDFBuilder(LaTeXBuilder):
    """Writes the LaTeX sources, then compiles each document with ``latexmk``; writes
    a document for each variant of the CV too."""

    name = "latexpdf"
    epilog = __("The PDF files are in %(outdir)s.")
    #: The variant whose document is being written (``None``: a document of
    #: ``latex_documents``).
    cv_variant: Variant | None = None

    def init(self) -> None:
        super().init()
        self.failed: list[str] = []
        self.variant_of_file: dict[str, Variant] = {}

    def init_document_data(self) -> None:
        super().init_document_data()
        if not self.document_data:
            return
        by_file = {variant.file: variant for variant in variants(self.config)}
        self.variant_of_file = {
            document[1]: by_file[document[1]] for document in variant_documents(self.config)
        }
        self.document_data.extend(variant_documents(self.config))  # type: ignore[arg-type]

    def write_documents(self, docnames: Set[str]) -> None:
        """Each document on its own, so that the transforms know the variant."""
        documents = self.document_data
        try:
            for document in documents:
                self.document_data = [document]
                self.cv_variant = self.variant_of_file.get(document[1])
                with writing(self.env, self.cv_variant, self.tags):
                    super().write_documents(docnames)
        finally:
            self.document_data = documents
            self.cv_variant = None

    def update_doc_context(self, title: str, author: str, theme: Theme) -> None:
        """A variant's PDF has its own title in its metadata."""
        super().update_doc_context(title, author, theme)
        self.context["preamble"] = self.config.latex_elements["preamble"]
        if self.cv_variant is not None:
            self.context["preamble"] = variant_preamble(self.config, self.cv_variant)

    def finish(self) -> None:
        super().finish()
        jobnames = [Path(document[1]).stem for document in self.document_data]
        if build_failed(self._app):
            # remove_pdfs_of_failed_builds takes away the PDFs of an earlier build.
            for jobname in jobnames:
                logger.info(__("not compiling %s.pdf: the build has errors (see above)"), jobname)
        else:
            self.compile_all(jobnames)
        # What Read the Docs' PDF step copies: its first line is the full CV.
        listing = Path(self.outdir, PDF_LIST)
        made = [f"{Path(document[1]).stem}.pdf" for document in self.document_data]
        # A variant taken out of conf.py (or renamed) leaves no PDF of an earlier build.
        for name in set(listed_pdfs(Path(self.outdir))) - set(made):
            (Path(self.outdir) / name).unlink(missing_ok=True)
        if all((Path(self.outdir) / name).is_file() for name in made):
            listing.write_text("".join(f"{name}\n" for name in made), encoding="utf-8")
        else:
            listing.unlink(missing_ok=True)

    def fail(self, jobname: str, message: str) -> None:
        logger.error("%s.pdf: %s", jobname, message, type="latexpdf")
        self.failed.append(jobname)

    def compile_all(self, jobnames: list[str]) -> None:
        """Run ``latexmk`` for every document, as many at once as there are processors
        (each TeX run uses one), then check each in order, so messages come in order."""
        latexmk = shutil.which("latexmk")
        if latexmk is None:
            for jobname in jobnames:
                self.fail(jobname, "latexmk was not found; install TeX Live (see the README)")
            return
        outdir = Path(self.outdir)

        def run(jobname: str) -> subprocess.CompletedProcess[str]:
            command = [latexmk, *LATEXMK_OPTIONS, f"-jobname={jobname}", f"{jobname}.tex"]
            return subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=False)

        logger.info(__("compiling %s with latexmk..."), ", ".join(f"{j}.pdf" for j in jobnames))
        workers = max(1, min(len(jobnames), os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(run, jobnames))
        for jobname, result in zip(jobnames, results, strict=True):
            self.check(jobname, result)

    def check(self, jobname: str, result: subprocess.CompletedProcess[str]) -> None:
        """What TeX's run and log say about one PDF: an error, a warning, or a good PDF."""
        outdir = Path(self.outdir)
        pdf = outdir / f"{jobname}.pdf"
        log = outdir / f"{jobname}.log"
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
        variant = self.variant_of_file.get(f"{jobname}.tex")
        pages = page_count(text)
        if variant and variant.max_pages and pages and pages > variant.max_pages:
            paper = self.config.latex_elements.get("papersize", "")
            logger.warning(
                page_limit_message(variant.name, variant.title, pages, variant.max_pages, paper),
                location=setting_location(self.config, f"[{variant.name!r}]['max_pages']"),
                type="cv",
                subtype="pages",
            )
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
        names = {f"{jobname}.pdf" for jobname in latex_jobnames(app.config)}
        # And those of the last good build: a variant that now has a mistake is no variant.
        names |= set(listed_pdfs(Path(app.outdir)))
        for name in names:
            (Path(app.outdir) / name).unlink(missing_ok=True)
        (Path(app.outdir) / PDF_LIST).unlink(missing_ok=True)


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
