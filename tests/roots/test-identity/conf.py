extensions = ["myst_parser", "cv"]
myst_enable_extensions = ["colon_fence"]
# Every character that is special somewhere: in LaTeX, in HTML, in a script.
cv_name = "Zoë O'Brien & <b>Co</b> #1 50% x_y ~t {z} $5 ^ -- a\\b"
cv_full_name = "Zoë Maria O'Brien"
cv_honorific = "Prof. Dr. & <i>#1</i> 50%_~"
cv_role = "R&D lead <!--<script>alert(1)</script> 50% #1 snake_case ~tilde^ {b} \\ -- x!`"
cv_email = "zoe@example.org"
cv_phone = "+49 (0)30 123-45.67 / 89"
cv_website = "https://example.org/~zoe?a=1&b=2"
cv_address = ["Zoë's Hof #3 & <Co>", "", "50% Way_1 ~ {x} $5 ^ \\ </script>"]
cv_affiliation = "Institute of <Things> & Stuff"
cv_keywords = ["a&b", "50%", "#tag", "x_y", "~t", "</script>"]
cv_links = [("Code & <Data>", "https://example.org/code?x=1&y=2")]
cv_profiles = {
    "orcid": "https://orcid.org/0000-0002-1694-233x",
    "github": "@zoe-ob",
    "scholar": "https://scholar.google.com/citations?user=AbCdEfGhIjKL&hl=en#x%20y",
    "mastodon": "https://mastodon.social/@zoe",
}
html_title = cv_name
latex_engine = "xelatex"
latex_documents = [("index", "identity.tex", "Identity", "Zoë", "howto")]
html_theme = "furo"
