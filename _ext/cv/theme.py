"""Template adjustments to the HTML theme, shipped with the extension.

``templates/`` holds overrides that extend the theme's own templates: a
heading on the search page (which accessibility checkers require), and, when
the site is built on Read the Docs, the element where its add-ons place an ad
on a free project (``#ethical-ad-placement``, at the foot of the navigation,
so that the ad never sits beside or inside the CV). The site's title
(``html_title``, the owner's name) is text: furo writes it into the sidebar as
HTML, so it is escaped here once for every template. The site's style sheet
(``static/cv.css``) is the engine's too, loaded before the owner's own
``html_css_files``.

Unless ``conf.py`` sets ``html_favicon``, the site's icon is drawn from
``cv_initials``: the initials in white on a rounded square in the accent
colour, written as ``_static/cv-favicon.svg`` into the HTML output and linked
from every page (the ``favicon_url`` the themes read).
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from sphinx.builders.html import StandaloneHTMLBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).with_name("templates")
#: The website's style sheet (cv.css) ships with the engine, not in the owner's _static/.
STATIC = Path(__file__).with_name("static")
STYLE_SHEET = "cv.css"
FAVICON = "cv-favicon.svg"
#: The accent colour of the PDF's headings (cvsphinx.sty's cvaccent).
ACCENT = "#1f4e79"


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    # First, so that a file of the same name in the owner's _static/ wins.
    config.html_static_path = [str(STATIC), *config.html_static_path]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    # Templates that escape it themselves first strip tags, which unescapes.
    if context.get("docstitle"):
        context["docstitle"] = escape(app.config.html_title or "")
    context["cv_read_the_docs"] = os.environ.get("READTHEDOCS") == "True"


def favicon_svg(initials: str) -> str:
    """The site's icon: ``initials`` in white on a rounded square in the accent colour."""
    size = {1: 20, 2: 15, 3: 11}.get(len(initials), 11)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="6" fill="{ACCENT}"/>'
        f'<text x="16" y="{16 + round(size * 0.36, 1)}" font-family="Georgia,serif" '
        f'font-size="{size}" text-anchor="middle" fill="#fff">{xml_escape(initials)}</text>'
        "</svg>\n"
    )


def draws_favicon(app: Sphinx) -> bool:
    """An HTML site whose owner chose no icon of their own, and has initials."""
    builder = app.builder
    return (
        isinstance(builder, StandaloneHTMLBuilder)
        and not builder.embedded
        and not app.config.html_favicon
        and bool(app.config.cv_initials)
    )


def link_favicon(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    # After Sphinx's own handler, which turns the name of html_favicon into a path.
    if draws_favicon(app):
        context["favicon_url"] = context["pathto"](f"_static/{FAVICON}", resource=True)


def write_favicon(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not draws_favicon(app):
        return
    path = Path(app.outdir, "_static", FAVICON)
    path.parent.mkdir(parents=True, exist_ok=True)
    svg = favicon_svg(app.config.cv_initials)
    if not path.exists() or path.read_text(encoding="utf-8") != svg:
        path.write_text(svg, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    # After the theme's style sheets (furo's extensions at 600), before the owner's
    # html_css_files (800), which may override it.
    app.add_css_file(STYLE_SHEET, priority=700)
    app.connect("html-page-context", page_context)
    app.connect("html-page-context", link_favicon, priority=600)
    app.connect("build-finished", write_favicon)
