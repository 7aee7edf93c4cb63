"""Links that are safe to follow: known schemes only, and ``rel="noopener"`` off-site.

A CV links to web pages (http, https), to email (mailto) and to a phone
(tel). A link with any other scheme (``javascript:``, ``data:``, ``file:``)
would run or open something on a reader's click; :class:`UnsafeLinkCheck`
makes each one an error at the page and line where it is written, and the
bib check and the identity check refuse such values in ``refs.bib`` and
``conf.py`` with their own file and line. A small subclass of Sphinx's HTML
translator adds ``rel="noopener noreferrer"`` where it writes the ``<a>`` of
an external reference.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

EXTERNAL_REL = "noopener noreferrer"
WEB_SCHEMES = ("http", "https")
LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LOOKS_LIKE_A_HOST = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)+(/|$)")


def is_external(uri: str) -> bool:
    return uri.startswith(("http://", "https://", "//"))


def scheme_of(uri: str) -> str | None:
    """The URI's scheme, lower case; None for a relative link."""
    # Browsers ignore tabs and newlines inside a scheme ("java\tscript:").
    match = _SCHEME.match(re.sub(r"[\t\r\n]", "", uri.strip()))
    return match.group(1).lower() if match else None


def spelled_out(schemes: Sequence[str]) -> str:
    """``http, https, mailto or tel``."""
    return ", ".join(schemes[:-1]) + f" or {schemes[-1]}" if len(schemes) > 1 else schemes[0]


def web_address_problem(url: str, schemes: Sequence[str] = WEB_SCHEMES) -> str | None:
    """Why ``url`` is not an absolute address with one of ``schemes``, or None."""
    scheme = scheme_of(url)
    allowed = spelled_out(schemes)
    if scheme is None:
        if _LOOKS_LIKE_A_HOST.match(url):
            return f"it is not an absolute address; write 'https://{url}'"
        return f"it is not an absolute address; a CV links only to {allowed} addresses"
    if scheme not in schemes:
        return f"a CV links only to {allowed} addresses, not {scheme}:"
    if any(char.isspace() for char in url):
        return "it holds white space; write a space as %20"
    if scheme in WEB_SCHEMES and not urlsplit(url).netloc:
        return "it names no host"
    return None


#: A Markdown link that markdown-it refused (``javascript:``, ``data:``, ``file:``
#: and ``vbscript:`` stay text): "[label](target)" or "<target>" left in the text.
_REFUSED_LINK = re.compile(
    r"\]\(\s*<?(([A-Za-z][\w+.-]*):[^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)"
    r"|<(([A-Za-z][\w+.-]*):[^>\s]*)>"
)


class UnsafeLinkCheck(SphinxPostTransform):
    """Every link in the pages: relative, or http, https, mailto or tel."""

    default_priority = 800

    def run(self, **kwargs: object) -> None:
        # One walk of the page for both checks (a page of 300 papers has some 10,000 nodes).
        texts: list[nodes.Text] = []
        references: list[nodes.reference] = []
        for node in self.document.findall():
            if isinstance(node, nodes.Text):
                texts.append(node)
            elif isinstance(node, nodes.reference):
                references.append(node)
        self.refused_links(texts)
        for reference in references:
            uri = reference.get("refuri", "")
            scheme = scheme_of(uri)
            if scheme is None or scheme in LINK_SCHEMES:
                continue
            logger.error(
                "the link to %r uses the scheme %r, which a CV may not link to; use %s",
                uri,
                f"{scheme}:",
                spelled_out(LINK_SCHEMES),
                location=reference,
                type="cv",
                subtype="unsafe_link",
            )
            reference["refuri"] = ""
            reference.replace_self(nodes.inline("", "", *reference.children))

    def refused_links(self, texts: list[nodes.Text]) -> None:
        """Links Markdown kept as text because of their scheme: the reader would see
        the raw Markdown, so they are errors too."""
        for text in texts:
            if isinstance(text.parent, (nodes.literal, nodes.literal_block, nodes.raw)):
                continue
            for match in _REFUSED_LINK.finditer(str(text)):
                target = match.group(1) or match.group(3)
                scheme = (match.group(2) or match.group(4)).lower()
                if scheme in LINK_SCHEMES:
                    continue
                logger.error(
                    "the link to %r uses the scheme %r, which a CV may not link to (Markdown "
                    "shows it as text); use %s",
                    target,
                    f"{scheme}:",
                    spelled_out(LINK_SCHEMES),
                    location=text.parent,
                    type="cv",
                    subtype="unsafe_link",
                )


class CvHTMLTranslator(HTML5Translator):
    """Sphinx's HTML5 translator, with ``rel`` set on external links."""

    def visit_reference(self, node: nodes.Element) -> None:
        super().visit_reference(node)
        if is_external(node.get("refuri", "")) and self.body[-1].startswith("<a "):
            self.body[-1] = f'<a rel="{EXTERNAL_REL}" ' + self.body[-1][3:]


def setup(app: Sphinx) -> None:
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, CvHTMLTranslator, override=True)
    app.add_post_transform(UnsafeLinkCheck)
