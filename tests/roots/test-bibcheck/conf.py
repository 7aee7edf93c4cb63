extensions = ["myst_parser", "sphinxcontrib.bibtex", "cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Ada Example"
cv_email = "ada@example.org"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
