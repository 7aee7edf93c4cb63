"""Real exports of many tools, as they write BibTeX, in one CV.

The test copies ``tests/corpus/*.bib`` into ``corpus/`` beside this file.
"""

from glob import glob

extensions = ["myst_parser", "sphinxcontrib.bibtex", "cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Corpus Reader"
cv_email = "reader@example.org"
# The exports name other people; there is no owner to set in bold.
cv_highlight_names: list[str] = []
bibtex_bibfiles = sorted(glob("corpus/*.bib"))
bibtex_default_style = "cv"
latex_engine = "xelatex"
latex_documents = [("index", "corpus.tex", "Corpus", "Corpus Reader", "howto")]
