extensions = ["myst_parser", "cv"]
cv_name = "Ada Example"
cv_email = "ada@example.org"
latex_engine = "xelatex"
latex_documents = [("index", "broken.tex", "Broken", "Ada Example", "howto")]
