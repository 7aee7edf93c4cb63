"""A Sphinx extension that turns MyST pages and a BibTeX file into an academic CV.

Each component lives in its own module and registers its own pieces, in the
manner of sphinx-design: :mod:`.identity` (the ``cv_*`` config values, the
``{cv}`` role and the header), :mod:`.entry` (the ``cv-entry`` directive),
:mod:`.bibstyle` (the pybtex style for publications and talks),
:mod:`.bibcheck` (clear errors for mistakes in the bib files),
:mod:`.publications` (the numbered, citable publication list),
:mod:`.latex` (the PDF's look and the ``latexpdf`` builder), and for the
website :mod:`.download` (the PDF link), :mod:`.metadata` (OpenGraph,
JSON-LD, sitemap), :mod:`.links` (safe external links) and :mod:`.theme`
(template fixes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    bibcheck,
    bibstyle,
    download,
    entry,
    identity,
    latex,
    links,
    metadata,
    publications,
    theme,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    identity.setup(app)
    entry.setup(app)
    bibstyle.setup(app)
    bibcheck.setup(app)
    publications.setup(app)
    latex.setup(app)
    download.setup(app)
    metadata.setup(app)
    links.setup(app)
    theme.setup(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
