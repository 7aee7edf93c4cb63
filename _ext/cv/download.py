"""The website's "Download PDF" link, which must never be dead.

On Read the Docs the link is the PDF that Read the Docs builds for the same
version (its download URL, from the ``READTHEDOCS_*`` environment variables).
Elsewhere the HTML build copies the PDF built from the same sources
(``sphinx-build -b latexpdf`` or ``-M latexpdf``) next to the pages; when there
is none, the link is left out and the build says so.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)


def pdf_name(builder: Builder) -> str:
    """The PDF's file name, from the first of ``latex_documents``."""
    return Path(builder.config.latex_documents[0][1]).with_suffix(".pdf").name


def read_the_docs_url() -> str | None:
    """Read the Docs' download URL of this version's PDF, when building there."""
    if os.environ.get("READTHEDOCS") != "True":
        return None
    language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
    version = os.environ.get("READTHEDOCS_VERSION", "latest")
    return f"/_/downloads/{language}/{version}/pdf/"


def local_pdf(builder: Builder) -> Path | None:
    """The newest PDF built from these sources, if any."""
    if builder.config.cv_pdf_path:
        candidates = [Path(builder.confdir, builder.config.cv_pdf_path)]
    else:
        build = Path(builder.confdir, "_build")
        candidates = [build / "latexpdf" / pdf_name(builder), build / "latex" / pdf_name(builder)]
    found = [path for path in candidates if path.is_file()]
    return max(found, key=lambda path: path.stat().st_mtime) if found else None


def pdf_href(builder: Builder, docname: str) -> str | None:
    """Where a page links to download the PDF, or ``None`` when there is no PDF."""
    if url := read_the_docs_url():
        return url
    if local_pdf(builder) is None:
        return None
    depth = docname.count("/")
    return "../" * depth + pdf_name(builder)


def copy_pdf(app: Sphinx, exception: BaseException | None) -> None:
    """Put the PDF next to the pages, so the link works on a local build."""
    if exception is not None or app.builder.format != "html" or read_the_docs_url():
        return
    source = local_pdf(app.builder)
    if source is None:
        logger.info(
            "no PDF found; the website has no Download PDF link. "
            "Build the PDF first (sphinx-build -b latexpdf . _build/latexpdf)."
        )
        return
    shutil.copyfile(source, Path(app.outdir) / pdf_name(app.builder))


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_pdf_path", "", "html", str)
    app.connect("build-finished", copy_pdf)
