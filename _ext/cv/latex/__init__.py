"""The PDF: LaTeX settings that make Sphinx's output read as a CV, and a builder
that runs ``latexmk`` so that ``sphinx-build -b latexpdf`` gives the PDF.

The look lives in ``cvsphinx.sty`` beside this module; :func:`apply_settings`
copies it next to the ``.tex`` file and fills ``latex_elements`` (the user's
own ``latex_elements`` win), so ``sphinx-build -b latex`` followed by a plain
``latexmk`` (what Read the Docs runs) gives the same PDF as the builder.

The text is set exactly as the website shows it: the fonts apply no TeX
ligatures (with them, XeTeX turns ``"`` into a closing quote and ``--`` into a
dash that the website does not show); quote marks and dashes are made
typographic before LaTeX, by Sphinx's smart quotes and the bib decoder.
Values from ``conf.py`` are escaped for each place they land: the header,
the footer and the PDF's metadata (:mod:`.preamble`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .builder import (
    LaTeXPDFBuilder,
    checked_makefile,
    remove_pdfs_of_failed_builds,
)
from .glyphs import MAIN_FONT_FAMILY, MONO_FONT_FAMILY, MissingGlyphCheck
from .preamble import CV_PREAMBLE_END, latex_text, pdf_metadata, pdf_string
from .translator import CvLaTeXTranslator

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["CV_PREAMBLE_END", "apply_settings", "latex_text", "pdf_metadata", "pdf_string"]

STYLE_FILE = Path(__file__).with_name("cvsphinx.sty")

#: Linux Libertine and Biolinum cover Latin, Greek and Cyrillic and ship with
#: Debian (fonts-linuxlibertine) and TeX Live (the libertine package); DejaVu
#: Sans Mono, for code, covers them too, and the visible space Sphinx's code
#: blocks use (Debian's fonts-dejavu-core; TeX Live's dejavu package). Giving
#: file names lets XeTeX find them in either place. The comments name the
#: families whose coverage :mod:`.glyphs` checks.
FONTS = (
    f"\n% {MAIN_FONT_FAMILY}\n% {MONO_FONT_FAMILY}"
    + r"""
\setmainfont{LinLibertine}[Extension=.otf, UprightFont=*_R, BoldFont=*_RB,
  ItalicFont=*_RI, BoldItalicFont=*_RBI]
\setsansfont{LinBiolinum}[Extension=.otf, UprightFont=*_R, BoldFont=*_RB,
  ItalicFont=*_RI]
\setmonofont{DejaVuSansMono}[Extension=.ttf, UprightFont=*, BoldFont=*-Bold,
  ItalicFont=*-Oblique, BoldItalicFont=*-BoldOblique, Scale=MatchLowercase]
"""
)

LATEX_ELEMENTS = {
    # A CV has no title page, contents, index or chapter openings.
    "maketitle": "",
    "tableofcontents": "",
    "printindex": "",
    "makeindex": "",
    "fncychap": "",
    "releasename": "",
    "extraclassoptions": "openany,oneside",
    "papersize": "a4paper",
    "pointsize": "10pt",
    "fontpkg": FONTS,
    "sphinxsetup": (
        "hmargin={1.8cm,1.8cm}, vmargin={1.5cm,1.9cm}, "
        "InnerLinkColor={HTML}{1F4E79}, OuterLinkColor={HTML}{1F4E79}"
    ),
}


def apply_settings(app: Sphinx, config: Config) -> None:
    """Fill in the CV's LaTeX settings under whatever ``conf.py`` declared."""
    elements = {**LATEX_ELEMENTS, **config.latex_elements}
    own = config.latex_elements.get("preamble", "")
    elements["preamble"] = pdf_metadata(config) + CV_PREAMBLE_END + own
    if config.latex_engine not in {"xelatex", "lualatex"}:
        # The fonts need fontspec; other engines keep Sphinx's own fonts.
        elements.pop("fontpkg")
    config.latex_elements = elements
    config.latex_additional_files = [*config.latex_additional_files, str(STYLE_FILE)]
    config.latex_documents = [
        _escaped_document(document, config) for document in config.latex_documents
    ]


def _escaped_document(document: tuple, config: Config) -> tuple:
    """Sphinx writes a document's title and author into LaTeX as they are: a
    ``cv_name`` with ``#`` or ``%`` would break TeX. Text without a backslash is
    text, and is escaped; a value with one is taken to be LaTeX already."""
    parts = list(document)
    for index in (2, 3):
        if index < len(parts) and isinstance(parts[index], str) and "\\" not in parts[index]:
            parts[index] = latex_text(parts[index], config)
    return tuple(parts)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", apply_settings, priority=800)
    app.add_latex_package("cvsphinx")
    app.add_builder(LaTeXPDFBuilder)
    for builder in ("latex", "latexpdf"):
        app.set_translator(builder, CvLaTeXTranslator, override=True)
    app.connect("build-finished", remove_pdfs_of_failed_builds, priority=950)
    app.connect("build-finished", checked_makefile)
    app.add_post_transform(MissingGlyphCheck)
