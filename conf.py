"""Sphinx configuration of the CV: who it is about, and how it is built.

Everything here is a setting. The CV's behaviour lives in the engine under
``_ext/cv``; the owner's identity is declared once, as the ``cv_*`` values
below, and the website header, the PDF header and the PDF metadata all read it.
Every value is explained, with an example, in the reference (``docs/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The local extension is a package next to this file, not an installed one.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Identity (the only place the owner's details are written) ---------------

cv_name = "Clemens JS Schäfer"
cv_full_name = "Clemens Jonathan Simon Schäfer"
cv_role = "PhD student in Computer Science and Engineering, University of Notre Dame"
cv_email = "cschaef6@nd.edu"
cv_website = "https://clemens-schafer.com/"
cv_affiliation = "University of Notre Dame"
cv_alumni_of = ["University College London", "Catholic University of Eichstätt-Ingolstadt"]
cv_keywords = [
    "neural network quantization",
    "neuromorphic computing",
    "spiking neural networks",
    "hardware acceleration of machine learning",
]
# Name forms set in bold in publication and talk author lists, as in refs.bib.
cv_highlight_names = ["Schaefer, Clemens JS", "Schäfer, Clemens JS"]

# -- Project -----------------------------------------------------------------

project = f"{cv_name} — Curriculum Vitae"
author = cv_name
copyright = f"{cv_name}"
language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "cv",
]

root_doc = "index"
source_suffix = {".md": "markdown"}
# The engine keeps its own folders (docs/, tests/, tools/...), build output and the
# README out of the sources; list here only pages of your own to leave out.
exclude_patterns = []

# colon_fence lets directives (cv-entry, bibliography) hold Markdown content.
myst_enable_extensions = ["colon_fence"]
# The CV has no math: nothing to load, no MathJax request.
myst_dmath_double_inline = False

# -- Publications and talks ---------------------------------------------------

bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "label"

# -- Variants: PDFs that select from the same pages ---------------------------

# Each is a PDF of its own beside the full CV (the website stays the full CV and
# links them all). Keys and rules: docs/config.md, cv_variants.
cv_variants = {
    # For grant and fellowship applications: at most two pages.
    "short": {
        "title": "Short CV",
        "label": "short CV",
        # The pages it shows, in this order; of the experience, what went on in 2020 or
        # later, with the first two bullets of each (or it runs onto a third page).
        "sections": {
            "sections/education": None,
            "sections/research-interests": None,
            "sections/experience": {"since": 2020, "bullets": 2},
            "sections/publications": None,
            "sections/talks": None,
            "sections/fellowships": None,
            "sections/skills": None,
        },
        "titles": {"sections/talks": "Invited Talks"},
        "talks": {"keywords": ["invited"]},
        "max_pages": 2,
    },
    # For industry: one page.
    "resume": {
        "title": "Résumé",
        "label": "résumé",
        "sections": {
            # The three latest jobs, each with its first bullet.
            "sections/experience": {"limit": 3, "bullets": 1},
            "sections/education": None,
            "sections/skills": None,
            "sections/publications": None,
        },
        "titles": {"sections/publications": "Selected Publications"},
        "publications": {"kinds": ["journal", "conference"], "limit": 3},
        "max_pages": 1,
    },
}

# -- HTML ----------------------------------------------------------------------

html_theme = "furo"
html_title = cv_name
html_static_path = ["_static"]
# Your own styles, after the engine's. The engine draws the site's icon from the
# initials of cv_name (set html_favicon for an icon of your own).
html_css_files = ["custom.css"]
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = False
# A CV has no index entries; the empty index page would be rewritten on every build.
html_use_index = False
html_domain_indices = False
html_last_updated_fmt = None

# -- LaTeX / PDF ---------------------------------------------------------------

# XeLaTeX reads UTF-8 natively and uses OpenType fonts with Greek and Cyrillic.
latex_engine = "xelatex"
latex_documents = [
    ("index", "clemens-schafer-cv.tex", "Curriculum Vitae", cv_name, "howto"),
]
latex_elements = {
    # "letterpaper" for US letter.
    "papersize": "a4paper",
}
