"""A fictional engineer's CV with variants declared in conf.py only: a short CV,
a one-page industry résumé, and one tailored to an application."""

cv_name = "Tomasz Abernethy-Ruiz"
cv_role = "Research Scientist, Example Robotics Lab"
cv_email = "tomasz.ar@example.org"
cv_highlight_names = ["Abernethy-Ruiz, Tomasz"]

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
latex_documents = [("index", "tomasz-cv.tex", "Curriculum Vitae", cv_name, "howto")]
latex_elements = {"papersize": "a4paper"}

cv_variants = {
    # Pages in an order of its own, recent entries, selected papers, invited talks.
    "short": {
        "title": "Short CV",
        "label": "short CV",
        # A page's own rule stands for everything on it: here, its papers.
        "sections": {
            "sections/experience": None,
            "sections/education": None,
            "sections/publications": {"keywords": ["selected"]},
            "sections/talks": None,
        },
        "titles": {"sections/publications": "Selected Publications"},
        "entries": {"since": 2018},
        "talks": {"keywords": ["invited"]},
        "max_pages": 2,
    },
    # Industry: the entries marked for it, one bullet each, journal papers only.
    "industry": {
        "title": "Résumé",
        "label": "résumé",
        "file": "tomasz-resume",
        "sections": {
            "sections/experience": {"keywords": ["industry"], "bullets": 1},
            "sections/skills": None,
            "sections/publications": None,
        },
        "publications": {"kinds": ["journal"], "limit": 1},
        "max_pages": 1,
    },
    # An application on one topic: everything, but only its papers since 2020.
    "grasping": {
        "title": "CV for the Grasping Fellowship",
        "publications": {"keywords": ["grasping"], "since": 2020},
    },
}
