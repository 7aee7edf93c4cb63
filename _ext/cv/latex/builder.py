"""``latexpdf``: the LaTeX builder, followed by ``latexmk`` in the output folder.

``sphinx-build -b latexpdf SRC OUT`` leaves ``OUT/<name>.pdf``. When TeX fails,
the build fails with the first TeX error and the path of the log, and no PDF
is left behind that could be taken for a good one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from sphinx.builders.latex import LaTeXBuilder
from sphinx.errors import SphinxError
from sphinx.locale import __
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: ``-file-line-error`` makes TeX report ``./file.tex:12: message``.
_FILE_LINE_ERROR = re.compile(r"^(?:\./)?[^\s:]+\.\w+:\d+: .*")


class LaTeXCompileError(SphinxError):
    category = "LaTeX error"


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

    def finish(self) -> None:
        super().finish()
        for document in self.config.latex_documents:
            self.compile(Path(document[1]).stem)

    def compile(self, jobname: str) -> None:
        latexmk = shutil.which("latexmk")
        if latexmk is None:
            msg = "latexmk was not found; install TeX Live (see the README) to build the PDF"
            raise LaTeXCompileError(msg)
        outdir = Path(self.outdir)
        pdf = outdir / f"{jobname}.pdf"
        logger.info(__("compiling %s.pdf with latexmk..."), jobname)
        command = [
            latexmk, "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
            "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
            f"-jobname={jobname}", f"{jobname}.tex",
        ]  # fmt: skip
        result = subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            pdf.unlink(missing_ok=True)
            log = outdir / f"{jobname}.log"
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            output = (result.stdout + result.stderr).strip().splitlines()
            error = first_tex_error(text) or (output[-1] if output else "latexmk failed")
            raise LaTeXCompileError(f"{error}\n(see {log})")
