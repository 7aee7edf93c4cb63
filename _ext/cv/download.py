"""The website's download links: never dead, and never to an outdated PDF.

The link reads "Download PDF"; a CV with variants (:mod:`.variants`) links
each PDF: "Download: full CV · short CV · résumé", the full CV first.

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

import json
import os
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .freshness import engine_files
from .identity import cv_header
from .language import N_, _
from .variants import full_cv_file, variants

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfState:
    """Which PDF the site links: a file built from these sources, or none (and why)."""

    path: Path | None = None
    newer_source: Path | None = None

    @property
    def href_target(self) -> str | None:
        return self.path.name if self.path and not self.newer_source else None


@dataclass(frozen=True)
class Download:
    """One PDF the site offers: the link's text, the file's name, and its state."""

    label: str
    name: str
    state: PdfState


_states: weakref.WeakKeyDictionary[Builder, list[Download]] = weakref.WeakKeyDictionary()


def pdf_name(config: Config) -> str:
    """The full CV's PDF file name, from the first of ``latex_documents``."""
    return Path(full_cv_file(config)).with_suffix(".pdf").name


def offered(config: Config) -> list[tuple[str, str]]:
    """``(label, PDF name)`` of every PDF the site offers: the full CV, then each variant."""
    return [(_(FULL_CV_LABEL), pdf_name(config))] + [
        (variant.label, variant.pdf) for variant in variants(config)
    ]


#: The full CV's link text when the site offers variants too (theirs are the owner's).
FULL_CV_LABEL = N_("full CV")


def local_pdf(builder: Builder, name: str) -> Path | None:
    """The newest PDF called ``name`` built from these sources, if any: in the folder
    of ``cv_pdf_path`` when it is set (the full CV's path itself)."""
    if builder.config.cv_pdf_path:
        given = Path(builder.confdir, builder.config.cv_pdf_path)
        candidates = [given if name == pdf_name(builder.config) else given.with_name(name)]
    else:
        build = Path(builder.confdir, "_build")
        candidates = [build / "latexpdf" / name, build / "latex" / name]
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


def downloads(builder: Builder) -> list[Download]:
    """The PDFs this build of the site offers, and their states, worked out once per build."""
    if builder in _states:
        return _states[builder]
    found = []
    for label, name in offered(builder.config):
        if (pdf := local_pdf(builder, name)) is None:
            state = PdfState()
        else:
            state = PdfState(path=pdf, newer_source=newest_source(builder, pdf.stat().st_mtime))
        found.append(Download(label, name, state))
    _states[builder] = found
    return found


def pdf_links(builder: Builder, docname: str) -> list[tuple[str, str]]:
    """``(label, href)`` of each PDF a page links, the full CV first: those built from
    these sources. None when the full CV's PDF is missing or outdated (a variant is
    never offered without the CV it is cut from)."""
    up = "../" * docname.count("/")
    links = [
        (download.label, up + download.state.href_target)
        for download in downloads(builder)
        if download.state.href_target
    ]
    return links if downloads(builder)[0].state.href_target else []


def fill_header_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give the page's header (:mod:`.identity`) the PDFs it links: ``downloads``,
    ``(label, href)`` pairs, and ``single`` when it is the one PDF of a CV without
    variants (a "Download PDF" link)."""
    if app.builder.format != "html":
        return
    for header in doctree.findall(cv_header):
        header["downloads"] = pdf_links(app.builder, docname)
        header["single"] = len(offered(app.config)) == 1


def link_fingerprint(app: Sphinx) -> object:
    """Pages must be written again when a link comes or goes."""
    if app.builder.format != "html":
        return None
    return [label + " " + href for label, href in pdf_links(app.builder, "")]


def copy_pdf(app: Sphinx, exception: BaseException | None) -> None:
    """Put each PDF the pages link next to them, so the links work on a local build,
    or take away an old copy that no page links any more."""
    if exception is not None or app.builder.format != "html":
        return
    linked = {href for _, href in pdf_links(app.builder, "")}
    forget_old_copies(app, linked)
    for download in downloads(app.builder):
        copy = Path(app.outdir) / download.name
        state = download.state
        if download.name in linked and state.path is not None:
            copy.write_bytes(state.path.read_bytes())
            continue
        copy.unlink(missing_ok=True)
        single = len(downloads(app.builder)) == 1
        what = "Download PDF link" if single else f"link to {download.name}"
        if state.path is None:
            logger.info(
                "no PDF %s found; the website has no %s. "
                "Build the PDF first (sphinx-build -b latexpdf . _build/latexpdf).",
                download.name,
                what,
            )
        elif state.newer_source is not None:
            command = (
                "sphinx-build -M latexpdf . _build"
                if state.path.parent.name == "latex"
                else "sphinx-build -b latexpdf . _build/latexpdf"
            )
            logger.info(
                "the PDF %s is older than %s; the website has no %s until the "
                "PDF is built again (%s), and then the website.",
                state.path,
                state.newer_source,
                what,
                command,
            )


#: Beside the doctrees: the PDFs each HTML output folder was given, so that the copy of
#: a variant taken out of conf.py does not stay in the site.
COPIES = "cv-pdf-copies.json"


def forget_old_copies(app: Sphinx, linked: set[str]) -> None:
    """Take away the copies an earlier build made of PDFs this one does not offer."""
    ledger_path = Path(app.doctreedir) / COPIES
    try:
        ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        ledger = {}
    # By the place of the output folder beside the doctrees: a project moved is the same.
    key = os.path.relpath(app.outdir, app.doctreedir)
    offered_now = {download.name for download in downloads(app.builder)}
    for name in set(ledger.get(key, [])) - offered_now:
        (Path(app.outdir) / Path(name).name).unlink(missing_ok=True)
    ledger[key] = sorted(linked)
    ledger_path.parent.mkdir(parents=True, exist_ok=True)
    ledger_path.write_text(json.dumps(ledger, indent=1), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_pdf_path", "", "html", str)
    app.connect("cv-site-fingerprint", link_fingerprint)
    app.connect("build-finished", copy_pdf)
    app.connect("doctree-resolved", fill_header_links)
