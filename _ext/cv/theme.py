"""Template adjustments to the HTML theme, shipped with the extension.

``templates/`` holds overrides that extend the theme's own templates (for
example a heading on the search page, which accessibility checkers require).
The site's title (``html_title``, the owner's name) is text: furo writes it
into the sidebar as HTML, so it is escaped here once for every template.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).with_name("templates")


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def escape_site_title(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    # Templates that escape it themselves first strip tags, which unescapes.
    if context.get("docstitle"):
        context["docstitle"] = escape(app.config.html_title or "")


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", escape_site_title)
