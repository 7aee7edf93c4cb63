extensions = ["myst_parser", "cv"]
cv_name = "Ada Quill"
cv_email = "ada@example.org"
html_title = cv_name
html_theme = "furo"
html_static_path = ["_static"]
# One style sheet with no rule (left out), one small (written into the page), one that
# points at an image beside it (linked: its address is relative to _static/).
html_css_files = ["empty.css", "small.css", "image.css"]
latex_documents = [("index", "assets.tex", "Assets", "Ada Quill", "howto")]
