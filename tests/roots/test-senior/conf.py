"""A fictional senior academic's CV: every kind of record the engine knows."""

cv_name = "Ingrid Vasquez-Thorne"
cv_full_name = "Ingrid Maren Vasquez-Thorne"
cv_honorific = "Prof. Dr."
cv_role = "Professor of Computational Ecology, University of Examplia"
cv_email = "ingrid.vt@example.org"
cv_website = "https://example.org/ivt/"
cv_affiliation = "University of Examplia"
cv_highlight_names = [
    "Vasquez-Thorne, Ingrid",
    "Vasquez-Thorne, I. M.",
    "Vasquez-Thorne, Ingrid M.",
]
# Lists of more than twelve authors are shortened, keeping her name and place.
cv_max_authors = 12
cv_date_style = "short"

project = f"{cv_name} — Curriculum Vitae"
author = cv_name
language = "en"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "cv"]
root_doc = "index"
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "label"
html_theme = "furo"
html_title = cv_name
latex_engine = "xelatex"
latex_documents = [("index", "senior-cv.tex", "Curriculum Vitae", cv_name, "howto")]
latex_elements = {"papersize": "a4paper"}
