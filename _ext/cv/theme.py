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

Nothing the page can do without holds up its first paint (what Lighthouse's mobile
score counts): the theme's and Sphinx's scripts run ``defer`` (but on the search
page, whose own scripts call them at once); Pygments' style sheet is linked only
from a page that shows highlighted code, and furo's style sheet for other
extensions only when one of them is in use or Read the Docs' version menu is
drawn; small local style sheets (the engine's ``cv.css``, the owner's
``html_css_files``) are written into the page's ``<head>``, in their place in the
cascade, instead of costing a request each before anything is drawn, and one that
holds no rule is left out. The large theme style sheet stays a file the browser
keeps between pages.
"""

from __future__ import annotations

import os
import re
import weakref
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

import jinja2
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.html._assets import _JavaScript

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
#: Sphinx's and furo's scripts: each waits for the document to be parsed anyway.
DEFERRED_SCRIPTS = frozenset(
    {"documentation_options.js", "doctools.js", "sphinx_highlight.js", "scripts/furo.js"}
)
#: furo's styles for these extensions' markup (and Read the Docs' version menu).
FURO_EXTENSIONS_CSS = "styles/furo-extensions.css"
STYLED_EXTENSIONS = frozenset(
    {"sphinx_design", "sphinx_copybutton", "sphinx_inline_tabs", "sphinx_panels"}
)
#: A local style sheet up to this size is written into each page that links it.
INLINE_LIMIT = 12_000
#: What an inlined style sheet must not hold: a closing tag, or an address that is
#: relative to the style sheet's folder (url(), @import), which the page's is not.
NOT_INLINABLE = re.compile(r"</|url\(|@import", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
QUOTED_COMMENT = re.compile(r"[\"'][^\"'\n]*/\*")


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


#: Each build's inlined style sheets, read once, not once per page.
_inline_styles: weakref.WeakKeyDictionary[Sphinx, dict[str, str | None]] = (
    weakref.WeakKeyDictionary()
)


def inline_style(app: Sphinx, filename: str) -> str | None:
    """The text of the local style sheet ``filename`` to write into a page ("" for one
    with no rule), or ``None`` to link it: too large, not found, or not inlinable."""
    known = _inline_styles.setdefault(app, {})
    if filename not in known:
        known[filename] = _style_text(app, filename)
    return known[filename]


def _style_text(app: Sphinx, filename: str) -> str | None:
    found = None
    # Sphinx copies the folders in order, a later file of the same name over an earlier.
    for folder in app.config.html_static_path:
        path = Path(app.confdir, folder, filename)
        if path.is_file():
            found = path
    if found is None or found.stat().st_size > INLINE_LIMIT:
        return None
    text = found.read_text(encoding="utf-8")
    if NOT_INLINABLE.search(text):
        return None
    rules = CSS_COMMENT.sub("", text)
    # Comments are for the file's reader, but a quoted "/*" is no comment: then all stays.
    kept = text if QUOTED_COMMENT.search(text) else rules
    return "\n".join(line for line in kept.strip().splitlines() if line.strip())


def fast_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    # After the theme's handler, which adds its files' checksums; new lists, since the
    # builder's own are shared by every page.
    if "css_files" in context:
        shows_code = 'class="highlight' in context.get("body", "")
        extended = bool(context.get("READTHEDOCS")) or not STYLED_EXTENSIONS.isdisjoint(
            app.extensions
        )
        kept = []
        inline: dict[str, str] = {}
        for css in context["css_files"]:
            filename = str(getattr(css, "filename", css))
            name = filename.partition("?")[0].removeprefix("_static/")
            if (name == "pygments.css" and not shows_code) or (
                name == FURO_EXTENSIONS_CSS and not extended
            ):
                continue
            attributes = getattr(css, "attributes", {})
            if (
                "://" not in name
                and set(attributes) <= {"rel", "type"}
                and attributes.get("rel", "stylesheet") == "stylesheet"
                and (text := inline_style(app, name)) is not None
            ):
                inline[filename] = text
            kept.append(css)
        context["css_files"] = kept
        context["cv_inline_styles"] = inline
    # The search page's own scripts are not deferred and call doctools.js at once.
    if "script_files" in context and templatename != "search.html":
        context["script_files"] = [
            _JavaScript(js.filename, priority=js.priority, **js.attributes, defer="defer")
            if isinstance(js, _JavaScript)
            and str(js.filename).partition("?")[0].removeprefix("_static/") in DEFERRED_SCRIPTS
            and not {"defer", "async"} & set(js.attributes)
            else js
            for js in context["script_files"]
        ]


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


#: In the doctree folder: the templates, compiled (Jinja's bytecode cache).
COMPILED_TEMPLATES = "cv-templates"


def keep_compiled_templates(app: Sphinx) -> None:
    """Compile the theme's templates once, not in every build: Jinja keeps each one's
    bytecode beside the doctrees, under its name and a checksum of its text, so an
    edited template (the theme's, the engine's, the owner's) is compiled again.
    Compiling them cost a build more than anything else it did when nothing changed."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if isinstance(environment, jinja2.Environment) and environment.bytecode_cache is None:
        folder = Path(app.doctreedir, COMPILED_TEMPLATES)
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", keep_compiled_templates)
    # After the theme's style sheets (furo's extensions at 600), before the owner's
    # html_css_files (800), which may override it.
    app.add_css_file(STYLE_SHEET, priority=700)
    app.connect("html-page-context", page_context)
    app.connect("html-page-context", link_favicon, priority=600)
    app.connect("html-page-context", fast_assets, priority=900)
    app.connect("build-finished", write_favicon)
