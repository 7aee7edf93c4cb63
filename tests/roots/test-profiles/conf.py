extensions = ["myst_parser", "cv"]
myst_enable_extensions = ["colon_fence"]
# Every kind of profile, each written as an owner might: an identifier or an address.
cv_name = "Ada Lovelace"
cv_full_name = "Augusta Ada King"
cv_honorific = "Dr"
cv_role = "Analyst"
cv_email = "ada@example.org"
cv_phone = "+44 20 7946 0958"
cv_website = "https://ada.example.org/"
cv_address = ["12 St James's Square", "London SW1Y 4JH"]
cv_profiles = {
    "orcid": "0000-0002-1825-0097",
    "github": "ada",
    "gitlab": "https://gitlab.com/ada",
    "scholar": "AbCdEfGhIjKL",
    "linkedin": "ada-lovelace",
    "dblp": "https://dblp.org/pid/12/3456",
    "researchgate": "Ada-Lovelace",
    "semanticscholar": "https://www.semanticscholar.org/author/12345678",
    "mastodon": "https://mastodon.social/@ada",
    "bluesky": "@ada.bsky.social",
}
cv_links = [("Notes", "https://example.org/notes")]
html_title = cv_name
html_theme = "furo"
latex_engine = "xelatex"
latex_documents = [("index", "profiles.tex", "Profiles", cv_name, "howto")]
