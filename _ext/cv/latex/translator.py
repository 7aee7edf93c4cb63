"""Sphinx's LaTeX translator, with two things a CV's PDF needs.

- **Where each block came from.** Before every paragraph, title, list item,
  entry and bibliography item it writes a comment ``%cv-source: PATH:LINE``
  (for a publication, ``refs.bib:LINE (entry KEY)``). TeX reports a line
  that runs past the margin by its line in the ``.tex`` file;
  :mod:`.texlog` reads these comments back to name the page and line the
  owner wrote.
- **Long words break.** A URL or path typed as text, or any token of 20
  characters or more, may break after ``/ . : - _ ? & = # ,``, where a
  reader expects it; ragged-right text never hyphenates words.
"""

from __future__ import annotations

import re
from functools import cached_property

from docutils import nodes
from sphinx.util.nodes import get_node_source
from sphinx.writers.latex import LaTeXTranslator

from ..bibcheck import citation_locations
from ..entry import cv_entry

SOURCE_MARK = "%cv-source: "
#: Tokens at least this long may break after punctuation.
LONG_TOKEN = 20
_BREAK_AFTER = re.compile(r"(?<=[/.:\-_?&=#,;])(?=.)")
_TOKENS = re.compile(r"(\s+)")
BLOCKS = (
    nodes.paragraph,
    nodes.title,
    nodes.rubric,
    nodes.literal_block,
    nodes.line,
    nodes.term,
    nodes.list_item,
    cv_entry,
)


class CvLaTeXTranslator(LaTeXTranslator):
    """Marks each block's source for TeX's messages, and lets long tokens break."""

    def dispatch_visit(self, node: nodes.Node) -> None:
        location = self.source_of(node) if isinstance(node, BLOCKS) else None
        if location and not self.in_title:
            last = self.body[-1] if self.body else "\n"
            self.body.append(("" if last.endswith("\n") else "%\n") + SOURCE_MARK + location)
            self.body.append("\n")
        super().dispatch_visit(node)

    def source_of(self, node: nodes.Element) -> str | None:
        bib_location = self.bib_location(node)
        if bib_location:
            return bib_location
        source = get_node_source(node) if node.source is None else node.source
        line = node.line
        if source is None or line is None:
            return None
        return f"{source}:{line}"

    def bib_location(self, node: nodes.Element) -> str | None:
        """``refs.bib:LINE (entry KEY)`` for a publication's or talk's list item."""
        if not isinstance(node, nodes.list_item) or not node["ids"]:
            return None
        for ident in node["ids"]:
            if location := self.bib_locations.get(ident):
                return location
        return None

    @cached_property
    def bib_locations(self) -> dict[str, str]:
        """Where each citation's entry is in the bib files, by the citation's id."""
        return citation_locations(self.builder.env)

    def visit_Text(self, node: nodes.Text) -> None:  # noqa: N802 - docutils' name
        text = node.astext()
        if self.in_title or self.literal_whitespace or len(text) < LONG_TOKEN:
            super().visit_Text(node)
            return
        pieces = []
        for token in _TOKENS.split(text):
            if len(token) >= LONG_TOKEN and not token.isspace():
                pieces.append(r"\allowbreak{}".join(map(self.encode, _BREAK_AFTER.split(token))))
            else:
                pieces.append(self.encode(token))
        self.body.append("".join(pieces))
