"""A fictional German academic's CV: the engine's generated text in German."""

cv_name = "Henrike Musterfrau"
cv_honorific = "Dr."
cv_role = "Wissenschaftliche Mitarbeiterin, Universität Beispielstadt"
cv_email = "henrike@example.org"
cv_phone = "+49 30 5550 1234"
cv_highlight_names = ["Musterfrau, Henrike"]
# Lists of more than three authors are shortened, keeping her name and place.
cv_max_authors = 3

project = f"{cv_name} — Lebenslauf"
author = cv_name
language = "de"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "cv"]
root_doc = "index"
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "label"
html_theme = "furo"
html_title = cv_name
latex_engine = "xelatex"
latex_documents = [("index", "german-cv.tex", "Lebenslauf", cv_name, "howto")]

# A short CV beside the full one: the site's download line is German too.
cv_variants = {
    "kurz": {
        "title": "Kurzlebenslauf",
        "entries": {"since": 2019},
        "publications": {"kinds": ["journal"], "limit": 1},
        "max_pages": 1,
    },
}
