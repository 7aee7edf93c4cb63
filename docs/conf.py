"""Sphinx configuration of the CV engine's reference: not part of the CV.

Build it on its own with ``sphinx-build -W -n -b html docs _build/docs``. The
pages show the engine's markup as code examples; the engine itself is not
loaded, so no ``cv_*`` value is needed here.
"""

from __future__ import annotations

project = "CV engine reference"
author = "The CV's maintainers"
language = "en"

extensions = ["myst_parser"]
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = "CV engine reference"
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = False
html_use_index = False
html_domain_indices = False
