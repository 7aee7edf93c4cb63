"""Machine-readable metadata for search engines, link previews and reference managers.

Everything is generated from the ``cv_*`` identity and from the bib files:
OpenGraph tags on every page, a schema.org ``Person`` on the landing page,
one COinS span per publication (:mod:`.records`, :mod:`.publications`), which
Zotero reads (each once per page, however many lists show it), and, when
``html_baseurl`` is known (Read the Docs provides it), a canonical URL and
``sitemap.xml``.
"""

from __future__ import annotations

import json
import os
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from .links import is_external

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config


def person(config: Config) -> dict[str, object]:
    """The CV's owner as a schema.org ``Person``."""
    record: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": config.cv_name,
        "email": f"mailto:{config.cv_email}",
    }
    if config.cv_full_name:
        record["alternateName"] = config.cv_full_name
    if config.cv_honorific:
        record["honorificPrefix"] = config.cv_honorific
    if config.cv_phone:
        record["telephone"] = config.cv_phone
    if config.cv_address:
        record["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(config.cv_address),
        }
    if config.cv_website:
        record["url"] = config.cv_website
    if config.cv_role:
        record["description"] = config.cv_role
    if config.cv_affiliation:
        record["affiliation"] = {"@type": "CollegeOrUniversity", "name": config.cv_affiliation}
    if config.cv_alumni_of:
        record["alumniOf"] = [
            {"@type": "CollegeOrUniversity", "name": name} for name in config.cv_alumni_of
        ]
    if config.cv_keywords:
        record["knowsAbout"] = list(config.cv_keywords)
    # The same person elsewhere: each profile, and each link to a web page.
    same_as = [*config.cv_profiles.values()]
    same_as += [url for _, url in config.cv_links if is_external(url) and url not in same_as]
    if same_as:
        record["sameAs"] = same_as
    if "orcid" in config.cv_profiles:
        record["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "ORCID",
            "value": config.cv_profiles["orcid"].rsplit("/", 1)[-1],
            "url": config.cv_profiles["orcid"],
        }
    return record


#: Inside a script element, "</script", "<!--" and "-->" change how the page is
#: parsed; JSON may spell these characters as escapes, and then no text can.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: object) -> str:
    # Compact: machines read it, not people.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return f'<script type="application/ld+json">{text}</script>\n'


def add_page_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    config = app.config
    title = unescape(context.get("title") or "") or config.cv_name
    page_url = (
        config.html_baseurl.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
        if config.html_baseurl
        else ""
    )
    tags = {
        "og:title": config.cv_name if pagename == config.root_doc else title,
        "og:type": "profile" if pagename == config.root_doc else "website",
        "og:site_name": config.cv_name,
        "og:description": config.cv_role or config.cv_name,
        "og:locale": (config.language or "en").replace("-", "_"),
    }
    if page_url:
        tags["og:url"] = page_url
    meta = "".join(
        f'<meta property="{key}" content="{escape(value)}">\n' for key, value in tags.items()
    )
    meta += f'<meta name="description" content="{escape(config.cv_role or config.cv_name)}">\n'
    if pagename == config.root_doc:
        meta += json_ld(person(config))
    context["metatags"] = context.get("metatags", "") + meta


def canonical_base_url(app: Sphinx, config: Config) -> None:
    """Take Read the Docs' canonical URL when ``conf.py`` sets no ``html_baseurl``."""
    if not config.html_baseurl and os.environ.get("READTHEDOCS_CANONICAL_URL"):
        config.html_baseurl = os.environ["READTHEDOCS_CANONICAL_URL"]


def write_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """``sitemap.xml`` listing every page, when the site's address is known."""
    if exception is not None or app.builder.format != "html" or not app.config.html_baseurl:
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    pages = sorted(app.env.found_docs - {"genindex", "search"})
    urls = "".join(
        f"  <url><loc>{xml_escape(base + app.builder.get_target_uri(page))}</loc></url>\n"
        for page in pages
    )
    Path(app.outdir, "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n",
        encoding="utf-8",
    )


def setup(app: Sphinx) -> None:
    app.connect("config-inited", canonical_base_url)
    app.connect("html-page-context", add_page_metadata)
    app.connect("build-finished", write_sitemap)
