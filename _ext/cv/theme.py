"""Template adjustments to the HTML theme, shipped with the extension.

``templates/`` holds overrides that extend the theme's own templates: a
heading on the search page (which accessibility checkers require), and, when
the site is built on Read the Docs, the element where its add-ons place an ad
on a free project (``#ethical-ad-placement``, at the foot of the navigation,
so that the ad never sits beside or inside the CV). The site's title
(``html_title``, the owner's name) is text: furo writes it into the sidebar as
HTML, so it is escaped here once for every template.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).with_name("templates")


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    # Templates that escape it themselves first strip tags, which unescapes.
    if context.get("docstitle"):
        context["docstitle"] = escape(app.config.html_title or "")
    context["cv_read_the_docs"] = os.environ.get("READTHEDOCS") == "True"


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", page_context)
