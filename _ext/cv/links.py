"""External links that open safely: ``rel="noopener"`` on every off-site link.

A small subclass of Sphinx's HTML translator adds the attribute where Sphinx
writes the ``<a>`` tag of an external reference (publication DOIs, arXiv and
URL links, links typed in the pages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.writers.html5 import HTML5Translator

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

EXTERNAL_REL = "noopener noreferrer"


def is_external(uri: str) -> bool:
    return uri.startswith(("http://", "https://", "//"))


class CvHTMLTranslator(HTML5Translator):
    """Sphinx's HTML5 translator, with ``rel`` set on external links."""

    def visit_reference(self, node: nodes.Element) -> None:
        super().visit_reference(node)
        if is_external(node.get("refuri", "")) and self.body[-1].startswith("<a "):
            self.body[-1] = f'<a rel="{EXTERNAL_REL}" ' + self.body[-1][3:]


def setup(app: Sphinx) -> None:
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, CvHTMLTranslator, override=True)
