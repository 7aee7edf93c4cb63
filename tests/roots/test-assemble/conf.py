extensions = ["myst_parser", "cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Ada Example"
cv_email = "ada@example.org"
