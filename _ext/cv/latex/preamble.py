"""The engine's part of the PDF's preamble: its metadata, and the footer's name.

``conf.py`` values are escaped for each place they land: as LaTeX text (the
header, the footer) or as one of hyperref's PDF strings (title, author...).
The owner's own ``latex_elements["preamble"]`` comes after
:data:`CV_PREAMBLE_END`, so a variant's PDF (:mod:`.builder`) can take the
engine's part with its own title and keep the owner's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import texescape

from ..language import N_, _

if TYPE_CHECKING:
    from sphinx.config import Config

CURRICULUM_VITAE = N_("Curriculum Vitae")
#: Ends the engine's part of the preamble: the owner's own follows.
CV_PREAMBLE_END = "% cv: end of the engine's preamble\n"


def latex_text(value: str, config: Config) -> str:
    """A ``conf.py`` value as LaTeX text: every special character escaped."""
    texescape.init()  # Sphinx fills its tables when the LaTeX builder starts; this is earlier
    return texescape.escape(" ".join(value.split()), config.latex_engine)


#: What hyperref's PDF strings (title, author...) need escaped; unlike text, a
#: hyphen stays a hyphen there (Sphinx's \sphinxhyphen is not allowed).
_PDF_STRING = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "%": r"\%",
        "#": r"\#",
        "&": r"\&",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        "_": r"\_",
        "$": r"\$",
        "-": "-{}",  # "--" would become a dash,
        "!": "!{}",  # "!`" an inverted exclamation mark
        "?": "?{}",  # and "?`" an inverted question mark
    }
)


def pdf_string(value: str) -> str:
    """A ``conf.py`` value as one of the PDF's metadata strings."""
    return " ".join(value.split()).translate(_PDF_STRING)


def pdf_metadata(config: Config, title: str = "") -> str:
    """The PDF's title (the owner's name, and ``title``: a variant's; the full CV's is
    its title in ``latex_documents``, as the owner wrote it), author, subject and
    keywords, and the footer's name."""
    documents = config.latex_documents
    written = documents[0][2] if documents and len(documents[0]) > 2 else ""
    if not isinstance(written, str) or "\\" in written:
        written = ""  # LaTeX markup is no metadata
    fields = {
        "pdftitle": f"{config.cv_name} \u2014 {title or written or _(CURRICULUM_VITAE)}",
        "pdfauthor": config.cv_name,
        "pdfsubject": config.cv_role or _(CURRICULUM_VITAE),
        "pdfkeywords": ", ".join(config.cv_keywords),
        "pdfcreator": "Sphinx",
    }
    body = ",\n  ".join(f"{key}={{{pdf_string(value)}}}" for key, value in fields.items())
    return f"\\hypersetup{{\n  {body}}}\n\\cvowner{{{latex_text(config.cv_name, config)}}}\n"
