"""The ``cv-entry`` directive: one dated CV item (a job, a degree, a fellowship).

A single :class:`cv_entry` node carries the title, organisation, location and
period; one HTML visitor and one LaTeX visitor render it, so the website and
the PDF show the same facts in the same order. The directive's content is
ordinary MyST (usually a bullet list) and becomes the node's children.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .dates import DateError, Period

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator


class cv_entry(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """A dated CV item; its children are the item's free content."""


class CvEntryDirective(SphinxDirective):
    """``cv-entry``: a title argument, dates and place as options, MyST content."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = {
        "organisation": directives.unchanged,
        "location": directives.unchanged,
        "start": directives.unchanged_required,
        "end": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        if "start" not in self.options:
            if "end" in self.options:
                raise self.error("cv-entry has an :end: but no :start: date")
            raise self.error("cv-entry needs a :start: date (YYYY, YYYY-MM or YYYY-MM-DD)")
        try:
            period = Period.parse(self.options["start"], self.options.get("end"))
        except DateError as error:
            raise self.error(f"cv-entry {self.arguments[0]!r}: {error}") from None
        node = cv_entry(
            title=self.arguments[0].strip(),
            organisation=self.options.get("organisation", "").strip(),
            location=self.options.get("location", "").strip(),
            dates=period.display(),
            start=period.start.iso(),
            end="present" if period.ongoing else period.end.iso() if period.end else "",
        )
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def visit_cv_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    cells = [
        ("title", self.encode(node["title"])),
        ("dates", f'<time datetime="{node["start"]}">{self.encode(node["dates"])}</time>'),
        ("organisation", self.encode(node["organisation"])),
        ("location", self.encode(node["location"])),
    ]
    self.body.append('<div class="cv-entry">\n<div class="cv-entry-head">')
    for name, html in cells:
        if html:
            self.body.append(f'<span class="cv-entry-{name}">{html}</span>')
    self.body.append("</div>\n")


def depart_cv_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append("</div>\n")


def visit_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    fields = (node[name] for name in ("title", "organisation", "dates", "location"))
    self.body.append(
        "\n\\begin{cventry}" + "".join(f"{{{self.encode(field)}}}" for field in fields) + "\n"
    )


def depart_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\\end{cventry}\n")


def visit_cv_entry_text(self: TextTranslator, node: cv_entry) -> None:
    self.new_state(0)
    head = " | ".join(
        part
        for part in (node["title"], node["organisation"], node["dates"], node["location"])
        if part
    )
    self.add_text(head)
    self.end_state()


def depart_cv_entry_text(self: TextTranslator, node: cv_entry) -> None:
    pass


def setup(app: Sphinx) -> None:
    app.add_node(
        cv_entry,
        html=(visit_cv_entry_html, depart_cv_entry_html),
        latex=(visit_cv_entry_latex, depart_cv_entry_latex),
        text=(visit_cv_entry_text, depart_cv_entry_text),
    )
    app.add_directive("cv-entry", CvEntryDirective)
