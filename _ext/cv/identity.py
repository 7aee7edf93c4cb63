"""The CV owner's identity, declared once as ``cv_*`` config values.

``{cv}`name``` puts a value into the text (the landing page's title uses it)
and the ``cv-header`` directive renders the contact block under it. Both read
the configuration when the page is written, so a changed address shows on the
next build without editing any page.

The values are checked when ``conf.py`` has been read: each must have its
type, hold no control character, and every address must be one a reader can
safely follow (``cv_email`` an email address, ``cv_website`` and the
``cv_links`` http(s), mailto or tel). A mistake is an error that names the
line of ``conf.py`` and the value; the value is then left out, and the build
fails. Every output escapes the values for where they land.
"""

from __future__ import annotations

import ast
import re
import unicodedata
import weakref
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .bibentries import read_person
from .download import pdf_href
from .links import EXTERNAL_REL, LINK_SCHEMES, WEB_SCHEMES, is_external, web_address_problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

logger = logging.getLogger(__name__)

#: Config values a ``{cv}`` role may name: the text fields of the identity.
TEXT_FIELDS = ("name", "full_name", "role", "email", "website", "affiliation")
LIST_FIELDS = ("alumni_of", "keywords", "highlight_names")
_EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[^@\s<>\"'(),;:.]+")
_conf_lines: weakref.WeakKeyDictionary[Config, dict[str, str]] = weakref.WeakKeyDictionary()


def config_location(config: Config, name: str) -> str:
    """Where ``conf.py`` sets ``name``: ``/path/conf.py:12``, for messages."""
    if name in config.overrides:
        return "the command line (-D)"
    places = _conf_lines.get(config, {})
    base = name.split("[", 1)[0]
    return places.get(base) or places.get("", "conf.py")


def read_conf_lines(app: Sphinx, config: Config) -> None:
    """Note the line of each top-level assignment in ``conf.py``."""
    if app.confdir is None:
        return
    path = Path(app.confdir, "conf.py")
    places = {"": str(path)}
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        tree = ast.Module(body=[], type_ignores=[])
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        for target in targets:
            if isinstance(target, ast.Name):
                # The last assignment is the one that counts.
                places[target.id] = f"{path}:{statement.lineno}"
    _conf_lines[config] = places


def _control_character(value: str) -> str | None:
    for char in value:
        if unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs"} and char not in "\t\n":
            return f"U+{ord(char):04X}"
    return None


def _problem(config: Config, name: str, message: str) -> None:
    logger.error(
        "%s %s", name, message, location=config_location(config, name), type="cv", subtype="config"
    )


def check_identity(app: Sphinx, config: Config) -> None:
    """Check every ``cv_*`` value; report each mistake, and leave the value out."""
    read_conf_lines(app, config)
    for field in TEXT_FIELDS:
        name = f"cv_{field}"
        value = config[name]
        if not isinstance(value, str):
            _problem(config, name, f"must be text (a string), not {type(value).__name__}")
            config[name] = ""
        elif bad := _control_character(value):
            _problem(config, name, f"{value!r} holds the control character {bad}; remove it")
            config[name] = ""
        else:
            # Line breaks in a value read as spaces, in every output.
            config[name] = " ".join(value.split())
    for field in LIST_FIELDS:
        name = f"cv_{field}"
        value = config[name]
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            _problem(
                config, name, f"must be a list of texts, such as ['one', 'two'], not {value!r}"
            )
            config[name] = []
            continue
        kept = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or _control_character(item):
                _problem(config, f"{name}[{index}]", f"must be plain text, not {item!r}")
            else:
                kept.append(" ".join(item.split()))
        config[name] = kept
    if config.cv_email and not _EMAIL.fullmatch(config.cv_email):
        # Kept (a mailto: link opens nothing harmful): the header still has an email.
        _problem(config, "cv_email", f"{config.cv_email!r} is not an email address")
    if config.cv_website and (found := web_address_problem(config.cv_website, WEB_SCHEMES)):
        _problem(config, "cv_website", f"{config.cv_website!r}: {found}")
        config.cv_website = ""
    config.cv_links = _checked_links(config)
    config.cv_highlight_names = _checked_names(config)


def _checked_links(config: Config) -> list[tuple[str, str]]:
    value = config.cv_links
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        _problem(config, "cv_links", f"must be a list of (label, address) pairs, not {value!r}")
        return []
    links = []
    for index, item in enumerate(value):
        name = f"cv_links[{index}]"
        pair = isinstance(item, (list, tuple)) and len(item) == 2
        if not pair or not all(isinstance(part, str) and part.strip() for part in item):
            _problem(
                config,
                name,
                "must be a (label, address) pair, such as ('GitHub', "
                f"'https://github.com/you'), not {item!r}",
            )
            continue
        label, url = (" ".join(part.split()) for part in item)
        if bad := _control_character(label + url):
            _problem(config, name, f"{item!r} holds the control character {bad}; remove it")
        elif found := web_address_problem(url, LINK_SCHEMES):
            _problem(config, name, f"{url!r}: {found}")
        else:
            links.append((label, url))
    return links


def _checked_names(config: Config) -> list[str]:
    names = []
    for index, name in enumerate(config.cv_highlight_names):
        if read_person(name) is None:
            _problem(
                config,
                f"cv_highlight_names[{index}]",
                f"{name!r} has too many commas; write a name as 'Last, First'",
            )
        else:
            names.append(name)
    return names


def shown_identity(config: Config) -> list[tuple[str, str]]:
    """``(config name, text)`` for each value the PDF's header and footer set."""
    shown = [(f"cv_{field}", config[f"cv_{field}"]) for field in ("name", "full_name", "role")]
    shown += [("cv_email", config.cv_email)]
    if config.cv_website:
        shown.append(("cv_website", website_label(config.cv_website)))
    shown += [(f"cv_links[{index}]", label) for index, (label, _) in enumerate(config.cv_links)]
    return [(name, text) for name, text in shown if text]


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
        value = self.config[f"cv_{field}"]
        # As written in conf.py: not turned into typographic quotes or dashes.
        return [nodes.inline(value, value, support_smartquotes=False)], []


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
    app.connect("config-inited", check_identity, priority=300)
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
