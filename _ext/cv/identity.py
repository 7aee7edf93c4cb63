"""The CV owner's identity, declared once as ``cv_*`` config values.

``{cv}`name``` puts a value into the text (the landing page's title uses it)
and the ``cv-header`` directive renders the contact block under it. Both read
the configuration when the page is written, so a changed address shows on the
next build without editing any page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .download import pdf_href
from .links import EXTERNAL_REL, is_external

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

#: Config values a ``{cv}`` role may name: the text fields of the identity.
TEXT_FIELDS = ("name", "full_name", "role", "email", "website", "affiliation")


class cv_header(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """The contact block under the CV owner's name; its content comes from config."""


class CvHeaderDirective(SphinxDirective):
    """``cv-header``: the owner's full name, role and contact links, from config."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        missing = [f"cv_{field}" for field in ("name", "email") if not self.config[f"cv_{field}"]]
        if missing:
            raise self.error(f"cv-header needs {' and '.join(missing)} set in conf.py")
        return [cv_header()]


class CvValueRole(SphinxRole):
    """``{cv}`name``` gives the value of ``cv_name`` as text."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        field = self.text.strip()
        if field not in TEXT_FIELDS:
            message = self.inliner.reporter.error(
                f"unknown CV field {field!r}; known fields: {', '.join(TEXT_FIELDS)}",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [nodes.Text(self.config[f"cv_{field}"])], []


def website_label(url: str) -> str:
    """A URL as a person reads it: ``https://example.org/`` → ``example.org``."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") or url


def contact_links(config: Config) -> list[tuple[str, str, str]]:
    """``(kind, label, href)`` for each contact, in the order they are shown."""
    links = [("email", config.cv_email, f"mailto:{config.cv_email}")]
    if config.cv_website:
        links.append(("website", website_label(config.cv_website), config.cv_website))
    links.extend(("link", label, url) for label, url in config.cv_links)
    return links


def visit_cv_header_html(self: HTML5Translator, node: cv_header) -> None:
    config = self.builder.config
    self.body.append('<div class="cv-header">')
    if config.cv_full_name:
        self.body.append(f'<p class="cv-header-fullname">{self.encode(config.cv_full_name)}</p>')
    if config.cv_role:
        self.body.append(f'<p class="cv-header-role">{self.encode(config.cv_role)}</p>')
    self.body.append('<ul class="cv-header-contacts">')
    for kind, label, href in contact_links(config):
        attributes = f'class="cv-contact-{kind}" href="{self.attval(href)}"'
        if kind == "email":
            attributes += f' aria-label="Email {self.attval(label)}"'
        elif is_external(href):
            attributes += f' rel="{EXTERNAL_REL}"'
        self.body.append(f"<li><a {attributes}>{self.encode(label)}</a></li>")
    self.body.append("</ul>")
    pdf = pdf_href(self.builder, self.builder.current_docname)
    if pdf:
        self.body.append(
            f'<p class="cv-header-download"><a class="cv-download" href="{self.attval(pdf)}" '
            'type="application/pdf">Download PDF</a></p>'
        )
    self.body.append("</div>\n")
    raise nodes.SkipNode


def visit_cv_header_latex(self: LaTeXTranslator, node: cv_header) -> None:
    config = self.builder.config
    contacts = r"\cvcontactsep ".join(
        rf"\href{{{self.encode_uri(href)}}}{{{self.encode(label)}}}"
        for _kind, label, href in contact_links(config)
    )
    fields = (config.cv_name, config.cv_full_name, config.cv_role)
    encoded = "".join(f"{{{self.encode(field)}}}" for field in fields)
    self.body.append(f"\n\\cvheader{encoded}{{{contacts}}}\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_name", "", "env", str)
    app.add_config_value("cv_full_name", "", "env", str)
    app.add_config_value("cv_role", "", "env", str)
    app.add_config_value("cv_email", "", "env", str)
    app.add_config_value("cv_website", "", "env", str)
    app.add_config_value("cv_affiliation", "", "env", str)
    app.add_config_value("cv_alumni_of", [], "env", list)
    app.add_config_value("cv_links", [], "env", list)
    app.add_config_value("cv_keywords", [], "env", list)
    app.add_node(
        cv_header,
        html=(visit_cv_header_html, None),
        latex=(visit_cv_header_latex, None),
    )
    app.add_directive("cv-header", CvHeaderDirective)
    app.add_role("cv", CvValueRole())
