"""A Sphinx extension that turns MyST pages and a BibTeX file into an academic CV.

Each component lives in its own module and registers its own pieces, in the
manner of sphinx-design: :mod:`.identity` (the ``cv_*`` config values, the
``{cv}`` role and the header), :mod:`.confcheck` (a misspelled
``cv_*`` name in ``conf.py`` is an error), :mod:`.entry` (``cv-entry``, the node of
every entry, the date style), :mod:`.entrykinds` (grants, awards, teaching,
supervision, service),
:mod:`.assemble` (``cv-sections``: pages shown inside another),
:mod:`.bibmarkup` (LaTeX in bib fields, decoded once), :mod:`.bibauthors`
(lists of names: the owner in bold, marks, et al.), :mod:`.bibstyle`
(the pybtex style for publications and talks), :mod:`.bibcheck` and
:mod:`.bibentries` (clear errors for mistakes in the bib files),
:mod:`.publications` (the numbered, citable publication list and the talks),
:mod:`.variants` (a short CV, a résumé: PDFs that select from the full CV),
:mod:`.latex` (the PDF's look and the ``latexpdf`` builder),
:mod:`.freshness` (every edit reaches every output; errors fail every build),
:mod:`.links` (safe links), and for the website :mod:`.download` (the PDF
link), :mod:`.metadata` (OpenGraph, JSON-LD, sitemap) and :mod:`.theme`
(template fixes); :mod:`.language` (the generated text in the CV's ``language``);
:mod:`.project` keeps the engine's own files out of the CV; :mod:`.collector` keeps
the build's long-lived objects out of the garbage collector's passes.

The engine's version is ``__version__`` below; ``CHANGELOG.md`` beside this
file says what each version changed, for owners taking an engine update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    assemble,
    bibauthors,
    bibcheck,
    bibmarkup,
    bibstyle,
    collector,
    confcheck,
    download,
    entry,
    entrykinds,
    freshness,
    identity,
    language,
    latex,
    links,
    metadata,
    project,
    publications,
    theme,
    variants,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "2.3.1"


def setup(app: Sphinx) -> ExtensionMetadata:
    collector.setup(app)
    language.setup(app)
    project.setup(app)
    freshness.setup(app)
    identity.setup(app)
    confcheck.setup(app)
    entry.setup(app)
    entrykinds.setup(app)
    assemble.setup(app)
    bibmarkup.setup(app)
    bibauthors.setup(app)
    bibstyle.setup(app)
    bibcheck.setup(app)
    publications.setup(app)
    variants.setup(app)
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
