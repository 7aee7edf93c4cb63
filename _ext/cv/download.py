"""The website's "Download PDF" link: never dead, and never to an outdated PDF.

The HTML build copies the PDF built from the same sources (``sphinx-build -b
latexpdf`` or ``-M latexpdf``) next to the pages and links it with a relative
address. The PDF ships with the site, so the link works wherever the site is
served: a Read the Docs version or pull-request preview (which gets no PDF of
Read the Docs' own), a subproject, a translation, a custom domain, GitHub
Pages, a folder on disk. When there is no PDF, or when it is older than any of
the sources (a page, a file a page includes, the bib files, ``conf.py``, the
engine), the site has no link and no copy of it, and the build says why: a
reader never downloads a CV that differs from the one on the screen.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .freshness import engine_files

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfState:
    """Which PDF the site links: a file built from these sources, or none (and why)."""

    path: Path | None = None
    newer_source: Path | None = None

    @property
    def href_target(self) -> str | None:
        return self.path.name if self.path and not self.newer_source else None


_states: weakref.WeakKeyDictionary[Builder, PdfState] = weakref.WeakKeyDictionary()


def pdf_name(builder: Builder) -> str:
    """The PDF's file name, from the first of ``latex_documents``."""
    return Path(builder.config.latex_documents[0][1]).with_suffix(".pdf").name


def local_pdf(builder: Builder) -> Path | None:
    """The newest PDF built from these sources, if any."""
    if builder.config.cv_pdf_path:
        candidates = [Path(builder.confdir, builder.config.cv_pdf_path)]
    else:
        build = Path(builder.confdir, "_build")
        candidates = [build / "latexpdf" / pdf_name(builder), build / "latex" / pdf_name(builder)]
    found = [path for path in candidates if path.is_file()]
    return max(found, key=lambda path: path.stat().st_mtime) if found else None


def source_files(builder: Builder) -> set[Path]:
    """Every file the CV is made from."""
    env = builder.env
    srcdir = Path(builder.srcdir)
    files = {Path(env.doc2path(name)) for name in env.found_docs}
    for dependencies in env.dependencies.values():
        files |= {srcdir / dependency for dependency in dependencies}
    bibfiles = getattr(builder.config, "bibtex_bibfiles", None) or []
    files |= {Path(builder.confdir, name) for name in bibfiles}
    files.add(Path(builder.confdir, "conf.py"))
    files.update(engine_files())
    return files


def newest_source(builder: Builder, than: float) -> Path | None:
    """A source file changed after ``than`` (a modification time), if any."""
    newest: tuple[float, Path] | None = None
    for path in source_files(builder):
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if mtime > than and (newest is None or mtime > newest[0]):
            newest = (mtime, path)
    return newest[1] if newest else None


def pdf_state(builder: Builder) -> PdfState:
    """The PDF this build of the site links, worked out once per build."""
    if builder in _states:
        return _states[builder]
    if (pdf := local_pdf(builder)) is None:
        state = PdfState()
    else:
        state = PdfState(path=pdf, newer_source=newest_source(builder, pdf.stat().st_mtime))
    _states[builder] = state
    return state


def pdf_href(builder: Builder, docname: str) -> str | None:
    """Where a page links to download the PDF, or ``None`` when there is none to link."""
    state = pdf_state(builder)
    if state.href_target is None:
        return None
    return "../" * docname.count("/") + state.href_target


def link_fingerprint(app: Sphinx) -> object:
    """Pages must be written again when the link comes or goes."""
    if app.builder.format != "html":
        return None
    return pdf_state(app.builder).href_target


def copy_pdf(app: Sphinx, exception: BaseException | None) -> None:
    """Put the PDF next to the pages, so the link works on a local build, or
    take away an old copy that no page links any more."""
    if exception is not None or app.builder.format != "html":
        return
    state = pdf_state(app.builder)
    copy = Path(app.outdir) / pdf_name(app.builder)
    if state.path is None:
        copy.unlink(missing_ok=True)
        logger.info(
            "no PDF found; the website has no Download PDF link. "
            "Build the PDF first (sphinx-build -b latexpdf . _build/latexpdf)."
        )
        return
    if state.newer_source is not None:
        copy.unlink(missing_ok=True)
        command = (
            "sphinx-build -M latexpdf . _build"
            if state.path.parent.name == "latex"
            else "sphinx-build -b latexpdf . _build/latexpdf"
        )
        logger.info(
            "the PDF %s is older than %s; the website has no Download PDF link until the "
            "PDF is built again (%s), and then the website.",
            state.path,
            state.newer_source,
            command,
        )
        return
    copy.write_bytes(state.path.read_bytes())


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_pdf_path", "", "html", str)
    app.connect("cv-site-fingerprint", link_fingerprint)
    app.connect("build-finished", copy_pdf)
