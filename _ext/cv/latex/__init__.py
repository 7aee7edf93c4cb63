"""The PDF: LaTeX settings that make Sphinx's output read as a CV, and a builder
that runs ``latexmk`` so that ``sphinx-build -b latexpdf`` gives the PDF.

The look lives in ``cvsphinx.sty`` beside this module; :func:`apply_settings`
copies it next to the ``.tex`` file and fills ``latex_elements`` (the user's
own ``latex_elements`` win), so ``sphinx-build -b latex`` followed by a plain
``latexmk`` (what Read the Docs runs) gives the same PDF as the builder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.texescape import escape

from .builder import LaTeXPDFBuilder, fail_build_on_tex_errors
from .glyphs import MAIN_FONT_FAMILY, MissingGlyphCheck

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STYLE_FILE = Path(__file__).with_name("cvsphinx.sty")

#: Linux Libertine and Biolinum cover Latin, Greek and Cyrillic and ship with
#: Debian (fonts-linuxlibertine) and TeX Live (the libertine package). Giving
#: file names lets XeTeX find them in either place. The comment names the
#: family whose coverage :mod:`.glyphs` checks.
FONTS = (
    f"\n% {MAIN_FONT_FAMILY}"
    + r"""
\setmainfont{LinLibertine}[Extension=.otf, UprightFont=*_R, BoldFont=*_RB,
  ItalicFont=*_RI, BoldItalicFont=*_RBI, Ligatures=TeX]
\setsansfont{LinBiolinum}[Extension=.otf, UprightFont=*_R, BoldFont=*_RB,
  ItalicFont=*_RI, Ligatures=TeX]
\setmonofont{LinLibertine_M.otf}[Scale=MatchLowercase]
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


def pdf_metadata(config: Config) -> str:
    """The PDF's title, author, subject and keywords, and the footer's name."""
    fields = {
        "pdftitle": f"{config.cv_name} \u2014 Curriculum Vitae",
        "pdfauthor": config.cv_name,
        "pdfsubject": config.cv_role or "Curriculum Vitae",
        "pdfkeywords": ", ".join(config.cv_keywords),
        "pdfcreator": "Sphinx",
    }
    body = ",\n  ".join(f"{key}={{{escape(value)}}}" for key, value in fields.items())
    return f"\\hypersetup{{\n  {body}}}\n\\cvowner{{{escape(config.cv_name)}}}\n"


def apply_settings(app: Sphinx, config: Config) -> None:
    """Fill in the CV's LaTeX settings under whatever ``conf.py`` declared."""
    elements = {**LATEX_ELEMENTS, **config.latex_elements}
    elements["preamble"] = pdf_metadata(config) + config.latex_elements.get("preamble", "")
    if config.latex_engine not in {"xelatex", "lualatex"}:
        # The fonts need fontspec; other engines keep Sphinx's own fonts.
        elements.pop("fontpkg")
    config.latex_elements = elements
    config.latex_additional_files = [*config.latex_additional_files, str(STYLE_FILE)]


def setup(app: Sphinx) -> None:
    app.connect("config-inited", apply_settings, priority=800)
    app.add_latex_package("cvsphinx")
    app.add_builder(LaTeXPDFBuilder)
    app.connect("build-finished", fail_build_on_tex_errors)
    app.add_post_transform(MissingGlyphCheck)
