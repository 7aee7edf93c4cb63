"""``latexpdf``: the LaTeX builder, followed by ``latexmk`` in the output folder.

``sphinx-build -b latexpdf SRC OUT`` leaves ``OUT/<name>.pdf``. When TeX fails,
the build reports the first TeX error and the path of the log as an error,
exits non-zero, and leaves no PDF behind that could be taken for a good one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.latex import LaTeXBuilder
from sphinx.locale import __
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Sphinx's ``latexmkrc`` makes ``-pdf`` run the configured engine (XeLaTeX);
#: ``-file-line-error`` makes TeX report ``./file.tex:12: message``.
LATEXMK_OPTIONS = (
    "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
    "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
)  # fmt: skip
#: An error line as ``-file-line-error`` writes it.
_FILE_LINE_ERROR = re.compile(r"^(?:\./)?[^\s:]+\.\w+:\d+: .*")


_MISSING_CHARACTER = re.compile(r"^Missing character: There is no (.+?) \(U\+([0-9A-F]+)\)", re.M)


def missing_characters(log_text: str) -> list[str]:
    """Characters XeTeX could not find in the font, as ``'字' (U+5B57)``."""
    found = dict.fromkeys(f"{m[1]!r} (U+{m[2]})" for m in _MISSING_CHARACTER.finditer(log_text))
    return list(found)


def first_tex_error(log_text: str) -> str | None:
    """The first error TeX wrote to its log, with the line after it for context."""
    lines = log_text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("! ") or _FILE_LINE_ERROR.match(line):
            context = lines[index + 1].strip() if index + 1 < len(lines) else ""
            return f"{line.strip()} {context}".strip()
    return None


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
            self.compile(Path(document[1]).stem)

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
        logger.info(__("compiling %s.pdf with latexmk..."), jobname)
        command = [latexmk, *LATEXMK_OPTIONS, f"-jobname={jobname}", f"{jobname}.tex"]
        result = subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            pdf.unlink(missing_ok=True)
            log = outdir / f"{jobname}.log"
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            output = (result.stdout + result.stderr).strip().splitlines()
            error = first_tex_error(text) or (output[-1] if output else "latexmk failed")
            self.fail(jobname, f"TeX failed: {error}\n(see {log})")
            return
        log = outdir / f"{jobname}.log"
        if lost := missing_characters(log.read_text(encoding="utf-8", errors="replace")):
            # XeTeX only notes these and leaves gaps; a PDF with gaps is not a good PDF.
            pdf.unlink(missing_ok=True)
            self.fail(jobname, f"the font has no glyph for {', '.join(lost)}\n(see {log})")


def fail_build_on_tex_errors(app: Sphinx, exception: BaseException | None) -> None:
    """Exit non-zero when a PDF did not compile, with or without ``-W``."""
    if isinstance(app.builder, LaTeXPDFBuilder) and app.builder.failed:
        app.statuscode = 1
